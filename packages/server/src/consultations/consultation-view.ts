import { chinaDay, chinaTime } from '../common/china-time.js';
import { maskMobile } from '../cases/masking.js';
import type { Schema } from '../http/contract.js';
import { consultationOverdue, consultationState, type ConsultationRow } from './rules.js';

/** An answer as shown, once given. */
function answerView(row: ConsultationRow, text: string | null, at: Date | null) {
  if (text === null || at === null) return {};
  return {
    answer: {
      text,
      answeredAt: chinaTime(at),
      office: row.department_name,
      ...(row.out_of_remit ? { hotline: true } : {}),
    },
  };
}

/** A question as its asker and its office see it: the mobile masked, never the query code. */
export function consultationView(row: ConsultationRow, now: Date): Schema<'Consultation'> {
  return {
    number: row.number,
    ...(row.item_code ? { itemCode: row.item_code } : {}),
    ...(row.item_name ? { itemName: row.item_name } : {}),
    department: { id: row.department_id, name: row.department_name },
    question: row.question,
    askedAt: chinaTime(row.asked_at),
    answerDue: row.answer_due,
    state: consultationState(row),
    overdue: consultationOverdue(row, chinaDay(now)),
    ...(row.mobile ? { mobile: maskMobile(row.mobile) } : {}),
    ...(row.upload_id ? { uploadId: row.upload_id } : {}),
    ...answerView(row, row.answer, row.answered_at),
    ...(row.follow_up && row.follow_up_at && row.follow_up_due
      ? {
          followUp: {
            question: row.follow_up,
            askedAt: chinaTime(row.follow_up_at),
            answerDue: row.follow_up_due,
            ...answerView(row, row.follow_up_answer, row.follow_up_answered_at),
          },
        }
      : {}),
    published: row.published,
  };
}
