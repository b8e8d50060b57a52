// Generates custom-elements.json (read by Storybook docs and editors) from the JSDoc of the components:
// @tagname, @summary, @slot, @event, @csspart and @cssprop on each class.

/** The analyzer also reports the base class's generic `emit(type, …)` as an event named `type`; only
 * events documented with @event are real. */
function documentedEventsOnly() {
  return {
    name: 'banshi-documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events)
            declaration.events = declaration.events.filter((event) => event.description);
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/test-support/**', 'src/**/generated/**'],
  outdir: '.',
  litelement: true,
  plugins: [documentedEventsOnly()],
};
