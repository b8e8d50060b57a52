// The host page's own sign-in (登录 / 退出) at the unified identity platform: Authorization Code with
// PKCE through oauth4webapi, here in the site's script and not in the widgets. The access token is handed
// to every <banshi-provider> through its `tokenProvider` property; the widgets send it through the SDK.
const issuerMeta = document.querySelector('meta[name="banshi:issuer"]');
const sessionKey = 'demo-site-sign-in';
const pendingKey = 'demo-site-sign-in-pending';
const client = { client_id: 'banshi-demo' };
const redirectUri = `${location.origin}/`;

let openIdPromise;
/**
 * The OpenID client library and the platform's metadata, fetched when a sign-in or sign-out starts or ends:
 * most visits never sign in, and evaluating the library with every page held up each page's first second.
 */
function openId(issuer) {
  openIdPromise ??= import('./vendor/oauth4webapi.js').then(async (oauth) => {
    // The development provider runs on plain http at 127.0.0.1; a real platform is https.
    const insecure = { [oauth.allowInsecureRequests]: location.protocol === 'http:' };
    const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...insecure });
    return { oauth, insecure, as: await oauth.processDiscoveryResponse(issuer, response) };
  });
  return openIdPromise;
}

function session() {
  const stored = JSON.parse(sessionStorage.getItem(sessionKey) ?? 'null');
  return stored && stored.expiresAt > Date.now() ? stored : null;
}

async function signIn(issuer) {
  const { oauth, as } = await openId(issuer);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state, returnTo: location.href }));
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile banshi',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  }).toString();
  location.assign(url);
}

async function finishSignIn(issuer, pending) {
  sessionStorage.removeItem(pendingKey);
  const { oauth, as, insecure } = await openId(issuer);
  const params = oauth.validateAuthResponse(as, client, new URL(location.href), pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    redirectUri,
    pending.verifier,
    insecure,
  );
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
  const claims = oauth.getValidatedIdTokenClaims(tokens);
  sessionStorage.setItem(
    sessionKey,
    JSON.stringify({
      accessToken: tokens.access_token,
      name: typeof claims.name === 'string' ? claims.name : claims.sub,
      expiresAt: Date.now() + (tokens.expires_in ?? 3600) * 1000,
    }),
  );
  location.replace(pending.returnTo);
}

async function signOut(issuer) {
  const current = session();
  sessionStorage.removeItem(sessionKey);
  const { as } = await openId(issuer);
  if (!as.end_session_endpoint || !current) return location.reload();
  const url = new URL(as.end_session_endpoint);
  url.search = new URLSearchParams({
    // No id_token_hint: the ID token names the person, and this address ends up in logs.
    client_id: client.client_id,
    post_logout_redirect_uri: redirectUri,
  }).toString();
  location.assign(url);
}

// The header follows the page's language switch (site.js sets <html lang>).
const labels = {
  'zh-CN': { signIn: '登录', signOut: '退出', signedIn: '已登录' },
  en: { signIn: 'Sign in', signOut: 'Sign out', signedIn: 'Signed in' },
};

function renderAccount(area, issuer) {
  const words = labels[document.documentElement.lang] ?? labels['zh-CN'];
  const current = session();
  const button = document.createElement('button');
  button.type = 'button';
  if (current) {
    const name = document.createElement('span');
    name.textContent = current.name;
    name.title = words.signedIn;
    button.textContent = words.signOut;
    button.addEventListener('click', () => signOut(issuer));
    area.replaceChildren(name, button);
  } else {
    button.textContent = words.signIn;
    button.addEventListener('click', () => signIn(issuer));
    area.replaceChildren(button);
  }
}

function render(issuer) {
  const area = document.querySelector('.site-account');
  if (!area) return;
  renderAccount(area, issuer);
  new MutationObserver(() => renderAccount(area, issuer)).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
  });
  // Every widget asks the provider around it for the token before each request.
  for (const provider of document.querySelectorAll('banshi-provider')) {
    provider.tokenProvider = async () => session()?.accessToken;
  }
  // A widget asking for sign-in (an item needing it, or a higher assurance level) starts it.
  document.addEventListener('banshi-login-required', () => signIn(issuer));
}

if (issuerMeta?.content) {
  const issuer = new URL(issuerMeta.content);
  const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? 'null');
  const returned = new URLSearchParams(location.search);
  if (pending && (returned.has('code') || returned.has('error'))) {
    finishSignIn(issuer, pending).catch((error) => {
      console.error('Sign-in failed', error);
      render(issuer);
    });
  } else {
    render(issuer);
  }
} else {
  document.querySelector('.site-account')?.remove();
}
