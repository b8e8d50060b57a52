import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importExample, postBadReview } from '../support/cases.js';
import { createHarness, type Harness } from '../support/harness.js';

let staff: Record<string, string>;

describe('a failed callback is an attempt, not a callback', () => {
  let h: Harness;
  let itemCode: string;
  const now = new Date('2026-11-18T02:00:00Z');

  before(async () => {
    h = await createHarness({ clock: () => now });
    staff = h.staff;
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  const badReview = async () =>
    `/api/v1/evaluations/${(await postBadReview(h, itemCode)).id}/rectification-actions`;
  const callback = (path: string, reached: boolean) =>
    h.call('POST', path, {
      body: { action: 'callback', reached, note: reached ? '已回访' : '无人接听' },
      headers: staff,
    });
  const callbackRate = async () => (await h.call('GET', '/api/v1/evaluations/summary')).body.callbackRate;

  it('keeps the review open for callback and out of callbackRate until the rater is reached', async () => {
    const path = await badReview();
    const missed = await callback(path, false);
    assert.equal(missed.status, 200, missed.text);
    assert.equal(missed.body.rectification.state, 'open');
    assert.deepEqual(
      missed.body.rectification.history.map((e: { action: string; reached?: boolean }) => [
        e.action,
        e.reached,
      ]),
      [['callback', false]],
    );
    assert.equal(await callbackRate(), 0, 'one real-name bad review, no callback reached');

    const reached = await callback(path, true);
    assert.equal(reached.status, 200, reached.text);
    assert.equal(reached.body.rectification.state, 'calledBack');
    assert.equal(await callbackRate(), 1);
  });
});
