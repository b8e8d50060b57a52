import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createHarness, type Harness } from './support/harness.js';
import { formSession, importExample, upload } from './support/cases.js';
import { pdfBytes } from './support/files.js';
import { MemoryStorage } from '../src/uploads/storage.js';
import { startServer } from '../src/server.js';
import { importItems } from '../src/items/importer.js';
import { exampleForm, exampleItem } from './support/fixtures.js';

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((counts, s) => ({ ...counts, [s]: (counts[s] ?? 0) + 1 }), {});

describe('uploads tied to form sessions', () => {
  let h: Harness;
  let itemCode: string;
  before(async () => {
    h = await createHarness({
      clock: () => new Date('2026-11-18T02:00:00Z'),
      uploadQuotas: {
        perSession: { files: 3, bytes: 10 * 1024 * 1024 },
        perAddress: { files: 30, bytes: 100 * 1024 * 1024 },
      },
    });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  it('hands out a form session with the form definition, never to be cached', async () => {
    const form = await h.call('GET', `/api/v1/items/${itemCode}/form`);
    assert.match(form.body.session.token, /^fs_/);
    assert.equal(form.headers.get('cache-control'), 'no-store');
    const again = await h.call('GET', `/api/v1/items/${itemCode}/form`);
    assert.notEqual(again.body.session.token, form.body.session.token);
  });

  it('refuses an upload without a form session, with a forged one, or with another item’s', async () => {
    const form = new FormData();
    form.set('file', new File([pdfBytes], 'a.pdf'));
    const none = await h.call('POST', '/api/v1/uploads', { raw: form });
    assert.equal(none.status, 401);
    const token = await formSession(h);
    const forged = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    assert.equal((await upload(h, pdfBytes, 'a.pdf', {}, forged)).status, 401);
    const otherItem = await upload(
      h,
      pdfBytes,
      'a.pdf',
      { itemCode: `${itemCode.slice(0, -3)}999`, materialId: 'x' },
      token,
    );
    assert.equal(otherItem.status, 403, otherItem.text);
  });

  it('lets 3 of 20 concurrent uploads of one session through, and counts the address across sessions', async () => {
    const session = await formSession(h);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => upload(h, pdfBytes, 'a.pdf', {}, session).then((r) => r.status)),
    );
    assert.deepEqual(tally(statuses), { 201: 3, 429: 17 });
    // The address has used 3 of its 30; nine fresh sessions of 3 fill it, the next upload is refused.
    let accepted = 3;
    for (let n = 0; n < 10; n++) {
      const next = await formSession(h);
      for (let k = 0; k < 3; k++)
        if ((await upload(h, pdfBytes, 'a.pdf', {}, next)).status === 201) accepted++;
    }
    assert.equal(accepted, 30);
  });

  it('lets only the uploading session read an upload not yet part of a case', async () => {
    const fresh = await createHarness();
    try {
      await importExample(fresh);
      const mine = await formSession(fresh);
      const created = await upload(fresh, pdfBytes, '张丽-收入证明.pdf', {}, mine);
      assert.equal(created.status, 201, created.text);
      const path = `/api/v1/uploads/${created.body.id}`;
      assert.equal((await fresh.call('GET', path, { headers: { 'X-Form-Session': mine } })).status, 200);
      const stranger = await fresh.call('GET', path, {
        headers: { 'X-Form-Session': await formSession(fresh) },
      });
      assert.equal(stranger.status, 404);
      assert.doesNotMatch(stranger.text, /张丽/);
      assert.equal((await fresh.call('GET', path)).status, 401);
      // Staff read a file once it is part of a case of their department (see access tests).
      assert.equal((await fresh.call('GET', path, { headers: fresh.staff })).status, 404);
    } finally {
      await fresh.close();
    }
  });

  it('answers 507 with a clear message when the disk is below its floor', async () => {
    class NearlyFullDisk extends MemoryStorage {
      async freeBytes() {
        return 900 * 1024 * 1024;
      }
    }
    const full = await createHarness({ storage: new NearlyFullDisk() });
    try {
      await importExample(full);
      const response = await full.call('POST', '/api/v1/uploads', {
        raw: (() => {
          const form = new FormData();
          form.set('file', new File([pdfBytes], 'a.pdf'));
          return form;
        })(),
        headers: { 'X-Form-Session': await formSession(full), 'Accept-Language': 'en' },
      });
      assert.equal(response.status, 507);
      assert.equal(response.body.code, 'insufficient_storage');
      assert.match(response.body.detail, /Nothing you entered is lost/);
    } finally {
      await full.close();
    }
  });

  it('keeps uploaded files inside the data folder, never next to it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'banshi-data-'));
    const dataDir = join(parent, 'data');
    const server = await startServer({
      port: 0,
      dataDir,
      demoDir: null,
      cdnDir: null,
      log: () => {},
    });
    try {
      const item = exampleItem();
      await importItems(server.database.db, [{ item, form: exampleForm() }]);
      const definition = (await (await fetch(`${server.url}/api/v1/items/${item.code}/form`)).json()) as {
        session: { token: string };
      };
      const form = new FormData();
      form.set('file', new File([pdfBytes], 'a.pdf'));
      const response = await fetch(`${server.url}/api/v1/uploads`, {
        method: 'POST',
        body: form,
        headers: { 'X-Form-Session': definition.session.token, 'Idempotency-Key': 'data-folder-upload' },
      });
      assert.equal(response.status, 201, await response.text());
      assert.deepEqual(readdirSync(parent), ['data']);
      assert.ok(existsSync(join(dataDir, 'uploads')));
    } finally {
      await server.close();
    }
  });
});
