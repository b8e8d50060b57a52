// GET /api/v1/evaluations/summary over 170,000 ratings of 45,800 items (bench/synthetic/): p50/p95 of
// the published figures for everything, an item, a department and periods, one request at a time.
import { createApp } from '../../packages/server/src/app.js';
import { loadDemoCatalogue } from '../../packages/server/src/demo-catalogue/load.js';
import { generateItems } from '../synthetic/index.js';
import {
  benchDatabaseUrl,
  loadEvaluations,
  openBenchDatabase,
  percentile,
  timeEach,
  writeResult,
  type ResultRow,
} from './support.js';

const catalogue = await loadDemoCatalogue();
const items = [...catalogue.items, ...generateItems(45_800 - catalogue.items.length, 42)];
const popular = items.slice(0, 20);
const departments = [...new Set(items.slice(0, 200).map((item) => item.department.id))];
const queries = [
  '',
  '?from=2026-01-01&to=2026-06-30',
  ...popular.map((item) => `?item=${item.code}`),
  ...popular.map((item) => `?item=${item.code}&from=2025-11-23&to=2026-11-22`),
  ...departments.slice(0, 20).map((id) => `?department=${id}`),
  ...departments.slice(0, 20).map((id) => `?department=${id}&from=2026-01-01`),
];
const figureQueries = [
  '?by=department',
  '?by=department&from=2026-10-01&to=2026-10-31',
  '?by=window&from=2026-10-01&to=2026-10-31',
  '?by=window&from=2026-01-01&to=2026-06-30',
];
const rows: ResultRow[] = [];
for (const url of benchDatabaseUrl ? [undefined, benchDatabaseUrl] : [undefined]) {
  const label = url ? 'PostgreSQL' : 'PGlite';
  console.log(`${label}:`);
  const database = await openBenchDatabase(url);
  // The summary reads only the ratings and their per-day figures; the items need not be stored.
  await loadEvaluations(database, items, 170_000);
  const app = createApp({ database, log: () => {} });
  const request = (i: number) =>
    app.request(`/api/v1/evaluations/summary${queries[i % queries.length]}`).then((r) => r.text());
  await timeEach(100, request);
  const durations = await timeEach(1000, request);
  const p95 = +percentile(durations, 95).toFixed(2);
  rows.push(
    { name: `summary p50, ${label}`, value: +percentile(durations, 50).toFixed(2), unit: 'ms' },
    { name: `summary p95, ${label}`, value: p95, unit: 'ms', budget: '≤ 50 ms', pass: p95 <= 50 },
  );
  // The breakdowns per department and per window (public figures and the 红黑榜's input) over periods.
  const breakdown = (i: number) =>
    app
      .request(`/api/v1/evaluations/figures${figureQueries[i % figureQueries.length]}`)
      .then((r) => r.text());
  await timeEach(10, breakdown);
  const figureDurations = await timeEach(100, breakdown);
  const figuresP95 = +percentile(figureDurations, 95).toFixed(2);
  rows.push(
    {
      name: `figures per department/window p50, ${label}`,
      value: +percentile(figureDurations, 50).toFixed(2),
      unit: 'ms',
    },
    {
      name: `figures per department/window p95, ${label}`,
      value: figuresP95,
      unit: 'ms',
      budget: '≤ 200 ms',
      pass: figuresP95 <= 200,
    },
  );
  await database.close();
}
writeResult(
  'server-evaluation-summary',
  'Server: evaluation summary over 170,000 ratings',
  rows,
  `${queries.length} filter combinations (none, item, department, periods), 1,000 requests one at a time through the app after 100 warm-up requests; the figures per department and per window (${figureQueries.length} combinations of month and half-year), 100 requests after 10. Figures come from a per-day aggregate kept in the same transaction as each rating.`,
);
