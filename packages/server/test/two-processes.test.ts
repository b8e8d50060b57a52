import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase } from '../src/db/database.js';
import { importItems } from '../src/items/importer.js';
import { exampleForm, exampleItem } from './support/fixtures.js';
import { testDatabaseUrl } from './support/database.js';
import { freshPostgresDatabase } from './support/postgres.js';
import { spawnServer } from './support/process.js';
import { pdfBytes } from './support/files.js';
import { validIdNumber } from './support/cases.js';

describe('two server processes on one PostgreSQL', { timeout: 120_000 }, () => {
  it(
    'create one case when the same idempotency key reaches both at once',
    { skip: !testDatabaseUrl && 'BANSHI_TEST_DATABASE_URL is not set: this needs a shared PostgreSQL' },
    async () => {
      const database = await freshPostgresDatabase();
      const item = exampleItem();
      const seeding = await openDatabase({ databaseUrl: database.url });
      await importItems(seeding.db, [{ item, form: exampleForm() }]);
      await seeding.close();
      const servers = await Promise.all([0, 1].map(() => spawnServer(['--database-url', database.url])));
      try {
        // A form session issued by one process is good for an upload to the other.
        const definition = (await (
          await fetch(`${servers[1]!.url}/api/v1/items/${item.code}/form`)
        ).json()) as { session: { token: string } };
        const form = new FormData();
        form.set('file', new File([pdfBytes], 'income.pdf'));
        const uploaded = (await (
          await fetch(`${servers[0]!.url}/api/v1/uploads`, {
            method: 'POST',
            body: form,
            headers: { 'Idempotency-Key': 'two-process-upload', 'X-Form-Session': definition.session.token },
          })
        ).json()) as { id: string };
        const body = JSON.stringify({
          itemCode: item.code,
          formVersion: '1.0.0',
          applicant: {
            kind: 'person',
            name: '张丽',
            idType: 'residentIdCard',
            idNumber: validIdNumber,
            mobile: '13947312345',
          },
          situationAnswers: { household: 'single' },
          formData: { applicant: { name: '张丽', idNumber: validIdNumber }, currentHousing: 'rented' },
          materials: [{ materialId: 'income-proof', provision: 'upload', uploadIds: [uploaded.id] }],
          commitmentAccepted: true,
          delivery: { method: 'window' },
        });
        for (let round = 0; round < 5; round++) {
          const key = `two-process-case-${round}`;
          const responses = await Promise.all(
            [...servers, ...servers].map((server) =>
              fetch(`${server.url}/api/v1/cases`, {
                method: 'POST',
                body,
                headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
              }),
            ),
          );
          const bodies = (await Promise.all(responses.map((r) => r.json()))) as { caseNumber: string }[];
          // The first round uses the upload; later rounds fail on it (already used) and must fail alike.
          const statuses = new Set(responses.map((r) => r.status));
          assert.equal(statuses.size, 1, `all answers agree in round ${round}: ${[...statuses]}`);
          if (round === 0) {
            assert.equal(responses[0]!.status, 201);
            assert.equal(new Set(bodies.map((b) => b.caseNumber)).size, 1);
            assert.equal(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 3);
          }
        }
        const check = await openDatabase({ databaseUrl: database.url });
        const cases = await check.db.selectFrom('cases').select('number').execute();
        await check.close();
        assert.equal(cases.length, 1);
      } finally {
        await Promise.all(servers.map((server) => server.stop()));
        await database.drop();
      }
    },
  );
});
