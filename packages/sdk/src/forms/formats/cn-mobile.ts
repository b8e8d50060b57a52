/**
 * 手机号码: 1, then 3–9, then nine digits. People copy numbers written as "+86 138-1234-5678", so spaces
 * and dashes are ignored and a country prefix is removed: `+86`, `0086`, or a bare `86` when what follows is
 * a whole mobile number (`8613812345678`).
 */
export const normalizeMobile = (value: string): string =>
  value.replace(/[\s-]/g, '').replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');

/** Whether `value` is a mainland mobile number (see {@link normalizeMobile}). */
export const isValidMobile = (value: string): boolean => /^1[3-9]\d{9}$/.test(normalizeMobile(value));
