import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createHarness, type Harness } from '../support/harness.js';
import { applicationBody, importExample } from '../support/cases.js';

describe('idempotency replays at rest', () => {
  let h: Harness;
  let itemCode: string;
  before(async () => {
    h = await createHarness();
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  it('stores neither the key nor the query code and token of a created case in clear, and still replays', async () => {
    const body = await applicationBody(h, itemCode);
    const headers = { 'Idempotency-Key': 'replay-at-rest-0001' };
    const first = await h.call('POST', '/api/v1/cases', { body, headers });
    assert.equal(first.status, 201, first.text);
    const { rows } = await sql<{ row: string }>`select t::text as row from idempotency_keys t`.execute(
      h.database.db,
    );
    const dump = rows.map((r) => r.row).join('\n');
    for (const secret of [
      'replay-at-rest-0001',
      first.body.queryCode,
      first.body.applicantToken,
      first.body.caseNumber,
    ]) {
      assert.ok(secret, 'the create answered the value');
      assert.ok(!dump.includes(secret), `found ${secret} in the idempotency table`);
    }
    const again = await h.call('POST', '/api/v1/cases', { body, headers });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.queryCode, first.body.queryCode);
    assert.equal(again.body.applicantToken, first.body.applicantToken);
  });
});
