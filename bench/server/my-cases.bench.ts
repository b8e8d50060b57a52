// 我的办件 against the query-code read: p95 of GET /me/cases (a JWT verified against a loopback JWKS on
// every call) and of GET /cases/{n} with its query code, in process; and the SM4-CTR + HMAC-SM3 cost
// of the personal data one case write encrypts.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createApp } from '../../packages/server/src/app.js';
import { bindingColumns } from '../../packages/server/src/cases/ownership.js';
import { hashQueryCode, newQueryCode } from '../../packages/server/src/cases/query-code.js';
import { JwtVerifier } from '../../packages/server/src/identity/jwt-verifier.js';
import { PiiCipher } from '../../packages/server/src/security/pii-cipher.js';
import { SealedColumnsPlugin } from '../../packages/server/src/security/sealed-columns.js';
import {
  benchDatabaseUrl,
  openBenchDatabase,
  percentile,
  timeEach,
  writeResult,
  type ResultRow,
} from './support.js';

const reads = 300;
const ownCases = 60;
const otherCases = 2000;
const piiKey = Buffer.alloc(32, 5);
const cipher = new PiiCipher([piiKey]);

const { publicKey, privateKey } = await generateKeyPair('RS256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256', use: 'sig' };
const jwks = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
});
await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
const claims = { sub: 'bench-resident', name: '张丽', id_number: '150302199001011236', assurance_level: 3 };
const token = await new SignJWT(claims)
  .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
  .setIssuer(issuer)
  .setAudience('banshi-bench')
  .setIssuedAt()
  .setExpirationTime('1h')
  .sign(privateKey);
const person = {
  kind: 'resident' as const,
  subject: claims.sub,
  issuer,
  name: claims.name,
  idNumber: claims.id_number,
  assurance: 3,
};

/** A case as a write stores it: the personal data in the shape the create handler gives it. */
function caseValues(number: string, index: number) {
  const applicant = {
    kind: 'person',
    name: '张丽',
    idType: 'residentIdCard',
    idNumber: claims.id_number,
    mobile: '13947312345',
  };
  return {
    number,
    item_code: '11150302MB154687214000105012000',
    department_id: '150302-zjj',
    status: index % 3 === 0 ? 'accepted' : 'submitted',
    applicant_name: applicant.name,
    applicant: JSON.stringify(applicant),
    form_data: JSON.stringify({
      applicant: { name: '张丽', idNumber: claims.id_number, address: '海勃湾区滨河社区 12 号楼 502 室' },
      currentHousing: 'rented',
    }),
    materials: '[]',
    details: JSON.stringify({
      formVersion: '1.0.0',
      itemName: { 'zh-CN': '公共租赁住房申请' },
      department: { id: '150302-zjj', name: '海勃湾区住房和城乡建设局' },
      timeLimit: null,
      situationAnswers: {},
      commitmentAccepted: true,
      delivery: {
        method: 'mail',
        address: { recipient: '张丽', mobile: '13947312345', regionCode: '150302', detail: '黄河东街 29 号' },
        deliveredAt: null,
      },
      corrections: [],
      suspension: null,
      decision: null,
    }),
    submitted_at: new Date(Date.UTC(2026, 10, 1) + index * 60_000),
    updated_at: new Date(),
  };
}

const rows: ResultRow[] = [];
for (const target of ['pglite', ...(benchDatabaseUrl ? ['postgres'] : [])] as const) {
  const database = await openBenchDatabase(target === 'postgres' ? benchDatabaseUrl : undefined);
  const db = database.db.withPlugin(new SealedColumnsPlugin(cipher));
  const code = newQueryCode();
  const { salt, hash } = await hashQueryCode(code);
  const stranger = { ...person, subject: 'someone-else' };
  for (let i = 0; i < ownCases + otherCases; i++) {
    const owner = i < ownCases ? person : stranger;
    await db
      .insertInto('cases')
      .values({
        ...caseValues(`1503022026110${String(i).padStart(7, '0')}`, i),
        query_code_salt: salt,
        query_code_hash: hash,
        applicant_token_hash: Buffer.alloc(32),
        ...bindingColumns(cipher, owner),
      })
      .execute();
  }
  const app = createApp({
    database,
    piiKey,
    demoDir: null,
    cdnDir: null,
    log: () => {},
    tokenVerifier: new JwtVerifier({ issuer, audience: 'banshi-bench', jwksUrl: `${issuer}/jwks` }),
  });
  const get = async (path: string, headers: Record<string, string>) => {
    const response = await app.request(path, { headers });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  const bearer = { Authorization: `Bearer ${token}` };
  const ownNumber = `1503022026110${String(ownCases - 1).padStart(7, '0')}`;
  await get('/api/v1/me/cases', bearer);
  const label = target === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const mine = await timeEach(reads, () => get('/api/v1/me/cases?limit=20', bearer));
  const oneByToken = await timeEach(reads, () => get(`/api/v1/cases/${ownNumber}`, bearer));
  const oneByCode = await timeEach(reads, () => get(`/api/v1/cases/${ownNumber}`, { 'X-Query-Code': code }));
  rows.push(
    {
      name: `GET /me/cases (20 cases, token verified) p95, ${label}`,
      value: +percentile(mine, 95).toFixed(2),
      unit: 'ms',
    },
    {
      name: `GET /cases/{n} with the identity token p95, ${label}`,
      value: +percentile(oneByToken, 95).toFixed(2),
      unit: 'ms',
    },
    {
      name: `GET /cases/{n} with the query code p95, ${label}`,
      value: +percentile(oneByCode, 95).toFixed(2),
      unit: 'ms',
    },
  );
  await database.close();
}
jwks.close();

// The personal data of one case write: name, applicant, form data and details, encrypted and MACed.
const sample = caseValues('150302202611000000001', 1);
const columns = ['applicant_name', 'applicant', 'form_data', 'details'] as const;
const bytes = columns.reduce((sum, column) => sum + Buffer.byteLength(sample[column]), 0);
const rounds = 20_000;
const started = performance.now();
for (let i = 0; i < rounds; i++)
  for (const column of columns) cipher.encrypt(sample[column], `cases.${column}`);
const perWrite = ((performance.now() - started) * 1000) / rounds;
const sealed = columns.map((column) => cipher.encrypt(sample[column], `cases.${column}`));
const openedAt = performance.now();
for (let i = 0; i < rounds; i++)
  columns.forEach((column, c) => cipher.decrypt(sealed[c]!, `cases.${column}`));
const perRead = ((performance.now() - openedAt) * 1000) / rounds;
rows.push(
  {
    name: `SM4-CTR + HMAC-SM3 per case write (${columns.length} columns, ${bytes} bytes)`,
    value: +perWrite.toFixed(1),
    unit: 'µs',
  },
  { name: 'Decrypt + verify per case read', value: +perRead.toFixed(1), unit: 'µs' },
);
writeResult(
  'server-my-cases',
  'Server: 我的办件 and personal data at rest',
  rows,
  `${reads} sequential in-process reads each, ${ownCases} own cases among ${ownCases + otherCases}; the query code is checked with its deliberately slow hash, the token with an RS256 signature against cached keys.`,
);
