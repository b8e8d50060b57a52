// <banshi-application-form>: the CDN file's gzip size (Lit, the SDK and the forms engine included; its
// loader budget is in size.json); in headless Chromium, the time from a 200-field definition arriving to its page on screen (style and
// layout included), and the time one keystroke takes in a field that is in error (the whole form validated by
// @banshi/sdk/forms, then re-rendered). Needs `npm run build` (or the application-form CDN file) first.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
/* global customElements, document, requestAnimationFrame -- run in the page */
import { bundleGzip, launchChromium } from './support.js';

const cdnFile = new URL('../../packages/elements/cdn/banshi-application-form.js', import.meta.url);
if (!existsSync(cdnFile)) {
  console.error('cdn/banshi-application-form.js is missing: run "npm run build" first.');
  process.exit(1);
}
const bundle = readFileSync(cdnFile);
const gzip = gzipSync(bundle, { level: 9 }).length;

/** Lit + the SDK + the forms engine + the base element with an empty widget: what any form widget starts from. */
const floor = await bundleGzip(
  `import { html } from 'lit';
        import { validateForm, resolveForm, formatError, translate } from '@banshi/sdk/forms';
        import { BanshiElement } from './base/banshi-element.js';
        import { defineElement } from './base/define.js';
        const used = [validateForm, resolveForm, formatError, translate];
        class Empty extends BanshiElement { renderContent() { return html\`\${this.api ? used.length : ''}\`; } }
        defineElement('banshi-empty', Empty);`,
);

/** A definition with one page of 200 fields of every common kind, with labels in both languages. */
function definition200() {
  const properties = {};
  const elements = [];
  const zh = {};
  const en = {};
  for (let i = 0; i < 200; i++) {
    const key = `f${i}`;
    const kind = i % 5;
    properties[key] =
      kind === 0
        ? { type: 'string', minLength: 2, maxLength: 30 }
        : kind === 1
          ? { type: 'integer', minimum: 0, maximum: 1000 }
          : kind === 2
            ? { enum: ['a', 'b', 'c'] }
            : kind === 3
              ? { type: 'string', format: 'cn-mobile' }
              : { type: 'string', format: 'date' };
    elements.push({ scope: `/${key}`, label: `field.${key}`, ...(kind === 2 ? { widget: 'radios' } : {}) });
    zh[`field.${key}`] = `第${i + 1}项`;
    en[`field.${key}`] = `Answer ${i + 1}`;
  }
  return {
    id: 'bench-200',
    version: '1.0.0',
    situations: [],
    schema: { type: 'object', required: Object.keys(properties), properties },
    layout: { pages: [{ id: 'all', title: 'page.all', elements }] },
    materials: [],
    messages: { 'zh-CN': { 'page.all': '全部信息', ...zh }, en: { 'page.all': 'Everything', ...en } },
  };
}

const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<script type="module" src="/banshi-application-form.js"></script></head><body></body></html>`;
const server = createServer((request, response) => {
  if (request.url === '/banshi-application-form.js') {
    response.writeHead(200, { 'content-type': 'text/javascript' });
    response.end(bundle);
  } else {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await launchChromium();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let timings;
try {
  const tab = await browser.newPage();
  await tab.goto(origin);
  await tab.waitForFunction(() => customElements.get('banshi-application-form'));
  timings = await tab.evaluate(async (definition) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    const render = [];
    for (let run = 0; run < 12; run++) {
      const el = document.createElement('banshi-application-form');
      el.setAttribute('api-base', 'http://127.0.0.1:9/api/v1');
      document.body.replaceChildren(el);
      await frame();
      const shown = new Promise((resolve) => el.addEventListener('banshi-step', resolve, { once: true }));
      const start = performance.now();
      el.definition = structuredClone(definition);
      await shown;
      el.shadowRoot.querySelector('[part=continue]').getBoundingClientRect(); // style and layout
      render.push(performance.now() - start);
    }
    const el = document.querySelector('banshi-application-form');
    el.shadowRoot.querySelector('[part=continue]').click(); // every field now in error
    await frame();
    const input = el.shadowRoot.getElementById('f/f0');
    const keystroke = [];
    for (let n = 0; n < 40; n++) {
      const start = performance.now();
      input.value = 'x'.repeat((n % 5) + 1);
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      input.getBoundingClientRect();
      keystroke.push(performance.now() - start);
    }
    return { render: render.slice(2), keystroke: keystroke.slice(5) };
  }, definition200());
} finally {
  await browser.close();
  server.close();
}

const { render, keystroke } = timings;
const rows = [
  {
    name: 'cdn/banshi-application-form.js (Lit + SDK + forms engine + widget)',
    value: +(gzip / 1024).toFixed(2),
    unit: 'KB gzip',
  },
  {
    name: 'of which the floor: Lit + SDK + forms engine + base element (esbuild, for scale)',
    value: +(floor / 1024).toFixed(2),
    unit: 'KB gzip',
  },
  {
    name: 'render of a 200-field page after the definition arrives (median)',
    value: +median(render).toFixed(1),
    unit: 'ms',
    budget: '≤ 50 ms',
    pass: median(render) <= 50,
  },
  {
    name: 'one keystroke in a field in error: validate 200 fields and re-render (median)',
    value: +median(keystroke).toFixed(1),
    unit: 'ms',
  },
];
const out = process.env.BANSHI_BENCH_RESULTS ?? new URL('../results/', import.meta.url).pathname;
writeFileSync(
  `${out}/application-form.json`,
  JSON.stringify(
    {
      title: '<banshi-application-form>',
      rows,
      notes: `Headless Chromium, ${render.length} renders and ${keystroke.length} keystrokes after warm-up; a keystroke re-validates only while its field shows an error (the GOV.UK pattern validates on Continue).`,
    },
    null,
    2,
  ),
);
console.table(rows);
