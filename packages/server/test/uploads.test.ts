import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createHarness, type Harness } from './support/harness.js';
import { formSession, importExample, upload } from './support/cases.js';
import { exeBytes, jpegBytes, ofdBytes, pdfBytes, pngBytes, zip } from './support/files.js';

describe('uploads', () => {
  let h: Harness;
  let itemCode: string;
  before(async () => {
    h = await createHarness({ uploadLimitBytes: 64 * 1024 });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  it('stores PDF, JPEG, PNG and OFD files, typed by their content, with their sha256', async () => {
    for (const [bytes, type] of [
      [pdfBytes, 'application/pdf'],
      [jpegBytes, 'image/jpeg'],
      [pngBytes, 'image/png'],
      [ofdBytes, 'application/ofd'],
    ] as const) {
      const session = await formSession(h);
      const response = await upload(h, bytes, 'scan.bin', {}, session);
      assert.equal(response.status, 201, response.text);
      assert.equal(response.body.mediaType, type);
      assert.equal(response.body.sha256, createHash('sha256').update(bytes).digest('hex'));
      assert.equal(response.body.contentCheck.status, 'passed');
      assert.equal(response.headers.get('location'), `/api/v1/uploads/${response.body.id}`);
      const read = await h.call('GET', `/api/v1/uploads/${response.body.id}`, {
        headers: { 'X-Form-Session': session },
      });
      assert.deepEqual(read.body, response.body);
    }
  });

  it('refuses content that is not an accepted type, whatever its name', async () => {
    const exe = await upload(h, exeBytes, 'invoice.pdf');
    assert.equal(exe.status, 415);
    assert.equal(exe.body.code, 'unsupported_media_type');
    const plainZip = await upload(h, zip({ 'readme.txt': 'hello' }), 'document.ofd');
    assert.equal(plainZip.status, 415);
  });

  it('applies the material’s own accepted types', async () => {
    const ofdForContract = await upload(h, ofdBytes, 'contract.ofd', {
      itemCode,
      materialId: 'labour-contract',
    });
    assert.equal(ofdForContract.status, 415, 'labour-contract accepts pdf/jpeg/png only');
    const pdfForContract = await upload(h, pdfBytes, 'contract.pdf', {
      itemCode,
      materialId: 'labour-contract',
    });
    assert.equal(pdfForContract.status, 201);
    assert.equal(pdfForContract.body.materialId, 'labour-contract');
    const unknown = await upload(h, pdfBytes, 'x.pdf', { itemCode, materialId: 'nonexistent' });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.errors[0].pointer, '/materialId');
  });

  it('answers 413 for a file over the limit and 400 without a file', async () => {
    const big = new Uint8Array(70 * 1024);
    big.set(pdfBytes);
    const tooBig = await upload(h, big, 'big.pdf');
    assert.equal(tooBig.status, 413);
    assert.equal(tooBig.body.code, 'payload_too_large');
    const form = new FormData();
    form.set('itemCode', itemCode);
    const session = { 'X-Form-Session': await formSession(h) };
    const noFile = await h.call('POST', '/api/v1/uploads', { raw: form, headers: session });
    assert.equal(noFile.status, 400);
    assert.ok(noFile.body.errors.some((e: { pointer: string }) => e.pointer === '/file'));
    const json = await h.call('POST', '/api/v1/uploads', { body: { file: 'x' }, headers: session });
    assert.equal(json.status, 415);
  });

  it('replays an upload sent again with the same key, and refuses the key for another file', async () => {
    const key = 'upload-key-0001';
    const first = await upload(h, pdfBytes, 'a.pdf', {}).then(() => undefined);
    void first;
    const session = await formSession(h);
    const send = (bytes: Uint8Array) => {
      const form = new FormData();
      form.set('file', new File([bytes], 'a.pdf'));
      return h.call('POST', '/api/v1/uploads', {
        raw: form,
        headers: { 'Idempotency-Key': key, 'X-Form-Session': session },
      });
    };
    const one = await send(pdfBytes);
    const two = await send(pdfBytes);
    assert.equal(two.status, 201);
    assert.equal(two.body.id, one.body.id);
    assert.equal(two.headers.get('idempotent-replayed'), 'true');
    const other = await send(pngBytes);
    assert.equal(other.status, 422);
    assert.equal(other.body.code, 'idempotency_key_reused');
  });

  it('answers 404 for an unknown upload and 400 for a malformed id', async () => {
    const headers = { 'X-Form-Session': await formSession(h) };
    assert.equal((await h.call('GET', '/api/v1/uploads/up_0000000000000000000000', { headers })).status, 404);
    assert.equal((await h.call('GET', '/api/v1/uploads/nope', { headers })).status, 400);
  });
});
