import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHarness, staffClaims, type Harness } from '../support/harness.js';
import { formSession, importExample, upload } from '../support/cases.js';
import { pdfBytes } from '../support/files.js';

describe('我要问: staff read a question’s attachment', () => {
  let h: Harness;
  let itemCode: string;
  let number: string;
  let bare: string;

  before(async () => {
    h = await createHarness({ clock: () => new Date('2026-12-07T01:00:00Z') });
    itemCode = (await importExample(h)).code;
    const session = await formSession(h, itemCode);
    const file = await upload(h, undefined, '收入证明.pdf', {}, session);
    assert.equal(file.status, 201, file.text);
    const ask = async (extra: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const asked = await h.call('POST', '/api/v1/consultations', {
        body: { itemCode, question: '收入证明这样开可以吗？请看附件。', ...extra },
        headers,
      });
      assert.equal(asked.status, 201, asked.text);
      return asked.body.number as string;
    };
    number = await ask({ uploadId: file.body.id }, { 'X-Form-Session': session });
    bare = await ask({});
  });
  after(() => h.close());

  const read = (n: string, headers: Record<string, string>) =>
    h.app.request(`/api/v1/consultations/${n}/attachment`, { headers });

  it('gives the office the bytes as uploaded, to save, and records who read them', async () => {
    const response = await read(number, h.staff);
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.equal(
      response.headers.get('content-disposition'),
      `attachment; filename*=UTF-8''${encodeURIComponent('收入证明.pdf')}`,
    );
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), pdfBytes);
    const audit = await h.database.db
      .selectFrom('audit_records')
      .select(['action', 'actor_kind', 'department_id', 'detail'])
      .where('target_id', '=', number)
      .where('action', '=', 'pii.reveal')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_kind, 'staff');
    assert.match(JSON.stringify(audit[0]!.detail), /getConsultationAttachment/);
  });

  it('answers another office, the asker and a question without a file like an unknown one', async () => {
    const other = await h.bearer(staffClaims({ sub: 's-other', name: '李强', departments: ['150302-gaj'] }));
    assert.equal((await read(number, other)).status, 404);
    assert.equal((await read(bare, h.staff)).status, 404);
    assert.equal((await read('ZX261207ABCDEF', h.staff)).status, 404);
    const resident = await h.bearer({ sub: 'r-1', name: '张丽', assurance_level: 3 });
    assert.equal((await read(number, resident)).status, 403);
    const anonymous = await read(number, {});
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('content-type'), 'application/problem+json');
  });
});
