import { format } from '@cfworker/json-schema';
import { CHINESE_FORMATS } from './table.js';

let knownRegionCodes: ReadonlySet<string> | undefined;

const chineseFormats: Record<string, (value: string) => boolean> = Object.fromEntries(
  Object.entries(CHINESE_FORMATS).map(([name, rule]) => [
    name,
    (value: string) => rule.isValid(value, knownRegionCodes),
  ]),
);

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
