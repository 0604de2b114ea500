/**
 * Settings for `npm run manifest` (@custom-elements-manifest/analyzer).
 *
 * Lotse registers its elements with `defineElement('lotse-…', Class)` (safe against double
 * inclusion) instead of `customElements.define`, which the analyzer does not recognise. The
 * plugin below reads those calls, so that each widget gets its `tagName` in
 * custom-elements.json — Storybook's autodocs and IDEs look elements up by tag.
 */
function lotseDefineElement() {
  return {
    name: 'lotse-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;
      const [tag, cls] = node.arguments;
      if (!tag || !cls || !ts.isStringLiteral(tag) || !ts.isIdentifier(cls)) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === cls.text);
      if (!declaration) return;
      declaration.tagName = tag.text;
      declaration.customElement = true;
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: cls.text, module: moduleDoc.path },
      });
    },
    packageLinkPhase({ customElementsManifest }) {
      // `emit(name, detail)` in the base element looks like an event called "name" to the
      // analyzer; the real events are documented with @fires on each widget.
      // Likewise `customElements.define(name, constructor)` inside defineElement() itself is
      // no element of its own.
      for (const mod of customElementsManifest.modules ?? []) {
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.startsWith('lotse-'));
        for (const declaration of mod.declarations ?? []) {
          if (declaration.events) {
            declaration.events = declaration.events.filter((event) => event.name?.startsWith('lotse-'));
          }
        }
      }
    },
  };
}

export default {
  plugins: [lotseDefineElement()],
};
