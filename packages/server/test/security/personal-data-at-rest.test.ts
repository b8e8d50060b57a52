import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { idCardCheckChar } from '@banshi/sdk/forms';
import { sql, type Kysely } from 'kysely';
import { JwtVerifier } from '../../src/identity/jwt-verifier.js';
import { PiiCipher } from '../../src/security/pii-cipher.js';
import { sealStoredRows } from '../../src/security/sealed-columns.js';
import { startServer } from '../../src/server.js';
import { applicationBody, concludeCase, importExample, validIdNumber } from '../support/cases.js';
import { createHarness, staffClaims, type Harness } from '../support/harness.js';
import { startFakeProvider, testAudience, type FakeProvider } from '../support/identity-provider.js';
import { testDatabaseUrl } from '../support/database.js';

const idNumber = (body: string) => body + idCardCheckChar(body);
const piiKey = Buffer.alloc(32, 9);
const resident = {
  sub: 'r-scan',
  name: '张丽',
  id_type: 'residentIdCard',
  id_number: validIdNumber,
  phone_number: '13947312345',
  assurance_level: 3,
};
const agentId = idNumber('15020319920304452');
const companyAgent = {
  sub: 'c-scan',
  name: '吴敏',
  id_number: idNumber('15030219920908402'),
  phone_number: '13614739920',
  assurance_level: 3,
  company_credit_code: '91150302MA0N7K2X39',
  company_name: '乌海市蓝天商贸有限公司',
  company_relation: 'agent',
};

/** Every row of every table of the test database, as text (bytea as text and as hex). */
async function dump(db: Kysely<unknown>, schema: string): Promise<Map<string, string>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = ${schema} and table_type = 'BASE TABLE'`.execute(db);
  const texts = new Map<string, string>();
  for (const { table_name: table } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    texts.set(
      table,
      JSON.stringify(rows.rows, (_key, value: unknown) =>
        value instanceof Uint8Array
          ? `${Buffer.from(value).toString('hex')} ${Buffer.from(value).toString('latin1')}`
          : value,
      ),
    );
  }
  return texts;
}

describe('personal data at rest', () => {
  let provider: FakeProvider;
  let h: Harness;
  let staff: Record<string, string>;
  let itemCode: string;
  const secrets: string[] = [];

  before(async () => {
    provider = await startFakeProvider();
    h = await createHarness({
      piiKey,
      tokenVerifier: new JwtVerifier({
        issuer: provider.issuer,
        audience: testAudience,
        jwksUrl: provider.jwksUrl,
      }),
    });
    itemCode = (await importExample(h)).code;
    staff = { Authorization: `Bearer ${await provider.sign(staffClaims(), { expiresIn: '2h' })}` };
  });
  after(async () => {
    await h.close();
    await provider.close();
  });

  /** The test flows: apply signed in and not, with an agent and a mailing address; correct, withdraw, rate. */
  async function realisticRun() {
    const residentToken = await provider.sign(resident);
    const companyToken = await provider.sign(companyAgent);
    secrets.push(residentToken, companyToken, validIdNumber, agentId, companyAgent.id_number);
    secrets.push('13947312345', '13804731234', '13614739920', '15004736627');
    const agentBody = {
      agent: { name: '李明', idType: 'residentIdCard', idNumber: agentId, mobile: '13804731234' },
    };
    const signedIn = await h.call('POST', '/api/v1/cases', {
      body: await applicationBody(h, itemCode, agentBody),
      headers: { Authorization: `Bearer ${residentToken}` },
    });
    assert.equal(signedIn.status, 201, signedIn.text);
    const anonymous = await h.call('POST', '/api/v1/cases', { body: await applicationBody(h, itemCode) });
    assert.equal(anonymous.status, 201, anonymous.text);
    const company = await h.call('POST', '/api/v1/cases', {
      body: await applicationBody(h, itemCode, {
        applicant: {
          kind: 'organisation',
          name: companyAgent.company_name,
          creditCode: companyAgent.company_credit_code,
          legalRepresentative: '周海',
          contact: { name: '吴敏', mobile: '13614739920' },
        },
      }),
      headers: { Authorization: `Bearer ${companyToken}` },
    });
    assert.equal(company.status, 201, company.text);
    for (const created of [signedIn, anonymous, company])
      secrets.push(created.body.queryCode, created.body.applicantToken);
    const mine = await h.call('GET', '/api/v1/me/cases', {
      headers: { Authorization: `Bearer ${residentToken}` },
    });
    assert.equal(mine.body.items.length, 1);
    const read = await h.call('GET', `/api/v1/cases/${anonymous.body.caseNumber}`, {
      headers: { 'X-Query-Code': anonymous.body.queryCode },
    });
    assert.equal(read.status, 200);
    await concludeCase(h, signedIn.body.caseNumber, staff);
    const rated = await h.call('POST', '/api/v1/evaluations', {
      headers: { Authorization: `Bearer ${residentToken}` },
      body: {
        target: { kind: 'case', caseNumber: signedIn.body.caseNumber },
        level: 'dissatisfied',
        reasons: ['slowProcessing'],
        channel: 'pc',
        anonymous: false,
      },
    });
    assert.equal(rated.status, 201, rated.text);
    const typed = await h.call('POST', '/api/v1/evaluations', {
      body: {
        target: { kind: 'onSite', itemCode, windowId: 'hbw-a12' },
        level: 'satisfied',
        channel: 'hallTablet',
        anonymous: false,
        rater: { name: '赵海燕', mobile: '15004736627' },
      },
    });
    assert.equal(typed.status, 201, typed.text);
    const accepted = await h.call('POST', `/api/v1/cases/${anonymous.body.caseNumber}/transitions`, {
      headers: staff,
      body: { action: 'accept' },
    });
    assert.equal(accepted.status, 200, accepted.text);
    const withdrawn = await h.call('POST', `/api/v1/cases/${company.body.caseNumber}/withdrawal`, {
      headers: { Authorization: `Bearer ${companyToken}` },
      body: { reason: '材料有误，重新申请' },
    });
    assert.equal(withdrawn.status, 200, withdrawn.text);
    const question = '我在乌海市蓝天商贸上班，住房困难，能申请吗？';
    const asked = await h.call('POST', '/api/v1/consultations', {
      body: { itemCode, question, mobile: '13947312345' },
    });
    assert.equal(asked.status, 201, asked.text);
    const answer = '蓝天商贸的职工住房困难可以申请，请带社保证明。';
    const answered = await h.call('POST', `/api/v1/consultations/${asked.body.number}/answer`, {
      headers: staff,
      body: { answer },
    });
    assert.equal(answered.status, 200, answered.text);
    secrets.push(question, answer, asked.body.queryCode);
    return { signedIn: signedIn.body.caseNumber as string };
  }

  it('keeps no ID number, mobile, query code or token in clear in any table', async () => {
    const { signedIn } = await realisticRun();
    const schema = (h.database as { schema?: string }).schema ?? 'public';
    const tables = await dump(h.database.db as Kysely<unknown>, schema);
    assert.ok(tables.has('cases') && tables.has('evaluations') && tables.has('idempotency_keys'));
    for (const [table, text] of tables) {
      for (const secret of secrets)
        assert.ok(!text.includes(secret), `${table} holds ${secret.slice(0, 12)}… in clear`);
      assert.ok(!text.includes('张丽'), `${table} holds the applicant's name in clear`);
    }
    // And the server still reads it all back.
    const byStaff = await h.call('GET', `/api/v1/cases/${signedIn}`, {
      headers: staff,
    });
    assert.equal(byStaff.body.applicant.name, '张丽');
    assert.equal(byStaff.body.agent.name, '李明');
    const found = await h.call('GET', '/api/v1/cases?q=张丽', {
      headers: staff,
    });
    assert.ok(found.body.items.some((c: { caseNumber: string }) => c.caseNumber === signedIn));
  });

  it('encrypts rows stored before encryption at rest when the server starts', async () => {
    const created = await h.call('POST', '/api/v1/cases', { body: await applicationBody(h, itemCode) });
    const raw = h.database.db as Kysely<unknown>;
    const clear = JSON.stringify({
      kind: 'person',
      name: '王建国',
      idType: 'residentIdCard',
      idNumber: validIdNumber,
      mobile: '13804730021',
    });
    await sql`update cases set applicant = ${clear}, applicant_name = '王建国' where number = ${created.body.caseNumber}`.execute(
      raw,
    );
    const { rows } = await sealStoredRows(raw, new PiiCipher([piiKey]));
    assert.ok(rows >= 1);
    const stored = await sql<{ applicant: string; applicant_name: string }>`
      select applicant, applicant_name from cases where number = ${created.body.caseNumber}`.execute(raw);
    assert.match(stored.rows[0]!.applicant, /^pii1:/);
    assert.match(stored.rows[0]!.applicant_name, /^pii1:/);
    const read = await h.call('GET', `/api/v1/cases/${created.body.caseNumber}`, {
      headers: { 'X-Query-Code': created.body.queryCode },
    });
    assert.equal(read.body.applicant.name, '王建国');
    assert.equal(read.body.applicant.maskedMobile, '138****0021');
  });

  it('refuses a production start without a personal-data key', async () => {
    await assert.rejects(
      startServer({
        production: true,
        port: 0,
        host: '127.0.0.1',
        identity: { issuer: provider.issuer, audience: testAudience },
        ...(testDatabaseUrl ? { databaseUrl: testDatabaseUrl } : { dataDir: 'memory://' }),
        demoDir: null,
        cdnDir: null,
      }),
      /BANSHI_PII_KEY/,
    );
  });
});

