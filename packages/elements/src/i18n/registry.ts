/** Strings for one locale, keyed by dotted message keys such as `rating.submit`. */
export type Messages = Readonly<Record<string, string>>;

/** The locale used when nothing more specific matches. */
export const DEFAULT_LOCALE = 'zh-CN';

/**
 * What sites added or changed, by normalised locale tag. This registry is the only page-wide i18n state:
 * which locale a widget shows comes from the `lang` above it, never from a global "current locale".
 */
const siteMessages = new Map<string, Record<string, string>>();

/** Lower-cases a BCP 47 tag and unifies separators so `zh_cn`, `ZH-CN` and `zh-CN` meet. */
export function normalizeLocale(tag: string): string {
  return tag.trim().replace(/_/g, '-').toLowerCase();
}

/**
 * Adds a locale (or more strings for one): every widget inside an element with a matching `lang`
 * uses these strings, falling back key by key to the language without region, then to zh-CN.
 *
 * @example registerLocale('zh-HK', { 'rating.submit': '提交評價', … })
 */
export function registerLocale(locale: string, messages: Messages): void {
  const key = normalizeLocale(locale);
  siteMessages.set(key, { ...siteMessages.get(key), ...messages });
}

/**
 * Replaces single strings of a shipped or registered locale, e.g. a district's own wording.
 *
 * @example overrideMessages('zh-CN', { 'rating.title': '请为本次服务评价' })
 */
export function overrideMessages(locale: string, messages: Messages): void {
  registerLocale(locale, messages);
}

/** Locales to try for `lang`, most specific first: `zh-HK` → `zh-hk`, `zh`, then the default. */
export function localeChain(lang: string): string[] {
  const chain: string[] = [];
  const parts = normalizeLocale(lang || DEFAULT_LOCALE).split('-');
  for (let n = parts.length; n > 0; n--) chain.push(parts.slice(0, n).join('-'));
  const fallback = normalizeLocale(DEFAULT_LOCALE);
  if (!chain.includes(fallback)) chain.push(fallback);
  return chain;
}

/**
 * A locale's strings in a chunk of their own, fetched the first time a widget shows that locale, so a page
 * in the default locale never downloads them.
 */
export type LazyMessages = () => Promise<Messages>;

/** Shipped strings of one widget: a table (or its loader) per locale tag, normalised or not. */
export type MessageCatalog = Readonly<Record<string, Messages | LazyMessages>>;

/** Each lazy locale's fetch in flight, then its table (an empty one when it failed: zh-CN stands in). */
const lazyTables = new WeakMap<LazyMessages, Messages | Promise<void>>();

/**
 * Fetches the lazy tables `lang` may read from `catalog`; undefined when there is nothing to wait for.
 * A widget awaits it before it renders, so it never shows zh-CN while English is on its way.
 */
export function loadLocale(catalog: MessageCatalog, lang: string): Promise<unknown> | undefined {
  const waits: Promise<void>[] = [];
  for (const locale of localeChain(lang)) {
    const entry = entryOf(catalog, locale);
    if (typeof entry !== 'function') continue;
    let table = lazyTables.get(entry);
    if (!table) {
      const done = (messages: Messages) => void lazyTables.set(entry, messages);
      table = entry().then(done, (error: unknown) => {
        console.warn(`[banshi] no ${locale} strings`, error);
        done({});
      });
      lazyTables.set(entry, table);
    }
    if (table instanceof Promise) waits.push(table);
  }
  return waits.length ? Promise.all(waits) : undefined;
}

/**
 * Looks up `key` for `lang`: at each step of the locale chain the site's strings win over the shipped
 * ones. `{name}` placeholders are filled from `params`. An unknown key returns the key itself, so a
 * missing string is visible rather than blank.
 */
export function translate(
  catalog: MessageCatalog,
  lang: string,
  key: string,
  params?: Readonly<Record<string, string | number>>,
): string {
  let text: string | undefined;
  for (const locale of localeChain(lang)) {
    text = siteMessages.get(locale)?.[key] ?? shipped(catalog, locale)?.[key];
    if (text !== undefined) break;
  }
  text ??= key;
  return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : text;
}

function entryOf(catalog: MessageCatalog, locale: string): Messages | LazyMessages | undefined {
  for (const tag in catalog) if (normalizeLocale(tag) === locale) return catalog[tag];
  return undefined;
}

function shipped(catalog: MessageCatalog, locale: string): Messages | undefined {
  const entry = entryOf(catalog, locale);
  const table = typeof entry === 'function' ? lazyTables.get(entry) : entry;
  return table instanceof Promise ? undefined : table;
}

/** The locale tag `lang` resolves to among the shipped and registered ones (for `Intl` formatting). */
export function resolvedLocale(catalog: MessageCatalog, lang: string): string {
  for (const locale of localeChain(lang)) {
    if (siteMessages.has(locale)) return locale;
    for (const tag in catalog) if (normalizeLocale(tag) === locale) return tag;
  }
  return DEFAULT_LOCALE;
}
