import { format } from '@cfworker/json-schema';
import { isValidIdCardNumber } from './cn-id-card.js';
import { isValidMobile } from './cn-mobile.js';
import { isValidPostalCode } from './cn-postal-code.js';
import { isValidRegionCode } from './cn-region-code.js';
import { isValidCreditCode } from './cn-uscc.js';

let knownRegionCodes: ReadonlySet<string> | undefined;

const chineseFormats: Record<string, (value: string) => boolean> = {
  'cn-id-card': isValidIdCardNumber,
  'cn-uscc': isValidCreditCode,
  'cn-mobile': isValidMobile,
  'cn-postal-code': isValidPostalCode,
  'cn-region-code': (value) => isValidRegionCode(value, knownRegionCodes),
};

/**
 * Adds the Chinese formats to the validator's format table (@cfworker/json-schema checks `format`
 * against that shared table), then runs `check`, with `cn-region-code` checked against `regionCodes`
 * when given. Validation is synchronous, so the list cannot leak into another call.
 */
export function withChineseFormats<T>(check: () => T, regionCodes?: ReadonlySet<string>): T {
  Object.assign(format, chineseFormats);
  const outer = knownRegionCodes;
  knownRegionCodes = regionCodes ?? outer;
  try {
    return check();
  } finally {
    knownRegionCodes = outer;
  }
}
