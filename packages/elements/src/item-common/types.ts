import type { components } from '@banshi/sdk';

type Schemas = components['schemas'];

/** A service item as search lists it: enough for a result line and its badges. */
export type ItemSummary = Schemas['ItemSummary'];
/** A service item with its whole guide (办事指南). */
export type Item = Schemas['Item'];
/** One material of a guide (申请材料). */
export type ItemMaterial = Schemas['ItemMaterial'];
/** A 情形 question of a guide. */
export type Situation = Schemas['Situation'];
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
export type SituationAnswers = Record<string, string | string[]>;
