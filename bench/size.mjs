// Gzip sizes of what a browser downloads: the SDK entry points bundled and minified as an app would
// ship them, what each page downloads through the CDN's loader, and every self-contained CDN file as built.
// Needs `npm run build` first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { measureLoaderPages } from './loader-size.mjs';

const root = new URL('..', import.meta.url);
const fromRoot = (path) => new URL(path, root).pathname;

async function bundledGzipBytes(entry) {
  const result = await build({
    entryPoints: [fromRoot(entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2021',
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

/** @returns {Promise<Array<{name: string, bytes: number, budgetKB?: number}>>} */
export async function measureSizes() {
  // The SDK's client (with ky, its transport) and its forms validator are reported alone, and budgeted
  // where a page pays for them: the client in the loader's core chunk, the validator in the apply page.
  const rows = [];
  const sdk = 'packages/sdk/dist/index.js';
  const forms = 'packages/sdk/dist/forms/index.js';
  if (existsSync(fromRoot(sdk))) {
    rows.push({ name: 'sdk client', bytes: await bundledGzipBytes(sdk) });
  }
  if (existsSync(fromRoot(forms))) {
    rows.push({ name: 'sdk forms (with validator)', bytes: await bundledGzipBytes(forms) });
  }
  // The self-contained files: one script tag each, with Lit and the SDK inside.
  const cdn = fromRoot('packages/elements/cdn/');
  if (existsSync(cdn)) {
    for (const file of readdirSync(cdn)
      .filter((name) => name.endsWith('.js') && name !== 'banshi-loader.js')
      .sort()) {
      rows.push({ name: `cdn/${file}`, bytes: gzipSync(readFileSync(cdn + file), { level: 9 }).length });
    }
  }
  return [...rows, ...measureLoaderPages()];
}
