// What a page downloads through the CDN's loader (gzip -9 of each file, each counted once): the loader,
// then for each widget on the page its chunk and every chunk that one imports statically, the core chunk
// among them. Chunks imported with import() (the rarely used modes, the guide's condition checks) load on
// first use; a page's figure lists them apart. So do the English strings (`en-*.js`), which a page fetches
// only where a widget shows English. Needs `npm run build` first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { allWidgets, coreChunkBudgetKB, loaderPages } from './budgets.mjs';

const cdn = new URL('../packages/elements/cdn/', import.meta.url);
const chunks = new URL('chunks/', cdn);
const STATIC_IMPORT = /(?:^|[;}\n])import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([\w.-]+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["']\.\/([\w.-]+\.js)["']\s*\)/g;

const gzipBytes = (url) => gzipSync(readFileSync(url), { level: 9 }).length;
const importsOf = (file, pattern) =>
  [...readFileSync(new URL(file, chunks), 'utf8').matchAll(pattern)].map((match) => match[1]);

/** The chunk files a widget's chunk needs before it runs (itself included), and those it may import later. */
function closure(widgets) {
  const staticClosure = (starts, known = new Set()) => {
    const found = new Set();
    const visit = (file) => {
      if (found.has(file) || known.has(file)) return;
      found.add(file);
      importsOf(file, STATIC_IMPORT).forEach(visit);
    };
    starts.forEach(visit);
    return found;
  };
  const needed = staticClosure(widgets.map((widget) => `banshi-${widget}.js`));
  const lazyStarts = [...needed].flatMap((file) => importsOf(file, DYNAMIC_IMPORT));
  const loaded = staticClosure(lazyStarts, needed);
  // Modes may import further chunks on their first use in turn.
  for (const file of loaded)
    staticClosure(importsOf(file, DYNAMIC_IMPORT), new Set([...needed, ...loaded])).forEach((more) =>
      loaded.add(more),
    );
  const later = [...loaded];
  return {
    needed: [...needed],
    lazy: later.filter((file) => !isEnglish(file)),
    english: later.filter(isEnglish),
  };
}

/** The chunks of English strings, fetched only for widgets shown in English. */
const isEnglish = (file) => file.startsWith('en-');

/**
 * @returns {Array<{name: string, bytes: number, budgetKB?: number, note?: string}>} the core chunk, each
 *   page of the budgets, and every chunk together; empty when the loader is not built.
 */
export function measureLoaderPages() {
  if (!existsSync(new URL('banshi-loader.js', cdn))) return [];
  const loader = gzipBytes(new URL('banshi-loader.js', cdn));
  const sizeOf = (files) => files.reduce((sum, file) => sum + gzipBytes(new URL(file, chunks)), 0);
  const rows = [
    { name: 'loader: banshi-loader.js', bytes: loader },
    { name: 'loader: core chunk', bytes: sizeOf(['banshi-core.js']), budgetKB: coreChunkBudgetKB },
  ];
  const list = (files) => `${files.join(' + ')} ${(sizeOf(files) / 1024).toFixed(1)} KB`;
  for (const page of loaderPages) {
    const { needed, lazy, english } = closure(page.widgets);
    const later = lazy.length ? `; on first use: ${list(lazy)}` : '';
    const asked = english.length ? `; in English also: ${list(english)}` : '';
    rows.push({
      name: `loader: ${page.name} (${needed.join(' + ')}${later}${asked})`,
      bytes: loader + sizeOf(needed),
      budgetKB: page.budgetKB,
    });
  }
  // A page with every widget, as for the pages above: what it downloads before a mode is used is held to
  // the budget; with every mode used as well it is reported beside it.
  const { needed, lazy, english } = closure(allWidgets.widgets);
  rows.push(
    {
      name: `loader: all widgets (${allWidgets.widgets.join(', ')}; on first use: ${list(lazy)}; in English also: ${list(english)})`,
      bytes: loader + sizeOf(needed),
      budgetKB: allWidgets.budgetKB,
    },
    {
      name: 'loader: all widgets with every mode used (the page above once each mode has loaded, English apart)',
      bytes: loader + sizeOf([...needed, ...lazy]),
    },
  );
  // The tags the loader defines, from the list of widgets and their imports the build wrote into it.
  const loaderText = readFileSync(new URL('banshi-loader.js', cdn), 'utf8');
  const widgetImports = JSON.parse(/\[\["rating",\[.*?\]\]\]/.exec(loaderText)?.[0] ?? '[]');
  const defined = widgetImports.map(([widget]) => widget);
  const added = defined.filter((widget) => !allWidgets.widgets.includes(widget));
  const everyWidget = closure(defined);
  rows.push(
    {
      name: `loader: every widget (the six above and ${added.join(', ')}), before a mode is used`,
      bytes: loader + sizeOf(everyWidget.needed),
      budgetKB: allWidgets.budgetKB + allWidgets.addedChunkBudgetKB * added.length,
    },
    {
      name: 'loader: every chunk but the English strings (every widget with every mode used)',
      bytes: loader + sizeOf(readdirSync(chunks).filter((file) => file.endsWith('.js') && !isEnglish(file))),
    },
  );
  return [...rows, ...regionRows()];
}

/** What a region picker fetches beside its chunk: the provinces, then the chosen province's file. */
function regionRows() {
  const regions = new URL('regions/', cdn);
  if (!existsSync(regions)) return [];
  const provinces = readdirSync(regions).filter((file) => /^\d{6}\.json$/.test(file));
  const [largest, bytes] = provinces
    .map((file) => [file, gzipBytes(new URL(file, regions))])
    .reduce((a, b) => (b[1] > a[1] ? b : a));
  return [
    {
      name: `region picker data: provinces, then the largest province (index.json + ${largest})`,
      bytes: gzipBytes(new URL('index.json', regions)) + bytes,
    },
  ];
}
