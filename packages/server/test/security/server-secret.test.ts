import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/app.js';
import { formSession, importExample } from '../support/cases.js';
import { pdfBytes } from '../support/files.js';
import { createHarness, type Harness } from '../support/harness.js';

const serverSecret = Buffer.from('a server secret of this deployment, apart from keys');
const oldKey = Buffer.alloc(32, 1);
const rotatedKey = Buffer.alloc(32, 2);

describe('the server secret', () => {
  let h: Harness;
  let itemCode: string;
  before(async () => {
    h = await createHarness({ piiKey: oldKey, serverSecret });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  /** An upload through a process of the same database started after the personal-data key was rotated. */
  async function uploadAfterRotation(of: Harness, token: string, secret: Buffer | undefined) {
    const app = createApp({
      database: of.database,
      piiKey: rotatedKey,
      serverSecret: secret,
      demoDir: null,
      cdnDir: null,
      log: () => {},
    });
    const body = new FormData();
    body.set('file', new File([pdfBytes], '收入证明.pdf', { type: 'application/pdf' }));
    return app.request('/api/v1/uploads', {
      method: 'POST',
      body,
      headers: { 'X-Form-Session': token, 'Idempotency-Key': crypto.randomUUID() },
    });
  }

  it('keeps a form session open across a rotation of the personal-data key', async () => {
    const token = await formSession(h, itemCode);
    const answer = await uploadAfterRotation(h, token, serverSecret);
    assert.equal(answer.status, 201, await answer.text());
  });

  it('is what keeps it: a session signed under the personal-data key ends with it', async () => {
    const withoutSecret = await createHarness({ piiKey: oldKey });
    try {
      await importExample(withoutSecret);
      const token = await formSession(withoutSecret, itemCode);
      const answer = await uploadAfterRotation(withoutSecret, token, undefined);
      assert.equal(answer.status, 401);
    } finally {
      await withoutSecret.close();
    }
  });
});
