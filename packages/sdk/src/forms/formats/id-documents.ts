/**
 * The identity documents a person may apply with (证件类型), each with its own number pattern:
 * 居民身份证 (GB 11643-1999); 港澳台居民居住证 (GB 11643 with region 810000, 820000 or 830000);
 * 外国人永久居留身份证 (the 2023 card: 18 characters beginning with 9, the issuing province, a 3-digit
 * nationality code, the birth date, a sequence and a GB 11643 check character; the 2017 card's 15
 * characters, 3 letters and 12 digits, are still valid until they expire); 护照; 港澳居民来往内地通行证
 * (H or M and 8 digits, older cards 10); 台湾居民来往大陆通行证 (8 digits, older cards 10 and a letter).
 */
import { idCardCheckChar, idCardProblem, isPastDate } from './cn-id-card.js';
import { PROVINCE_CODES } from './cn-region-code.js';

/** The document kinds, as the API names them (`IdType`). */
export type IdDocumentType =
  | 'residentIdCard'
  | 'hkMacaoTaiwanResidencePermit'
  | 'hkMacaoPermit'
  | 'taiwanPermit'
  | 'foreignPermanentResidentCard'
  | 'passport'
  | 'other';

/** Why a document number is not valid: its shape (`format`), or for the GB 11643 numbers what part. */
export type IdDocumentProblem = 'format' | 'region' | 'birthDate' | 'checkChar';

/** The region codes of 港澳台居民居住证: Hong Kong, Macao and Taiwan. */
export const RESIDENCE_PERMIT_REGIONS: readonly string[] = ['810000', '820000', '830000'];

function residencePermitProblem(id: string): IdDocumentProblem | undefined {
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!RESIDENCE_PERMIT_REGIONS.includes(id.slice(0, 6))) return 'region';
  if (!isPastDate(id.slice(6, 14))) return 'birthDate';
  return idCardCheckChar(id) === id[17] ? undefined : 'checkChar';
}

function permanentResidentCardProblem(id: string): IdDocumentProblem | undefined {
  if (/^[A-Z]{3}\d{12}$/.test(id)) return undefined;
  if (!/^9\d{16}[\dX]$/.test(id)) return 'format';
  if (!PROVINCE_CODES.includes(id.slice(1, 3))) return 'region';
  if (!isPastDate(id.slice(6, 14))) return 'birthDate';
  return idCardCheckChar(id) === id[17] ? undefined : 'checkChar';
}

/** A check that only matches a pattern. */
const shaped =
  (pattern: RegExp) =>
  (id: string): IdDocumentProblem | undefined =>
    pattern.test(id) ? undefined : 'format';

const checks: Record<IdDocumentType, (id: string) => IdDocumentProblem | undefined> = {
  residentIdCard: (id) => {
    const problem = idCardProblem(id);
    return problem === 'length' ? 'format' : problem;
  },
  hkMacaoTaiwanResidencePermit: residencePermitProblem,
  foreignPermanentResidentCard: permanentResidentCardProblem,
  // Letters and digits, at least one digit: ICAO 9303 numbers have 9 characters, some states 5 to 17.
  passport: shaped(/^(?=[A-Z]*\d)[A-Z0-9]{5,17}$/),
  hkMacaoPermit: shaped(/^[HM](\d{8}|\d{10})$/),
  taiwanPermit: shaped(/^(\d{8}|\d{10}[A-Z]?)$/),
  other: shaped(/^[\dA-Z()（）-]{4,30}$/),
};

/** A document number as stored: trimmed, spaces removed, in capitals. */
export const normalizeIdDocumentNumber = (value: string): string => value.replace(/\s/g, '').toUpperCase();

/** What is wrong with the number of a document of `type`, or `undefined` when it is valid. */
export function idDocumentProblem(type: IdDocumentType, value: string): IdDocumentProblem | undefined {
  return checks[type](normalizeIdDocumentNumber(value));
}

/** Whether `value` is a valid number of a document of `type`. */
export const isValidIdDocumentNumber = (type: IdDocumentType, value: string): boolean =>
  !idDocumentProblem(type, value);
