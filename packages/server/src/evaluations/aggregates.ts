import { sql, type Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';

/** The counters of the per-day figures. */
export type Counter =
  | 'very_satisfied'
  | 'satisfied'
  | 'basically_satisfied'
  | 'dissatisfied'
  | 'very_dissatisfied'
  | 'rectified'
  | 'real_name_bad'
  | 'called_back'
  | 'excluded'
  | 'explained'
  | 'defaulted';

/** The counter of each level. */
export const levelCounter: Record<string, Counter> = {
  verySatisfied: 'very_satisfied',
  satisfied: 'satisfied',
  basicallySatisfied: 'basically_satisfied',
  dissatisfied: 'dissatisfied',
  veryDissatisfied: 'very_dissatisfied',
};

/** Who served at a hall, when a rating names them: the window and the member of staff (工号). */
export interface ServedBy {
  windowId?: string | null;
  staffId?: string | null;
}

/** The window and member of staff an on-site rating's target names (none for a case). */
export function servedBy(target: { kind: string; windowId?: unknown; staffId?: unknown }): ServedBy {
  if (target.kind !== 'onSite') return {};
  return {
    ...(typeof target.windowId === 'string' ? { windowId: target.windowId } : {}),
    ...(typeof target.staffId === 'string' && target.staffId ? { staffId: target.staffId } : {}),
  };
}

/**
 * The scopes one evaluation counts in: everything, its item, its department and, when named, its window
 * and its member of staff (within the department, whose supervisors alone see staff figures).
 */
export function scopesOf(itemCode: string, departmentId: string, served: ServedBy = {}): string[] {
  const scopes = ['all', `item:${itemCode}`, `department:${departmentId}`];
  if (served.windowId) scopes.push(`window:${served.windowId}`);
  if (served.staffId) scopes.push(`staff:${departmentId}:${served.staffId}`);
  return scopes;
}

/**
 * Adds `deltas` to the day's counters of every scope, inside the caller's transaction, so the figures
 * change exactly when the evaluation does.
 */
export async function bump(
  trx: Transaction<DatabaseSchema>,
  target: { day: string; itemCode: string; departmentId: string } & ServedBy,
  deltas: Partial<Record<Counter, number>>,
): Promise<void> {
  if (!Object.values(deltas).some((delta) => delta !== 0)) return;
  await bumpMany(
    trx,
    scopesOf(target.itemCode, target.departmentId, target).map((scope) => ({
      scope,
      day: target.day,
      deltas,
    })),
  );
}

const allCounters: Counter[] = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
  'rectified',
  'real_name_bad',
  'called_back',
  'excluded',
  'explained',
  'defaulted',
];

/** Adds many (scope, day) deltas in few statements; each (scope, day) must appear once. */
export async function bumpMany(
  trx: Transaction<DatabaseSchema>,
  changes: { scope: string; day: string; deltas: Partial<Record<Counter, number>> }[],
): Promise<void> {
  for (let start = 0; start < changes.length; start += 2000) {
    const rows = changes.slice(start, start + 2000).map((change) => ({
      scope: change.scope,
      day: change.day,
      ...Object.fromEntries(allCounters.map((counter) => [counter, change.deltas[counter] ?? 0])),
    }));
    await trx
      .insertInto('evaluation_daily')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['scope', 'day'])
          .doUpdateSet(
            Object.fromEntries(
              allCounters.map((column) => [
                column,
                sql`evaluation_daily.${sql.ref(column)} + excluded.${sql.ref(column)}`,
              ]),
            ),
          ),
      )
      .execute();
  }
}
