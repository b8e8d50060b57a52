// <banshi-item-search>: the CDN file's gzip size, and keystroke to results on screen with the catalogue
// at 45,800 items: the demo search page of the reference server (localhost) in headless Chromium, queries
// typed at a person's pace, timed from the last key down to the frame after the suggestions for the whole
// query are in the shadow DOM. Needs `npm run build` first.
import {
  openBenchDatabase,
  loadCatalogue,
  percentile,
  writeResult,
  type ResultRow,
} from '../server/support.js';
import { startServer } from '../../packages/server/src/server.js';
import { bundleGzip, cdnSizes, FLOOR_SOURCE, kb, launchChromium } from './support.js';

const QUERIES = [
  '身份证',
  'sfz',
  'shenfenzheng',
  'gzf',
  '营业执照',
  'yyzz',
  '公积金',
  'bdc',
  '养老',
  'qykb',
  '出生',
  'shipin',
];
const ROUNDS = 4;
const KEY_DELAY_MS = 150;

const rows: ResultRow[] = [];
// The define module is named side-effect free by package.json, so the bundle defines the tag itself.
const WIDGET = `import { defineElement } from './base/define.js';
import { BanshiItemSearch } from './item-search/search.js';
defineElement('banshi-item-search', BanshiItemSearch);`;
const floor = await bundleGzip(FLOOR_SOURCE);
rows.push(
  { name: 'floor: Lit + SDK + base element, empty widget (esbuild)', value: kb(floor), unit: 'KB gzip' },
  {
    name: 'search code, CSS and zh-CN/en messages above the floor (esbuild)',
    value: kb((await bundleGzip(WIDGET)) - floor),
    unit: 'KB gzip',
  },
);
const sizes = cdnSizes('banshi-item-search.js');
if (sizes)
  rows.push({
    name: 'cdn/banshi-item-search.js (Lit + SDK + search)',
    value: kb(sizes.entry),
    unit: 'KB gzip',
  });

const database = await openBenchDatabase();
const CATALOGUE = Number(process.env.BANSHI_BENCH_ITEMS ?? 45_800);
await loadCatalogue(database, CATALOGUE);
const server = await startServer({ port: 0, database });
const browser = await launchChromium();
const samples: number[] = [];
let skipped = 0;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${server.url}/search.html`, { waitUntil: 'networkidle0' });
  // Record every key down and, one frame after each change of the suggestions, their names.
  await page.evaluate(() => {
    const state = window as unknown as { lastKey: number; shown: Array<{ at: number; names: string }> };
    state.lastKey = 0;
    state.shown = [];
    // `input` rather than `keydown`: characters outside the keyboard (汉字) are typed without key events.
    document.addEventListener('input', () => (state.lastKey = performance.now()), true);
    const search = document.querySelector('banshi-item-search')!;
    new MutationObserver(() =>
      requestAnimationFrame(() => {
        const options = Array.from(search.shadowRoot!.querySelectorAll('[role=option]'));
        state.shown.push({
          at: performance.now(),
          // Sorted: items that rank equal may come in either order.
          names: options
            .map((o) => o.textContent!.replace(/\s+/g, ''))
            .sort()
            .join('|'),
        });
      }),
    ).observe(search.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const input = await page.evaluateHandle(() =>
    document.querySelector('banshi-item-search')!.shadowRoot!.querySelector('input')!,
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of QUERIES) {
      const expected = (await (
        await fetch(`${server.url}/api/v1/items?q=${encodeURIComponent(query)}&limit=8`)
      ).json()) as {
        items: Array<{ name: string; department: { name: string } }>;
      };
      const names = expected.items
        .map((item) => `${item.name}·${item.department.name}`.replace(/\s+/g, ''))
        .sort()
        .join('|');
      await input.evaluate((el) => {
        el.value = '';
        el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await input.focus();
      await page.evaluate(() => ((window as unknown as { shown: unknown[] }).shown = []));
      await page.keyboard.type(query, { delay: KEY_DELAY_MS });
      // Wait up to 3 s for the suggestions of the whole query (slow answers count, they are not skipped).
      for (let waited = 0; waited < 3000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const seen = await page.evaluate(
          (names: string) =>
            (window as unknown as { shown: Array<{ names: string }> }).shown.some((e) => e.names === names),
          names,
        );
        if (seen) break;
      }
      const elapsed = await page.evaluate((names: string) => {
        const state = window as unknown as { lastKey: number; shown: Array<{ at: number; names: string }> };
        const frame = state.shown.find((entry) => entry.at > state.lastKey && entry.names === names);
        return frame ? frame.at - state.lastKey : null;
      }, names);
      if (elapsed === null || !names) {
        skipped++;
        if (process.env.BANSHI_BENCH_DEBUG)
          console.log(
            query,
            names,
            await page.evaluate(() =>
              JSON.stringify((window as unknown as { shown: unknown[] }).shown.slice(-2)),
            ),
          );
      } else samples.push(elapsed);
    }
  }
} finally {
  await browser.close();
  await server.close();
  await database.close();
}

const p50 = +percentile(samples, 50).toFixed(1);
const p95 = +percentile(samples, 95).toFixed(1);
rows.push(
  {
    name: `keystroke to suggestions on screen, p50 (${CATALOGUE.toLocaleString('en')} items, localhost)`,
    value: p50,
    unit: 'ms',
    budget: '≤ 100 ms',
    pass: p50 <= 100,
  },
  {
    name: 'keystroke to suggestions on screen, p95',
    value: p95,
    unit: 'ms',
    budget: '≤ 100 ms',
    pass: p95 <= 100,
  },
);
writeResult(
  'item-search',
  '<banshi-item-search>: size and keystroke to results',
  rows,
  `${samples.length} samples (${skipped} skipped where the last key did not change what was shown): ${QUERIES.length} ` +
    `queries (Chinese, full pinyin, initials) typed ${ROUNDS} times at one key per ${KEY_DELAY_MS} ms into the demo ` +
    'search page (widgets through the CDN loader, default debounce 50 ms); timed from the input event of the last key to the animation frame after ' +
    'the suggestions for the whole query were rendered. PGlite in memory, catalogue from the seed generator.',
);
