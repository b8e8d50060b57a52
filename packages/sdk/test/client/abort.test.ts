import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

test('aborting while the body is still arriving rejects with APIUserAbortError', async (t) => {
  const controller = new AbortController();
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"items": [');
    setTimeout(() => controller.abort(), 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  const { port } = server.address() as AddressInfo;
  const transport = new Transport({ baseUrl: `http://127.0.0.1:${port}`, timeout: 10_000, maxRetries: 2 });
  const error = await transport
    .send({ method: 'GET', path: '/items', signal: controller.signal })
    .catch((e: unknown) => e);
  assert.ok(isAPIUserAbortError(error), String(error));
});
