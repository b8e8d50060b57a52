import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { allOperations } from './support/conformance.js';
import { createHarness, type Harness } from './support/harness.js';
import { applicationBody, importExample, submitCase } from './support/cases.js';

describe('protected operations and what answers may be kept', () => {
  let h: Harness;
  let itemCode: string;
  before(async () => {
    h = await createHarness();
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  it('answers 401 to a protected operation without a credential before looking at its body', async () => {
    const pathValues: Record<string, string> = {
      caseNumber: '15030220261123000017',
      year: '2026',
      evaluationId: 'ev_01JDB4C2H7P3N8Q5R6S9T0V1WX',
      uploadId: 'up_01JDB3K7Q2X8V5N4M6R9T0W1YZ',
    };
    const protectedOperations = allOperations.filter(
      (operation) =>
        operation.security !== undefined &&
        operation.security.length > 0 &&
        operation.security.every((requirement) => Object.keys(requirement as object).length > 0),
    );
    assert.ok(protectedOperations.length >= 6, 'the document has protected operations');
    for (const operation of protectedOperations) {
      const path = `/api/v1${operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => pathValues[name]!)}`;
      const method = operation.method.toUpperCase();
      const response = await h.call(method, path, {
        ...(method === 'GET' ? {} : { raw: '{"broken": ', headers: { 'content-type': 'application/json' } }),
      });
      assert.equal(response.status, 401, `${method} ${path}: ${response.text}`);
      assert.equal(response.body.code, 'unauthorized');
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
    // With a credential the body is judged as before.
    const judged = await h.call('POST', '/api/v1/cases/15030220261123000017/transitions', {
      raw: '{"broken": ',
      headers: { 'content-type': 'application/json', ...h.staff },
    });
    assert.equal(judged.status, 400);
  });

  it('says no-store on answers with case data, codes or tokens, and nosniff on every API answer', async () => {
    const created = await h.call('POST', '/api/v1/cases', {
      body: await applicationBody(h, itemCode),
    });
    assert.equal(created.status, 201, created.text);
    const { caseNumber, queryCode } = created.body as { caseNumber: string; queryCode: string };
    const secret = [
      created,
      await h.call('GET', `/api/v1/cases/${caseNumber}`, { headers: { 'X-Query-Code': queryCode } }),
      await h.call('GET', `/api/v1/cases/${caseNumber}/timeline`, { headers: { 'X-Query-Code': queryCode } }),
      await h.call('GET', '/api/v1/cases', { headers: h.staff }),
    ];
    for (const response of secret) {
      assert.equal(response.status < 300, true, response.text);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    }
    await submitCase(h, itemCode);
    const open = [
      await h.call('GET', `/api/v1/items/${itemCode}`),
      // The second read of a guide comes from the cache, answered before routing.
      await h.call('GET', `/api/v1/items/${itemCode}`),
      await h.call('GET', '/api/v1/items'),
      await h.call('GET', '/api/v1/items/99999999999999999999999999999'),
      await h.call('GET', '/api/v1/nothing-here'),
    ];
    for (const response of open) {
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', response.text);
      assert.notEqual(response.headers.get('cache-control'), 'no-store');
    }
  });
});
