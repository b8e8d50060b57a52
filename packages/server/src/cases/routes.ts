import { sql, type Transaction } from 'kysely';
import {
  formatError,
  isValidCreditCode,
  isValidIdCardNumber,
  translate,
  validateForm,
  type FormDefinition,
  type FormError,
} from '@banshi/sdk/forms';
import { addWorkingDays, chinaDay, workingDaysBetween, type WorkCalendar } from '../calendar/working-days.js';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { Locale } from '../i18n/locale.js';
import { translate as message } from '../i18n/messages.js';
import type { HandlerTable, OperationContext } from '../http/operation.js';
import { jsonResponse } from '../http/operation.js';
import { decodeCursor, encodeCursor, isOffsetCursor } from '../http/pagination.js';
import { ProblemError, problems, type FieldErrorKey } from '../http/problem.js';
import { escapeLike } from '../items/search-terms.js';
import { loadCaseWithAccess } from './access.js';
import { nextCaseNumber } from './case-number.js';
import {
  caseView,
  chinaTime,
  type CaseDetails,
  type CaseRow,
  type StoredApplicant,
  type StoredMaterial,
} from './case-view.js';
import { promisedDeadline } from './deadlines.js';
import { hashQueryCode, newApplicantToken, newQueryCode } from './query-code.js';
import { nextState, openStates, type CaseAction, type CaseState } from './state-machine.js';

type Db = Transaction<DatabaseSchema>;
type MaterialSubmission = {
  materialId: string;
  provision: 'upload' | 'deferred' | 'eLicence';
  uploadIds?: string[];
};

const locales: Locale[] = ['zh-CN', 'en'];
const defaultDeferDays = 5;

