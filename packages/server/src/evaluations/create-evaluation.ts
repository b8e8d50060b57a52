import { isBadLevel } from '@banshi/sdk/core';
import type { Transaction } from 'kysely';
import { authoriseApplicant } from '../cases/access.js';
import { loadConsultation } from '../consultations/access.js';
import { ratedConsultation } from '../consultations/rated-consultation.js';
import { chinaDay } from '../common/china-time.js';
import { newId } from '../common/ids.js';
import { readColumn, type EvaluationDetails, type StoredApplicant } from '../db/json-columns.js';
import '../i18n/identity-messages.js';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { Schema } from '../http/contract.js';
import type { IdempotentHandler, OperationContext } from '../http/operation.js';
import { ProblemError, problems } from '../http/problem.js';
import { bump, levelCounter, servedBy, type Counter } from './aggregates.js';
import { evaluationView } from './evaluation-view.js';
import { paperCardEntry, type PaperCardEntry } from './paper-card.js';
import { requireFollowUpOpen, requireRatingOpen } from './rating-period.js';
import { newRectification, ratedAtAcceptable, requireChannelRules } from './rules.js';

type Trx = Transaction<DatabaseSchema>;
type EvaluationCreate = Schema<'EvaluationCreate'>;
/** What is rated: the item, its department and, for a case or a question, which one. */
type Rated = Pick<EvaluationDetails, 'itemName' | 'department'> & {
  itemCode: string;
  caseNumber: string | null;
  /** The question whose answer is rated (我要问). */
  consultationNumber?: string;
  /** The case's applicant as a rater: a known applicant's rating is real-name without typing again. */
  applicant?: Schema<'RaterCreate'>;
};

/** POST /evaluations: a rating (好差评) of a case (一事一评) or of a visit to a window. */
export const createEvaluation: IdempotentHandler<'createEvaluation'> = {
  idempotent: true,
  async authorise(ctx) {
    const { target, channel } = ctx.request.body;
    if (channel === 'paperCard') paperCardEntry(ctx);
    else if (target.kind === 'case') await authoriseApplicant(ctx, target.caseNumber);
    else if (target.kind === 'consultation') await loadConsultation(ctx, ctx.db, target.consultationNumber);
  },
  async run(ctx, trx) {
    const body = ctx.request.body;
    const paperCard = body.channel === 'paperCard' ? paperCardEntry(ctx) : undefined;
    const ratedAt = body.ratedAt ? new Date(body.ratedAt) : ctx.now;
    if (!ratedAtAcceptable(ratedAt, ctx.now, body.channel)) {
      throw problems.validation([{ pointer: '/ratedAt', code: 'ratedAt', messageKey: 'validation.ratedAt' }]);
    }
    requireChannelRules(body);
    const { target } = body;
    const rated =
      target.kind === 'case'
        ? await ratedCase(ctx, trx, target.caseNumber, body.followUpOf)
        : target.kind === 'consultation'
          ? await ratedConsultation(trx, target.consultationNumber, body.followUpOf, alreadyRated)
          : await ratedItem(trx, target.itemCode, body.followUpOf);
    paperCard?.inDepartment(rated.department.id);
    if (body.followUpOf) {
      const followUp = await trx
        .selectFrom('evaluations')
        .select(['id', 'level'])
        .where('follow_up_of', '=', body.followUpOf)
        .forUpdate()
        .executeTakeFirst();
      if (followUp) throw alreadyRated(followUp);
    }
    const stored = await storeEvaluation(ctx, trx, body, rated, ratedAt, paperCard);
    await paperCard?.audit(trx, stored.body.id);
    return stored;
  },
};

function alreadyRated(existing: { id: string; level: string }): ProblemError {
  return new ProblemError(409, 'already_rated', {
    titleKey: 'problem.alreadyEvaluated',
    detailKey: 'problem.alreadyEvaluatedDetail',
    extensions: { existingEvaluation: { id: existing.id, level: existing.level } },
  });
}

function followUpNotFound(): ProblemError {
  return problems.validation(
    [{ pointer: '/followUpOf', code: 'not_found', messageKey: 'validation.followUpOf' }],
    422,
  );
}

/** A case rated once (一事一评): a second rating must be the follow-up of the first. */
async function ratedCase(
  ctx: OperationContext<'createEvaluation'>,
  trx: Trx,
  caseNumber: string,
  followUpOf: string | undefined,
): Promise<Rated> {
  // Locking the case serialises concurrent first ratings of it.
  const row = await trx
    .selectFrom('cases')
    .select([
      'number',
      'item_code',
      'details',
      'applicant',
      'status',
      'accepted_at',
      'concluded_at',
      'updated_at',
    ])
    .where('number', '=', caseNumber)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw problems.notFound('problem.caseNotFound');
  const details = readColumn.caseDetails(row.details);
  let existing = await trx
    .selectFrom('evaluations')
    .select(['id', 'level', 'day', 'defaulted', 'item_code', 'department_id'])
    .where('case_number', '=', row.number)
    .where('follow_up_of', 'is', null)
    .executeTakeFirst();
  // The applicant's own rating takes the place of one counted by default (默认好评).
  if (existing?.defaulted && !followUpOf) existing = await withdrawDefault(trx, existing);
  if (existing && !followUpOf) throw alreadyRated(existing);
  if (followUpOf && (!existing || existing.id !== followUpOf)) throw followUpNotFound();
  if (existing) requireFollowUpOpen(existing.day, ctx.services.rules, ctx.now);
  else requireRatingOpen(row, ctx.services.rules, ctx.now, ctx.locale);
  return {
    caseNumber: row.number,
    itemCode: row.item_code,
    department: details.department,
    itemName: details.itemName,
    applicant: raterOf(readColumn.caseApplicant(row.applicant)),
  };
}

