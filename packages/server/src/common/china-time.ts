const chinaOffsetMs = 8 * 3_600_000;

/** `YYYY-MM-DD` of a Date in China Standard Time (UTC+8, no daylight saving). */
export function chinaDay(date: Date): string {
  return new Date(date.getTime() + chinaOffsetMs).toISOString().slice(0, 10);
}

/** An ISO date-time in China Standard Time, e.g. `2026-11-23T09:30:00+08:00`. */
export function chinaTime(date: Date): string {
  return `${new Date(date.getTime() + chinaOffsetMs).toISOString().slice(0, 19)}+08:00`;
}
