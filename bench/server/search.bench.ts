// Item search over 45,800 items: p50/p95 of GET /api/v1/items?q=… through the whole app (validation,
// query, JSON), one request at a time, on PGlite and, when a URL is given, on PostgreSQL.
import { createApp } from '../../packages/server/src/app.js';
import {
  benchDatabaseUrl,
  loadCatalogue,
  openBenchDatabase,
  percentile,
  timeEach,
  writeResult,
  type ResultRow,
} from './support.js';
import { searchQueries as queries } from './search-queries.js';

const rows: ResultRow[] = [];

for (const url of [undefined, benchDatabaseUrl]) {
  if (url === undefined && rows.length > 0) continue;
  const label = url ? 'PostgreSQL' : 'PGlite';
  console.log(`${label}:`);
  const database = await openBenchDatabase(url);
  await loadCatalogue(database, 45_800);
  const app = createApp({ database, log: () => {} });
  const request = (i: number) =>
    app.request(`/api/v1/items?q=${encodeURIComponent(queries[i % queries.length]!)}`).then((r) => r.text());
  await timeEach(100, request); // warm up
  const durations = await timeEach(1000, request);
  const filtered = await timeEach(300, (i) =>
    app
      .request(`/api/v1/items?q=${encodeURIComponent(queries[i % queries.length]!)}&region=150300&limit=10`)
      .then((r) => r.text()),
  );
  const p95 = +percentile(durations, 95).toFixed(2);
  rows.push(
    { name: `search p50, ${label}`, value: +percentile(durations, 50).toFixed(2), unit: 'ms' },
    { name: `search p95, ${label}`, value: p95, unit: 'ms', budget: '≤ 20 ms', pass: p95 <= 20 },
    {
      name: `search with region filter p95, ${label}`,
      value: +percentile(filtered, 95).toFixed(2),
      unit: 'ms',
      budget: '≤ 20 ms',
      pass: percentile(filtered, 95) <= 20,
    },
  );
  await database.close();
  if (!url) continue;
}

writeResult(
  'server-search',
  'Server: item search over 45,800 items',
  rows,
  `${queries.length} queries (Chinese substrings of 1–6 characters, full pinyin, initials), 1,000 requests one at a time through the app, after 100 warm-up requests.`,
);
