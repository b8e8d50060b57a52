import { createHmac, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { loadCalendar } from './calendar/calendar-store.js';
import { negotiateLocale, type Locale } from './i18n/locale.js';
import { docsHtml, docsInitScript, loadScalarBundle } from './http/docs.js';
import { dispatch, handlerOf } from './http/dispatch.js';
import { completeResponses, type CallContext } from './http/operation.js';
import { ProblemError, sendProblem } from './http/problem.js';
import { requestHeader } from './http/headers.js';
import { requestIdOf } from './http/request-id.js';
import { corsPolicy, type CorsHeaders } from './http/cors.js';
import { apiAnswerHeaders, carriesSecrets } from './http/cache-policy.js';
import { credentialGate } from './http/credentials.js';
import { clientAddress, trustedProxies } from './http/client-address.js';
import { isClientDisconnect } from './http/node-listener.js';
import { LookupGuard, defaultLookupLimits } from './cases/lookup-limit.js';
import { serveFile } from './http/static.js';
import { cdnRelease, serveCdn } from './http/cdn.js';
import { loadDocument, type OpenApiNode } from './openapi/document.js';
import { validateRequest } from './openapi/request.js';
import { compileDocument, type CompiledDocument } from './openapi/validator.js';
import type { AppServices } from './services.js';
import { MemoryStorage } from './uploads/storage.js';
import { FormSessions } from './uploads/form-session.js';
import { UploadQuota, defaultUploadQuotas } from './uploads/quota.js';
import { SearchIndex } from './items/search-index.js';
import { DatabaseSearch } from './search/database-search.js';
import { KeptSearchAnswers } from './search/kept-answers.js';
import { hotSearchRead } from './search/hot-search-read.js';
import { plainHeaderLimit } from './http/hot-request.js';
import { ItemCache } from './items/item-cache.js';
import { hotItemRead } from './items/hot-read.js';
import { handlers } from './handlers.js';
import { appendAudit } from './audit/audit-log.js';
import { resolveCaller } from './identity/caller.js';
import { PiiCipher } from './security/pii-cipher.js';
import { DatabaseOutbox } from './notify/outbox.js';
import { outboxPage } from './notify/outbox-page.js';
import { defaultCheckInLimit, defaultNoShowRule } from './appointments/rules.js';
import { RateLimiter } from './http/rate-limit.js';
import { ReplaySealer } from './security/replay-seal.js';
import { ServerMetrics } from './ops/metrics.js';
import { markOperation, observeRequests } from './ops/request-observer.js';
import { readinessCheck } from './ops/readiness.js';
import { routeOps } from './ops/routes.js';
import { SealedColumnsPlugin } from './security/sealed-columns.js';
import { loadLocalRules, type LocalRules } from './local-rules/local-rules.js';
import { htmlHeadersFor, withHeaders } from './http/html-headers.js';
import type { AppOptions } from './app-options.js';

export type { AppOptions } from './app-options.js';

type Env = {
  Variables: {
    requestId: string;
    locale: Locale;
    /** The CORS headers of an answer whose body depends on the language (see `corsPolicy`). */
    localisedCors: Readonly<Record<string, string>>;
  };
};

const allowedRequestHeaders =
  'Content-Type, Authorization, Idempotency-Key, X-Query-Code, X-Form-Session, Accept-Language, If-None-Match, If-Match, X-Request-Id';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const apiBase = '/api/v1';

/**
 * Builds the Hono app: every operation of the OpenAPI document under `/api/v1`, validated against the
 * document, plus `/openapi.yaml`, `/docs`, `/cdn/` and `/`.
 */
export function createApp(options: AppOptions): Hono<Env> {
  const loaded = loadDocument(options.documentPath);
  const compiled = compileDocument(loaded.document);
  const services = servicesOf(options, compiled);
  const cors = corsPolicy(options.allowedOrigins ?? []);
  const app = new Hono<Env>();
  app.use('*', commonHeaders(cors));
  app.use(`${apiBase}/*`, bodyLimits(options.bodyLimitBytes ?? 1024 * 1024, services.uploadLimitBytes));
  const metrics = new ServerMetrics(options.database, options.clusterWorker);
  const ready = readinessCheck({
    database: options.database,
    keysReady: options.identityKeysReady,
    draining: options.draining,
    log: services.log,
  });
  routeOps(app as unknown as Hono, { ready, metrics, metricsToken: options.metricsToken });
  routeOperations(app, loaded.document, compiled, services, options.trustProxy);
  if (services.notifier instanceof DatabaseOutbox) routeOutbox(app, services.notifier, options);
  routeDocumentsAndFiles(app, loaded.text, options);
  app.notFound((c) =>
    sendProblem(c, new ProblemError(404, 'not_found', { titleKey: 'problem.routeNotFound' })),
  );
  app.onError((error, c) => {
    if (error instanceof ProblemError) return sendProblem(c, error);
    const requestId = c.get('requestId');
    if (isClientDisconnect(error)) {
      services.log({
        level: 'debug',
        requestId,
        method: c.req.method,
        path: c.req.path,
        message: 'Client went away',
      });
      return sendProblem(c, new ProblemError(400, 'bad_request', { titleKey: 'problem.badRequest' }));
    }
    services.log({
      level: 'error',
      requestId,
      method: c.req.method,
      path: c.req.path,
      error: error.message,
      stack: error.stack,
    });
    return sendProblem(c, new ProblemError(500, 'internal_error', { titleKey: 'problem.internal' }));
  });
  // The most frequent reads, a cached item guide and a kept search answer, are answered before routing.
  const hotRead = hotItemRead({
    itemCache: services.itemCache,
    cors,
    itemCodePattern: new RegExp(String(compiled.componentSchema('ItemCode')?.pattern ?? '(?!)')),
    maxHeaderLength: plainHeaderLimit(compiled.operations.get('getItem')),
  });
  const hotSearch = hotSearchRead({
    answers: services.searchAnswers,
    cors,
    maxHeaderLength: plainHeaderLimit(compiled.operations.get('listItems')),
  });
  const routedFetch = app.fetch;
  const fetch: typeof app.fetch = (request, env, executionCtx) => {
    const item = hotRead(request, env);
    if (item) {
      markOperation(request, 'getItem');
      return item;
    }
    const search = hotSearch(request, env);
    if (search) {
      markOperation(request, 'listItems');
      return search;
    }
    return routedFetch(request, env, executionCtx);
  };
  app.fetch = observeRequests(fetch, services.log, metrics);
  return app;
}

function servicesOf(options: AppOptions, compiled: CompiledDocument): AppServices {
  const clock = options.clock ?? (() => new Date());
  const piiKey = options.piiKey ?? randomBytes(32);
  const pii = new PiiCipher([piiKey]);
  // Every process serving one database shares it (or, without one, the personal-data key).
  const secret = options.serverSecret ?? piiKey;
  // Every handler reads and writes personal data through this plugin: encrypted at rest, in clear here.
  const db = options.database.db.withPlugin(new SealedColumnsPlugin(pii));
  return {
    pii,
    notifier: options.notifier ?? new DatabaseOutbox(db, pii, clock),
    appointmentRules: { ...defaultNoShowRule, ...options.appointmentNoShowRule },
    replaySealer: new ReplaySealer(createHmac('sm3', secret).update('idempotency replays').digest()),
    tokenVerifier: options.tokenVerifier,
    db,
    storage: options.storage ?? new MemoryStorage(),
    lookupGuard: new LookupGuard(db, { ...defaultLookupLimits, ...options.lookupLimits }, clock),
    checkInLimiter: new RateLimiter(
      db,
      { scope: 'appointment-check-in', ...(options.checkInLimit ?? defaultCheckInLimit) },
      clock,
    ),
    rules: localRulesOf(options),
    uploadLimitBytes: options.uploadLimitBytes ?? 20 * 1024 * 1024,
    formSessions: new FormSessions(
      options.formSessionSecret ?? createHmac('sm3', secret).update('form sessions').digest('hex'),
    ),
    uploadQuota: new UploadQuota(db, { ...defaultUploadQuotas, ...options.uploadQuotas }, clock),
    clock,
    calendar: (source = db) => loadCalendar(source),
    log: options.log ?? ((entry) => process.stderr.write(`${JSON.stringify(entry)}\n`)),
    validateValue: compiled.validateValue,
    searchIndex:
      (options.search ?? (options.database.kind === 'postgres' ? 'database' : 'memory')) === 'database'
        ? new DatabaseSearch(db, options.searchCheckMs)
        : new SearchIndex(db),
    itemCache: new ItemCache(db),
    searchAnswers: new KeptSearchAnswers(db, options.searchCheckMs),
  };
}

/** Request id, language and CORS on every answer; the CORS preflight of the API. */
function commonHeaders(cors: CorsHeaders): MiddlewareHandler<Env> {
  return async (c, next) => {
    const requestId = requestIdOf(requestHeader(c, 'x-request-id'));
    c.set('requestId', requestId);
    c.set('locale', negotiateLocale(requestHeader(c, 'accept-language')));
    const origin = requestHeader(c, 'origin');
    const corsHeaders = cors(origin);
    c.set('localisedCors', cors(origin, true));
    const allowed = corsHeaders['Access-Control-Allow-Origin'] !== undefined;
    if (allowed && c.req.method === 'OPTIONS' && c.req.path.startsWith(apiBase)) {
      return new Response(null, {
        status: 204,
        headers: {
          ...corsHeaders,
          'Access-Control-Allow-Methods': 'GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS',
          'Access-Control-Allow-Headers': allowedRequestHeaders,
          'Access-Control-Max-Age': '600',
          'X-Request-Id': requestId,
        },
      });
    }
    await next();
    // Answers built with their headers up front are left untouched (see answerResponse).
    if (completeResponses.has(c.res)) return;
    c.res.headers.set('X-Request-Id', requestId);
    if (c.req.path.startsWith(apiBase))
      for (const name in apiAnswerHeaders) c.res.headers.set(name, apiAnswerHeaders[name]!);
    // An answer in the caller's language (every API answer and problem) varies on Accept-Language too.
    const headers = c.res.headers.has('content-language') ? c.get('localisedCors') : corsHeaders;
    for (const name in headers) c.res.headers.set(name, headers[name]!);
  };
}

/** The largest JSON body, and the largest upload plus its form fields and boundaries. */
function bodyLimits(jsonLimit: number, uploadLimit: number): MiddlewareHandler<Env> {
  const tooLarge = (detailKey: string, limit: number) => (c: Context) =>
    sendProblem(c, new ProblemError(413, 'payload_too_large', { detailKey, params: { limit } }));
  const jsonBodyLimit = bodyLimit({
    maxSize: jsonLimit,
    onError: tooLarge('problem.bodyTooLarge', jsonLimit),
  });
  const uploadBodyLimit = bodyLimit({
    maxSize: uploadLimit + 64 * 1024,
    onError: tooLarge('validation.fileSize', uploadLimit),
  });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return (c.req.path === `${apiBase}/uploads` ? uploadBodyLimit : jsonBodyLimit)(c, next);
  };
}

