import type { ItemMaterial, SituationAnswers } from '../item-common/types.js';

/** The two condition checks of the forms engine that a guide needs. */
export type Conditions = Pick<typeof import('@banshi/sdk/forms'), 'holds' | 'scopeValue'>;

/**
 * Whether a material applies: `true`, `false`, or `undefined` while the question it depends on is
 * unanswered. Conditions are judged by `@banshi/sdk/forms`, exactly as the application form judges them.
 */
export function materialApplies(
  material: ItemMaterial,
  situation: SituationAnswers,
  conditions: Conditions | undefined,
): boolean | undefined {
  const condition = material.appliesWhen;
  if (!condition) return true;
  if (!conditions || conditions.scopeValue(condition.scope, { situation }) === undefined) return undefined;
  return conditions.holds(condition, { situation });
}

let conditionsModule: Promise<Conditions> | undefined;
/**
 * The condition checks of the forms engine (`@banshi/sdk/forms`, about 7 KB gzip with its validator),
 * loaded on first use: only guides whose materials have conditions need them.
 */
export const loadConditions = (): Promise<Conditions> =>
  // Destructured, so that a bundle keeps these two and what they use, not the rest of the engine.
  (conditionsModule ??= import('@banshi/sdk/forms').then(({ holds, scopeValue }) => ({ holds, scopeValue })));
