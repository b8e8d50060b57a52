import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, isNotFoundError, type CaseCreate } from '../../src/index.js';
import { startScriptedServer } from './support/scripted-server.js';

const application: CaseCreate = {
  itemCode: '11150302MB154687214000105012000',
  formVersion: '1.0.0',
  applicant: {
    kind: 'person',
    name: '张丽',
    idType: 'residentIdCard',
    idNumber: '150302199001011234',
    mobile: '13947312345',
  },
  situationAnswers: { household: 'single' },
  formData: { name: '张丽' },
  materials: [],
  commitmentAccepted: true,
  delivery: { method: 'window' },
};

const created = {
  caseNumber: '15030220261123000017',
  queryCode: '7K3P9QWD',
  applicantToken: 'at_x',
  case: {},
};
const lookupFailed = {
  type: 'urn:banshi:problem:case-lookup-failed',
  title: '办件编号或查询密码不正确',
  status: 404,
  code: 'case_lookup_failed',
};

test('cases.create submits once per key: a retry after 503 reuses the form session key', async (t) => {
  const server = await startScriptedServer((_request, index) =>
    index === 0 ? { status: 503, headers: { 'retry-after': '0' } } : { status: 201, body: created },
  );
  t.after(() => server.close());
  const client = createClient({ baseUrl: `${server.origin}/api/v1` });
  const result = await client.cases.create(application, { idempotencyKey: 'form-session-7f3a' });
  assert.equal(result.caseNumber, created.caseNumber);
  assert.equal(server.requests.length, 2);
  for (const request of server.requests) {
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/api/v1/cases');
    assert.equal(request.headers['idempotency-key'], 'form-session-7f3a');
    assert.deepEqual(JSON.parse(request.body), application);
  }
});

test('cases.get sends the query code in X-Query-Code, never in the URL', async (t) => {
  const server = await startScriptedServer((request) =>
    request.headers['x-query-code'] === '7K3P9QWD'
      ? { status: 200, body: { caseNumber: created.caseNumber, state: 'accepted' } }
      : { status: 404, body: lookupFailed },
  );
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  const found = await client.cases.get(created.caseNumber, { queryCode: '7K3P9QWD' });
  assert.equal(found.state, 'accepted');
  assert.equal(server.requests[0]!.url, `/cases/${created.caseNumber}`);
  assert.ok(!server.requests[0]!.url.includes('7K3P9QWD'));

  const error = await client.cases
    .get(created.caseNumber, { queryCode: 'WRONG234' })
    .catch((e: unknown) => e);
  assert.ok(isNotFoundError(error));
  assert.equal(error.problem?.code, 'case_lookup_failed');
});

test('cases.listTimeline pages through the steps with the query code on every page', async (t) => {
  const server = await startScriptedServer((request) =>
    request.url.includes('cursor=')
      ? { status: 200, body: { items: [{ id: 't2', action: 'accept' }], nextCursor: null } }
      : { status: 200, body: { items: [{ id: 't1', action: 'submit' }], nextCursor: 'n' } },
  );
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  const actions: string[] = [];
  for await (const step of client.cases.listTimeline(
    created.caseNumber,
    { limit: 1 },
    { queryCode: '7K3P9QWD' },
  )) {
    actions.push(step.action);
  }
  assert.deepEqual(actions, ['submit', 'accept']);
  assert.deepEqual(
    server.requests.map((request) => [request.url, request.headers['x-query-code']]),
    [
      [`/cases/${created.caseNumber}/timeline?limit=1`, '7K3P9QWD'],
      [`/cases/${created.caseNumber}/timeline?limit=1&cursor=n`, '7K3P9QWD'],
    ],
  );
});

test('corrections, withdrawal and staff transitions post to their paths with a key each', async (t) => {
  const server = await startScriptedServer(() => ({ status: 200, body: { caseNumber: created.caseNumber } }));
  t.after(() => server.close());
  const staff = createClient({ baseUrl: server.origin, token: 'staff-token-0127' });
  await staff.cases.submitCorrection(
    created.caseNumber,
    {
      materials: [
        { materialId: 'income-proof', provision: 'upload', uploadIds: ['up_01JDB3K7Q2X8V5N4M6R9T0W1YZ'] },
      ],
    },
    { queryCode: '7K3P9QWD' },
  );
  await staff.cases.withdraw(created.caseNumber, { reason: '材料准备不全' });
  await staff.cases.transition(created.caseNumber, { action: 'accept', opinion: '予以受理' });
  assert.deepEqual(
    server.requests.map((request) => [request.method, request.url]),
    [
      ['POST', `/cases/${created.caseNumber}/corrections`],
      ['POST', `/cases/${created.caseNumber}/withdrawal`],
      ['POST', `/cases/${created.caseNumber}/transitions`],
    ],
  );
  assert.equal(server.requests[0]!.headers['x-query-code'], '7K3P9QWD');
  assert.ok(server.requests.every((request) => request.headers.authorization === 'Bearer staff-token-0127'));
  const keys = new Set(server.requests.map((request) => request.headers['idempotency-key']));
  assert.equal(keys.size, 3, 'each call has its own key');
  assert.deepEqual(JSON.parse(server.requests[2]!.body), { action: 'accept', opinion: '予以受理' });
});

test('cases.list (staff) passes its filters and pages', async (t) => {
  const server = await startScriptedServer(() => ({ status: 200, body: { items: [], nextCursor: null } }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin, token: () => 'st_1' });
  const page = await client.cases.list({ state: 'submitted', overdue: true });
  assert.equal(page.hasNextPage(), false);
  assert.equal(server.requests[0]!.url, '/cases?state=submitted&overdue=true');
});

test('cases.listMine (我的办件) sends the signed-in token, its filter and the next cursor', async (t) => {
  const server = await startScriptedServer((_request, index) => ({
    status: 200,
    body:
      index === 0
        ? { items: [{ caseNumber: '15030220261123000017' }], nextCursor: 'c2' }
        : { items: [{ caseNumber: '15030220261120000003' }], nextCursor: null },
  }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin, tokenProvider: async () => 'id-token-zhangli' });
  const numbers: string[] = [];
  for await (const found of client.cases.listMine({ state: 'accepted', limit: 1 }))
    numbers.push(found.caseNumber);
  assert.deepEqual(numbers, ['15030220261123000017', '15030220261120000003']);
  assert.equal(server.requests[0]!.url, '/me/cases?state=accepted&limit=1');
  assert.equal(server.requests[1]!.url, '/me/cases?state=accepted&limit=1&cursor=c2');
  for (const request of server.requests)
    assert.equal(request.headers.authorization, 'Bearer id-token-zhangli');
});

test('cases.listCommitmentVerifications asks for the overdue verifications only when told', async (t) => {
  const page = { items: [{ caseNumber: '15030220261123000017', dueDate: '2027-01-14', overdue: true }] };
  const server = await startScriptedServer(() => ({ status: 200, body: page }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: `${server.origin}/api/v1` });
  const answer = await client.cases.listCommitmentVerifications({ overdue: true });
  assert.equal(answer.items[0]?.caseNumber, '15030220261123000017');
  assert.equal(server.requests[0]?.method, 'GET');
  assert.equal(server.requests[0]?.url, '/api/v1/commitment-verifications?overdue=true');
});