/** Every operation of the document at its path, and 405 for a known path with another method. */
function routeOperations(
  app: Hono<Env>,
  document: OpenApiNode,
  compiled: CompiledDocument,
  services: AppServices,
  trustProxy: readonly string[] | undefined,
) {
  const requireCredential = credentialGate(document);
  const proxies = trustProxy?.length ? trustedProxies(trustProxy) : undefined;
  for (const operation of compiled.operations.values()) {
    const handler = handlerOf(handlers, operation.operationId);
    const answerHeaders = carriesSecrets(operation)
      ? { ...apiAnswerHeaders, 'Cache-Control': 'no-store' }
      : apiAnswerHeaders;
    if (!handler) {
      services.log({ level: 'warn', message: `No handler for operation ${operation.operationId}` });
      continue;
    }
    app.on(operation.method.toUpperCase(), `${apiBase}${operation.routePath}`, async (c) => {
      markOperation(c.req.raw, operation.operationId);
      requireCredential(operation, (name) => requestHeader(c, name));
      const request = await validateRequest(c, operation, compiled);
      const locale = c.get('locale');
      const now = services.clock();
      const call: CallContext = {
        c,
        caller: await resolveCaller(requestHeader(c, 'authorization'), {
          verifier: services.tokenVerifier,
          db: services.db,
          now,
          audit: async (entry) => {
            const client = clientAddress(c, proxies);
            await appendAudit(services.db, { ...entry, requestId: c.get('requestId'), client }, now);
          },
        }),
        locale,
        db: services.db,
        services,
        // Read only by rate-limited operations.
        get client() {
          return clientAddress(c, proxies);
        },
        now,
        baseHeaders: {
          'X-Request-Id': c.get('requestId'),
          'Content-Language': locale,
          ...c.get('localisedCors'),
          ...answerHeaders,
        },
        responseHeaders: {},
      };
      const response = await dispatch(call, operation, handler, request);
      // Replayed answers get the operation's cache policy too.
      if (!completeResponses.has(response))
        for (const [name, value] of Object.entries(answerHeaders)) response.headers.set(name, value);
      return response;
    });
  }
  const paths = new Set([...compiled.operations.values()].map((op) => `${apiBase}${op.routePath}`));
  for (const path of paths) {
    app.all(path, (c) =>
      sendProblem(c, new ProblemError(405, 'method_not_allowed', { titleKey: 'problem.methodNotAllowed' })),
    );
  }
}

