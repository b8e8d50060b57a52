import type { components } from '@banshi/sdk';

type Schemas = components['schemas'];

/** Items as search lists them, items with their whole guide (办事指南), a guide's materials and 情形. */
export type { Item, ItemMaterial, ItemSummary, Situation } from '@banshi/sdk';
/** A time limit: a number and a unit. */
export type TimeLimit = Schemas['TimeLimit'];
/** A way to ask or to complain. */
export type ContactChannel = Schemas['ContactChannel'];
/** Search filters of `GET /items`. */
export type { ItemListQuery as ItemQuery } from '@banshi/sdk';

/**
 * The answers to a guide's situation questions, in the shape of the form definition's situation answers:
 * `{ [situationId]: optionId | optionId[] }` (an array for a multiple-choice question). Unanswered
 * questions are absent.
 */
export type SituationAnswers = Schemas['CaseCreate']['situationAnswers'];
