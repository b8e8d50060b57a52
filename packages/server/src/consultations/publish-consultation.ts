import { auditActor } from '../audit/audit-entry.js';
import { auditStaff } from '../audit/staff-audit.js';
import { chinaTime } from '../common/china-time.js';
import { newId } from '../common/ids.js';
import { ok, type Handlers } from '../http/operation.js';
import { keysetPageOf, keysetWindow, resumeAfter } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { loadConsultation } from './access.js';
import { consultationConflict } from './follow-up.js';
import { holdsPersonalData } from './rules.js';

type PublishedRow = { id: string; item_code: string; question: string; answer: string; published_at: Date };

/** A published question and answer as the API shows it. */
export function publishedView(row: PublishedRow) {
  return {
    id: row.id,
    itemCode: row.item_code,
    question: row.question,
    answer: row.answer,
    publishedAt: chinaTime(row.published_at),
  };
}

/** Publishing an answered question on its item (staff), and the item's published questions (public). */
export const publicationHandlers: Handlers<'publishConsultation' | 'listPublishedAnswers'> = {
  publishConsultation: {
    idempotent: true,
    async run(ctx, trx) {
      const { row, principal } = await loadConsultation(ctx, trx, ctx.request.path.consultationNumber, {
        staff: 'publishConsultation',
        staffOnly: true,
        lock: true,
      });
      if (!row.answered_at || !row.item_code) throw consultationConflict('consultation.notPublishable');
      if (row.published) throw consultationConflict('consultation.alreadyPublished');
      const { question, answer } = ctx.request.body;
      const leaks = (['question', 'answer'] as const).filter((field) =>
        holdsPersonalData(ctx.request.body[field], row.mobile),
      );
      if (leaks.length > 0)
        throw problems.validation(
          leaks.map((field) => ({
            pointer: `/${field}`,
            code: 'personal_data',
            messageKey: 'consultation.personalData',
          })),
          422,
        );
      const published = {
        id: newId('qa'),
        item_code: row.item_code,
        consultation_number: row.number,
        question: question.trim(),
        answer: answer.trim(),
        published_by: auditActor(principal).id,
        published_at: ctx.now,
      };
      await trx.insertInto('published_answers').values(published).execute();
      await trx
        .updateTable('consultations')
        .set({ published: true })
        .where('number', '=', row.number)
        .execute();
      await auditStaff(trx, ctx, principal!, {
        action: 'staff.action',
        operation: 'publishConsultation',
        target: { type: 'consultation', id: row.number },
        departmentId: row.department_id,
        detail: { publishedAnswer: published.id },
      });
      return { status: 201, body: publishedView(published) };
    },
  },

  async listPublishedAnswers(ctx) {
    const window = keysetWindow(ctx.request.query);
    let select = ctx.db
      .selectFrom('published_answers')
      .select(['id', 'item_code', 'question', 'answer', 'published_at'])
      .where('item_code', '=', ctx.request.path.code);
    if (window.after) select = select.where(resumeAfter('published_at', 'id', window.after));
    const rows = await select
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(window.limit + 1)
      .execute();
    const page = keysetPageOf(rows, window, (row) => ({ t: row.published_at, k: row.id }));
    return ok({ items: page.items.map(publishedView), nextCursor: page.nextCursor });
  },
};
