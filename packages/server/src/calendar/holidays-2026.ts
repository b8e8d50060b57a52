/**
 * Mainland China's 2026 public holidays and adjusted working days (调休), as published by the
 * General Office of the State Council. Seeded into the editable calendar; later years are added by
 * operators through the calendar API.
 */
export const holidays2026: { day: string; kind: 'holiday' | 'workday'; name: string }[] = [
  ...range('2026-01-01', 3, 'holiday', '元旦'),
  { day: '2026-01-04', kind: 'workday', name: '元旦调休上班' },
  { day: '2026-02-14', kind: 'workday', name: '春节调休上班' },
  ...range('2026-02-15', 9, 'holiday', '春节'),
  { day: '2026-02-28', kind: 'workday', name: '春节调休上班' },
  ...range('2026-04-04', 3, 'holiday', '清明节'),
  ...range('2026-05-01', 5, 'holiday', '劳动节'),
  { day: '2026-05-09', kind: 'workday', name: '劳动节调休上班' },
  ...range('2026-06-19', 3, 'holiday', '端午节'),
  { day: '2026-09-20', kind: 'workday', name: '国庆节调休上班' },
  ...range('2026-09-25', 3, 'holiday', '中秋节'),
  ...range('2026-10-01', 7, 'holiday', '国庆节'),
  { day: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
];

function range(first: string, days: number, kind: 'holiday', name: string) {
  return Array.from({ length: days }, (_, index) => {
    const date = new Date(`${first}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + index);
    return { day: date.toISOString().slice(0, 10), kind, name };
  });
}
