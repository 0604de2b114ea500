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

/**
 * Lit's `static properties` with `{ state: true }` are internal state, never attributes (Lit
 * sets `attribute: false` for them), but the analyzer's Lit plugin (0.11) lists each as an
 * attribute (open-wc/custom-elements-manifest#294). This runs after it on each class and takes
 * those attributes out again, so that the manifest says what `@state()` said.
 */
function litStaticStates() {
  return {
    name: 'lotse-lit-static-states',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.text);
      const properties = node.members.find(
        (m) =>
          ts.isPropertyDeclaration(m) &&
          m.name.getText() === 'properties' &&
          m.modifiers?.some((mod) => mod.kind === ts.SyntaxKind.StaticKeyword),
      );
      if (!declaration || !properties?.initializer || !ts.isObjectLiteralExpression(properties.initializer)) return;
      for (const entry of properties.initializer.properties) {
        if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
        const isState = entry.initializer.properties.some(
          (o) => ts.isPropertyAssignment(o) && o.name.getText() === 'state' && o.initializer.kind === ts.SyntaxKind.TrueKeyword,
        );
        if (!isState) continue;
        const name = entry.name.getText();
        declaration.attributes = declaration.attributes?.filter((a) => a.fieldName !== name);
        const member = declaration.members?.find((m) => m.name === name);
        if (member) delete member.attribute;
      }
    },
  };
}

export default {
  plugins: [lotseDefineElement(), litStaticStates()],
};
