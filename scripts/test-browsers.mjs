// Runs the component tests once per engine (BANSHI_ENGINES, else every engine installed), one engine after
// another: each run has its own test server, whose injected API faults must not reach another engine's
// page, and one engine at a time keeps a two-core machine responsive. Prints each engine's wall-clock time,
// and last the failed tests of every engine with their errors, so a log read from its tail says what failed.
// Arguments go to web-test-runner (e.g. --files "packages/elements/src/rating/**/*.test.ts").
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { locateEngines } from './engines.mjs';

const config = fileURLToPath(new URL('../web-test-runner.config.mjs', import.meta.url));
const wtr = fileURLToPath(new URL('../node_modules/.bin/wtr', import.meta.url));
const engines =
  process.env.BANSHI_ENGINES?.split(',').filter(Boolean) ??
  locateEngines()
    .filter((engine) => !engine.missing.length)
    .map((engine) => engine.name);

/** Lines after a failed test's mark that carry its error and where it was thrown. */
const ERROR_LINES = 12;
// web-test-runner marks a failed test, and a file that failed to load, with ❌.
const FAILURE_MARK = /❌|timed out/i;

const times = [];
const failures = [];
for (const engine of engines) {
  console.log(`\n▶ component tests in ${engine}`);
  const started = Date.now();
  let { status, output, neverOpened } = await runEngine(engine, process.argv.slice(2));
  // Pages the engine never opened ran no test; their files run once more, alone, and decide the outcome
  // only if nothing else failed.
  if (status !== 0 && neverOpened.length && !otherFailures(output)) {
    console.log(`\n▶ ${engine} never opened a page for ${neverOpened.join(', ')}: running those once more`);
    ({ status, output } = await runEngine(engine, ['--files', ...neverOpened]));
  }
  times.push(`${engine} ${((Date.now() - started) / 1000).toFixed(0)} s${status ? ' (failed)' : ''}`);
  if (status !== 0) failures.push({ engine, lines: failureLines(output) });
}
console.log(`\nComponent tests, wall-clock per engine: ${times.join(', ')}`);
for (const { engine, lines } of failures) console.log(`\n✖ failed in ${engine}:\n${lines.join('\n')}`);
process.exit(failures.length ? 1 : 0);

/**
 * @param {string} engine
 * @param {string[]} args for web-test-runner
 * @returns {Promise<{ status: number | null, output: string, neverOpened: string[] }>} `neverOpened`: the
 *   test files whose page the engine did not open in time (scripts/start-failures-reporter.mjs)
 */
function runEngine(engine, args) {
  const report = join(mkdtempSync(join(tmpdir(), 'banshi-wtr-')), 'never-opened.json');
  return new Promise((resolve) => {
    const child = spawn(wtr, ['--config', config, ...args], {
      stdio: ['inherit', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
      env: { ...process.env, BANSHI_ENGINES: engine, BANSHI_START_FAILURES: report },
    });
    let output = '';
    for (const [stream, target] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      stream.on('data', (chunk) => {
        target.write(chunk);
        output += chunk;
      });
    }
    child.on('close', (status) => {
      const neverOpened = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : [];
      rmSync(dirname(report), { recursive: true, force: true });
      resolve({ status, output, neverOpened });
    });
  });
}

/** Whether a run failed for more than pages that never opened: a failed test or a file that did not load. */
function otherFailures(output) {
  return failureLines(output).some(
    (line) => FAILURE_MARK.test(line) && !line.includes('unable to create and start a test page'),
  );
}

/** The lines around each failure mark, without terminal colours and progress bars. @param {string} output */
function failureLines(output) {
  const lines = stripVTControlCharacters(output)
    .split('\n')
    .filter((line) => !/\|\s*\d+\/\d+ test files/.test(line));
  const kept = new Set();
  lines.forEach((line, index) => {
    if (!FAILURE_MARK.test(line)) return;
    for (let at = Math.max(0, index - 2); at < Math.min(lines.length, index + ERROR_LINES); at += 1)
      kept.add(at);
  });
  return [...kept].map((index) => lines[index]);
}
