import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { JwtVerifier } from '../../src/identity/jwt-verifier.js';
import { IdentityUnavailable, TokenRejected } from '../../src/identity/token-verifier.js';
import { makeKey, startFakeProvider, testAudience, type FakeProvider } from '../support/identity-provider.js';

const resident = {
  sub: 'r-1001',
  name: '张三',
  id_type: 'idCard',
  id_number: '150302199001011234',
  phone_number: '13800000000',
  assurance_level: 'L3',
};

function base64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

async function rejects(promise: Promise<unknown>, reason: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof TokenRejected, `expected a rejection, got ${String(error)}`);
    assert.equal(error.reason, reason);
    return true;
  });
}

describe('JWT verification', () => {
  let provider: FakeProvider;
  let now = Date.now();
  const clock = () => now;
  const verifierFor = (options: Partial<ConstructorParameters<typeof JwtVerifier>[0]> = {}) =>
    new JwtVerifier({
      issuer: provider.issuer,
      audience: testAudience,
      jwksUrl: provider.jwksUrl,
      clock,
      jwks: { cooldownMs: 1000, maxAgeMs: 60_000 },
      ...options,
    });

  before(async () => {
    provider = await startFakeProvider();
  });
  after(() => provider.close());

  it('turns a valid token into a resident with the configured claims', async () => {
    now = Date.now();
    const principal = await verifierFor().verify(await provider.sign(resident));
    assert.deepEqual(principal, {
      kind: 'resident',
      subject: 'r-1001',
      issuer: provider.issuer,
      name: '张三',
      idType: 'idCard',
      idNumber: '150302199001011234',
      mobile: '13800000000',
      assurance: 3,
    });
  });

  it('reads claims under a province’s own names', async () => {
    const verifier = verifierFor({ claims: { name: 'xm', idNumber: 'zjhm', assurance: 'smdj' } });
    const principal = await verifier.verify(
      await provider.sign({ sub: 'x', xm: '李四', zjhm: '1503', smdj: 2 }),
    );
    assert.equal(principal.kind, 'resident');
    assert.equal(principal.kind === 'resident' && principal.name, '李四');
    assert.equal(principal.kind === 'resident' && principal.idNumber, '1503');
    assert.equal(principal.kind === 'resident' && principal.assurance, 2);
  });

  it('recognises a company representative and a member of staff', async () => {
    const verifier = verifierFor();
    const company = await verifier.verify(
      await provider.sign({
        ...resident,
        company_credit_code: '91150302MA0N000001',
        company_relation: '经办人',
      }),
    );
    assert.equal(company.kind, 'company');
    assert.deepEqual(company.kind === 'company' && company.company, {
      creditCode: '91150302MA0N000001',
      relation: 'agent',
    });
    const staff = await verifier.verify(
      await provider.sign({
        sub: 's-1',
        name: '王芳',
        roles: ['approver', 'root'],
        departments: ['150302-zjj'],
      }),
    );
    assert.deepEqual(staff, {
      kind: 'staff',
      subject: 's-1',
      issuer: provider.issuer,
      name: '王芳',
      roles: ['approver'],
      departments: ['150302-zjj'],
    });
  });

  it('refuses alg none', async () => {
    const header = base64url({ alg: 'none', typ: 'JWT' });
    const payload = base64url({
      ...resident,
      iss: provider.issuer,
      aud: testAudience,
      exp: Math.floor(now / 1000) + 600,
    });
    await rejects(verifierFor().verify(`${header}.${payload}.`), 'algorithm');
  });

  it('refuses HS256 signed with the provider’s public key', async () => {
    const key = provider.keys[0]!;
    const header = base64url({ alg: 'HS256', typ: 'JWT', kid: key.kid });
    const payload = base64url({
      ...resident,
      iss: provider.issuer,
      aud: testAudience,
      exp: Math.floor(now / 1000) + 600,
    });
    const secret = JSON.stringify(key.publicJwk);
    const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    await rejects(verifierFor().verify(`${header}.${payload}.${signature}`), 'algorithm');
    // Listing HS256 does not let it in either.
    await rejects(
      verifierFor({ algorithms: ['HS256', 'RS256'] }).verify(`${header}.${payload}.${signature}`),
      'algorithm',
    );
  });

  it('refuses a wrong issuer, a wrong audience and a bad signature', async () => {
    await rejects(
      verifierFor({ issuer: 'https://elsewhere.example' }).verify(await provider.sign(resident)),
      'issuer',
    );
    await rejects(
      verifierFor().verify(await provider.sign(resident, { audience: 'another-client' })),
      'audience',
    );
    const token = await provider.sign(resident);
    const [h, p] = token.split('.');
    const other = await provider.sign({ ...resident, sub: 'r-2' });
    await rejects(verifierFor().verify(`${h}.${p}.${other.split('.')[2]}`), 'signature');
  });

  it('allows a small clock skew on exp and nbf, and no more', async () => {
    const t = Math.floor(Date.now() / 1000);
    const expired = await provider.sign({ ...resident }, { expiresIn: t - 30 });
    now = (t - 0) * 1000;
    await verifierFor().verify(expired);
    now = (t + 120) * 1000;
    await rejects(
      verifierFor().verify(await provider.sign({ ...resident }, { expiresIn: t + 30 })),
      'expired',
    );
    now = t * 1000;
    await rejects(
      verifierFor().verify(await provider.sign({ ...resident, nbf: t + 600 }, { expiresIn: t + 900 })),
      'notYetValid',
    );
    await verifierFor().verify(await provider.sign({ ...resident, nbf: t + 30 }, { expiresIn: t + 900 }));
    now = Date.now();
  });

  it('refetches the keys for a new kid (rotation), with a cooldown against made-up kids', async () => {
    now = Date.now();
    const verifier = verifierFor();
    await verifier.verify(await provider.sign(resident));
    const fetches = provider.fetches;
    const rotated = await makeKey('k2');
    provider.keys.push(rotated);
    now += 2000;
    await verifier.verify(await provider.sign(resident, { key: rotated }));
    assert.equal(provider.fetches, fetches + 1);

    const stranger = await makeKey('k-unknown');
    now += 2000;
    await rejects(verifier.verify(await provider.sign(resident, { key: stranger })), 'unknownKey');
    await rejects(verifier.verify(await provider.sign(resident, { key: stranger })), 'unknownKey');
    await rejects(verifier.verify(await provider.sign(resident, { key: stranger })), 'unknownKey');
    assert.equal(provider.fetches, fetches + 2, 'one refetch per cooldown, however many unknown kids');
    provider.keys.pop();
  });

  it('keeps working on cached keys while the JWKS is down, and is unavailable (not rejected) without', async () => {
    now = Date.now();
    const verifier = verifierFor();
    await verifier.verify(await provider.sign(resident));
    provider.down = true;
    try {
      now += 120_000; // past the cache's age: the refetch fails, the cached key still verifies
      const principal = await verifier.verify(await provider.sign(resident));
      assert.equal(principal.kind, 'resident');
      const rotated = await makeKey('k3');
      await assert.rejects(
        verifier.verify(await provider.sign(resident, { key: rotated })),
        IdentityUnavailable,
      );
      await assert.rejects(verifierFor().verify(await provider.sign(resident)), IdentityUnavailable);
    } finally {
      provider.down = false;
    }
  });
});
