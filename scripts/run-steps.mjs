// Runs shell commands one after another, echoing each, and stops at the first failure with its exit code.
import { spawnSync } from 'node:child_process';

/** @param {string[]} commands @param {NodeJS.ProcessEnv} [env] */
export function runSteps(commands, env = process.env) {
  for (const command of commands) {
    console.log(`\n▶ ${command}`);
    const { status } = spawnSync(command, { shell: true, stdio: 'inherit', env });
    if (status !== 0) {
      console.error(`✖ ${command} exited with ${status}`);
      process.exit(status ?? 1);
    }
  }
}
