#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startServer } from './server.js';
import type { Allowance } from './uploads/quota.js';
import cluster from 'node:cluster';

// Maintenance commands run against the same database and exit.
const commands: Record<
  string,
  () => Promise<(args: string[], out: (line: string) => void) => Promise<number>>
> = {
  audit: async () => (await import('./commands/audit-command.js')).auditCommand,
  'service-account': async () =>
    (await import('./commands/service-account-command.js')).serviceAccountCommand,
  migrate: async () => (await import('./commands/migrate-command.js')).migrateCommand,
  pii: async () => (await import('./commands/pii-command.js')).piiCommand,
};
const command = commands[process.argv[2] ?? ''];
if (command) {
  const run = await command();
  process.exit(await run(process.argv.slice(3), (line) => process.stdout.write(`${line}\n`)));
}

const usage = `banshi-server: the reference backend of the Banshi API

Commands:
  audit verify             check the audit log's hash chain (see: audit --help)
  service-account ...      create, revoke and list service accounts (see: service-account --help)
  migrate [--dry-run]      bring the database's schema up to date, or print the SQL it would run
  pii rotate ...           re-encrypt personal data under a new key (see: pii --help)

Options:
  --port <n>               port (PORT, default 8080)
  --host <address>         address to listen on (HOST, default 127.0.0.1; 0.0.0.0 for every interface)
  --data-dir <folder>      PGlite data folder (BANSHI_DATA_DIR, default ./.data/pglite)
  --database-url <url>     use PostgreSQL instead of PGlite (DATABASE_URL)
  --allowed-origins <list> comma-separated origins allowed by CORS (BANSHI_ALLOWED_ORIGINS); required
                           for pages on other origins, except with --development
  --development            a development server (npm start): any origin may call the API unless
                           --allowed-origins says otherwise
  --trust-proxy <list>     comma-separated addresses or subnets of the reverse proxies in front
                           (BANSHI_TRUST_PROXY, e.g. 10.0.0.5,10.1.0.0/16): only from them is
                           X-Forwarded-For believed for the client's address; default none
  --upload-quota-session <files>:<MiB>
                           uploads per form session (BANSHI_UPLOAD_QUOTA_SESSION, default 40:200)
  --upload-quota-address <files>:<MiB>
                           uploads per client address and day (BANSHI_UPLOAD_QUOTA_ADDRESS,
                           default 400:2048)
  --upload-min-free <MiB>  free disk space below which uploads get 507 (BANSHI_UPLOAD_MIN_FREE,
                           default 1024)
  --production             production start (BANSHI_ENV=production): requires the identity platform and
                           the personal-data key, no development defaults
  --oidc-issuer <url>      the identity platform's issuer (BANSHI_OIDC_ISSUER); staff sign in there by
                           name, machines use service accounts (see: service-account --help)
  --oidc-audience <id>     this server's client id at the platform (BANSHI_OIDC_AUDIENCE, default urn:banshi:api)
  --oidc-jwks-url <url>    the platform's JWKS (BANSHI_OIDC_JWKS_URL, default <issuer>/jwks)
  BANSHI_PII_KEY / BANSHI_PII_KEY_FILE
                           the personal-data key, 32 bytes as hex or base64 (development: generated into
                           the data folder as pii.key)
  BANSHI_SERVER_SECRET / BANSHI_SERVER_SECRET_FILE
                           signs form sessions, the same in every process, at least 32 characters
                           (PGlite: generated into the data folder as server.secret; else derived from
                           the personal-data key, so a key rotation ends open form sessions)
  BANSHI_SMS_GATEWAY_URL / BANSHI_SMS_GATEWAY_TOKEN / BANSHI_SMS_SIGNATURE
                           the operator's SMS gateway (each message POSTed as JSON with a bearer
                           token); without it messages go to the development outbox at /dev/outbox
  --seed / --no-seed       import the demo catalogue when the database has no items (default: no)
  --workers <n>            serve from n processes sharing the port (BANSHI_WORKERS, default 1);
                           more than one needs PostgreSQL
  --drain-timeout <s>      on SIGTERM, seconds to let requests in flight finish (default 10)
  --uploads-dir <folder>   uploaded files (BANSHI_UPLOADS_DIR; default <data-dir>/uploads with PGlite;
                           with PostgreSQL the database itself, sealed with the personal-data key)
  --uploads-max-total <MiB>
                           with uploads in PostgreSQL, the most they may take together
                           (BANSHI_UPLOADS_MAX_TOTAL, default 10240); beyond it uploads get 507
  --metrics-token <token>  require this bearer token on /metrics (BANSHI_METRICS_TOKEN; default open)
  BANSHI_LOG_LEVEL         lowest log level written (default info); --development logs for people
  --help                   this text
`;

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    'allowed-origins': { type: 'string' },
    production: { type: 'boolean' },
    'oidc-issuer': { type: 'string' },
    'oidc-audience': { type: 'string' },
    'oidc-jwks-url': { type: 'string' },
    'trust-proxy': { type: 'string' },
    'upload-quota-session': { type: 'string' },
    'upload-quota-address': { type: 'string' },
    'upload-min-free': { type: 'string' },
    seed: { type: 'boolean' },
    development: { type: 'boolean' },
    'no-seed': { type: 'boolean' },
    workers: { type: 'string' },
    'drain-timeout': { type: 'string' },
    'metrics-token': { type: 'string' },
    'uploads-dir': { type: 'string' },
    'uploads-max-total': { type: 'string' },
    help: { type: 'boolean' },
  },
  strict: true,
});

