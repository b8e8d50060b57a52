// <banshi-case-tracker>: what a page downloads. The tracker's self-contained CDN file (with Lit and the SDK;
// its loader budget is in size.json), the rating it fetches only once a case is concluded, and, for scale, the floor every widget pays
// (Lit, the SDK and the shared base element, bundled and minified alike). Needs `npm run build` first.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { bundleGzip, FLOOR_SOURCE, kb } from './support.js';

const root = new URL('../../', import.meta.url);
const cdn = new URL('packages/elements/cdn/', root);
const gzipBytes = (bytes) => gzipSync(bytes, { level: 9 }).length;

const entryFile = new URL('banshi-case-tracker.js', cdn);
if (!existsSync(entryFile)) {
  console.error('cdn/banshi-case-tracker.js is missing: run "npm run build" first.');
  process.exit(1);
}
const entry = readFileSync(entryFile);
// The rating is the CDN file beside it, imported on demand (import(new URL("./banshi-rating.js", …))).
const chunkName = /["']\.\/(banshi-rating\.js)["']/.exec(entry.toString())?.[1];
const chunk = chunkName ? readFileSync(new URL(chunkName, cdn)) : undefined;

const trackerBytes = gzipBytes(entry);
const rows = [
  {
    name: 'cdn/banshi-case-tracker.js (Lit + SDK + tracker)',
    value: kb(trackerBytes),
    unit: 'KB gzip',
  },
];
if (chunk) {
  rows.push({
    name: `cdn/${chunkName} (rating, loaded when a case is concluded)`,
    value: kb(gzipBytes(chunk)),
    unit: 'KB gzip',
  });
  rows.push({
    name: 'tracker + rating, a concluded case',
    value: kb(trackerBytes + gzipBytes(chunk)),
    unit: 'KB gzip',
  });
}
const floor = await bundleGzip(FLOOR_SOURCE);
rows.push({
  name: 'floor: Lit + SDK + base element, empty widget (esbuild)',
  value: kb(floor),
  unit: 'KB gzip',
});
rows.push({
  name: 'tracker code, CSS and messages above the floor',
  value: kb(trackerBytes - floor),
  unit: 'KB gzip',
});

const result = {
  title: '<banshi-case-tracker> download size',
  rows,
  notes:
    'gzip -9 of the built CDN files. The rating is not inside banshi-case-tracker.js: the tracker imports it ' +
    'from the same CDN folder only when a concluded case can be rated, and only if no other bundle defined it.',
};
for (const row of rows)
  console.log(`${row.name}: ${row.value} ${row.unit}${row.budget ? ` (budget ${row.budget})` : ''}`);
const out = process.env.BANSHI_BENCH_RESULTS;
if (out) writeFileSync(`${out}/case-tracker.json`, `${JSON.stringify(result, null, 2)}\n`);
