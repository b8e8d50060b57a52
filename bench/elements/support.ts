// Shared by the element benchmarks: gzip sizes of a CDN file (and the chunk it may import
// lazily), and a headless Chromium page on a running reference server.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumArgs, chromiumExecutable } from '../../scripts/chromium.mjs';

const cdn = new URL('../../packages/elements/cdn/', import.meta.url);

export const kb = (bytes: number): number => +(bytes / 1024).toFixed(2);

/** gzip -9 of a CDN file and of the chunk it imports lazily (when the build splits one out). */
export function cdnSizes(
  file: string,
): { entry: number; chunk?: { name: string; bytes: number } } | undefined {
  const url = new URL(file, cdn);
  if (!existsSync(url)) return undefined;
  const source = readFileSync(url);
  const chunkName = /import\(\s*["']\.\/([\w.-]+\.js)["']\s*\)/.exec(source.toString())?.[1];
  const entry = gzipSync(source, { level: 9 }).length;
  if (!chunkName) return { entry };
  return {
    entry,
    chunk: { name: chunkName, bytes: gzipSync(readFileSync(new URL(chunkName, cdn)), { level: 9 }).length },
  };
}

/** Headless Debian Chromium (CHROME_PATH or /usr/bin/chromium). */
export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumExecutable,
    args: chromiumArgs,
  });
}

/**
 * gzip -9 of a bundle built from `source` (TypeScript in packages/elements/src) the way the CDN files are:
 * minified ES2021, production Lit. `external` modules are left out, to see what they cost.
 */
export async function bundleGzip(source: string, external: string[] = []): Promise<number> {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: {
      contents: source,
      resolveDir: new URL('../../packages/elements/src/', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2021',
    write: false,
    external,
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

/** Lit + @banshi/sdk + the base element with an empty widget: what every widget's CDN file starts from. */
export const FLOOR_SOURCE = `import { html } from 'lit';
import { BanshiElement } from './base/banshi-element.js';
import { defineElement } from './base/define.js';
class Empty extends BanshiElement { renderContent() { return html\`\${this.api ? '' : ''}\`; } }
defineElement('banshi-empty', Empty);`;
