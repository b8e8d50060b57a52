// Writes the journey's screenshots into docs/screenshots/ (names and what each shows: its README), at
// 1280 and 360 px wide, from the demo site served by the reference server with the demo catalogue. Drives
// Debian's headless Chromium with puppeteer-core, on loopback only; run `npm run build` first.
//   npm run screenshots                          every shot
//   npm run screenshots -- form                  only the shots whose name starts with this
//   npm run screenshots -- --before /tmp/old     the same pages served by an older, built checkout,
//                                                written as <name>-before-<width>.png
/* global document, getComputedStyle, HTMLSelectElement, requestAnimationFrame, scrollY, window -- run in the page */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumExecutable } from './chromium.mjs';

const output = new URL('../docs/screenshots/', import.meta.url);
const WIDTHS = [1280, 360];
const RENTAL = '1115030201183506284200603001000'; // 公共租赁住房申请, with situations and uploads
const FORM = 'banshi-application-form';
const GUIDE = 'banshi-item-guide';

/**
 * One shot per entry: `name` (the file is `<name>-<width>.png`), the demo `path` (`beforePath` where the
 * page did not exist then), `ready` (a widget and a selector in its shadow root that shows its real
 * content), what a person does first (`act`), and the picture's `height` (none: what is printed, whole).
 */
const shots = [
  // Point 1: the search kept in the address (query, filters, page) with the result count.
  {
    name: 'search-url-state',
    path: `/search.html?q=${encodeURIComponent('证')}&audience=naturalPerson`,
    ready: ['banshi-item-search', '[part=result]'],
    height: 1100,
  },
  // Point 4: the 一次性告知单 as printed, for a non-local family.
  { name: 'guide-print', path: `/guide.html?code=${RENTAL}`, ready: [GUIDE, '[part=title]'], act: print },
  // Point 7: the steps before any answer, then after answers that add the residence and members pages.
  { name: 'form-steps', path: `/apply.html?code=${RENTAL}`, ready: [FORM, '[part=continue]'], height: 1100 },
  {
    name: 'form-steps-answered',
    path: `/apply.html?code=${RENTAL}`,
    ready: [FORM, '[part=continue]'],
    act: answerNonlocalFamily,
    height: 1100,
  },
  // Point 8: the materials step with one photo accepted and one file refused.
  {
    name: 'form-uploads',
    path: `/apply.html?code=${RENTAL}`,
    ready: [FORM, '[part=continue]'],
    act: upload,
    height: 1500,
  },
  // Point 16: the rating and the guide in traditional Mongolian (before: the guide, all a reader had).
  {
    name: 'mongolian',
    path: '/mongolian.html',
    beforePath: `/guide.html?code=${RENTAL}`,
    ready: [GUIDE, '[part=title]'],
    height: 1900,
  },
];

/** Waits until `selector` (a list: any of them) matches in the shadow root of the first `host`. */
function waitInShadow(page, host, selector) {
  return page.waitForFunction(
    (h, s) => document.querySelector(h)?.shadowRoot?.querySelector(s),
    { timeout: 20_000 },
    host,
    selector,
  );
}

/** Clicks, in `host`'s shadow root, the option (a radio or checkbox in a label) whose label is `label`. */
function choose(page, host, label) {
  return page.$eval(
    host,
    (el, text) => {
      const input = [...el.shadowRoot.querySelectorAll('label input')].find(
        (candidate) => candidate.closest('label').textContent.trim() === text,
      );
      if (!input) throw new Error(`no option ${text}`);
      input.click();
    },
    label,
  );
}

/** Fills the form's fields by element id (text typed, a select's option by its text), as a person would. */
function fill(page, fields) {
  return page.$eval(
    FORM,
    (el, entries) => {
      for (const [id, value] of entries) {
        const field = el.shadowRoot.getElementById(id);
        if (field instanceof HTMLSelectElement)
          field.selectedIndex = [...field.options].findIndex((o) => o.textContent.trim() === value);
        else field.value = value;
        field.dispatchEvent(
          new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
        );
      }
    },
    Object.entries(fields),
  );
}

/** Presses Continue and waits for the next step's heading. */
async function next(page) {
  const heading = await page.$eval(FORM, (el) => el.shadowRoot.querySelector('[part=title]').textContent);
  await page.$eval(FORM, (el) => el.shadowRoot.querySelector('[part=continue]').click());
  await page.waitForFunction(
    (h, before) => document.querySelector(h).shadowRoot.querySelector('[part=title]')?.textContent !== before,
    { timeout: 20_000 },
    FORM,
    heading,
  );
}

/** Chooses situations in the guide, then prints it (the dialog stubbed) and shows the page as printed. */
async function print(page) {
  await choose(page, GUIDE, '非本区户籍（持居住证）');
  await choose(page, GUIDE, '家庭');
  await page.evaluate(() => (window.print = () => (window.printed = true)));
  await page.$eval(GUIDE, (el) => el.shadowRoot.querySelector('[part=actions] button:last-child').click());
  await page.waitForFunction(() => window.printed, { timeout: 20_000 });
  await page.emulateMediaType('print');
}

/** Answers that make the residence permit and family members pages apply. */
async function answerNonlocalFamily(page) {
  await choose(page, FORM, '非本区户籍（持居住证）');
  await choose(page, FORM, '家庭');
}