/** Removes a default rating and its counts; answers that the case is unrated again. */
async function withdrawDefault(
  trx: Trx,
  rating: { id: string; day: string; item_code: string; department_id: string },
): Promise<undefined> {
  await trx.deleteFrom('evaluations').where('id', '=', rating.id).execute();
  await bump(
    trx,
    { day: rating.day, itemCode: rating.item_code, departmentId: rating.department_id },
    { satisfied: -1, defaulted: -1 },
  );
  return undefined;
}

/** Who rates a case by default: the person applying, or the organisation's contact. */
function raterOf(applicant: StoredApplicant): Schema<'RaterCreate'> {
  return applicant.kind === 'person'
    ? { name: applicant.name, mobile: applicant.mobile }
    : { name: applicant.contact.name, mobile: applicant.contact.mobile };
}

/** The rater a rating names: none when anonymous, the one sent, else the case's applicant. */
function raterFor(body: EvaluationCreate, rated: Rated): Schema<'RaterCreate'> | null {
  if (body.anonymous) return null;
  const rater = body.rater ?? rated.applicant;
  if (!rater) {
    throw problems.validation([
      { pointer: '/rater', code: 'required', messageKey: 'validation.raterRequired' },
    ]);
  }
  return rater;
}

async function ratedItem(trx: Trx, itemCode: string, followUpOf: string | undefined): Promise<Rated> {
  const item = await trx
    .selectFrom('items')
    .select(['code', 'name', 'document', 'translations'])
    .where('code', '=', itemCode)
    .executeTakeFirst();
  if (!item) throw problems.itemNotFound(itemCode);
  if (followUpOf) {
    const original = await trx
      .selectFrom('evaluations')
      .select('id')
      .where('id', '=', followUpOf)
      .executeTakeFirst();
    if (!original) throw followUpNotFound();
  }
  const english = readColumn.itemTranslations(item.translations).en?.document?.name;
  return {
    caseNumber: null,
    itemCode: item.code,
    department: readColumn.itemDocument(item.document).department,
    itemName: { 'zh-CN': item.name, ...(english ? { en: english } : {}) },
  };
}

async function storeEvaluation(
  ctx: OperationContext<'createEvaluation'>,
  trx: Trx,
  body: EvaluationCreate,
  rated: Rated,
  ratedAt: Date,
  paperCard: PaperCardEntry | undefined,
) {
  const rater = raterFor(body, rated);
  const bad = isBadLevel(body.level);
  const day = chinaDay(ratedAt);
  const calendar = await ctx.services.calendar(trx);
  const counted = !body.followUpOf;
  const details: EvaluationDetails = {
    // An item rated with no window keeps an explicit null (the document refuses an empty id).
    target:
      body.target.kind === 'onSite'
        ? { ...body.target, windowId: body.target.windowId ?? null }
        : body.target,
    itemName: rated.itemName,
    department: rated.department,
    reasons: body.reasons ?? [],
    ...(body.reasonText ? { reasonText: body.reasonText } : {}),
    ...(body.followUp ? { followUp: body.followUp } : {}),
    ...(body.comment ? { comment: body.comment } : {}),
    ...(body.deviceId ? { deviceId: body.deviceId } : {}),
    ...(paperCard ? { enteredBy: paperCard.enteredBy } : {}),
    rectification: bad ? newRectification(day, !body.anonymous, ctx.services.rules, calendar) : null,
  };
  const row = await trx
    .insertInto('evaluations')
    .values({
      id: newId('ev'),
      case_number: rated.caseNumber,
      consultation_number: rated.consultationNumber ?? null,
      item_code: rated.itemCode,
      department_id: rated.department.id,
      channel: body.channel,
      level: body.level,
      bad,
      anonymous: body.anonymous,
      // An anonymous rating keeps no identity at all.
      rater: rater ? JSON.stringify(rater) : null,
      follow_up_of: body.followUpOf ?? null,
      counted,
      rectification_state: bad ? 'open' : null,
      details: JSON.stringify(details),
      created_at: ctx.now,
      rated_at: ratedAt,
      day,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (counted) {
    const deltas: Partial<Record<Counter, number>> = { [levelCounter[body.level]!]: 1 };
    if (bad && !body.anonymous) deltas.real_name_bad = 1;
    await bump(
      trx,
      { day, itemCode: rated.itemCode, departmentId: rated.department.id, ...servedBy(body.target) },
      deltas,
    );
  }
  return {
    status: 201 as const,
    body: evaluationView(row, ctx.locale, chinaDay(ctx.now)),
    headers: { Location: `/api/v1/evaluations/${row.id}` },
  };
}
