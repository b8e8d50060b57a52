import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHarness, type Harness } from './support/harness.js';
import { applicationBody, importExample } from './support/cases.js';

describe('JSON bodies the server cannot store', () => {
  let h: Harness;
  let itemCode: string;
  before(async () => {
    h = await createHarness();
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  const post = (path: string, raw: string | Uint8Array, contentType = 'application/json') =>
    h.call('POST', path, { raw, headers: { 'content-type': contentType, 'Accept-Language': 'en' } });

  it('answers 10,000 levels of nesting with a 400 that names the depth limit', async () => {
    for (const raw of [
      '['.repeat(10_000) + ']'.repeat(10_000),
      '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
    ]) {
      const response = await post('/api/v1/evaluations', raw);
      assert.equal(response.status, 400, response.text.slice(0, 200));
      assert.equal(response.body.code, 'validation_failed');
      assert.equal(response.body.errors[0].code, 'maxDepth');
      assert.match(response.body.errors[0].message, /nested deeper than 64/);
    }
    // Brackets inside strings are text, not nesting.
    const text = await post(
      '/api/v1/evaluations',
      JSON.stringify({
        target: { kind: 'onSite', itemCode },
        level: 'satisfied',
        channel: 'pc',
        anonymous: true,
        comment: '[{'.repeat(100),
      }),
    );
    assert.equal(text.status, 201, text.text);
  });

  it('refuses a lone surrogate in a name, an address, a comment, a window id and a key, pointing at it', async () => {
    const application = await applicationBody(h, itemCode);
    const lone = '\ud800';
    const cases: [string, unknown, string][] = [
      [
        '/api/v1/cases',
        { ...application, applicant: { ...application.applicant, name: `张${lone}` } },
        '/applicant/name',
      ],
      [
        '/api/v1/cases',
        {
          ...application,
          delivery: {
            method: 'mail',
            address: { ...(application.delivery.address as object), detail: `黄河东街${lone}` },
          },
        },
        '/delivery/address/detail',
      ],
      [
        '/api/v1/evaluations',
        {
          target: { kind: 'onSite', itemCode },
          level: 'satisfied',
          channel: 'pc',
          anonymous: true,
          comment: `好${lone}`,
        },
        '/comment',
      ],
      [
        '/api/v1/evaluations',
        {
          target: { kind: 'onSite', itemCode, windowId: `a${'\udc00'}` },
          level: 'satisfied',
          channel: 'pc',
          anonymous: true,
        },
        '/target/windowId',
      ],
      ['/api/v1/evaluations', { [`k${lone}`]: 1 }, `/k${lone}`],
    ];
    for (const [path, body, pointer] of cases) {
      // JSON.stringify writes a lone surrogate as a \ud800 escape, as an attacker would.
      const response = await post(path, JSON.stringify(body));
      assert.equal(response.status, 400, `${pointer}: ${response.text}`);
      assert.equal(response.body.errors[0].pointer, pointer);
      assert.match(response.body.errors[0].message, /lone surrogate/);
    }
    // A real pair (an emoji) is well-formed and stays.
    const emoji = await post(
      '/api/v1/evaluations',
      JSON.stringify({
        target: { kind: 'onSite', itemCode },
        level: 'satisfied',
        channel: 'pc',
        anonymous: true,
        comment: '好😀',
      }),
    );
    assert.equal(emoji.status, 201, emoji.text);
  });

  it('answers 415 for JSON declared in another charset than UTF-8', async () => {
    const body = JSON.stringify({
      target: { kind: 'onSite', itemCode },
      level: 'satisfied',
      channel: 'pc',
      anonymous: true,
    });
    const utf16 = new Uint8Array(Buffer.from(body, 'utf16le'));
    for (const contentType of [
      'application/json; charset=utf-16',
      'application/json;charset="UTF-16LE"',
      'application/json; charset=latin1',
    ]) {
      const response = await post('/api/v1/evaluations', utf16, contentType);
      assert.equal(response.status, 415, `${contentType}: ${response.text}`);
      assert.equal(response.body.code, 'unsupported_media_type');
      assert.match(response.body.detail, /UTF-8/);
    }
    const utf8 = await post('/api/v1/evaluations', body, 'application/json; charset=UTF-8');
    assert.equal(utf8.status, 201, utf8.text);
  });
});
