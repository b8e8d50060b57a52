import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';

/** How far back applications are counted for 热门事项. */
export const POPULAR_PERIOD_DAYS = 90;
/** How long one count serves every request of a process: a popularity list need not be to the minute. */
const CACHE_MS = 10 * 60 * 1000;

const cache = new WeakMap<Kysely<DatabaseSchema>, { at: number; counts: Promise<Map<string, number>> }>();

/**
 * Applications per item code over the last {@link POPULAR_PERIOD_DAYS} days (through the
 * `(item_code, submitted_at)` index), counted at most once per {@link CACHE_MS} per process.
 */
export function applicationCounts(db: Kysely<DatabaseSchema>, now: Date): Promise<Map<string, number>> {
  const held = cache.get(db);
  if (held && now.getTime() - held.at < CACHE_MS) return held.counts;
  const since = new Date(now.getTime() - POPULAR_PERIOD_DAYS * 86_400_000);
  const counts = db
    .selectFrom('cases')
    .select(['item_code', sql<string>`count(*)`.as('n')])
    .where('submitted_at', '>=', since)
    .groupBy('item_code')
    .execute()
    .then((rows) => new Map(rows.map((row) => [row.item_code, Number(row.n)])));
  // A failed count is not kept: the next request tries again.
  counts.catch(() => cache.delete(db));
  cache.set(db, { at: now.getTime(), counts });
  return counts;
}

/** `codes` with the most applied-for first; items applied for equally keep their order. */
export function byPopularity(codes: string[], counts: Map<string, number>): string[] {
  return codes
    .map((code, index) => ({ code, index, n: counts.get(code) ?? 0 }))
    .sort((a, b) => b.n - a.n || a.index - b.index)
    .map((entry) => entry.code);
}
