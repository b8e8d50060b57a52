// The mocks must answer as the document says the server does: each status declared for the operation,
// each body valid for the declared schema and content type. Run: node --import tsx --test stories/mocks/*.test.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Validator, type Schema } from '@cfworker/json-schema';
import { getResponse, type HttpHandler } from 'msw';
import { parse } from 'yaml';
import { catalogueItems, mockCases, seedItems } from './index.js';
import { evaluationHandlers } from './evaluations.js';
import { itemHandlers } from './items.js';

type Node = Record<string, unknown>;
const DOCUMENT = 'https://banshi.invalid/openapi.yaml';

/** The document without examples, whose instance data (`id: …`) the validator would take for schema ids. */
function withoutExamples(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutExamples);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'example' && key !== 'examples')
      .map(([key, value]) => [key, withoutExamples(value)]),
  );
}

const document = withoutExamples(
  parse(readFileSync(new URL('../../openapi/banshi.yaml', import.meta.url), 'utf8')),
) as Node;

const resolve = (node: Node): Node =>
  typeof node.$ref === 'string'
    ? resolve(
        node.$ref
          .slice(2)
          .split('/')
          .reduce<Node>((at, key) => at[key] as Node, document),
      )
    : node;

/** Sends `request` through `handlers` and checks the answer against operation `method path`. */
async function answer(
  handlers: HttpHandler[],
  request: Request,
  path: string,
): Promise<{ status: number; body: Node }> {
  const response = await getResponse(handlers, request);
  assert.ok(response, `no mock answered ${request.method} ${request.url}`);
  const operation = (document.paths as Record<string, Node>)[path]![request.method.toLowerCase()] as Node;
  const declared = (operation.responses as Record<string, Node>)[String(response.status)];
  assert.ok(declared, `${request.method} ${path}: status ${response.status} is not declared`);
  const content = resolve(declared).content as Record<string, Node>;
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!;
  assert.ok(content[mediaType], `${path} ${response.status}: ${mediaType} is not declared`);
  assert.ok(response.headers.get('x-request-id'), 'X-Request-Id');
  const body = (await response.json()) as Node;
  const schema = content[mediaType]!.schema as Node;
  const checked = new Validator(
    (typeof schema.$ref === 'string' ? { $ref: `${DOCUMENT}${schema.$ref}` } : schema) as Schema,
    '2020-12',
    false,
  );
  checked.addSchema(document as Schema, DOCUMENT);
  const result = checked.validate(body);
  assert.ok(
    result.valid,
    `${path} ${response.status} body does not match the document:\n${JSON.stringify(result.errors.slice(-3), null, 1)}\n${JSON.stringify(body).slice(0, 400)}`,
  );
  return { status: response.status, body };
}

const api = 'http://localhost:6006/api/v1';
const rate = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${api}/evaluations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...headers },
    body: JSON.stringify(body),
  });
const item = seedItems.publicRentalHousing;
const onSite = { kind: 'onSite', itemCode: item.code, windowId: item.windows[0]!.id };

test('a rating of a case with its query code is recorded (201) as an Evaluation', async () => {
  const { status, body } = await answer(
    evaluationHandlers.normal,
    rate(
      {
        target: { kind: 'case', caseNumber: mockCases.concludedNotRated.number },
        level: 'verySatisfied',
        channel: 'pc',
        anonymous: false,
        rater: { name: '张丽', mobile: '13947312345' },
      },
      { 'x-query-code': mockCases.concludedNotRated.queryCode },
    ),
    '/evaluations',
  );
  assert.equal(status, 201);
  assert.equal(body.itemName, item.name);
  assert.deepEqual(body.rater, { name: '张丽', maskedMobile: '139****2345' });
});

test('a bad review on site opens a rectification due in working days', async () => {
  const { status, body } = await answer(
    evaluationHandlers.normal,
    rate({
      target: onSite,
      level: 'veryDissatisfied',
      reasons: ['repeatedVisits'],
      channel: 'hallTablet',
      anonymous: true,
    }),
    '/evaluations',
  );
  assert.equal(status, 201);
  assert.equal((body.rectification as Node).state, 'open');
  assert.equal((body.rectification as Node).callbackDue, null);
});

test('a second rating of a rated case is 409 already_rated naming the existing one, in English when asked', async () => {
  const { status, body } = await answer(
    evaluationHandlers.normal,
    rate(
      {
        target: { kind: 'case', caseNumber: mockCases.alreadyRated.number },
        level: 'satisfied',
        channel: 'pc',
        anonymous: true,
      },
      { 'x-query-code': mockCases.alreadyRated.queryCode, 'accept-language': 'en' },
    ),
    '/evaluations',
  );
  assert.equal(status, 409);
  assert.equal(body.code, 'already_rated');
  assert.deepEqual(body.existingEvaluation, mockCases.alreadyRated.rated);
  assert.equal(body.title, 'This case has already been rated');
});

