/** The operator-editable calendar: public holidays, and weekend days that are working days (调休). */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

/** The day `delta` days after `day` (both `YYYY-MM-DD`). */
export function shiftDay(day: string, delta: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + delta);
  return date.toISOString().slice(0, 10);
}

/** Whether a day is worked: weekdays unless a holiday, weekends only when listed as 调休 workdays. */
export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The day on which `count` working days have passed after `start` (the start day itself is not
 * counted, as a promised time limit starts the day after acceptance).
 */
export function addWorkingDays(start: string, count: number, calendar: WorkCalendar): string {
  let day = start;
  let remaining = count;
  while (remaining > 0) {
    day = shiftDay(day, 1);
    if (isWorkingDay(day, calendar)) remaining--;
  }
  return day;
}

/** Working days in (from, to]: how far the clock would have run between two days. */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar): number {
  let count = 0;
  for (let day = shiftDay(from, 1); day <= to; day = shiftDay(day, 1)) {
    if (isWorkingDay(day, calendar)) count++;
  }
  return count;
}
