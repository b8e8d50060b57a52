import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importItems } from '../../src/items/importer.js';
import { submitCase } from '../support/cases.js';
import { exampleForm, exampleItem, itemVariant } from '../support/fixtures.js';
import { createHarness, staffClaims, type Harness } from '../support/harness.js';

let staff: Record<string, string>;

describe('the case clock as 行政许可法 and the locality set it', () => {
  let h: Harness;
  // Monday 2 November 2026, 10:00 in Beijing: no holiday in the weeks that follow.
  let now = new Date('2026-11-02T02:00:00Z');
  const item = exampleItem();
  const idCard = { ...exampleItem(), code: item.code.slice(0, -4) + '9990', name: '居民身份证申领' };

  before(async () => {
    h = await createHarness({ clock: () => now });
    staff = h.staff;
    await importItems(h.database.db, [
      { item, form: exampleForm() },
      { item: { ...idCard, promisedTimeLimit: { value: 60, unit: 'naturalDays' } }, form: exampleForm() },
      // Another department, for transfers.
      itemVariant(1, { departmentId: '150302-scjgj', departmentName: '海勃湾区市场监督管理局' }),
    ]);
  });
  after(() => h.close());

  const at = (iso: string) => (now = new Date(iso));
  const move = (caseNumber: string, body: Record<string, unknown>) =>
    h.call('POST', `/api/v1/cases/${caseNumber}/transitions`, { body, headers: staff });
  const timeline = async (caseNumber: string) =>
    (await h.call('GET', `/api/v1/cases/${caseNumber}/timeline`, { headers: staff })).body.items as {
      action: string;
      actor: { kind: string };
      opinion?: string;
    }[];

  it('adds natural days to a natural-day limit while suspended (14, not 10)', async () => {
    at('2026-11-02T02:00:00Z');
    const { caseNumber } = await submitCase(h, idCard.code);
    const accepted = await move(caseNumber, { action: 'accept' });
    assert.equal(accepted.body.promisedDeadline, '2027-01-01'); // 60 natural days from 2 November
    at('2026-11-09T02:00:00Z');
    await move(caseNumber, { action: 'suspend', reason: '检验' });
    at('2026-11-23T02:00:00Z'); // two weeks later
    const resumed = await move(caseNumber, { action: 'resume' });
    assert.equal(resumed.body.suspendedDays, 14);
    assert.equal(resumed.body.promisedDeadline, '2027-01-15');
  });

  it('refuses a correction request after 5 working days of receipt', async () => {
    at('2026-11-02T02:00:00Z');
    const { caseNumber } = await submitCase(h, item.code);
    at('2026-11-10T02:00:00Z'); // the sixth working day after Monday 2 November
    const late = await move(caseNumber, {
      action: 'requestCorrection',
      deadline: '2026-11-20',
      items: [{ materialId: 'income-proof', name: '收入证明', reason: '不清晰' }],
    });
    assert.equal(late.status, 409, late.text);
    assert.equal(late.body.code, 'correction_window_passed');
    assert.match(late.body.detail, /5个工作日/);
  });

  it('still takes a correction request on the fifth working day', async () => {
    at('2026-11-02T02:00:00Z');
    const { caseNumber } = await submitCase(h, item.code);
    at('2026-11-09T09:00:00Z'); // Monday 9 November, 17:00 in Beijing
    const requested = await move(caseNumber, {
      action: 'requestCorrection',
      deadline: '2026-11-20',
      items: [{ materialId: 'income-proof', name: '收入证明', reason: '不清晰' }],
    });
    assert.equal(requested.status, 200, requested.text);
  });

  it('accepts from receipt once the window passed, says so, and counts the deadline from receipt', async () => {
    at('2026-11-02T02:00:00Z');
    const { caseNumber } = await submitCase(h, item.code);
    at('2026-11-16T02:00:00Z');
    const accepted = await move(caseNumber, { action: 'accept' });
    assert.equal(accepted.status, 200, accepted.text);
    // 15 working days from Monday 2 November, not from 16 November.
    assert.equal(accepted.body.promisedDeadline, '2026-11-23');
    const steps = await timeline(caseNumber);
    assert.deepEqual(
      steps.map((step) => step.action),
      ['submit', 'deemedAccepted', 'accept'],
    );
    assert.equal(steps[1]!.actor.kind, 'system');
    assert.match(steps[1]!.opinion!, /自收到申请之日（2026-11-02）起即为受理/);
  });

  it('takes the correction window from the locality’s configuration', async () => {
    const local = await createHarness({ clock: () => now, localRules: { correctionRequestDays: 10 } });
    try {
      await importItems(local.database.db, [{ item, form: exampleForm() }]);
      at('2026-11-02T02:00:00Z');
      const { caseNumber } = await submitCase(local, item.code);
      at('2026-11-12T02:00:00Z');
      const requested = await local.call('POST', `/api/v1/cases/${caseNumber}/transitions`, {
        headers: local.staff,
        body: {
          action: 'requestCorrection',
          deadline: '2026-11-20',
          items: [{ materialId: 'income-proof', name: '收入证明', reason: '不清晰' }],
        },
      });
      assert.equal(requested.status, 200, requested.text);
    } finally {
      await local.close();
    }
  });

  it('extends the time limit once, by an approver, with the reason on the case and its timeline', async () => {
    at('2026-11-02T02:00:00Z');
    const { caseNumber, queryCode } = await submitCase(h, item.code);
    await move(caseNumber, { action: 'accept' });
    at('2026-11-20T02:00:00Z');
    const tooLong = await move(caseNumber, {
      action: 'extend',
      days: 11,
      reason: '需现场核查',
      approvedBy: '李卫东',
    });
    assert.equal(tooLong.status, 422, tooLong.text);
    assert.match(tooLong.body.errors[0].message, /10个工作日/);
    const reason = '需现场核查经营场所，二十个工作日内不能作出决定。';
    const extended = await move(caseNumber, { action: 'extend', days: 10, reason, approvedBy: '李卫东' });
    assert.equal(extended.status, 200, extended.text);
    // 15 working days from 2 November end on 23 November; 10 more end on 7 December.
    assert.equal(extended.body.promisedDeadline, '2026-12-07');
    assert.equal(extended.body.extension.reason, reason);
    assert.equal(extended.body.extension.approvedBy, '李卫东');
    const again = await move(caseNumber, { action: 'extend', days: 1, reason: '再延', approvedBy: '李卫东' });
    assert.equal(again.status, 409);
    // The applicant sees the reason.
    const seen = await h.call('GET', `/api/v1/cases/${caseNumber}`, {
      headers: { 'X-Query-Code': queryCode },
    });
    assert.equal(seen.body.extension.reason, reason);
    const steps = await h.call('GET', `/api/v1/cases/${caseNumber}/timeline`, {
      headers: { 'X-Query-Code': queryCode },
    });
    const step = steps.body.items.find((e: { action: string }) => e.action === 'extend');
    assert.equal(step.opinion, reason);
  });

  /** A case accepted on Monday 2 November with 劳动合同 deferred (容缺, 10 working days: due 16 November). */
  async function decidedWithOverdueMaterial() {
    at('2026-11-02T02:00:00Z');
    const { caseNumber, queryCode } = await submitCase(h, item.code);
    const accepted = await move(caseNumber, { action: 'accept' });
    const contract = accepted.body.materials.find(
      (m: { materialId: string }) => m.materialId === 'labour-contract',
    );
    assert.equal(contract.deferredUntil, '2026-11-16');
    at('2026-11-17T02:00:00Z');
    assert.equal((await move(caseNumber, { action: 'approve' })).status, 200);
    return { caseNumber, queryCode };
  }

  it('does not conclude a case while a 容缺 material is overdue; the office receives it, then concludes', async () => {
    const { caseNumber } = await decidedWithOverdueMaterial();
    const blocked = await move(caseNumber, { action: 'conclude' });
    assert.equal(blocked.status, 409, blocked.text);
    assert.equal(blocked.body.code, 'deferred_material_overdue');
    assert.match(blocked.body.detail, /劳动合同/);
    const received = await move(caseNumber, {
      action: 'receiveMaterial',
      materialId: 'labour-contract',
      note: '申请人到窗口补交原件，已核验。',
    });
    assert.equal(received.status, 200, received.text);
    assert.equal(received.body.state, 'approved');
    const contract = received.body.materials.find(
      (m: { materialId: string }) => m.materialId === 'labour-contract',
    );
    assert.equal(contract.status, 'accepted');
    const concluded = await move(caseNumber, { action: 'conclude' });
    assert.equal(concluded.status, 200, concluded.text);
    assert.equal(concluded.body.state, 'concluded');
    const notDeferred = await move(caseNumber, { action: 'terminate', reason: '已办结' });
    assert.equal(notDeferred.status, 409, 'a concluded case cannot be terminated');
  });

  it('ends a case with an overdue 容缺 material (终止), the reason shown to the applicant', async () => {
    const { caseNumber, queryCode } = await decidedWithOverdueMaterial();
    const reason = '容缺后补材料逾期未补交，依照容缺受理承诺终止办理。';
    const ended = await move(caseNumber, { action: 'terminate', reason });
    assert.equal(ended.status, 200, ended.text);
    assert.equal(ended.body.state, 'terminated');
    const steps = await h.call('GET', `/api/v1/cases/${caseNumber}/timeline`, {
      headers: { 'X-Query-Code': queryCode },
    });
    const step = steps.body.items.at(-1);
    assert.deepEqual([step.action, step.opinion], ['terminate', reason]);
    assert.equal((await move(caseNumber, { action: 'conclude' })).status, 409);
  });

  it('transfers a case to another department without restarting its clock (转办)', async () => {
    at('2026-11-02T02:00:00Z');
    const { caseNumber, queryCode } = await submitCase(h, item.code);
    const accepted = await move(caseNumber, { action: 'accept' });
    at('2026-11-05T02:00:00Z');
    const reason = '该事项由区市场监督管理局办理，转办至该局。';
    const unknown = await move(caseNumber, { action: 'transfer', departmentId: 'nowhere', reason });
    assert.equal(unknown.status, 422);
    const moved = await move(caseNumber, { action: 'transfer', departmentId: '150302-scjgj', reason });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.body.state, 'accepted');
    assert.deepEqual(
      [moved.body.department.id, moved.body.department.name],
      ['150302-scjgj', '海勃湾区市场监督管理局'],
    );
    assert.equal(moved.body.promisedDeadline, accepted.body.promisedDeadline, 'the clock goes on');
    assert.equal(moved.body.acceptedAt, accepted.body.acceptedAt);
    // Seen by the staff of the department it went to.
    const receiving = await h.bearer(staffClaims({ departments: ['150302-scjgj'] }));
    const listed = await h.call('GET', '/api/v1/cases?department=150302-scjgj', { headers: receiving });
    assert.ok(listed.body.items.some((c: { caseNumber: string }) => c.caseNumber === caseNumber));
    const steps = await h.call('GET', `/api/v1/cases/${caseNumber}/timeline`, {
      headers: { 'X-Query-Code': queryCode },
    });
    const step = steps.body.items.at(-1);
    assert.deepEqual([step.action, step.opinion], ['transfer', reason]);
  });
});
