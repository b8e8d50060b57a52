import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultLocalRules, type LocalRules } from '../../src/local-rules/local-rules.js';
import { concludeCase, formSession, importExample, submitCase, upload } from '../support/cases.js';
import { pdfBytes } from '../support/files.js';
import { createHarness, type Harness } from '../support/harness.js';

const day = 86_400_000;

describe('the rating of a case as its applicant sees it (已评价, 追评, 申诉结果)', () => {
  let h: Harness;
  let itemCode: string;
  // Wednesday 18 November 2026, 10:00 China time; tests move the clock on.
  let now = new Date('2026-11-18T02:00:00Z');
  const rules: LocalRules = { ...defaultLocalRules, ratingPeriodDays: 15 };

  before(async () => {
    h = await createHarness({ clock: () => now, localRules: rules });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  const concluded = async () => {
    const created = await submitCase(h, itemCode);
    await concludeCase(h, created.caseNumber);
    return created;
  };
  const readRating = (caseNumber: string, token: string) =>
    h.call('GET', `/api/v1/cases/${caseNumber}/rating`, { headers: { Authorization: `Bearer ${token}` } });
  const rate = (caseNumber: string, token: string, extra: Record<string, unknown> = {}) =>
    h.call('POST', '/api/v1/evaluations', {
      body: {
        target: { kind: 'case', caseNumber },
        level: 'satisfied',
        channel: 'pc',
        anonymous: false,
        ...extra,
      },
      headers: { Authorization: `Bearer ${token}` },
    });
  const step = (id: string, body: Record<string, unknown>, headers = h.staff) =>
    h.call('POST', `/api/v1/evaluations/${id}/rectification-actions`, { body, headers });

  it('shows the existing rating and offers one 追评 within the period, none after it', async () => {
    now = new Date('2026-11-18T02:00:00Z');
    const { caseNumber, applicantToken } = await concluded();
    const unrated = await readRating(caseNumber, applicantToken);
    assert.equal(unrated.status, 200, unrated.text);
    assert.deepEqual(unrated.body, {
      rating: null,
      followUp: null,
      followUpOpen: false,
      lastFollowUpDay: null,
    });

    const first = await rate(caseNumber, applicantToken);
    assert.equal(first.status, 201, first.text);
    const rated = await readRating(caseNumber, applicantToken);
    assert.equal(rated.body.rating.id, first.body.id);
    assert.equal(rated.body.rating.level, 'satisfied');
    assert.equal(rated.body.rating.ratedAt, '2026-11-18T10:00:00+08:00');
    assert.equal(rated.body.followUpOpen, true);
    assert.equal(rated.body.lastFollowUpDay, '2026-12-03', '15 natural days after the rating');

    now = new Date(now.getTime() + 15 * day);
    const followUp = await rate(caseNumber, applicantToken, {
      level: 'verySatisfied',
      followUpOf: first.body.id,
    });
    assert.equal(followUp.status, 201, followUp.text);
    const both = await readRating(caseNumber, applicantToken);
    assert.equal(both.body.followUp.level, 'verySatisfied');
    assert.equal(both.body.followUpOpen, false, 'one follow-up only');

    const late = await concluded();
    const lateFirst = await rate(late.caseNumber, late.applicantToken);
    now = new Date(now.getTime() + 16 * day);
    const closed = await readRating(late.caseNumber, late.applicantToken);
    assert.equal(closed.body.rating.id, lateFirst.body.id);
    assert.equal(closed.body.followUpOpen, false);
    assert.equal(closed.body.lastFollowUpDay, '2026-12-18');
  });

  it('answers a stranger as for an unknown case', async () => {
    now = new Date('2026-11-18T02:00:00Z');
    const { caseNumber } = await concluded();
    const other = await concluded();
    assert.equal((await readRating(caseNumber, other.applicantToken)).status, 404);
    assert.equal((await h.call('GET', `/api/v1/cases/${caseNumber}/rating`)).status, 401);
  });

  it('shows the rater the office reply and the reviewer’s decision on its appeal, with the reason', async () => {
    now = new Date('2026-11-18T02:00:00Z');
    const { caseNumber, applicantToken } = await concluded();
    const bad = await rate(caseNumber, applicantToken, {
      level: 'dissatisfied',
      reasons: ['repeatedVisits'],
    });
    assert.equal(bad.status, 201, bad.text);
    const evidence = await h.call('POST', '/api/v1/uploads', {
      raw: (() => {
        const form = new FormData();
        form.set('file', new File([pdfBytes], '叫号记录.pdf', { type: 'application/pdf' }));
        return form;
      })(),
      headers: h.staff,
    });
    assert.equal(evidence.status, 201, evidence.text);
    const appealed = await step(bad.body.id, {
      action: 'submitAppeal',
      reason: '评价人误评本窗口',
      evidenceUploadIds: [evidence.body.id],
    });
    assert.equal(appealed.status, 200, appealed.text);
    assert.deepEqual(appealed.body.rectification.history[0].evidenceUploadIds, [evidence.body.id]);
    const kept = await h.call('GET', `/api/v1/evaluations/${bad.body.id}`, { headers: h.reviewer });
    assert.deepEqual(kept.body.rectification.history[0].evidenceUploadIds, [evidence.body.id]);
    assert.deepEqual((await readRating(caseNumber, applicantToken)).body.rating.appeal, {
      state: 'submitted',
    });

    now = new Date(now.getTime() + day);
    const rejected = await step(
      bad.body.id,
      { action: 'rejectAppeal', opinion: '叫号记录显示确在本窗口办理' },
      h.reviewer,
    );
    assert.equal(rejected.status, 200, rejected.text);
    await step(bad.body.id, { action: 'explain', explanation: '照片回执为必要材料，已向您说明' });
    const seen = (await readRating(caseNumber, applicantToken)).body.rating;
    assert.deepEqual(seen.appeal, {
      state: 'rejected',
      reason: '叫号记录显示确在本窗口办理',
      decidedAt: '2026-11-19T10:00:00+08:00',
    });
    assert.deepEqual(seen.reply, {
      outcome: 'explained',
      text: '照片回执为必要材料，已向您说明',
      at: '2026-11-19T10:00:00+08:00',
    });
    assert.doesNotMatch(JSON.stringify(seen), /赵敏|高敏/, 'no staff names for the public');
  });

  it('keeps only staff uploads as an appeal’s evidence', async () => {
    now = new Date('2026-11-18T02:00:00Z');
    const { caseNumber, applicantToken } = await concluded();
    const bad = await rate(caseNumber, applicantToken, { level: 'veryDissatisfied', reasons: ['other'] });
    const applicantFile = await upload(h, pdfBytes, 'a.pdf', {}, await formSession(h, itemCode));
    const refused = await step(bad.body.id, {
      action: 'submitAppeal',
      reason: '恶意差评',
      evidenceUploadIds: ['up_01JDD2E4G6J8L0N2Q4S6U8W0Y2', applicantFile.body.id],
    });
    assert.equal(refused.status, 422, refused.text);
    assert.deepEqual(
      refused.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/evidenceUploadIds/0', '/evidenceUploadIds/1'],
    );
  });
});
