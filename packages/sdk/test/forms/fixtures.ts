import { readFileSync } from 'node:fs';
import type { FormDefinition } from '../../src/forms/index.js';
import { idCardCheckChar, creditCodeCheckChar } from '../../src/forms/index.js';

/** A form definition from test/fixtures/forms. */
export const loadDefinition = (name: string): FormDefinition =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/forms/${name}.json`, import.meta.url), 'utf8'),
  ) as FormDefinition;

/** An ID number for a region, birth date (YYYYMMDD) and sequence, completed with its check character. */
export const idNumber = (region: string, birth: string, sequence: string): string =>
  region + birth + sequence + idCardCheckChar(region + birth + sequence);

/** A credit code from its first 17 characters, completed with its check character. */
export const creditCode = (first17: string): string => first17 + creditCodeCheckChar(first17);
