// Shared helpers of the server benchmarks: percentiles, result files, and a database with the
// generated catalogue (45,800 items) and ratings (170,000), built with the synthetic generators (bench/synthetic/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../../packages/server/src/db/database.js';
import { importItems, type ItemDocument } from '../../packages/server/src/items/importer.js';
import { importEvaluations } from '../../packages/server/src/evaluations/importer.js';
import { loadCalendar, seedCalendar } from '../../packages/server/src/calendar/calendar-store.js';
import { loadDemoCatalogue } from '../../packages/server/src/demo-catalogue/load.js';
import { generateEvaluations, generateItems } from '../synthetic/index.js';

/** One row of a result file. */
export interface ResultRow {
  name: string;
  value: number;
  unit: string;
  budget?: string;
  pass?: boolean;
}

/** Writes `<results>/<name>.json` in the format bench/run.mjs reads, and prints it. */
export function writeResult(name: string, title: string, rows: ResultRow[], notes?: string): void {
  const dir = process.env.BANSHI_BENCH_RESULTS ?? new URL('../results/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}.json`, JSON.stringify({ title, rows, notes }, null, 2));
  console.log(`${title}`);
  for (const row of rows)
    console.log(`  ${row.name}: ${row.value} ${row.unit}${row.budget ? ` (budget ${row.budget})` : ''}`);
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Times `run` `count` times one after another; answers the durations in milliseconds. */
export async function timeEach(count: number, run: (index: number) => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run(i);
    durations.push(performance.now() - start);
  }
  return durations;
}

/** The PostgreSQL to benchmark against as well, when one is given. */
export const benchDatabaseUrl =
  process.env.BANSHI_BENCH_DATABASE_URL || process.env.BANSHI_TEST_DATABASE_URL || undefined;

/** Opens a database (PGlite in memory unless a URL is given; a fresh schema on PostgreSQL). */
export async function openBenchDatabase(url?: string): Promise<Database> {
  const schema = url ? `bench_${Date.now().toString(36)}` : undefined;
  const database = await openDatabase(url ? { databaseUrl: url, schema } : {});
  await seedCalendar(database.db);
  if (!url) return database;
  const { sql } = await import('kysely');
  return {
    ...database,
    close: async () => {
      await sql`drop schema if exists ${sql.id(schema!)} cascade`.execute(database.db);
      await database.close();
    },
  };
}

/** Imports the hand-written catalogue plus generated items up to `total`. Answers the items. */
export async function loadCatalogue(database: Database, total: number) {
  const catalogue = await loadDemoCatalogue();
  const generated = [...generateItems(total - catalogue.items.length, 42)];
  const items = [...catalogue.items, ...generated];
  const started = performance.now();
  await importItems(
    database.db,
    items.map((item) => ({
      item: item as unknown as ItemDocument,
      form: (catalogue.forms.get(item.code) as Record<string, unknown> | undefined) ?? null,
    })),
    {
      departments: catalogue.departments.map((d) => ({ ...d, shortName: d.shortName ?? undefined })),
      themes: catalogue.themes,
      regions: catalogue.regions,
    },
  );
  console.log(`  imported ${items.length} items in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return items;
}

/** Imports `count` generated ratings of the given items. */
export async function loadEvaluations(
  database: Database,
  items: Awaited<ReturnType<typeof loadCatalogue>>,
  count: number,
) {
  const started = performance.now();
  const calendar = await loadCalendar(database.db);
  const names = new Map(items.map((item) => [item.code, item]));
  await importEvaluations(
    database.db,
    (function* () {
      for (const generated of generateEvaluations(count, 7, items)) {
        const item = names.get(generated.itemCode)!;
        yield {
          ...generated,
          body: generated.body as never,
          itemName: item.name,
          departmentName: item.department.name,
        };
      }
    })(),
    calendar,
  );
  console.log(`  imported ${count} evaluations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
