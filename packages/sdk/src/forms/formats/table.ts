/**
 * The Chinese formats a form definition may name, in one table: how a typed value is normalised for
 * storage, whether it is valid and (for the formats with check characters) why not, how long its stored
 * form may be, and how it shows up inside free text. The form validator, the server's seed check, the
 * form widget's controls and the rating's personal-data warning all read this table.
 */
import { idCardProblem, normalizeIdCardNumber } from './cn-id-card.js';
import { isValidMobile, normalizeMobile } from './cn-mobile.js';
import { isValidPostalCode } from './cn-postal-code.js';
import { isValidRegionCode } from './cn-region-code.js';
import { creditCodeProblem, normalizeCreditCode } from './cn-uscc.js';

/** One Chinese format. */
export interface ChineseFormatRule {
  /** The value as stored: what people type, without the spaces, prefixes or lowercase they add. */
  normalize(value: string): string;
  /** Whether a value (as typed) is valid; `cn-region-code` also takes the server's list of known codes. */
  isValid(value: string, knownCodes?: ReadonlySet<string>): boolean;
  /** Why a value is not valid, for the formats whose messages say which part is wrong. */
  problem?(value: string): string | undefined;
  /** Longest stored form, for the length of an input. */
  maxLength: number;
  /** Finds a value of this format written inside free text (a rating comment); not anchored. */
  inText?: RegExp;
}

const trimmed = (value: string) => value.trim();

/** The table, by the name a schema gives in `format`. */
export const CHINESE_FORMATS = {
  'cn-id-card': {
    normalize: normalizeIdCardNumber,
    isValid: (value) => !idCardProblem(value),
    problem: idCardProblem,
    maxLength: 18,
    // 17 digits and a digit or X, not inside a longer number.
    inText: /(^|\D)\d{17}[\dXx](?![\dXx])/,
  },
  'cn-uscc': {
    normalize: normalizeCreditCode,
    isValid: (value) => !creditCodeProblem(value),
    problem: creditCodeProblem,
    maxLength: 18,
  },
  'cn-mobile': {
    normalize: normalizeMobile,
    isValid: isValidMobile,
    maxLength: 11,
    // 11 digits from 13–19, spaced or dashed as people write them, with an optional +86, 0086 or 86.
    inText: /(^|\D)((\+|00)?86[- ]?)?1[3-9]\d(?:[- ]?\d){8}(?!\d)/,
  },
  'cn-postal-code': { normalize: trimmed, isValid: isValidPostalCode, maxLength: 6 },
  'cn-region-code': { normalize: trimmed, isValid: isValidRegionCode, maxLength: 6 },
} as const satisfies Record<string, ChineseFormatRule>;

/** The name of a Chinese format. */
export type ChineseFormatName = keyof typeof CHINESE_FORMATS;

/** The names of the Chinese formats, in table order. */
export const CHINESE_FORMAT_NAMES = Object.keys(CHINESE_FORMATS) as ChineseFormatName[];

/** The rule of a format name, or `undefined` when it is not a Chinese format. */
export function chineseFormat(name: string | undefined): ChineseFormatRule | undefined {
  return name !== undefined && Object.prototype.hasOwnProperty.call(CHINESE_FORMATS, name)
    ? CHINESE_FORMATS[name as ChineseFormatName]
    : undefined;
}
