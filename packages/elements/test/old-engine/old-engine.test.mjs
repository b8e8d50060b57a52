// The CDN bundle in the browsers of many residents and staff: the Chromium 86 cores of the 360, QQ and 奇安信
// browsers, on a district site that is still plain http. Chromium opens http://banshi-old.test:<port> (a host
// name mapped to loopback, so not a secure context: no crypto.subtle), and the page deletes every API that
// MDN's compatibility data says came after Chromium 86 before the bundle loads. Every widget must render, a
// rating must be sent, and the application form must say that drafts cannot be kept instead of failing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startServer } from '@banshi/server';
import { chromiumArgs, chromiumExecutable } from '../../../../scripts/chromium.mjs';
import { newerApis } from './newer-apis.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const HOST = 'banshi-old.test';
const RENTAL = '1115030201183506284200603001000';
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };

/** Serves the page, its scripts and the CDN folder, and forwards /api/ to the reference server. */
async function pageServer(api, formItem) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://page');
    try {
      if (url.pathname.startsWith('/api/')) {
        const chunks = [];
        for await (const chunk of request) chunks.push(chunk);
        const headers = { ...request.headers };
        delete headers.host;
        delete headers.connection;
        const answer = await fetch(api + url.pathname + url.search, {
          method: request.method,
          headers,
          body: chunks.length ? Buffer.concat(chunks) : undefined,
        });
        const out = {};
        answer.headers.forEach((value, name) => {
          if (!['content-encoding', 'content-length', 'transfer-encoding'].includes(name)) out[name] = value;
        });
        response.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
        return;
      }
      let body;
      if (url.pathname === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      if (url.pathname === '/') {
        const page = await readFile(here('page.html'), 'utf8');
        body = page.replaceAll('{guideItem}', RENTAL).replaceAll('{formItem}', formItem);
      } else if (url.pathname === '/newer-apis.js') {
        body = `window.banshiNewerApis = ${JSON.stringify(newerApis.names)};`;
      } else if (url.pathname === '/remove-newer-apis.js') {
        body = await readFile(here('remove-newer-apis.js'));
      } else if (/^\/cdn\/[\w.-]+$/.test(url.pathname)) {
        body = await readFile(here(`../../cdn/${url.pathname.slice(5)}`));
      } else {
        response.writeHead(404).end();
        return;
      }
      const type = TYPES[extname(url.pathname)] ?? TYPES['.html'];
      response.writeHead(200, { 'content-type': type }).end(body);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe(`the CDN bundle in Chromium 86 on plain http (${newerApis.source})`, () => {
  let api;
  let server;
  let browser;
  let page;
  const errors = [];

  before(async () => {
    api = await startServer({
      port: 0,
      host: '127.0.0.1',
      seed: true,
      dataDir: 'memory://',
      logLevel: 'warn',
    });
    const found = await (
      await fetch(`${api.url}/api/v1/items?q=${encodeURIComponent('高龄津贴领取资格认证')}`)
    ).json();
    const formItem = found.items.find((item) => item.name.includes('高龄津贴')).code;
    server = await pageServer(api.url, formItem);
    browser = await puppeteer.launch({
      executablePath: chromiumExecutable,
      headless: true,
      // Loopback only: the made-up host name resolves to 127.0.0.1 and nothing else resolves at all.
      args: [...chromiumArgs, `--host-resolver-rules=MAP ${HOST} 127.0.0.1, MAP * ~NOTFOUND`],
    });
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
    });
    await page.goto(`http://${HOST}:${server.address().port}/`, { waitUntil: 'load' });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await api?.close();
  });

  /** The visible text of a widget's shadow root, once it contains `expected`. */
  const textOf = async (tag, expected) => {
    const text = () =>
      page.$eval(tag, (el) => (el.shadowRoot ? el.shadowRoot.textContent : '').replace(/\s+/g, ' '));
    await page
      .waitForFunction(
        (tag, expected) => {
          var root = document.querySelector(tag).shadowRoot;
          return !!root && root.textContent.indexOf(expected) >= 0;
        },
        { timeout: 15000 },
        tag,
        expected,
      )
      .catch(async () => assert.fail(`${tag} never showed “${expected}”: ${await text()} ${errors}`));
    return text();
  };

  it('is an insecure page without the APIs newer than Chromium 86', async () => {
    const facts = await page.evaluate(() => ({
      secure: window.isSecureContext,
      subtle: typeof (window.crypto && window.crypto.subtle),
      removed: window.banshiRemovedApis,
    }));
    assert.equal(facts.secure, false);
    assert.equal(facts.subtle, 'undefined');
    for (const name of ['structuredClone', 'Array.at', 'Object.hasOwn', 'AbortSignal.timeout'])
      assert.ok(facts.removed.includes(name), `${name} was deleted`);
  });

  it('renders every widget', async () => {
    assert.match(await textOf('banshi-item-search', '搜索'), /搜索办事事项/);
    assert.match(await textOf('banshi-item-guide', '公共租赁住房申请'), /申请材料/);
    assert.match(await textOf('banshi-application-form', '高龄津贴'), /高龄津贴/);
    assert.match(await textOf('banshi-case-tracker', '办件编号'), /查询密码/);
    assert.match(await textOf('banshi-rating', '满意'), /满意/);
    assert.deepEqual(errors, []);
  });

  it('sends a rating, filled in by clicks', async () => {
    await (await page.$('banshi-rating >>> input[value=satisfied]')).click();
    await (await page.$('banshi-rating >>> [part=submit]')).click();
    assert.match(await textOf('banshi-rating', '感谢'), /感谢/);
    assert.deepEqual(errors, []);
  });

  it('says up front that no draft can be kept, and keeps nothing in clear', async () => {
    const text = await textOf('banshi-application-form', 'HTTPS');
    assert.match(text, /无法加密保存草稿/);
    const stored = await page.evaluate(() => JSON.stringify(window.localStorage) + document.cookie);
    assert.doesNotMatch(stored, /高龄|王秀兰|1503/);
  });
});
