import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { startServer } from '../../src/server.js';
import { applicationBody, importExample } from '../support/cases.js';
import { createHarness, type Harness } from '../support/harness.js';
import { recordStatements } from '../support/statements.js';

const piiKey = Buffer.alloc(32, 5);

/** The database of the harness, with every statement run through it written down. */
function recorded(h: Harness) {
  const statements: string[] = [];
  return { database: recordStatements(h.database, statements), statements };
}

/** A start and stop of the server on the harness's database; answers the statements it ran. */
async function startAndStop(h: Harness): Promise<string[]> {
  const { database, statements } = recorded(h);
  const server = await startServer({ database, piiKey: piiKey.toString('hex'), port: 0, log: () => {} });
  await server.close();
  return statements;
}

describe('sealing rows stored before encryption at rest', () => {
  let h: Harness;
  let itemCode: string;
  before(async () => {
    h = await createHarness({ piiKey });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  async function oldFormatCase(name: string): Promise<string> {
    const created = await h.call('POST', '/api/v1/cases', { body: await applicationBody(h, itemCode) });
    assert.equal(created.status, 201, created.text);
    await sql`update cases set applicant_name = ${name} where number = ${created.body.caseNumber}`.execute(
      h.database.db as Kysely<unknown>,
    );
    return created.body.caseNumber;
  }

  const storedName = async (number: string) =>
    (
      await sql<{
        applicant_name: string;
      }>`select applicant_name from cases where number = ${number}`.execute(h.database.db as Kysely<unknown>)
    ).rows[0]!.applicant_name;

  it('seals them on the upgraded database’s first start, and later starts scan nothing', async () => {
    const upgraded = await oldFormatCase('王建国');
    const first = await startAndStop(h);
    assert.match(await storedName(upgraded), /^pii1:/, 'the row of the old format is sealed');
    const scans = (statements: string[]) =>
      statements.filter((s) => /from "cases" where[\s\S]*not like/.test(s));
    assert.ok(scans(first).length >= 1, 'the first start scans the cases');
    const second = await startAndStop(h);
    assert.deepEqual(scans(second), [], 'the second start does not');
    assert.ok(
      second.some((s) => s.includes('maintenance_marks')),
      'it reads the mark instead',
    );
  });
});
