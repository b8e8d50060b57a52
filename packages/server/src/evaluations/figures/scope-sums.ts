import { sql } from 'kysely';
import type { Db } from '../../cases/case-store.js';
import { dailySums, type DailySums } from '../summary.js';

/** The kinds of scope the per-day figures keep beside `all` and `item` (see `scopesOf`). */
export type ScopeKind = 'department' | 'window' | 'staff';

/** A period and, optionally, the scopes' common beginning (`staff:<department>:`). */
export interface SumsQuery {
  from?: string;
  to?: string;
  /** Only scopes starting with this (after the kind's own prefix is implied). */
  within?: string;
}

/**
 * The summed counters of every scope of one kind over a period, one row per scope. Reads only the
 * per-day rows of that kind (the `evaluation_daily_kind` index), never the ratings themselves.
 */
export async function sumsByScope(
  db: Db,
  kind: ScopeKind,
  query: SumsQuery = {},
): Promise<{ id: string; sums: DailySums }[]> {
  let select = db
    .selectFrom('evaluation_daily')
    .select('scope')
    .select(dailySums)
    .where(sql<string>`split_part(scope, ':', 1)`, '=', kind)
    .groupBy('scope');
  if (query.from) select = select.where('day', '>=', query.from);
  if (query.to) select = select.where('day', '<=', query.to);
  if (query.within) select = select.where(sql<boolean>`starts_with(scope, ${`${kind}:${query.within}`})`);
  const rows = await select.execute();
  return rows.map(({ scope, ...sums }) => ({ id: scope.slice(kind.length + 1), sums }));
}

/** The names of departments, by id. */
export async function departmentNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
