// What each published package holds, checked on the tarball npm would publish: no tests, fixtures, test
// helpers or precompressed copies, and every file its `exports` map names; then a tiny app built with
// esbuild (and, for the SDK, run in Node) against the packed tarballs, not the workspace's sources.
// Needs `npm run build`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
const workspaces = ['@banshi/sdk', '@banshi/elements', '@banshi/react', '@banshi/server'];
/** Paths no package ships: tests, their fixtures and helpers, and the CDN's compressed copies. */
const UNWANTED = [
  /(^|\/)(test|tests|__tests__|fixtures?|mocks?)\//,
  /(^|\/)test-(support|helpers)(\/|\.)/,
  /\.test\.[cm]?[jt]s(\.map)?$/,
  /\.test\.d\.ts$/,
  /\.(br|gz)$/,
];

interface Packed {
  name: string;
  filename: string;
  files: Array<{ path: string }>;
}

/** Every file an `exports` map names (conditions and subpaths flattened). */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports.replace(/^\.\//, '')];
  if (exports && typeof exports === 'object') return Object.values(exports).flatMap(exportTargets);
  return [];
}

const npm = async (args: string[]) =>
  (await run('npm', args, { cwd: root.pathname, maxBuffer: 64 * 1024 * 1024 })).stdout;

describe('published packages', () => {
  // Below the repository's node_modules, so the packages' own dependencies resolve as after an install.
  const work = new URL('node_modules/.cache/banshi-pack/', root);
  let packed: Packed[];

  before(async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const args = [
      'pack',
      '--json',
      '--pack-destination',
      work.pathname,
      ...workspaces.flatMap((w) => ['-w', w]),
    ];
    packed = JSON.parse(await npm(args)) as Packed[];
    for (const tarball of packed) {
      const folder = new URL(`node_modules/${tarball.name}/`, work);
      mkdirSync(folder, { recursive: true });
      await run('tar', [
        '-xzf',
        new URL(tarball.filename, work).pathname,
        '-C',
        folder.pathname,
        '--strip-components=1',
      ]);
    }
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('hold no tests, fixtures or compressed copies, and every file their exports name', () => {
    assert.deepEqual(packed.map((tarball) => tarball.name).sort(), [...workspaces].sort());
    for (const tarball of packed) {
      const paths = tarball.files.map((file) => file.path);
      const unwanted = paths.filter((path) => UNWANTED.some((pattern) => pattern.test(path)));
      assert.deepEqual(unwanted, [], `${tarball.name} ships ${unwanted.join(', ')}`);
      const manifest = JSON.parse(
        readFileSync(new URL(`${tarball.name.replace('@banshi/', 'packages/')}/package.json`, root), 'utf8'),
      );
      const missing = exportTargets(manifest.exports).filter((target) => !paths.includes(target));
      assert.deepEqual(missing, [], `${tarball.name} exports files it does not ship`);
    }
  });

  it('resolve in a bundler: a tiny app built with esbuild from the tarballs', async () => {
    const app = new URL('app.ts', work);
    writeFileSync(
      app,
      `import { createClient } from '@banshi/sdk';
import { maskIdNumber } from '@banshi/sdk/forms';
import { BanshiRating, VERSION } from '@banshi/elements';
import { BanshiRating as ReactRating } from '@banshi/react';
export const used = [createClient, maskIdNumber, BanshiRating, VERSION, ReactRating];\n`,
    );
    const result = await build({
      entryPoints: [app.pathname],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    });
    const inputs = Object.keys(result.metafile.inputs);
    for (const name of ['sdk', 'elements', 'react']) {
      assert.ok(
        inputs.some((input) => input.includes(`banshi-pack/node_modules/@banshi/${name}/dist/`)),
        `@banshi/${name} came from its tarball`,
      );
    }
    assert.ok(!inputs.some((input) => input.startsWith('packages/')), 'nothing from the workspace sources');
    assert.match(result.outputFiles[0]!.text, /banshi-rating/);
  });

  it('resolve in Node: the SDK and its form engine import from the tarball', async () => {
    const script = new URL('node-app.mjs', work);
    writeFileSync(
      script,
      `const sdk = await import('@banshi/sdk');
const forms = await import('@banshi/sdk/forms');
const where = import.meta.resolve('@banshi/sdk');
console.log(JSON.stringify({ client: typeof sdk.createClient, mask: forms.maskIdNumber('150302198805123023'), where }));\n`,
    );
    const { stdout } = await run(process.execPath, [script.pathname]);
    const facts = JSON.parse(stdout) as { client: string; mask: string; where: string };
    assert.equal(facts.client, 'function');
    assert.equal(facts.mask, '1503**********3023');
    assert.match(facts.where, /banshi-pack\/node_modules\/@banshi\/sdk\//);
  });
});
