import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asResident, bookingHarness } from './support.js';
import { testDatabaseUrl } from '../support/database.js';

describe(`no double booking, ever (${testDatabaseUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: Awaited<ReturnType<typeof bookingHarness>>;
  before(async () => {
    t = await bookingHarness();
  });
  after(() => t.h.close());

  it('gives the last seat of a slot to exactly one of 100 concurrent bookings', async () => {
    const slot = { itemCode: t.item.code, day: '2026-12-08', start: '09:00' };
    for (const n of [1, 2]) {
      const early = await t.h.call('POST', '/api/v1/appointments', { headers: asResident(n), body: slot });
      assert.equal(early.status, 201, early.text);
    }
    const racers = Array.from({ length: 100 }, (_, i) => i + 100);
    const answers = await Promise.all(
      racers.map((n) => t.h.call('POST', '/api/v1/appointments', { headers: asResident(n), body: slot })),
    );
    const won = answers.filter((a) => a.status === 201);
    const lost = answers.filter((a) => a.status === 409);
    assert.equal(won.length, 1, `winners: ${won.length}`);
    assert.equal(lost.length, 99, answers.map((a) => a.status).join(','));
    for (const answer of lost) {
      assert.equal(answer.body.code, 'slot_full');
      assert.deepEqual(answer.body.nextFreeSlots[0], {
        day: '2026-12-08',
        start: '09:30',
        end: '10:00',
        capacity: 3,
        remaining: 3,
      });
    }
    const stored = await t.h.database.db
      .selectFrom('appointments')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('day', '=', slot.day)
      .where('start', '=', slot.start)
      .where('state', '=', 'booked')
      .executeTakeFirstOrThrow();
    assert.equal(Number(stored.count), 3);
  });

  it('lets one person hold one booking of an item a day, even when they click twice at once', async () => {
    const answers = await Promise.all(
      ['10:00', '10:30', '11:00', '11:30'].map((start) =>
        t.h.call('POST', '/api/v1/appointments', {
          headers: asResident(500),
          body: { itemCode: t.item.code, day: '2026-12-08', start },
        }),
      ),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409, 409]);
  });
});