if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}

const port = Number(values.port ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`Invalid port: ${values.port ?? process.env.PORT}\n`);
  process.exit(2);
}
const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
const dataDir = resolve(values['data-dir'] ?? process.env.BANSHI_DATA_DIR ?? './.data/pglite');
const listedOrigins = (values['allowed-origins'] ?? process.env.BANSHI_ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);
// A widget tried on a local page (another port, a file server) works at once in development; a production
// server allows only the sites it lists.
const anyOriginInDevelopment = values.development === true && listedOrigins.length === 0;
const origins = anyOriginInDevelopment ? ['*'] : listedOrigins;

const mebibyte = 1024 * 1024;
/** `<files>:<MiB>` as an allowance, or exit with a clear message. */
function allowance(name: string, value: string | undefined): Allowance | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+):(\d+)$/.exec(value.trim());
  if (!match) {
    process.stderr.write(`Invalid ${name}: ${value} (expected <files>:<MiB>, e.g. 40:200)\n`);
    process.exit(2);
  }
  return { files: Number(match[1]), bytes: Number(match[2]) * mebibyte };
}
const perSession = allowance(
  '--upload-quota-session',
  values['upload-quota-session'] ?? process.env.BANSHI_UPLOAD_QUOTA_SESSION,
);
const perAddress = allowance(
  '--upload-quota-address',
  values['upload-quota-address'] ?? process.env.BANSHI_UPLOAD_QUOTA_ADDRESS,
);
const minFree = values['upload-min-free'] ?? process.env.BANSHI_UPLOAD_MIN_FREE;
if (minFree !== undefined && !/^\d+$/.test(minFree.trim())) {
  process.stderr.write(`Invalid --upload-min-free: ${minFree} (expected MiB, e.g. 1024)\n`);
  process.exit(2);
}
const uploadsMaxTotal = values['uploads-max-total'] ?? process.env.BANSHI_UPLOADS_MAX_TOTAL;
if (uploadsMaxTotal !== undefined && !/^\d+$/.test(uploadsMaxTotal.trim())) {
  process.stderr.write(`Invalid --uploads-max-total: ${uploadsMaxTotal} (expected MiB, e.g. 10240)\n`);
  process.exit(2);
}
const trustProxy = (values['trust-proxy'] ?? process.env.BANSHI_TRUST_PROXY ?? '')
  .split(',')
  .map((entry) => entry.trim())
  .filter(Boolean);

const workers = Number(values.workers ?? process.env.BANSHI_WORKERS ?? 1);
const drainSeconds = Number(values['drain-timeout'] ?? 10);
if (!Number.isInteger(workers) || workers < 1 || workers > 64 || !(drainSeconds >= 0)) {
  process.stderr.write(
    `Invalid --workers or --drain-timeout: ${values.workers} ${values['drain-timeout']}\n`,
  );
  process.exit(2);
}
if (workers > 1 && !databaseUrl) {
  process.stderr.write('--workers above 1 needs PostgreSQL (--database-url): PGlite serves one process\n');
  process.exit(2);
}

