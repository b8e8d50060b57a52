/**
 * The locale to use among `available`: an exact match, else the same language (`en-GB` → `en`;
 * any `zh` → `zh-CN`), else zh-CN, the default.
 */
export function pickLocale(locale: string | undefined, available: readonly string[]): string {
  if (locale && available.includes(locale)) return locale;
  const language = (locale ?? '').split('-')[0]!.toLowerCase();
  const sameLanguage = available.find((candidate) => candidate.split('-')[0]!.toLowerCase() === language);
  return language !== 'zh' && sameLanguage ? sameLanguage : 'zh-CN';
}
