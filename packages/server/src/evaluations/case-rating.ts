import { loadCaseWithAccess } from '../cases/access.js';
import { chinaDay, chinaTime } from '../common/china-time.js';
import { readColumn, type StoredRectification } from '../db/json-columns.js';
import type { Schema } from '../http/contract.js';
import { ok, type Handlers } from '../http/operation.js';
import type { EvaluationRow } from './evaluation-view.js';
import { lastFollowUpDay } from './rating-period.js';

type RaterRating = Schema<'RaterRating'>;

/** GET /cases/{caseNumber}/rating: the applicant's rating of their case, its reply and appeal, and 追评. */
export const caseRatingHandlers: Handlers<'getCaseRating'> = {
  async getCaseRating(ctx) {
    const { row } = await loadCaseWithAccess(ctx, ctx.db, ctx.request.path.caseNumber, { staff: false });
    const ratings = await ctx.db
      .selectFrom('evaluations')
      .selectAll()
      .where('case_number', '=', row.number)
      // A rating counted as 满意 by default is not the applicant's: they may still rate.
      .where('defaulted', '=', false)
      .orderBy('created_at')
      .execute();
    const first = ratings.find((rating) => rating.follow_up_of === null);
    const followUp = first && ratings.find((rating) => rating.follow_up_of === first.id);
    const lastDay = first ? lastFollowUpDay(first.day, ctx.services.rules) : null;
    return ok({
      rating: first ? raterRating(first) : null,
      followUp: followUp ? raterRating(followUp) : null,
      followUpOpen: !!lastDay && !followUp && chinaDay(ctx.now) <= lastDay,
      lastFollowUpDay: lastDay,
    });
  },
};

/** A rating as its rater sees it: no staff names, no other person's data. */
function raterRating(row: EvaluationRow): RaterRating {
  const rectification = readColumn.evaluationDetails(row.details).rectification;
  return {
    id: row.id,
    level: row.level as RaterRating['level'],
    ratedAt: chinaTime(row.rated_at),
    reply: rectification ? replyOf(rectification) : null,
    appeal: rectification ? appealOf(rectification) : null,
  };
}

const replySteps = new Set(['scheduleRectification', 'rectify', 'explain']);

/** The office's latest answer to the review: the measures scheduled or taken, or its explanation. */
function replyOf(rectification: StoredRectification): Schema<'OfficeReply'> | null {
  const step = rectification.history.findLast((event) => replySteps.has(event.action));
  if (!step) return null;
  const outcome =
    step.action === 'scheduleRectification' ? 'rectifying' : (rectification.outcome ?? 'immediate');
  return {
    outcome,
    text: step.note ?? '',
    at: step.at,
    ...(outcome === 'rectifying' ? { due: rectification.rectificationDue } : {}),
  };
}

/** The office's appeal and, once decided by the reviewing body, its decision and reason. */
function appealOf(rectification: StoredRectification): Schema<'AppealDecision'> | null {
  const history = rectification.history;
  if (!history.some((event) => event.action === 'submitAppeal')) return null;
  const decision = history.findLast(
    (event) => event.action === 'acceptAppeal' || event.action === 'rejectAppeal',
  );
  if (!decision) return { state: 'submitted' };
  return {
    state: decision.action === 'acceptAppeal' ? 'accepted' : 'rejected',
    ...(decision.note ? { reason: decision.note } : {}),
    decidedAt: decision.at,
  };
}
