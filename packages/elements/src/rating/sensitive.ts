import { CHINESE_FORMATS } from '@banshi/sdk/forms';

/** Kinds of personal data a rating comment should not carry by accident. */
export type SensitiveKind = 'idNumber' | 'phone' | 'address';

const patterns: Record<SensitiveKind, RegExp> = {
  // The form engine's own patterns, so a comment is flagged for what a form field would accept.
  idNumber: CHINESE_FORMATS['cn-id-card'].inText,
  phone: CHINESE_FORMATS['cn-mobile'].inText,
  // An address: a house number (12号, 3栋, 2单元, 501室), a residential compound (小区), or a
  // province/city/district/county followed by a road or street.
  address: /\d+\s*(号|栋|幢|单元|室|弄)|小区|[省市区县].{0,12}[路街巷道]/,
};

/** The kinds of personal data `text` looks like it contains, in a fixed order. */
export function findSensitive(text: string): SensitiveKind[] {
  return (Object.keys(patterns) as SensitiveKind[]).filter((kind) => patterns[kind].test(text));
}
