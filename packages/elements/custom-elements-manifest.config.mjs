// Generates custom-elements.json (read by Storybook docs and editors) from the JSDoc of the components:
// @summary, @slot, @event, @csspart and @cssprop on each class.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/test-support/**', 'src/**/generated/**'],
  outdir: '.',
  litelement: true,
};
