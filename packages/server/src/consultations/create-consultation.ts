import type { Transaction } from 'kysely';
import { hashQueryCode, newQueryCode } from '../cases/query-code.js';
import type { DatabaseSchema } from '../db/schema-types.js';
import { readColumn } from '../db/json-columns.js';
import { requestHeader } from '../http/headers.js';
import type { IdempotentHandler, OperationContext } from '../http/operation.js';
import { problems } from '../http/problem.js';
import { translate } from '../i18n/messages.js';
import { normalizeMobile } from '@banshi/sdk/forms';
import { askerIndex } from './access.js';
import { consultationView } from './consultation-view.js';
import { answerDue, newConsultationNumber, readsLikeComplaint } from './rules.js';
import './messages.js';

type Ctx = OperationContext<'createConsultation'>;
type Trx = Transaction<DatabaseSchema>;

/** What is asked: an item (and its department), or a department alone. */
async function subjectOf(ctx: Ctx, trx: Trx) {
  const { itemCode, departmentId } = ctx.request.body;
  if (itemCode) {
    const item = await trx
      .selectFrom('items')
      .select(['code', 'name', 'department_id', 'department_name'])
      .where('code', '=', itemCode)
      .executeTakeFirst();
    if (!item) throw problems.itemNotFound(itemCode);
    return {
      item_code: item.code,
      item_name: item.name,
      department_id: item.department_id,
      department_name: item.department_name,
    };
  }
  if (!departmentId)
    throw problems.validation(
      [{ pointer: '/itemCode', code: 'required', messageKey: 'consultation.subjectRequired' }],
      422,
    );
  const department = await trx
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('id', '=', departmentId)
    .executeTakeFirst();
  if (!department) throw problems.notFound('consultation.departmentNotFound', { id: departmentId });
  return { item_code: null, item_name: null, department_id: department.id, department_name: department.name };
}

/** The attachment, when one is named: an upload of the caller's form session not yet part of anything. */
async function attachmentOf(ctx: Ctx, trx: Trx): Promise<string | null> {
  const { uploadId } = ctx.request.body;
  if (!uploadId) return null;
  const session = ctx.services.formSessions.verify(requestHeader(ctx.c, 'x-form-session'), ctx.now);
  const upload = await trx
    .selectFrom('uploads')
    .select(['id', 'extra', 'case_number'])
    .where('id', '=', uploadId)
    .executeTakeFirst();
  const usable =
    session &&
    upload &&
    upload.case_number === null &&
    readColumn.uploadExtra(upload.extra).formSession === session.id;
  if (!usable)
    throw problems.validation(
      [{ pointer: '/uploadId', code: 'not_found', messageKey: 'consultation.uploadNotFound' }],
      422,
    );
  return upload.id;
}

/** 我要问: records a question, due within the local rule's working days, and answers its query code once. */
export const createConsultation: IdempotentHandler<'createConsultation'> = {
  idempotent: true,
  async run(ctx, trx) {
    const body = ctx.request.body;
    const subject = await subjectOf(ctx, trx);
    const uploadId = await attachmentOf(ctx, trx);
    const calendar = await ctx.services.calendar(trx);
    const code = newQueryCode();
    const { salt, hash } = await hashQueryCode(code);
    const row = {
      number: newConsultationNumber(ctx.now),
      ...subject,
      question: body.question.trim(),
      mobile: body.mobile ? normalizeMobile(body.mobile) : null,
      owner_index: askerIndex(ctx) ?? null,
      upload_id: uploadId,
      query_code_salt: salt,
      query_code_hash: hash,
      asked_at: ctx.now,
      answer_due: answerDue(ctx.now, ctx.services.rules.consultationAnswerDays, calendar),
      answer: null,
      answered_at: null,
      answered_by: null,
      out_of_remit: false,
      follow_up: null,
      follow_up_at: null,
      follow_up_due: null,
      follow_up_answer: null,
      follow_up_answered_at: null,
      published: false,
    };
    await trx.insertInto('consultations').values(row).execute();
    return {
      status: 201,
      headers: { Location: `/api/v1/consultations/${row.number}` },
      body: {
        ...consultationView(row, ctx.now),
        queryCode: code,
        ...(readsLikeComplaint(row.question)
          ? { hotlineHint: translate(ctx.locale, 'consultation.hotline') }
          : {}),
      },
    };
  },
};
