import { readFileSync } from 'node:fs';
import type { FormDefinition } from '../../src/forms/index.js';
import { idCardCheckChar, creditCodeCheckChar, organisationCodeCheckChar } from '../../src/forms/index.js';

/** A form definition from test/fixtures/forms. */
export const loadDefinition = (name: string): FormDefinition =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/forms/${name}.json`, import.meta.url), 'utf8'),
  ) as FormDefinition;

/** An ID number for a region, birth date (YYYYMMDD) and sequence, completed with its check character. */
export const idNumber = (region: string, birth: string, sequence: string): string =>
  region + birth + sequence + idCardCheckChar(region + birth + sequence);

/** A credit code from its first 16 characters, completed with its organisation code's and its own check characters. */
export function creditCode(first16: string): string {
  const first17 = first16 + organisationCodeCheckChar(first16.slice(8));
  return first17 + creditCodeCheckChar(first17);
}
