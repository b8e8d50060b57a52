// The development identity provider: oidc-provider (a certified OpenID Provider) configured as the
// province's unified identity platform would be for Banshi: Authorization Code with PKCE for a public
// client, JWT access tokens for the API audience carrying the persona's claims, keys at /jwks.
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import { personaById } from './personas.js';
import { loginPage } from './login-page.js';

/** Where the production guard looks. */
export function isProductionEnvironment(env = process.env) {
  return env.NODE_ENV === 'production' || env.BANSHI_ENV === 'production';
}

const banshiClaims = [
  'name',
  'id_type',
  'id_number',
  'phone_number',
  'address',
  'assurance_level',
  'company_credit_code',
  'company_name',
  'company_relation',
  'roles',
  'departments',
];

function readForm(request) {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      body += chunk;
      if (body.length > 10_000) reject(new Error('form too large'));
    });
    request.on('end', () => resolve(new URLSearchParams(body)));
    request.on('error', reject);
  });
}

/**
 * Starts the provider. `clientRedirectUris` are the demo site's callback addresses; their origins may
 * call the token and userinfo endpoints from the browser.
 */
export async function startDevIdp({
  port = 8081,
  host = '127.0.0.1',
  issuer,
  audience = 'urn:banshi:api',
  clientId = 'banshi-demo',
  clientRedirectUris,
  env = process.env,
}) {
  if (isProductionEnvironment(env)) {
    throw new Error('The development identity provider refuses to run with a production configuration');
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: `dev-${randomBytes(4).toString('hex')}`,
    alg: 'RS256',
    use: 'sig',
  };
  const origins = new Set(clientRedirectUris.map((uri) => new URL(uri).origin));

  const server = createServer();
  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const url = issuer ?? `http://${host}:${address.port}`;

  const provider = new Provider(url, {
    clients: [
      {
        client_id: clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: clientRedirectUris,
        post_logout_redirect_uris: clientRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    // The ID token names the person, so the site can greet them without a userinfo call (the access
    // token is for the API, not for userinfo).
    conformIdTokenClaims: false,
    ttl: {
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 28_800,
      Grant: 28_800,
      AccessToken: 3600,
      IdToken: 3600,
    },
    scopes: ['openid', 'profile', 'banshi'],
    claims: { openid: ['sub'], profile: ['name'], banshi: banshiClaims },
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    findAccount: (_ctx, id) => {
      const persona = personaById(id);
      if (!persona) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...persona.claims }) };
    },
    // The API reads the person from the access token itself, as it would the platform's.
    extraTokenClaims: (_ctx, token) =>
      token.kind === 'AccessToken' ? { ...personaById(token.accountId)?.claims } : undefined,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource: logoutPage },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'banshi',
          audience,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 3600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    // A first-party development client: the person is never asked to consent.
    loadExistingGrant: async (ctx) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid profile banshi');
      grant.addOIDCClaims(banshiClaims);
      grant.addResourceScope(audience, 'banshi');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    clientBasedCORS: (_ctx, origin) => origins.has(origin),
    renderError: (ctx, out) => {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `统一身份认证（开发环境）出错：${out.error}${out.error_description ? ` — ${out.error_description}` : ''}`;
    },
  });

  const callback = provider.callback();
  server.on('request', async (request, response) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(request.url?.split('?')[0] ?? '');
    if (!match) return callback(request, response);
    try {
      const details = await provider.interactionDetails(request, response);
      if (request.method === 'POST' && match[2]) {
        const persona = personaById((await readForm(request)).get('persona') ?? '');
        if (!persona) {
          response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('未知的身份');
          return;
        }
        await provider.interactionFinished(
          request,
          response,
          { login: { accountId: persona.id } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        'cache-control': 'no-store',
      });
      response.end(loginPage(details.uid, details.params.client_id));
    } catch (error) {
      response
        .writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`登录会话无效，请重新登录（${error.message}）`);
    }
  });

  return {
    url,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function logoutPage(ctx, form) {
  // Submitted at once: the demo's 退出 should not stop at a confirmation.
  ctx.body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>退出登录</title></head><body>${form.replace('</form>', '<input type="hidden" name="logout" value="yes"><button autofocus>退出登录</button></form>')}</body></html>`;
}
