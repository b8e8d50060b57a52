import type { Updateable } from 'kysely';
import type { WorkCalendar } from '../calendar/working-days.js';
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
import { translate as message } from '../i18n/messages.js';
import type { Locale } from '../i18n/locale.js';
import type { LocalRules } from '../local-rules/local-rules.js';
import {
  updateCase,
  addEvent,
  type Db,
  invalidTransition,
  lockCase,
  unprocessable,
  viewOf,
} from './case-store.js';
import type { CaseRow } from './case-view.js';
import {
  correctionWindowEnd,
  overdueDeferred,
  deemedAcceptedFromReceipt,
  heldDeadline,
  nextState,
  promisedDeadline,
  suspensionDays,
  withDeferredDeadlines,
  type CaseState,
} from './rules.js';
import { openVerification, recordVerification } from './commitment-verification.js';
import { writtenDecision } from './written-decision.js';
import { checkBundleStep, followMembers } from './bundle.js';

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
    checkBundleStep(row, body.action);
    let to = nextState(state, body.action);
    if (!to) throw invalidTransition(state, ctx.locale);
    const acting = actingStaff(principal, row.department_id);
    const calendar = await ctx.services.calendar(trx);
    const change: CaseChange = {
      columns: { status: to, updated_at: ctx.now },
      details: readColumn.caseDetails(row.details),
      materials: readColumn.caseMaterials(row.materials),
    };
    const rules = ctx.services.rules;
    const deemed =
      body.action === 'accept' &&
      deemedAcceptedFromReceipt(
        row.submitted_at,
        chinaDay(ctx.now),
        change.details.corrections.length,
        rules.correctionRequestDays,
        calendar,
      );
    if (body.action === 'extend') checkExtension(body, change.details, state, rules, ctx.locale);
    if (body.action === 'conclude') checkNothingOverdue(change.materials, chinaDay(ctx.now), ctx.locale);
    if (body.action === 'requestCorrection') {
      const last = correctionWindowEnd(row.submitted_at, rules.correctionRequestDays, calendar);
      if (chinaDay(ctx.now) > last) throw correctionWindowPassed(last, rules.correctionRequestDays);
    }
    if (body.action === 'transfer') await transferTo(trx, body.departmentId, change);
    applyTransition(body, { row, state, now: ctx.now, calendar }, change, ctx.locale);
    if (deemed) acceptFromReceipt(row, change, calendar);
    const decided = { departmentId: row.department_id, state, now: ctx.now, calendar, rules };
    to = (await decisionRecords(trx, body, decided, change)) ?? to;
    const updated = await updateCase(trx, row.number, {
      ...change.columns,
      details: JSON.stringify(change.details),
      materials: JSON.stringify(change.materials),
    });
    if (deemed)
      await addEvent(trx, row.number, {
        at: ctx.now,
        from: state,
        to,
        action: 'deemedAccepted',
        actor: 'system',
        opinion: message('zh-CN', 'case.deemedAccepted', {
          received: chinaDay(row.submitted_at),
          days: rules.correctionRequestDays,
        }),
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
    if (row.bundle_number) await followMembers(trx, row.bundle_number, ctx.now);
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

/**
 * What a decision adds besides its state: a written decision's 文书编号 and remedies (不予受理, 不予许可),
 * the verification an approval on commitment opens, and the result of that verification (an untrue one
 * revokes the approval: the state it answers).
 */
async function decisionRecords(
  trx: Db,
  body: Transition,
  at: { departmentId: string; state: CaseState; now: Date; calendar: WorkCalendar; rules: LocalRules },
  change: CaseChange,
): Promise<CaseState | undefined> {
  const { now, rules } = at;
  if ((body.action === 'reject' || body.action === 'deny') && change.details.decision)
    Object.assign(
      change.details.decision,
      await writtenDecision(trx, rules, body.action, at.departmentId, now),
    );
  if (body.action === 'approve') openVerification(change, now, rules.commitmentVerificationDays, at.calendar);
  if (body.action === 'verifyCommitment') return recordVerification(body, at.state, change, now);
  return undefined;
}

/** 409: the correction window of §32 has passed, so the office can no longer ask for a correction. */
function correctionWindowPassed(last: string, days: number): ProblemError {
  return new ProblemError(409, 'correction_window_passed', {
    titleKey: 'problem.conflict',
    detailKey: 'problem.correctionWindowPassed',
    params: { last, days },
  });
}

/** 转办: the case moves to another department; its clock goes on (see `TransferTransition`). */
async function transferTo(trx: Db, departmentId: string, change: CaseChange) {
  const department = await trx
    .selectFrom('departments')
    .select(['id', 'name', 'credit_code'])
    .where('id', '=', departmentId)
    .executeTakeFirst();
  if (!department || department.id === change.details.department.id)
    throw unprocessable([
      { pointer: '/departmentId', code: 'unknown_department', messageKey: 'validation.transferDepartment' },
    ]);
  change.details.department = {
    id: department.id,
    name: department.name,
    creditCode: department.credit_code,
  };
  change.columns.department_id = department.id;
}

/** 容缺: a case is not concluded while a deferred material is overdue; the office receives it or ends the case. */
function checkNothingOverdue(materials: StoredMaterial[], today: string, locale: Locale) {
  const overdue = overdueDeferred(materials, today);
  if (overdue.length === 0) return;
  throw new ProblemError(409, 'deferred_material_overdue', {
    titleKey: 'problem.conflict',
    detailKey: 'problem.deferredMaterialOverdue',
    params: { materials: overdue.map((m) => m.names[locale] ?? m.names['zh-CN'] ?? m.materialId).join('、') },
  });
}

/** The office received a deferred material at the window (also after its deadline): it is checked. */
function receiveDeferred(materials: StoredMaterial[], materialId: string): StoredMaterial[] {
  const material = materials.find((m) => m.materialId === materialId);
  if (material?.status !== 'deferred')
    throw unprocessable([
      { pointer: '/materialId', code: 'not_deferred', messageKey: 'validation.notDeferred' },
    ]);
  return materials.map((m) => (m === material ? { ...m, status: 'accepted' } : m));
}

/** 延期 (§42): once, by at most the locality's `extensionMaxDays` working days. */
function checkExtension(
  body: Schema<'ExtendTransition'>,
  details: CaseDetails,
  state: CaseState,
  rules: LocalRules,
  locale: Parameters<typeof invalidTransition>[1],
) {
  if (details.extension) throw invalidTransition(state, locale);
  if (body.days > rules.extensionMaxDays)
    throw unprocessable([
      {
        pointer: '/days',
        code: 'maximum',
        messageKey: 'validation.extensionTooLong',
        params: { max: rules.extensionMaxDays },
      },
    ]);
}

/** §32: no correction was requested in time, so the case is accepted from receipt, its deadline too. */
function acceptFromReceipt(row: CaseRow, change: CaseChange, calendar: WorkCalendar) {
  const received = row.submitted_at;
  change.columns.accepted_at = received;
  const limit = change.details.timeLimit;
  change.columns.due_date = limit ? promisedDeadline(received, limit, 0, calendar) : null;
  change.materials = withDeferredDeadlines(change.materials, received, calendar);
}

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
    case 'resume':
      resumeClock(row, now, calendar, change);
      break;
    case 'extend':
      extendClock(body, row, now, calendar, change);
      break;
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
    case 'receiveMaterial':
      change.materials = receiveDeferred(change.materials, body.materialId);
      break;
    case 'terminate': // the reason is the timeline's opinion
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

/** 恢复: the days suspended are added to the case's total, and the deadline moves by them. */
function resumeClock(row: CaseRow, now: Date, calendar: WorkCalendar, change: CaseChange) {
  const { details } = change;
  const stopped = row.suspended_at ? suspensionDays(row.suspended_at, now, details.timeLimit, calendar) : 0;
  const suspendedDays = row.suspended_days + stopped;
  change.columns.suspended_days = suspendedDays;
  change.columns.suspended_at = null;
  details.suspension = null;
  if (details.timeLimit && row.accepted_at)
    change.columns.due_date = heldDeadline(
      row.accepted_at,
      details.timeLimit,
      suspendedDays,
      details.extension?.days ?? 0,
      calendar,
    );
}

/** 延期 (行政许可法 §42): the one extension, its approver and reason, and the deadline it moves. */
function extendClock(
  body: Schema<'ExtendTransition'>,
  row: CaseRow,
  now: Date,
  calendar: WorkCalendar,
  change: CaseChange,
) {
  const { details } = change;
  details.extension = {
    days: body.days,
    reason: body.reason,
    approvedBy: body.approvedBy,
    grantedAt: chinaTime(now),
  };
  if (details.timeLimit && row.accepted_at)
    change.columns.due_date = heldDeadline(
      row.accepted_at,
      details.timeLimit,
      row.suspended_days,
      body.days,
      calendar,
    );
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
