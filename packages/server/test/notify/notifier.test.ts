import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createHarness, type Harness } from '../support/harness.js';
import { DatabaseOutbox } from '../../src/notify/outbox.js';
import { SmsGatewayNotifier } from '../../src/notify/sms-gateway.js';
import { NotifierUnavailableError, unconfiguredNotifier } from '../../src/notify/notifier.js';
import { PiiCipher } from '../../src/security/pii-cipher.js';

describe('the development outbox', () => {
  let h: Harness;
  let outbox: DatabaseOutbox;
  before(async () => {
    const piiKey = randomBytes(32);
    // The app's own outbox (the default notifier) reads what this one, under the same key, wrote.
    h = await createHarness({ piiKey });
    outbox = new DatabaseOutbox(h.database.db, new PiiCipher([piiKey]));
  });
  after(() => h.close());

  it('keeps each message for the resident it was meant for, newest first', async () => {
    await outbox.send({
      mobile: '+86 139-4731-2345',
      text: '验证码 123456，5 分钟内有效。',
      purpose: 'verificationCode',
    });
    await outbox.send({
      mobile: '13800001111',
      text: '您的预约明天上午 9:00。',
      purpose: 'appointmentReminder',
    });
    const mine = await outbox.recent(10, '13947312345');
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.text, '验证码 123456，5 分钟内有效。');
    assert.equal(mine[0]!.mobile, '13947312345');
    const all = await outbox.recent();
    assert.deepEqual(
      all.map((m) => m.purpose),
      ['appointmentReminder', 'verificationCode'],
    );
  });

  it('stores neither the mobile nor the text in clear', async () => {
    const rows = await h.database.db.selectFrom('notification_outbox').selectAll().execute();
    const dump = JSON.stringify(rows);
    assert.ok(rows.length >= 2);
    assert.doesNotMatch(dump, /13947312345|123456|预约/);
  });

  it('shows the messages at /dev/outbox, as text, never as markup', async () => {
    await outbox.send({
      mobile: '13800002222',
      text: '<script>alert(1)</script>答复已发出',
      purpose: 'consultationAnswered',
    });
    const response = await h.call('GET', '/dev/outbox', { unchecked: true });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(response.text, /验证码 123456/);
    assert.match(response.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;答复已发出/);
    assert.doesNotMatch(response.text, /<script>alert/);
  });

  it('has no outbox page when messages really go out', async () => {
    const other = await createHarness({ notifier: unconfiguredNotifier });
    try {
      const response = await other.call('GET', '/dev/outbox', { unchecked: true });
      assert.equal(response.status, 404);
    } finally {
      await other.close();
    }
  });
});

describe('the SMS gateway adapter', () => {
  const received: { headers: IncomingMessage['headers']; body: unknown }[] = [];
  let status = 200;
  const gateway = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body: JSON.parse(text) });
      response.writeHead(status).end('{}');
    });
  });
  let url = '';
  before(async () => {
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
  });
  after(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

  it('posts the message with the operator token and signature', async () => {
    const notifier = new SmsGatewayNotifier({ url, token: 'gw-secret', signature: '【海勃湾区政务服务】' });
    await notifier.send({ mobile: '+8613947312345', text: '验证码 654321', purpose: 'verificationCode' });
    assert.equal(received.length, 1);
    assert.equal(received[0]!.headers.authorization, 'Bearer gw-secret');
    assert.deepEqual(received[0]!.body, {
      mobile: '13947312345',
      text: '验证码 654321',
      purpose: 'verificationCode',
      signature: '【海勃湾区政务服务】',
    });
  });

  it('fails the send when the gateway refuses or cannot be reached', async () => {
    status = 503;
    const notifier = new SmsGatewayNotifier({ url });
    await assert.rejects(
      notifier.send({ mobile: '13947312345', text: 'x', purpose: 'verificationCode' }),
      NotifierUnavailableError,
    );
    const closedPort = new SmsGatewayNotifier({ url: 'http://127.0.0.1:9/send', timeoutMs: 2000 });
    await assert.rejects(
      closedPort.send({ mobile: '13947312345', text: 'x', purpose: 'verificationCode' }),
      NotifierUnavailableError,
    );
    await assert.rejects(
      unconfiguredNotifier.send({ mobile: '13947312345', text: 'x', purpose: 'verificationCode' }),
      NotifierUnavailableError,
    );
  });
});
