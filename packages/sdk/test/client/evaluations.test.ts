import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, isConflictError, type EvaluationCreate } from '../../src/index.js';
import { startScriptedServer } from './support/scripted-server.js';

const rating: EvaluationCreate = {
  target: { kind: 'onSite', itemCode: '11150302011598463E4000111001000', windowId: 'hbw-hall-b03' },
  level: 'dissatisfied',
  reasons: ['repeatedVisits'],
  reasonText: '第一次来缺照片回执，又跑了一趟。',
  channel: 'hallTablet',
  anonymous: true,
  ratedAt: '2026-11-23T10:41:07+08:00',
  deviceId: 'hbw-pad-b03',
};

test('a queued rating delivered twice carries its own key both times', async (t) => {
  const server = await startScriptedServer(() => ({
    status: 201,
    body: { id: 'ev_01JDB4C2H7P3N8Q5R6S9T0V1WX' },
  }));
  t.after(() => server.close());
  const kiosk = createClient({ baseUrl: server.origin });
  const queuedKey = 'rating-9c1d2e3f-queued';
  await kiosk.evaluations.create(rating, { idempotencyKey: queuedKey });
  await kiosk.evaluations.create(rating, { idempotencyKey: queuedKey });
  assert.deepEqual(
    server.requests.map((request) => request.headers['idempotency-key']),
    [queuedKey, queuedKey],
  );
  assert.deepEqual(JSON.parse(server.requests[0]!.body), rating);
});

test('a second online rating of a case is a ConflictError naming the existing evaluation', async (t) => {
  const server = await startScriptedServer(() => ({
    status: 409,
    body: {
      type: 'urn:banshi:problem:already-rated',
      title: '该办件已评价',
      status: 409,
      code: 'already_rated',
      existingEvaluation: { id: 'ev_01JDB4C2H7P3N8Q5R6S9T0V1WX', level: 'satisfied' },
    },
  }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  const error = await client.evaluations
    .create(
      {
        target: { kind: 'case', caseNumber: '15030220261123000017' },
        level: 'satisfied',
        channel: 'pc',
        anonymous: true,
      },
      { queryCode: '7K3P9QWD' },
    )
    .catch((e: unknown) => e);
  assert.ok(isConflictError(error));
  assert.equal(error.problem?.code, 'already_rated');
  assert.deepEqual(error.problem?.existingEvaluation, {
    id: 'ev_01JDB4C2H7P3N8Q5R6S9T0V1WX',
    level: 'satisfied',
  });
  assert.equal(server.requests.length, 1, 'a conflict is final, not retried');
  assert.equal(server.requests[0]!.headers['x-query-code'], '7K3P9QWD');
});

test('summary, list, get and rectification actions use their paths and filters', async (t) => {
  const server = await startScriptedServer((request) =>
    request.url.startsWith('/evaluations?')
      ? { status: 200, body: { items: [], nextCursor: null } }
      : { status: 200, body: { total: 0 } },
  );
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin, token: 'st_1' });
  await client.evaluations.getSummary({ department: '150302-zjj', from: '2026-01-01' });
  await client.evaluations.list({ bad: true, rectificationState: 'open' });
  await client.evaluations.get('ev_01JDB4C2H7P3N8Q5R6S9T0V1WX');
  await client.evaluations.recordRectificationAction('ev_01JDB4C2H7P3N8Q5R6S9T0V1WX', {
    action: 'rectify',
    measures: '已在办事指南中补充照片回执要求。',
  });
  assert.deepEqual(
    server.requests.map((request) => `${request.method} ${request.url}`),
    [
      'GET /evaluations/summary?department=150302-zjj&from=2026-01-01',
      'GET /evaluations?bad=true&rectificationState=open',
      'GET /evaluations/ev_01JDB4C2H7P3N8Q5R6S9T0V1WX',
      'POST /evaluations/ev_01JDB4C2H7P3N8Q5R6S9T0V1WX/rectification-actions',
    ],
  );
});
