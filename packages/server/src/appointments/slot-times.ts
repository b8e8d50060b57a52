import type { Schema } from '../http/contract.js';

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The slots of a working day: each session cut into slots of the given length (a last short one dropped). */
export function slotTimes(
  sessions: Schema<'AppointmentSession'>[],
  slotMinutes: number,
): { start: string; end: string }[] {
  const slots: { start: string; end: string }[] = [];
  for (const session of sessions) {
    const close = minutesOf(session.end);
    for (let t = minutesOf(session.start); t + slotMinutes <= close; t += slotMinutes)
      slots.push({ start: timeOf(t), end: timeOf(t + slotMinutes) });
  }
  return slots.sort((a, b) => a.start.localeCompare(b.start));
}

/** The instant a slot starts, from its day and time in China Standard Time. */
export function slotInstant(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+08:00`);
}
