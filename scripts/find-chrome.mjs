// Finds a Chrome or Chromium for the browser tests: CHROME_PATH first, then the usual system paths.
// When none is found and apt may be used (root, or CI), installs Debian's chromium; otherwise says
// exactly what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function firstExisting() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  return candidates.find((path) => existsSync(path));
}

function mayUseApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  return hasApt && (isRoot || process.env.CI === 'true') && process.env.BANSHI_NO_APT !== '1';
}

/** @returns {string} the path of a Chrome/Chromium executable */
export function findChrome() {
  const found = firstExisting();
  if (found) return found;
  if (mayUseApt()) {
    console.log('No Chrome/Chromium found: installing Debian’s chromium with apt-get …');
    const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
    const { status } = spawnSync(
      'sh',
      [
        '-c',
        `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`,
      ],
      { stdio: 'inherit' },
    );
    const installed = firstExisting();
    if (status === 0 && installed) return installed;
  }
  console.error(
    [
      'The browser tests need Chrome or Chromium, and none was found.',
      '  Debian/Ubuntu: sudo apt-get install chromium',
      '  macOS:         brew install --cask chromium',
      '  or point CHROME_PATH at an existing Chrome/Chromium executable.',
    ].join('\n'),
  );
  process.exit(1);
}
