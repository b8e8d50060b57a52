// The npm build of @banshi/sdk: ESM entry points `dist/index.js` (the client), `dist/core/index.js` (the
// client without its resources), `dist/forms/index.js` (the form engine) and `dist/regions/index.js` (the
// GB/T 2260 list), with declarations beside them, matching the `exports` map in package.json.
// Dependencies stay external; the CDN bundles of @banshi/elements inline them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import typescript from '@rollup/plugin-typescript';

const here = new URL('.', import.meta.url);
const path = (relative) => fileURLToPath(new URL(relative, here));

/** openapi-typescript writes a .d.ts, which tsc does not copy; emitted declarations import it. */
function copyGeneratedSchema() {
  return {
    name: 'banshi-copy-generated-schema',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'generated/schema.d.ts',
        source: readFileSync(path('src/generated/schema.d.ts'), 'utf8'),
      });
    },
  };
}

// tslib is not external: the TypeScript plugin resolves it, so any helper the code ever needs is inlined
// instead of becoming a runtime dependency (today the ES2021 output needs none).
const external = (id) => /^(@cfworker\/json-schema|@vant\/area-data)(\/|$)/.test(id);

export default [
  {
    input: {
      index: path('src/index.ts'),
      'core/index': path('src/core/index.ts'),
      'forms/index': path('src/forms/index.ts'),
      'regions/index': path('src/regions/index.ts'),
    },
    external,
    output: {
      dir: path('dist'),
      format: 'es',
      // One file per source module, so a bundler splitting an app (the elements' CDN chunks) can give
      // a widget that needs one helper of the form engine that helper alone.
      preserveModules: true,
      preserveModulesRoot: path('src'),
      entryFileNames: '[name].js',
      sourcemap: true,
    },
    plugins: [
      typescript({
        tsconfig: path('tsconfig.build.json'),
        outDir: path('dist'),
        declarationDir: path('dist'),
        rootDir: path('src'),
        noEmitOnError: true,
      }),
      copyGeneratedSchema(),
    ],
  },
];
