// The browser engines the component tests run in, and where each is found on this machine. Residents use
// Chromium cores (WeChat, QQ, 360 and 奇安信 browsers), Safari (WebKit) on iPhones and Firefox; hall staff
// use old Chromium or Firefox ESR. This file only looks; scripts/find-engines.mjs installs what is missing.
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Names in the order they run. */
export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'];

/** The first of `paths` that exists. */
function firstExisting(paths) {
  return paths.find((path) => path && existsSync(path));
}

/** `command` on the PATH, if any. */
function onPath(command) {
  return firstExisting((process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, command)));
}

/** WebKitGTK's MiniBrowser lives under the multiarch library folder (x86_64-linux-gnu, aarch64-linux-gnu…). */
function miniBrowser() {
  const found = [];
  for (const base of ['/usr/lib', '/usr/libexec']) {
    if (!existsSync(base)) continue;
    for (const dir of readdirSync(base)) {
      for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
        found.push(join(base, dir, api, 'MiniBrowser'), join(base, api, 'MiniBrowser'));
      }
    }
  }
  return firstExisting([process.env.WEBKIT_BROWSER_PATH, ...found]);
}

/**
 * @typedef {{ what: string, debian: string }} Missing  a program that is absent, and the Debian package with it
 * @typedef {{ name: string, label: string, debian: string[], paths: Record<string, string>, missing: Missing[] }} Engine
 */

/** @returns {Engine} */
function chromium() {
  const path = firstExisting([
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ]);
  return {
    name: 'chromium',
    label: 'Chromium',
    debian: ['chromium'],
    paths: path ? { CHROME_PATH: path } : {},
    missing: path ? [] : [{ what: 'Chrome or Chromium (or CHROME_PATH)', debian: 'chromium' }],
  };
}

/** @returns {Engine} */
function firefox() {
  const path = firstExisting([
    process.env.FIREFOX_PATH,
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
  ]);
  return {
    name: 'firefox',
    label: 'Firefox',
    debian: ['firefox-esr'],
    paths: path ? { FIREFOX_PATH: path } : {},
    missing: path ? [] : [{ what: 'Firefox (or FIREFOX_PATH)', debian: 'firefox-esr' }],
  };
}

/**
 * WebKitGTK: its WebDriver server starts MiniBrowser, which needs an X display (Xvfb when there is none).
 * @returns {Engine}
 */
function webkit() {
  const driver = firstExisting([process.env.WEBKIT_WEBDRIVER_PATH, onPath('WebKitWebDriver')]);
  const browser = miniBrowser();
  const xvfbRun = process.env.DISPLAY ? undefined : onPath('xvfb-run');
  const missing = [];
  if (!driver)
    missing.push({ what: 'WebKitWebDriver (or WEBKIT_WEBDRIVER_PATH)', debian: 'webkit2gtk-driver' });
  if (!browser)
    missing.push({ what: 'WebKitGTK MiniBrowser (or WEBKIT_BROWSER_PATH)', debian: 'webkit2gtk-driver' });
  if (!process.env.DISPLAY && !xvfbRun)
    missing.push({ what: 'xvfb-run (there is no DISPLAY for MiniBrowser)', debian: 'xvfb' });
  const paths = {};
  if (driver) paths.WEBKIT_WEBDRIVER_PATH = driver;
  if (browser) paths.WEBKIT_BROWSER_PATH = browser;
  if (xvfbRun) paths.XVFB_RUN_PATH = xvfbRun;
  return { name: 'webkit', label: 'WebKit', debian: ['webkit2gtk-driver', 'xvfb'], paths, missing };
}

/** @returns {Engine[]} every engine, each with the paths found or what is missing */
export function locateEngines() {
  return [chromium(), firefox(), webkit()];
}
