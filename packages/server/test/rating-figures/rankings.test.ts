import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadCalendar } from '../../src/calendar/calendar-store.js';
import { importEvaluations, type EvaluationInput } from '../../src/evaluations/importer.js';
import { importItems } from '../../src/items/importer.js';
import { itemVariant } from '../support/fixtures.js';
import { createHarness, type Harness } from '../support/harness.js';

const dayMs = 24 * 60 * 60 * 1000;

// With the default minimum of 30 ratings: window GOOD (住建) 30 very satisfied; window POOR (公安) 25
// satisfied and 5 dissatisfied; window ONE (住建) a single very satisfied rating, which must top nothing.
describe('红黑榜 (red and black lists)', () => {
  let h: Harness;
  const published = new Date('2026-11-02T01:00:00Z');
  let clock = published;
  const housing = itemVariant(1, { departmentId: '150302-zjj', departmentName: '海勃湾区住房和城乡建设局' });
  const police = itemVariant(2, { departmentId: '150302-gaj', departmentName: '海勃湾区公安分局' });

  const ratings = (item: typeof housing, windowId: string, level: string, count: number): EvaluationInput[] =>
    Array.from({ length: count }, (_, i) => ({
      body: {
        target: { kind: 'onSite', itemCode: item.item.code, windowId },
        level,
        ...(level === 'dissatisfied' ? { reasons: ['repeatedVisits'] } : {}),
        channel: 'hallTablet',
        anonymous: true,
      },
      createdAt: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T02:00:00Z`,
      itemCode: item.item.code,
      departmentId: item.item.department.id,
    }));

  before(async () => {
    h = await createHarness({ clock: () => clock });
    await importItems(h.database.db, [housing, police]);
    await importEvaluations(
      h.database.db,
      [
        ...ratings(housing, 'GOOD', 'verySatisfied', 30),
        ...ratings(police, 'POOR', 'satisfied', 25),
        ...ratings(police, 'POOR', 'dissatisfied', 5),
        ...ratings(housing, 'ONE', 'verySatisfied', 1),
      ],
      await loadCalendar(h.database.db),
    );
  });
  after(() => h.close());

  const publish = (headers: Record<string, string>, body = { from: '2026-10-01', to: '2026-10-31' }) =>
    h.call('POST', '/api/v1/rating-rankings', { body, headers });
  const ids = (list: { id: string }[]) => list.map((entry) => entry.id);
  let rankingId: string;

  it('ranks windows and departments rated at least the minimum count, so one rating tops no list', async () => {
    const answer = await publish(h.staff);
    assert.equal(answer.status, 201, answer.text);
    rankingId = answer.body.id;
    const { windows, departments, minimumRatings, publisher, period } = answer.body;
    assert.equal(minimumRatings, 30);
    assert.deepEqual(period, { from: '2026-10-01', to: '2026-10-31' });
    assert.equal(publisher.name, '高敏');
    assert.deepEqual(ids(windows.bySatisfaction.red), ['GOOD'], 'ONE (1 rating, 100%) is not ranked');
    assert.deepEqual(ids(windows.bySatisfaction.black), ['POOR']);
    assert.deepEqual(ids(windows.byBadReviews.red), ['GOOD']);
    assert.deepEqual(windows.byBadReviews.black, [
      { rank: 1, id: 'POOR', total: 30, satisfactionRate: 0.8333, badCount: 5 },
    ]);
    assert.deepEqual(departments.bySatisfaction.red, [
      {
        rank: 1,
        id: '150302-zjj',
        name: '海勃湾区住房和城乡建设局',
        total: 31,
        satisfactionRate: 1,
        badCount: 0,
      },
    ]);
    assert.deepEqual(ids(departments.byBadReviews.black), ['150302-gaj']);
  });

  it('keeps a window under the minimum off the lists whatever its rate', async () => {
    const local = await createHarness({ clock: () => clock, localRules: { rankingMinimumRatings: 31 } });
    try {
      await importItems(local.database.db, [housing]);
      await importEvaluations(
        local.database.db,
        ratings(housing, 'GOOD', 'verySatisfied', 30),
        await loadCalendar(local.database.db),
      );
      const answer = await local.call('POST', '/api/v1/rating-rankings', {
        body: { from: '2026-10-01', to: '2026-10-31' },
        headers: local.staff,
      });
      assert.equal(answer.status, 201, answer.text);
      assert.deepEqual(answer.body.windows.bySatisfaction, { red: [], black: [] });
    } finally {
      await local.close();
    }
  });

  it('stays posted for 15 days and readable after', async () => {
    clock = new Date(published.getTime() + 14 * dayMs);
    let list = await h.call('GET', '/api/v1/rating-rankings');
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(ids(list.body.current), [rankingId]);
    assert.deepEqual(list.body.past, []);

    clock = new Date(published.getTime() + 15 * dayMs + 60_000);
    list = await h.call('GET', '/api/v1/rating-rankings');
    assert.deepEqual(ids(list.body.current), []);
    assert.deepEqual(ids(list.body.past), [rankingId]);
    const one = await h.call('GET', `/api/v1/rating-rankings/${rankingId}`);
    assert.equal(one.status, 200, one.text);
    assert.equal(one.body.visibleUntil, '2026-11-17T09:00:00+08:00');
    clock = published;
  });

  it('is published by staff only, for a period that ends after it starts', async () => {
    const resident = await h.bearer({ sub: 'r-1', name: '张丽', assurance_level: 3 });
    assert.equal((await publish(resident)).status, 403);
    assert.equal((await publish({})).status, 401);
    const backwards = await publish(h.staff, { from: '2026-10-31', to: '2026-10-01' });
    assert.equal(backwards.status, 422, backwards.text);
    assert.equal((await h.call('GET', '/api/v1/rating-rankings/rk_missing')).status, 404);
  });
});
