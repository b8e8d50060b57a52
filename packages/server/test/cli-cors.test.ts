import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { spawnServer } from './support/process.js';

/** What the server answers a page on another origin, and whether the browser may read it. */
async function allowedFor(url: string, origin: string): Promise<string | null> {
  const response = await fetch(`${url}/api/v1/items?limit=1`, { headers: { Origin: origin } });
  await response.arrayBuffer();
  return response.headers.get('access-control-allow-origin');
}

describe('CORS at start-up', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'banshi-cli-cors-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  /** One PGlite folder per server; they run one after another. */
  let runs = 0;
  const data = () => ['--data-dir', join(dataDir, String(runs++))];

  it('allows any origin in development (npm start) and says so; otherwise only the listed ones', async () => {
    const environment = { BANSHI_ALLOWED_ORIGINS: '' };
    const development = await spawnServer(['--development', ...data()], environment);
    try {
      assert.equal(await allowedFor(development.url, 'http://localhost:5173'), '*');
      assert.match(development.output(), /CORS +any origin .*BANSHI_ALLOWED_ORIGINS/);
    } finally {
      await development.stop();
    }
    const production = await spawnServer(data(), environment);
    try {
      assert.equal(await allowedFor(production.url, 'http://localhost:5173'), null);
      assert.match(production.output(), /CORS +no other origin \(set BANSHI_ALLOWED_ORIGINS/);
    } finally {
      await production.stop();
    }
    const listed = await spawnServer(['--development', ...data()], {
      BANSHI_ALLOWED_ORIGINS: 'https://www.hbw.gov.cn',
    });
    try {
      assert.equal(await allowedFor(listed.url, 'https://www.hbw.gov.cn'), 'https://www.hbw.gov.cn');
      assert.equal(await allowedFor(listed.url, 'http://localhost:5173'), null);
    } finally {
      await listed.stop();
    }
  });
});
