import { serve, type ServerType } from '@hono/node-server';
import type { Kysely } from 'kysely';
import { createApp, localRulesOf, type AppOptions } from './app.js';
import { openDatabase, type Database, type DatabaseOptions } from './db/database.js';
import { seedCalendar } from './calendar/calendar-store.js';
import { FolderStorage, MemoryStorage, type FileStorage } from './uploads/storage.js';
import { DatabaseStorage } from './uploads/database-storage.js';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { JwtVerifier, type JwtVerifierOptions } from './identity/jwt-verifier.js';
import { loadPiiKey } from './security/pii-key.js';
import { PiiCipher } from './security/pii-cipher.js';
import { loadServerSecret } from './security/server-secret.js';
import { sealStoredRowsOnce } from './security/sealed-columns.js';
import type { Server } from 'node:http';
import { hardenListener, type ListenerLimits } from './http/node-listener.js';
import { trustedProxies } from './http/client-address.js';
import { createLogger } from './ops/logger.js';
import { drainOnClose } from './ops/shutdown.js';
import { SmsGatewayNotifier, type SmsGatewayOptions } from './notify/sms-gateway.js';
import { unconfiguredNotifier, type Notifier } from './notify/notifier.js';
import { sweepAppointments } from './appointments/reminders.js';
import { loadCalendar } from './calendar/calendar-store.js';
import { sweepRatings } from './evaluations/rating-sweep.js';
import { SealedColumnsPlugin } from './security/sealed-columns.js';
import { DatabaseOutbox } from './notify/outbox.js';

/** Options of {@link startServer}: the app's options, the database's, and where to listen. */
export interface StartServerOptions
  extends Omit<AppOptions, 'database' | 'storage' | 'piiKey' | 'serverSecret'>, DatabaseOptions {
  /**
   * A production start: refuses to run without the identity platform's issuer and the personal-data key,
   * and never falls back to development defaults. Default false.
   */
  production?: boolean;
  /** The identity platform (统一身份认证) whose tokens are accepted. */
  identity?: JwtVerifierOptions;
  /** The personal-data key (`BANSHI_PII_KEY`: 64 hex digits or base64). */
  piiKey?: string;
  /** A file holding the personal-data key (`BANSHI_PII_KEY_FILE`). */
  piiKeyFile?: string;
  /**
   * The server secret (`BANSHI_SERVER_SECRET`, at least 32 characters) that signs form sessions, the same
   * in every process. Default: generated into a PGlite data folder; else derived from the
   * personal-data key (rotating that key then ends open form sessions).
   */
  serverSecret?: string;
  /** A file holding the server secret (`BANSHI_SERVER_SECRET_FILE`). */
  serverSecretFile?: string;
  /**
   * The operator's SMS gateway. Without one a development server keeps messages in its outbox
   * (`/dev/outbox`) and a production server fails every send.
   */
  smsGateway?: SmsGatewayOptions;
  /** Port; 0 picks a free one. Default 8080. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1. */
  host?: string;
  /** Timeouts and the connection cap of the listener (see {@link ListenerLimits}). */
  listener?: ListenerLimits;
  /** An already open database; otherwise one is opened from the database options. */
  database?: Database;
  /** Import the demo catalogue (`packages/server/demo-catalogue/`) when the item table is empty. Default false. */
  seed?: boolean;
  /**
   * Folder of uploaded files. Default: `uploads` in the PGlite data folder; with PostgreSQL, the database
   * itself (sealed with the personal-data key, see `DatabaseStorage`); in memory otherwise.
   */
  uploadsDir?: string;
  /** With uploads in PostgreSQL, the most bytes they may take together (`BANSHI_UPLOADS_MAX_TOTAL`). Default 10 GiB. */
  uploadsMaxTotalBytes?: number;
  /** Log lines for people instead of JSON (development). Ignored when `log` is given. Default false. */
  prettyLogs?: boolean;
  /** Lowest level logged (`warn` keeps a test run quiet). Ignored when `log` is given. Default `info`. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /**
   * How long `close` lets requests in flight finish before it cuts their connections. Default 10 s
   * (below the 30 s a container platform usually waits between SIGTERM and SIGKILL).
   */
  drainTimeoutMs?: number;
}

/** A running server. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  port: number;
  database: Database;
  close(): Promise<void>;
}

/**
 * The personal-data key: none for data held in memory outside production (nothing outlives the process),
 * else loaded or, in a data folder, created there beside the uploads (the server writes nowhere else).
 */
async function personalDataKey(options: StartServerOptions, dataDir: string | undefined) {
  const inMemory = !options.databaseUrl && !dataDir;
  if (inMemory && !options.production && !options.piiKey && !options.piiKeyFile) return undefined;
  return loadPiiKey({
    key: options.piiKey,
    keyFile: options.piiKeyFile,
    production: options.production === true,
    dataDir,
  });
}

