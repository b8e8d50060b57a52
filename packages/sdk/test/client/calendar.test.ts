import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from '../../src/index.js';
import { startScriptedServer } from './support/scripted-server.js';

test('calendar.replace is a PUT, retried after a 503 with the same body', async (t) => {
  const days = [
    { date: '2026-10-01', kind: 'holiday' as const, name: '国庆节' },
    { date: '2026-10-10', kind: 'workday' as const, name: '国庆节调休' },
  ];
  const server = await startScriptedServer((request, index) => {
    if (index === 0) return { status: 503, headers: { 'retry-after': '0' } };
    const stored = request.method === 'PUT' ? (JSON.parse(request.body) as { days: unknown[] }).days : [];
    return { status: 200, body: { year: 2026, days: stored, updatedAt: '2026-11-23T09:00:00+08:00' } };
  });
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin, token: 'st_1' });
  const calendar = await client.calendar.replace(2026, { days });
  assert.deepEqual(calendar.days, days);
  assert.deepEqual(
    server.requests.map((request) => `${request.method} ${request.url}`),
    ['PUT /calendar/2026', 'PUT /calendar/2026'],
  );
  assert.equal(server.requests[1]!.body, server.requests[0]!.body);

  await client.calendar.get(2027);
  assert.equal(server.requests[2]!.url, '/calendar/2027');
});
