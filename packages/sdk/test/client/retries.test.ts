import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Transport } from '../../src/core/transport.js';
import {
  isAPIError,
  isConflictError,
  isInternalServerError,
  isRateLimitError,
} from '../../src/core/errors.js';
import { startScriptedServer, type ScriptedReply } from './support/scripted-server.js';

function transportFor(origin: string, maxRetries = 2) {
  return new Transport({ baseUrl: `${origin}/api/v1`, timeout: 5_000, maxRetries });
}

/** Answers the scripted replies in order, then the last one forever. */
function inOrder(...replies: ScriptedReply[]) {
  return (_request: unknown, index: number) => replies[Math.min(index, replies.length - 1)]!;
}

const unavailable: ScriptedReply = { status: 503, headers: { 'retry-after': '0' }, body: { title: 'Busy' } };
const ok: ScriptedReply = { status: 200, body: { ok: true } };

test('a GET answered 503 is retried and then succeeds', async (t) => {
  const server = await startScriptedServer(inOrder(unavailable, unavailable, ok));
  t.after(() => server.close());
  const result = await transportFor(server.origin).send({ method: 'GET', path: '/items' });
  assert.deepEqual(result, { ok: true });
  assert.equal(server.requests.length, 3);
});

test('a GET retried without Retry-After backs off and succeeds on the second attempt', async (t) => {
  const server = await startScriptedServer(inOrder({ status: 502 }, ok));
  t.after(() => server.close());
  const result = await transportFor(server.origin).send({ method: 'GET', path: '/items' });
  assert.deepEqual(result, { ok: true });
  assert.equal(server.requests.length, 2);
});

test('retries stop after maxRetries and the last error is thrown', async (t) => {
  const server = await startScriptedServer(inOrder(unavailable));
  t.after(() => server.close());
  const error = await transportFor(server.origin, 1)
    .send({ method: 'GET', path: '/items' })
    .catch((e: unknown) => e);
  assert.ok(isInternalServerError(error));
  assert.equal(error.status, 503);
  assert.equal(server.requests.length, 2);
});

test('PUT, DELETE and HEAD are retried on 408, 429 and 504', async (t) => {
  const cases: [string, number][] = [
    ['PUT', 408],
    ['DELETE', 429],
    ['HEAD', 504],
  ];
  for (const [method, status] of cases) {
    const server = await startScriptedServer(inOrder({ status, headers: { 'retry-after': '0' } }, ok));
    t.after(() => server.close());
    await transportFor(server.origin).send({
      method,
      path: '/calendar',
      body: method === 'PUT' ? {} : undefined,
    });
    assert.equal(server.requests.length, 2, `${method} after ${status}`);
  }
});

test('a 429 with Retry-After: 1 waits at least about a second before the retry', async (t) => {
  const server = await startScriptedServer(
    inOrder({ status: 429, headers: { 'retry-after': '1' }, body: { title: 'Slow down' } }, ok),
  );
  t.after(() => server.close());
  const started = performance.now();
  await transportFor(server.origin).send({ method: 'GET', path: '/items' });
  const waited = performance.now() - started;
  assert.equal(server.requests.length, 2);
  assert.ok(waited >= 950, `waited only ${Math.round(waited)} ms`);
});

test('a Retry-After given as an HTTP date is honoured', async (t) => {
  const server = await startScriptedServer((_request, index) =>
    index === 0 ? { status: 503, headers: { 'retry-after': new Date(Date.now() - 1000).toUTCString() } } : ok,
  );
  t.after(() => server.close());
  await transportFor(server.origin).send({ method: 'GET', path: '/items' });
  assert.equal(server.requests.length, 2);
});

test('a Retry-After longer than the cap is not waited for: the caller gets the RateLimitError', async (t) => {
  const server = await startScriptedServer(inOrder({ status: 429, headers: { 'retry-after': '3600' } }));
  t.after(() => server.close());
  const error = await transportFor(server.origin)
    .send({ method: 'GET', path: '/items' })
    .catch((e: unknown) => e);
  assert.ok(isRateLimitError(error));
  assert.equal(error.retryAfter, 3600);
  assert.equal(server.requests.length, 1);
});

test('a POST without an idempotency key is never retried', async (t) => {
  const server = await startScriptedServer(inOrder(unavailable, ok));
  t.after(() => server.close());
  const error = await transportFor(server.origin)
    .send({
      method: 'POST',
      path: '/cases',
      body: { itemCode: 'x' },
      headers: { 'Idempotency-Key': undefined },
    })
    .catch((e: unknown) => e);
  assert.ok(isInternalServerError(error));
  assert.equal(server.requests.length, 1);
  assert.equal(server.requests[0]!.headers['idempotency-key'], undefined);
});

