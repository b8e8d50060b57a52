import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHarness, type Harness } from './support/harness.js';
import { concludeCase, importExample, submitCase } from './support/cases.js';
import { PiiCipher } from '../src/security/pii-cipher.js';
import { SealedColumnsPlugin } from '../src/security/sealed-columns.js';

const piiKey = Buffer.alloc(32, 7);

describe('evaluations', () => {
  let h: Harness;
  let itemCode: string;
  // Wednesday 18 November 2026.
  const now = new Date('2026-11-18T02:00:00Z');

  before(async () => {
    h = await createHarness({ clock: () => now, piiKey });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  const rate = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    h.call('POST', '/api/v1/evaluations', { body, headers });
  const onSite = (level: string, extra: Record<string, unknown> = {}) =>
    rate({
      target: { kind: 'onSite', itemCode, windowId: 'hbw-a12' },
      level,
      channel: 'hallTablet',
      anonymous: true,
      ...extra,
    });
  const summary = async (query = '') => (await h.call('GET', `/api/v1/evaluations/summary${query}`)).body;

  it('rates an item with no window: stored and shown as null; an empty window id is a clear 400', async () => {
    const target = { kind: 'onSite', itemCode };
    const inline = await rate({ target, level: 'satisfied', channel: 'pc', anonymous: true });
    assert.equal(inline.status, 201, inline.text);
    assert.equal(inline.body.target.windowId, null);
    // Stored encrypted; read here with the server's key.
    const stored = await h.database.db
      .withPlugin(new SealedColumnsPlugin(new PiiCipher([piiKey])))
      .selectFrom('evaluations')
      .select('details')
      .where('id', '=', inline.body.id)
      .executeTakeFirstOrThrow();
    const details = (typeof stored.details === 'string' ? JSON.parse(stored.details) : stored.details) as {
      target: Record<string, unknown>;
    };
    assert.equal(details.target.windowId, null, 'no window is stored as null');
    const listed = await h.call('GET', `/api/v1/evaluations/${inline.body.id}`, { headers: h.staff });
    assert.equal(listed.body.target.windowId, null);

    const explicitNull = await rate({
      target: { ...target, windowId: null },
      level: 'satisfied',
      channel: 'pc',
      anonymous: true,
    });
    assert.equal(explicitNull.status, 201, explicitNull.text);
    assert.equal(explicitNull.body.target.windowId, null);

    const empty = await rate(
      { target: { ...target, windowId: '' }, level: 'satisfied', channel: 'pc', anonymous: true },
      { 'Accept-Language': 'en' },
    );
    assert.equal(empty.status, 400, empty.text);
    assert.ok(
      empty.body.errors.some(
        (e: { pointer: string; code: string }) => e.pointer === '/target/windowId' && e.code === 'minLength',
      ),
      empty.text,
    );
    const windowed = await onSite('satisfied');
    assert.equal(windowed.body.target.windowId, 'hbw-a12', 'a window id is kept as sent');
  });

  it('rates a case once (一事一评) with its token, and names the existing rating on a second try', async () => {
    const { caseNumber, applicantToken, queryCode } = await submitCase(h, itemCode);
    await concludeCase(h, caseNumber);
    const body = {
      target: { kind: 'case', caseNumber },
      level: 'verySatisfied',
      channel: 'mobile',
      anonymous: false,
      rater: { name: '张丽', mobile: '13947312345' },
    };
    assert.equal((await rate(body)).status, 401, 'a case rating needs the token or the query code');
    const first = await rate(body, { Authorization: `Bearer ${applicantToken}` });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.body.rater.maskedMobile, '139****2345');
    assert.equal(first.body.itemCode, itemCode);
    const second = await rate({ ...body, level: 'satisfied' }, { 'X-Query-Code': queryCode });
    assert.equal(second.status, 409);
    assert.equal(second.body.code, 'already_rated');
    assert.deepEqual(second.body.existingEvaluation, { id: first.body.id, level: 'verySatisfied' });
    const followUp = await rate(
      { ...body, level: 'satisfied', followUpOf: first.body.id },
      { 'X-Query-Code': queryCode },
    );
    assert.equal(followUp.status, 201);
    assert.equal(followUp.body.followUpOf, first.body.id);
    const secondFollowUp = await rate(
      { ...body, level: 'satisfied', followUpOf: first.body.id },
      { 'X-Query-Code': queryCode },
    );
    assert.equal(secondFollowUp.status, 409);
    const tracked = await h.call('GET', `/api/v1/cases/${caseNumber}`, {
      headers: { 'X-Query-Code': queryCode },
    });
    assert.equal(tracked.body.evaluationId, first.body.id);
    const wrongCode = await rate(body, {
      'X-Query-Code': queryCode === 'ABCDEFGH' ? 'ABCDEFGJ' : 'ABCDEFGH',
    });
    assert.equal(wrongCode.status, 404);
  });

  it('needs reasons for a bad review, and a rater unless anonymous', async () => {
    // Each rule is reported once, at its field, inside the branch the level and `anonymous` pick.
    const errorsOf = (response: { body: { errors: { pointer: string; code: string }[] } }) =>
      response.body.errors.map((e) => `${e.pointer} ${e.code}`);
    const noReasons = await onSite('dissatisfied');
    assert.equal(noReasons.status, 400);
    assert.deepEqual(errorsOf(noReasons), ['/reasons required']);
    const noRater = await rate({
      target: { kind: 'onSite', itemCode, windowId: 'w1' },
      level: 'satisfied',
      channel: 'qrCode',
      anonymous: false,
    });
    assert.equal(noRater.status, 400);
    assert.deepEqual(errorsOf(noRater), ['/rater required']);
    const anonymousWithRater = await onSite('satisfied', { rater: { name: '张丽', mobile: '13947312345' } });
    assert.equal(anonymousWithRater.status, 400);
    assert.deepEqual(errorsOf(anonymousWithRater), ['/rater additionalProperties']);
    const unknownLevel = await onSite('great');
    assert.deepEqual(errorsOf(unknownLevel), ['/level enum']);
    const stale = await onSite('satisfied', { ratedAt: '2026-11-01T10:00:00+08:00' });
    assert.equal(stale.status, 400);
    assert.equal(stale.body.errors[0].pointer, '/ratedAt');
    const unknownItem = await rate({
      target: { kind: 'onSite', itemCode: `${itemCode.slice(0, -1)}9`, windowId: 'w1' },
      level: 'satisfied',
      channel: 'qrCode',
      anonymous: true,
    });
    assert.equal(unknownItem.status, 404);
  });

  it('keeps no identity for an anonymous rating', async () => {
    const anonymous = await onSite('satisfied');
    assert.equal(anonymous.status, 201);
    assert.equal(anonymous.body.rater, undefined);
    const row = await h.database.db
      .selectFrom('evaluations')
      .select(['rater', 'details'])
      .where('id', '=', anonymous.body.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.rater, null);
    assert.ok(!JSON.stringify(row.details).includes('mobile'));
  });

  it('publishes figures by item, department and period, counting queued ratings on the day given', async () => {
    const before = await summary(`?item=${itemCode}`);
    await onSite('verySatisfied');
    await onSite('basicallySatisfied', { ratedAt: '2026-11-15T09:00:00+08:00' });
    await onSite('veryDissatisfied', { reasons: ['poorAttitude'] });
    const after = await summary(`?item=${itemCode}`);
    assert.equal(after.total, before.total + 3);
    assert.equal(after.counts.veryDissatisfied, before.counts.veryDissatisfied + 1);
    const sum = Object.values(after.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    assert.equal(after.total, sum);
    assert.equal(after.satisfactionRate, Math.round(((sum - after.badCount) / sum) * 10000) / 10000);
    const onFifteenth = await summary('?from=2026-11-15&to=2026-11-15');
    assert.equal(onFifteenth.total, 1);
    assert.equal(onFifteenth.counts.basicallySatisfied, 1);
    const byDepartment = await summary('?department=150302-zjj');
    assert.equal(byDepartment.total, after.total);
    const otherDepartment = await summary(`?item=${itemCode}&department=elsewhere`);
    assert.equal(otherDepartment.total, 0);
    assert.equal(otherDepartment.satisfactionRate, null);
    assert.equal((await h.call('GET', '/api/v1/evaluations/summary?from=yesterday')).status, 400);
  });

  it('runs the rectification of a real-name bad review: callback, rectify; appeals exclude a review', async () => {
    const bad = await rate({
      target: { kind: 'onSite', itemCode, windowId: 'hbw-b03', staffId: 'HBW-0127' },
      level: 'dissatisfied',
      reasons: ['repeatedVisits'],
      reasonText: '又跑了一趟',
      channel: 'hallTablet',
      anonymous: false,
      rater: { name: '赵海燕', mobile: '15004736627' },
    });
    assert.equal(bad.status, 201);
    const rectification = bad.body.rectification;
    assert.equal(rectification.state, 'open');
    assert.equal(rectification.callbackRequired, true);
    assert.equal(rectification.deadlineWorkingDays, 3);
    assert.equal(rectification.rectificationDue, '2026-11-23', '3 working days after Wednesday 18 November');
    const path = `/api/v1/evaluations/${bad.body.id}/rectification-actions`;
    const before = await summary();
    assert.equal(
      (await h.call('POST', path, { body: { action: 'acceptAppeal', opinion: '成立' }, headers: h.reviewer }))
        .status,
      409,
    );
    const called = await h.call('POST', path, {
      body: { action: 'callback', reached: true, note: '已电话回访' },
      headers: h.staff,
    });
    assert.equal(called.body.rectification.state, 'calledBack');
    const fixed = await h.call('POST', path, {
      body: { action: 'rectify', measures: '指南补充照片回执要求' },
      headers: h.staff,
    });
    assert.equal(fixed.body.rectification.state, 'rectified');
    assert.deepEqual(
      fixed.body.rectification.history.map((e: { action: string }) => e.action),
      ['callback', 'rectify'],
    );
    const after = await summary();
    assert.equal(after.total, before.total);
    assert.ok(after.callbackRate >= before.callbackRate || before.callbackRate === null);
    assert.equal(
      (await h.call('POST', path, { body: { action: 'rectify', measures: '再次' }, headers: h.staff }))
        .status,
      409,
    );

    const malicious = await onSite('veryDissatisfied', { reasons: ['other'], reasonText: '恶意差评' });
    const appealPath = `/api/v1/evaluations/${malicious.body.id}/rectification-actions`;
    const counted = await summary();
    assert.equal(
      (
        await h.call('POST', appealPath, {
          body: { action: 'callback', reached: false, note: '匿名' },
          headers: h.staff,
        })
      ).status,
      409,
      'an anonymous review cannot be called back',
    );
    await h.call('POST', appealPath, {
      body: { action: 'submitAppeal', reason: '与办件无关的恶意评价' },
      headers: h.staff,
    });
    const accepted = await h.call('POST', appealPath, {
      body: { action: 'acceptAppeal', opinion: '申诉成立' },
      headers: h.reviewer,
    });
    assert.equal(accepted.body.counted, false);
    const excluded = await summary();
    assert.equal(excluded.total, counted.total - 1);
    assert.equal(excluded.excludedCount, counted.excludedCount + 1);

    const good = await onSite('satisfied');
    assert.equal(
      (
        await h.call('POST', `/api/v1/evaluations/${good.body.id}/rectification-actions`, {
          body: { action: 'rectify', measures: 'x' },
          headers: h.staff,
        })
      ).status,
      409,
    );
  });

  it('lists and shows evaluations to staff only', async () => {
    const list = await h.call('GET', '/api/v1/evaluations?bad=true&limit=2', { headers: h.staff });
    assert.equal(list.status, 200);
    assert.ok(list.body.items.every((e: { bad: boolean }) => e.bad));
    const open = await h.call('GET', '/api/v1/evaluations?rectificationState=rectified', {
      headers: h.staff,
    });
    assert.ok(open.body.items.length >= 1);
    const one = await h.call('GET', `/api/v1/evaluations/${list.body.items[0].id}`, { headers: h.staff });
    assert.equal(one.body.id, list.body.items[0].id);
    assert.equal((await h.call('GET', '/api/v1/evaluations')).status, 401);
    assert.equal((await h.call('GET', `/api/v1/evaluations/${list.body.items[0].id}`)).status, 401);
    assert.equal(
      (await h.call('GET', '/api/v1/evaluations/ev_0000000000000000000000', { headers: h.staff })).status,
      404,
    );
  });

  it('records a kiosk rating once however often it is delivered', async () => {
    const key = 'kiosk-hbw-pad-b03-000123';
    const body = {
      target: { kind: 'onSite', itemCode, windowId: 'hbw-b03' },
      level: 'satisfied',
      channel: 'hallTablet',
      anonymous: true,
      deviceId: 'hbw-pad-b03',
      ratedAt: '2026-11-17T16:00:00+08:00',
    };
    const before = await summary('?from=2026-11-17&to=2026-11-17');
    const deliveries = await Promise.all([1, 2, 3].map(() => rate(body, { 'Idempotency-Key': key })));
    assert.deepEqual(new Set(deliveries.map((d) => d.body.id)).size, 1);
    const after = await summary('?from=2026-11-17&to=2026-11-17');
    assert.equal(after.total, before.total + 1);
  });
});
