import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Transport } from '../../src/core/transport.js';
import * as errors from '../../src/core/errors.js';
import { closedPort, startScriptedServer } from './support/scripted-server.js';

type Guard = (value: unknown) => boolean;

const byStatus: [number, string, Guard][] = [
  [400, 'BadRequestError', errors.isBadRequestError],
  [401, 'AuthenticationError', errors.isAuthenticationError],
  [403, 'PermissionDeniedError', errors.isPermissionDeniedError],
  [404, 'NotFoundError', errors.isNotFoundError],
  [409, 'ConflictError', errors.isConflictError],
  [422, 'UnprocessableEntityError', errors.isUnprocessableEntityError],
  [429, 'RateLimitError', errors.isRateLimitError],
  [500, 'InternalServerError', errors.isInternalServerError],
  [503, 'InternalServerError', errors.isInternalServerError],
];

test('each error status becomes its own error class, carrying status, problem, request id and headers', async (t) => {
  for (const [status, kind, guard] of byStatus) {
    const problem = {
      type: 'https://banshi.dev/problems/x',
      title: `Title ${status}`,
      status,
      detail: '说明',
    };
    const server = await startScriptedServer(() => ({
      status,
      headers: { 'x-request-id': `req-${status}`, 'retry-after': '120' },
      body: problem,
    }));
    t.after(() => server.close());
    const transport = new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0 });
    const error = await transport.send({ method: 'GET', path: '/items' }).catch((e: unknown) => e);
    assert.ok(guard(error), `${status} should be a ${kind}`);
    assert.ok(errors.isAPIError(error) && errors.isBanshiError(error));
    assert.equal(error.kind, kind);
    assert.equal(error.name, kind);
    assert.equal(error.status, status);
    assert.deepEqual(error.problem, problem);
    assert.equal(error.requestId, `req-${status}`);
    assert.equal(error.headers.get('content-type'), 'application/problem+json');
    assert.match(error.message, new RegExp(`${status} Title ${status}: 说明`));
    for (const [, otherKind, otherGuard] of byStatus) {
      if (otherKind !== kind) assert.equal(otherGuard(error), false, `${kind} is not a ${otherKind}`);
    }
  }
});

test('a RateLimitError says how many seconds to wait', async (t) => {
  const server = await startScriptedServer(() => ({ status: 429, headers: { 'retry-after': '90' } }));
  t.after(() => server.close());
  const transport = new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0 });
  const error = await transport.send({ method: 'GET', path: '/cases/x' }).catch((e: unknown) => e);
  assert.ok(errors.isRateLimitError(error));
  assert.equal(error.retryAfter, 90);
  assert.equal(error.problem, undefined);
});

test('an error body that is not JSON leaves problem undefined but keeps the status', async (t) => {
  const server = await startScriptedServer(() => ({ status: 502, body: '<html>Bad gateway</html>' }));
  t.after(() => server.close());
  const transport = new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0 });
  const error = await transport.send({ method: 'GET', path: '/items' }).catch((e: unknown) => e);
  assert.ok(errors.isInternalServerError(error));
  assert.equal(error.status, 502);
  assert.equal(error.problem, undefined);
});

test('a refused connection is an APIConnectionError, after the allowed retries of a GET', async () => {
  const port = await closedPort();
  let attempts = 0;
  const countingFetch = (input: string | URL | Request, init?: RequestInit) => {
    attempts++;
    return fetch(input, init);
  };
  const transport = new Transport({
    baseUrl: `http://127.0.0.1:${port}`,
    fetch: countingFetch,
    timeout: 5_000,
    maxRetries: 1,
  });
  const error = await transport.send({ method: 'GET', path: '/items' }).catch((e: unknown) => e);
  assert.ok(errors.isAPIConnectionError(error));
  assert.equal(errors.isAPITimeoutError(error), false);
  assert.equal(errors.isAPIError(error), false);
  assert.equal(attempts, 2);
});

test('no answer within the timeout is an APITimeoutError, which is also a connection error', async (t) => {
  const server = await startScriptedServer(() => ({ status: 200, hang: true }));
  t.after(() => server.close());
  const transport = new Transport({ baseUrl: server.origin, timeout: 150, maxRetries: 0 });
  const error = await transport.send({ method: 'GET', path: '/items' }).catch((e: unknown) => e);
  assert.ok(errors.isAPITimeoutError(error));
  assert.ok(errors.isAPIConnectionError(error));
  assert.equal(server.requests.length, 1);
});

test('a timed-out GET is retried like any other connection failure', async (t) => {
  const server = await startScriptedServer((_request, index) =>
    index === 0 ? { status: 200, hang: true } : { status: 200, body: { ok: true } },
  );
  t.after(() => server.close());
  const transport = new Transport({ baseUrl: server.origin, timeout: 1_000, maxRetries: 1 });
  assert.deepEqual(await transport.send({ method: 'GET', path: '/items' }), { ok: true });
  assert.equal(server.requests.length, 2);
});

test('the guards recognise errors from a second, separately loaded copy of the SDK', async () => {
  const secondCopyUrl = new URL('../../src/core/errors.ts?copy=second', import.meta.url).href;
  const second = (await import(secondCopyUrl)) as typeof errors;
  assert.notEqual(second.RateLimitError, errors.RateLimitError, 'the two copies must be distinct modules');

  const foreign = new second.RateLimitError(undefined, new Headers({ 'retry-after': '5' }));
  assert.equal(foreign instanceof errors.RateLimitError, false);
  assert.ok(errors.isRateLimitError(foreign));
  assert.ok(errors.isAPIError(foreign));
  assert.ok(errors.isBanshiError(foreign));
  assert.equal(errors.isNotFoundError(foreign), false);

  const local = new errors.APITimeoutError();
  assert.ok(second.isAPITimeoutError(local));
  assert.ok(second.isAPIConnectionError(local));
  assert.equal(second.isAPIError(local), false);
});

test('the guards reject look-alikes without the brand', () => {
  const lookAlike = Object.assign(new Error('x'), { kind: 'RateLimitError', status: 429 });
  assert.equal(errors.isRateLimitError(lookAlike), false);
  assert.equal(errors.isBanshiError(lookAlike), false);
  assert.equal(errors.isBanshiError(null), false);
  assert.equal(errors.isBanshiError('RateLimitError'), false);
  const branded = { [Symbol.for('banshi.error')]: true, kind: 'ConflictError' };
  assert.ok(errors.isConflictError(branded));
});