test('a POST with an idempotency key is retried with the same key on every attempt', async (t) => {
  const server = await startScriptedServer(
    inOrder(unavailable, { status: 429, headers: { 'retry-after': '0' } }, ok),
  );
  t.after(() => server.close());
  await transportFor(server.origin).send({
    method: 'POST',
    path: '/cases',
    body: { itemCode: 'x' },
    idempotencyKey: 'form-session-42',
  });
  assert.equal(server.requests.length, 3);
  assert.deepEqual(
    server.requests.map((request) => request.headers['idempotency-key']),
    ['form-session-42', 'form-session-42', 'form-session-42'],
  );
  assert.deepEqual(
    server.requests.map((request) => request.body),
    Array(3).fill('{"itemCode":"x"}'),
  );
});

test('400, 404, 409 and 422 are not retried, whatever the method', async (t) => {
  for (const status of [400, 404, 409, 422]) {
    for (const method of ['GET', 'PUT']) {
      const server = await startScriptedServer(inOrder({ status, body: { title: 'No' } }, ok));
      t.after(() => server.close());
      const error = await transportFor(server.origin)
        .send({ method, path: '/items' })
        .catch((e: unknown) => e);
      assert.ok(isAPIError(error), `${method} ${status}`);
      assert.equal(error.status, status);
      assert.equal(server.requests.length, 1, `${method} ${status} was sent again`);
    }
  }
});

test('a 409 on a keyed POST is not retried either', async (t) => {
  const server = await startScriptedServer(inOrder({ status: 409, body: { title: 'Key reused' } }, ok));
  t.after(() => server.close());
  const error = await transportFor(server.origin)
    .send({ method: 'POST', path: '/cases', body: {}, idempotencyKey: 'k' })
    .catch((e: unknown) => e);
  assert.ok(isConflictError(error));
  assert.equal(server.requests.length, 1);
});

test('maxRetries: 0 sends once', async (t) => {
  const server = await startScriptedServer(inOrder(unavailable, ok));
  t.after(() => server.close());
  await assert.rejects(transportFor(server.origin, 0).send({ method: 'GET', path: '/items' }));
  assert.equal(server.requests.length, 1);
});

test('a GET whose connection drops is retried and then succeeds', async (t) => {
  const server = await startScriptedServer(inOrder({ status: 0, drop: true }, ok));
  t.after(() => server.close());
  const result = await transportFor(server.origin).send({ method: 'GET', path: '/items' });
  assert.deepEqual(result, { ok: true });
  assert.equal(server.requests.length, 2);
});

test('a POST without a key whose connection drops is not sent again', async (t) => {
  const server = await startScriptedServer(inOrder({ status: 0, drop: true }, ok));
  t.after(() => server.close());
  await assert.rejects(
    transportFor(server.origin).send({
      method: 'POST',
      path: '/evaluations',
      body: {},
      headers: { 'idempotency-key': undefined },
    }),
  );
  assert.equal(server.requests.length, 1);
});

test('a POST gets an idempotency key from the SDK, one per call, the same on every attempt', async (t) => {
  const server = await startScriptedServer((_request, index) => (index % 2 === 0 ? unavailable : ok));
  t.after(() => server.close());
  const transport = transportFor(server.origin);
  await transport.send({ method: 'POST', path: '/evaluations', body: { level: 'satisfied' } });
  await transport.send({ method: 'POST', path: '/evaluations', body: { level: 'satisfied' } });
  const keys = server.requests.map((request) => request.headers['idempotency-key']);
  assert.equal(keys.length, 4);
  assert.match(keys[0] as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(keys[1], keys[0], 'the retry reuses the key of its call');
  assert.equal(keys[3], keys[2]);
  assert.notEqual(keys[2], keys[0], 'another call gets another key');
});

test('a keyed POST answered 409 request_in_progress waits and is sent again; other 409s are final', async (t) => {
  const inProgress: ScriptedReply = {
    status: 409,
    headers: { 'retry-after': '0' },
    body: { title: 'In progress', status: 409, code: 'request_in_progress' },
  };
  const server = await startScriptedServer(inOrder(inProgress, { status: 201, body: { caseNumber: 'C1' } }));
  t.after(() => server.close());
  const created = await transportFor(server.origin).send({ method: 'POST', path: '/cases', body: {} });
  assert.deepEqual(created, { caseNumber: 'C1' });
  assert.equal(server.requests.length, 2);
  assert.equal(
    server.requests[1]!.headers['idempotency-key'],
    server.requests[0]!.headers['idempotency-key'],
  );
});
