import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createHarness } from '../support/harness.js';
import { openDatabase } from '../../src/db/database.js';
import { createApp } from '../../src/app.js';
import { JwtVerifier } from '../../src/identity/jwt-verifier.js';
import { startFakeProvider, testAudience } from '../support/identity-provider.js';
import { importExample } from '../support/cases.js';

describe('health, readiness and metrics', () => {
  let draining = false;
  const harness = createHarness({ draining: () => draining });
  after(async () => (await harness).close());

  it('answers /healthz and /readyz without credentials, outside the API, saying only yes or no', async () => {
    const h = await harness;
    const health = await h.call('GET', '/healthz', { unchecked: true });
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { status: 'ok' });
    assert.equal(health.headers.get('cache-control'), 'no-store');
    const ready = await h.call('GET', '/readyz', { unchecked: true });
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body, { status: 'ready' });
  });

  it('is not ready while shutting down', async () => {
    const h = await harness;
    draining = true;
    try {
      const ready = await h.call('GET', '/readyz', { unchecked: true });
      assert.equal(ready.status, 503);
      assert.deepEqual(ready.body, { status: 'unavailable' });
      assert.equal((await h.call('GET', '/healthz', { unchecked: true })).status, 200);
    } finally {
      draining = false;
    }
  });

  it('counts requests by operation and status, replays and refusals in Prometheus text', async () => {
    const h = await harness;
    const item = await importExample(h);
    await h.call('GET', '/api/v1/items?q=zf');
    await h.call('GET', `/api/v1/items/${item.code}`);
    await h.call('GET', `/api/v1/items/${item.code}`);
    await h.call('GET', '/api/v1/items/NOPE-0000');
    const metrics = await h.call('GET', '/metrics', { unchecked: true });
    assert.equal(metrics.status, 200);
    assert.match(metrics.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(metrics.text, /banshi_http_requests_total\{operation="listItems",status="200"\} 1\n/);
    assert.match(metrics.text, /banshi_http_requests_total\{operation="getItem",status="200"\} 2\n/);
    assert.match(
      metrics.text,
      /banshi_http_request_duration_seconds_bucket\{le="0\.05",operation="getItem"\}/,
    );
    assert.match(metrics.text, /banshi_evaluations 0\n/);
    assert.match(metrics.text, /banshi_nodejs_eventloop_lag_seconds /);
    assert.match(metrics.text, /# HELP banshi_idempotency_replays_total/);
    assert.match(metrics.text, /# HELP banshi_rate_limit_refusals_total/);
  });
});

describe('readiness checks', () => {
  it('is not ready while migrations are pending', async () => {
    const database = await openDatabase({ migrate: false });
    try {
      const app = createApp({ database, demoDir: null, cdnDir: null, log: () => {} });
      const ready = await app.fetch(new Request('http://localhost/readyz'));
      assert.equal(ready.status, 503);
      assert.equal((await app.fetch(new Request('http://localhost/healthz'))).status, 200);
    } finally {
      await database.close();
    }
  });

  it('is ready only once the identity provider keys are loaded; guards /metrics with a token', async () => {
    const provider = await startFakeProvider();
    const database = await openDatabase({});
    try {
      provider.down = true;
      const verifier = new JwtVerifier({
        issuer: provider.issuer,
        audience: testAudience,
        jwks: { cooldownMs: 0 },
      });
      const app = createApp({
        database,
        demoDir: null,
        cdnDir: null,
        log: () => {},
        tokenVerifier: verifier,
        identityKeysReady: () => verifier.keysReady(),
        metricsToken: 'm-secret',
      });
      const get = (path: string, headers: Record<string, string> = {}) =>
        app.fetch(new Request(`http://localhost${path}`, { headers }));
      assert.equal((await get('/readyz')).status, 503);
      provider.down = false;
      assert.equal((await get('/readyz')).status, 200);
      assert.equal((await get('/metrics')).status, 401);
      assert.equal((await get('/metrics', { authorization: 'Bearer nope' })).status, 401);
      assert.equal((await get('/metrics', { authorization: 'Bearer m-secret' })).status, 200);
    } finally {
      await database.close();
      await provider.close();
    }
  });
});
