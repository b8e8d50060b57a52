/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over 0-9 and ABCDEFGHJKLMNPQRTUWXY (values 0–30):
 * registration authority, organisation type, 6-digit region code, 9-character organisation code, and
 * a check character. Lowercase letters are accepted as capitals.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Why a credit code is not valid: wrong length or characters, or wrong check character. */
export type CreditCodeProblem = 'length' | 'checkChar';

/** The credit code as stored: trimmed, in capitals. */
export const normalizeCreditCode = (value: string): string => value.trim().toUpperCase();

/** The check character for the first 17 characters: value 31 − (Σ value × weight mod 31), and 31 is '0'. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  WEIGHTS.forEach((weight, index) => (sum += ALPHABET.indexOf(first17[index]!) * weight));
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** What is wrong with a credit code, or `undefined` when it is valid. */
export function creditCodeProblem(value: string): CreditCodeProblem | undefined {
  const code = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'length';
  return creditCodeCheckChar(code) === code[17] ? undefined : 'checkChar';
}

/** Whether `value` is a valid unified social credit code. */
export const isValidCreditCode = (value: string): boolean => !creditCodeProblem(value);
