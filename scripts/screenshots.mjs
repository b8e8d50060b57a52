// Writes the journey's screenshots into docs/screenshots/ (names and what each shows: its README), at
// 1280 and 360 px wide, from the demo site served by the reference server with the demo catalogue.
// Uses Debian's headless Chromium's own `--screenshot`, nothing else; run `npm run build` first.
//   node scripts/screenshots.mjs            every shot
//   node scripts/screenshots.mjs search-url only the shots whose name starts with this
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromiumArgs, chromiumExecutable } from './chromium.mjs';

const run = promisify(execFile);
const output = new URL('../docs/screenshots/', import.meta.url);
const WIDTHS = [1280, 360];

/**
 * One shot per entry: `name` (the file is `<name>-<width>.png`), the demo `path` and the page `height`.
 * @type {{ name: string, path: string, height: number }[]}
 */
const shots = [
  // Point 1: the search kept in the address (query, filters, page) with the result count.
  { name: 'search-url-state', path: `/search.html?q=${encodeURIComponent('证')}&page=2`, height: 1100 },
  // Point 16: the rating and the guide in traditional Mongolian, written top to bottom.
  { name: 'mongolian', path: '/mongolian.html', height: 1000 },
  // The application form stays at 正在加载申请表… under the virtual time budget (its draft is read from
  // IndexedDB first), so its step list is not shot yet:
  // { name: 'form-steps', path: '/apply.html?code=1115030201183506284200603001000', height: 1400 },
];

async function shoot(baseUrl, shot, width) {
  const profile = mkdtempSync(join(tmpdir(), 'banshi-shot-'));
  const file = new URL(`${shot.name}-${width}.png`, output);
  try {
    await run(
      chromiumExecutable,
      [
        ...chromiumArgs,
        `--user-data-dir=${profile}`,
        '--hide-scrollbars',
        `--window-size=${width},${shot.height}`,
        // `--screenshot` fires at the load event, before the loader's module chunks and the widgets' API
        // answers arrive (the widgets then showed empty boxes). A virtual time budget runs the page's
        // timers and waits for its network until the budget is spent, then the picture is taken.
        '--virtual-time-budget=15000',
        `--screenshot=${file.pathname}`,
        new URL(shot.path, baseUrl).href,
      ],
      { timeout: 60_000 },
    );
    console.log(`${file.pathname}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

// The demo pages load the widgets from /cdn/<version>/, which the server serves only for the release that
// the CDN folder's release.json names (written by the elements' build after Rollup): without it every
// widget is a 404 and the shots show empty boxes.
if (!existsSync(new URL('../packages/elements/cdn/release.json', import.meta.url))) {
  console.error('packages/elements/cdn/release.json is missing: run `npm run build` first.');
  process.exit(1);
}

const only = process.argv[2] ?? '';
const { startServer } = await import('@banshi/server');
const server = await startServer({ port: 0, host: '127.0.0.1', seed: true });
try {
  for (const shot of shots.filter((s) => s.name.startsWith(only)))
    for (const width of WIDTHS) await shoot(server.url, shot, width);
} finally {
  await server.close();
}
