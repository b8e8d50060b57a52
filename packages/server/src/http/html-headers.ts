// A strict policy for every HTML page: no inline or evaluated script.
const htmlSecurityHeaders: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'SAMEORIGIN',
  'cross-origin-opener-policy': 'same-origin',
};

/** The HTML headers, with the identity platform's origin allowed for the host page's sign-in calls. */
export function htmlHeadersFor(connectOrigins: string[]): Record<string, string> {
  const csp = htmlSecurityHeaders['content-security-policy']!.replace(
    "connect-src 'self'",
    ["connect-src 'self'", ...connectOrigins].join(' '),
  );
  return { ...htmlSecurityHeaders, 'content-security-policy': csp };
}

/** Sets `headers` on an HTML answer and leaves every other answer as it is. */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  }
  return response;
}