/** Goes through the form as 张丽 to the materials, then chooses a photo and a file of a refused type. */
async function upload(page, files) {
  for (const label of ['本区户籍', '个人', '否']) await choose(page, FORM, label);
  await next(page);
  await fill(page, {
    'f/applicant/name': '张丽',
    'f/applicant/idNumber': '150302198805123023',
    'f/applicant/mobile': '13947312345',
    'f/applicant/address': '海勃湾区新华街道和谐社区12号楼3单元502室',
  });
  await choose(page, FORM, '已婚');
  await next(page);
  await fill(page, { 'f/income/monthlyPerCapita': '1850', 'f/preferredEstate': '新华街道公租房小区' });
  await choose(page, FORM, '租房居住');
  await next(page);
  await (await page.$(`${FORM} >>> #m-income-proof`)).uploadFile(files.photo);
  await waitInShadow(page, FORM, 'li.file .ok');
  await (await page.$(`${FORM} >>> #m-labour-contract`)).uploadFile(files.refused);
  await waitInShadow(page, FORM, '[part=error-summary], li.file .error');
}

/** A scanned 收入证明 as a PNG (drawn by the browser itself) and a text file no material takes. */
async function writeFixtures(browser, folder) {
  const page = await browser.newPage();
  await page.setViewport({ width: 300, height: 400 });
  await page.setContent(
    `<body style="margin:0;padding:24px;font:16px sans-serif;background:#fffdf5">
      <h1 style="text-align:center;font-size:22px">收入证明</h1>
      <p>兹证明张丽同志系我单位在编教师，月收入人民币叁仟柒佰元整。</p>
      <p style="text-align:right;margin-top:80px">乌海市第六中学<br>2026年12月1日</p>
      <div style="position:absolute;right:40px;top:250px;width:90px;height:90px;border:3px solid #c00;border-radius:50%"></div>
    </body>`,
  );
  const files = { photo: join(folder, '收入证明.png'), refused: join(folder, '劳动合同.txt') };
  writeFileSync(files.photo, await page.screenshot({ type: 'png' }));
  writeFileSync(files.refused, '劳动合同（文字稿）\n');
  await page.close();
  return files;
}

/** The height of what is visible (what prints when the rest is hidden), for a picture without a height. */
function visibleHeight(page) {
  return page.evaluate(() =>
    Math.ceil(
      Math.max(
        ...[...document.body.querySelectorAll('*')]
          .filter((el) => getComputedStyle(el).visibility === 'visible')
          .map((el) => el.getBoundingClientRect().bottom + scrollY),
      ),
    ),
  );
}

/** Opens the shot's page in a fresh context (no draft kept from another shot), acts, and saves it. */
async function shoot(browser, baseUrl, shot, width, { before, files }) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width, height: shot.height ?? 1000 });
    await page.goto(new URL((before && shot.beforePath) || shot.path, baseUrl).href, { waitUntil: 'load' });
    await waitInShadow(page, ...shot.ready);
    await shot.act?.(page, files);
    // Focus rings and the caret say nothing here; the widgets' late layout settles in two frames.
    await page.evaluate(() => document.activeElement?.blur?.());
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const height = shot.height ?? (await visibleHeight(page));
    const file = new URL(`${shot.name}${before ? '-before' : ''}-${width}.png`, output);
    await page.screenshot({
      path: file.pathname,
      clip: { x: 0, y: 0, width, height },
      captureBeyondViewport: true,
    });
    console.log(file.pathname);
  } finally {
    await context.close();
  }
}

const { values, positionals } = parseArgs({
  options: { before: { type: 'string' } },
  allowPositionals: true,
});
const root = resolve(values.before ?? new URL('..', import.meta.url).pathname);
// The demo pages load the widgets from /cdn/<version>/, which today's server serves only for the release
// that release.json names (written by the elements' build after Rollup): without it every widget is a 404.
// Older checkouts predate that file, so only this one is held to it.
if (!values.before && !existsSync(join(root, 'packages/elements/cdn/release.json'))) {
  console.error('packages/elements/cdn/release.json is missing: run `npm run build` first.');
  process.exit(1);
}

const { startServer } = await import(pathToFileURL(join(root, 'packages/server/dist/index.js')).href);
const server = await startServer({ port: 0, host: '127.0.0.1', seed: true, logLevel: 'warn' });
// Every host name but the loopback address fails to resolve: nothing leaves the machine. The browser's own
// words (the file button) follow LANGUAGE on Linux, in Chinese with Debian's chromium-l10n.
const browser = await puppeteer.launch({
  executablePath: chromiumExecutable,
  args: [...chromiumArgs, '--hide-scrollbars', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  env: { ...process.env, LANGUAGE: 'zh_CN' },
});
const folder = mkdtempSync(join(tmpdir(), 'banshi-shot-'));
try {
  const files = await writeFixtures(browser, folder);
  for (const shot of shots.filter((s) => s.name.startsWith(positionals[0] ?? '')))
    for (const width of WIDTHS)
      await shoot(browser, server.url, shot, width, { before: !!values.before, files });
} finally {
  await browser.close();
  await server.close();
  rmSync(folder, { recursive: true, force: true });
}
