import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../packages/server/src/db/schema-types.js';
import { importEvaluations, type EvaluationInput } from '../../packages/server/src/evaluations/importer.js';
import { loadCalendar } from '../../packages/server/src/calendar/calendar-store.js';
import { chinaDay } from '../../packages/server/src/common/china-time.js';
import { loadDemoCatalogue } from '../../packages/server/src/demo-catalogue/load.js';
import { generateEvaluations } from './generate-evaluations.js';

const settledMeasures = '已回访评价人并致歉，查明原因后完成整改，并在窗口开展业务培训。';

/** Options of {@link storeSampleRatings}. */
export interface SampleRatingsOptions {
  /** The end of the rated period. Default: now. */
  now?: Date;
  /** How many days before `now` the ratings spread over. Default 365. */
  days?: number;
}

/**
 * Stores `count` generated ratings (好差评) of the demo catalogue's items that the database holds, spread
 * over the past year with a satisfaction rate just above 99% and bad reviews rectified (the last week's
 * still open), so that summaries and the public board show realistic figures. Only when no rating is stored yet; returns how many were stored (0 otherwise).
 */
export async function storeSampleRatings(
  db: Kysely<DatabaseSchema>,
  count: number,
  options: SampleRatingsOptions = {},
): Promise<number> {
  if (count <= 0) return 0;
  const existing = await db.selectFrom('evaluations').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const catalogue = await loadDemoCatalogue();
  const stored = new Set((await db.selectFrom('items').select('code').execute()).map((row) => row.code));
  const items = catalogue.items.filter((item) => stored.has(item.code));
  if (items.length === 0) return 0;
  // Ratings end yesterday: today's real cases never share a case number with a generated one.
  const today = `${chinaDay(options.now ?? new Date())}T08:00:00+08:00`;
  const until = new Date(today);
  const generated = generateEvaluations(count, 2026, items, { until, days: options.days ?? 365 });
  const byCode = new Map(items.map((item) => [item.code, item]));
  // As on a real board, bad reviews older than a week were called back and rectified the next day;
  // the last week's are still open.
  const settledBefore = until.getTime() - 7 * 86_400_000;
  return importEvaluations(
    db,
    (function* (): Iterable<EvaluationInput> {
      for (const rating of generated) {
        const item = byCode.get(rating.itemCode)!;
        yield {
          body: rating.body as EvaluationInput['body'],
          createdAt: rating.createdAt,
          itemCode: rating.itemCode,
          departmentId: rating.departmentId,
          itemName: item.name,
          departmentName: item.department.name,
          ...(Date.parse(rating.createdAt) < settledBefore
            ? {
                settled: {
                  at: new Date(Date.parse(rating.createdAt) + 86_400_000).toISOString(),
                  measures: settledMeasures,
                },
              }
            : {}),
        };
      }
    })(),
    await loadCalendar(db),
  );
}
