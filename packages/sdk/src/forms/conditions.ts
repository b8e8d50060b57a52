import { Validator, type Schema } from '@cfworker/json-schema';
import type { Condition, JsonSchema, SituationAnswers } from './definition.js';
import { withChineseFormats } from './formats/registry.js';
import { valueAt } from './pointer.js';

/** What a condition is judged against: the form data and the situation answers. */
export interface Answers {
  data?: unknown;
  situation?: SituationAnswers;
}

const SITUATION = '#situation/';
const validators = new WeakMap<object, Validator>();

/** Whether `value` is valid against `schema` (validators are cached per schema object). */
export function matches(schema: JsonSchema, value: unknown): boolean {
  if (typeof schema === 'boolean') return schema;
  let validator = validators.get(schema);
  if (!validator) validators.set(schema, (validator = new Validator(schema as Schema, '2020-12')));
  return withChineseFormats(() => validator.validate(value).valid);
}

/** The value a condition's scope points at: a situation answer or a value in the data. */
export const scopeValue = (scope: string, answers: Answers): unknown =>
  scope.startsWith(SITUATION)
    ? answers.situation?.[scope.slice(SITUATION.length)]
    : valueAt(answers.data, scope);

/**
 * Whether a condition holds. An unanswered scope (no value) never satisfies a condition, so a SHOW
 * rule keeps its target hidden until the question is answered.
 */
export function holds(condition: Condition, answers: Answers): boolean {
  const value = scopeValue(condition.scope, answers);
  return value !== undefined && matches(condition.schema, value);
}
