import { sql } from 'kysely';
import { addWorkingDays, chinaDay, type WorkCalendar } from '../calendar/working-days.js';
import { loadCaseWithAccess } from '../cases/access.js';
import { chinaTime, type CaseDetails } from '../cases/case-view.js';
import { maskMobile } from '../cases/masking.js';
import type { EvaluationsTable } from '../db/schema-types.js';
import type { Locale } from '../i18n/locale.js';
import { translate as message } from '../i18n/messages.js';
import type { HandlerTable, OperationContext } from '../http/operation.js';
import { fastResponse, jsonResponse } from '../http/operation.js';
import { decodeCursor, encodeCursor, isOffsetCursor } from '../http/pagination.js';
import { ProblemError, problems } from '../http/problem.js';
import { newId } from '../uploads/routes.js';
import { bump, levelCounter, type Counter } from './aggregates.js';

type RectificationState =
  'open' | 'calledBack' | 'rectified' | 'explained' | 'appealSubmitted' | 'appealAccepted' | 'appealRejected';
type RectificationStep =
  'callback' | 'rectify' | 'explain' | 'submitAppeal' | 'acceptAppeal' | 'rejectAppeal';

interface Rectification {
  state: RectificationState;
  callbackRequired: boolean;
  callbackDue: string | null;
  rectificationDue: string;
  deadlineWorkingDays: number;
  calledBackAt?: string;
  closedAt?: string;
  history: {
    at: string;
    action: RectificationStep;
    stateAfter: RectificationState;
    staff: { id: string; name: string };
    note?: string;
  }[];
}

interface EvaluationDetails {
  target: Record<string, unknown>;
  itemName: Partial<Record<Locale, string>>;
  department: { id: string; name: string; creditCode?: string };
  reasons: string[];
  reasonText?: string;
  followUp?: Record<string, unknown>;
  comment?: string;
  deviceId?: string;
  rectification: Rectification | null;
}

type EvaluationRow = { [K in keyof EvaluationsTable]: K extends 'created_at' | 'rated_at' ? Date : unknown };

const badLevels = new Set(['dissatisfied', 'veryDissatisfied']);
const maxQueueAgeMs = 7 * 24 * 3_600_000;
const maxClockSkewMs = 5 * 60_000;

/** Rectification steps: the states each may start from and where it leads. */
const rectificationSteps: Record<RectificationStep, { from: RectificationState[]; to: RectificationState }> =
  {
    callback: { from: ['open', 'appealRejected'], to: 'calledBack' },
    rectify: { from: ['open', 'calledBack', 'appealRejected'], to: 'rectified' },
    explain: { from: ['open', 'calledBack', 'appealRejected'], to: 'explained' },
    submitAppeal: { from: ['open', 'calledBack'], to: 'appealSubmitted' },
    acceptAppeal: { from: ['appealSubmitted'], to: 'appealAccepted' },
    rejectAppeal: { from: ['appealSubmitted'], to: 'appealRejected' },
  };

