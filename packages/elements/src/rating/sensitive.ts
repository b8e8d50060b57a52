/** Kinds of personal data a rating comment should not carry by accident. */
export type SensitiveKind = 'idNumber' | 'phone' | 'address';

const patterns: Record<SensitiveKind, RegExp> = {
  // 18-character 居民身份证号码: 17 digits and a digit or X, not inside a longer number.
  idNumber: /(^|\D)\d{17}[\dXx](?![\dXx])/,
  // Mainland mobile number, with an optional +86.
  phone: /(^|\D)(\+?86[- ]?)?1[3-9]\d(?:[- ]?\d){8}(?!\d)/,
  // An address: a house number (12号, 3栋, 2单元, 501室), a residential compound (小区), or a
  // province/city/district/county followed by a road or street.
  address: /\d+\s*(号|栋|幢|单元|室|弄)|小区|[省市区县].{0,12}[路街巷道]/,
};

/** The kinds of personal data `text` looks like it contains, in a fixed order. */
export function findSensitive(text: string): SensitiveKind[] {
  return (Object.keys(patterns) as SensitiveKind[]).filter((kind) => patterns[kind].test(text));
}
