import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createHarness, type Harness } from './support/harness.js';
import { importExample } from './support/cases.js';
import { assertConforms } from './support/conformance.js';

// Item guides are read far more than anything else; a repeated read is answered from memory. These
// tests hold that answer to the first one, over a real socket as `npm start` serves it.
describe('repeated item reads over HTTP', () => {
  let h: Harness;
  let server: ServerType;
  let base: string;
  let code: string;
  const origin = 'https://www.hbw.gov.cn';

  before(async () => {
    h = await createHarness({ allowedOrigins: [origin] });
    code = (await importExample(h)).code;
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await h.close();
  });

  async function get(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${base}${path}`, { headers });
    const text = await response.text();
    const contentType = response.headers.get('content-type');
    const body = text && /json/.test(contentType ?? '') ? JSON.parse(text) : undefined;
    assertConforms('GET', path, response.status, contentType, body);
    const shown = Object.fromEntries(
      [...response.headers].filter(([name]) => !['date', 'x-request-id', 'keep-alive'].includes(name)),
    );
    return { status: response.status, headers: shown, requestId: response.headers.get('x-request-id'), text };
  }

  it('answers a repeated read with the same status, body and headers as the first', async () => {
    const variants: Record<string, string>[] = [
      {},
      { 'Accept-Language': 'en' },
      { Origin: origin, 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' },
      { Origin: 'https://elsewhere.example' },
    ];
    for (const headers of variants) {
      const first = await get(`/api/v1/items/${code}`, headers);
      assert.equal(first.status, 200);
      for (let i = 0; i < 3; i++) {
        const again = await get(`/api/v1/items/${code}`, headers);
        assert.deepEqual(again, { ...first, requestId: again.requestId }, JSON.stringify(headers));
        assert.match(again.requestId!, /^req_[0-9a-f]{32}$/);
        assert.notEqual(again.requestId, first.requestId, 'each answer has its own request id');
      }
    }
  });

  it('keeps ETag/304, CORS, Content-Language and the caller’s request id on a repeated read', async () => {
    const first = await get(`/api/v1/items/${code}`, { Origin: origin, 'Accept-Language': 'en' });
    const etag = first.headers.etag!;
    const conditional = { Origin: origin, 'Accept-Language': 'en', 'If-None-Match': `W/"x", ${etag}` };
    const fresh = await get(`/api/v1/items/${code}`, { ...conditional, 'X-Request-Id': 'trace-1' });
    const again = await get(`/api/v1/items/${code}`, { ...conditional, 'X-Request-Id': 'trace-2' });
    assert.equal(fresh.status, 304);
    assert.equal(fresh.requestId, 'trace-1');
    assert.equal(again.requestId, 'trace-2');
    assert.deepEqual(again.headers, fresh.headers);
    assert.equal(again.headers.etag, etag);
    assert.equal(again.headers['content-language'], 'en');
    assert.equal(again.headers['access-control-allow-origin'], origin);
    assert.equal(again.headers.vary, 'Origin, Accept-Language');
    const other = await get(`/api/v1/items/${code}`, { 'Accept-Language': 'en', 'If-None-Match': '"other"' });
    assert.equal(other.status, 200);
  });

  it('still answers unknown codes with a 404 problem and malformed codes or headers with a 400, every time', async () => {
    const unknown = `${code.slice(0, -1)}9`;
    for (let i = 0; i < 2; i++) {
      const missing = await get(`/api/v1/items/${unknown}`);
      assert.equal(missing.status, 404);
      assert.match(missing.headers['content-type']!, /^application\/problem\+json/);
      const malformed = await get(`/api/v1/items/${code.toLowerCase()}`);
      assert.equal(malformed.status, 400);
      const longHeader = await get(`/api/v1/items/${code}`, { 'If-None-Match': `"${'x'.repeat(300)}"` });
      assert.equal(longHeader.status, 400);
    }
  });
});
