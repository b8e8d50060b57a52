import type { Kysely } from 'kysely';
import { addWorkingDays, chinaDay, type WorkCalendar } from '../calendar/working-days.js';
import type { DatabaseSchema } from '../db/schema-types.js';
import { newId } from '../uploads/routes.js';
import { bumpMany, levelCounter, scopesOf, type Counter } from './aggregates.js';

/** A rating to store as given (a generated or migrated one), with its item and department. */
export interface EvaluationInput {
  body: {
    target: Record<string, unknown> & { kind: string; caseNumber?: string };
    level: string;
    reasons?: string[];
    reasonText?: string;
    followUp?: Record<string, unknown>;
    comment?: string;
    channel: string;
    anonymous: boolean;
    rater?: { name: string; mobile: string };
  };
  createdAt: string;
  itemCode: string;
  departmentId: string;
  departmentName?: string;
  itemName?: string;
}

/**
 * Stores ratings in bulk (for seeding and benchmarks), with the same columns and per-day figures as
 * `POST /evaluations` produces. Returns how many were stored.
 */
export async function importEvaluations(
  db: Kysely<DatabaseSchema>,
  inputs: Iterable<EvaluationInput>,
  calendar: WorkCalendar,
  rectificationDays = 3,
): Promise<number> {
  let batch: EvaluationInput[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch.map((input) => {
      const ratedAt = new Date(input.createdAt);
      const day = chinaDay(ratedAt);
      const bad = input.body.level === 'dissatisfied' || input.body.level === 'veryDissatisfied';
      const due = addWorkingDays(day, rectificationDays, calendar);
      return {
        id: newId('ev'),
        case_number: input.body.target.kind === 'case' ? (input.body.target.caseNumber ?? null) : null,
        item_code: input.itemCode,
        department_id: input.departmentId,
        channel: input.body.channel,
        level: input.body.level,
        bad,
        anonymous: input.body.anonymous,
        rater: input.body.anonymous || !input.body.rater ? null : JSON.stringify(input.body.rater),
        follow_up_of: null,
        counted: true,
        rectification_state: bad ? 'open' : null,
        details: JSON.stringify({
          target: input.body.target,
          itemName: { 'zh-CN': input.itemName ?? '' },
          department: { id: input.departmentId, name: input.departmentName ?? '' },
          reasons: input.body.reasons ?? [],
          ...(input.body.reasonText ? { reasonText: input.body.reasonText } : {}),
          ...(input.body.followUp ? { followUp: input.body.followUp } : {}),
          ...(input.body.comment ? { comment: input.body.comment } : {}),
          rectification: bad
            ? {
                state: 'open',
                callbackRequired: !input.body.anonymous,
                callbackDue: input.body.anonymous ? null : due,
                rectificationDue: due,
                deadlineWorkingDays: rectificationDays,
                history: [],
              }
            : null,
        }),
        created_at: ratedAt,
        rated_at: ratedAt,
        day,
      };
    });
    // Figures per day and scope, summed in memory first: one upsert per (scope, day) of the batch.
    const sums = new Map<string, { scope: string; day: string; deltas: Partial<Record<Counter, number>> }>();
    for (const row of rows) {
      for (const scope of scopesOf(row.item_code, row.department_id)) {
        const key = `${scope}|${row.day}`;
        const entry = sums.get(key) ?? { scope, day: row.day, deltas: {} };
        const counter = levelCounter[row.level]!;
        entry.deltas[counter] = (entry.deltas[counter] ?? 0) + 1;
        if (row.bad && !row.anonymous) entry.deltas.real_name_bad = (entry.deltas.real_name_bad ?? 0) + 1;
        sums.set(key, entry);
      }
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('evaluations').values(rows).execute();
      await bumpMany(trx, [...sums.values()]);
    });
    count += rows.length;
    batch = [];
  };
  for (const input of inputs) {
    batch.push(input);
    if (batch.length >= 1000) await flush();
  }
  await flush();
  return count;
}