/** The development outbox: the text messages residents would have received (see `DatabaseOutbox`). */
function routeOutbox(app: Hono<Env>, outbox: DatabaseOutbox, options: AppOptions) {
  const headers = { ...htmlHeadersFor(options.connectOrigins ?? []), 'cache-control': 'no-store' };
  app.get('/dev/outbox', async (c) => withHeaders(c.html(outboxPage(await outbox.recent())), headers));
}

/** The document, its reference pages, the widgets' CDN folder and the demo site. */
function routeDocumentsAndFiles(app: Hono<Env>, documentText: string, options: AppOptions) {
  const demoDir = options.demoDir === undefined ? `${repositoryRoot}demo/generated` : options.demoDir;
  const cdnDir = options.cdnDir === undefined ? `${repositoryRoot}packages/elements/cdn` : options.cdnDir;
  const cdnVersion = cdnDir ? cdnRelease(cdnDir) : undefined;
  const scalarBundle = loadScalarBundle();
  const htmlHeaders = htmlHeadersFor(options.connectOrigins ?? []);
  const withHtmlHeaders = (response: Response) => withHeaders(response, htmlHeaders);
  app.get('/openapi.yaml', (c) =>
    c.body(documentText, 200, { 'content-type': 'application/yaml; charset=utf-8' }),
  );
  app.get('/docs', (c) => withHtmlHeaders(c.html(docsHtml)));
  app.get('/docs/', (c) => c.redirect('/docs'));
  app.get('/docs/init.js', (c) =>
    c.body(docsInitScript, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/docs/scalar.js', (c) =>
    scalarBundle
      ? c.body(scalarBundle, 200, {
          'content-type': 'text/javascript; charset=utf-8',
          'cache-control': 'public, max-age=3600',
        })
      : sendProblem(c, new ProblemError(404, 'not_found')),
  );
  app.get('/cdn/*', async (c) => {
    const response = cdnDir && existsSync(cdnDir) ? await serveCdn(c, cdnDir, cdnVersion) : undefined;
    return response ? withCorsForScripts(response) : sendProblem(c, new ProblemError(404, 'not_found'));
  });
  app.get('/*', async (c, next) => {
    if (c.req.path.startsWith(apiBase)) return next();
    const response = demoDir && existsSync(demoDir) ? await serveFile(c, demoDir, '/') : undefined;
    return response ? withHtmlHeaders(response) : next();
  });
}

// Widgets load from other sites' pages; their scripts may be fetched cross-origin.
function withCorsForScripts(response: Response): Response {
  response.headers.set('access-control-allow-origin', '*');
  return response;
}

/** The locality's rules in force for these options: loaded (defaults, file, environment), then the options'. */
export function localRulesOf(options: Pick<AppOptions, 'localRules' | 'rectificationDays'>): LocalRules {
  return {
    ...loadLocalRules(),
    ...(options.rectificationDays ? { rectificationMaxDays: options.rectificationDays } : {}),
    ...options.localRules,
  };
}
