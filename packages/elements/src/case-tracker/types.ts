import type { Case as TrackedCase, CaseState, components } from '@banshi/sdk';

type Schemas = components['schemas'];

/** A case (办件) as the applicant sees it; ID numbers and mobiles come masked. */
export type { Case as TrackedCase, CaseState, TimelineEntry } from '@banshi/sdk';
/** A request for correction (补齐补正告知). */
export type CorrectionRequest = Schemas['CorrectionRequest'];
/** One thing the office asked to be corrected. */
export type CorrectionItem = Schemas['CorrectionItem'];

/** States after which nothing more is expected, so the tracker stops refreshing. */
export const SETTLED_STATES: readonly CaseState[] = [
  'rejected',
  'concluded',
  'delivered',
  'withdrawn',
  'terminated',
  'revoked',
];

/** States from which the applicant may withdraw (撤回). */
export const WITHDRAWABLE_STATES: readonly CaseState[] = [
  'submitted',
  'correctionRequested',
  'accepted',
  'suspended',
];

/** The open correction request of a case: the one not fulfilled yet, while the office waits for it. */
export function openCorrection(found: TrackedCase): CorrectionRequest | undefined {
  return found.state === 'correctionRequested'
    ? found.corrections.find((request) => request.fulfilledAt === null)
    : undefined;
}
