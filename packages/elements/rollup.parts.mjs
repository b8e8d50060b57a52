// Builds of @banshi/elements, gathered by the root rollup.config.mjs:
// - the npm build: `dist/` mirrors `src/` (ESM + .d.ts), with lit, @banshi/sdk and dompurify external;
// - the CDN in `cdn/`, production builds only, for the browsers of package.json's
//   browserslist (ES2022 at most), minified:
//   - `banshi-loader.js`, the autoloader, with `chunks/`: one shared core chunk (Lit, the SDK, the base
//     element), one chunk per widget, and the chunks of rarely used modes, loaded on first use;
//   - the self-contained files `banshi.js` (every widget) and `banshi-<widget>.js` (one widget each), with
//     Lit and the SDK inlined;
//   - `banshi-themes.css`, and `sri.json` with the sha384 integrity of each script (also printed with its
//     gzip size). `scripts/finish-cdn.mjs` then adds the manifest and the brotli and gzip copies.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import typescript from '@rollup/plugin-typescript';
import { transform } from 'esbuild';
import { cssTargets, esbuildTargets } from '../../scripts/browser-targets.mjs';

const here = new URL('.', import.meta.url);
const path = (relative) => fileURLToPath(new URL(relative, here));

/** One CDN file per widget: `cdn/banshi-<name>.js` from `src/<name>/define.ts`. Later widgets add a line. */
const widgets = [
  'rating',
  'case-tracker',
  'item-search',
  'item-guide',
  'application-form',
  'appointment',
  'rating-summary',
  'consult',
];
/** What the loader defines: every widget, the provider and the region picker (no self-contained files of their own). */
const loaderWidgets = [...widgets, 'provider', 'region-picker'];

const THEMES_CSS = 'src/theme/generated/banshi-themes.css';

/** Emits the district theme classes beside the JavaScript. */
function themesCss() {
  return {
    name: 'banshi-themes-css',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'banshi-themes.css',
        source: readFileSync(path(THEMES_CSS), 'utf8'),
      });
    },
  };
}

/**
 * Writes the GB/T 2260 list (from `@banshi/sdk/regions`, which the SDK's build made just before) as the
 * region picker downloads it: `regions/index.json` with the provinces, and `regions/<province>.json` with
 * the cities and counties of one province, each `{ [parent code]: Region[] }` (provinces under `""`).
 */
function regionFiles() {
  return {
    name: 'banshi-region-files',
    async generateBundle() {
      const { childRegions } = await import('@banshi/sdk/regions');
      const emit = (name, lists) =>
        this.emitFile({ type: 'asset', fileName: `regions/${name}.json`, source: JSON.stringify(lists) });
      const provinces = childRegions(null);
      emit('index', { '': provinces });
      for (const province of provinces) {
        const lists = {};
        const add = (code) => {
          const below = childRegions(code);
          if (!below.length) return;
          lists[code] = below;
          below.forEach((region) => add(region.code));
        };
        add(province.code);
        emit(province.code, lists);
      }
    },
  };
}

/**
 * After terser the only raw line breaks left are inside template literals, i.e. the CSS and HTML of the
 * components; their indentation is insignificant whitespace, so it goes.
 */
function compactTemplates() {
  return {
    name: 'banshi-compact-templates',
    renderChunk(code) {
      return { code: code.replace(/[ \t]*\n\s*/g, '\n'), map: null };
    },
  };
}

/**
 * Minifies the CSS of the components' `css` templates (lightningcss, for the supported browsers) and the
 * markup of their `html` templates, in their TypeScript source; the `${…}` parts are left as written.
 */
function minifyTemplates() {
  return minifyLiterals({
    include: ['packages/elements/src/**/*.ts'],
    exclude: ['**/*.test.ts', '**/*.stories.ts'],
    failOnError: true,
    options: { minifyOptions: { minifyCSS: { targets: cssTargets } } },
  });
}

