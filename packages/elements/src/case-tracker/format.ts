import { maskIdNumber } from '@banshi/sdk/forms';
import type { TrackedCase } from './types.js';

/** A calendar day (`2026-12-01`) as the locale writes it, e.g. 2026年12月1日. */
export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A moment as the locale writes it, in Beijing time, labelled when the browser is on another zone. */
export { formatBeijingMoment as formatMoment } from '../base/beijing-time.js';

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
