import type { Updateable } from 'kysely';
import { workingDaysBetween, type WorkCalendar } from '../calendar/working-days.js';
import { chinaDay, chinaTime } from '../common/china-time.js';
import { readColumn, type CaseDetails, type StoredMaterial } from '../db/json-columns.js';
import type { CasesTable } from '../db/schema-types.js';
import { actingStaff } from '../access/acting-staff.js';
import { auditStaff } from '../audit/staff-audit.js';
import { requireDepartment } from '../access/department-scope.js';
import { permissionOf } from '../access/permissions.js';
import { authoriseStaff } from '../http/authorise.js';
import type { Schema } from '../http/contract.js';
import type { IdempotentHandler } from '../http/operation.js';
import { ProblemError } from '../http/problem.js';
import { updateCase, addEvent, invalidTransition, lockCase, unprocessable, viewOf } from './case-store.js';
import type { CaseRow } from './case-view.js';
import { nextState, promisedDeadline, withDeferredDeadlines, type CaseState } from './rules.js';

type Transition = Schema<'CaseTransition'>;

/** What a step changes: the case's columns, its details and its materials. */
interface CaseChange {
  columns: Updateable<CasesTable>;
  details: CaseDetails;
  materials: StoredMaterial[];
}

/** POST /cases/{caseNumber}/transitions: a staff step (受理, 补正告知, 中止, 办结, 送达 …). */
export const transitionCase: IdempotentHandler<'transitionCase'> = {
  idempotent: true,
  async authorise(ctx) {
    authoriseStaff(ctx, permissionOf('transitionCase', ctx.request.body.action));
  },
  async run(ctx, trx) {
    const body = ctx.request.body;
    const principal = authoriseStaff(ctx, permissionOf('transitionCase', body.action));
    const notFound = () => new ProblemError(404, 'not_found', { detailKey: 'problem.caseNotFound' });
    const locked = await lockCase(trx, ctx.request.path.caseNumber);
    if (!locked) throw notFound();
    // Another department's case is as unknown as a number never issued.
    requireDepartment(principal, locked.row.department_id, 'case', notFound);
    const { row, state } = locked;
    const to = nextState(state, body.action);
    if (!to) throw invalidTransition(state, ctx.locale);
    const acting = actingStaff(principal, row.department_id);
    const calendar = await ctx.services.calendar(trx);
    const change: CaseChange = {
      columns: { status: to, updated_at: ctx.now },
      details: readColumn.caseDetails(row.details),
      materials: readColumn.caseMaterials(row.materials),
    };
    applyTransition(body, { row, state, now: ctx.now, calendar }, change, ctx.locale);
    const updated = await updateCase(trx, row.number, {
      ...change.columns,
      details: JSON.stringify(change.details),
      materials: JSON.stringify(change.materials),
    });
    await addEvent(trx, row.number, {
      at: ctx.now,
      from: state,
      to,
      action: body.action,
      actor: 'staff',
      staff: acting,
      opinion: opinionOf(body),
    });
    await auditStaff(trx, ctx, principal, {
      action: 'staff.action',
      operation: 'transitionCase',
      step: body.action,
      target: { type: 'case', id: row.number },
      departmentId: acting.departmentId,
    });
    return { status: 200, body: await viewOf(ctx, trx, updated, calendar) };
  },
};

/** The words the timeline shows with a step. */
function opinionOf(body: Transition): string | undefined {
  return (
    ('opinion' in body ? body.opinion : undefined) ??
    ('reason' in body ? body.reason : undefined) ??
    ('note' in body ? body.note : undefined)
  );
}

function applyTransition(
  body: Transition,
  at: { row: CaseRow; state: CaseState; now: Date; calendar: WorkCalendar },
  change: CaseChange,
  locale: Parameters<typeof invalidTransition>[1],
) {
  const { row, now, calendar } = at;
  const { details } = change;
  switch (body.action) {
    case 'accept':
      change.columns.accepted_at = now;
      change.columns.due_date = details.timeLimit
        ? promisedDeadline(now, details.timeLimit, 0, calendar)
        : null;
      change.materials = withDeferredDeadlines(change.materials, now, calendar);
      break;
    case 'reject':
      details.decision = { outcome: 'rejected', decidedAt: chinaTime(now), reason: body.reason };
      break;
    case 'requestCorrection':
      requestCorrection(body, at.state, now, change, locale);
      break;
    case 'suspend':
      change.columns.suspended_at = now;
      details.suspension = { since: chinaTime(now), reason: body.reason };
      break;
    case 'resume': {
      const stopped = row.suspended_at
        ? workingDaysBetween(chinaDay(row.suspended_at), chinaDay(now), calendar)
        : 0;
      const suspendedDays = row.suspended_days + stopped;
      change.columns.suspended_days = suspendedDays;
      change.columns.suspended_at = null;
      details.suspension = null;
      if (details.timeLimit && row.accepted_at)
        change.columns.due_date = promisedDeadline(
          row.accepted_at,
          details.timeLimit,
          suspendedDays,
          calendar,
        );
      break;
    }
    case 'approve':
      details.decision = {
        outcome: 'approved',
        decidedAt: chinaTime(now),
        ...(body.resultNumber ? { resultNumber: body.resultNumber } : {}),
      };
      break;
    case 'deny':
      details.decision = { outcome: 'denied', decidedAt: chinaTime(now), reason: body.reason };
      break;
    case 'conclude':
      change.columns.concluded_at = now;
      break;
    case 'deliver':
      details.delivery = {
        ...details.delivery,
        method: body.method,
        ...(body.method === 'mail' && body.carrier ? { carrier: body.carrier } : {}),
        ...(body.method === 'mail' ? { trackingNumber: body.trackingNumber } : {}),
        deliveredAt: chinaTime(now),
      };
      break;
  }
}

/** 一次告知: everything missing is listed once; a second request is not allowed. */
function requestCorrection(
  body: Schema<'RequestCorrectionTransition'>,
  state: CaseState,
  now: Date,
  change: CaseChange,
  locale: Parameters<typeof invalidTransition>[1],
) {
  const { details } = change;
  if (details.corrections.length > 0) throw invalidTransition(state, locale);
  if (body.deadline < chinaDay(now)) {
    throw unprocessable([{ pointer: '/deadline', code: 'minimum', messageKey: 'validation.deadlinePast' }]);
  }
  details.corrections.push({
    requestedAt: chinaTime(now),
    deadline: body.deadline,
    ...(body.note ? { note: body.note } : {}),
    items: body.items,
    fulfilledAt: null,
  });
  const named = new Set(body.items.map((i) => i.materialId).filter(Boolean));
  change.materials = change.materials.map((m) =>
    named.has(m.materialId) ? { ...m, status: 'correctionRequested' } : m,
  );
}
