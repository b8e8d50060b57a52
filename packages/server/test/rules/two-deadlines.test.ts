import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importExample, postBadReview } from '../support/cases.js';
import { createHarness, type Harness } from '../support/harness.js';

describe('two deadlines: callback and rectification (回访, 立行立改, 限期整改, 解释说明)', () => {
  let h: Harness;
  let itemCode: string;
  // Wednesday 18 November 2026; 德州's rule: rectified within 5 working days, called back within 1.
  const now = new Date('2026-11-18T02:00:00Z');

  before(async () => {
    h = await createHarness({ clock: () => now, localRules: { callbackDays: 1, rectificationMaxDays: 5 } });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  const badReview = () => postBadReview(h, itemCode);
  const step = (id: string, body: Record<string, unknown>, locale = 'zh-CN') =>
    h.call('POST', `/api/v1/evaluations/${id}/rectification-actions`, {
      body,
      headers: { ...h.staff, 'Accept-Language': locale },
    });
  const summary = async () => (await h.call('GET', '/api/v1/evaluations/summary')).body;

  it('sets the callback and the rectification deadlines from their own rules', async () => {
    const { rectification } = await badReview();
    assert.equal(rectification.callbackDue, '2026-11-19', 'one working day');
    assert.equal(rectification.rectificationDue, '2026-11-25', 'five working days');
    assert.equal(rectification.deadlineWorkingDays, 5);
  });

  it('tells 立行立改 from 限期整改, and keeps a scheduled deadline within the locality’s maximum', async () => {
    const immediate = await badReview();
    const fixed = await step(immediate.id, { action: 'rectify', measures: '当场补办。' });
    assert.equal(fixed.body.rectification.outcome, 'immediate');

    const scheduled = await badReview();
    const tooLong = await step(
      scheduled.id,
      { action: 'scheduleRectification', workingDays: 6, measures: '报修' },
      'en',
    );
    assert.equal(tooLong.status, 422, tooLong.text);
    assert.equal(tooLong.body.errors[0].pointer, '/workingDays');
    assert.match(tooLong.body.errors[0].message, /1 to 5 working days/);
    const planned = await step(scheduled.id, {
      action: 'scheduleRectification',
      workingDays: 2,
      measures: '报修',
    });
    assert.equal(planned.status, 200, planned.text);
    assert.equal(planned.body.rectification.state, 'rectifying');
    assert.equal(planned.body.rectification.rectificationDue, '2026-11-20');
    assert.equal(planned.body.rectification.scheduledWorkingDays, 2);
    const called = await step(scheduled.id, { action: 'callback', reached: true, note: '已回访' });
    assert.equal(called.body.rectification.state, 'rectifying', 'a callback leaves the fix due');
    const done = await step(scheduled.id, { action: 'rectify', measures: '设备已修复。' });
    assert.equal(done.body.rectification.state, 'rectified');
    assert.equal(done.body.rectification.outcome, 'scheduled');
  });

  it('publishes 解释说明 apart and does not count it as rectified', async () => {
    const before = await summary();
    const review = await badReview();
    const explained = await step(review.id, { action: 'explain', explanation: '照片回执为必要材料。' });
    assert.equal(explained.body.rectification.outcome, 'explained');
    const after = await summary();
    assert.equal(after.badCount, before.badCount + 1);
    assert.equal(after.explainedCount, before.explainedCount + 1);
    const rectifiedBefore = Math.round(before.rectificationRate * before.badCount);
    assert.equal(after.rectificationRate, Math.round((rectifiedBefore / after.badCount) * 10000) / 10000);
  });
});