describe('rotating the personal-data key', () => {
  it('re-encrypts cases and evaluations under the new key, and the server reads them with it', async () => {
    const oldKey = Buffer.alloc(32, 1);
    const newKey = Buffer.alloc(32, 2);
    const h = await createHarness({ piiKey: oldKey });
    try {
      const itemCode = (await importExample(h)).code;
      const created = await h.call('POST', '/api/v1/cases', { body: await applicationBody(h, itemCode) });
      assert.equal(created.status, 201, created.text);
      const { rotateKeys } = await import('../../src/commands/pii-command.js');
      const { rows } = await rotateKeys(h.database.db as Kysely<unknown>, newKey, [oldKey]);
      assert.ok(rows >= 1);
      const { createApp } = await import('../../src/app.js');
      const rotated = createApp({
        database: h.database,
        piiKey: newKey,
        demoDir: null,
        cdnDir: null,
        log: () => {},
      });
      const read = await rotated.request(`/api/v1/cases/${created.body.caseNumber}`, {
        headers: { 'X-Query-Code': created.body.queryCode },
      });
      assert.equal(read.status, 200);
      assert.equal(((await read.json()) as { applicant: { name: string } }).applicant.name, '张丽');
      const stale = createApp({
        database: h.database,
        piiKey: oldKey,
        demoDir: null,
        cdnDir: null,
        log: () => {},
      });
      const refused = await stale.request(`/api/v1/cases/${created.body.caseNumber}`, {
        headers: { 'X-Query-Code': created.body.queryCode },
      });
      assert.equal(refused.status, 500, 'the old key no longer opens the data');
    } finally {
      await h.close();
    }
  });
});
