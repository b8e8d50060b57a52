import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../src/calendar/working-days.js';
import { holidays2026 } from '../src/calendar/holidays-2026.js';
import { createHarness, type Harness } from './support/harness.js';
import { importExample, submitCase } from './support/cases.js';

const calendar2026 = {
  holidays: new Set(holidays2026.filter((d) => d.kind === 'holiday').map((d) => d.day)),
  workdays: new Set(holidays2026.filter((d) => d.kind === 'workday').map((d) => d.day)),
};

describe('working days', () => {
  it('skips weekends and holidays and counts adjusted working weekends', () => {
    assert.equal(isWorkingDay('2026-10-01', calendar2026), false, 'National Day');
    assert.equal(isWorkingDay('2026-10-10', calendar2026), true, 'a Saturday worked in exchange');
    assert.equal(isWorkingDay('2026-11-21', calendar2026), false, 'an ordinary Saturday');
    assert.equal(
      addWorkingDays('2026-02-13', 1, calendar2026),
      '2026-02-14',
      'the Saturday before Spring Festival is worked',
    );
    assert.equal(
      addWorkingDays('2026-02-14', 1, calendar2026),
      '2026-02-24',
      'Spring Festival lasts to the 23rd',
    );
    assert.equal(workingDaysBetween('2026-09-30', '2026-10-09', calendar2026), 2);
  });
});

describe('calendar API', () => {
  let h: Harness;
  let itemCode: string;
  let now = new Date('2026-09-28T02:00:00Z');
  before(async () => {
    h = await createHarness({ clock: () => now });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  it('shows the seeded 2026 calendar to staff', async () => {
    const response = await h.call('GET', '/api/v1/calendar/2026', { headers: h.staff });
    assert.equal(response.status, 200);
    assert.ok(
      response.body.days.some(
        (d: { date: string; kind: string }) => d.date === '2026-10-10' && d.kind === 'workday',
      ),
    );
    const empty = await h.call('GET', '/api/v1/calendar/2031', { headers: h.staff });
    assert.deepEqual(empty.body, { year: 2031, days: [], updatedAt: null });
    assert.equal((await h.call('GET', '/api/v1/calendar/2026')).status, 401);
    assert.equal((await h.call('GET', '/api/v1/calendar/1999', { headers: h.staff })).status, 400);
  });

  it('replaces a year and moves the deadlines of running cases', async () => {
    const { caseNumber } = await submitCase(h, itemCode);
    const accepted = await h.call('POST', `/api/v1/cases/${caseNumber}/transitions`, {
      body: { action: 'accept' },
      headers: h.staff,
    });
    assert.equal(accepted.body.promisedDeadline, '2026-10-23');
    const current = (await h.call('GET', '/api/v1/calendar/2026', { headers: h.staff })).body.days;
    const extraHoliday = { date: '2026-10-22', kind: 'holiday', name: '临时停工' };
    const put = await h.call('PUT', '/api/v1/calendar/2026', {
      body: { days: [...current, extraHoliday] },
      headers: h.staff,
    });
    assert.equal(put.status, 200);
    assert.ok(put.body.updatedAt);
    const moved = await h.call('GET', `/api/v1/cases/${caseNumber}`, { headers: h.staff });
    assert.equal(moved.body.promisedDeadline, '2026-10-26');
  });

  it('refuses days outside the year or given twice', async () => {
    const outside = await h.call('PUT', '/api/v1/calendar/2026', {
      body: { days: [{ date: '2027-01-01', kind: 'holiday' }] },
      headers: h.staff,
    });
    assert.equal(outside.status, 400);
    assert.equal(outside.body.errors[0].pointer, '/days/0/date');
    const twice = await h.call('PUT', '/api/v1/calendar/2026', {
      body: {
        days: [
          { date: '2026-05-01', kind: 'holiday' },
          { date: '2026-05-01', kind: 'workday' },
        ],
      },
      headers: h.staff,
    });
    assert.equal(twice.status, 400);
    assert.equal(twice.body.errors[0].pointer, '/days/1/date');
    now = new Date('2026-09-29T02:00:00Z');
  });
});
