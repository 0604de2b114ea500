/**
 * Registers a custom element unless the name is taken. A CMS page may include the script
 * twice (two content blocks) or two Lotse versions; the first definition wins and the page
 * keeps working instead of throwing "has already been defined".
 */
export function defineElement(name: string, constructor: CustomElementConstructor) {
  const existing = customElements.get(name);
  if (!existing) customElements.define(name, constructor);
  else if (existing !== constructor) {
    console.info(`[lotse] <${name}> is already defined by another copy of Lotse; that one is used.`);
  }
}
