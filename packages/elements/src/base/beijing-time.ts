/** Offices work on China Standard Time (UTC+8, no daylight saving). */
export const OFFICE_ZONE = 'Asia/Shanghai';
const OFFICE_OFFSET = -480;

/** How the zone is named after a time, by language; Chinese unless the locale says otherwise. */
const ZONE_LABELS: Record<string, string> = { zh: '（北京时间）', en: ' (Beijing time)' };

/**
 * A moment (`2026-11-24T10:05:00+08:00`) as the locale writes it, always in Beijing time, and labelled so
 * when the browser's own clock is on another zone (a resident abroad reads the office's time, and knows it).
 * `browserOffset` is the browser's `getTimezoneOffset()` at that moment (given by tests).
 */
export function formatBeijingMoment(
  moment: string | Date,
  locale: string,
  browserOffset = new Date(moment).getTimezoneOffset(),
): string {
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: OFFICE_ZONE,
  }).format(new Date(moment));
  if (browserOffset === OFFICE_OFFSET) return text;
  const language = locale.split('-')[0]!.toLowerCase();
  return text + (ZONE_LABELS[language] ?? ZONE_LABELS.zh);
}
