import { creditCodeCheckChar, idCardCheckChar, organisationCodeCheckChar } from '@banshi/sdk/forms';

/**
 * Code builders for the identifiers that appear in the demo catalogue: 统一社会信用代码 (GB 32100-2015),
 * 组织机构代码 (GB 11714-1997), 居民身份证号码 (GB 11643-1999), and the item codes (12-digit 基本编码;
 * 实施编码 = credit code + level digit + 基本编码). The check characters are the form engine's.
 */

/**
 * A 统一社会信用代码 for an organisation: registration authority (1 = 机构编制, 9 = 市场监管) and category
 * (1 = 机关, 2 = 事业单位, 1 = 企业 under authority 9), the 6-digit region, an 8-character organisation
 * code body (its GB 11714 check character is computed), and the GB 32100 check character.
 */
export function buildCreditCode(authority: string, category: string, region: string, body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body)) throw new RangeError(`'${body}' is not an organisation-code body`);
  const first17 = `${authority}${category}${region}${body}${organisationCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A 居民身份证号码 from a region code, a birth date (YYYYMMDD) and a 3-digit sequence (odd = male). */
export function buildIdNumber(region: string, birthDate: string, sequence: string): string {
  const first17 = `${region}${birthDate}${sequence}`;
  return first17 + idCardCheckChar(first17);
}

/** 实施编码: the department's credit code, the level digit, then the 基本编码. */
export function buildImplementationCode(creditCode: string, level: number, catalogCode: string): string {
  return `${creditCode}${level}${catalogCode}`;
}
