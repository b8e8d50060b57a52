/** The locales the server answers in; zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';

const negotiated = new Map<string, Locale>();

/**
 * Picks the best supported locale from an Accept-Language header: the highest-weighted `en*` or
 * `zh*` range wins, and anything else (or nothing) means zh-CN.
 */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return 'zh-CN';
  const known = negotiated.get(header);
  if (known) return known;
  const locale = negotiate(header);
  // Browsers send a handful of distinct lists; remember them, within bounds.
  if (negotiated.size >= 256) negotiated.clear();
  negotiated.set(header, locale);
  return locale;
}

function negotiate(header: string): Locale {
  let best: { locale: Locale; weight: number } | undefined;
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.trim().split(';');
    const tag = range.trim().toLowerCase();
    const weightParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = weightParam ? Number(weightParam.slice(2)) : 1;
    if (!Number.isFinite(weight) || weight <= 0) continue;
    const locale: Locale | undefined = tag.startsWith('en')
      ? 'en'
      : tag.startsWith('zh')
        ? 'zh-CN'
        : undefined;
    if (locale && (!best || weight > best.weight)) best = { locale, weight };
  }
  return best?.locale ?? 'zh-CN';
}
