import type { components } from '../generated/schema.js';

type EvaluationLevel = components['schemas']['EvaluationLevel'];
/** The levels of a bad review (差评), which must carry reasons and which the department must rectify. */
export type BadEvaluationLevel = components['schemas']['BadEvaluationCreate']['level'];

/** Each level's place, best first. A record, so the compiler refuses a list that misses a level. */
const rank: Record<EvaluationLevel, number> = {
  verySatisfied: 0,
  satisfied: 1,
  basicallySatisfied: 2,
  dissatisfied: 3,
  veryDissatisfied: 4,
};

/**
 * The five levels of 好差评, best first: 非常满意, 满意, 基本满意, 不满意, 非常不满意. String values, since
 * the national standards disagree on numeric codes.
 */
export const EVALUATION_LEVELS = Object.keys(rank) as readonly EvaluationLevel[];

/** Whether `level` makes a review bad (差评): 不满意 or 非常不满意. */
export function isBadLevel(level: string): level is BadEvaluationLevel {
  return level === 'dissatisfied' || level === 'veryDissatisfied';
}
