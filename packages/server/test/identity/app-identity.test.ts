import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { JwtVerifier } from '../../src/identity/jwt-verifier.js';
import { createServiceAccount } from '../../src/service-accounts/service-accounts.js';
import { startServer } from '../../src/server.js';
import { createHarness, type Harness } from '../support/harness.js';
import { makeKey, startFakeProvider, testAudience, type FakeProvider } from '../support/identity-provider.js';

const admin = { sub: 's-admin', name: '赵敏', roles: ['admin'], departments: ['150302-zwfw'] };
const approver = { sub: 's-appr', name: '王芳', roles: ['approver'], departments: ['150302-zjj'] };
const resident = { sub: 'r-1', name: '张三', id_number: '150302199001011234', assurance_level: 3 };

describe('signing in with the identity platform', () => {
  let provider: FakeProvider;
  let h: Harness;
  const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

  before(async () => {
    provider = await startFakeProvider();
    h = await createHarness({
      tokenVerifier: new JwtVerifier({
        issuer: provider.issuer,
        audience: testAudience,
        jwksUrl: provider.jwksUrl,
        jwks: { cooldownMs: 0 },
      }),
    });
  });
  after(async () => {
    await h.close();
    await provider.close();
  });

  it('answers a forged or expired token with 401 and records the failure', async () => {
    const stranger = await makeKey('k-forged');
    const forged = await provider.sign(admin, { key: stranger });
    const response = await h.call('GET', '/api/v1/audit', bearer(forged));
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /invalid_token/);
    const expired = await provider.sign(admin, { expiresIn: Math.floor(Date.now() / 1000) - 600 });
    assert.equal((await h.call('GET', '/api/v1/audit', bearer(expired))).status, 401);
    const page = await h.call(
      'GET',
      '/api/v1/audit?action=auth.tokenRejected',
      bearer(await provider.sign(admin)),
    );
    assert.equal(page.status, 200, page.text);
    assert.deepEqual(
      page.body.items.map((record: { detail: { reason: string } }) => record.detail.reason),
      ['expired', 'unknownKey'],
    );
  });

  it('lets only an admin read the audit log, not other staff, residents or a shared credential', async () => {
    assert.equal((await h.call('GET', '/api/v1/audit', bearer(await provider.sign(approver)))).status, 403);
    assert.equal((await h.call('GET', '/api/v1/audit', bearer(await provider.sign(resident)))).status, 403);
    // The shared staff credential of before is no credential at all now.
    assert.equal((await h.call('GET', '/api/v1/audit', bearer('st_development_only_change_me'))).status, 401);
    assert.equal((await h.call('GET', '/api/v1/audit')).status, 401);
  });

  it('pages the audit log newest first with a cursor', async () => {
    const token = await provider.sign(admin);
    for (let i = 0; i < 3; i += 1) await h.call('GET', '/api/v1/audit', bearer(`sk_not_a_key_${i}`));
    const first = await h.call('GET', '/api/v1/audit?limit=2', bearer(token));
    assert.equal(first.status, 200);
    assert.equal(first.body.items.length, 2);
    assert.ok(first.body.items[0].seq > first.body.items[1].seq);
    const second = await h.call(
      'GET',
      `/api/v1/audit?limit=2&cursor=${first.body.nextCursor}`,
      bearer(token),
    );
    assert.ok(second.body.items[0].seq < first.body.items[1].seq);
    const failures = await h.call(
      'GET',
      '/api/v1/audit?action=auth.serviceKeyRejected&outcome=failure',
      bearer(token),
    );
    assert.equal(failures.body.items.length, 3);
  });

  it('records a service account’s use', async () => {
    const { id, key } = await createServiceAccount(h.database.db, '叫号系统', ['calendar:read']);
    await h.call('GET', '/api/v1/audit', bearer(key));
    const page = await h.call(
      'GET',
      '/api/v1/audit?action=serviceAccount.used',
      bearer(await provider.sign(admin)),
    );
    assert.equal(page.body.items[0].actor.id, `service:${id}`);
  });

  it('is 503, not 500, while the platform’s keys cannot be fetched and none is cached', async () => {
    const fresh = await createHarness({
      tokenVerifier: new JwtVerifier({
        issuer: provider.issuer,
        audience: testAudience,
        jwksUrl: provider.jwksUrl,
      }),
    });
    provider.down = true;
    try {
      const response = await fresh.call('GET', '/api/v1/audit', bearer(await provider.sign(admin)));
      assert.equal(response.status, 503);
      assert.equal(response.body.code, 'service_unavailable');
      assert.ok(response.headers.get('retry-after'));
      // The harness above has the keys cached and keeps working.
      assert.equal((await h.call('GET', '/api/v1/audit', bearer(await provider.sign(admin)))).status, 200);
    } finally {
      provider.down = false;
      await fresh.close();
    }
  });
});

describe('a production start', () => {
  it('refuses without the identity platform, and without the personal-data key', async () => {
    await assert.rejects(startServer({ production: true, port: 0 }), /BANSHI_OIDC_ISSUER/);
    await assert.rejects(
      startServer({
        production: true,
        port: 0,
        identity: { issuer: 'https://id.example', audience: 'banshi' },
      }),
      /BANSHI_PII_KEY/,
    );
  });
});
