import { chinaDay, chinaTime } from '../common/china-time.js';
import { readColumn, type StoredRectification } from '../db/json-columns.js';
import { actingStaff, staffRef } from '../access/acting-staff.js';
import { auditStaff } from '../audit/staff-audit.js';
import { requireDepartment, requireIndependentReviewer } from '../access/department-scope.js';
import { permissionOf } from '../access/permissions.js';
import { authoriseStaff } from '../http/authorise.js';
import type { Schema } from '../http/contract.js';
import type { IdempotentHandler } from '../http/operation.js';
import { ProblemError, problems } from '../http/problem.js';
import { translate as message } from '../i18n/messages.js';
import './messages.js';
import { bump, levelCounter, servedBy, type Counter } from './aggregates.js';
import { evaluationView, type EvaluationRow } from './evaluation-view.js';
import type { Transaction } from 'kysely';
import { addWorkingDays } from '../calendar/working-days.js';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { OperationContext } from '../http/operation.js';
import { rectificationSteps } from './rules.js';

type Action = Schema<'RectificationAction'>;

/** POST /evaluations/{evaluationId}/rectification: a staff step in dealing with a bad review (差评整改). */
export const recordRectificationAction: IdempotentHandler<'recordRectificationAction'> = {
  idempotent: true,
  async authorise(ctx) {
    authoriseStaff(ctx, permissionOf('recordRectificationAction', ctx.request.body.action));
  },
  async run(ctx, trx) {
    const body = ctx.request.body;
    const principal = authoriseStaff(ctx, permissionOf('recordRectificationAction', body.action));
    const row = await trx
      .selectFrom('evaluations')
      .selectAll()
      .where('id', '=', ctx.request.path.evaluationId)
      .forUpdate()
      .executeTakeFirst();
    const notFound = () => problems.notFound('problem.evaluationNotFound');
    if (!row) throw notFound();
    requireDepartment(principal, row.department_id, 'evaluation', notFound);
    if (body.action === 'acceptAppeal' || body.action === 'rejectAppeal')
      requireIndependentReviewer(principal, row.department_id);
    const details = readColumn.evaluationDetails(row.details);
    const rectification = details.rectification;
    if (!rectification) {
      throw new ProblemError(409, 'invalid_transition', { detailKey: 'problem.notBadReview' });
    }
    const step = rectificationSteps[body.action];
    if (
      !step.from.includes(rectification.state) ||
      (body.action === 'callback' && !rectification.callbackRequired)
    ) {
      throw new ProblemError(409, 'invalid_transition', {
        detailKey: 'problem.invalidRectification',
        params: { from: message(ctx.locale, `rectification.${rectification.state}`) },
      });
    }
    const acting = actingStaff(principal, row.department_id);
    const at = chinaTime(ctx.now);
    if (body.action === 'scheduleRectification')
      await schedule(ctx, trx, row.day, rectification, body.workingDays);
    const evidence = body.action === 'submitAppeal' ? await appealEvidence(trx, body.evidenceUploadIds) : [];
    const { deltas, counted } = takeStep(body, row, rectification, at);
    // A call that did not reach the rater is an attempt: kept in the history, the state unchanged; a
    // call during a scheduled rectification leaves the fix still due.
    const keepsState = body.action === 'callback' && (!body.reached || rectification.state === 'rectifying');
    if (!keepsState) rectification.state = step.to;
    const note = noteOf(body);
    rectification.history.push({
      at,
      action: body.action,
      ...(body.action === 'callback' ? { reached: body.reached } : {}),
      stateAfter: rectification.state,
      staff: staffRef(acting),
      ...(note ? { note } : {}),
      ...(evidence.length ? { evidenceUploadIds: evidence } : {}),
    });
    const updated = await trx
      .updateTable('evaluations')
      .set({ details: JSON.stringify(details), rectification_state: rectification.state, counted })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditStaff(trx, ctx, principal, {
      action: 'staff.action',
      operation: 'recordRectificationAction',
      step: body.action,
      target: { type: 'evaluation', id: row.id },
      departmentId: acting.departmentId,
    });
    await bump(
      trx,
      { day: row.day, itemCode: row.item_code, departmentId: row.department_id, ...servedBy(details.target) },
      deltas,
    );
    return { status: 200, body: evaluationView(updated, ctx.locale, chinaDay(ctx.now)) };
  },
};

