// Every marked code block of the READMEs (see extract.mjs) runs as written against a started reference
// server with its seed catalogue: TypeScript is checked by tsc against the packages' types and then run,
// shell runs in bash at the repository root, HTML is a page on another origin opened in Chromium, where
// every Banshi element it names must be defined and rendered with no failed request or console error.
// The documented host https://zwfw.example.gov.cn stands for the started server. Needs `npm run build`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { startServer } from '@banshi/server';
import { chromiumArgs, chromiumExecutable } from '../chromium.mjs';
import { markedBlocks } from './extract.mjs';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
const DOCUMENTED_HOST = 'https://zwfw.example.gov.cn';
const blocks = markedBlocks(root);
const name = (block: (typeof blocks)[number]) => `${block.readme}:${block.line} (${block.language})`;

describe('README examples', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  const work = new URL('node_modules/.cache/banshi-readme-examples/', root);
  const local = (code: string) => code.replaceAll(DOCUMENTED_HOST, server.url);

  before(async () => {
    assert.ok(blocks.length > 0, 'no marked blocks found');
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      seed: true,
      dataDir: 'memory://',
      allowedOrigins: ['*'],
    });
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
  });
  after(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  describe('TypeScript', () => {
    const typescript = blocks.filter((block) => block.language === 'ts');
    const files = typescript.map((_, index) => `example-${index}.ts`);

    before(() => {
      writeFileSync(new URL('package.json', work), '{ "type": "module" }\n');
      writeFileSync(
        new URL('tsconfig.json', work),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            lib: ['ES2022', 'DOM', 'DOM.Iterable'],
            types: ['node'],
            skipLibCheck: true,
          },
          files,
        }),
      );
      typescript.forEach((block, index) => writeFileSync(new URL(files[index]!, work), block.code));
    });

    it('every block compiles against the packages’ types', async () => {
      const tsc = new URL('node_modules/typescript/bin/tsc', root).pathname;
      const result = await run(process.execPath, [tsc, '-p', work.pathname]).catch(
        (error: { stdout: string }) => error,
      );
      const named = result.stdout.replace(/example-(\d+)\.ts/g, (_, index) => name(typescript[+index]!));
      assert.equal(named.trim(), '', named);
    });

    for (const [index, block] of typescript.entries()) {
      it(`${name(block)} runs`, async () => {
        const file = new URL(`run-${index}.ts`, work);
        writeFileSync(file, local(block.code));
        await run(process.execPath, ['--import', 'tsx', file.pathname], { timeout: 120_000 });
      });
    }
  });

  for (const block of blocks.filter((candidate) => candidate.language === 'sh')) {
    it(`${name(block)} runs`, async () => {
      await run('bash', ['-euo', 'pipefail', '-c', local(block.code)], {
        cwd: root.pathname,
        timeout: 120_000,
        env: { ...process.env, BANSHI_EXAMPLE_SERVER: server.url },
      });
    });
  }

  describe('HTML in Chromium', () => {
    let browser: Browser;
    let site: Server;
    let page = '';
    before(async () => {
      browser = await puppeteer.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
      // The host page lives on another origin than the server, as on a district's CMS.
      site = createServer((_, response) => response.end(page));
      await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    });
    after(async () => {
      await browser?.close();
      site?.close();
    });

    for (const block of blocks.filter((candidate) => candidate.language === 'html')) {
      it(`${name(block)} renders its widgets`, async () => {
        page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>example</title></head><body>\n${withIntegrity(local(block.code))}\n</body></html>`;
        const tab = await browser.newPage();
        const problems: string[] = [];
        tab.on('console', (message) => {
          if (message.type() === 'error') problems.push(message.text());
        });
        tab.on('pageerror', (error) => problems.push(String(error)));
        tab.on('requestfailed', (request) =>
          problems.push(`${request.url()} ${request.failure()?.errorText}`),
        );
        tab.on('response', (response) => {
          if (response.status() >= 400) problems.push(`${response.url()} ${response.status()}`);
        });
        try {
          await tab.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
          const tags = [...new Set([...block.code.matchAll(/<(banshi-[a-z-]+)/g)].map((match) => match[1]!))];
          assert.ok(tags.length > 0, 'the block names no Banshi element');
          await tab.waitForFunction(
            (names: string[]) =>
              names.every((tag) =>
                [...document.querySelectorAll(tag)].every(
                  (element) => customElements.get(tag) && (element.shadowRoot?.textContent ?? '').trim(),
                ),
              ),
            { timeout: 30_000 },
            tags,
          );
          // Data the widgets ask for arrives (the guide's item, the rating's form); nothing fails meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 1500));
          assert.deepEqual(problems, []);
        } finally {
          await tab.close();
        }
      });
    }
  });
});

/** A pinned file's integrity, written in the README as a pointer to sri.json, filled in from it. */
function withIntegrity(html: string): string {
  const sri = JSON.parse(readFileSync(new URL('packages/elements/cdn/sri.json', root), 'utf8')) as Record<
    string,
    string
  >;
  return html.replace(
    /src="[^"]*\/cdn\/[\d.]+\/([\w./-]+\.js)"\s+integrity="sha384-…\(from [\w/.]*sri\.json\)"/g,
    (whole, file: string) => {
      assert.ok(sri[file], `sri.json has no ${file}`);
      return whole.replace(/integrity="[^"]*"/, `integrity="${sri[file]}"`);
    },
  );
}
