/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over 0-9 and ABCDEFGHJKLMNPQRTUWXY (values 0–30):
 * registering authority, organisation kind, 6-digit region code, the 9-character GB 11714 organisation
 * code (with its own check character), and a check character. Lowercase letters are accepted as capitals.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714-1997: the weights of the organisation code's eight body characters. */
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * The registering authorities (position 1) and the organisation kinds each registers (position 2), from
 * GB 32100-2015's table: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会,
 * 9 市场监管 (工商), A 中央军委改革和编制办公室, N 农业, Y 其他. 民政 also registers kind 4, the
 * 基层群众性自治组织 (村民委员会, 居民委员会), whose codes begin 54.
 */
export const CREDIT_CODE_AUTHORITIES: Readonly<Record<string, string>> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '12349',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

/**
 * Why a credit code is not valid: not 18 characters (`length`); a character outside the alphabet or a
 * non-digit region part (`format`); an unknown registering authority or kind (`authority`); a wrong
 * check character of the embedded organisation code (`organisationCode`); a wrong final check character.
 */
export type CreditCodeProblem = 'length' | 'format' | 'authority' | 'organisationCode' | 'checkChar';

/** The credit code as stored: trimmed, in capitals. */
export const normalizeCreditCode = (value: string): string => value.trim().toUpperCase();

/** The check character for the first 17 characters: value 31 − (Σ value × weight mod 31), and 31 is '0'. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  WEIGHTS.forEach((weight, index) => (sum += ALPHABET.indexOf(first17[index]!) * weight));
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * The GB 11714 check character of an organisation code's 8-character body (digits 0–9, letters A = 10
 * to Z = 35): 11 − (Σ value × weight mod 11), where 10 is written 'X' and 11 is '0'.
 */
export function organisationCodeCheckChar(body: string): string {
  let sum = 0;
  ORGANISATION_WEIGHTS.forEach((weight, index) => (sum += parseInt(body[index]!, 36) * weight));
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** What is wrong with a credit code, or `undefined` when it is valid. */
export function creditCodeProblem(value: string): CreditCodeProblem | undefined {
  const code = value.toUpperCase();
  if (code.length !== 18) return 'length';
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'format';
  if (!CREDIT_CODE_AUTHORITIES[code[0]!]?.includes(code[1]!)) return 'authority';
  if (organisationCodeCheckChar(code.slice(8, 16)) !== code[16]) return 'organisationCode';
  return creditCodeCheckChar(code) === code[17] ? undefined : 'checkChar';
}

/** Whether `value` is a valid unified social credit code. */
export const isValidCreditCode = (value: string): boolean => !creditCodeProblem(value);
