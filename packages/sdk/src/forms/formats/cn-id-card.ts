/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence (odd for men),
 * and a check character. A lowercase x is accepted as X (phones often offer only lowercase);
 * {@link normalizeIdCardNumber} gives the form to store.
 */
import { PROVINCE_CODES } from './cn-region-code.js';

const MAINLAND_PROVINCE_CODES = PROVINCE_CODES.filter((code) => code < '71');
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Why an ID number is not valid: wrong length or characters, region, birth date, or check character. */
export type IdCardProblem = 'length' | 'region' | 'birthDate' | 'checkChar';

/** What an ID number says about its holder. */
export interface IdCardFacts {
  regionCode: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  sex: 'male' | 'female';
}

/** The ID number as stored: trimmed, with a capital X. */
export const normalizeIdCardNumber = (value: string): string => value.trim().toUpperCase();

/** The check character for the first 17 digits: `"10X98765432"[Σ digit × weight mod 11]`. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  WEIGHTS.forEach((weight, index) => (sum += Number(first17[index]) * weight));
  return '10X98765432'[sum % 11]!;
}

/** Today's date in China (UTC+8) as YYYYMMDD: a birth date is never later. */
const todayInChina = () => new Date(Date.now() + 288e5).toISOString().slice(0, 10).replace(/-/g, '');

/** Whether YYYYMMDD is a real date from 1800 (the standard's own example is born in 1880) to today. */
export function isPastDate(yyyymmdd: string): boolean {
  const [year, month, day] = [+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6), +yyyymmdd.slice(6)];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1800 &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    yyyymmdd <= todayInChina()
  );
}

/**
 * What is wrong with an ID number, or `undefined` when it is valid. Region prefixes are the 31
 * mainland province-level codes: Hong Kong, Macao and Taiwan residents hold a residence permit
 * (810000, 820000, 830000), a document of its own (see `id-documents.ts`), never a resident ID card.
 */
export function idCardProblem(value: string): IdCardProblem | undefined {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'length';
  if (!MAINLAND_PROVINCE_CODES.includes(id.slice(0, 2))) return 'region';
  if (!isPastDate(id.slice(6, 14))) return 'birthDate';
  if (idCardCheckChar(id) !== id[17]) return 'checkChar';
  return undefined;
}

/** Whether `value` is a valid resident ID number. */
export const isValidIdCardNumber = (value: string): boolean => !idCardProblem(value);

/** The region, birth date and sex an ID number encodes, or `undefined` when it is not valid. */
export function parseIdCard(value: string): IdCardFacts | undefined {
  if (idCardProblem(value)) return undefined;
  return {
    regionCode: value.slice(0, 6),
    birthDate: value.slice(6, 10) + '-' + value.slice(10, 12) + '-' + value.slice(12, 14),
    sex: +value[16]! % 2 ? 'male' : 'female',
  };
}
