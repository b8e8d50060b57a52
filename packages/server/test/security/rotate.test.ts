import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { PiiCipher } from '../../src/security/pii-cipher.js';
import { rotatePii } from '../../src/security/rotate.js';
import { openTestDatabase } from '../support/database.js';

describe('key rotation', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  before(async () => {
    database = await openTestDatabase();
    await sql`create table people (id integer primary key, name text, id_number text, id_index text)`.execute(
      database.db,
    );
  });
  after(() => database.close());

  it('re-encrypts every value under the new key and recomputes the blind indexes', async () => {
    const oldKey = randomBytes(32);
    const old = new PiiCipher([oldKey]);
    for (let id = 1; id <= 7; id += 1) {
      const number = `15030219900101${String(id).padStart(4, '0')}`;
      await sql`insert into people values (${id}, ${old.encrypt(`居民${id}`, 'people.name')}, ${old.encrypt(number, 'people.id_number')}, ${old.blindIndex(number, 'idNumber')})`.execute(
        database.db,
      );
    }
    await sql`insert into people values (8, null, null, null)`.execute(database.db);
    const rotating = new PiiCipher([randomBytes(32), oldKey]);
    const spec = [
      {
        table: 'people',
        key: 'id',
        columns: ['name', 'id_number'],
        indexes: [{ column: 'id_index', from: 'id_number', purpose: 'idNumber' }],
      },
    ];
    const { rows } = await rotatePii(database.db, spec, rotating, 3);
    assert.equal(rows, 7);
    const { rows: stored } = await sql<{
      id: number;
      name: string;
      id_number: string;
      id_index: string;
    }>`select * from people where id <= 7 order by id`.execute(database.db);
    const fresh = new PiiCipher([randomBytes(32)]);
    for (const row of stored) {
      assert.equal(rotating.needsRotation(row.name), false);
      const number = rotating.decrypt(row.id_number, 'people.id_number');
      assert.equal(row.id_index, rotating.blindIndex(number, 'idNumber'));
      assert.notEqual(row.id_index, fresh.blindIndex(number, 'idNumber'));
    }
    assert.equal((await rotatePii(database.db, spec, rotating)).rows, 0, 'a second run finds nothing left');
  });
});
