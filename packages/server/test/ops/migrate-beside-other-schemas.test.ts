import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../src/db/database.js';
import { testDatabaseUrl } from '../support/database.js';
import { freshPostgresDatabase } from '../support/postgres.js';

/** How many deployments share the database, and how many start while the others are dropped. */
const sharing = 10;

describe('starting beside other schemas of the same PostgreSQL', { skip: !testDatabaseUrl }, () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  before(async () => {
    database = await freshPostgresDatabase();
  });
  after(() => database.drop());

  async function open(schema: string): Promise<Database> {
    return openDatabase({ databaseUrl: database.url, schema, poolSize: 2 });
  }

  it('migrates its own schema while other schemas are being dropped', async () => {
    const doomed = await Promise.all(Array.from({ length: sharing }, (_, i) => open(`doomed_${i}`)));
    const dropping = (async () => {
      for (const [i, other] of doomed.entries()) {
        await sql`drop schema ${sql.id(`doomed_${i}`)} cascade`.execute(other.db);
        await other.close();
      }
    })();
    const starting = Array.from({ length: sharing }, (_, i) => open(`starting_${i}`));
    const [dropped, ...started] = await Promise.allSettled([dropping, ...starting]);
    for (const start of started) if (start.status === 'fulfilled') await start.value.close();
    assert.equal(dropped.status, 'fulfilled');
    assert.deepEqual(
      started.filter((start) => start.status === 'rejected').map((start) => String(start.reason)),
      [],
    );
  });
});
