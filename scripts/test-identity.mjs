// An identity provider for the browser tests: a JWKS on a loopback port and RS256 tokens signed with its
// key, so the reference server checks staff tokens exactly as in production (no bypass in the server).
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

const audience = 'urn:banshi:api';

const base64url = (value) => Buffer.from(value).toString('base64url');

/**
 * Starts the provider. Answers its `identity` options for `startServer` and `sign(claims)`, which
 * answers a token valid for two hours.
 */
export async function startTestIdentity() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const jwks = JSON.stringify({
    keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }],
  });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(jwks);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  return {
    identity: { issuer, audience, jwksUrl: `${issuer}/jwks` },
    sign(claims) {
      const now = Math.floor(Date.now() / 1000);
      const header = base64url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }));
      const payload = base64url(
        JSON.stringify({ iss: issuer, aud: audience, iat: now, exp: now + 7200, ...claims }),
      );
      const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey, 'base64url');
      return `${header}.${payload}.${signature}`;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