const seed = values.seed === true && values['no-seed'] !== true;
const production = values.production === true || process.env.BANSHI_ENV === 'production';
const issuer = values['oidc-issuer'] ?? process.env.BANSHI_OIDC_ISSUER;
const jwksUrl = values['oidc-jwks-url'] ?? process.env.BANSHI_OIDC_JWKS_URL;
if (workers > 1 && cluster.isPrimary) {
  // The schema and the seed are settled once, before the workers open their pools.
  const { openDatabase } = await import('./db/database.js');
  const database = await openDatabase({ databaseUrl });
  if (seed) await (await import('./demo-catalogue/import.js')).importDemoCatalogue(database.db);
  await database.close();
  const { runWorkers } = await import('./ops/workers.js');
  runWorkers({
    count: workers,
    drainTimeoutMs: drainSeconds * 1000,
    out: (line) => process.stdout.write(`${line}\n`),
  });
  // The primary serves nothing itself: it waits for signals, and its workers run what follows.
  await new Promise<never>(() => {});
}

const server = await startServer({
  production,
  identity: issuer
    ? {
        issuer,
        audience: values['oidc-audience'] ?? process.env.BANSHI_OIDC_AUDIENCE ?? 'urn:banshi:api',
        ...(jwksUrl ? { jwksUrl } : {}),
      }
    : undefined,
  piiKey: process.env.BANSHI_PII_KEY || undefined,
  piiKeyFile: process.env.BANSHI_PII_KEY_FILE || undefined,
  serverSecret: process.env.BANSHI_SERVER_SECRET || undefined,
  serverSecretFile: process.env.BANSHI_SERVER_SECRET_FILE || undefined,
  port,
  host: values.host ?? process.env.HOST ?? '127.0.0.1',
  databaseUrl,
  dataDir: databaseUrl ? undefined : dataDir,
  allowedOrigins: origins,
  trustProxy,
  uploadQuotas: {
    ...(perSession ? { perSession } : {}),
    ...(perAddress ? { perAddress } : {}),
    ...(minFree !== undefined ? { minFreeBytes: Number(minFree) * mebibyte } : {}),
  },
  seed: seed && !cluster.isWorker,
  prettyLogs: values.development === true,
  uploadsDir: (values['uploads-dir'] ?? process.env.BANSHI_UPLOADS_DIR) || undefined,
  ...(uploadsMaxTotal !== undefined ? { uploadsMaxTotalBytes: Number(uploadsMaxTotal) * mebibyte } : {}),
  drainTimeoutMs: drainSeconds * 1000,
  metricsToken: values['metrics-token'] ?? (process.env.BANSHI_METRICS_TOKEN || undefined),
  clusterWorker: cluster.isWorker,
  ...(process.env.BANSHI_SMS_GATEWAY_URL
    ? {
        smsGateway: {
          url: process.env.BANSHI_SMS_GATEWAY_URL,
          token: process.env.BANSHI_SMS_GATEWAY_TOKEN || undefined,
          signature: process.env.BANSHI_SMS_SIGNATURE || undefined,
        },
      }
    : {}),
}).catch((error: Error) => {
  // A refused start (no issuer or key in production) is a configuration message, not a crash.
  process.stderr.write(`banshi-server: ${error.message}\n`);
  process.exit(2);
});

// In a worker the primary announces the shared address once.
if (!cluster.isWorker) process.stdout.write(`Banshi server listening on ${server.url}\n`);
const banner = cluster.isWorker ? () => {} : (line: string) => process.stdout.write(line);
banner(`  API      ${server.url}/api/v1\n  Docs     ${server.url}/docs\n`);
banner(`  Database ${databaseUrl ? 'PostgreSQL' : `PGlite at ${dataDir}`}\n`);
banner(
  anyOriginInDevelopment
    ? '  CORS     any origin may call the API (development; in production list your sites in BANSHI_ALLOWED_ORIGINS)\n'
    : `  CORS     ${origins.length ? origins.join(', ') : 'no other origin (set BANSHI_ALLOWED_ORIGINS to embed widgets on other sites)'}\n`,
);
if (issuer) banner(`  Sign-in  ${issuer}\n`);
if (!process.env.BANSHI_SMS_GATEWAY_URL && !production)
  banner(`  SMS      not sent; read them at ${server.url}/dev/outbox\n`);
if (!issuer)
  banner(
    '  Staff    nobody can sign in: set BANSHI_OIDC_ISSUER (npm start runs a development identity provider)\n',
  );

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
