import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { handlers } from '../src/handlers.js';
import { allOperations } from './support/conformance.js';
import { createHarness, type Harness } from './support/harness.js';
import { importExample } from './support/cases.js';

describe('HTTP surface', () => {
  let h: Harness;
  let itemCode: string;
  const site = mkdtempSync(join(tmpdir(), 'banshi-site-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(site, 'app.js'), 'console.log(1)');
  const cdn = mkdtempSync(join(tmpdir(), 'banshi-cdn-'));
  mkdirSync(join(cdn, 'nested'));
  writeFileSync(join(cdn, 'banshi.js'), 'export {}');

  before(async () => {
    h = await createHarness({
      allowedOrigins: ['https://www.hbw.gov.cn'],
      demoDir: site,
      cdnDir: cdn,
      bodyLimitBytes: 4096,
    });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  it('implements every operation of the document', () => {
    const missing = allOperations.map((op) => op.operationId).filter((id) => !(id in handlers));
    assert.deepEqual(missing, []);
  });

  it('gives every response an X-Request-Id, keeping a sensible one sent by the client', async () => {
    const fresh = await h.call('GET', '/api/v1/items');
    assert.match(fresh.headers.get('x-request-id')!, /^req_[0-9a-f]{32}$/);
    const kept = await h.call('GET', '/api/v1/items', { headers: { 'X-Request-Id': 'trace-123' } });
    assert.equal(kept.headers.get('x-request-id'), 'trace-123');
    const problem = await h.call('GET', '/api/v1/items?limit=abc', {
      headers: { 'X-Request-Id': 'trace-456' },
    });
    assert.equal(problem.body.requestId, 'trace-456');
    const replaced = await h.call('GET', '/api/v1/items', { headers: { 'X-Request-Id': '<script>' } });
    assert.notEqual(replaced.headers.get('x-request-id'), '<script>');
  });

  it('allows the configured origins only, exposing Retry-After, X-Request-Id and ETag', async () => {
    const allowed = await h.app.request('/api/v1/items', { headers: { Origin: 'https://www.hbw.gov.cn' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://www.hbw.gov.cn');
    const exposed = allowed.headers.get('access-control-expose-headers')!.toLowerCase();
    for (const header of ['retry-after', 'x-request-id', 'etag']) assert.ok(exposed.includes(header), header);
    const preflight = await h.app.request('/api/v1/cases', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://www.hbw.gov.cn',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'idempotency-key,content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers')!, /Idempotency-Key/i);
    const other = await h.app.request('/api/v1/items', { headers: { Origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  it('answers malformed JSON, a wrong content type and an oversized body with problems', async () => {
    const malformed = await h.call('POST', '/api/v1/evaluations', {
      raw: '{"level": ',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.code, 'validation_failed');
    const wrongType = await h.call('POST', '/api/v1/cases', {
      raw: 'level=good',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(wrongType.status, 415);
    assert.equal(wrongType.body.code, 'unsupported_media_type');
    const huge = await h.call('POST', '/api/v1/cases', { body: { comment: 'x'.repeat(10_000) } });
    assert.equal(huge.status, 413);
    assert.equal(huge.body.code, 'payload_too_large');
    const empty = await h.call('POST', '/api/v1/evaluations', {});
    assert.equal(empty.status, 400);
  });

  it('answers every operation that takes a body with 415 for a wrong content type and 413 when too large', async () => {
    // Path parameters that pass validation, so the body is what is judged.
    const pathValues: Record<string, string> = {
      caseNumber: '15030220261123000017',
      year: '2026',
      evaluationId: 'ev_01JDB4C2H7P3N8Q5R6S9T0V1WX',
      code: '11150302MB154687214000105012000',
      appointmentNumber: 'YY2612080K3P9Q',
      consultationNumber: 'ZX2612070K3P9Q',
    };
    // Protected operations answer 401 before reading a body; with a credential the body is judged.
    const credentials = { ...h.staff, 'X-Query-Code': 'ABCDEFGH' };
    const withBody = allOperations.filter((operation) => operation.requestBody);
    assert.ok(withBody.length >= 8, 'the document has operations with bodies');
    for (const operation of withBody) {
      const path = `/api/v1${operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => pathValues[name]!)}`;
      const method = operation.method.toUpperCase();
      const where = `${method} ${path}`;
      const wrongType = await h.call(method, path, {
        raw: 'level=good',
        headers: { 'content-type': 'text/plain', 'Accept-Language': 'en', ...credentials },
      });
      assert.equal(wrongType.status, 415, `${where}: ${wrongType.text}`);
      assert.equal(wrongType.body.code, 'unsupported_media_type', where);
      assert.match(wrongType.body.detail, /must be/, where);
      const huge = await h.call(method, path, {
        raw: 'x'.repeat(operation.operationId === 'createUpload' ? 30 * 1024 * 1024 : 10_000),
        headers: {
          'content-type': Object.keys(operation.requestBody!.content)[0]!,
          'Accept-Language': 'en',
          ...credentials,
        },
      });
      assert.equal(huge.status, 413, `${where}: ${huge.text}`);
      assert.equal(huge.body.code, 'payload_too_large', where);
      if (operation.operationId !== 'createUpload')
        assert.equal(huge.body.detail, 'The request body must not exceed 4096 bytes', where);
    }
  });

  it('answers unknown routes with 404 and known routes with another method with 405, as problems', async () => {
    const unknown = await h.call('GET', '/api/v1/nothing-here');
    assert.equal(unknown.status, 404);
    assert.match(unknown.headers.get('content-type')!, /problem\+json/);
    const wrongMethod = await h.call('DELETE', `/api/v1/items/${itemCode}`, { unchecked: true });
    assert.equal(wrongMethod.status, 405);
    assert.match(wrongMethod.headers.get('content-type')!, /problem\+json/);
  });

  it('serves the document, the API reference offline, the CDN folder and the demo site', async () => {
    const yaml = await h.app.request('/openapi.yaml');
    assert.match(yaml.headers.get('content-type')!, /yaml/);
    assert.match(await yaml.text(), /^openapi: 3\.1/);
    const docs = await h.app.request('/docs');
    const html = await docs.text();
    assert.match(docs.headers.get('content-security-policy')!, /script-src 'self'/);
    assert.doesNotMatch(docs.headers.get('content-security-policy')!, /unsafe-eval/);
    assert.doesNotMatch(html, /https?:\/\//, 'no CDN URLs');
    assert.doesNotMatch(html, /<script>(?!<\/script>)/, 'no inline script');
    const bundle = await h.app.request('/docs/scalar.js');
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type')!, /javascript/);
    assert.match(await (await h.app.request('/docs/init.js')).text(), /\/openapi\.yaml/);
    const script = await h.app.request('/cdn/banshi.js');
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type')!, /text\/javascript/);
    assert.equal((await h.app.request('/cdn/missing.js')).status, 404);
    assert.equal((await h.app.request('/cdn/../package.json')).status, 404);
    assert.equal((await h.app.request('/cdn/%2e%2e/%2e%2e/package.json')).status, 404);
    const index = await h.app.request('/');
    assert.match(index.headers.get('content-type')!, /text\/html/);
    assert.ok(index.headers.get('content-security-policy'));
    assert.match((await h.app.request('/app.js')).headers.get('content-type')!, /javascript/);
    assert.equal((await h.app.request('/nope.html')).status, 404);
  });

  it('never shows a stack trace, and logs the failure with the request id', async () => {
    const logged: Record<string, unknown>[] = [];
    const broken = await createHarness({ log: (entry) => logged.push(entry) });
    await broken.close();
    const response = await broken.call('GET', '/api/v1/items', {
      unchecked: true,
      headers: { 'X-Request-Id': 'broken-1' },
    });
    assert.equal(response.status, 500);
    assert.match(response.headers.get('content-type')!, /problem\+json/);
    assert.doesNotMatch(response.text, /at .*\.(ts|js):\d+/);
    assert.ok(logged.some((entry) => entry.requestId === 'broken-1' && typeof entry.stack === 'string'));
  });
});
