// Finds the browser engines for the tests (scripts/engines.mjs says where each is looked for). When one is
// missing and apt may be used (root, or CI), installs Debian's packages for it. Then:
// - Chromium is required: the Storybook accessibility check and the benchmarks run in it too;
// - Firefox and WebKit are required in CI (CI=true); elsewhere a missing one is named, with the package that
//   provides it, and the other engines run.
import { spawnSync } from 'node:child_process';
import { locateEngines } from './engines.mjs';

function mayUseApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  return hasApt && (isRoot || process.env.CI === 'true') && process.env.BANSHI_NO_APT !== '1';
}

function aptInstall(packages) {
  console.log(`Installing Debian's ${packages.join(', ')} with apt-get …`);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  spawnSync(
    'sh',
    [
      '-c',
      `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`,
    ],
    { stdio: 'inherit' },
  );
}

/** What is missing for `engine`, one line each, with the package to install. */
const missingLines = (engine) =>
  engine.missing.map(
    ({ what, debian }) => `  ${engine.label}: ${what} (Debian/Ubuntu: apt-get install ${debian})`,
  );

/**
 * @returns {Record<string, string>} the environment of the browser tests: the paths of each engine found
 * and BANSHI_ENGINES, the engines to run (exits when a required one is missing)
 */
export function findEngines() {
  let engines = locateEngines();
  const packages = [...new Set(engines.flatMap((engine) => engine.missing.map((m) => m.debian)))];
  if (packages.length && mayUseApt()) {
    aptInstall(packages);
    engines = locateEngines();
  }
  const missing = engines.filter((engine) => engine.missing.length);
  const required = missing.filter((engine) => engine.name === 'chromium' || process.env.CI === 'true');
  if (required.length) {
    console.error(['The browser tests cannot run; missing:', ...required.flatMap(missingLines)].join('\n'));
    process.exit(1);
  }
  if (missing.length)
    console.warn(
      ['Browser tests skip an engine (CI runs them all); missing:', ...missing.flatMap(missingLines)].join(
        '\n',
      ),
    );
  const found = engines.filter((engine) => !engine.missing.length);
  return Object.assign({ BANSHI_ENGINES: found.map((e) => e.name).join(',') }, ...found.map((e) => e.paths));
}
