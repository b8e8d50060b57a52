import { isBadLevel } from '@banshi/sdk/core';
import type { Kysely } from 'kysely';
import { addWorkingDays, type WorkCalendar } from '../calendar/working-days.js';
import { chinaDay, chinaTime } from '../common/china-time.js';
import { newId } from '../common/ids.js';
import type { DatabaseSchema } from '../db/schema-types.js';
import { bumpMany, levelCounter, scopesOf, servedBy, type Counter } from './aggregates.js';

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
  /**
   * For a bad review already dealt with: when the office called the rater back (real-name reviews only)
   * and rectified, and what it did. Omitted: the review is stored open, awaiting rectification.
   */
  settled?: { at: string; measures: string; staffName?: string };
}

/** The rectification record of a stored bad review: open, or settled as the input says. */
function rectificationOf(input: EvaluationInput, due: string, rectificationDays: number) {
  const anonymous = input.body.anonymous;
  const base = {
    callbackRequired: !anonymous,
    callbackDue: anonymous ? null : due,
    rectificationDue: due,
    deadlineWorkingDays: rectificationDays,
  };
  const settled = input.settled;
  if (!settled) return { state: 'open', ...base, history: [] };
  const at = chinaTime(new Date(settled.at));
  const staff = { id: 'staff', name: settled.staffName ?? '工作人员' };
  return {
    state: 'rectified',
    ...base,
    ...(anonymous ? {} : { calledBackAt: at }),
    closedAt: at,
    history: [
      ...(anonymous ? [] : [{ at, action: 'callback', stateAfter: 'calledBack', staff }]),
      { at, action: 'rectify', stateAfter: 'rectified', staff, note: settled.measures },
    ],
  };
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
      const bad = isBadLevel(input.body.level);
      const rectification = bad
        ? rectificationOf(input, addWorkingDays(day, rectificationDays, calendar), rectificationDays)
        : null;
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
        rectification_state: rectification?.state ?? null,
        details: JSON.stringify({
          target: input.body.target,
          itemName: { 'zh-CN': input.itemName ?? '' },
          department: { id: input.departmentId, name: input.departmentName ?? '' },
          reasons: input.body.reasons ?? [],
          ...(input.body.reasonText ? { reasonText: input.body.reasonText } : {}),
          ...(input.body.followUp ? { followUp: input.body.followUp } : {}),
          ...(input.body.comment ? { comment: input.body.comment } : {}),
          rectification,
        }),
        created_at: ratedAt,
        rated_at: ratedAt,
        day,
      };
    });
    // Figures per day and scope, summed in memory first: one upsert per (scope, day) of the batch.
    const sums = new Map<string, { scope: string; day: string; deltas: Partial<Record<Counter, number>> }>();
    for (const [index, row] of rows.entries()) {
      for (const scope of scopesOf(row.item_code, row.department_id, servedBy(batch[index]!.body.target))) {
        const key = `${scope}|${row.day}`;
        const entry = sums.get(key) ?? { scope, day: row.day, deltas: {} };
        const counter = levelCounter[row.level]!;
        entry.deltas[counter] = (entry.deltas[counter] ?? 0) + 1;
        if (row.bad && !row.anonymous) entry.deltas.real_name_bad = (entry.deltas.real_name_bad ?? 0) + 1;
        if (row.rectification_state === 'rectified') {
          entry.deltas.rectified = (entry.deltas.rectified ?? 0) + 1;
          if (!row.anonymous) entry.deltas.called_back = (entry.deltas.called_back ?? 0) + 1;
        }
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
