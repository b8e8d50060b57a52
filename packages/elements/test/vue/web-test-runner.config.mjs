// Renders a Vue single-file component that uses every widget (test/vue/App.vue) in Chromium: the test server
// compiles `.vue` files with @vue/compiler-sfc, with the `isCustomElement` setting the README documents,
// and serves Vue's browser build for `vue`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileScript, parse } from '@vue/compiler-sfc';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { transform } from 'esbuild';
import { locateEngines } from '../../../../scripts/engines.mjs';
import { PAGE_OPEN_TIMEOUT_MS, launcherFor } from '../../../../scripts/launchers.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** The setting a Vue app needs for the widgets: every `banshi-*` tag is a custom element. */
export const isCustomElement = (tag) => tag.startsWith('banshi-');

function vueSingleFileComponents() {
  return {
    name: 'banshi-vue-sfc',
    resolveMimeType: (context) => (context.path.endsWith('.vue') ? 'js' : undefined),
    resolveImport({ source }) {
      return source === 'vue' ? '/node_modules/vue/dist/vue.runtime.esm-browser.js' : undefined;
    },
    async transform(context) {
      if (!context.path.endsWith('.vue')) return undefined;
      const filename = `${root}${context.path.slice(1)}`;
      const source = readFileSync(filename, 'utf8');
      // Both steps need the setting: the parse decides which tags are components.
      const { descriptor, errors } = parse(source, { filename, templateParseOptions: { isCustomElement } });
      if (errors.length) throw errors[0];
      const script = compileScript(descriptor, {
        id: filename,
        inlineTemplate: true,
        templateOptions: { compilerOptions: { isCustomElement } },
      });
      const { code } = await transform(script.content, { loader: 'ts', format: 'esm', target: 'es2022' });
      return { body: code, type: 'js' };
    },
  };
}

const chromium = locateEngines().find((engine) => engine.name === 'chromium');

export default {
  rootDir: root,
  files: [`${here}*.test.ts`],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [vueSingleFileComponents(), esbuildPlugin({ ts: true, target: 'es2022' })],
  browsers: [launcherFor('chromium', chromium.paths)],
  browserStartTimeout: PAGE_OPEN_TIMEOUT_MS,
  testFramework: { config: { timeout: 20000 } },
};
