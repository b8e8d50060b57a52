import { maskIdNumber } from '@banshi/sdk/forms';
import type { TrackedCase } from './types.js';

// Offices work on China Standard Time; a resident abroad still sees the office's dates and hours.
const ZONE = 'Asia/Shanghai';

/** A calendar day (`2026-12-01`) as the locale writes it, e.g. 2026年12月1日. */
export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A moment (`2026-11-24T10:05:00+08:00`) as the locale writes it, in the office's time zone. */
export function formatMoment(moment: string | Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE }).format(
    new Date(moment),
  );
}

/** The time of day `seconds` from now, e.g. 14:32. */
export function clockIn(seconds: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(Date.now() + seconds * 1000);
}

/**
 * The applicant's identifying number as shown: the server already masks ID numbers; anything that comes
 * unmasked is masked here, so a full ID number never reaches the screen.
 */
export function shownIdentity(applicant: TrackedCase['applicant']): string {
  if (applicant.kind === 'organisation') return applicant.creditCode;
  const value = applicant.maskedIdNumber;
  return value.includes('*') ? value : maskIdNumber(value);
}
