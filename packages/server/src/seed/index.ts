/**
 * The seed catalogue (hand-written items, forms and reference lists in `packages/server/seed/`) and the
 * generators that scale it to benchmark size. No database access: the importer stores what these return.
 * @packageDocumentation
 */
export { loadSeedCatalogue, seedDirectory } from './catalogue.js';
export { validateSeedCatalogue, componentValidator, formProblems, messageKeysUsed } from './validate.js';
export { generateItems, generatedItemCapacity } from './generate-items.js';
export {
  generateEvaluations,
  type EvaluationOptions,
  type GeneratedEvaluation,
} from './generate-evaluations.js';
export {
  buildCreditCode,
  buildIdNumber,
  buildImplementationCode,
  creditCodeCheckChar,
  idNumberCheckChar,
  isValidCreditCode,
  isValidIdNumber,
} from './codes.js';
export type {
  CalendarDay,
  CalendarYear,
  CaseCreate,
  FormDefinition,
  Item,
  SeedCatalogue,
  SeedDepartment,
  SeedRegion,
  SeedTheme,
} from './types.js';
