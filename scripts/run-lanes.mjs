// Runs lanes of shell commands side by side: the commands of one lane run one after another, and a lane
// stops at its first failure. Each lane's output is kept in a file and printed whole when the lane ends,
// so a log reads lane by lane. At most `parallel` lanes run at once, taken in the order given. Exits with 1
// when any lane failed, after all have ended, and repeats the end of each failed lane's log last, because a
// long log is often read from its tail only.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FAILURE_TAIL_LINES = 120;

/**
 * @typedef {{ name: string, commands: string[], env?: NodeJS.ProcessEnv }} Lane
 * @param {Lane[]} lanes
 * @param {{ parallel: number, env?: NodeJS.ProcessEnv }} options
 */
export async function runLanes(lanes, { parallel, env = process.env }) {
  const folder = mkdtempSync(join(tmpdir(), 'banshi-lanes-'));
  const queue = [...lanes];
  const results = [];
  const worker = async () => {
    for (let lane = queue.shift(); lane; lane = queue.shift()) results.push(await runLane(lane, folder, env));
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  console.log('\nLanes, wall-clock:');
  for (const { name, seconds, failed } of results) {
    console.log(`  ${failed ? '✖' : '✔'} ${name} ${seconds} s${failed ? ` (failed at: ${failed})` : ''}`);
  }
  const failures = results.filter((result) => result.failed);
  for (const { name, logPath } of failures) {
    console.log(`\n━━━━ the end of lane ${name}'s log ━━━━`);
    console.log(readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-FAILURE_TAIL_LINES).join('\n'));
  }
  if (failures.length > 0) process.exit(1);
}

/** @param {Lane} lane @param {string} folder @param {NodeJS.ProcessEnv} env */
async function runLane(lane, folder, env) {
  const started = Date.now();
  const logPath = join(folder, `${lane.name}.log`);
  const log = createWriteStream(logPath);
  console.log(`▶ lane ${lane.name} started`);
  let failed = '';
  for (const command of lane.commands) {
    log.write(`\n▶ ${command}\n`);
    const status = await new Promise((resolve) => {
      const child = spawn(command, { shell: true, env: { ...env, ...lane.env, FORCE_COLOR: '0' } });
      child.stdout.pipe(log, { end: false });
      child.stderr.pipe(log, { end: false });
      child.on('close', (code) => resolve(code));
    });
    if (status !== 0) {
      log.write(`✖ ${command} exited with ${status}\n`);
      failed = command;
      break;
    }
  }
  await new Promise((resolve) => log.end(resolve));
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\n━━━━ lane ${lane.name}: ${failed ? 'FAILED' : 'passed'} in ${seconds} s ━━━━`);
  process.stdout.write(readFileSync(logPath));
  return { name: lane.name, seconds, failed, logPath };
}
