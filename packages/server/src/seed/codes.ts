/**
 * Check characters and code builders for the identifiers that appear in the seed catalogue:
 * 统一社会信用代码 (GB 32100-2015), 组织机构代码 (GB 11714-1997), 居民身份证号码 (GB 11643-1999),
 * and the item codes of docs/domain.md (12-digit 基本编码; 实施编码 = credit code + level digit + 基本编码).
 */

const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ID_NUMBER_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_NUMBER_CHECK_CHARS = '10X98765432';

/** The GB 32100 check character for the first 17 characters of a 统一社会信用代码. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`'${first17[i]}' is not a credit-code character`);
    sum += value * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** True when `code` is 18 credit-code characters whose last one is the GB 32100 check character. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** The GB 11714 check character for the first 8 characters of a 组织机构代码. */
export function organisationCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError(`'${first8}' is not an organisation-code body`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i]!, 36) * ORGANISATION_CODE_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * A 统一社会信用代码 for an organisation: registration authority (1 = 机构编制, 9 = 市场监管) and category
 * (1 = 机关, 2 = 事业单位, 1 = 企业 under authority 9), the 6-digit region, an 8-character organisation
 * code body (its GB 11714 check character is computed), and the GB 32100 check character.
 */
export function buildCreditCode(authority: string, category: string, region: string, body: string): string {
  const first17 = `${authority}${category}${region}${body}${organisationCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** The GB 11643 check character for the first 17 digits of a 居民身份证号码. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`'${first17}' is not 17 digits`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_NUMBER_WEIGHTS[i]!;
  return ID_NUMBER_CHECK_CHARS[sum % 11]!;
}

/** True when `id` is a well-formed 18-character 居民身份证号码 with a real birth date and a matching check char. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return false;
  return idNumberCheckChar(id.slice(0, 17)) === id[17];
}

/** A 居民身份证号码 from a region code, a birth date (YYYYMMDD) and a 3-digit sequence (odd = male). */
export function buildIdNumber(region: string, birthDate: string, sequence: string): string {
  const first17 = `${region}${birthDate}${sequence}`;
  return first17 + idNumberCheckChar(first17);
}

/**
 * 实施编码 as docs/domain.md defines it (GB/T 39554.1): the department's credit code, the level digit, then
 * the 基本编码.
 */
export function buildImplementationCode(creditCode: string, level: number, catalogCode: string): string {
  return `${creditCode}${level}${catalogCode}`;
}
