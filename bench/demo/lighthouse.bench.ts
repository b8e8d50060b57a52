// Lighthouse (mobile preset, its default: a mid-range phone on a slow 4G network, simulated) on every page
// of the demo site, served by the reference server with its demo catalogue and sample ratings, against the
// budgets of docs/architecture.md. Each page also reports its total blocking time and its bytes on the wire.
// Each page runs BANSHI_BENCH_LIGHTHOUSE_RUNS times (3 by default) and its median run counts, as Lighthouse
// advises: one run's performance score swings by ten points on a busy machine.
// Needs `npm run build` first; CHROME_PATH picks the browser (Debian's Chromium by default).
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { startServer } from '@banshi/server';
import { chromiumArgs, chromiumExecutable } from '../../scripts/chromium.mjs';
import { writeResult, type ResultRow } from '../server/support.js';

const run = promisify(execFile);
const cli = new URL('../../node_modules/lighthouse/cli/index.js', import.meta.url).pathname;
const pagesDir = new URL('../../demo/pages/', import.meta.url);

/** Lighthouse's categories and the lowest score the budgets accept. */
const budgets = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 95 } as const;

type Report = Parameters<typeof computeMedianRun>[0][number];
const runs = Number(process.env.BANSHI_BENCH_LIGHTHOUSE_RUNS ?? 3);
const performance = (report: Report): number => Math.round((report.categories.performance?.score ?? 0) * 100);

/**
 * One Lighthouse run of `url` in a fresh headless Chromium. A run that Lighthouse itself gives up on (a
 * trace it could not record, `NO_NAVSTART` and the like: "Please run Lighthouse again") is run again, up
 * to twice; any other failure stops the bench.
 */
async function audit(url: string, attemptsLeft = 2): Promise<Report> {
  try {
    return await auditOnce(url);
  } catch (error) {
    const runtimeError = /"runtimeError": \{\s*"code": "(\w+)"/.exec(
      String((error as { stdout?: unknown }).stdout),
    );
    if (!runtimeError || attemptsLeft === 0) throw error;
    console.log(`${url}: Lighthouse gave up on a run (${runtimeError[1]}), running it again`);
    return audit(url, attemptsLeft - 1);
  }
}

async function auditOnce(url: string): Promise<Report> {
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
    const reports: Report[] = [];
    for (let i = 0; i < runs; i++) reports.push(await audit(`${server.url}/${page}`));
    const report = computeMedianRun(reports);
    const scores = Object.entries(budgets).map(([category, minimum]) => {
      const score = Math.round((report.categories[category]?.score ?? 0) * 100);
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
    const spread = reports.map(performance).sort((a, b) => a - b);
    rows.push({ name: `${page} performance, lowest run`, value: spread[0]!, unit: '' });
    rows.push({ name: `${page} performance, highest run`, value: spread.at(-1)!, unit: '' });
    console.log(
      `${page}: ${scores.map(({ category, score }) => `${category} ${score}`).join(', ')}, TBT ${blocking} ms` +
        ` (performance of the ${runs} runs: ${spread.join(', ')})`,
    );
  }
} finally {
  await server.close();
}

writeResult(
  'lighthouse',
  'Lighthouse on the demo pages (mobile preset)',
  rows,
  `Lighthouse 12 with its default mobile settings (simulated slow 4G and a 4× slower CPU), the median of ${runs} runs (Lighthouse's own choice of run), on each page of the ` +
    'demo site, served by the reference server on localhost with its seed catalogue and 3,000 sample ratings; ' +
    'widgets through the CDN loader, brotli-compressed.',
);
