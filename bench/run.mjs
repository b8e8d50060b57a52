// `npm run bench`: measures sizes and speed against the budgets of docs/architecture.md and writes the
// figures to bench/results/ (one JSON file per benchmark) and a readable bench/RESULTS.md. Reports, never fails on
// a missed budget: the figures are for people to read, not a gate on a noisy machine.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { measureSizes } from './size.mjs';

const benchDir = new URL('.', import.meta.url).pathname;
const resultsDir = `${benchDir}results/`;
mkdirSync(resultsDir, { recursive: true });

/** Every `*.bench.mjs` / `*.bench.ts` below bench/, run one at a time so they do not disturb each other. */
function findBenchmarks(dir = benchDir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'results' ? [] : findBenchmarks(`${path}/`);
    return /\.bench\.(mjs|ts)$/.test(entry.name) ? [path] : [];
  });
}

const sizes = await measureSizes();
writeFileSync(
  `${resultsDir}size.json`,
  JSON.stringify(
    {
      title: 'Bundle sizes (gzip -9)',
      rows: sizes.map(({ name, bytes, budgetKB }) => ({
        name,
        value: +(bytes / 1024).toFixed(2),
        unit: 'KB',
        budget: budgetKB === undefined ? undefined : `≤ ${budgetKB} KB`,
        pass: budgetKB === undefined ? undefined : bytes <= budgetKB * 1024,
      })),
    },
    null,
    2,
  ),
);

const only = process.argv.slice(2);
for (const file of findBenchmarks()) {
  // Words match the path below bench/, not the checkout's own folders, whatever they are named.
  const name = file.slice(benchDir.length);
  if (only.length && !only.some((word) => name.includes(word))) continue;
  console.log(`\n▶ ${name}`);
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', file], {
    stdio: 'inherit',
    env: { ...process.env, BANSHI_BENCH_RESULTS: resultsDir },
  });
  if (status !== 0) console.error(`✖ ${file} exited with ${status}`);
}

const lines = [
  '# Benchmark results',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}.`,
  '',
];
for (const file of readdirSync(resultsDir)
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  const { title, rows, notes } = JSON.parse(readFileSync(`${resultsDir}${file}`, 'utf8'));
  lines.push(`## ${title}`, '', '| what | measured | budget | within |', '|---|---|---|---|');
  for (const row of rows) {
    const within = row.pass === undefined ? '' : row.pass ? 'yes' : '**no**';
    lines.push(`| ${row.name} | ${row.value} ${row.unit} | ${row.budget ?? ''} | ${within} |`);
  }
  if (notes) lines.push('', notes);
  lines.push('');
}
writeFileSync(`${benchDir}RESULTS.md`, lines.join('\n'));
console.log(`\n${lines.join('\n')}`);
if (!existsSync(`${resultsDir}size.json`)) process.exitCode = 1;
