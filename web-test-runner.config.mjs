// Browser tests of @banshi/elements in real browsers: Chromium, Firefox and WebKit, each one that is installed
// (BANSHI_ENGINES=chromium,webkit picks some; scripts/test.mjs sets it). Besides the test files this config:
// - starts the reference server (@banshi/server) in-process on a random port, on an in-memory database,
//   and proxies /api/v1 to it, so widgets talk to the real API on the test page's own origin; staff tokens
//   come from a test identity provider (scripts/test-identity.mjs) through the `banshi-staff-token` command;
// - serves the CSP fixture pages under /packages/elements/test/csp/ with a strict Content-Security-Policy
//   and Trusted Types, to prove the CDN bundles need neither unsafe-inline nor unsafe-eval.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import { ENGINE_NAMES, locateEngines } from './scripts/engines.mjs';
import { PAGE_OPEN_TIMEOUT_MS, launcherFor } from './scripts/launchers.mjs';
import { startFailuresReporter } from './scripts/start-failures-reporter.mjs';
import { touchCommands } from './scripts/touch-commands.mjs';
import { startTestIdentity } from './scripts/test-identity.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

/** @type {{ url: string, close: () => Promise<void> } | undefined} */
let server;
/** @type {Awaited<ReturnType<typeof startTestIdentity>> | undefined} */
let identity;
let serverProblem = '';
/** The member of staff the tests act as: every case-handling role in every department of the seed catalogue. */
const testStaff = {
  sub: 'wtr-staff',
  name: '测试工作人员',
  roles: ['windowClerk', 'approver', 'supervisor'],
};
/**
 * Failure injected between the page and the server, set by tests through the `banshi-api-fault` command:
 * `down` answers 503 without forwarding (server unreachable); `lose-response` forwards the request, so the
 * server records it, then answers 503 as if the answer was lost on the way back.
 * @type {'none' | 'down' | 'lose-response'}
 */
let fault = 'none';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

/** Starts the reference server once for the whole run. */
function referenceServer() {
  return {
    name: 'banshi-reference-server',
    async serverStart() {
      try {
        const { startServer } = await import('@banshi/server');
        identity = await startTestIdentity();
        server = await startServer({
          port: 0,
          host: '127.0.0.1',
          seed: true,
          dataDir: 'memory://',
          identity: identity.identity,
          // A line per request would bury the browsers' own output.
          logLevel: 'warn',
        });
        const departments = await server.database.db.selectFrom('departments').select('id').execute();
        testStaff.departments = departments.map((department) => department.id);
      } catch (error) {
        serverProblem = `The reference server could not start (run "npm run build" first): ${error?.message ?? error}`;
        console.warn(serverProblem);
      }
    },
    async serverStop() {
      await server?.close();
      await identity?.close();
    },
    executeCommand({ command, payload }) {
      if (command === 'banshi-api-fault') {
        fault = payload?.fault ?? 'none';
        return true;
      }
      if (command === 'banshi-server-status') return server ? 'up' : serverProblem;
      if (command === 'banshi-staff-token') return identity?.sign(testStaff) ?? '';
      // A 申诉复核 reviewer of the 政务服务管理机构, outside every department whose items are rated.
      if (command === 'banshi-reviewer-token')
        return (
          identity?.sign({
            sub: 'wtr-reviewer',
            name: '测试复核员',
            roles: ['reviewer'],
            departments: ['reviewers'],
          }) ?? ''
        );
      return undefined;
    },
  };
}

/** Forwards /api/ requests to the reference server, so tests see real responses on their own origin. */
async function proxyApi(ctx, next) {
  if (!ctx.path.startsWith('/api/')) return next();
  const unavailable = () => {
    ctx.status = 503;
    ctx.type = 'application/problem+json';
    ctx.body = JSON.stringify({ title: 'Injected failure', status: 503, detail: `fault: ${fault}` });
  };
  // Tests read the server's figures with this header, through whatever fault they injected.
  const observing = ctx.get('x-banshi-test') === 'observe';
  if (fault === 'down' && !observing) return unavailable();
  if (!server) {
    ctx.status = 502;
    ctx.type = 'application/problem+json';
    ctx.body = JSON.stringify({ title: 'Reference server unavailable', status: 502, detail: serverProblem });
    return;
  }
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const headers = { ...ctx.request.headers };
  delete headers.host;
  delete headers.connection;
  delete headers['content-length'];
  const response = await globalThis.fetch(server.url + ctx.url, {
    method: ctx.method,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
  });
  if (fault === 'lose-response' && !observing) {
    await response.arrayBuffer();
    return unavailable();
  }
  ctx.status = response.status;
  response.headers.forEach((value, name) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name))
      ctx.set(name, value);
  });
  ctx.body = Buffer.from(await response.arrayBuffer());
}

/** Serves the CSP fixture pages with the strict policy in a response header. */
async function strictPolicy(ctx, next) {
  await next();
  if (ctx.path.startsWith('/packages/elements/test/csp/')) ctx.set('Content-Security-Policy', CSP);
}

/** The launchers of the engines asked for in BANSHI_ENGINES, or of every engine found when it is unset. */
function browsers() {
  const asked = process.env.BANSHI_ENGINES?.split(',').filter(Boolean);
  for (const name of asked ?? [])
    if (!ENGINE_NAMES.includes(name)) throw new Error(`BANSHI_ENGINES: unknown engine "${name}"`);
  const engines = locateEngines().filter((engine) =>
    asked ? asked.includes(engine.name) : !engine.missing.length,
  );
  for (const { label, missing } of engines)
    if (missing.length)
      throw new Error(`${label} cannot run: missing ${missing.map((m) => m.what).join(', ')}`);
  return engines.map((engine) => launcherFor(engine.name, engine.paths));
}

export default {
  rootDir: root,
  files: [`${root}packages/elements/src/**/*.test.ts`, `${root}demo/test/**/*.test.ts`],
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 1,
  // A file's tests must end within this. The default two minutes is less than one file of tests against
  // the started server takes on a loaded machine (one of its tests alone may take 90 s).
  testsFinishTimeout: 300000,
  browserStartTimeout: PAGE_OPEN_TIMEOUT_MS,
  // BANSHI_START_FAILURES names the file where scripts/test-browsers.mjs reads which pages never opened.
  reporters: [defaultReporter(), startFailuresReporter(process.env.BANSHI_START_FAILURES)],
  testFramework: { config: { timeout: 30000 } },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2021',
      tsconfig: fileURLToPath(new URL('packages/elements/tsconfig.json', import.meta.url)),
    }),
    referenceServer(),
    touchCommands(),
  ],
  middleware: [proxyApi, strictPolicy],
  browsers: browsers(),
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <meta name="banshi-test:server" content="${server ? 'up' : 'down'}" />
    <script>globalThis.litIssuedWarnings = new Set(['dev-mode']);</script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
