/** Response headers a browser needs to read an API answer from another origin. */
export const exposedHeaders =
  'Retry-After, X-Request-Id, ETag, Idempotent-Replayed, Content-Language, Location, RateLimit, RateLimit-Policy';

/**
 * The CORS headers of an answer to `origin`, computed once per origin: empty when the origin is not
 * allowed (or there is none). With `localised`, the headers of an answer whose body depends on
 * Accept-Language: the same plus `Vary: Accept-Language` (one `Vary: Origin, Accept-Language` when CORS
 * already varies on Origin), so a shared cache never hands one language's answer to another.
 */
export type CorsHeaders = (
  origin: string | undefined,
  localised?: boolean,
) => Readonly<Record<string, string>>;

/** The CORS policy of `allowedOrigins`; `*` allows any. See {@link CorsHeaders}. */
export function corsPolicy(allowedOrigins: string[]): CorsHeaders {
  const any = allowedOrigins.includes('*');
  const allowing = (allowOrigin: string) => ({
    plain: Object.freeze({
      'Access-Control-Allow-Origin': allowOrigin,
      'Access-Control-Expose-Headers': exposedHeaders,
      Vary: 'Origin',
    }),
    localised: Object.freeze({
      'Access-Control-Allow-Origin': allowOrigin,
      'Access-Control-Expose-Headers': exposedHeaders,
      Vary: 'Origin, Accept-Language',
    }),
  });
  const byOrigin = new Map<string, ReturnType<typeof allowing>>();
  for (const origin of allowedOrigins) {
    if (origin !== '*') byOrigin.set(origin, allowing(any ? '*' : origin));
  }
  const anyOrigin = allowing('*');
  const none = { plain: Object.freeze({}), localised: Object.freeze({ Vary: 'Accept-Language' }) };
  return (origin, localised = false) => {
    const headers = origin === undefined ? none : (byOrigin.get(origin) ?? (any ? anyOrigin : none));
    return localised ? headers.localised : headers.plain;
  };
}
