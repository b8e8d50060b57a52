import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importItems } from '../../src/items/importer.js';
import { submitCase } from '../support/cases.js';
import { exampleForm, exampleItem, itemVariant } from '../support/fixtures.js';
import { createHarness, staffClaims, type Harness } from '../support/harness.js';

describe('告知承诺: a case approved on commitment is verified, and revoked when untrue', () => {
  let h: Harness;
  // Monday 2 November 2026, 10:00 in Beijing.
  let now = new Date('2026-11-02T02:00:00Z');
  const item = exampleItem();
  const other = itemVariant(1, { departmentId: '150302-scjgj', departmentName: '海勃湾区市场监督管理局' });
  // The same form without its commitment (告知承诺书).
  const plain = itemVariant(2, {});
  const { commitment: _none, ...plainForm } = exampleForm();

  before(async () => {
    h = await createHarness({ clock: () => now, localRules: { commitmentVerificationDays: 5 } });
    await importItems(h.database.db, [{ item, form: exampleForm() }, other, { ...plain, form: plainForm }]);
  });
  after(() => h.close());

  const move = (caseNumber: string, body: Record<string, unknown>, headers = h.staff) =>
    h.call('POST', `/api/v1/cases/${caseNumber}/transitions`, { body, headers });
  const approved = async (itemCode = item.code, changes: Record<string, unknown> = {}, headers = h.staff) => {
    now = new Date('2026-11-02T02:00:00Z');
    const { caseNumber } = await submitCase(h, itemCode, changes);
    await move(caseNumber, { action: 'accept' }, headers);
    const answer = await move(caseNumber, { action: 'approve' }, headers);
    assert.equal(answer.status, 200, answer.text);
    return { caseNumber, body: answer.body };
  };

  it('gives an approval on commitment a verification due after the local working days', async () => {
    const { body } = await approved();
    assert.deepEqual(body.verification, {
      result: 'pending',
      dueDate: '2026-11-09',
      verifiedAt: null,
      overdue: false,
    });
  });

  it('gives none to a case approved without a commitment', async () => {
    const { body } = await approved(plain.item.code, { commitmentAccepted: false });
    assert.equal(body.verification, undefined);
  });

  it('gives none to an item without 告知承诺, though the applicant ticked a commitment', async () => {
    const { body } = await approved(plain.item.code, { commitmentAccepted: true });
    assert.equal(body.verification, undefined);
    assert.equal(body.commitmentAccepted, false);
  });

  it('revokes an approval whose commitment proved untrue, with reason and credit record', async () => {
    const { caseNumber } = await approved();
    now = new Date('2026-11-04T07:00:00Z');
    const noReason = await move(caseNumber, { action: 'verifyCommitment', result: 'untrue' });
    assert.equal(noReason.status, 422, noReason.text);
    assert.equal(noReason.body.errors[0].pointer, '/reason');
    const revoked = await move(caseNumber, {
      action: 'verifyCommitment',
      result: 'untrue',
      reason: '核查发现申请人在本市另有住房。',
    });
    assert.equal(revoked.status, 200, revoked.text);
    assert.equal(revoked.body.state, 'revoked');
    assert.deepEqual(revoked.body.revocation, {
      revokedAt: '2026-11-04T15:00:00+08:00',
      reason: '核查发现申请人在本市另有住房。',
      creditRecord: true,
    });
    assert.equal(revoked.body.verification.result, 'untrue');
    const steps = (await h.call('GET', `/api/v1/cases/${caseNumber}/timeline`, { headers: h.staff })).body
      .items as { action: string; stateAfter: string; opinion?: string; actor: { staffName?: string } }[];
    const last = steps.at(-1)!;
    assert.equal(last.action, 'verifyCommitment');
    assert.equal(last.stateAfter, 'revoked');
    assert.equal(last.opinion, '核查发现申请人在本市另有住房。');
    assert.equal(last.actor.staffName, '高敏');
    const again = await move(caseNumber, { action: 'verifyCommitment', result: 'confirmed' });
    assert.equal(again.status, 409);
  });

  it('closes a true commitment and keeps the case as it was', async () => {
    const { caseNumber } = await approved();
    const confirmed = await move(caseNumber, { action: 'verifyCommitment', result: 'confirmed' });
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.equal(confirmed.body.state, 'approved');
    assert.equal(confirmed.body.verification.result, 'confirmed');
    const twice = await move(caseNumber, { action: 'verifyCommitment', result: 'confirmed' });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'nothing_to_verify');
  });

  it('lists the overdue verifications of the caller’s departments only', async () => {
    const housing = await h.bearer(staffClaims({ sub: 's-zjj', departments: ['150302-zjj'] }));
    const market = await h.bearer(staffClaims({ sub: 's-scj', departments: ['150302-scjgj'] }));
    const mine = await approved();
    const theirs = await approved(other.item.code, {}, market);
    now = new Date('2026-11-10T02:00:00Z'); // the day after the due date
    const list = async (headers: Record<string, string>) => {
      const answer = await h.call('GET', '/api/v1/commitment-verifications?overdue=true', { headers });
      assert.equal(answer.status, 200, answer.text);
      return (answer.body.items as { caseNumber: string; overdue: boolean }[]).map((i) => i.caseNumber);
    };
    assert.ok((await list(housing)).includes(mine.caseNumber));
    assert.ok(!(await list(housing)).includes(theirs.caseNumber));
    assert.deepEqual(await list(market), [theirs.caseNumber]);
    const shown = await h.call('GET', `/api/v1/cases/${mine.caseNumber}`, { headers: housing });
    assert.equal(shown.body.verification.overdue, true);
  });
});
