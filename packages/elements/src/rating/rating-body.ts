import {
  isBadLevel,
  type EvaluationInput,
  type EvaluationLevel,
  type EvaluationReason,
  type FollowUpAnswers,
} from '../base/api.js';
import { isValidMobile, normalizeMobile } from '@banshi/sdk/forms';
import type { RatingField } from './options.js';

/** What the rating form holds when it is sent. */
export interface RatingDraft {
  kiosk: boolean;
  level?: EvaluationLevel;
  reasons: EvaluationReason[];
  answers: FollowUpAnswers;
  comment: string;
  anonymous: boolean;
  /** The case's applicant rates: a real-name rating takes their name and mobile from the case. */
  fromCase: boolean;
  raterName: string;
  raterMobile: string;
  /** A visit rated without a case: the service and window chosen (both needed), or none asked. */
  visit?: { itemCode: string; windowId: string };
}

/** What the rating is of, and how it was given. */
export interface RatingTarget {
  caseNumber: string;
  itemCode: string;
  windowId: string;
  staffId: string;
  deviceId: string;
  channel?: EvaluationInput['channel'];
  /** When a kiosk rating was first sent (the same on every retry). */
  ratedAt: string;
  /** The case's first rating, when this one follows it up (追评). */
  followUpOf?: string;
}

/** The fields in error, in the order they are shown. */
export function ratingErrors(draft: RatingDraft): RatingField[] {
  const errors: RatingField[] = [];
  if (draft.visit && !draft.visit.itemCode) errors.push('service');
  else if (draft.visit && !draft.visit.windowId) errors.push('window');
  if (!draft.level) errors.push('level');
  else if (isBadLevel(draft.level) && !draft.reasons.length) errors.push('reasons');
  if (!draft.anonymous && !draft.fromCase) {
    const name = draft.raterName.trim();
    if (name.length < 2 || name.length > 50) errors.push('name');
    if (!isValidMobile(draft.raterMobile)) errors.push('mobile');
  }
  return errors;
}

/** The request body for a valid rating. */
export function ratingBody(draft: RatingDraft, target: RatingTarget): EvaluationInput {
  const { kiosk } = draft;
  const level = draft.level!;
  const comment = draft.comment.trim();
  const common = {
    target: target.caseNumber
      ? { kind: 'case' as const, caseNumber: target.caseNumber }
      : {
          kind: 'onSite' as const,
          itemCode: target.itemCode,
          ...(target.windowId ? { windowId: target.windowId } : {}),
          ...(target.staffId ? { staffId: target.staffId } : {}),
        },
    channel: target.channel ?? (kiosk ? 'hallTablet' : 'pc'),
    ...(target.followUpOf ? { followUpOf: target.followUpOf } : {}),
    ...(comment ? { comment } : {}),
    ...(kiosk ? { ratedAt: target.ratedAt, ...(target.deviceId ? { deviceId: target.deviceId } : {}) } : {}),
    // A real-name rating names its rater, or leaves the case's applicant to be named from the case; an
    // anonymous one (the default on a kiosk) names none.
    ...(draft.anonymous
      ? { anonymous: true as const }
      : draft.fromCase
        ? { anonymous: false as const }
        : {
            anonymous: false as const,
            rater: { name: draft.raterName.trim(), mobile: normalizeMobile(draft.raterMobile) },
          }),
  };
  if (!isBadLevel(level)) return { ...common, level };
  return {
    ...common,
    level,
    reasons: [...draft.reasons],
    ...(Object.keys(draft.answers).length ? { followUp: { ...draft.answers } } : {}),
  };
}
