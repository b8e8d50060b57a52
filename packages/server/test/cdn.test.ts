import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createHarness, type Harness } from './support/harness.js';

/** A CDN folder as the build leaves it: a release, scripts with their brotli and gzip copies. */
function cdnFolder(): { dir: string; loader: string } {
  const dir = mkdtempSync(join(tmpdir(), 'banshi-cdn-'));
  const loader = `export const tags = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `banshi-${i}`))};`;
  writeFileSync(join(dir, 'release.json'), '{ "version": "9.8.7" }');
  mkdirSync(join(dir, 'chunks'));
  for (const [name, text] of [
    ['banshi-loader.js', loader],
    ['chunks/banshi-core.js', 'export const core = 1;'],
  ] as const) {
    writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(text));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(text));
  }
  // A file whose compressed copies are older than it (a rebuild that stopped half-way) is sent as it is.
  writeFileSync(join(dir, 'stale.js'), 'export const fresh = true;');
  writeFileSync(join(dir, 'stale.js.br'), brotliCompressSync('export const fresh = false;'));
  const past = new Date(Date.now() - 3600_000);
  utimesSync(join(dir, 'stale.js.br'), past, past);
  return { dir, loader };
}

describe('CDN serving', () => {
  let h: Harness;
  const { dir, loader } = cdnFolder();
  const get = (path: string, headers: Record<string, string> = {}) =>
    h.app.request(path, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd', ...headers } });

  before(async () => {
    h = await createHarness({ cdnDir: dir });
  });
  after(() => h.close());

  it('sends the precompressed copy the client accepts, brotli first, and says it varies', async () => {
    const br = await get('/cdn/9.8.7/banshi-loader.js');
    assert.equal(br.status, 200);
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('vary'), 'Accept-Encoding');
    assert.match(br.headers.get('content-type')!, /^text\/javascript/);
    const brBody = Buffer.from(await br.arrayBuffer());
    assert.equal(Number(br.headers.get('content-length')), brBody.length);
    assert.ok(brBody.length < loader.length / 2, 'smaller on the wire');
    assert.equal(brotliDecompressSync(brBody).toString(), loader);

    const gz = await get('/cdn/9.8.7/banshi-loader.js', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), loader);

    const refused = await get('/cdn/9.8.7/banshi-loader.js', { 'accept-encoding': 'br;q=0, gzip' });
    assert.equal(refused.headers.get('content-encoding'), 'gzip');

    const plain = await get('/cdn/9.8.7/banshi-loader.js', { 'accept-encoding': 'identity' });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(plain.headers.get('vary'), 'Accept-Encoding');
    assert.equal(await plain.text(), loader);
    // Each encoding is its own representation, with its own validator.
    const tags = new Set([br, gz, plain].map((response) => response.headers.get('etag')));
    assert.equal(tags.size, 3);
  });

  it('caches a versioned path for a year and revalidates the unversioned alias by ETag', async () => {
    const versioned = await get('/cdn/9.8.7/chunks/banshi-core.js');
    assert.equal(versioned.status, 200);
    assert.equal(versioned.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(versioned.headers.get('access-control-allow-origin'), '*');

    const alias = await get('/cdn/chunks/banshi-core.js');
    assert.equal(alias.headers.get('cache-control'), 'no-cache');
    const etag = alias.headers.get('etag')!;
    assert.match(etag, /^"[\w-]+"$/);
    const again = await get('/cdn/chunks/banshi-core.js', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(again.headers.get('vary'), 'Accept-Encoding');
    const weak = await get('/cdn/chunks/banshi-core.js', { 'if-none-match': `"other", W/${etag}` });
    assert.equal(weak.status, 304);
    // The same validator does not answer for another encoding.
    const other = await get('/cdn/chunks/banshi-core.js', {
      'if-none-match': etag,
      'accept-encoding': 'gzip',
    });
    assert.equal(other.status, 200);
  });

  it('serves no other release under its name, no compressed copy by its own name, no stale copy', async () => {
    assert.equal((await get('/cdn/1.0.0/banshi-loader.js')).status, 404);
    assert.equal((await get('/cdn/banshi-loader.js.br')).status, 404);
    assert.equal((await get('/cdn/9.8.7/banshi-loader.js.gz')).status, 404);
    assert.equal((await get('/cdn/9.8.7/%2e%2e/%2e%2e/package.json')).status, 404);
    const stale = await get('/cdn/stale.js');
    assert.equal(stale.headers.get('content-encoding'), null);
    assert.equal(await stale.text(), 'export const fresh = true;');
  });
});
