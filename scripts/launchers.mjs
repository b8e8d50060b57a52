// One web-test-runner launcher per engine, from the paths scripts/engines.mjs found:
// - Chromium through puppeteer over the DevTools protocol (@web/test-runner-chrome);
// - Firefox ESR through puppeteer-core over WebDriver BiDi (the same launcher, given puppeteer-core);
// - WebKit as WebKitGTK's MiniBrowser through WebKitWebDriver (@web/test-runner-webdriver), started here on a
//   free loopback port, under xvfb-run when the machine has no display.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { chromiumArgs } from './chromium.mjs';

/**
 * How long an engine may take to open a test page (web-test-runner's `browserStartTimeout`). Its default
 * 30 s is less than Firefox may take while the server suites load the same machine.
 */
export const PAGE_OPEN_TIMEOUT_MS = 120000;

/** A port nothing listens on at this moment. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Waits until the WebDriver server at `url` answers its status endpoint. */
async function driverReady(url, child) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('WebKitWebDriver did not start within 10 s');
}

/** WebdriverLauncher that owns its WebKitWebDriver process (and the Xvfb display it runs on). */
class WebKitLauncher extends WebdriverLauncher {
  /** @param {Record<string, string>} paths from scripts/engines.mjs */
  constructor(paths) {
    super({
      hostname: '127.0.0.1',
      port: 0,
      capabilities: {
        'webkitgtk:browserOptions': { binary: paths.WEBKIT_BROWSER_PATH, args: ['--automation'] },
      },
    });
    this.paths = paths;
  }

  async initialize(config, testFiles) {
    const port = await freePort();
    const driver = [this.paths.WEBKIT_WEBDRIVER_PATH, `--port=${port}`, '--host=127.0.0.1'];
    const [command, ...args] = this.paths.XVFB_RUN_PATH
      ? [this.paths.XVFB_RUN_PATH, '-a', ...driver]
      : driver;
    // Its own process group, so stop() ends xvfb-run, Xvfb, the driver and MiniBrowser together.
    this.process = spawn(command, args, { stdio: 'ignore', detached: true });
    await driverReady(`http://127.0.0.1:${port}`, this.process);
    this.options.port = port;
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  /** WebDriver input actions (a touch pointer for `banshi-tap`, see touch-commands.mjs). */
  performActions(sessionId, actions) {
    return this.driverManager.performActions(sessionId, actions);
  }

  /** WebKitWebDriver drops a key repeated within one action sequence ("qqq" arrives as "q"): one per key. */
  async sendKeys(sessionId, keys) {
    for (const key of keys) await super.sendKeys(sessionId, [key]);
  }

  async stop() {
    await super.stop();
    if (this.process?.exitCode === null) process.kill(-this.process.pid, 'SIGTERM');
  }
}

/**
 * @param {string} engine 'chromium' | 'firefox' | 'webkit'
 * @param {Record<string, string>} paths from scripts/engines.mjs
 */
export function launcherFor(engine, paths) {
  if (engine === 'chromium')
    return chromeLauncher({ launchOptions: { executablePath: paths.CHROME_PATH, args: chromiumArgs } });
  if (engine === 'firefox')
    return chromeLauncher({
      puppeteer,
      launchOptions: { browser: 'firefox', executablePath: paths.FIREFOX_PATH, headless: true },
    });
  if (engine === 'webkit') return new WebKitLauncher(paths);
  throw new Error(`Unknown browser engine "${engine}"`);
}