function parse<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function ok(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/** The evaluation of a case (一事一评), if it has been rated. */
async function evaluationIdOf(db: Db | OperationContext['db'], caseNumber: string): Promise<string | null> {
  const row = await db
    .selectFrom('evaluations')
    .select('id')
    .where('case_number', '=', caseNumber)
    .where('follow_up_of', 'is', null)
    .executeTakeFirst();
  return row?.id ?? null;
}

async function viewOf(
  ctx: OperationContext,
  db: Db | OperationContext['db'],
  row: CaseRow,
  calendar?: WorkCalendar,
) {
  return caseView(row, {
    locale: ctx.locale,
    now: ctx.now,
    calendar: calendar ?? (await ctx.services.calendar(db)),
    evaluationId: await evaluationIdOf(db, row.number),
  });
}

/** Maps the form engine's error codes to the document's `FieldError` codes. */
const formCodes: Record<string, string> = {
  'format.cn-id-card': 'cn_id_card',
  'format.cn-uscc': 'cn_credit_code',
  'format.cn-mobile': 'cn_mobile',
  'format.cn-postal-code': 'cn_postal_code',
  'format.cn-region-code': 'region_code',
  'material.required': 'material_missing',
  'commitment.required': 'commitment_required',
};

/** Form errors as field errors pointing into the request body (`/formData/applicant/idNumber`). */
function formErrors(
  errors: FormError[],
  definition: FormDefinition,
  locale: Locale,
  dataPointer = '/formData',
): FieldErrorKey[] {
  return errors.map((error) => ({
    pointer: error.pointer.startsWith('#materials/')
      ? '/materials'
      : error.pointer === '#commitment'
        ? '/commitmentAccepted'
        : `${dataPointer}${error.pointer}`,
    code: formCodes[error.code] ?? error.code.replace(/\./g, '_'),
    messageKey: 'validation.invalid',
    message: formatError(error, locale, definition),
  }));
}

function unprocessable(errors: FieldErrorKey[]): ProblemError {
  return problems.validation(errors, 422);
}

/** Checks material submissions against the form and the stored uploads; returns uploads by material. */
async function checkMaterials(
  trx: Db,
  definition: FormDefinition,
  submissions: MaterialSubmission[],
  errors: FieldErrorKey[],
  basePointer = '/materials',
) {
  const byMaterial = new Map<string, MaterialSubmission>();
  const uploadIds = submissions.flatMap((s) => s.uploadIds ?? []);
  const uploads = uploadIds.length
    ? await trx
        .selectFrom('uploads')
        .select(['id', 'filename', 'size', 'media_type', 'case_number'])
        .where('id', 'in', uploadIds)
        .execute()
    : [];
  const uploadById = new Map(uploads.map((u) => [u.id, u]));
  submissions.forEach((submission, index) => {
    const pointer = `${basePointer}/${index}`;
    const material = definition.materials?.find((m) => m.id === submission.materialId);
    if (!material) {
      errors.push({
        pointer: `${pointer}/materialId`,
        code: 'enum',
        messageKey: 'validation.unknownMaterial',
      });
      return;
    }
    if (byMaterial.has(submission.materialId)) {
      errors.push({
        pointer: `${pointer}/materialId`,
        code: 'uniqueItems',
        messageKey: 'validation.duplicateMaterial',
      });
      return;
    }
    byMaterial.set(submission.materialId, submission);
    if (submission.provision === 'deferred' && material.necessity !== 'deferrable') {
      errors.push({
        pointer: `${pointer}/provision`,
        code: 'not_deferrable',
        messageKey: 'validation.notDeferrable',
      });
    }
    if (submission.provision === 'eLicence' && !material.eLicence) {
      errors.push({
        pointer: `${pointer}/provision`,
        code: 'not_e_licence',
        messageKey: 'validation.notELicence',
      });
    }
    (submission.uploadIds ?? []).forEach((id, uploadIndex) => {
      const upload = uploadById.get(id);
      const uploadPointer = `${pointer}/uploadIds/${uploadIndex}`;
      if (!upload || (upload.case_number !== null && upload.case_number !== undefined)) {
        errors.push({
          pointer: uploadPointer,
          code: 'upload_not_found',
          messageKey: 'validation.uploadNotFound',
        });
      } else if (material.accept?.length && !material.accept.includes(upload.media_type)) {
        errors.push({
          pointer: uploadPointer,
          code: 'upload_rejected',
          messageKey: 'validation.fileType',
          params: { accepted: material.accept.join(', ') },
        });
      } else if (material.maxBytes && Number(upload.size) > material.maxBytes) {
        errors.push({
          pointer: uploadPointer,
          code: 'upload_rejected',
          messageKey: 'validation.fileSize',
          params: { limit: material.maxBytes },
        });
      }
    });
  });
  return { byMaterial, uploadById };
}

function uploadRefs(
  ids: string[],
  uploadById: Map<string, { id: string; filename: string | null; size: number; media_type: string }>,
) {
  return ids.map((id) => {
    const upload = uploadById.get(id)!;
    return { id, name: upload.filename ?? 'upload', size: Number(upload.size), mediaType: upload.media_type };
  });
}

function materialNames(definition: FormDefinition, key: string): Partial<Record<Locale, string>> {
  return Object.fromEntries(locales.map((locale) => [locale, translate(definition, key, locale)]));
}

function checkIdentity(applicant: StoredApplicant, agent: CaseDetails['agent'], errors: FieldErrorKey[]) {
  if (
    applicant.kind === 'person' &&
    applicant.idType === 'residentIdCard' &&
    !isValidIdCardNumber(applicant.idNumber)
  ) {
    errors.push({ pointer: '/applicant/idNumber', code: 'cn_id_card', messageKey: 'validation.idCard' });
  }
  if (applicant.kind === 'organisation' && !isValidCreditCode(applicant.creditCode)) {
    errors.push({
      pointer: '/applicant/creditCode',
      code: 'cn_credit_code',
      messageKey: 'validation.creditCode',
    });
  }
  if (agent && agent.idType === 'residentIdCard' && !isValidIdCardNumber(agent.idNumber)) {
    errors.push({ pointer: '/agent/idNumber', code: 'cn_id_card', messageKey: 'validation.idCard' });
  }
}

async function addEvent(
  trx: Db,
  caseNumber: string,
  event: {
    at: Date;
    from: string | null;
    to: string;
    action: string;
    actor: 'applicant' | 'staff' | 'system';
    opinion?: string;
    staffName?: string;
  },
) {
  await trx
    .insertInto('case_events')
    .values({
      case_number: caseNumber,
      at: event.at,
      from_status: event.from,
      to_status: event.to,
      actor: event.actor,
      opinion: event.opinion ?? null,
      detail: JSON.stringify({
        action: event.action,
        ...(event.staffName ? { staffName: event.staffName } : {}),
      }),
    })
    .execute();
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

function stateName(state: string, locale: Locale): string {
  return message(locale, `state.${state}`);
}

function invalidTransition(state: string, locale: Locale): ProblemError {
  return new ProblemError(409, 'invalid_transition', {
    titleKey: 'problem.conflict',
    detailKey: 'problem.invalidTransition',
    params: { from: stateName(state, locale) },
  });
}

async function lockCase(trx: Db, caseNumber: string) {
  return trx.selectFrom('cases').selectAll().where('number', '=', caseNumber).forUpdate().executeTakeFirst();
}

/** Deferred materials get their deadline from the day of acceptance (or submission, until then). */
function withDeferredDeadlines(
  materials: StoredMaterial[],
  from: Date,
  calendar: WorkCalendar,
): StoredMaterial[] {
  return materials.map((material) =>
    material.provision === 'deferred' && material.status === 'deferred'
      ? {
          ...material,
          deferredUntil: addWorkingDays(chinaDay(from), material.deferDays ?? defaultDeferDays, calendar),
        }
      : material,
  );
}

/**
 * Whether an answer fits its situation: one known option id for a single-choice question; for a
 * question with `multiple`, an array of known option ids, none twice.
 */
function answersSituation(
  situation: { multiple?: boolean; options: { id: string }[] },
  answer: string | string[],
): boolean {
  const known = (id: string) => situation.options.some((o) => o.id === id);
  if (!situation.multiple) return typeof answer === 'string' && known(answer);
  return Array.isArray(answer) && answer.every(known) && new Set(answer).size === answer.length;
}

export const caseHandlers: HandlerTable = {
  createCase: {
    idempotent: true,
    async run(ctx, trx) {
      const body = ctx.request.body as {
        itemCode: string;
        formVersion: string;
        applicant: StoredApplicant;
        agent?: CaseDetails['agent'];
        situationAnswers: Record<string, string | string[]>;
        formData: Record<string, unknown>;
        materials: MaterialSubmission[];
        commitmentAccepted: boolean;
        delivery: {
          method: 'window' | 'mail';
          windowId?: string;
          address?: CaseDetails['delivery']['address'];
        };
      };
      const item = await trx
        .selectFrom('items')
        .select([
          'code',
          'name',
          'region_code',
          'department_id',
          'status',
          'document',
          'form',
          'translations',
        ])
        .where('code', '=', body.itemCode)
        .executeTakeFirst();
      if (!item)
        throw new ProblemError(404, 'not_found', {
          detailKey: 'problem.itemNotFound',
          params: { code: body.itemCode },
        });
      const definition = parse<FormDefinition | null>(item.form);
      if (!definition || item.status !== 'active') {
        throw unprocessable([
          { pointer: '/itemCode', code: 'not_applicable', messageKey: 'problem.itemNotApplicable' },
        ]);
      }
      if (body.formVersion !== definition.version) {
        throw unprocessable([
          {
            pointer: '/formVersion',
            code: 'form_version_outdated',
            messageKey: 'validation.formVersion',
            params: { version: definition.version },
          },
        ]);
      }
      const errors: FieldErrorKey[] = [];
      for (const [situationId, answer] of Object.entries(body.situationAnswers)) {
        const situation = definition.situations?.find((s) => s.id === situationId);
        if (!situation || !answersSituation(situation, answer)) {
          errors.push({
            pointer: `/situationAnswers/${situationId}`,
            code: 'situation_unknown',
            messageKey: 'validation.situationUnknown',
          });
        }
      }
      checkIdentity(body.applicant, body.agent, errors);
      const { byMaterial, uploadById } = await checkMaterials(trx, definition, body.materials, errors);
      const uploadsByMaterial = Object.fromEntries(
        [...byMaterial.values()].map((s) => [
          s.materialId,
          s.provision === 'upload' ? (s.uploadIds ?? []) : [s.provision],
        ]),
      );
      const verdict = validateForm(definition, {
        data: body.formData as never,
        situation: body.situationAnswers,
        materials: uploadsByMaterial,
        commitmentAccepted: body.commitmentAccepted,
      });
      errors.push(...formErrors(verdict.errors, definition, ctx.locale));
      // A submitted material that does not apply to these answers is a mistake worth naming.
      body.materials.forEach((submission, index) => {
        const applies = verdict.form.materials.some((m) => m.id === submission.materialId);
        if (!applies && definition.materials?.some((m) => m.id === submission.materialId)) {
          errors.push({
            pointer: `/materials/${index}/materialId`,
            code: 'not_applicable',
            messageKey: 'validation.materialNotApplicable',
          });
        }
      });
      if (errors.length > 0) throw unprocessable(errors);

      const now = ctx.now;
      const calendar = await ctx.services.calendar(trx);
      const materials: StoredMaterial[] = [];
      for (const material of verdict.form.materials) {
        const submission = byMaterial.get(material.id);
        const base = {
          materialId: material.id,
          names: materialNames(definition, material.name),
          uploads: [],
          deferredUntil: null,
        };
        if (submission?.provision === 'upload') {
          materials.push({
            ...base,
            provision: 'upload',
            status: 'provided',
            uploads: uploadRefs(submission.uploadIds ?? [], uploadById),
          });
        } else if (submission?.provision === 'eLicence' || (!submission && material.eLicence)) {
          materials.push({ ...base, provision: 'eLicence', status: 'fetched' });
        } else if (
          submission?.provision === 'deferred' ||
          (!submission && material.necessity === 'deferrable')
        ) {
          materials.push({
            ...base,
            provision: 'deferred',
            status: 'deferred',
            deferDays: material.deferDays ?? defaultDeferDays,
          });
        }
      }
      const document = parse<{
        promisedTimeLimit?: CaseDetails['timeLimit'];
        processingType?: string;
        department: CaseDetails['department'];
      }>(item.document);
      const translations = parse<{ en?: { document?: { name?: string } } }>(item.translations);
      const details: CaseDetails = {
        formVersion: definition.version,
        itemName: {
          'zh-CN': item.name,
          ...(translations.en?.document?.name ? { en: translations.en.document.name } : {}),
        },
        department: document.department,
        timeLimit: document.processingType === 'immediate' ? null : (document.promisedTimeLimit ?? null),
        ...(body.agent ? { agent: body.agent } : {}),
        situationAnswers: body.situationAnswers,
        commitmentAccepted: body.commitmentAccepted,
        delivery: { ...body.delivery, deliveredAt: null },
        corrections: [],
        suspension: null,
        decision: null,
      };
      const number = await nextCaseNumber(trx, item.region_code, now);
      const queryCode = newQueryCode();
      const { salt, hash } = await hashQueryCode(queryCode);
      const token = newApplicantToken();
      const applicantName = body.applicant.name;
      const row = await trx
        .insertInto('cases')
        .values({
          number,
          item_code: item.code,
          department_id: item.department_id,
          status: 'submitted',
          applicant_name: applicantName,
          applicant: JSON.stringify(body.applicant),
          form_data: JSON.stringify(verdict.data),
          materials: JSON.stringify(withDeferredDeadlines(materials, now, calendar)),
          details: JSON.stringify(details),
          query_code_salt: salt,
          query_code_hash: hash,
          applicant_token_hash: token.hash,
          submitted_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const attached = [...uploadById.keys()];
      if (attached.length)
        await trx.updateTable('uploads').set({ case_number: number }).where('id', 'in', attached).execute();
      await addEvent(trx, number, {
        at: now,
        from: null,
        to: 'submitted',
        action: 'submit',
        actor: 'applicant',
      });
      const view = caseView(row, { locale: ctx.locale, now, calendar, evaluationId: null });
      return jsonResponse(
        201,
        { caseNumber: number, queryCode, applicantToken: token.token, case: view },
        { Location: `/api/v1/cases/${number}`, 'Content-Language': ctx.locale },
      );
    },
  },

  async listCases(ctx) {
    staffOnly(ctx);
    const { query } = ctx.request;
    const limit = (query.limit as number | undefined) ?? 20;
    const offset = decodeCursor(query.cursor, isOffsetCursor)?.o ?? 0;
    const today = chinaDay(ctx.now);
    let select = ctx.db.selectFrom('cases').selectAll();
    if (query.state) select = select.where('status', '=', query.state as string);
    if (query.item) select = select.where('item_code', '=', query.item as string);
    if (query.department) select = select.where('department_id', '=', query.department as string);
    if (query.submittedFrom)
      select = select.where(
        'submitted_at',
        '>=',
        new Date(`${query.submittedFrom as string}T00:00:00+08:00`),
      );
    if (query.submittedTo)
      select = select.where(
        'submitted_at',
        '<',
        new Date(new Date(`${query.submittedTo as string}T00:00:00+08:00`).getTime() + 86_400_000),
      );
    if (query.q) {
      const q = escapeLike(query.q as string);
      select = select.where((eb) =>
        eb.or([eb('number', 'like', `${q}%`), eb('applicant_name', 'like', `%${q}%`)]),
      );
    }
    if (query.overdue !== undefined) {
      const overdue = sql<boolean>`(due_date is not null and (case when concluded_at is not null then (concluded_at at time zone 'Asia/Shanghai')::date > due_date else status in ('accepted', 'suspended') and ${today}::date > due_date end))`;
      select = select.where(query.overdue ? overdue : sql<boolean>`not ${overdue}`);
    }
    const rows = await select
      .orderBy('submitted_at', 'desc')
      .orderBy('number', 'desc')
      .limit(limit + 1)
      .offset(offset)
      .execute();
    const calendar = await ctx.services.calendar();
    const items = [];
    for (const row of rows.slice(0, limit)) items.push(await viewOf(ctx, ctx.db, row, calendar));
    return ok({ items, nextCursor: rows.length > limit ? encodeCursor({ o: offset + limit }) : null });
  },

  async getCase(ctx) {
    const { row } = await loadCaseWithAccess(ctx, ctx.db, ctx.request.path.caseNumber as string, {
      staff: true,
    });
    return ok(await viewOf(ctx, ctx.db, row));
  },

  async listCaseTimeline(ctx) {
    const { row } = await loadCaseWithAccess(ctx, ctx.db, ctx.request.path.caseNumber as string, {
      staff: true,
    });
    const limit = (ctx.request.query.limit as number | undefined) ?? 20;
    const offset = decodeCursor(ctx.request.query.cursor, isOffsetCursor)?.o ?? 0;
    const events = await ctx.db
      .selectFrom('case_events')
      .selectAll()
      .where('case_number', '=', row.number)
      .orderBy('id')
      .limit(limit + 1)
      .offset(offset)
      .execute();
    const details = parse<CaseDetails>(row.details);
    const items = events.slice(0, limit).map((event) => {
      const detail = parse<{ action: string; staffName?: string } | null>(event.detail);
      const actor = event.actor as 'applicant' | 'staff' | 'system';
      return {
        id: String(event.id),
        at: chinaTime(event.at),
        action: detail?.action ?? 'submit',
        stateAfter: event.to_status,
        actor: {
          kind: actor,
          office: actor === 'staff' ? details.department.name : message(ctx.locale, `actor.${actor}`),
          ...(detail?.staffName ? { staffName: detail.staffName } : {}),
        },
        ...(event.opinion ? { opinion: event.opinion } : {}),
      };
    });
    return ok({ items, nextCursor: events.length > limit ? encodeCursor({ o: offset + limit }) : null });
  },

  submitCaseCorrection: {
    idempotent: true,
    async authorise(ctx) {
      if (ctx.caller.kind === 'staff' && !ctx.request.headers['X-Query-Code'])
        throw new ProblemError(401, 'unauthorized', { detailKey: 'problem.caseCredentialRequired' });
      await loadCaseWithAccess(ctx, ctx.db, ctx.request.path.caseNumber as string, { staff: false });
    },
    async run(ctx, trx) {
      const body = ctx.request.body as {
        materials: MaterialSubmission[];
        formData?: Record<string, unknown>;
        note?: string;
      };
      const row = (await lockCase(trx, ctx.request.path.caseNumber as string))!;
      const state = row.status as CaseState;
      const item = await trx
        .selectFrom('items')
        .select(['form'])
        .where('code', '=', row.item_code)
        .executeTakeFirstOrThrow();
      const definition = parse<FormDefinition>(item.form);
      const stored = parse<StoredMaterial[]>(row.materials);
      const details = parse<CaseDetails>(row.details);
      const today = chinaDay(ctx.now);
      // Outside a requested correction, only deferred materials (容缺后补) may be handed in, before their deadline.
      const deferredOnly =
        state !== 'correctionRequested' &&
        openStates.includes(state) &&
        body.formData === undefined &&
        body.materials.length > 0 &&
        body.materials.every((submission) => {
          const material = stored.find((m) => m.materialId === submission.materialId);
          return (
            material?.status === 'deferred' &&
            submission.provision === 'upload' &&
            (!material.deferredUntil || today <= material.deferredUntil)
          );
        });
      if (state !== 'correctionRequested' && !deferredOnly) throw invalidTransition(state, ctx.locale);
      const errors: FieldErrorKey[] = [];
      const { uploadById } = await checkMaterials(trx, definition, body.materials, errors);
      let formData = parse<Record<string, unknown>>(row.form_data);
      if (body.formData !== undefined) {
        const verdict = validateForm(definition, {
          data: body.formData as never,
          situation: details.situationAnswers,
        });
        errors.push(...formErrors(verdict.errors, definition, ctx.locale));
        formData = verdict.data;
      }
      if (errors.length > 0) throw unprocessable(errors);
      const materials = stored.map((material) => {
        const submission = body.materials.find((s) => s.materialId === material.materialId);
        if (!submission) return material;
        if (submission.provision === 'upload') {
          return {
            ...material,
            provision: 'upload' as const,
            status: 'provided' as const,
            uploads: uploadRefs(submission.uploadIds ?? [], uploadById),
            deferredUntil: null,
          };
        }
        return {
          ...material,
          provision: submission.provision,
          status: submission.provision === 'eLicence' ? ('fetched' as const) : material.status,
        };
      });
      for (const submission of body.materials) {
        if (
          !materials.some((m) => m.materialId === submission.materialId) &&
          submission.provision === 'upload'
        ) {
          const material = definition.materials!.find((m) => m.id === submission.materialId)!;
          materials.push({
            materialId: material.id,
            names: materialNames(definition, material.name),
            provision: 'upload',
            status: 'provided',
            uploads: uploadRefs(submission.uploadIds ?? [], uploadById),
            deferredUntil: null,
          });
        }
      }
      const now = ctx.now;
      const newState: CaseState = deferredOnly ? state : 'submitted';
      if (!deferredOnly) {
        const open = details.corrections.find((c) => c.fulfilledAt === null);
        if (open) open.fulfilledAt = chinaTime(now);
      }
      const attached = [...uploadById.keys()];
      if (attached.length)
        await trx
          .updateTable('uploads')
          .set({ case_number: row.number })
          .where('id', 'in', attached)
          .execute();
      const updated = await trx
        .updateTable('cases')
        .set({
          status: newState,
          materials: JSON.stringify(materials),
          form_data: JSON.stringify(formData),
          details: JSON.stringify(details),
          updated_at: now,
        })
        .where('number', '=', row.number)
        .returningAll()
        .executeTakeFirstOrThrow();
      await addEvent(trx, row.number, {
        at: now,
        from: state,
        to: newState,
        action: deferredOnly ? 'submitDeferredMaterial' : 'submitCorrection',
        actor: 'applicant',
        opinion: body.note,
      });
      return jsonResponse(200, await viewOf(ctx, trx, updated), { 'Content-Language': ctx.locale });
    },
  },

  withdrawCase: {
    idempotent: true,
    async authorise(ctx) {
      if (ctx.caller.kind === 'staff' && !ctx.request.headers['X-Query-Code'])
        throw new ProblemError(401, 'unauthorized', { detailKey: 'problem.caseCredentialRequired' });
      await loadCaseWithAccess(ctx, ctx.db, ctx.request.path.caseNumber as string, { staff: false });
    },
    async run(ctx, trx) {
      const body = (ctx.request.body ?? {}) as { reason?: string };
      const row = (await lockCase(trx, ctx.request.path.caseNumber as string))!;
      const state = row.status as CaseState;
      const to = nextState(state, 'withdraw');
      if (!to) throw invalidTransition(state, ctx.locale);
      const updated = await trx
        .updateTable('cases')
        .set({ status: to, updated_at: ctx.now, suspended_at: null })
        .where('number', '=', row.number)
        .returningAll()
        .executeTakeFirstOrThrow();
      await addEvent(trx, row.number, {
        at: ctx.now,
        from: state,
        to,
        action: 'withdraw',
        actor: 'applicant',
        opinion: body.reason,
      });
      return jsonResponse(200, await viewOf(ctx, trx, updated), { 'Content-Language': ctx.locale });
    },
  },

  transitionCase: {
    idempotent: true,
    async authorise(ctx) {
      staffOnly(ctx);
    },
    async run(ctx, trx) {
      const body = ctx.request.body as {
        action: Exclude<CaseAction, 'submitCorrection' | 'withdraw'>;
        opinion?: string;
        reason?: string;
        items?: { materialId?: string; name: string; reason: string }[];
        deadline?: string;
        note?: string;
        resultNumber?: string;
        method?: 'window' | 'mail';
        carrier?: string;
        trackingNumber?: string;
      };
      const row = await lockCase(trx, ctx.request.path.caseNumber as string);
      if (!row) throw new ProblemError(404, 'not_found', { detailKey: 'problem.caseNotFound' });
      const state = row.status as CaseState;
      const to = nextState(state, body.action);
      const details = parse<CaseDetails>(row.details);
      if (!to) throw invalidTransition(state, ctx.locale);
      const now = ctx.now;
      const today = chinaDay(now);
      const calendar = await ctx.services.calendar(trx);
      const changes: Partial<Record<string, unknown>> = { status: to, updated_at: now };
      let materials = parse<StoredMaterial[]>(row.materials);
      switch (body.action) {
        case 'accept': {
          changes.accepted_at = now;
          changes.due_date = details.timeLimit ? promisedDeadline(now, details.timeLimit, 0, calendar) : null;
          materials = withDeferredDeadlines(materials, now, calendar);
          break;
        }
        case 'reject':
          details.decision = { outcome: 'rejected', decidedAt: chinaTime(now), reason: body.reason };
          break;
        case 'requestCorrection': {
          // 一次告知: everything missing is listed once; a second request is not allowed.
          if (details.corrections.length > 0) throw invalidTransition(state, ctx.locale);
          if (body.deadline! < today) {
            throw unprocessable([
              { pointer: '/deadline', code: 'minimum', messageKey: 'validation.deadlinePast' },
            ]);
          }
          details.corrections.push({
            requestedAt: chinaTime(now),
            deadline: body.deadline!,
            ...(body.note ? { note: body.note } : {}),
            items: body.items!,
            fulfilledAt: null,
          });
          const named = new Set(body.items!.map((i) => i.materialId).filter(Boolean));
          materials = materials.map((m) =>
            named.has(m.materialId) ? { ...m, status: 'correctionRequested' as const } : m,
          );
          break;
        }
        case 'suspend':
          changes.suspended_at = now;
          details.suspension = { since: chinaTime(now), reason: body.reason! };
          break;
        case 'resume': {
          const stopped = row.suspended_at
            ? workingDaysBetween(chinaDay(row.suspended_at), today, calendar)
            : 0;
          const suspendedDays = row.suspended_days + stopped;
          changes.suspended_days = suspendedDays;
          changes.suspended_at = null;
          details.suspension = null;
          if (details.timeLimit && row.accepted_at)
            changes.due_date = promisedDeadline(row.accepted_at, details.timeLimit, suspendedDays, calendar);
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
          changes.concluded_at = now;
          break;
        case 'deliver':
          details.delivery = {
            ...details.delivery,
            method: body.method!,
            ...(body.carrier ? { carrier: body.carrier } : {}),
            ...(body.trackingNumber ? { trackingNumber: body.trackingNumber } : {}),
            deliveredAt: chinaTime(now),
          };
          break;
      }
      const updated = await trx
        .updateTable('cases')
        .set({ ...changes, details: JSON.stringify(details), materials: JSON.stringify(materials) } as never)
        .where('number', '=', row.number)
        .returningAll()
        .executeTakeFirstOrThrow();
      await addEvent(trx, row.number, {
        at: now,
        from: state,
        to,
        action: body.action,
        actor: 'staff',
        staffName: ctx.services.staffName,
        opinion: body.opinion ?? body.reason ?? body.note,
      });
      return jsonResponse(200, await viewOf(ctx, trx, updated, calendar), { 'Content-Language': ctx.locale });
    },
  },
};
