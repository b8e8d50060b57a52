import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
// @ts-expect-error -- the development provider is plain JavaScript without type declarations
import { startDevIdp } from '../../../dev-idp/src/provider.js';
import { JwtVerifier } from '../../src/identity/jwt-verifier.js';

const redirectUri = 'http://127.0.0.1:8080/';

/** A browser's part of Authorization Code + PKCE, cookies included, choosing a persona on the login page. */
async function signIn(issuer: string, persona: string) {
  const cookies = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(new URL(url, issuer), {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=');
      cookies.set(name!, value ?? '');
    }
    return response;
  };
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorize = new URL('/auth', issuer);
  for (const [k, v] of Object.entries({
    client_id: 'banshi-demo',
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile banshi',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'st',
  }))
    authorize.searchParams.set(k, v);
  let response = await go(authorize.toString());
  const interaction = response.headers.get('location')!;
  const page = await (await go(interaction)).text();
  assert.match(page, /张丽 · 海勃湾区居民/);
  assert.doesNotMatch(page, /password/i);
  response = await go(`${interaction}/login`, {
    method: 'POST',
    body: new URLSearchParams({ persona }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  response = await go(response.headers.get('location')!);
  const callback = new URL(response.headers.get('location')!, issuer);
  const code = callback.searchParams.get('code');
  assert.ok(code, `no code in ${callback}`);
  const token = await fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: 'banshi-demo',
      code_verifier: verifier,
    }),
  });
  assert.equal(token.status, 200, await token.clone().text());
  return (await token.json()) as { access_token: string };
}

describe('the development identity provider', () => {
  let idp: { url: string; close(): Promise<void> };
  before(async () => {
    idp = await startDevIdp({ port: 0, clientRedirectUris: [redirectUri], env: {} });
  });
  after(() => idp.close());

  it('signs a persona in with Authorization Code + PKCE, and the server accepts the access token', async () => {
    const verifier = new JwtVerifier({ issuer: idp.url, audience: 'urn:banshi:api' });
    const admin = await verifier.verify((await signIn(idp.url, 'staff-zwfw-admin')).access_token);
    assert.deepEqual(admin, {
      kind: 'staff',
      subject: 'staff-zwfw-admin',
      issuer: idp.url,
      name: '孙磊',
      roles: ['admin'],
      departments: ['150302-zwfw'],
    });
    const resident = await verifier.verify((await signIn(idp.url, 'resident-zhangli')).access_token);
    assert.equal(resident.kind === 'resident' && resident.assurance, 3);
    const agent = await verifier.verify((await signIn(idp.url, 'company-agent')).access_token);
    assert.equal(agent.kind === 'company' && agent.company.relation, 'agent');
  });

  it('refuses a code exchange without the PKCE verifier', async () => {
    const response = await fetch(
      new URL('/auth', idp.url) +
        '?client_id=banshi-demo&response_type=code&scope=openid&redirect_uri=' +
        encodeURIComponent(redirectUri),
      { redirect: 'manual' },
    );
    const location = new URL(response.headers.get('location')!, idp.url);
    assert.equal(location.searchParams.get('error'), 'invalid_request');
  });

  it('refuses to start with a production configuration', async () => {
    await assert.rejects(
      startDevIdp({ port: 0, clientRedirectUris: [redirectUri], env: { NODE_ENV: 'production' } }),
      /production/,
    );
  });
});
