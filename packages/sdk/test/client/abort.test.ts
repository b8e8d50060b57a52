import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { Transport } from '../../src/core/transport.js';
import { isAPIUserAbortError } from '../../src/core/errors.js';
import { startScriptedServer } from './support/scripted-server.js';

test('aborting while the request is in flight rejects with APIUserAbortError and sends nothing more', async (t) => {
  const controller = new AbortController();
  const server = await startScriptedServer(() => {
    setTimeout(() => controller.abort(), 20);
    return { status: 200, hang: true };
  });
  t.after(() => server.close());
  const transport = new Transport({ baseUrl: server.origin, timeout: 10_000, maxRetries: 2 });
  const error = await transport
    .send({ method: 'GET', path: '/items', signal: controller.signal })
    .catch((e: unknown) => e);
  assert.ok(isAPIUserAbortError(error));
  await delay(200);
  assert.equal(server.requests.length, 1);
});

test('aborting during the wait before a retry stops the retry', async (t) => {
  const controller = new AbortController();
  const server = await startScriptedServer(() => {
    setTimeout(() => controller.abort(), 50);
    return { status: 503, headers: { 'retry-after': '30' } };
  });
  t.after(() => server.close());
  const transport = new Transport({ baseUrl: server.origin, timeout: 10_000, maxRetries: 2 });
  const error = await transport
    .send({ method: 'GET', path: '/items', signal: controller.signal })
    .catch((e: unknown) => e);
  assert.ok(isAPIUserAbortError(error));
  await delay(200);
  assert.equal(server.requests.length, 1);
});

test('a signal aborted before the call sends nothing at all', async (t) => {
  const server = await startScriptedServer(() => ({ status: 200, body: {} }));
  t.after(() => server.close());
  const transport = new Transport({ baseUrl: server.origin, timeout: 10_000, maxRetries: 2 });
  const error = await transport
    .send({ method: 'POST', path: '/cases', body: {}, signal: AbortSignal.abort() })
    .catch((e: unknown) => e);
  assert.ok(isAPIUserAbortError(error));
  assert.equal(server.requests.length, 0);
});
