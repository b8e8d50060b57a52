import type { EvaluationReason } from '@banshi/sdk';

/** Reason categories of a bad review (差评), in the order they are offered. */
export const RATING_REASONS: readonly EvaluationReason[] = [
  'slowProcessing',
  'repeatedVisits',
  'tooManyMaterials',
  'guideUnclear',
  'poorAttitude',
  'unprofessional',
  'systemUnusable',
  'unreasonableRefusal',
  'unfairFees',
  'other',
];

/** Optional follow-up questions offered with a bad review, answered yes or no. */
export const RATING_QUESTIONS = [
  'guideClear',
  'procedureConvenient',
  'materialsMinimal',
  'interfaceFriendly',
] as const;

/** Longest comment accepted. */
export const COMMENT_MAX = 500;

export type RatingMode = 'inline' | 'kiosk' | 'summary';
/** A field of the rating form that can be in error. */
export type RatingField = 'service' | 'window' | 'level' | 'reasons' | 'name' | 'mobile';
export type RatingQuestion = (typeof RATING_QUESTIONS)[number];