test('a bad review without reasons is 400 validation_failed pointing at /reasons', async () => {
  const { status, body } = await answer(
    evaluationHandlers.normal,
    rate({ target: onSite, level: 'dissatisfied', channel: 'pc', anonymous: true }),
    '/evaluations',
  );
  assert.equal(status, 400);
  assert.deepEqual(
    (body.errors as Node[]).map((error) => error.pointer),
    ['/reasons'],
  );
});

test('a wrong query code is 404 case_lookup_failed', async () => {
  const { status, body } = await answer(
    evaluationHandlers.normal,
    rate(
      {
        target: { kind: 'case', caseNumber: mockCases.concludedNotRated.number },
        level: 'satisfied',
        channel: 'pc',
        anonymous: true,
      },
      { 'x-query-code': '22222222' },
    ),
    '/evaluations',
  );
  assert.equal(status, 404);
  assert.equal(body.code, 'case_lookup_failed');
});

test('the unavailable set answers 503 service_unavailable with a Retry-After', async () => {
  const request = rate({ target: onSite, level: 'satisfied', channel: 'pc', anonymous: true });
  const response = await getResponse(evaluationHandlers.unavailable, request.clone());
  assert.ok(Number(response?.headers.get('retry-after')) > 60, 'longer than the SDK waits');
  const { status, body } = await answer(evaluationHandlers.unavailable, request, '/evaluations');
  assert.equal(status, 503);
  assert.equal(body.code, 'service_unavailable');
});

test('the summary of an item, of a department and of everything are EvaluationSummary bodies', async () => {
  for (const query of [`item=${item.code}`, `department=${item.department.id}`, '']) {
    const { status, body } = await answer(
      evaluationHandlers.normal,
      new Request(`${api}/evaluations/summary?${query}`),
      '/evaluations/summary',
    );
    assert.equal(status, 200);
    assert.ok((body.total as number) > 0);
  }
});

test('a search is an ItemPage of summaries, best match first, with a cursor to the next page', async () => {
  const first = await answer(
    itemHandlers.normal,
    new Request(`${api}/items?q=${encodeURIComponent('许可')}&limit=2`),
    '/items',
  );
  assert.equal(first.status, 200);
  const names = (first.body.items as Node[]).map((found) => found.name as string);
  assert.equal(names.length, 2);
  assert.ok(
    names.every((name) => name.includes('许可')),
    names.join(),
  );
  assert.equal(typeof first.body.nextCursor, 'string');
  const next = await answer(
    itemHandlers.normal,
    new Request(
      `${api}/items?q=${encodeURIComponent('许可')}&limit=2&cursor=${first.body.nextCursor as string}`,
    ),
    '/items',
  );
  assert.ok((next.body.items as Node[]).every((found) => !names.includes(found.name as string)));
});

test('filters combine: a region and a department', async () => {
  const { body } = await answer(
    itemHandlers.normal,
    new Request(`${api}/items?region=150300&department=150302-scjgj`),
    '/items',
  );
  const found = body.items as Node[];
  assert.ok(found.length > 0);
  assert.ok(found.every((it) => (it.department as Node).id === '150302-scjgj'));
});

test('every seed item is served as an Item, and its form as a FormDefinition when it has one', async () => {
  for (const it of Object.values(catalogueItems)) {
    const guide = await answer(itemHandlers.normal, new Request(`${api}/items/${it.code}`), '/items/{code}');
    assert.equal(guide.status, 200);
    const form = await answer(
      itemHandlers.normal,
      new Request(`${api}/items/${it.code}/form`),
      '/items/{code}/form',
    );
    assert.equal(form.status, it.formVersion ? 200 : 404, it.name);
  }
});

test('an unknown item is 404 not_found', async () => {
  const { status, body } = await answer(
    itemHandlers.normal,
    new Request(`${api}/items/11150302MB154687214000105099000`),
    '/items/{code}',
  );
  assert.equal(status, 404);
  assert.equal(body.code, 'not_found');
});

test('the failure sets cover every path of their resource', async () => {
  for (const path of [
    '/items',
    `/items/${seedItems.publicRentalHousing.code}`,
    `/items/${seedItems.publicRentalHousing.code}/form`,
  ]) {
    const response = await getResponse(itemHandlers.unavailable, new Request(`${api}${path}`));
    assert.equal(response?.status, 503, path);
  }
  const summary = await getResponse(
    evaluationHandlers.unavailable,
    new Request(`${api}/evaluations/summary`),
  );
  assert.equal(summary?.status, 503);
});

test('the rating of a case, as its applicant reads it, matches CaseRating; a wrong code is 404', async () => {
  const read = (found: { number: string; queryCode: string }, code = found.queryCode) =>
    answer(
      evaluationHandlers.normal,
      new Request(`${api}/cases/${found.number}/rating`, { headers: { 'x-query-code': code } }),
      '/cases/{caseNumber}/rating',
    );
  const appealed = await read(mockCases.appealDecided);
  assert.equal(((appealed.body.rating as Node).appeal as Node).state, 'accepted');
  assert.equal((await read(mockCases.followUpClosed)).body.followUpOpen, false);
  assert.equal((await read(mockCases.concludedNotRated)).body.rating, null);
  assert.equal((await read(mockCases.alreadyRated, 'WRONG123')).status, 404);
});
