import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, isInternalServerError } from '../../src/index.js';
import { startScriptedServer } from './support/scripted-server.js';

test('client.request calls any operation by path, with parameters, query and body', async (t) => {
  const server = await startScriptedServer((request) => ({
    status: 200,
    body: request.method === 'PUT' ? JSON.parse(request.body) : { items: [], nextCursor: null },
  }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: `${server.origin}/api/v1/` });
  const regions = await client.request('GET', '/regions', { query: { parent: '150300' } });
  assert.deepEqual(regions, { items: [], nextCursor: null });
  const stored = await client.request('put', '/calendar/{year}', {
    params: { year: 2026 },
    body: { days: [{ date: '2026-10-01', kind: 'holiday' }] },
  });
  assert.deepEqual(stored, { days: [{ date: '2026-10-01', kind: 'holiday' }] });
  assert.deepEqual(
    server.requests.map((request) => `${request.method} ${request.url}`),
    ['GET /api/v1/regions?parent=150300', 'PUT /api/v1/calendar/2026'],
  );
});

test('a raw POST gets a key per call and is retried under it', async (t) => {
  const server = await startScriptedServer((_request, index) =>
    index === 0 ? { status: 502 } : { status: 201, body: { id: 'ev_01JDB4C2H7P3N8Q5R6S9T0V1WX' } },
  );
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  await client.request('post', '/evaluations', {
    body: {
      target: { kind: 'case', caseNumber: '15030220261123000017' },
      level: 'satisfied',
      channel: 'pc',
      anonymous: true,
    },
  });
  assert.equal(server.requests.length, 2);
  assert.ok(server.requests[0]!.headers['idempotency-key']);
  assert.equal(
    server.requests[1]!.headers['idempotency-key'],
    server.requests[0]!.headers['idempotency-key'],
  );
});

test('withOptions gives a client with another locale and leaves the original alone', async (t) => {
  const server = await startScriptedServer(() => ({ status: 200, body: { items: [], nextCursor: null } }));
  t.after(() => server.close());
  const chinese = createClient({ baseUrl: server.origin, locale: 'zh-CN', headers: { 'x-site': 'hbw' } });
  const english = chinese.withOptions({ locale: 'en' });
  await english.reference.listThemes();
  await chinese.reference.listThemes();
  assert.deepEqual(
    server.requests.map((request) => [request.headers['accept-language'], request.headers['x-site']]),
    [
      ['en', 'hbw'],
      ['zh-CN', 'hbw'],
    ],
  );
});

test('an injected fetch performs every attempt, and the client-level maxRetries applies', async (t) => {
  const server = await startScriptedServer(() => ({ status: 503, headers: { 'retry-after': '0' } }));
  t.after(() => server.close());
  const seen: string[] = [];
  const client = createClient({
    baseUrl: server.origin,
    maxRetries: 1,
    fetch: (input, init) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    },
  });
  const error = await client.items.get('11150302MB154687214000105012000').catch((e: unknown) => e);
  assert.ok(isInternalServerError(error));
  assert.equal(seen.length, 2);
  assert.equal(server.requests.length, 2);
  assert.equal(seen[0], `${server.origin}/items/11150302MB154687214000105012000`);
});

test('per-call maxRetries and timeout override the client', async (t) => {
  const server = await startScriptedServer(() => ({ status: 503, headers: { 'retry-after': '0' } }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin, maxRetries: 2 });
  await assert.rejects(client.items.list({}, { maxRetries: 0 }));
  assert.equal(server.requests.length, 1);
});