/**
 * Narrows the table of standard formats of @cfworker/json-schema (the validator of `@banshi/sdk/forms`) to
 * those a form definition may use: the library's own `date`, `date-time` and `email` checks, untouched, so
 * browser and server (which keeps the whole table) judge every one of them alike; the Chinese formats are
 * the SDK's own. The server's seed check refuses any other format in a form, and the other checks (URIs,
 * UUIDs, JSON pointers, durations…) cost about 0.8 KB gzip in every bundle with the form engine.
 */
const FORMAT_MODULE = /@cfworker[\\/]json-schema[\\/]dist[\\/]esm[\\/]format\.js$/;
const FORM_FORMATS = ['date', 'date-time', 'email'];
function formFormatsOnly() {
  return {
    name: 'banshi-form-formats-only',
    transform(code, id) {
      if (!FORMAT_MODULE.test(id)) return null;
      const table = /export const format = \{\n([\s\S]*?)\n\};/.exec(code);
      if (!table)
        this.error('The format table of @cfworker/json-schema changed shape: update formFormatsOnly.');
      const entries = table[1].split(/,\n/).map((line) => line.trim());
      const kept = entries.filter((entry) => FORM_FORMATS.includes(/^'?([\w-]+)'?(:|$)/.exec(entry)?.[1]));
      if (kept.length !== FORM_FORMATS.length)
        this.error(`@cfworker/json-schema lacks one of ${FORM_FORMATS}.`);
      return { code: code.replace(table[0], `export const format = {\n${kept.join(',\n')}\n};`), map: null };
    },
  };
}

/**
 * ky (the SDK's transport) targets current browsers; two of its calls are newer than Chromium 86, on paths
 * that run there: `AbortSignal#throwIfAborted` (Chromium 100) before each retry's wait, and `Array#at`
 * (Chromium 92) where it picks one signal because `AbortSignal.any` is missing. Both become their ES2021
 * equivalents in ky's own modules; `Object.hasOwn` is replaced for every module below.
 */
