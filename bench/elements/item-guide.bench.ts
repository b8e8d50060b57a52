// <banshi-item-guide>: the self-contained CDN file's gzip size (its loader budget is in
// size.json), and the time to render a guide with
// 60 materials once the data is there (set as the `item` property; style and layout included), in headless
// Chromium on the demo site of the reference server. Needs `npm run build` first.
import { performance } from 'node:perf_hooks';
import { percentile, writeResult, type ResultRow } from '../server/support.js';
import { startServer } from '../../packages/server/src/server.js';
import { bundleGzip, cdnSizes, FLOOR_SOURCE, kb, launchChromium } from './support.js';

const rows: ResultRow[] = [];
const sizes = cdnSizes('banshi-item-guide.js');
if (!sizes) {
  console.error('cdn/banshi-item-guide.js is missing: run "npm run build" first.');
  process.exit(1);
}
rows.push({
  name: 'cdn/banshi-item-guide.js (Lit + SDK + guide)',
  value: kb(sizes.entry),
  unit: 'KB gzip',
});
// The define module is named side-effect free by package.json, so the bundle defines the tag itself.
const WIDGET = `import { defineElement } from './base/define.js';
import { BanshiItemGuide } from './item-guide/guide.js';
defineElement('banshi-item-guide', BanshiItemGuide);`;
const floor = await bundleGzip(FLOOR_SOURCE);
const withoutForms = await bundleGzip(WIDGET, ['@banshi/sdk/forms']);
const withForms = await bundleGzip(WIDGET);
rows.push(
  { name: 'floor: Lit + SDK + base element, empty widget (esbuild)', value: kb(floor), unit: 'KB gzip' },
  {
    name: 'guide code, CSS and zh-CN/en messages above the floor (esbuild)',
    value: kb(withoutForms - floor),
    unit: 'KB gzip',
  },
  {
    name: '@banshi/sdk/forms (condition engine) inside the guide bundle (esbuild)',
    value: kb(withForms - withoutForms),
    unit: 'KB gzip',
  },
);
if (sizes.chunk)
  rows.push({
    name: `cdn/${sizes.chunk.name} (forms engine, loaded for guides with conditions)`,
    value: kb(sizes.chunk.bytes),
    unit: 'KB gzip',
  });

const server = await startServer({ port: 0, seed: true, dataDir: 'memory://' });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${server.url}/guide.html`, { waitUntil: 'networkidle0' });
  const started = performance.now();
  const durations = await page.evaluate(async (runs: number) => {
    const base = (await (await fetch('/api/v1/items/1115030201183506284200603001000')).json()) as {
      materials: Array<Record<string, unknown>>;
    };
    // 60 materials: the item's own six again and again, a third of them conditional on a situation.
    const materials = Array.from({ length: 60 }, (_, i) => ({
      ...base.materials[i % base.materials.length],
      id: `m${i}`,
    }));
    const item = { ...base, materials };
    await customElements.whenDefined('banshi-item-guide');
    type Guide = HTMLElement & { item: unknown; situation: unknown; updateComplete: Promise<boolean> };
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const el = document.createElement('banshi-item-guide') as Guide;
      if (run % 2) el.situation = { hukou: 'nonlocal', household: 'family', disability: 'no' };
      const start = performance.now();
      el.item = item;
      document.body.append(el);
      await el.updateComplete;
      // Style and layout of everything rendered, as the browser must do before the first paint.
      el.shadowRoot!.querySelector('[part=material]:last-of-type')!.getBoundingClientRect();
      times.push(performance.now() - start);
      el.remove();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return times.slice(5); // the first runs warm up the code and load the forms engine
  }, 45);
  const p50 = +percentile(durations, 50).toFixed(2);
  const p95 = +percentile(durations, 95).toFixed(2);
  rows.push(
    {
      name: 'render of a guide with 60 materials, p50',
      value: p50,
      unit: 'ms',
      budget: '≤ 16 ms',
      pass: p50 <= 16,
    },
    { name: 'render of a guide with 60 materials, p95', value: p95, unit: 'ms' },
  );
  console.log(`  ${durations.length} renders in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await browser.close();
  await server.close();
}

writeResult(
  'item-guide',
  '<banshi-item-guide>: size and render time',
  rows,
  'Render time: from setting `item` (data already in memory) to the rendered shadow DOM styled and laid out ' +
    '(`updateComplete` + `getBoundingClientRect` of the last material), 40 runs after 5 warm-up runs, half of ' +
    'them with situation answers, headless Chromium, the demo guide page, widgets through the CDN loader.',
);
