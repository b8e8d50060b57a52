import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { zipSync, zlibSync } from 'fflate';
import { createHarness, type Harness } from './support/harness.js';
import { importExample, upload } from './support/cases.js';
import { pdfBytes } from './support/files.js';

const text = (value: string) => new TextEncoder().encode(value);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
const pdf = (body: string) => text(`%PDF-1.7\n${body}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

describe('uploads that lie about what they are', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness();
    await importExample(h);
  });
  after(() => h.close());

  const refused = async (bytes: Uint8Array, code: string, name = 'scan.pdf') => {
    const response = await upload(h, bytes, name);
    assert.equal(response.status, 422, `${code}: ${response.text}`);
    assert.equal(response.body.code, code);
    assert.equal(response.body.errors[0].pointer, '/file');
  };

  it('refuses a PDF/HTML polyglot', async () => {
    await refused(
      pdf(
        '%<html><body><script>fetch("/api/v1/cases")</script></body></html>\n1 0 obj<</Type/Catalog>>endobj',
      ),
      'upload_polyglot',
    );
  });

  it('refuses PDFs with JavaScript, actions on opening, launches or embedded files, also when hidden', async () => {
    const objectStream = concat(
      text('%PDF-1.7\n2 0 obj<</Type/ObjStm/N 1/First 4/Filter/FlateDecode>>stream\n'),
      zlibSync(text('3 0 <</S/JavaScript/JS(app.alert(1))>>')),
      text('\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
    );
    for (const bytes of [
      pdf('1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj'),
      pdf('1 0 obj<</Type/Catalog/Names<</J#61vaScript 2 0 R>>>>endobj'),
      pdf('1 0 obj<</S/Launch/F(cmd.exe)>>endobj'),
      pdf('1 0 obj<</Type/Catalog/Names<</EmbeddedFiles 2 0 R>>>>endobj'),
      objectStream,
    ])
      await refused(bytes, 'upload_active_content');
    // A plain PDF passes.
    assert.equal((await upload(h, pdfBytes, 'plain.pdf')).status, 201);
  });

  it('refuses an OFD whose zip unpacks a thousand times larger, reading only its central directory', async () => {
    const ofdXml = text('<?xml version="1.0"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>');
    const bomb = zipSync(
      { 'OFD.xml': ofdXml, 'Doc_0/Res/pad.bin': new Uint8Array(16 * 1024 * 1024) },
      { level: 9 },
    );
    assert.ok(bomb.length < 100_000, `the bomb is small (${bomb.length} bytes)`);
    await refused(bomb, 'upload_archive_limits', 'bomb.ofd');
    const many = Object.fromEntries(
      Array.from({ length: 6000 }, (_, n) => [`Doc_0/p${n}.xml`, text('<p/>')]),
    );
    await refused(zipSync({ 'OFD.xml': ofdXml, ...many }), 'upload_archive_limits', 'many.ofd');
    await refused(
      zipSync({ 'OFD.xml': ofdXml, '../../etc/cron.d/x': text('x') }),
      'upload_archive_limits',
      'slip.ofd',
    );
    const fine = await upload(
      h,
      zipSync({ 'OFD.xml': ofdXml, 'Doc_0/Document.xml': text('<x/>') }),
      'fine.ofd',
    );
    assert.equal(fine.status, 201, fine.text);
  });

  it('strips control, bidirectional and markup characters from stored file names', async () => {
    const response = await upload(h, pdfBytes, '<img src=x onerror=alert(1)>收入\u202Efdp.exe\u0007.pdf');
    assert.equal(response.status, 201, response.text);
    assert.equal(response.body.name, 'img src=x onerror=alert(1)收入fdp.exe.pdf');
  });
});
