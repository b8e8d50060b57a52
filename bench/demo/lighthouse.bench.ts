// Lighthouse (mobile preset, its default: a mid-range phone on a slow 4G network, simulated) on every page
// of the demo site, served by the reference server with its seed catalogue and sample ratings, against the
// budgets of DESIGN.md. Each page also reports its total blocking time and its bytes on the wire.
// Needs `npm run build` first; CHROME_PATH picks the browser (Debian's Chromium by default).
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { startServer } from '@banshi/server';
import { chromiumArgs, chromiumExecutable } from '../../scripts/chromium.mjs';
import { writeResult, type ResultRow } from '../server/support.js';

const run = promisify(execFile);
const cli = new URL('../../node_modules/lighthouse/cli/index.js', import.meta.url).pathname;
const pagesDir = new URL('../../demo/pages/', import.meta.url);

/** Lighthouse's categories and the lowest score DESIGN.md accepts. */
const budgets = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 95 } as const;

interface Report {
  categories: Record<keyof typeof budgets, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
}

/** One Lighthouse run of `url` in a fresh headless Chromium. */
async function audit(url: string): Promise<Report> {
  const { stdout } = await run(
    process.execPath,
    [
      cli,
      url,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      `--only-categories=${Object.keys(budgets).join(',')}`,
      // Lighthouse sets the window size, throttling and the user agent itself.
      `--chrome-flags=${chromiumArgs.join(' ')}`,
    ],
    {
      env: { ...process.env, CHROME_PATH: chromiumExecutable },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 180_000,
    },
  );
  return JSON.parse(stdout) as Report;
}

const pages = readdirSync(pagesDir).filter((file) => file.endsWith('.html'));
const server = await startServer({ port: 0, seed: true, seedEvaluations: 3000, dataDir: 'memory://' });
const rows: ResultRow[] = [];
try {
  for (const page of pages) {
    const report = await audit(`${server.url}/${page}`);
    const scores = Object.entries(budgets).map(([category, minimum]) => {
      const score = Math.round((report.categories[category as keyof typeof budgets].score ?? 0) * 100);
      return { category, score, minimum };
    });
    for (const { category, score, minimum } of scores) {
      rows.push({
        name: `${page} ${category}`,
        value: score,
        unit: '',
        budget: `≥ ${minimum}`,
        pass: score >= minimum,
      });
    }
    const blocking = Math.round(report.audits['total-blocking-time']?.numericValue ?? 0);
    const bytes = report.audits['total-byte-weight']?.numericValue ?? 0;
    rows.push({ name: `${page} total blocking time`, value: blocking, unit: 'ms' });
    rows.push({ name: `${page} bytes on the wire`, value: +(bytes / 1024).toFixed(1), unit: 'KB' });
    console.log(
      `${page}: ${scores.map(({ category, score }) => `${category} ${score}`).join(', ')}, TBT ${blocking} ms`,
    );
  }
} finally {
  await server.close();
}

writeResult(
  'lighthouse',
  'Lighthouse on the demo pages (mobile preset)',
  rows,
  'Lighthouse 12 with its default mobile settings (simulated slow 4G and a 4× slower CPU) on each page of the ' +
    'demo site, served by the reference server on localhost with its seed catalogue and 3,000 sample ratings; ' +
    'widgets through the CDN loader, brotli-compressed.',
);
