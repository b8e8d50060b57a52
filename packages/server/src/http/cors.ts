/** Response headers a browser needs to read an API answer from another origin. */
export const exposedHeaders =
  'Retry-After, X-Request-Id, ETag, Idempotent-Replayed, Content-Language, Location';

const none: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The CORS headers of an answer to `origin`, computed once per origin: empty when the origin is not
 * allowed (or there is none). `*` in `allowedOrigins` allows any.
 */
export function corsPolicy(
  allowedOrigins: string[],
): (origin: string | undefined) => Readonly<Record<string, string>> {
  const any = allowedOrigins.includes('*');
  const byOrigin = new Map<string, Readonly<Record<string, string>>>();
  for (const origin of allowedOrigins) {
    if (origin === '*') continue;
    byOrigin.set(
      origin,
      Object.freeze({
        'Access-Control-Allow-Origin': any ? '*' : origin,
        'Access-Control-Expose-Headers': exposedHeaders,
        Vary: 'Origin',
      }),
    );
  }
  const anyOrigin = Object.freeze({
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': exposedHeaders,
    Vary: 'Origin',
  });
  return (origin) => {
    if (origin === undefined) return none;
    return byOrigin.get(origin) ?? (any ? anyOrigin : none);
  };
}
