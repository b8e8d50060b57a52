import { addWorkingDays, chinaDay, workingDaysBetween, type WorkCalendar } from '../calendar/working-days.js';

/** The item's promised time limit as stored with the case. */
export interface TimeLimit {
  value: number;
  unit: 'workingDays' | 'naturalDays' | 'hours';
}

function addNaturalDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/**
 * The promised deadline: the time limit counted from the day of acceptance, in working days (the
 * calendar's holidays skipped, its 调休 weekends counted), lengthened by the working days the clock
 * was stopped by suspensions. Half days and hours round up to whole working days.
 */
export function promisedDeadline(
  acceptedAt: Date,
  limit: TimeLimit,
  suspendedDays: number,
  calendar: WorkCalendar,
): string {
  const start = chinaDay(acceptedAt);
  if (limit.unit === 'naturalDays') return addNaturalDays(start, Math.ceil(limit.value) + suspendedDays);
  const days = limit.unit === 'hours' ? Math.ceil(limit.value / 8) : Math.ceil(limit.value);
  return addWorkingDays(start, days + suspendedDays, calendar);
}

/** Working days from `today` to `due`: positive while time is left, negative once overdue. */
export function workingDaysLeft(today: string, due: string, calendar: WorkCalendar): number {
  return today <= due ? workingDaysBetween(today, due, calendar) : -workingDaysBetween(due, today, calendar);
}
