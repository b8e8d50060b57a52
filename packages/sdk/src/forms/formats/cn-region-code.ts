/**
 * 行政区划代码 (GB/T 2260): six digits. Without a code list only the shape and the province-level
 * prefix are checked; the server's list of known codes can be passed to check the code itself.
 */

/** The two-digit codes of China's 34 province-level divisions. */
export const PROVINCE_CODES: readonly string[] =
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  );

/** Whether `value` is a region code: one of `knownCodes` when given, else six digits under a province. */
export const isValidRegionCode = (value: string, knownCodes?: ReadonlySet<string>): boolean =>
  knownCodes ? knownCodes.has(value) : /^\d{6}$/.test(value) && PROVINCE_CODES.includes(value.slice(0, 2));
