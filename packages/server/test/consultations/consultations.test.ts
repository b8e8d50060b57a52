import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createHarness, staffClaims, type Harness } from '../support/harness.js';
import { importExample, upload, formSession } from '../support/cases.js';
import { DatabaseOutbox } from '../../src/notify/outbox.js';
import { PiiCipher } from '../../src/security/pii-cipher.js';

/** Monday 7 December 2026, 09:00 in China. */
const monday = new Date('2026-12-07T01:00:00Z');
const question = '非本区户籍在本区工作三年，可以申请公租房吗？';

describe('我要问: asking, answering and rating', () => {
  let h: Harness;
  let itemCode: string;
  let outbox: DatabaseOutbox;
  let otherOffice: Record<string, string>;
  const clock = { now: monday };

  before(async () => {
    const piiKey = randomBytes(32);
    h = await createHarness({ piiKey, clock: () => clock.now });
    itemCode = (await importExample(h)).code;
    outbox = new DatabaseOutbox(h.database.db, new PiiCipher([piiKey]));
    otherOffice = await h.bearer(staffClaims({ sub: 's-other', name: '李强', departments: ['150302-gaj'] }));
  });
  after(() => h.close());

  async function ask(body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const asked = await h.call('POST', '/api/v1/consultations', {
      body: { itemCode, question, mobile: '13947312345', ...body },
      headers,
    });
    assert.equal(asked.status, 201, asked.text);
    return asked.body as { number: string; queryCode: string; answerDue: string; hotlineHint?: string };
  }

  it('answers a question within a working day, tells the asker, takes one follow-up and one rating', async () => {
    clock.now = monday;
    const asked = await ask();
    assert.match(asked.number, /^ZX261207/);
    assert.equal(asked.answerDue, '2026-12-08');
    assert.equal(asked.hotlineHint, undefined);
    const code = { 'X-Query-Code': asked.queryCode };
    const read = await h.call('GET', `/api/v1/consultations/${asked.number}`, { headers: code });
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body.state, 'awaitingAnswer');
    assert.equal(read.body.mobile, '139****2345');
    const early = await h.call('POST', `/api/v1/consultations/${asked.number}/follow-up`, {
      headers: code,
      body: { question: '社保需要在哪里打印缴费证明呢？' },
    });
    assert.equal(early.status, 409, early.text);

    const answer = { answer: '可以。持有本区居住证且在本区连续缴纳社会保险满 1 年的，可以申请。' };
    const wrongOffice = await h.call('POST', `/api/v1/consultations/${asked.number}/answer`, {
      headers: otherOffice,
      body: answer,
    });
    assert.equal(wrongOffice.status, 404, wrongOffice.text);
    const resident = await h.call('POST', `/api/v1/consultations/${asked.number}/answer`, {
      headers: await h.bearer({ sub: 'r-1', name: '张丽', assurance_level: 3 }),
      body: answer,
    });
    assert.equal(resident.status, 403, resident.text);
    const answered = await h.call('POST', `/api/v1/consultations/${asked.number}/answer`, {
      headers: h.staff,
      body: answer,
    });
    assert.equal(answered.status, 200, answered.text);
    assert.equal(answered.body.state, 'answered');
    assert.equal(answered.body.overdue, false);
    const [texted] = await outbox.recent(1, '13947312345');
    assert.match(texted!.text, new RegExp(asked.number));

    const followUp = { question: '社保需要在哪里打印缴费证明呢？' };
    const first = await h.call('POST', `/api/v1/consultations/${asked.number}/follow-up`, {
      headers: code,
      body: followUp,
    });
    assert.equal(first.status, 200, first.text);
    assert.equal(first.body.state, 'awaitingFollowUpAnswer');
    const second = await h.call('POST', `/api/v1/consultations/${asked.number}/follow-up`, {
      headers: code,
      body: { question: '还有一个问题想再问一下可以吗？' },
    });
    assert.equal(second.status, 409, second.text);
    const followUpAnswered = await h.call('POST', `/api/v1/consultations/${asked.number}/answer`, {
      headers: h.staff,
      body: { answer: '在社保经办大厅或网上打印。' },
    });
    assert.equal(followUpAnswered.body.state, 'followUpAnswered');
    assert.equal(followUpAnswered.body.followUp.answer.text, '在社保经办大厅或网上打印。');

    const rating = {
      target: { kind: 'consultation', consultationNumber: asked.number },
      level: 'verySatisfied',
      channel: 'pc',
      anonymous: true,
    };
    const noCode = await h.call('POST', '/api/v1/evaluations', { body: rating });
    assert.equal(noCode.status, 401, noCode.text);
    const rated = await h.call('POST', '/api/v1/evaluations', { headers: code, body: rating });
    assert.equal(rated.status, 201, rated.text);
    const again = await h.call('POST', '/api/v1/evaluations', { headers: code, body: rating });
    assert.equal(again.status, 409, again.text);
    const figures = await h.call('GET', '/api/v1/evaluations/summary?department=150302-zjj');
    assert.equal(figures.body.counts.verySatisfied, 1);
  });

  it('is due after a holiday, and the supervisor sees it overdue once the day has passed', async () => {
    await h.database.db
      .insertInto('calendar_days')
      .values({ day: '2026-12-15', kind: 'holiday', name: '临时休息日' })
      .execute();
    clock.now = new Date('2026-12-14T08:00:00Z'); // Monday 16:00; Tuesday is a holiday
    const asked = await ask();
    assert.equal(asked.answerDue, '2026-12-16');
    clock.now = new Date('2026-12-16T08:00:00Z');
    const onTime = await h.call('GET', '/api/v1/consultations?overdue=true', { headers: h.staff });
    assert.ok(!onTime.body.items.some((c: { number: string }) => c.number === asked.number));
    clock.now = new Date('2026-12-17T01:00:00Z');
    const late = await h.call('GET', '/api/v1/consultations?overdue=true', { headers: h.staff });
    assert.equal(late.status, 200, late.text);
    assert.ok(late.body.items.some((c: { number: string }) => c.number === asked.number));
    const otherList = await h.call('GET', '/api/v1/consultations', { headers: otherOffice });
    assert.equal(otherList.body.items.length, 0);
    const figures = await h.call('GET', '/api/v1/consultations/figures', { headers: h.staff });
    assert.equal(figures.status, 200, figures.text);
    assert.equal(figures.body.answered, 1);
    assert.equal(figures.body.answeredInTime, 1);
    assert.equal(figures.body.overdue, 1);
    assert.equal(typeof figures.body.averageHoursToAnswer, 'number');
    clock.now = monday;
  });

  it('answers a wrong code like an unknown number, and stops guessing at the case lookup limit', async () => {
    const asked = await ask({ mobile: undefined });
    const guesses = [];
    for (let i = 0; i < 10; i++)
      guesses.push(
        (
          await h.call('GET', `/api/v1/consultations/${asked.number}`, {
            headers: { 'X-Query-Code': 'AAAAAAAA' },
          })
        ).status,
      );
    assert.deepEqual(new Set(guesses), new Set([404]));
    const limited = await h.call('GET', `/api/v1/consultations/${asked.number}`, {
      headers: { 'X-Query-Code': asked.queryCode },
    });
    assert.equal(limited.status, 429, limited.text);
  });

  it('publishes only text without personal data, and suggests it while typing, in pinyin too', async () => {
    const asked = await ask();
    await h.call('POST', `/api/v1/consultations/${asked.number}/answer`, {
      headers: h.staff,
      body: { answer: '可以申请，请携带居住证和社保缴费证明到 A12 窗口。' },
    });
    const url = `/api/v1/consultations/${asked.number}/publication`;
    const leaky = await h.call('POST', url, {
      headers: h.staff,
      body: { question: '我是 139 4731 2345，可以申请吗？', answer: '可以申请。', personalDataRemoved: true },
    });
    assert.equal(leaky.status, 422, leaky.text);
    assert.equal(leaky.body.errors[0].pointer, '/question');
    const other = await h.call('POST', url, {
      headers: otherOffice,
      body: { question: '外地户籍可以申请公租房吗？', answer: '可以申请。', personalDataRemoved: true },
    });
    assert.equal(other.status, 404, other.text);
    const published = await h.call('POST', url, {
      headers: h.staff,
      body: {
        question: '外地户籍可以申请公租房吗？',
        answer: '可以申请，请携带居住证和社保缴费证明到 A12 窗口。',
        personalDataRemoved: true,
      },
    });
    assert.equal(published.status, 201, published.text);
    const listed = await h.call('GET', `/api/v1/items/${itemCode}/published-answers`);
    assert.deepEqual(
      listed.body.items.map((qa: { question: string }) => qa.question),
      ['外地户籍可以申请公租房吗？'],
    );
    const byPinyin = await h.call(
      'GET',
      `/api/v1/consultation-suggestions?itemCode=${itemCode}&q=${encodeURIComponent('waidihuji')}`,
    );
    assert.deepEqual(
      byPinyin.body.items.map((s: { source: string }) => s.source),
      ['published'],
    );
    const byChinese = await h.call(
      'GET',
      `/api/v1/consultation-suggestions?itemCode=${itemCode}&q=${encodeURIComponent('非本区户籍能申请吗')}`,
    );
    assert.equal(byChinese.body.items[0].source, 'faq');
    const byInitials = await h.call('GET', `/api/v1/consultation-suggestions?itemCode=${itemCode}&q=fbqhj`);
    assert.equal(byInitials.body.items[0].question, '非本区户籍可以申请吗？');
  });

  it('hints at 12345 for a complaint, hands an out-of-remit matter over, and takes an attachment', async () => {
    const complaint = await ask({ question: '我要投诉窗口工作人员态度恶劣，推诿不办。' });
    assert.match(complaint.hotlineHint!, /12345/);
    const answered = await h.call('POST', `/api/v1/consultations/${complaint.number}/answer`, {
      headers: h.staff,
      body: { answer: '您反映的问题已转办。', outOfRemit: true },
    });
    assert.equal(answered.body.answer.hotline, true);
    assert.match(answered.body.answer.text, /12345/);
    const session = await formSession(h, itemCode);
    const file = await upload(h, undefined, undefined, {}, session);
    assert.equal(file.status, 201, file.text);
    const withFile = await ask({ uploadId: file.body.id }, { 'X-Form-Session': session });
    const read = await h.call('GET', `/api/v1/consultations/${withFile.number}`, {
      headers: { 'X-Query-Code': withFile.queryCode },
    });
    assert.equal(read.body.uploadId, file.body.id);
    const stranger = await h.call('POST', '/api/v1/consultations', {
      body: { itemCode, question, uploadId: file.body.id },
    });
    assert.equal(stranger.status, 422, stranger.text);
  });
});
