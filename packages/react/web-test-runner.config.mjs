// Renders each generated React component with React 19 in Chromium. React ships CommonJS only, so the
// test server hands the page one ES module bundle of react and react-dom/client (made with esbuild) and
// small modules re-exporting it under the bare names the components and the test import.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { locateEngines } from '../../scripts/engines.mjs';
import { PAGE_OPEN_TIMEOUT_MS, launcherFor } from '../../scripts/launchers.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);
const PREFIX = '/__react/';
/** Bare module name → the name its exports go under in the bundle. */
const shims = { react: 'React', 'react-dom/client': 'ReactDOMClient' };

let bundle;
async function reactBundle() {
  bundle ??= build({
    stdin: {
      contents: Object.entries(shims)
        .map(([module, name]) => `export * as ${name} from '${module}';`)
        .join('\n'),
      resolveDir: here,
    },
    bundle: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
  }).then((result) => result.outputFiles[0].text);
  return bundle;
}

/** A module re-exporting one of the bundle's namespaces, with each export named (as ESM needs). */
function shimFor(module) {
  // The production build has the same exports and, unlike the development one, leaves the test runner's
  // console alone when it loads in Node.
  const mode = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const exported = Object.keys(require(module));
  process.env.NODE_ENV = mode;
  const names = exported.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  return [
    `import { ${shims[module]} as ns } from '${PREFIX}bundle.js';`,
    'export default ns;',
    `export const { ${names.join(', ')} } = ns;`,
  ].join('\n');
}

function reactFromCommonJs() {
  return {
    name: 'banshi-react-from-commonjs',
    resolveImport({ source }) {
      if (source in shims) return `${PREFIX}${encodeURIComponent(source)}.js`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const name = decodeURIComponent(context.path.slice(PREFIX.length, -'.js'.length));
      const body = name === 'bundle' ? await reactBundle() : shimFor(name);
      return { body, type: 'js' };
    },
  };
}

const chromium = locateEngines().find((engine) => engine.name === 'chromium');

export default {
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  files: [`${here}test/**/*.test.ts`],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [reactFromCommonJs(), esbuildPlugin({ ts: true, target: 'es2022' })],
  browsers: [launcherFor('chromium', chromium.paths)],
  browserStartTimeout: PAGE_OPEN_TIMEOUT_MS,
  testFramework: { config: { timeout: 20000 } },
};