/** Where texts go: the given notifier, the SMS gateway, none in production, else the development outbox. */
function notifierFor(options: StartServerOptions, database: Database, piiKey: Buffer): Notifier {
  if (options.notifier) return options.notifier;
  if (options.smsGateway) return new SmsGatewayNotifier(options.smsGateway);
  if (options.production) return unconfiguredNotifier;
  return new DatabaseOutbox(database.db, new PiiCipher([piiKey]));
}

/** Opens the database, builds the app and listens. Used by the CLI and by other packages' tests. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (options.production && !options.identity?.issuer) {
    throw new Error(
      'A production start needs the identity platform (BANSHI_OIDC_ISSUER and BANSHI_OIDC_AUDIENCE)',
    );
  }
  const persistentDir = !options.databaseUrl && options.dataDir && options.dataDir !== 'memory://';
  const pii = await personalDataKey(options, persistentDir ? options.dataDir! : undefined);
  const log = options.log ?? createLogger({ pretty: options.prettyLogs, level: options.logLevel });
  const database = options.database ?? (await openDatabase(options));
  // Rows stored before encryption at rest are encrypted with the operator's key, on the first start only.
  if (pii) await sealStoredRowsOnce(database.db as Kysely<unknown>, new PiiCipher([pii.key]));
  await seedCalendar(database.db);
  if (options.seed) {
    const { importDemoCatalogue } = await import('./demo-catalogue/import.js');
    await importDemoCatalogue(database.db);
    const { seedDemoAppointments } = await import('./appointments/demo-settings.js');
    await seedDemoAppointments(database.db);
  }
  const verifier = options.identity ? new JwtVerifier(options.identity) : undefined;
  let draining = false;
  // Data in memory gets a key of this process; the reminder sweep needs the same one as the app.
  const piiKey = pii?.key ?? randomBytes(32);
  const notifier = notifierFor(options, database, piiKey);
  const storage = uploadStorage(options, database, piiKey, persistentDir);
  const serverSecret = await loadServerSecret({
    secret: options.serverSecret,
    secretFile: options.serverSecretFile,
    dataDir: persistentDir ? options.dataDir! : undefined,
  });
  const app = createApp({
    ...options,
    serverSecret,
    log,
    draining: () => draining,
    identityKeysReady: verifier ? () => verifier.keysReady() : undefined,
    database,
    storage,
    tokenVerifier: verifier,
    connectOrigins: options.identity ? [new URL(options.identity.issuer).origin] : options.connectOrigins,
    piiKey,
    notifier,
  });
  const sweep = appointmentSweeper(database, notifier, new PiiCipher([piiKey]), log);
  const ratingSweep = ratingSweeper(database, notifier, new PiiCipher([piiKey]), options, log);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, () => resolve(s));
  });
  hardenListener(
    server as Server,
    options.listener,
    options.trustProxy?.length ? trustedProxies(options.trustProxy) : undefined,
    log,
  );
  const drain = drainOnClose(server as Server, options.drainTimeoutMs ?? 10_000);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    port,
    database,
    close: async () => {
      draining = true;
      clearInterval(sweep);
      clearInterval(ratingSweep);
      const { cut } = await drain();
      if (cut > 0) log({ level: 'warn', message: 'Requests cut at the drain limit', count: cut });
      if (!options.database) await database.close();
    },
  };
}

/** Where uploaded files go: the folder given, PostgreSQL itself, the PGlite data folder, or memory. */
function uploadStorage(
  options: StartServerOptions,
  database: Database,
  piiKey: Buffer,
  persistentDir: boolean | '' | undefined,
): FileStorage {
  if (options.uploadsDir) return new FolderStorage(options.uploadsDir);
  if (options.databaseUrl)
    return new DatabaseStorage(database.db, new PiiCipher([piiKey]), options.uploadsMaxTotalBytes);
  if (persistentDir) return new FolderStorage(join(options.dataDir!, 'uploads'));
  return new MemoryStorage();
}

/** Sends the day-before reminders and records no-shows every ten minutes (see `sweepAppointments`). */
function appointmentSweeper(
  database: Database,
  notifier: Notifier,
  pii: PiiCipher,
  log: StartServerOptions['log'],
): NodeJS.Timeout {
  const timer = setInterval(() => {
    sweepAppointments(database.db, notifier, pii, new Date()).catch((error: Error) =>
      log?.({ level: 'warn', message: 'Appointment sweep failed', error: error.message }),
    );
  }, 600_000);
  timer.unref();
  return timer;
}

/** Invites applicants to rate concluded cases and counts default ratings every ten minutes (see `sweepRatings`). */
function ratingSweeper(
  database: Database,
  notifier: Notifier,
  pii: PiiCipher,
  options: StartServerOptions,
  log: StartServerOptions['log'],
): NodeJS.Timeout {
  const db = database.db.withPlugin(new SealedColumnsPlugin(pii));
  const rules = localRulesOf(options);
  const timer = setInterval(() => {
    loadCalendar(db)
      .then((calendar) => sweepRatings(db, notifier, rules, calendar, new Date()))
      .catch((error: Error) =>
        log?.({ level: 'warn', message: 'Rating sweep failed', error: error.message }),
      );
  }, 600_000);
  timer.unref();
  return timer;
}
