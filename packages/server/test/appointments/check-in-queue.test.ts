import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asOtherOffice, asResident, asStaff, bookingHarness } from './support.js';

describe('预约: guessing check-in codes and calling tickets', () => {
  let t: Awaited<ReturnType<typeof bookingHarness>>;
  before(async () => {
    t = await bookingHarness({ checkInLimit: { limit: 5, windowSeconds: 600 } });
  });
  after(() => t.h.close());

  const checkIn = (code: string) => t.h.call('POST', '/api/v1/appointment-check-ins', { body: { code } });

  it('counts wrong codes atomically: of 20 guesses sent at once, exactly 5 are checked', async () => {
    const booked = await t.h.call('POST', '/api/v1/appointments', {
      headers: asResident(21),
      body: { itemCode: t.item.code, day: '2026-12-07', start: '11:00' },
    });
    assert.equal(booked.status, 201, booked.text);
    // A right code does not count: checking in (and again) leaves every try for the wrong ones.
    assert.equal((await checkIn(booked.body.checkInCode)).status, 200);
    assert.equal((await checkIn(booked.body.checkInCode)).status, 200);
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => checkIn(`ABCDEFG${'ABCDEFGHJKMNPQRSTUVW'[i]}`)),
    );
    const statuses = guesses.map((g) => g.status);
    assert.equal(statuses.filter((s) => s === 404).length, 5, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 429).length, 15, statuses.join(','));
    const refused = guesses.find((g) => g.status === 429)!;
    assert.equal(refused.headers.get('content-type'), 'application/problem+json');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    // Past the limit even the right code waits, so a lucky guess after the limit is no guess at all.
    const blocked = await checkIn(booked.body.checkInCode);
    assert.equal(blocked.status, 429);
  });

  it('lets staff call only the tickets of their own departments at a shared window group', async () => {
    const booked = await t.h.call('POST', '/api/v1/appointments', {
      headers: asResident(22),
      body: { itemCode: t.item.code, day: '2026-12-07', start: '11:30' },
    });
    assert.equal(booked.status, 201, booked.text);
    t.clock.now = new Date(t.clock.now.getTime() + 601_000); // the next window of the check-in limit
    assert.equal((await checkIn(booked.body.checkInCode)).status, 200);
    const other = await t.h.call('POST', '/api/v1/appointment-queues/A12/calls', { headers: asOtherOffice });
    assert.equal(other.status, 404, other.text);
    const own = await t.h.call('POST', '/api/v1/appointment-queues/A12/calls', { headers: asStaff });
    assert.equal(own.status, 200, own.text);
    const audit = await t.h.database.db
      .selectFrom('audit_records')
      .select(['actor_kind', 'actor_id', 'action', 'detail'])
      .where('target_id', '=', own.body.appointmentNumber)
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_kind, 'staff');
    assert.match(audit[0]!.actor_id, /s-office/);
    assert.match(JSON.stringify(audit[0]!.detail), /callQueueTicket/);
  });
});
