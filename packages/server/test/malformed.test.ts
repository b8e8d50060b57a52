import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { allOperations } from './support/conformance.js';
import { createHarness, type Harness } from './support/harness.js';
import { importExample, submitCase } from './support/cases.js';

describe('malformed requests', () => {
  let h: Harness;
  let known: { itemCode: string; caseNumber: string };
  before(async () => {
    h = await createHarness();
    const itemCode = (await importExample(h)).code;
    known = { itemCode, caseNumber: (await submitCase(h, itemCode)).caseNumber };
  });
  after(() => h.close());

  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '%',
      '%zz',
      '\u0000',
      'a\u0000b',
      '../..',
      'null',
      '-1',
      '0',
      '1e309',
      '9'.repeat(40),
      '你好',
      '\u0000',
      'ABCDEFGH',
      'up_x',
      'ev_1234567890',
    ),
  );
  const request = fc.record({
    operationId: fc.constantFrom(...allOperations.map((op) => op.operationId)),
    pathValue: fc.oneof(text, fc.constantFrom('known')),
    query: fc.dictionary(
      fc.constantFrom(
        'q',
        'limit',
        'cursor',
        'region',
        'type',
        'state',
        'from',
        'to',
        'bad',
        'overdue',
        'item',
        'zzz',
      ),
      text,
      { maxKeys: 4 },
    ),
    auth: fc.constantFrom(undefined, 'staff', 'Bearer at_nonsense', 'Bearer st_wrong', 'Basic abc', 'Bearer'),
    queryCode: fc.option(text, { nil: undefined }),
    idempotencyKey: fc.option(fc.oneof(text, fc.uuid()), { nil: undefined }),
    contentType: fc.constantFrom(
      undefined,
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'application/json;charset="latin1"',
      'application/xml',
    ),
    body: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        '{',
        '{"comment":"\\u0000"}',
        '{"target":{"kind":"case"}}',
        '{"action":"accept"}',
        '[]',
        'null',
        '{"days":[{"date":"2026-13-45","kind":"holiday"}]}',
        // The shapes that once gave 500: deep nesting, lone surrogates; and other oddities.
        '['.repeat(10_000) + ']'.repeat(10_000),
        '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
        '{"comment":"\\ud800","target":{"kind":"onSite","windowId":"\\udc00"}}',
        '{"applicant":{"name":"\\ud83d"}}',
        '{"\\ud800":1}',
        '{"level":1e999999,"limit":123456789012345678901234567890}',
        '{"level":"satisfied","level":"bad","level":null}',
        '\ufeff{"level":"satisfied"}',
        '\ufeff',
      ),
      fc.string({ unit: 'binary', maxLength: 60 }).map((v) => JSON.stringify({ comment: v, name: v })),
    ),
    formSession: fc.option(fc.constantFrom('fs_forged.AAAA', 'fs_', 'x'.repeat(600)), { nil: undefined }),
  });

  it('refuses a one-value query parameter given twice, naming it; regions may be repeated', async () => {
    for (const query of ['limit=1&limit=2', 'status=active&status=abolished', 'q=a&q=b']) {
      const twice = await h.call('GET', `/api/v1/items?${query}`);
      const name = query.split('=')[0]!;
      assert.equal(twice.status, 400, query);
      assert.deepEqual(
        twice.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`),
        [`#/query/${name} repeated`],
      );
      assert.ok(twice.body.errors[0].message.includes(name), twice.body.errors[0].message);
    }
    const { regionCode } = (await h.call('GET', `/api/v1/items/${known.itemCode}`)).body;
    const other = regionCode === '150303' ? '150304' : '150303';
    const codes = async (query: string) =>
      (await h.call('GET', `/api/v1/items?${query}`)).body.items.map((item: { code: string }) => item.code);
    assert.ok(!(await codes(`region=${other}`)).includes(known.itemCode));
    assert.ok((await codes(`region=${other}&region=${regionCode}`)).includes(known.itemCode));
  });

  it('answers 10,000 generated malformed requests without a 5xx, every failure as problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const operation = allOperations.find((op) => op.operationId === r.operationId)!;
        const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
          if (r.pathValue !== 'known') return encodeURIComponent(r.pathValue);
          return name === 'code'
            ? known.itemCode
            : name === 'caseNumber'
              ? known.caseNumber
              : name === 'year'
                ? '2026'
                : 'up_0000000000';
        });
        const search = new URLSearchParams(r.query).toString();
        const headers: Record<string, string> = {};
        // The staff token is signed once the harness runs; the arbitrary names it.
        if (r.auth) headers.Authorization = r.auth === 'staff' ? h.staff.Authorization! : r.auth;
        if (r.queryCode !== undefined) headers['X-Query-Code'] = r.queryCode.replace(/[^\x20-\x7e]/g, '');
        if (r.idempotencyKey !== undefined)
          headers['Idempotency-Key'] = r.idempotencyKey.replace(/[^\x20-\x7e]/g, '');
        if (r.contentType) headers['Content-Type'] = r.contentType;
        if (r.formSession !== undefined) headers['X-Form-Session'] = r.formSession;
        const hasBody = operation.method !== 'get';
        const response = await h.app.request(`/api/v1${path}${search ? `?${search}` : ''}`, {
          method: operation.method.toUpperCase(),
          headers,
          body: hasBody ? r.body : undefined,
        });
        const body = await response.text();
        assert.ok(
          response.status < 500,
          `${operation.operationId} ${path}: ${response.status} ${body.slice(0, 300)}`,
        );
        if (response.status >= 400) {
          assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
          const problem = JSON.parse(body) as { status: number; code: string };
          assert.equal(problem.status, response.status);
          assert.match(problem.code, /^[a-z][a-z0-9_]*$/);
        }
      }),
      {
        numRuns: 10_000,
        seed: Number(process.env.FUZZ_SEED ?? 20261123),
        // Bounded in time as well as in count, so a slow machine cannot make the suite slow.
        interruptAfterTimeLimit: 40_000,
        markInterruptAsFailure: false,
      },
    );
  });
});
