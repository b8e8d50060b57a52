import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

/** A signing key of the fake provider. */
export interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function makeKey(kid: string): Promise<TestKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

/**
 * An identity provider's JWKS endpoint on a loopback port: keys can be rotated and the endpoint taken
 * down, and every fetch is counted.
 */
export interface FakeProvider {
  issuer: string;
  jwksUrl: string;
  keys: TestKey[];
  /** While true the endpoint answers 503. */
  down: boolean;
  fetches: number;
  sign(
    payload: JWTPayload,
    options?: { key?: TestKey; audience?: string; expiresIn?: string | number },
  ): Promise<string>;
  close(): Promise<void>;
}

export const testAudience = 'banshi-test';

export async function startFakeProvider(): Promise<FakeProvider> {
  const provider = { keys: [await makeKey('k1')], down: false, fetches: 0 } as FakeProvider;
  const server: Server = createServer((request, response) => {
    provider.fetches += 1;
    if (provider.down) {
      response.writeHead(503).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: provider.keys.map((key) => key.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // A test that forgets to close it must not keep its process alive.
  server.unref();
  const { port } = server.address() as AddressInfo;
  provider.issuer = `http://127.0.0.1:${port}`;
  provider.jwksUrl = `${provider.issuer}/jwks`;
  provider.sign = (payload, options = {}) => {
    const key = options.key ?? provider.keys[0]!;
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuer(provider.issuer)
      .setAudience(options.audience ?? testAudience)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '10m')
      .sign(key.privateKey);
  };
  provider.close = () => new Promise((resolve) => server.close(() => resolve()));
  return provider;
}

/**
 * A test provider for a server started through the CLI: the arguments that make the server trust it, and
 * the token of a member of staff with these claims.
 */
export async function providerForCli(staff: JWTPayload): Promise<{
  provider: FakeProvider;
  args: string[];
  token: string;
}> {
  const provider = await startFakeProvider();
  const args = [
    '--oidc-issuer',
    provider.issuer,
    '--oidc-audience',
    testAudience,
    '--oidc-jwks-url',
    provider.jwksUrl,
  ];
  return { provider, args, token: await provider.sign(staff, { expiresIn: '2h' }) };
}
