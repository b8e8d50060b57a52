import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from '../../src/index.js';
import { startScriptedServer } from './support/scripted-server.js';

test('consultations.get and followUp send the query code in a header, never the URL', async (t) => {
  const server = await startScriptedServer(() => ({ status: 200, body: { state: 'answered' } }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  await client.consultations.get('ZX2612070K3P9Q', { queryCode: '7K3P9QWD' });
  await client.consultations.followUp('ZX2612070K3P9Q', '社保需要在哪里打印缴费证明？', {
    queryCode: '7K3P9QWD',
  });
  const [read, followUp] = server.requests;
  assert.equal(read!.url, '/consultations/ZX2612070K3P9Q');
  assert.equal(read!.headers['x-query-code'], '7K3P9QWD');
  assert.equal(followUp!.url, '/consultations/ZX2612070K3P9Q/follow-up');
  assert.equal(followUp!.headers['x-query-code'], '7K3P9QWD');
  assert.ok(followUp!.headers['idempotency-key']);
  assert.deepEqual(JSON.parse(followUp!.body), { question: '社保需要在哪里打印缴费证明？' });
});

test('consultations.rate records a 好差评 evaluation whose subject is the question', async (t) => {
  const server = await startScriptedServer(() => ({ status: 201, body: { id: 'ev_1' } }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  await client.consultations.rate(
    'ZX2612070K3P9Q',
    { level: 'satisfied', channel: 'mobile', anonymous: true },
    { queryCode: '7K3P9QWD' },
  );
  const [request] = server.requests;
  assert.equal(request!.url, '/evaluations');
  assert.deepEqual(JSON.parse(request!.body).target, {
    kind: 'consultation',
    consultationNumber: 'ZX2612070K3P9Q',
  });
  assert.equal(request!.headers['x-query-code'], '7K3P9QWD');
});

test('consultations.ask sends the form session of the attachment, and suggestions ask in the query', async (t) => {
  const server = await startScriptedServer(() => ({ status: 200, body: { items: [] } }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  await client.consultations.ask(
    {
      itemCode: '11150302MB154687214000105012000',
      question: '非本区户籍可以申请公租房吗？',
      uploadId: 'up_01JDB3K7Q2X8V5N4M6R9',
    },
    { formSession: 'fs_token' },
  );
  await client.consultations.suggestions('11150302MB154687214000105012000', '户籍');
  const [ask, suggest] = server.requests;
  assert.equal(ask!.headers['x-form-session'], 'fs_token');
  assert.equal(
    suggest!.url,
    `/consultation-suggestions?itemCode=11150302MB154687214000105012000&q=${encodeURIComponent('户籍')}`,
  );
});

test('consultations.listMine (我的咨询) sends the signed-in token and follows the cursor', async (t) => {
  const server = await startScriptedServer((_request, index) => ({
    status: 200,
    body:
      index === 0
        ? { items: [{ number: 'ZX261207ABCDEF' }], nextCursor: 'c2' }
        : { items: [{ number: 'ZX261206GHJKMN' }], nextCursor: null },
  }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin, tokenProvider: async () => 'id-token-zhangli' });
  const numbers: string[] = [];
  for await (const found of client.consultations.listMine({ limit: 1 })) numbers.push(found.number);
  assert.deepEqual(numbers, ['ZX261207ABCDEF', 'ZX261206GHJKMN']);
  assert.equal(server.requests[0]!.url, '/me/consultations?limit=1');
  assert.equal(server.requests[1]!.url, '/me/consultations?limit=1&cursor=c2');
  for (const request of server.requests)
    assert.equal(request.headers.authorization, 'Bearer id-token-zhangli');
});

test('consultations.attachment gives staff the file as a Blob of its type', async (t) => {
  const server = await startScriptedServer(() => ({
    status: 200,
    headers: { 'content-type': 'application/pdf' },
    body: '%PDF-1.7 收入证明',
  }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin, tokenProvider: async () => 'staff-token' });
  const file = await client.consultations.attachment('ZX261207K3P9QW');
  assert.equal(file.type, 'application/pdf');
  assert.equal(await file.text(), '%PDF-1.7 收入证明');
  assert.equal(server.requests[0]!.url, '/consultations/ZX261207K3P9QW/attachment');
  assert.equal(server.requests[0]!.headers.authorization, 'Bearer staff-token');
});