function parse<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function ok(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

function staffOnly(ctx: OperationContext) {
  if (ctx.caller.kind === 'staff') return;
  if (ctx.caller.kind === 'applicant')
    throw new ProblemError(403, 'forbidden', { detailKey: 'problem.staffOnly' });
  throw new ProblemError(401, 'unauthorized', {
    headers: { 'WWW-Authenticate': 'Bearer realm="banshi"' },
    detailKey: 'problem.staffCredentialRequired',
  });
}

/** The API's `Evaluation`: the rater's mobile masked; overdue worked out for today. */
function evaluationView(row: EvaluationRow, locale: Locale, today: string): Record<string, unknown> {
  const details = parse<EvaluationDetails>(row.details);
  const rater = parse<{ name: string; mobile: string } | null>(row.rater);
  const rectification = details.rectification;
  let rectificationView: Record<string, unknown> | null = null;
  if (rectification) {
    const { calledBackAt, closedAt, ...shown } = rectification;
    const closed = ['rectified', 'explained', 'appealAccepted'].includes(rectification.state);
    const callbackLate =
      rectification.callbackDue !== null &&
      (calledBackAt
        ? calledBackAt.slice(0, 10) > rectification.callbackDue
        : today > rectification.callbackDue);
    const rectificationLate = closedAt
      ? closedAt.slice(0, 10) > rectification.rectificationDue
      : !closed && rectification.state !== 'appealSubmitted' && today > rectification.rectificationDue;
    rectificationView = { ...shown, overdue: callbackLate || rectificationLate };
  }
  return {
    id: row.id,
    target: details.target,
    itemCode: row.item_code,
    itemName: details.itemName[locale] ?? details.itemName['zh-CN'] ?? '',
    department: details.department,
    level: row.level,
    bad: row.bad,
    reasons: details.reasons,
    ...(details.reasonText ? { reasonText: details.reasonText } : {}),
    ...(details.followUp ? { followUp: details.followUp } : {}),
    ...(details.comment ? { comment: details.comment } : {}),
    channel: row.channel,
    anonymous: row.anonymous,
    ...(rater ? { rater: { name: rater.name, maskedMobile: maskMobile(rater.mobile) } } : {}),
    followUpOf: row.follow_up_of,
    createdAt: chinaTime(row.created_at),
    ratedAt: chinaTime(row.rated_at),
    counted: row.counted,
    rectification: rectificationView,
  };
}

function alreadyRated(existing: { id: string; level: string }): ProblemError {
  return new ProblemError(409, 'already_rated', {
    titleKey: 'problem.alreadyEvaluated',
    detailKey: 'problem.alreadyEvaluatedDetail',
    extensions: { existingEvaluation: { id: existing.id, level: existing.level } },
  });
}

function newRectification(
  day: string,
  realName: boolean,
  days: number,
  calendar: WorkCalendar,
): Rectification {
  const due = addWorkingDays(day, days, calendar);
  return {
    state: 'open',
    callbackRequired: realName,
    callbackDue: realName ? due : null,
    rectificationDue: due,
    deadlineWorkingDays: days,
    history: [],
  };
}

interface EvaluationCreate {
  target:
    | { kind: 'case'; caseNumber: string }
    | { kind: 'onSite'; itemCode: string; windowId?: string | null; staffId?: string };
  level: string;
  reasons?: string[];
  reasonText?: string;
  followUp?: Record<string, unknown>;
  comment?: string;
  channel: string;
  anonymous: boolean;
  rater?: { name: string; mobile: string };
  followUpOf?: string;
  ratedAt?: string;
  deviceId?: string;
}

export const evaluationHandlers: HandlerTable = {
  createEvaluation: {
    idempotent: true,
    async authorise(ctx) {
      const body = ctx.request.body as EvaluationCreate;
      if (body.target.kind !== 'case') return;
      if (ctx.caller.kind === 'staff' && !ctx.request.headers['X-Query-Code']) {
        throw new ProblemError(401, 'unauthorized', { detailKey: 'problem.caseCredentialRequired' });
      }
      await loadCaseWithAccess(ctx, ctx.db, body.target.caseNumber, { staff: false });
    },
    async run(ctx, trx) {
      const body = ctx.request.body as EvaluationCreate;
      const now = ctx.now;
      const ratedAt = body.ratedAt ? new Date(body.ratedAt) : now;
      if (
        now.getTime() - ratedAt.getTime() > maxQueueAgeMs ||
        ratedAt.getTime() - now.getTime() > maxClockSkewMs
      ) {
        throw problems.validation([
          { pointer: '/ratedAt', code: 'ratedAt', messageKey: 'validation.ratedAt' },
        ]);
      }
      let itemCode: string;
      let caseNumber: string | null = null;
      let department: EvaluationDetails['department'];
      let itemName: EvaluationDetails['itemName'];
      if (body.target.kind === 'case') {
        // Locking the case serialises concurrent first ratings of it (一事一评).
        const row = await trx
          .selectFrom('cases')
          .select(['number', 'item_code', 'details'])
          .where('number', '=', body.target.caseNumber)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const details = parse<CaseDetails>(row.details);
        caseNumber = row.number;
        itemCode = row.item_code;
        department = details.department;
        itemName = details.itemName;
        const existing = await trx
          .selectFrom('evaluations')
          .select(['id', 'level'])
          .where('case_number', '=', caseNumber)
          .where('follow_up_of', 'is', null)
          .executeTakeFirst();
        if (existing && !body.followUpOf) throw alreadyRated(existing);
        if (body.followUpOf && (!existing || existing.id !== body.followUpOf)) {
          throw problems.validation(
            [{ pointer: '/followUpOf', code: 'not_found', messageKey: 'validation.followUpOf' }],
            422,
          );
        }
      } else {
        const item = await trx
          .selectFrom('items')
          .select(['code', 'name', 'document', 'translations'])
          .where('code', '=', body.target.itemCode)
          .executeTakeFirst();
        if (!item)
          throw new ProblemError(404, 'not_found', {
            detailKey: 'problem.itemNotFound',
            params: { code: body.target.itemCode },
          });
        itemCode = item.code;
        department = parse<{ department: EvaluationDetails['department'] }>(item.document).department;
        const english = parse<{ en?: { document?: { name?: string } } }>(item.translations).en?.document
          ?.name;
        itemName = { 'zh-CN': item.name, ...(english ? { en: english } : {}) };
        if (body.followUpOf) {
          const original = await trx
            .selectFrom('evaluations')
            .select('id')
            .where('id', '=', body.followUpOf)
            .executeTakeFirst();
          if (!original)
            throw problems.validation(
              [{ pointer: '/followUpOf', code: 'not_found', messageKey: 'validation.followUpOf' }],
              422,
            );
        }
      }
      if (body.followUpOf) {
        const followUp = await trx
          .selectFrom('evaluations')
          .select(['id', 'level'])
          .where('follow_up_of', '=', body.followUpOf)
          .forUpdate()
          .executeTakeFirst();
        if (followUp) throw alreadyRated(followUp);
      }
      const bad = badLevels.has(body.level);
      const day = chinaDay(ratedAt);
      const calendar = await ctx.services.calendar(trx);
      const counted = !body.followUpOf;
      const details: EvaluationDetails = {
        // An item rated with no window keeps an explicit null (the document refuses an empty id).
        target:
          body.target.kind === 'onSite'
            ? { ...body.target, windowId: body.target.windowId ?? null }
            : body.target,
        itemName,
        department,
        reasons: body.reasons ?? [],
        ...(body.reasonText ? { reasonText: body.reasonText } : {}),
        ...(body.followUp ? { followUp: body.followUp } : {}),
        ...(body.comment ? { comment: body.comment } : {}),
        ...(body.deviceId ? { deviceId: body.deviceId } : {}),
        rectification: bad
          ? newRectification(day, !body.anonymous, ctx.services.rectificationDays, calendar)
          : null,
      };
      const row = await trx
        .insertInto('evaluations')
        .values({
          id: newId('ev'),
          case_number: caseNumber,
          item_code: itemCode,
          department_id: department.id,
          channel: body.channel,
          level: body.level,
          bad,
          anonymous: body.anonymous,
          // An anonymous rating keeps no identity at all.
          rater: body.anonymous || !body.rater ? null : JSON.stringify(body.rater),
          follow_up_of: body.followUpOf ?? null,
          counted,
          rectification_state: bad ? 'open' : null,
          details: JSON.stringify(details),
          created_at: now,
          rated_at: ratedAt,
          day,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (counted) {
        const deltas: Partial<Record<Counter, number>> = { [levelCounter[body.level]!]: 1 };
        if (bad && !body.anonymous) deltas.real_name_bad = 1;
        await bump(trx, { day, itemCode, departmentId: department.id }, deltas);
      }
      return jsonResponse(201, evaluationView(row, ctx.locale, chinaDay(now)), {
        Location: `/api/v1/evaluations/${row.id}`,
        'Content-Language': ctx.locale,
      });
    },
  },

  async listEvaluations(ctx) {
    staffOnly(ctx);
    const { query } = ctx.request;
    const limit = (query.limit as number | undefined) ?? 20;
    const offset = decodeCursor(query.cursor, isOffsetCursor)?.o ?? 0;
    let select = ctx.db.selectFrom('evaluations').selectAll();
    if (query.level) select = select.where('level', '=', query.level as string);
    if (query.bad !== undefined) select = select.where('bad', '=', query.bad as boolean);
    if (query.item) select = select.where('item_code', '=', query.item as string);
    if (query.department) select = select.where('department_id', '=', query.department as string);
    if (query.channel) select = select.where('channel', '=', query.channel as string);
    if (query.rectificationState)
      select = select.where('rectification_state', '=', query.rectificationState as string);
    if (query.caseNumber) select = select.where('case_number', '=', query.caseNumber as string);
    if (query.from) select = select.where('day', '>=', query.from as string);
    if (query.to) select = select.where('day', '<=', query.to as string);
    const rows = await select
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .offset(offset)
      .execute();
    const today = chinaDay(ctx.now);
    return ok({
      items: rows.slice(0, limit).map((row) => evaluationView(row, ctx.locale, today)),
      nextCursor: rows.length > limit ? encodeCursor({ o: offset + limit }) : null,
    });
  },

  async getEvaluationSummary(ctx) {
    const { query } = ctx.request;
    const item = query.item as string | undefined;
    const department = query.department as string | undefined;
    const from = query.from as string | undefined;
    const to = query.to as string | undefined;
    let scope = 'all';
    let mismatch = false;
    if (item) {
      scope = `item:${item}`;
      if (department) {
        const owner = await ctx.db
          .selectFrom('items')
          .select('department_id')
          .where('code', '=', item)
          .executeTakeFirst();
        mismatch = owner !== undefined && owner.department_id !== department;
      }
    } else if (department) {
      scope = `department:${department}`;
    }
    let select = ctx.db
      .selectFrom('evaluation_daily')
      .select([
        sql<number>`coalesce(sum(very_satisfied), 0)::int`.as('verySatisfied'),
        sql<number>`coalesce(sum(satisfied), 0)::int`.as('satisfied'),
        sql<number>`coalesce(sum(basically_satisfied), 0)::int`.as('basicallySatisfied'),
        sql<number>`coalesce(sum(dissatisfied), 0)::int`.as('dissatisfied'),
        sql<number>`coalesce(sum(very_dissatisfied), 0)::int`.as('veryDissatisfied'),
        sql<number>`coalesce(sum(rectified), 0)::int`.as('rectified'),
        sql<number>`coalesce(sum(real_name_bad), 0)::int`.as('realNameBad'),
        sql<number>`coalesce(sum(called_back), 0)::int`.as('calledBack'),
        sql<number>`coalesce(sum(excluded), 0)::int`.as('excluded'),
      ])
      .where('scope', '=', scope);
    if (from) select = select.where('day', '>=', from);
    if (to) select = select.where('day', '<=', to);
    const zero = {
      verySatisfied: 0,
      satisfied: 0,
      basicallySatisfied: 0,
      dissatisfied: 0,
      veryDissatisfied: 0,
      rectified: 0,
      realNameBad: 0,
      calledBack: 0,
      excluded: 0,
    };
    const sums = mismatch ? zero : ((await select.executeTakeFirst()) ?? zero);
    const counts = {
      verySatisfied: sums.verySatisfied,
      satisfied: sums.satisfied,
      basicallySatisfied: sums.basicallySatisfied,
      dissatisfied: sums.dissatisfied,
      veryDissatisfied: sums.veryDissatisfied,
    };
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const badCount = counts.dissatisfied + counts.veryDissatisfied;
    const ratio = (part: number, whole: number) =>
      whole === 0 ? null : Math.round((part / whole) * 10000) / 10000;
    return fastResponse(
      ctx,
      200,
      JSON.stringify({
        scope: {
          ...(item ? { itemCode: item } : {}),
          ...(department ? { department } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
        },
        counts,
        total,
        satisfactionRate: ratio(counts.verySatisfied + counts.satisfied + counts.basicallySatisfied, total),
        badCount,
        rectificationRate: ratio(sums.rectified, badCount),
        callbackRate: ratio(sums.calledBack, sums.realNameBad),
        excludedCount: sums.excluded,
      }),
    );
  },

  async getEvaluation(ctx) {
    staffOnly(ctx);
    const row = await ctx.db
      .selectFrom('evaluations')
      .selectAll()
      .where('id', '=', ctx.request.path.evaluationId as string)
      .executeTakeFirst();
    if (!row) throw problems.notFound('problem.evaluationNotFound');
    return ok(evaluationView(row, ctx.locale, chinaDay(ctx.now)));
  },

  recordRectificationAction: {
    idempotent: true,
    async authorise(ctx) {
      staffOnly(ctx);
    },
    async run(ctx, trx) {
      const body = ctx.request.body as {
        action: RectificationStep;
        reached?: boolean;
        calledAt?: string;
        note?: string;
        measures?: string;
        explanation?: string;
        reason?: string;
        opinion?: string;
      };
      const row = await trx
        .selectFrom('evaluations')
        .selectAll()
        .where('id', '=', ctx.request.path.evaluationId as string)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw problems.notFound('problem.evaluationNotFound');
      const details = parse<EvaluationDetails>(row.details);
      const rectification = details.rectification;
      const stateName = (state: string) => message(ctx.locale, `rectification.${state}`);
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
          params: { from: stateName(rectification.state) },
        });
      }
      const now = ctx.now;
      const at = chinaTime(now);
      const deltas: Partial<Record<Counter, number>> = {};
      let counted = row.counted;
      if (body.action === 'callback' && !rectification.calledBackAt) {
        rectification.calledBackAt = body.calledAt ? chinaTime(new Date(body.calledAt)) : at;
        if (row.counted) deltas.called_back = 1;
      }
      if ((body.action === 'rectify' || body.action === 'explain') && !rectification.closedAt) {
        rectification.closedAt = at;
        if (row.counted) deltas.rectified = 1;
      }
      if (body.action === 'acceptAppeal' && row.counted) {
        // An accepted appeal takes the review out of the published figures.
        counted = false;
        deltas[levelCounter[row.level]!] = -1;
        deltas.excluded = 1;
        if (!row.anonymous) deltas.real_name_bad = -1;
        if (rectification.calledBackAt) deltas.called_back = -1;
      }
      rectification.state = step.to;
      const note = body.note ?? body.measures ?? body.explanation ?? body.reason ?? body.opinion;
      rectification.history.push({
        at,
        action: body.action,
        stateAfter: step.to,
        staff: { id: 'staff', name: ctx.services.staffName },
        ...(note ? { note } : {}),
      });
      const updated = await trx
        .updateTable('evaluations')
        .set({ details: JSON.stringify(details), rectification_state: step.to, counted })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await bump(trx, { day: row.day, itemCode: row.item_code, departmentId: row.department_id }, deltas);
      return jsonResponse(200, evaluationView(updated, ctx.locale, chinaDay(now)), {
        'Content-Language': ctx.locale,
      });
    },
  },
};
