import type { Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import { problems } from '../http/problem.js';
import { consultationConflict } from './follow-up.js';
import { consultationNotFound } from './access.js';

/**
 * A question's answer as the subject of a rating (好差评): answered, about an item (its department's
 * figures count it), and rated once; a second rating must follow up the first. The question's row is
 * locked, so two first ratings sent at once cannot both be counted.
 */
export async function ratedConsultation(
  trx: Transaction<DatabaseSchema>,
  number: string,
  followUpOf: string | undefined,
  alreadyRated: (existing: { id: string; level: string }) => Error,
) {
  const row = await trx
    .selectFrom('consultations')
    .select(['number', 'item_code', 'item_name', 'department_id', 'department_name', 'answered_at'])
    .where('number', '=', number)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw consultationNotFound();
  if (!row.answered_at) throw consultationConflict('consultation.notAnswered');
  if (!row.item_code || !row.item_name)
    throw problems.validation(
      [
        {
          pointer: '/target/consultationNumber',
          code: 'not_rateable',
          messageKey: 'consultation.notRateable',
        },
      ],
      422,
    );
  const existing = await trx
    .selectFrom('evaluations')
    .select(['id', 'level'])
    .where('consultation_number', '=', row.number)
    .where('follow_up_of', 'is', null)
    .executeTakeFirst();
  if (existing && !followUpOf) throw alreadyRated(existing);
  if (followUpOf && (!existing || existing.id !== followUpOf))
    throw problems.validation(
      [{ pointer: '/followUpOf', code: 'not_found', messageKey: 'validation.followUpOf' }],
      422,
    );
  return {
    caseNumber: null,
    consultationNumber: row.number,
    itemCode: row.item_code,
    department: { id: row.department_id, name: row.department_name },
    itemName: { 'zh-CN': row.item_name },
  };
}
