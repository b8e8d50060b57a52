import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importItems } from '../../src/items/importer.js';
import { itemVariant } from '../support/fixtures.js';
import { createHarness, staffClaims, type Harness } from '../support/harness.js';

// A hand-counted set: two departments, three windows, three members of staff (工号).
// 住建 (150302-zjj), window A1, staff Z-01: 3 very satisfied, 1 dissatisfied (real name, called back
// and rectified), 1 very dissatisfied (anonymous, still open), 1 dissatisfied (real name, called but not
// reached, explained).
// 住建, window A2, staff Z-02: 2 satisfied.
// 公安 (150302-gaj), window B1, staff G-01: 1 basically satisfied, rated 2026-11-01 00:30 Beijing time.
describe('figures per department, window and member of staff', () => {
  let h: Harness;
  let clock = new Date('2026-11-18T02:00:00Z');
  const housing = itemVariant(1, { departmentId: '150302-zjj', departmentName: '海勃湾区住房和城乡建设局' });
  const police = itemVariant(2, { departmentId: '150302-gaj', departmentName: '海勃湾区公安分局' });

  const rate = async (
    item: typeof housing,
    windowId: string,
    staffId: string,
    level: string,
    realName = true,
  ) => {
    const bad = level === 'dissatisfied' || level === 'veryDissatisfied';
    const answer = await h.call('POST', '/api/v1/evaluations', {
      body: {
        target: { kind: 'onSite', itemCode: item.item.code, windowId, staffId },
        level,
        ...(bad ? { reasons: ['repeatedVisits'] } : {}),
        channel: 'hallTablet',
        anonymous: !realName,
        ...(realName ? { rater: { name: '赵海燕', mobile: '15004736627' } } : {}),
      },
    });
    assert.equal(answer.status, 201, answer.text);
    return `/api/v1/evaluations/${answer.body.id}/rectification-actions`;
  };
  const step = async (path: string, body: Record<string, unknown>) => {
    const answer = await h.call('POST', path, { body, headers: h.staff });
    assert.equal(answer.status, 200, answer.text);
  };
  const figures = (query: string, headers: Record<string, string> = {}) =>
    h.call('GET', `/api/v1/evaluations/figures?${query}`, { headers });

  before(async () => {
    h = await createHarness({ clock: () => clock });
    await importItems(h.database.db, [housing, police]);
    for (let i = 0; i < 3; i++) await rate(housing, 'A1', 'Z-01', 'verySatisfied');
    const fixed = await rate(housing, 'A1', 'Z-01', 'dissatisfied');
    await step(fixed, { action: 'callback', reached: true, note: '已回访' });
    await step(fixed, { action: 'rectify', measures: '已补充指南' });
    await rate(housing, 'A1', 'Z-01', 'veryDissatisfied', false);
    const unreached = await rate(housing, 'A1', 'Z-01', 'dissatisfied');
    await step(unreached, { action: 'callback', reached: false, note: '无人接听' });
    await rate(housing, 'A2', 'Z-02', 'satisfied');
    await rate(housing, 'A2', 'Z-02', 'satisfied');
    clock = new Date('2026-10-31T16:30:00Z');
    await rate(police, 'B1', 'G-01', 'basicallySatisfied');
    clock = new Date('2026-11-18T02:00:00Z');
  });
  after(() => h.close());

  const figuresOf = (row: { summary: Record<string, unknown> }) => {
    const { total, satisfactionRate, badCount, rectificationRate, callbackRate } = row.summary;
    return { total, satisfactionRate, badCount, rectificationRate, callbackRate };
  };

  it('gives each window its count, satisfaction, bad reviews, 整改率 and 实名差评回访率, busiest first', async () => {
    const answer = await figures('by=window');
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(
      answer.body.rows.map((row: { windowId: string; summary: Record<string, unknown> }) => [
        row.windowId,
        figuresOf(row),
      ]),
      [
        // 3 of 6 satisfied; 1 of 3 bad reviews rectified; 1 of 2 real-name bad reviews reached.
        [
          'A1',
          { total: 6, satisfactionRate: 0.5, badCount: 3, rectificationRate: 0.3333, callbackRate: 0.5 },
        ],
        ['A2', { total: 2, satisfactionRate: 1, badCount: 0, rectificationRate: null, callbackRate: null }],
        ['B1', { total: 1, satisfactionRate: 1, badCount: 0, rectificationRate: null, callbackRate: null }],
      ],
    );
  });

  it('gives each department its figures with its name', async () => {
    const answer = await figures('by=department');
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(
      answer.body.rows.map(
        (row: { department: { id: string; name: string }; summary: Record<string, unknown> }) => [
          row.department,
          figuresOf(row),
        ],
      ),
      [
        [
          { id: '150302-zjj', name: '海勃湾区住房和城乡建设局' },
          { total: 8, satisfactionRate: 0.625, badCount: 3, rectificationRate: 0.3333, callbackRate: 0.5 },
        ],
        [
          { id: '150302-gaj', name: '海勃湾区公安分局' },
          { total: 1, satisfactionRate: 1, badCount: 0, rectificationRate: null, callbackRate: null },
        ],
      ],
    );
  });

  it('counts a period by the day in Beijing time', async () => {
    // 2026-10-31 16:30 UTC is 1 November in Beijing: in November, not in October.
    const november = await figures('by=window&from=2026-11-01&to=2026-11-01');
    assert.deepEqual(
      november.body.rows.map((row: { windowId: string }) => row.windowId),
      ['B1'],
    );
    const october = await figures('by=department&from=2026-10-01&to=2026-10-31');
    assert.deepEqual(october.body.rows, []);
  });

  it('gives each member of staff their figures, to staff of their department only', async () => {
    const supervisor = await h.bearer(
      staffClaims({ sub: 's-zjj', roles: ['supervisor'], departments: ['150302-zjj'] }),
    );
    const answer = await figures('by=staff', supervisor);
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(
      answer.body.rows.map(
        (row: { staffId: string; department: { id: string }; summary: Record<string, unknown> }) => [
          row.staffId,
          row.department.id,
          figuresOf(row),
        ],
      ),
      [
        [
          'Z-01',
          '150302-zjj',
          { total: 6, satisfactionRate: 0.5, badCount: 3, rectificationRate: 0.3333, callbackRate: 0.5 },
        ],
        [
          'Z-02',
          '150302-zjj',
          { total: 2, satisfactionRate: 1, badCount: 0, rectificationRate: null, callbackRate: null },
        ],
      ],
      'G-01 of 公安 is left out',
    );
    const other = await figures('by=staff&department=150302-gaj', supervisor);
    assert.equal(other.status, 404, other.text);
  });

  it('refuses per-staff figures to residents and to callers without credentials', async () => {
    const resident = await h.bearer({ sub: 'r-1', name: '张丽', assurance_level: 3 });
    assert.equal((await figures('by=staff', resident)).status, 403);
    assert.equal((await figures('by=staff')).status, 401);
    const clerk = await h.bearer(
      staffClaims({ sub: 's-clerk', roles: ['windowClerk'], departments: ['150302-zjj'] }),
    );
    assert.equal((await figures('by=staff', clerk)).status, 403);
  });
});
