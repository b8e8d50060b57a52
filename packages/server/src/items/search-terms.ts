import { pinyin } from 'pinyin-pro';

/**
 * The searchable form of a text: lower case, without spaces, followed by its full pinyin and its
 * initials, e.g. `居民身份证申领` → `居民身份证申领 juminshenfenzhengshenling jmsfzsl`. Computed when an
 * item is written and stored, so a search is a substring match on three columns.
 */
export function searchTerms(text: string): string {
  const plain = normaliseQuery(text);
  if (!plain) return '';
  const full = pinyin(plain, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join('');
  const initials = pinyin(plain, {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
  }).join('');
  return [plain, full.toLowerCase(), initials.toLowerCase()].join(' ');
}

/** Normalises a query the same way as the stored text: lower case, no spaces or separators. */
export function normaliseQuery(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·・,，、;；]+/g, '');
}

/** Escapes `%`, `_` and `\` for a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
