/**
 * The demo catalogue (hand-written items, forms and reference lists in `packages/server/demo-catalogue/`),
 * its loader and its check against the document. `--seed` imports it into an empty database. The
 * generators that scale a catalogue to benchmark size live in `bench/synthetic/`.
 * @packageDocumentation
 */
export { loadDemoCatalogue, demoCatalogueDirectory } from './load.js';
export { validateDemoCatalogue, componentValidator, formProblems, messageKeysUsed } from './validate.js';
export {
  buildCreditCode,
  buildIdNumber,
  buildImplementationCode,
  organisationCodeCheckChar,
} from './codes.js';
export type {
  CalendarDay,
  CalendarYear,
  CaseCreate,
  FormDefinition,
  Item,
  DemoCatalogue,
  DemoDepartment,
  DemoRegion,
  DemoTheme,
} from './types.js';
