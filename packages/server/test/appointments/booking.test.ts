import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asResident, asStaff, bookingHarness, monday, textedCode } from './support.js';
import { sweepAppointments } from '../../src/appointments/reminders.js';
import { PiiCipher } from '../../src/security/pii-cipher.js';

describe('预约: booking a slot', () => {
  let t: Awaited<ReturnType<typeof bookingHarness>>;
  before(async () => {
    t = await bookingHarness();
  });
  after(() => t.h.close());

  it('lists the week open for booking, with no slots on the weekend and none already begun', async () => {
    t.clock.now = new Date('2026-12-07T02:10:00Z'); // 10:10 on Monday
    const slots = await t.h.call('GET', `/api/v1/appointment-slots?itemCode=${t.item.code}`);
    assert.equal(slots.status, 200, slots.text);
    const days = slots.body.days as { day: string; workingDay: boolean; slots: { start: string }[] }[];
    assert.equal(days.length, 7);
    assert.deepEqual(
      days.filter((d) => !d.workingDay).map((d) => d.day),
      ['2026-12-12', '2026-12-13'],
    );
    assert.equal(days[0]!.slots[0]!.start, '10:30');
    assert.equal(days[1]!.slots.length, 14);
    t.clock.now = monday;
  });

  it('refuses a booking on a non-working day, a holiday the operator added included', async () => {
    const saturday = await t.h.call('POST', '/api/v1/appointments', {
      headers: asResident(1),
      body: { itemCode: t.item.code, day: '2026-12-12', start: '09:00' },
    });
    assert.equal(saturday.status, 422, saturday.text);
    assert.equal(saturday.body.errors[0].code, 'non_working_day');
    assert.match(saturday.body.errors[0].message, /不是工作日/);
    await t.h.database.db
      .insertInto('calendar_days')
      .values({ day: '2026-12-09', kind: 'holiday', name: '临时休息日' })
      .execute();
    const holiday = await t.h.call('POST', '/api/v1/appointments', {
      headers: asResident(1),
      body: { itemCode: t.item.code, day: '2026-12-09', start: '09:00' },
    });
    assert.equal(holiday.status, 422, holiday.text);
    assert.equal(holiday.body.errors[0].code, 'non_working_day');
  });

  it('books with name, mobile and the texted code; reads, moves and cancels with the check-in code', async () => {
    const mobile = '13947312345';
    const sent = await t.h.call('POST', '/api/v1/appointment-verifications', { body: { mobile } });
    assert.equal(sent.status, 202, sent.text);
    assert.equal(sent.body.mobile, '139****2345');
    const again = await t.h.call('POST', '/api/v1/appointment-verifications', { body: { mobile } });
    assert.equal(again.status, 429);
    const wrong = await t.h.call('POST', '/api/v1/appointments', {
      body: {
        itemCode: t.item.code,
        day: '2026-12-08',
        start: '09:30',
        booker: { name: '张丽', mobile, verificationCode: '000000' },
      },
    });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.errors[0].pointer, '/booker/verificationCode');
    const code = await textedCode(t.outbox, mobile);
    const body = {
      itemCode: t.item.code,
      day: '2026-12-08',
      start: '09:30',
      booker: { name: '张丽', mobile, verificationCode: code },
    };
    const key = { 'Idempotency-Key': 'book-zhang-li-1' };
    const booked = await t.h.call('POST', '/api/v1/appointments', { body, headers: key });
    assert.equal(booked.status, 201, booked.text);
    assert.match(booked.body.number, /^YY261208/);
    assert.match(booked.body.checkInQrSvg, /^<svg/);
    assert.equal(booked.body.changeableUntil, '2026-12-08T07:30:00+08:00');
    const replay = await t.h.call('POST', '/api/v1/appointments', { body, headers: key });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.body.number, booked.body.number);
    const number = booked.body.number as string;
    const checkIn = booked.body.checkInCode as string;

    const twice = await t.h.call('POST', '/api/v1/appointments', { body: { ...body, start: '10:00' } });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'already_booked');

    const wrongCode = await t.h.call('GET', `/api/v1/appointments/${number}`, {
      headers: { 'X-Query-Code': 'ABCDEFGH' },
    });
    assert.equal(wrongCode.status, 404);
    const read = await t.h.call('GET', `/api/v1/appointments/${number}`, {
      headers: { 'X-Query-Code': checkIn.toLowerCase() },
    });
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body.state, 'booked');

    const moved = await t.h.call('POST', `/api/v1/appointments/${number}/move`, {
      headers: { 'X-Query-Code': checkIn },
      body: { day: '2026-12-10', start: '14:00' },
    });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.body.day, '2026-12-10');
    const slots = await t.h.call('GET', `/api/v1/appointment-slots?itemCode=${t.item.code}`);
    const seat = (day: string, start: string) =>
      slots.body.days
        .find((d: { day: string }) => d.day === day)
        .slots.find((s: { start: string }) => s.start === start).remaining;
    assert.equal(seat('2026-12-08', '09:30'), 3);
    assert.equal(seat('2026-12-10', '14:00'), 2);

    t.clock.now = new Date('2026-12-10T05:00:00Z'); // 13:00, within two hours of 14:00
    const late = await t.h.call('POST', `/api/v1/appointments/${number}/cancellation`, {
      headers: { 'X-Query-Code': checkIn },
    });
    assert.equal(late.status, 409);
    assert.equal(late.body.code, 'too_late_to_change');
    t.clock.now = monday;
    const cancelled = await t.h.call('POST', `/api/v1/appointments/${number}/cancellation`, {
      headers: { 'X-Query-Code': checkIn },
    });
    assert.equal(cancelled.status, 200, cancelled.text);
    assert.equal(cancelled.body.state, 'cancelled');
  });

  it('checks in at the kiosk on the day, turning the booking into a ticket the window calls', async () => {
    const booked = await t.h.call('POST', '/api/v1/appointments', {
      headers: asResident(7),
      body: { itemCode: t.item.code, day: '2026-12-07', start: '11:00' },
    });
    assert.equal(booked.status, 201, booked.text);
    const other = await t.h.call('POST', '/api/v1/appointments', {
      headers: asResident(8),
      body: { itemCode: t.item.code, day: '2026-12-08', start: '11:00' },
    });
    const tomorrow = await t.h.call('POST', '/api/v1/appointment-check-ins', {
      body: { code: other.body.checkInCode },
    });
    assert.equal(tomorrow.status, 409);
    assert.equal(tomorrow.body.code, 'not_today');
    const ticket = await t.h.call('POST', '/api/v1/appointment-check-ins', {
      body: { code: booked.body.checkInCode },
    });
    assert.equal(ticket.status, 200, ticket.text);
    assert.equal(ticket.body.ticket, 'A12-Y001');
    assert.equal(ticket.body.waitingAhead, 0);
    const call = await t.h.call('POST', '/api/v1/appointment-queues/A12/calls', { headers: asStaff });
    assert.equal(call.status, 200, call.text);
    assert.equal(call.body.ticket, 'A12-Y001');
    assert.equal(call.body.state, 'called');
    const empty = await t.h.call('POST', '/api/v1/appointment-queues/A12/calls', { headers: asStaff });
    assert.equal(empty.status, 404);
    const anonymous = await t.h.call('POST', '/api/v1/appointment-queues/A12/calls');
    assert.equal(anonymous.status, 401);
  });

  it('blocks online booking for 30 days after three no-shows in 30 days', async () => {
    for (const day of ['2026-12-08', '2026-12-09', '2026-12-10']) {
      t.clock.now = new Date(`${day}T00:00:00Z`);
      const booked = await t.h.call('POST', '/api/v1/appointments', {
        headers: asResident(20),
        body: { itemCode: t.item.code, day, start: '16:00' },
      });
      // 2026-12-09 was made a holiday above; book the next slot of that week instead.
      if (booked.status === 422) continue;
      assert.equal(booked.status, 201, booked.text);
    }
    t.clock.now = new Date('2026-12-11T00:00:00Z');
    const third = await t.h.call('POST', '/api/v1/appointments', {
      headers: asResident(20),
      body: { itemCode: t.item.code, day: '2026-12-11', start: '16:00' },
    });
    assert.equal(third.status, 201, third.text);
    t.clock.now = new Date('2026-12-14T00:00:00Z');
    const blocked = await t.h.call('POST', '/api/v1/appointments', {
      headers: asResident(20),
      body: { itemCode: t.item.code, day: '2026-12-15', start: '16:00' },
    });
    assert.equal(blocked.status, 403, blocked.text);
    assert.equal(blocked.body.code, 'booking_blocked');
    assert.equal(blocked.body.blockedUntil, '2027-01-10');
    t.clock.now = monday;
  });
});

describe('预约: the day-before reminder', () => {
  it('texts each booking of tomorrow once, and records yesterday’s missed bookings', async () => {
    const t = await bookingHarness();
    try {
      const booked = await t.h.call('POST', '/api/v1/appointments', {
        headers: asResident(30),
        body: { itemCode: t.item.code, day: '2026-12-08', start: '15:00' },
      });
      assert.equal(booked.status, 201, booked.text);
      const pii = new PiiCipher([t.piiKey]);
      assert.equal(await sweepAppointments(t.h.database.db, t.outbox, pii, monday), 1);
      assert.equal(await sweepAppointments(t.h.database.db, t.outbox, pii, monday), 0);
      const [reminder] = await t.outbox.recent(1, '13900000030');
      assert.equal(reminder?.purpose, 'appointmentReminder');
      assert.match(reminder!.text, /明天 2026-12-08 15:00，A12 住房保障综合窗口/);
      await sweepAppointments(t.h.database.db, t.outbox, pii, new Date('2026-12-09T01:00:00Z'));
      const after = await t.h.call('GET', `/api/v1/appointments/${booked.body.number}`, {
        headers: asResident(30),
      });
      assert.equal(after.body.state, 'noShow');
    } finally {
      await t.h.close();
    }
  });
});
