import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadCalendar } from '../../src/calendar/calendar-store.js';
import { sweepRatings } from '../../src/evaluations/rating-sweep.js';
import { defaultLocalRules, type LocalRules } from '../../src/local-rules/local-rules.js';
import type { Notification } from '../../src/notify/notifier.js';
import { PiiCipher } from '../../src/security/pii-cipher.js';
import { SealedColumnsPlugin } from '../../src/security/sealed-columns.js';
import { concludeCase, importExample, submitCase } from '../support/cases.js';
import { createHarness, type Harness } from '../support/harness.js';

const piiKey = Buffer.alloc(32, 9);
const day = 86_400_000;

describe('when a case may be rated (评价时效, GB/T 39734 §7.2)', () => {
  let h: Harness;
  let itemCode: string;
  // Wednesday 18 November 2026, 10:00 China time; tests move the clock on.
  let now = new Date('2026-11-18T02:00:00Z');
  const rules: LocalRules = { ...defaultLocalRules, ratingPeriodDays: 30, defaultSatisfiedAfterDays: 5 };

  before(async () => {
    h = await createHarness({ clock: () => now, piiKey, localRules: rules });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  const rate = (caseNumber: string, token: string, extra: Record<string, unknown> = {}, locale = 'zh-CN') =>
    h.call('POST', '/api/v1/evaluations', {
      body: {
        target: { kind: 'case', caseNumber },
        level: 'satisfied',
        channel: 'pc',
        anonymous: true,
        ...extra,
      },
      headers: { Authorization: `Bearer ${token}`, 'Accept-Language': locale },
    });
  const sweep = async (sent: Notification[]) => {
    const db = h.database.db.withPlugin(new SealedColumnsPlugin(new PiiCipher([piiKey])));
    return sweepRatings(db, { send: async (n) => void sent.push(n) }, rules, await loadCalendar(db), now);
  };

  it('refuses a rating before 办结 and after the period with a clear 409, accepts one in between', async () => {
    now = new Date('2026-11-18T02:00:00Z');
    const { caseNumber, applicantToken } = await submitCase(h, itemCode);
    const early = await rate(caseNumber, applicantToken);
    assert.equal(early.status, 409, early.text);
    assert.equal(early.body.code, 'rating_not_open');
    assert.match(early.body.detail, /办结后才能评价/);
    const earlyEn = await rate(caseNumber, applicantToken, {}, 'en');
    assert.match(earlyEn.body.detail, /rated from conclusion on/);

    await concludeCase(h, caseNumber);
    now = new Date(now.getTime() + 31 * day);
    const late = await rate(caseNumber, applicantToken);
    assert.equal(late.status, 409, late.text);
    assert.equal(late.body.code, 'rating_closed');
    assert.equal(late.body.lastRatingDay, '2026-12-18');
    assert.match(late.body.detail, /2026-12-18 截止/);

    now = new Date(now.getTime() - 2 * day);
    const inTime = await rate(caseNumber, applicantToken);
    assert.equal(inTime.status, 201, inTime.text);
    assert.equal(inTime.body.defaulted, false);
  });

  it('invites the applicant by SMS days after 办结, once, and counts an unrated case as 满意, marked defaulted', async () => {
    now = new Date('2026-11-18T02:00:00Z');
    const { caseNumber, applicantToken } = await submitCase(h, itemCode);
    await concludeCase(h, caseNumber);
    const sent: Notification[] = [];
    now = new Date(now.getTime() + 2 * day);
    assert.deepEqual(await sweep(sent), { invited: 0, defaulted: 0 }, 'not yet three days');
    now = new Date(now.getTime() + 1 * day + 3_600_000);
    assert.equal((await sweep(sent)).invited, 1);
    assert.equal((await sweep(sent)).invited, 0, 'invited once');
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.mobile, '13947312345');
    assert.equal(sent[0]!.purpose, 'ratingInvitation');
    assert.match(sent[0]!.text, new RegExp(`${caseNumber}.*已办结.*2026-12-18 前`));

    // Five working days after Wednesday 18 November is Wednesday 25 November: counted the day after.
    now = new Date('2026-11-26T02:00:00Z');
    const before = (await h.call('GET', '/api/v1/evaluations/summary')).body;
    assert.equal((await sweep(sent)).defaulted, 1);
    assert.equal((await sweep(sent)).defaulted, 0, 'counted once');
    const afterDefault = (await h.call('GET', '/api/v1/evaluations/summary')).body;
    assert.equal(afterDefault.total, before.total + 1);
    assert.equal(afterDefault.defaultedCount, before.defaultedCount + 1, 'told apart in the figures');
    const listed = await h.call('GET', `/api/v1/evaluations?caseNumber=${caseNumber}`, { headers: h.staff });
    assert.equal(listed.body.items[0].defaulted, true);
    assert.equal(listed.body.items[0].channel, 'system');

    // The applicant still rates in the period: their rating takes the default's place.
    const own = await rate(caseNumber, applicantToken, { level: 'verySatisfied' });
    assert.equal(own.status, 201, own.text);
    const afterOwn = (await h.call('GET', '/api/v1/evaluations/summary')).body;
    assert.equal(afterOwn.total, afterDefault.total);
    assert.equal(afterOwn.defaultedCount, before.defaultedCount);
    assert.equal(afterOwn.counts.verySatisfied, afterDefault.counts.verySatisfied + 1);
  });

  it('refuses the channel the server keeps for default ratings', async () => {
    const sent = await h.call('POST', '/api/v1/evaluations', {
      body: { target: { kind: 'onSite', itemCode }, level: 'satisfied', channel: 'system', anonymous: true },
    });
    assert.equal(sent.status, 422, sent.text);
  });
});

describe('rating at 受理 where the locality allows it', () => {
  let h: Harness;
  let itemCode: string;
  before(async () => {
    h = await createHarness({ localRules: { ratingFrom: 'accepted' } });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  it('accepts a rating once the case is accepted, not at submission', async () => {
    const { caseNumber, applicantToken } = await submitCase(h, itemCode);
    const rate = () =>
      h.call('POST', '/api/v1/evaluations', {
        body: { target: { kind: 'case', caseNumber }, level: 'satisfied', channel: 'pc', anonymous: true },
        headers: { Authorization: `Bearer ${applicantToken}` },
      });
    assert.equal((await rate()).status, 409);
    await h.call('POST', `/api/v1/cases/${caseNumber}/transitions`, {
      body: { action: 'accept' },
      headers: h.staff,
    });
    const accepted = await rate();
    assert.equal(accepted.status, 201, accepted.text);
  });
});
