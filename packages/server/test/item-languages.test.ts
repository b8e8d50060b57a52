import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { importItems } from '../src/items/importer.js';
import { createHarness, type Harness } from './support/harness.js';
import { exampleForm, exampleItem } from './support/fixtures.js';

// A shared cache (a CDN, a city portal's proxy) keys answers by URL plus the headers named in Vary. An item
// guide in zh-CN and in en has one URL, so without `Vary: Accept-Language` a cache could hand the English
// guide to a Chinese reader, or confirm one language's copy with the other's ETag.
describe('item reads in two languages over HTTP', () => {
  let h: Harness;
  let server: ServerType;
  let base: string;
  const item = exampleItem();
  const origin = 'https://www.hbw.gov.cn';

  before(async () => {
    h = await createHarness({ allowedOrigins: [origin] });
    await importItems(h.database.db, [
      {
        item,
        form: exampleForm(),
        translations: { en: { ...item, name: 'Public rental housing application' } },
      },
    ]);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await h.close();
  });

  async function get(path: string, headers: Record<string, string>) {
    const response = await fetch(`${base}${path}`, { headers });
    return {
      status: response.status,
      vary: response.headers.get('vary'),
      etag: response.headers.get('etag'),
      language: response.headers.get('content-language'),
      text: await response.text(),
    };
  }

  it('says Vary: Accept-Language and gives each language its own ETag, on the first and the cached read', async () => {
    const path = `/api/v1/items/${item.code}`;
    const zh = { 'Accept-Language': 'zh-CN' };
    const en = { 'Accept-Language': 'en' };
    // The first read of each language fills the cache through the app; the next ones come from memory.
    const reads = { zh: [await get(path, zh)], en: [await get(path, en)] };
    for (let i = 0; i < 2; i++) {
      reads.zh.push(await get(path, zh));
      reads.en.push(await get(path, en));
    }
    for (const read of [...reads.zh, ...reads.en]) {
      assert.equal(read.status, 200);
      assert.equal(read.vary, 'Accept-Language');
    }
    assert.equal(JSON.parse(reads.zh[0]!.text).name, item.name);
    assert.equal(JSON.parse(reads.en[0]!.text).name, 'Public rental housing application');
    const zhTag = reads.zh[0]!.etag!;
    const enTag = reads.en[0]!.etag!;
    assert.notEqual(zhTag, enTag);
    assert.deepEqual(new Set(reads.zh.map((read) => read.etag)), new Set([zhTag]));
    assert.deepEqual(new Set(reads.en.map((read) => read.etag)), new Set([enTag]));

    for (let i = 0; i < 2; i++) {
      const zhFresh = await get(path, { ...zh, 'If-None-Match': zhTag });
      assert.deepEqual([zhFresh.status, zhFresh.vary, zhFresh.etag], [304, 'Accept-Language', zhTag]);
      const enFresh = await get(path, { ...en, 'If-None-Match': enTag });
      assert.deepEqual([enFresh.status, enFresh.vary, enFresh.etag], [304, 'Accept-Language', enTag]);
      // The other language's ETag does not confirm this language's copy.
      const zhWithEnTag = await get(path, { ...zh, 'If-None-Match': enTag });
      assert.deepEqual([zhWithEnTag.status, zhWithEnTag.etag, zhWithEnTag.language], [200, zhTag, 'zh-CN']);
      const enWithZhTag = await get(path, { ...en, 'If-None-Match': zhTag });
      assert.deepEqual([enWithZhTag.status, enWithZhTag.etag, enWithZhTag.language], [200, enTag, 'en']);
    }
  });

  it('names Origin and Accept-Language in one Vary header when CORS applies, on both paths', async () => {
    const path = `/api/v1/items/${item.code}`;
    for (let i = 0; i < 3; i++) {
      for (const language of ['zh-CN', 'en']) {
        const response = await fetch(`${base}${path}`, {
          headers: { Origin: origin, 'Accept-Language': language },
        });
        await response.text();
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('vary'), 'Origin, Accept-Language');
        assert.equal(response.headers.get('access-control-allow-origin'), origin);
      }
    }
  });

  it('says Vary: Accept-Language on forms and on problems, whose messages are localised', async () => {
    const form = await get(`/api/v1/items/${item.code}/form`, { 'Accept-Language': 'en' });
    assert.equal(form.status, 200);
    assert.equal(form.vary, 'Accept-Language');
    const missing = await get(`/api/v1/items/${item.code.slice(0, -1)}9`, { 'Accept-Language': 'en' });
    assert.equal(missing.status, 404);
    assert.equal(missing.vary, 'Accept-Language');
    const malformed = await get('/api/v1/items/not-a-code', { Origin: origin });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.vary, 'Origin, Accept-Language');
    // Files that are the same in every language do not vary on it.
    const document = await fetch(`${base}/openapi.yaml`);
    await document.text();
    assert.equal(document.headers.get('vary'), null);
  });
});
