#!/usr/bin/env node
// Runs every story of the static Storybook (storybook-static/) in headless Chromium, in several
// language / elder-mode / theme combinations, and fails when a story breaks, its play function fails, the
// accessibility addon's axe check finds a violation (parameters.a11y.test = 'error'), or the page loads
// Lit twice. Build first: `npm run build-storybook`. Then: `node stories/check-a11y.mjs [options]`
//   --all            every combination (8) instead of the 4 that cover each pair of settings
//   --only <text>    only the stories whose id contains <text>
//   --dir <path>     the static Storybook to check (default storybook-static)
//   --workers <n>    stories checked at once, each in its own browser context (default 2)
// Chromium: $CHROME_PATH, else /usr/bin/chromium.
/* global window -- in the functions that run in the page */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { URLSearchParams } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumExecutable } from '../scripts/chromium.mjs';

const { values: options } = parseArgs({
  options: {
    all: { type: 'boolean', default: false },
    only: { type: 'string', default: '' },
    dir: { type: 'string', default: 'storybook-static' },
    workers: { type: 'string', default: '2' },
  },
});

const root = resolve(options.dir);
if (!existsSync(join(root, 'index.json'))) {
  console.error(`No static Storybook in ${root}: run \`npm run build-storybook\` first.`);
  process.exit(2);
}

// Every pair of settings appears in these four (a pairwise design); --all takes the full product.
const combinations = options.all
  ? ['zh-CN', 'en'].flatMap((locale) =>
      ['off', 'on'].flatMap((elder) => ['baotou', 'haibowan'].map((theme) => ({ locale, elder, theme }))),
    )
  : [
      { locale: 'zh-CN', elder: 'off', theme: 'baotou' },
      { locale: 'zh-CN', elder: 'on', theme: 'haibowan' },
      { locale: 'en', elder: 'off', theme: 'haibowan' },
      { locale: 'en', elder: 'on', theme: 'baotou' },
    ];

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter(
  (entry) => entry.type === 'story' && entry.id.includes(options.only),
);

if (stories.length === 0) {
  console.error(
    `No story in ${root}/index.json${options.only ? ` has an id containing “${options.only}”` : ''}.`,
  );
  process.exit(2);
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/** Serves the static Storybook on 127.0.0.1 (service workers need localhost or https). */
function serve() {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** A browser page that reports how each story it loads ends. */
async function storyPage(context) {
  const page = await context.newPage();
  const seen = { problems: [] };
  page.on('pageerror', (error) => seen.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/multiple versions of lit/i.test(message.text())) seen.problems.push(`console: ${message.text()}`);
  });
  // Listen on Storybook's channel as soon as it exists, before the story can finish.
  await page.evaluateOnNewDocument(() => {
    const events = ['storyFinished', 'storyErrored', 'storyThrewException', 'playFunctionThrewException'];
    const watch = setInterval(() => {
      const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
      if (!channel) return;
      clearInterval(watch);
      for (const name of events)
        channel.on(name, (detail) => (window.__banshiStory ??= { name, detail: JSON.stringify(detail) }));
    }, 2);
  });
  return { page, seen };
}

/** Loads one story with the given settings and waits until Storybook says it finished (play and a11y). */
async function check({ page, seen }, origin, story, globals) {
  const problems = (seen.problems = []);
  const search = new URLSearchParams({
    id: story.id,
    viewMode: 'story',
    globals: Object.entries(globals)
      .map(([key, value]) => `${key}:${value}`)
      .join(';'),
  });
  try {
    await page.goto(`${origin}/iframe.html?${search}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__banshiStory, { timeout: 60_000 });
    const outcome = await page.evaluate(() => ({
      ...window.__banshiStory,
      litCopies: (window.litHtmlVersions ?? []).length,
    }));
    const detail = JSON.parse(outcome.detail ?? 'null');
    if (outcome.name !== 'storyFinished') {
      const message = detail?.message ?? detail?.description ?? outcome.detail;
      problems.push(`${outcome.name}: ${String(message).split('\n')[0].slice(0, 300)}`);
    } else if (detail.status !== 'success') problems.push('Storybook reports the story as failed');
    if (outcome.litCopies > 1) problems.push(`${outcome.litCopies} copies of lit-html loaded`);
    const a11y = detail?.reporters?.find((report) => report.type === 'a11y');
    if (outcome.name === 'storyFinished' && !a11y) problems.push('the accessibility check did not run');
    for (const violation of a11y?.result?.violations ?? []) {
      const where = violation.nodes.map((node) => node.target.join(' ')).join(', ');
      problems.push(`${violation.id} (${violation.impact}): ${violation.help} — ${where}`);
    }
    if (a11y?.result?.error) problems.push(`axe failed: ${JSON.stringify(a11y.result.error)}`);
  } catch (error) {
    problems.push(String(error));
  }
  return [...problems];
}

const started = performance.now();
const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: chromiumExecutable,
  args: chromiumArgs,
});

const jobs = stories.flatMap((story) => combinations.map((globals) => ({ story, globals })));
let failed = 0;
async function worker() {
  // Each worker has its own storage (IndexedDB, service worker), so kiosk queues never mix.
  const context = await browser.createBrowserContext();
  const page = await storyPage(context);
  for (let job = jobs.shift(); job; job = jobs.shift()) {
    const problems = await check(page, origin, job.story, job.globals);
    const label = `${job.story.id} [${Object.values(job.globals).join(' ')}]`;
    if (problems.length) {
      failed += 1;
      console.log(`✗ ${label}\n    ${problems.join('\n    ')}`);
    } else {
      console.log(`✓ ${label}`);
    }
  }
  await context.close();
}
const total = jobs.length;
await Promise.all(Array.from({ length: Math.max(1, Number(options.workers)) }, worker));
await browser.close();
server.close();

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\n${stories.length} stories, ${total} checks in ${seconds} s.`);
// The plain closing line test reports end with, so CI logs read alike across runners.
console.log(`stories: ${total - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
