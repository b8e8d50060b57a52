import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, isNotFoundError } from '../../src/index.js';
import { startScriptedServer } from './support/scripted-server.js';

test('figures per window ask for the breakdown and the period', async (t) => {
  const server = await startScriptedServer(() => ({
    status: 200,
    body: { by: 'window', scope: { from: '2026-10-01', to: '2026-10-31' }, rows: [] },
  }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  const figures = await client.ratingFigures.list({ by: 'window', from: '2026-10-01', to: '2026-10-31' });
  assert.equal(figures.by, 'window');
  const url = new URL(server.requests[0]!.url, server.origin);
  assert.equal(url.pathname, '/evaluations/figures');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    by: 'window',
    from: '2026-10-01',
    to: '2026-10-31',
  });
});

test('publishing a 红黑榜 posts the period once, with one idempotency key on a retry', async (t) => {
  const server = await startScriptedServer((_request, index) =>
    index === 0 ? { status: 503, body: {} } : { status: 201, body: { id: 'rk_1' } },
  );
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  const published = await client.ratingFigures.publishRanking({ from: '2026-10-01', to: '2026-10-31' });
  assert.equal(published.id, 'rk_1');
  assert.equal(server.requests.length, 2);
  const [first, second] = server.requests;
  assert.equal(first!.method, 'POST');
  assert.equal(new URL(first!.url, server.origin).pathname, '/rating-rankings');
  assert.ok(first!.headers['idempotency-key']);
  assert.equal(second!.headers['idempotency-key'], first!.headers['idempotency-key']);
  assert.deepEqual(JSON.parse(second!.body), { from: '2026-10-01', to: '2026-10-31' });
});

test('the posted lists and one list are read by their paths; a missing list is a NotFoundError', async (t) => {
  const server = await startScriptedServer((request) =>
    request.url.endsWith('/rating-rankings')
      ? { status: 200, body: { current: [], past: [] } }
      : { status: 404, body: { title: '没有这期红黑榜', status: 404, code: 'not_found' } },
  );
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  assert.deepEqual(await client.ratingFigures.listRankings(), { current: [], past: [] });
  const error = await client.ratingFigures.getRanking('rk_missing').catch((e: unknown) => e);
  assert.ok(isNotFoundError(error));
  assert.equal(server.requests[1]!.url, '/rating-rankings/rk_missing');
});
