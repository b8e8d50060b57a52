import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '../../src/db/database.js';
import { importItems } from '../../src/items/importer.js';
import { exampleForm, exampleItem } from '../support/fixtures.js';
import { spawnServer } from '../support/process.js';
import { pdfBytes } from '../support/files.js';
import { validIdNumber } from '../support/cases.js';
import { staffClaims } from '../support/harness.js';
import { providerForCli } from '../support/identity-provider.js';

const mobile = '13947312345';
const applicantName = '张丽';
const forgedToken = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJsb2cifQ.c2lnbmF0dXJl';

/**
 * Runs a server as operators do (the CLI, debug level) through an application's whole life, including
 * refused and malformed requests, and reads everything it wrote: one JSON line per request with its
 * operation, status, duration and request id, and never an ID number, mobile, name, query code or token.
 */
describe('the server log', { timeout: 240_000 }, () => {
  it('has one line per request and no personal data or secrets', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'banshi-logs-'));
    const dataDir = join(folder, 'pglite');
    const item = exampleItem();
    const seeding = await openDatabase({ dataDir });
    await importItems(seeding.db, [{ item, form: exampleForm() }]);
    await seeding.close();
    const signIn = await providerForCli(staffClaims());
    const staffCredential = signIn.token;
    const server = await spawnServer(['--data-dir', dataDir, ...signIn.args], {
      BANSHI_LOG_LEVEL: 'debug',
    });
    const secrets: string[] = [validIdNumber, mobile, applicantName, staffCredential, forgedToken];
    try {
      const api = `${server.url}/api/v1`;
      const form = (await (await fetch(`${api}/items/${item.code}/form`)).json()) as {
        session: { token: string };
      };
      secrets.push(form.session.token);
      const upload = new FormData();
      upload.set('file', new File([pdfBytes], '收入证明.pdf', { type: 'application/pdf' }));
      const uploaded = (await (
        await fetch(`${api}/uploads`, {
          method: 'POST',
          body: upload,
          headers: { 'X-Form-Session': form.session.token, 'Idempotency-Key': 'log-upload' },
        })
      ).json()) as { id: string };
      const application = {
        itemCode: item.code,
        formVersion: '1.0.0',
        applicant: {
          kind: 'person',
          name: applicantName,
          idType: 'residentIdCard',
          idNumber: validIdNumber,
          mobile,
        },
        situationAnswers: { household: 'single' },
        formData: { applicant: { name: applicantName, idNumber: validIdNumber }, currentHousing: 'rented' },
        materials: [{ materialId: 'income-proof', provision: 'upload', uploadIds: [uploaded.id] }],
        commitmentAccepted: true,
        delivery: { method: 'window' },
      };
      let posts = 0;
      const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${api}${path}`, {
          method: 'POST',
          body: typeof body === 'string' ? body : JSON.stringify(body),
          headers: {
            'content-type': 'application/json',
            'Idempotency-Key': `log-privacy-${++posts}`,
            ...headers,
          },
        });
      const createdResponse = await post('/cases', application, { 'X-Request-Id': 'log-test-create' });
      assert.equal(createdResponse.status, 201, await createdResponse.clone().text());
      const created = (await createdResponse.json()) as {
        caseNumber: string;
        queryCode: string;
        applicantToken: string;
      };
      secrets.push(created.queryCode, created.applicantToken);
      const wrongCode = created.queryCode === 'ABCDEFGH' ? 'ABCDEFGJ' : 'ABCDEFGH';
      const caseUrl = `${api}/cases/${created.caseNumber}`;
      assert.equal((await fetch(caseUrl, { headers: { 'X-Query-Code': created.queryCode } })).status, 200);
      assert.equal((await fetch(caseUrl, { headers: { 'X-Query-Code': wrongCode } })).status, 404);
      // Refused and malformed requests that carry personal data and secrets.
      await fetch(`${api}/cases`, { headers: { authorization: `Bearer ${forgedToken}` } });
      await fetch(`${api}/cases?limit=5`, { headers: { authorization: `Bearer ${staffCredential}` } });
      await post('/cases', {
        ...application,
        applicant: { ...application.applicant, idNumber: `${validIdNumber}9` },
      });
      await post('/cases', `{"applicant":{"idNumber":"${validIdNumber}","mobile":"${mobile}"`);
      await fetch(`${api}/items?q=${encodeURIComponent(validIdNumber)}`);
    } finally {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    }
    const output = server.output();
    for (const secret of secrets) assert.ok(!output.includes(secret), `the log holds ${secret}`);
    const lines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const create = lines.find((line) => line.requestId === 'log-test-create');
    assert.ok(create, 'a line for the created case');
    assert.equal(create.message, 'request');
    assert.equal(create.operation, 'createCase');
    assert.equal(create.status, 201);
    assert.equal(typeof create.durationMs, 'number');
    const requests = lines.filter((line) => line.message === 'request');
    assert.ok(requests.length >= 10, `one line per request (${requests.length})`);
    assert.ok(requests.some((line) => line.operation === 'getCase' && line.status === 404));
  });
});