/** What a step changes in the published figures, and whether the review still counts in them. */
function takeStep(body: Action, row: EvaluationRow, rectification: StoredRectification, at: string) {
  const deltas: Partial<Record<Counter, number>> = {};
  let counted = row.counted;
  if (body.action === 'callback' && body.reached && !rectification.calledBackAt) {
    rectification.calledBackAt = body.calledAt ? chinaTime(new Date(body.calledAt)) : at;
    if (row.counted) deltas.called_back = 1;
  }
  if ((body.action === 'rectify' || body.action === 'explain') && !rectification.closedAt) {
    rectification.closedAt = at;
    // 立行立改 or 限期整改 count as rectified; 解释说明 is published apart and is no rectification.
    rectification.outcome =
      body.action === 'explain'
        ? 'explained'
        : rectification.state === 'rectifying'
          ? 'scheduled'
          : 'immediate';
    if (row.counted) deltas[body.action === 'explain' ? 'explained' : 'rectified'] = 1;
  }
  if (body.action === 'acceptAppeal' && row.counted) {
    // An accepted appeal takes the review out of the published figures.
    counted = false;
    const level = levelCounter[row.level];
    if (level) deltas[level] = -1;
    deltas.excluded = 1;
    if (!row.anonymous) deltas.real_name_bad = -1;
    if (rectification.calledBackAt) deltas.called_back = -1;
  }
  return { deltas, counted };
}

/**
 * 限期整改: the office sets its own deadline, in working days from the review, at most the locality's
 * maximum (422 beyond it).
 */
async function schedule(
  ctx: OperationContext<'recordRectificationAction'>,
  trx: Transaction<DatabaseSchema>,
  ratedDay: string,
  rectification: StoredRectification,
  workingDays: number,
): Promise<void> {
  const max = ctx.services.rules.rectificationMaxDays;
  if (workingDays > max) {
    throw problems.validation(
      [
        {
          pointer: '/workingDays',
          code: 'maximum',
          messageKey: 'validation.rectificationDays',
          params: { max },
        },
      ],
      422,
    );
  }
  const calendar = await ctx.services.calendar(trx);
  rectification.scheduledWorkingDays = workingDays;
  rectification.rectificationDue = addWorkingDays(ratedDay, workingDays, calendar);
}

/**
 * The uploads an appeal gives as evidence, kept with the appeal for the reviewer: each must be a staff
 * upload (an applicant's files belong to their case), else 422.
 */
async function appealEvidence(trx: Transaction<DatabaseSchema>, ids: string[] = []): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const rows = await trx.selectFrom('uploads').select(['id', 'extra']).where('id', 'in', unique).execute();
  const staffUploads = new Set(
    rows.filter((row) => !readColumn.uploadExtra(row.extra).formSession).map((row) => row.id),
  );
  const missing = ids.flatMap((id, index) => (staffUploads.has(id) ? [] : [index]));
  if (missing.length) {
    throw problems.validation(
      missing.map((index) => ({
        pointer: `/evidenceUploadIds/${index}`,
        code: 'upload_not_found',
        messageKey: 'validation.uploadNotFound',
      })),
      422,
    );
  }
  return unique;
}

/** The words the history shows with a step. */
function noteOf(body: Action): string | undefined {
  switch (body.action) {
    case 'callback':
      return body.note;
    case 'scheduleRectification':
    case 'rectify':
      return body.measures;
    case 'explain':
      return body.explanation;
    case 'submitAppeal':
      return body.reason;
    case 'acceptAppeal':
    case 'rejectAppeal':
      return body.opinion;
  }
}
