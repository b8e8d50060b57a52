/**
 * 手机号码: 1, then 3–9, then nine digits. Spaces and dashes are ignored and a leading +86 or 0086 is
 * allowed, since people copy numbers written as "+86 138-1234-5678".
 */
export const normalizeMobile = (value: string): string =>
  value.replace(/[\s-]/g, '').replace(/^(\+|00)86/, '');

/** Whether `value` is a mainland mobile number (see {@link normalizeMobile}). */
export const isValidMobile = (value: string): boolean => /^1[3-9]\d{9}$/.test(normalizeMobile(value));
