// How every tool here starts Chromium: the executable `npm test` found (CHROME_PATH, else Debian's) with
// the flags a root, offline, headless machine needs (no sandbox as root; nothing that calls home).
export const chromiumExecutable = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
