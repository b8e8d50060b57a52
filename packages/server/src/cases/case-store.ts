import type { Kysely, Transaction, Updateable } from 'kysely';
import type { WorkCalendar } from '../calendar/working-days.js';
import type { CasesTable, DatabaseSchema } from '../db/schema-types.js';
import type { EventDetail } from '../db/json-columns.js';
import type { ActingStaff } from '../access/acting-staff.js';
import type { Schema } from '../http/contract.js';
import type { CallContext } from '../http/operation.js';
import { ProblemError, problems, type FieldErrorKey } from '../http/problem.js';
import type { Locale } from '../i18n/locale.js';
import { translate as message } from '../i18n/messages.js';
import { caseView, type CaseRow } from './case-view.js';
import { bundleView } from './bundle.js';
import { belongsTo, personOf } from './ownership.js';
import { caseState, type CaseState } from './rules.js';

/** The database, or the transaction of an idempotent call. */
export type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** The evaluation of a case (一事一评), if it has been rated. */
async function evaluationIdOf(db: Db, caseNumber: string): Promise<string | null> {
  const row = await db
    .selectFrom('evaluations')
    .select('id')
    .where('case_number', '=', caseNumber)
    .where('follow_up_of', 'is', null)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The evaluations of many cases in one query: case number → evaluation id (rated cases only). */
export async function evaluationIdsOf(db: Db, caseNumbers: string[]): Promise<Map<string, string>> {
  if (caseNumbers.length === 0) return new Map();
  const rows = await db
    .selectFrom('evaluations')
    .select(['id', 'case_number'])
    .where('case_number', 'in', caseNumbers)
    .where('follow_up_of', 'is', null)
    .execute();
  return new Map(rows.map((row) => [row.case_number!, row.id]));
}

/**
 * The API's `Case` of a row, in the caller's language, with its evaluation (looked up unless a list
 * looked up its page's at once, see {@link evaluationIdsOf}).
 */
export async function viewOf(
  ctx: CallContext,
  db: Db,
  row: CaseRow,
  calendar?: WorkCalendar,
  evaluations?: Map<string, string>,
): Promise<Schema<'Case'>> {
  const person = personOf(ctx.caller);
  const options = {
    locale: ctx.locale,
    now: ctx.now,
    calendar: calendar ?? (await ctx.services.calendar(db)),
  };
  return caseView(row, {
    ...options,
    boundToCaller: !!person && belongsTo(ctx.services.pii, person, row),
    evaluationId: evaluations ? (evaluations.get(row.number) ?? null) : await evaluationIdOf(db, row.number),
    bundle: await bundleView(db, row, options),
  });
}

/** Adds a step to a case's timeline. */
export async function addEvent(
  trx: Db,
  caseNumber: string,
  event: {
    at: Date;
    from: CaseState | null;
    to: CaseState;
    action: EventDetail['action'];
    actor: Schema<'Actor'>['kind'];
    opinion?: string;
    staff?: ActingStaff;
  },
) {
  const detail: EventDetail = { action: event.action, ...(event.staff ? { staff: event.staff } : {}) };
  await trx
    .insertInto('case_events')
    .values({
      case_number: caseNumber,
      at: event.at,
      from_status: event.from,
      to_status: event.to,
      actor: event.actor,
      opinion: event.opinion ?? null,
      detail: JSON.stringify(detail),
    })
    .execute();
}

/** Reads a case for update, with its state. */
export async function lockCase(trx: Db, caseNumber: string) {
  const row = await trx
    .selectFrom('cases')
    .selectAll()
    .where('number', '=', caseNumber)
    .forUpdate()
    .executeTakeFirst();
  return row ? { row, state: caseState(row.status) } : undefined;
}

/** 409: the action is not allowed in the case's state. */
export function invalidTransition(state: CaseState, locale: Locale): ProblemError {
  return new ProblemError(409, 'invalid_transition', {
    titleKey: 'problem.conflict',
    detailKey: 'problem.invalidTransition',
    params: { from: message(locale, `state.${state}`) },
  });
}

/** 422 naming each field that breaks a rule of the item's form. */
export function unprocessable(errors: FieldErrorKey[]): ProblemError {
  return problems.validation(errors, 422);
}

/** Attaches uploads to a case, so they are no longer free for another. */
export async function attachUploads(trx: Db, caseNumber: string, uploadIds: string[]) {
  if (uploadIds.length === 0) return;
  await trx.updateTable('uploads').set({ case_number: caseNumber }).where('id', 'in', uploadIds).execute();
}

/** Changes a case's columns and answers the changed row. */
export async function updateCase(trx: Db, caseNumber: string, changes: Updateable<CasesTable>) {
  return trx
    .updateTable('cases')
    .set(changes)
    .where('number', '=', caseNumber)
    .returningAll()
    .executeTakeFirstOrThrow();
}