const KY_MODULE = /[\\/]node_modules[\\/]ky[\\/]distribution[\\/].*\.js$/;
const KY_REWRITES = [
  ['signal.throwIfAborted();', 'if (signal.aborted) throw signal.reason;'],
  ['signals.at(-1)', 'signals[signals.length - 1]'],
];
function kyForChromium86() {
  return {
    name: 'banshi-ky-for-chromium-86',
    transform(code, id) {
      if (!KY_MODULE.test(id)) return null;
      let rewritten = code;
      for (const [from, to] of KY_REWRITES) rewritten = rewritten.split(from).join(to);
      if (/\.throwIfAborted\(|\.at\(-/.test(rewritten))
        this.error(`${id} calls an API newer than Chromium 86 in a new way: update kyForChromium86.`);
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
}

/**
 * Lowers whatever syntax the supported browsers (package.json's browserslist) lack, in our code and in the
 * inlined dependencies alike; `npm run lint` then checks the result with es-check.
 */
function browserTargets() {
  return {
    name: 'banshi-browser-targets',
    async renderChunk(code) {
      // Only what those browsers lack is lowered: ky's private fields and methods stay as written (every
      // supported browser has them; lowered, they were 0.8 KB gzip of WeakMap helpers in the core chunk).
      // es-check (`npm run lint`) holds the bundles to ES2022.
      const target = esbuildTargets;
      // esbuild lowers every `?.` for Chromium 80–90, whose one defect is a call in an optional chain with
      // a spread argument before another argument (`a?.b(...c, d)`): where a chunk has none, `?.` stays
      // (the lowered form cost 1 KB gzip over the loader's chunks).
      const supported = { 'optional-chain': !hasSpreadBeforeArgumentInChain(this.parse(code)) };
      const lowered = await transform(code, { target, supported, format: 'esm', loader: 'js' });
      return { code: lowered.code, map: null };
    },
  };
}

/** Whether a call inside an optional chain passes a spread argument followed by another argument. */
function hasSpreadBeforeArgumentInChain(node, inChain = false) {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((child) => hasSpreadBeforeArgumentInChain(child, inChain));
  const chained = inChain || node.type === 'ChainExpression';
  if (
    chained &&
    (node.type === 'CallExpression' || node.type === 'NewExpression') &&
    node.arguments.slice(0, -1).some((argument) => argument.type === 'SpreadElement')
  )
    return true;
  return Object.entries(node).some(
    ([key, child]) =>
      key !== 'type' && typeof child === 'object' && hasSpreadBeforeArgumentInChain(child, chained),
  );
}

/** Records the sha384 integrity of each written bundle in cdn/sri.json and prints it with the gzip size. */
function subresourceIntegrity() {
  return {
    name: 'banshi-sri',
    writeBundle(options, bundle) {
      const sriFile = path('cdn/sri.json');
      const sri = existsSync(sriFile) ? JSON.parse(readFileSync(sriFile, 'utf8')) : {};
      for (const fileName of Object.keys(bundle)) {
        if (!fileName.endsWith('.js')) continue;
        const source = readFileSync(`${options.dir}/${fileName}`);
        const integrity = `sha384-${createHash('sha384').update(source).digest('base64')}`;
        sri[fileName] = integrity;
        const gzip = (gzipSync(source, { level: 9 }).length / 1024).toFixed(1);
        console.log(`cdn/${fileName}  ${gzip} KB gzip  ${integrity}`);
      }
      // Files are replaced in place rather than the folder emptied first, so a page or a test reading cdn/
      // while it is rebuilt never finds it empty; leftovers of removed widgets go afterwards (with the
      // compressed copies, which finish-cdn.mjs makes again).
      for (const file of readdirSync(path('cdn')))
        if (!cdnFiles.has(file)) rmSync(path(`cdn/${file}`), { recursive: true });
      if (Object.keys(bundle).some((fileName) => fileName.startsWith(CHUNKS))) {
        for (const file of readdirSync(path(`cdn/${CHUNKS}`)))
          if (!bundle[CHUNKS + file]) rmSync(path(`cdn/${CHUNKS}${file}`));
      }
      const current = Object.entries(sri).filter(([file]) =>
        file.startsWith(CHUNKS) ? existsSync(path(`cdn/${file}`)) : cdnFiles.has(file),
      );
      const sorted = Object.fromEntries(current.sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(sriFile, `${JSON.stringify(sorted, null, 2)}\n`);
    },
  };
}

/** Starts the npm build from an empty dist/, so a module whose source was removed is not shipped. */
function cleanDist() {
  return {
    name: 'banshi-clean-dist',
    buildStart() {
      rmSync(path('dist'), { recursive: true, force: true });
    },
  };
}

/** The loader's chunks, beside it. */
const CHUNKS = 'chunks/';

/** What cdn/ holds; anything else there (a removed widget's file) is deleted after each CDN build. */
const cdnFiles = new Set([
  'banshi-loader.js',
  'banshi-locale-mn-Mong-CN.js',
  'chunks',
  'banshi.js',
  'regions',
  ...widgets.map((name) => `banshi-${name}.js`),
  'banshi-themes.css',
  'sri.json',
]);

const npmExternal = (id) => /^(lit|@lit|@banshi\/sdk|dompurify|tslib|uqr)(\/|$)/.test(id);

const npmBuild = {
  input: path('src/index.ts'),
  external: npmExternal,
  output: {
    dir: path('dist'),
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: path('src'),
    entryFileNames: '[name].js',
    sourcemap: true,
  },
  plugins: [
    cleanDist(),
    typescript({
      tsconfig: path('tsconfig.build.json'),
      outDir: path('dist'),
      declarationDir: path('dist'),
      rootDir: path('src'),
      noEmitOnError: true,
    }),
    {
      name: 'banshi-themes-css-npm',
      generateBundle() {
        this.emitFile({
          type: 'asset',
          fileName: 'theme/banshi-themes.css',
          source: readFileSync(path(THEMES_CSS), 'utf8'),
        });
      },
    },
  ],
};

/** The plugins of every CDN build: production Lit, the supported browsers' syntax, minified, SRI recorded. */
function cdnPlugins(extraPlugins = [], values = {}) {
  return [
    replace({
      preventAssignment: true,
      values: {
        'process.env.NODE_ENV': JSON.stringify('production'),
        // Chromium 86–92 and Safari 15.0–15.3 lack Object.hasOwn, which ky calls on every request; the
        // equivalent call (same arguments, same refusal of null) keeps the bundle working there without
        // touching the page's globals.
        'Object.hasOwn': 'Object.prototype.hasOwnProperty.call',
      },
    }),
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    formFormatsOnly(),
    kyForChromium86(),
    minifyTemplates(),
    typescript({
      tsconfig: path('tsconfig.cdn.json'),
      compilerOptions: { outDir: path('cdn') },
      noEmitOnError: true,
    }),
    browserTargets(),
    // Constants the build writes in, after TypeScript so their `declare const` lines are gone.
    ...(Object.keys(values).length ? [replace({ preventAssignment: true, values })] : []),
    terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: false } }),
    compactTemplates(),
    ...extraPlugins,
    subresourceIntegrity(),
  ];
}

function cdnBundle(fileName, input, extraPlugins = []) {
  return {
    input: path(input),
    // Self-contained files: a widget's lazy imports are inlined, so one script tag (and its SRI hash) is all.
    output: { dir: path('cdn'), format: 'es', entryFileNames: fileName, inlineDynamicImports: true },
    // The region picker's files are beside these bundles.
    plugins: cdnPlugins(extraPlugins, { BANSHI_REGIONS_PATH: JSON.stringify('./regions/') }),
  };
}

/**
 * What the core chunk holds: Lit, the SDK's client (with its transport) and the base element with its
 * locale and theme machinery, i.e. what every widget needs (the first matching pattern wins). The form engine (`@banshi/sdk/forms`) and the
 * code two widgets share stay in chunks of their own, fetched by the pages that use them.
 */
const CORE = [
  // Lit's directives stay out: each goes with the views that use one.
  /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element|ky)[\\/](?!(async-)?directives?[\\/.])/,
  // The SDK's client without its resources (each widget's define.ts hands over those it calls, and they
  // go with it), but with what they share; the upload fetch loads on the first upload. The region list
  // (`@banshi/sdk/regions`) is for Node: the region picker downloads it a level at a time.
  /packages[\\/]sdk[\\/]dist[\\/](core[\\/](?!xhr-fetch\.js$)|client-core\.js$|resources[\\/]api-resource\.js$)/,
  // The ID-number mask (a few lines) is all the tracker needs of the form engine.
  /packages[\\/]sdk[\\/]dist[\\/]forms[\\/]mask\.js$/,
  // Helpers of the base only some widgets use (the kiosk's outbox, Beijing time, list formats, printing,
  // the SDK's resources) go with them.
  /packages[\\/]elements[\\/]src[\\/](base|i18n|theme)[\\/](?!(outbox|beijing-time|list-format|print-alone|resources)\.ts$)/,
];

/**
 * Writes into the loader each widget's chunk with the chunks it imports statically, near and far, the core
 * chunk apart (the loader imports that for every widget): the loader then requests them all at once, not
 * each only after the chunk that imports it has arrived (one round trip less before a widget shows).
 */
function loaderImportMap() {
  const placeholder = 'BANSHI_LOADER_WIDGETS';
  const core = `${CHUNKS}banshi-core.js`;
  return {
    name: 'banshi-loader-import-map',
    generateBundle(options, bundle) {
      const loader = bundle['banshi-loader.js'];
      if (!loader?.code.includes(placeholder)) this.error(`The loader no longer reads ${placeholder}.`);
      const importsOf = (file, found = new Set()) => {
        for (const imported of bundle[file].imports)
          if (imported !== core && !found.has(imported)) importsOf(imported, found.add(imported));
        return found;
      };
      const widgetImports = loaderWidgets.map((name) => [
        name,
        [...importsOf(`${CHUNKS}banshi-${name}.js`)].map((file) => file.slice(CHUNKS.length, -'.js'.length)),
      ]);
      loader.code = loader.code.split(placeholder).join(JSON.stringify(widgetImports));
    },
  };
}

/** The loader and its chunks: `chunks/banshi-<widget>.js` beside the loader, the core chunk named too. */
const loaderBuild = {
  input: {
    'banshi-loader': path('src/loader/loader.ts'),
    // Registers the traditional Mongolian strings with the core chunk's registry (a page adds it by hand).
    'banshi-locale-mn-Mong-CN': path('src/locales/mn-mong-cn/register.ts'),
    ...Object.fromEntries(
      loaderWidgets.map((name) => [`${CHUNKS}banshi-${name}`, path(`src/${name}/define.ts`)]),
    ),
  },
  output: {
    dir: path('cdn'),
    format: 'es',
    entryFileNames: '[name].js',
    // Under /cdn/<version>/ every name is immutable; an unversioned alias revalidates by ETag.
    chunkFileNames: `${CHUNKS}[name].js`,
    manualChunks: (id) => {
      // The base's CORS probe and its words load after a refused request only: a chunk of their own.
      if (/[\\/]base[\\/]cors-refusal\.ts$/.test(id)) return undefined;
      // A widget's English strings load the first time it shows English: a chunk per widget, named `en-…`.
      const english = /src[\\/]([\w-]+)[\\/]([\w-]*?)-?messages\.en\.ts$/.exec(id);
      if (english) return `en-${english[2] || english[1]}`;
      if (CORE.some((pattern) => pattern.test(id))) return 'banshi-core';
      // Named for people reading the network panel.
      if (/packages[\\/]sdk[\\/]dist[\\/]forms[\\/]formats[\\/](?!registry)/.test(id))
        return 'banshi-formats';
      if (/packages[\\/]sdk[\\/]dist[\\/]forms[\\/]/.test(id)) return 'banshi-forms';
      if (/node_modules[\\/]@cfworker[\\/]/.test(id)) return 'banshi-forms';
      // The guide-to-form hand-over is all the form needs of the item widgets' shared code.
      if (/packages[\\/]elements[\\/]src[\\/]item-common[\\/]situation-query\.ts$/.test(id))
        return 'banshi-situations';
      if (/packages[\\/]elements[\\/]src[\\/]item-common[\\/]/.test(id)) return 'banshi-item-common';
      // Small chunks that pages mostly load together share a file (each file costs its own request and
      // compression): the SDK's items and reference lists; the tracker's dates and Beijing time.
      if (/packages[\\/]sdk[\\/]dist[\\/]resources[\\/](items|reference)[\\/]/.test(id)) return 'catalogue';
      if (/packages[\\/]elements[\\/]src[\\/](case-tracker[\\/]format|base[\\/]beijing-time)\.ts$/.test(id))
        return 'dates';
      return undefined;
    },
  },
  plugins: cdnPlugins([regionFiles(), loaderImportMap()], {
    // The chunks sit one folder below the region picker's files.
    BANSHI_REGIONS_PATH: JSON.stringify('../regions/'),
  }),
};

mkdirSync(path('cdn'), { recursive: true });

export default [
  npmBuild,
  loaderBuild,
  cdnBundle('banshi.js', 'src/index.ts', [themesCss()]),
  ...widgets.map((name) => cdnBundle(`banshi-${name}.js`, `src/${name}/define.ts`)),
];
