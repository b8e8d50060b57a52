import type { Handlers } from '../http/operation.js';
import { caseRatingHandlers } from './case-rating.js';
import { createEvaluation } from './create-evaluation.js';
import { evaluationReadHandlers } from './read-evaluations.js';
import { recordRectificationAction } from './rectify.js';
import { evaluationSummaryHandlers } from './summary.js';

/** The operations on ratings (好差评) and their rectification. */
export const evaluationHandlers: Handlers<
  | 'createEvaluation'
  | 'listEvaluations'
  | 'getEvaluation'
  | 'getEvaluationSummary'
  | 'recordRectificationAction'
  | 'getCaseRating'
> = {
  createEvaluation,
  ...evaluationReadHandlers,
  ...evaluationSummaryHandlers,
  recordRectificationAction,
  ...caseRatingHandlers,
};
