import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, isAuthenticationError } from '../../src/index.js';
import { startScriptedServer, type RecordedRequest } from './support/scripted-server.js';

const unauthorised = { status: 401, body: { title: 'Token expired', status: 401, code: 'unauthorized' } };
const created = { status: 201, body: { id: 'ev_01JDB4C2H7P3N8Q5R6S9T0V1WX' } };
const rating = { target: { kind: 'case', caseNumber: '15030220261123000017' }, level: 'satisfied' } as const;

/** Accepts only `Bearer fresh`. */
const acceptsFreshToken = (request: RecordedRequest) =>
  request.headers.authorization === 'Bearer fresh' ? created : unauthorised;

test('after a 401 the token provider is asked once more and the call succeeds with the new token', async (t) => {
  const server = await startScriptedServer(acceptsFreshToken);
  t.after(() => server.close());
  const tokens = ['expired', 'fresh'];
  let asked = 0;
  const client = createClient({
    baseUrl: server.origin,
    tokenProvider: async () => tokens[Math.min(asked++, tokens.length - 1)],
  });
  const result = await client.request('post', '/evaluations', {
    body: { ...rating, channel: 'pc', anonymous: true },
  });
  assert.deepEqual(result, created.body);
  assert.equal(asked, 2);
  assert.deepEqual(
    server.requests.map((request) => request.headers.authorization),
    ['Bearer expired', 'Bearer fresh'],
  );
  assert.equal(
    server.requests[1]!.headers['idempotency-key'],
    server.requests[0]!.headers['idempotency-key'],
    'the second send is the same call, under the same key',
  );
});

test('a provider that has no better token lets the AuthenticationError surface after one more ask', async (t) => {
  const server = await startScriptedServer(acceptsFreshToken);
  t.after(() => server.close());
  for (const answers of [
    ['expired', 'expired'],
    ['expired', undefined],
  ]) {
    server.requests.length = 0;
    let asked = 0;
    const client = createClient({ baseUrl: server.origin, tokenProvider: async () => answers[asked++] });
    const error = await client.items.list({}).catch((e: unknown) => e);
    assert.ok(isAuthenticationError(error), String(error));
    assert.equal(error.problem?.title, 'Token expired');
    assert.equal(asked, 2, `asked ${asked} times for ${answers.join(', ')}`);
    assert.equal(
      server.requests.length,
      1,
      `sent again for ${answers.join(', ')}: ${JSON.stringify(server.requests.map((r) => r.headers.authorization))}`,
    );
  }
});

test('a provider returning nothing sends no Authorization header', async (t) => {
  const server = await startScriptedServer(() => ({ status: 200, body: { items: [], nextCursor: null } }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin, tokenProvider: async () => null });
  await client.items.list({});
  assert.equal(server.requests[0]!.headers.authorization, undefined);
});

test('a 401 is asked about once only, even when the new token is refused too', async (t) => {
  const server = await startScriptedServer(() => unauthorised);
  t.after(() => server.close());
  let asked = 0;
  const client = createClient({ baseUrl: server.origin, tokenProvider: async () => `token-${++asked}` });
  const error = await client.items.list({}).catch((e: unknown) => e);
  assert.ok(isAuthenticationError(error));
  assert.deepEqual(
    server.requests.map((request) => request.headers.authorization),
    ['Bearer token-1', 'Bearer token-2'],
  );
});

test("a call's own Authorization header is left alone and not re-asked on a 401", async (t) => {
  const server = await startScriptedServer(() => unauthorised);
  t.after(() => server.close());
  let asked = 0;
  const client = createClient({ baseUrl: server.origin, tokenProvider: async () => `token-${++asked}` });
  const error = await client.items
    .list({}, { headers: { Authorization: 'Bearer staff-token' } })
    .catch((e: unknown) => e);
  assert.ok(isAuthenticationError(error));
  assert.equal(asked, 0);
  assert.deepEqual(
    server.requests.map((request) => request.headers.authorization),
    ['Bearer staff-token'],
  );
});
