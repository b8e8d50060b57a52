import assert from 'node:assert/strict';
import { get } from 'node:http';
import { describe, it } from 'node:test';
import { testDatabaseUrl } from '../support/database.js';
import { freshPostgresDatabase } from '../support/postgres.js';
import { spawnServer } from '../support/process.js';

/** One request on a connection of its own, so that the cluster hands each to the next worker. */
function requestAlone(url: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    }).on('error', reject);
  });
}

describe('/metrics with several workers', { timeout: 180_000 }, () => {
  it(
    'reports the requests of every worker, not of the one the scrape reached',
    { skip: !testDatabaseUrl && 'BANSHI_TEST_DATABASE_URL is not set' },
    async () => {
      const database = await freshPostgresDatabase();
      const server = await spawnServer(['--database-url', database.url, '--workers', '2']);
      try {
        const sent = 40;
        for (let i = 0; i < sent; i++)
          assert.equal((await requestAlone(`${server.url}/healthz`)).status, 200);
        // Each scrape may reach either worker; both must see the same totals.
        for (let scrape = 0; scrape < 4; scrape++) {
          const metrics = await requestAlone(`${server.url}/metrics`);
          assert.equal(metrics.status, 200, metrics.text);
          const counted = /banshi_http_requests_total\{operation="healthz",status="200"\} (\d+)\n/.exec(
            metrics.text,
          );
          assert.equal(Number(counted?.[1]), sent, counted?.[0] ?? 'no healthz count');
          // Counted once across workers, though each reads the same table.
          assert.match(metrics.text, /banshi_evaluations 0\n/);
        }
      } finally {
        await server.stop();
        await database.drop();
      }
    },
  );
});
