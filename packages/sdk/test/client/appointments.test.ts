import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from '../../src/index.js';
import { startScriptedServer } from './support/scripted-server.js';

test('appointments.cancel sends the check-in code in a header, never the URL, and keeps its key on retry', async (t) => {
  const server = await startScriptedServer((_request, index) =>
    index === 0
      ? { status: 503, headers: { 'retry-after': '0' } }
      : { status: 200, body: { state: 'cancelled' } },
  );
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  await client.appointments.cancel('YY2612080K3P9Q', { checkInCode: '4KQ7WDX3' });
  const [first, second] = server.requests;
  assert.equal(first!.url, '/appointments/YY2612080K3P9Q/cancellation');
  assert.equal(first!.headers['x-query-code'], '4KQ7WDX3');
  assert.doesNotMatch(first!.url, /4KQ7WDX3/);
  assert.ok(first!.headers['idempotency-key']);
  assert.equal(second!.headers['idempotency-key'], first!.headers['idempotency-key']);
});

test('appointments.slots asks for the item in the query', async (t) => {
  const server = await startScriptedServer(() => ({ status: 200, body: { settings: {}, days: [] } }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  await client.appointments.slots('11150302MB154687214000105012000');
  assert.equal(server.requests[0]!.url, '/appointment-slots?itemCode=11150302MB154687214000105012000');
});
