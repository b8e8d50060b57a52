// Runs the component tests once per engine (BANSHI_ENGINES, else every engine installed), one engine after
// another: each run has its own test server, whose injected API faults must not reach another engine's
// page, and one engine at a time keeps a two-core machine responsive. Prints each engine's wall-clock time.
// Arguments go to web-test-runner (e.g. --files "packages/elements/src/rating/**/*.test.ts").
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { locateEngines } from './engines.mjs';

const config = fileURLToPath(new URL('../web-test-runner.config.mjs', import.meta.url));
const wtr = fileURLToPath(new URL('../node_modules/.bin/wtr', import.meta.url));
const engines =
  process.env.BANSHI_ENGINES?.split(',').filter(Boolean) ??
  locateEngines()
    .filter((engine) => !engine.missing.length)
    .map((engine) => engine.name);

const times = [];
let failed = false;
for (const engine of engines) {
  console.log(`\n▶ component tests in ${engine}`);
  const started = Date.now();
  const { status } = spawnSync(wtr, ['--config', config, ...process.argv.slice(2)], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, BANSHI_ENGINES: engine },
  });
  times.push(`${engine} ${((Date.now() - started) / 1000).toFixed(0)} s${status ? ' (failed)' : ''}`);
  failed ||= status !== 0;
}
console.log(`\nComponent tests, wall-clock per engine: ${times.join(', ')}`);
process.exit(failed ? 1 : 0);
