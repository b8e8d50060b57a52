import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, isAPITimeoutError } from '../../src/index.js';
import { startScriptedServer } from './support/scripted-server.js';

const stored = {
  id: 'up_01JDB3K7Q2X8V5N4M6R9T0W1YZ',
  name: '收入证明.pdf',
  size: 9,
  mediaType: 'application/pdf',
  contentCheck: { status: 'pending' },
};

test('uploads.create sends the file and its fields as multipart and reports progress to 100%', async (t) => {
  const server = await startScriptedServer(() => ({ status: 201, body: stored }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  const file = new File(['%PDF-1.7\n'], '收入证明.pdf', { type: 'application/pdf' });
  const progress: number[] = [];
  const upload = await client.uploads.create(
    { file, itemCode: '11150302MB154687214000105012000', materialId: 'income-proof' },
    { onProgress: ({ percent }) => progress.push(percent) },
  );
  assert.equal(upload.id, stored.id);
  const [request] = server.requests;
  assert.equal(request!.method, 'POST');
  assert.equal(request!.url, '/uploads');
  assert.match(String(request!.headers['content-type']), /^multipart\/form-data; boundary=/);
  assert.match(request!.body, /name="file"; filename="收入证明.pdf"/);
  assert.match(request!.body, /%PDF-1\.7/);
  assert.match(request!.body, /name="materialId"\r\n\r\nincome-proof/);
  assert.match(request!.body, /name="itemCode"\r\n\r\n11150302MB154687214000105012000/);
  assert.ok(request!.headers['idempotency-key']);
  assert.ok(progress.length > 0);
  assert.equal(progress.at(-1), 1);
});

test('an upload retried after a dropped connection sends the whole file again under the same key', async (t) => {
  const server = await startScriptedServer((_request, index) =>
    index === 0 ? { status: 0, drop: true } : { status: 201, body: stored },
  );
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  const blob = new Blob(['%PDF-1.7\n'], { type: 'application/pdf' });
  await client.uploads.create({ file: blob, filename: 'scan.pdf' });
  assert.equal(server.requests.length, 2);
  assert.equal(
    server.requests[0]!.headers['idempotency-key'],
    server.requests[1]!.headers['idempotency-key'],
  );
  assert.match(server.requests[1]!.body, /filename="scan.pdf"[\s\S]*%PDF-1\.7/);
});

test('uploads.get reads the content-check status', async (t) => {
  const server = await startScriptedServer(() => ({
    status: 200,
    body: { ...stored, contentCheck: { status: 'passed', checkedAt: '2026-11-23T09:12:04+08:00' } },
  }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  const upload = await client.uploads.get(stored.id);
  assert.equal(upload.contentCheck.status, 'passed');
  assert.equal(server.requests[0]!.url, `/uploads/${stored.id}`);
});

test('an upload may take longer than the client timeout, and a per-call timeout still applies', async (t) => {
  const server = await startScriptedServer(async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { status: 201, body: stored };
  });
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin, timeout: 100, maxRetries: 0 });
  const file = new Blob(['%PDF-1.7\n'], { type: 'application/pdf' });
  const upload = await client.uploads.create({ file, filename: 'slow.pdf' });
  assert.equal(upload.id, stored.id);
  const error = await client.uploads
    .create({ file, filename: 'slow.pdf' }, { timeout: 100 })
    .catch((e: unknown) => e);
  assert.ok(isAPITimeoutError(error));
});
