import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Transport } from '../../src/core/transport.js';
import { startScriptedServer } from './support/scripted-server.js';

test('locale, token and default headers are sent; a call can override or remove them', async (t) => {
  const server = await startScriptedServer(() => ({ status: 200, body: {} }));
  t.after(() => server.close());
  const transport = new Transport({
    baseUrl: `${server.origin}/api/v1/`,
    timeout: 5_000,
    maxRetries: 0,
    locale: 'en',
    token: 'applicant-token',
    headers: { 'x-district': '150302', 'x-trace': 'on' },
  });
  await transport.send({ method: 'GET', path: '/items', headers: { 'x-trace': undefined, 'x-extra': '1' } });
  const [request] = server.requests;
  assert.equal(request!.url, '/api/v1/items');
  assert.equal(request!.headers['accept-language'], 'en');
  assert.equal(request!.headers.authorization, 'Bearer applicant-token');
  assert.equal(request!.headers.accept, 'application/json');
  assert.equal(request!.headers['x-district'], '150302');
  assert.equal(request!.headers['x-extra'], '1');
  assert.equal(request!.headers['x-trace'], undefined);
});

test('a token function is asked before every attempt, so a retry carries a refreshed token', async (t) => {
  const server = await startScriptedServer((_request, index) =>
    index === 0 ? { status: 503, headers: { 'retry-after': '0' } } : { status: 200, body: {} },
  );
  t.after(() => server.close());
  let issued = 0;
  const transport = new Transport({
    baseUrl: server.origin,
    timeout: 5_000,
    maxRetries: 1,
    token: async () => `staff-${++issued}`,
  });
  await transport.send({ method: 'GET', path: '/evaluations/summary' });
  assert.deepEqual(
    server.requests.map((request) => request.headers.authorization),
    ['Bearer staff-1', 'Bearer staff-2'],
  );
});

test('path parameters are encoded and the query repeats array keys and skips undefined', async (t) => {
  const server = await startScriptedServer(() => ({ status: 200, body: {} }));
  t.after(() => server.close());
  const transport = new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0 });
  await transport.send({
    method: 'GET',
    path: '/items/{code}/guide',
    params: { code: '11/15 0?#' },
    query: { q: '身份证', audience: ['naturalPerson', 'enterprise'], cursor: undefined, limit: 20 },
  });
  const url = new URL(server.requests[0]!.url, server.origin);
  assert.equal(url.pathname, '/items/11%2F15%200%3F%23/guide');
  assert.equal(url.searchParams.get('q'), '身份证');
  assert.deepEqual(url.searchParams.getAll('audience'), ['naturalPerson', 'enterprise']);
  assert.equal(url.searchParams.has('cursor'), false);
  assert.equal(url.searchParams.get('limit'), '20');
});

test('a missing path parameter is refused before anything is sent', async (t) => {
  const server = await startScriptedServer(() => ({ status: 200, body: {} }));
  t.after(() => server.close());
  const transport = new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0 });
  await assert.rejects(
    transport.send({ method: 'GET', path: '/items/{code}' }),
    /Missing path parameter "code"/,
  );
  assert.equal(server.requests.length, 0);
});

test('a JSON body is sent as JSON; a 204 resolves to undefined', async (t) => {
  const server = await startScriptedServer(() => ({ status: 204 }));
  t.after(() => server.close());
  const transport = new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0 });
  const result = await transport.send({
    method: 'PUT',
    path: '/calendar/2026',
    body: { days: ['2026-10-01'] },
  });
  assert.equal(result, undefined);
  assert.equal(server.requests[0]!.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(server.requests[0]!.body), { days: ['2026-10-01'] });
});
