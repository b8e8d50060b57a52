import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, isInternalServerError, isNotFoundError } from '../../src/index.js';
import { startScriptedServer } from './support/scripted-server.js';

const listing = { status: 200, body: { items: [], nextCursor: null } };

test("an integrator's beforeRequest hook adds a portal header and sees the SDK's token", async (t) => {
  const server = await startScriptedServer(() => listing);
  t.after(() => server.close());
  const seen: string[] = [];
  const client = createClient({
    baseUrl: server.origin,
    token: 'applicant-token',
    hooks: {
      beforeRequest: [
        ({ request }) => {
          seen.push(`${request.method} ${request.headers.get('authorization')}`);
          request.headers.set('x-portal', 'haibowan');
        },
      ],
    },
  });
  await client.items.list({ q: 'sfz' });
  assert.deepEqual(seen, ['GET Bearer applicant-token']);
  assert.equal(server.requests[0]!.headers['x-portal'], 'haibowan');
});

test('hooks log every attempt of a retried call, and the error still arrives as the SDK class', async (t) => {
  const server = await startScriptedServer((_request, index) =>
    index < 2
      ? { status: 503, headers: { 'retry-after': '0' } }
      : { status: 404, body: { title: '未找到', status: 404, code: 'not_found' } },
  );
  t.after(() => server.close());
  const log: string[] = [];
  const client = createClient({
    baseUrl: server.origin,
    hooks: {
      beforeRetry: [({ retryCount }) => void log.push(`retry ${retryCount}`)],
      afterResponse: [({ response }) => void log.push(`answer ${response.status}`)],
      beforeError: [
        ({ error }) => {
          log.push(`error ${error.name}`);
          return error;
        },
      ],
    },
  });
  const error = await client.items.get('missing').catch((e: unknown) => e);
  assert.ok(isNotFoundError(error), String(error));
  assert.equal(error.problem?.code, 'not_found');
  assert.deepEqual(log, ['answer 503', 'retry 1', 'answer 503', 'retry 2', 'answer 404', 'error HTTPError']);
});

test('hooks may not make a POST without an idempotency key retryable', async (t) => {
  const server = await startScriptedServer(() => ({ status: 503, headers: { 'retry-after': '0' } }));
  t.after(() => server.close());
  let retries = 0;
  const client = createClient({
    baseUrl: server.origin,
    hooks: {
      beforeRequest: [({ request }) => request.headers.delete('idempotency-key')],
      beforeRetry: [() => void retries++],
    },
  });
  const error = await client
    .request('post', '/evaluations', {
      body: {
        target: { kind: 'case', caseNumber: '15030220261123000017' },
        level: 'satisfied',
        channel: 'pc',
        anonymous: true,
      },
    })
    .catch((e: unknown) => e);
  assert.ok(isInternalServerError(error));
  assert.equal(server.requests.length, 1);
  assert.equal(retries, 0);
});
