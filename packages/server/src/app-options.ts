import type { Database } from './db/database.js';
import type { TokenVerifier } from './identity/token-verifier.js';
import type { FileStorage } from './uploads/storage.js';
import type { UploadQuotas } from './uploads/quota.js';
import type { LookupLimit, LookupLimits } from './cases/lookup-limit.js';
import type { LocalRules } from './local-rules/local-rules.js';
import type { Notifier } from './notify/notifier.js';
import type { NoShowRule } from './appointments/rules.js';
import type { KeysReady } from './ops/readiness.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The open database (see `openDatabase`). */
  database: Database;
  /**
   * Verifies tokens of the identity platform (residents, companies, named staff): staff sign in there by
   * name, never with a shared credential. Default: none accepted.
   */
  tokenVerifier?: TokenVerifier;
  /**
   * The 32-byte key of personal data at rest (see `loadPiiKey`).
   * Default: a random key held in memory (tests; data written under it cannot be read after a restart).
   */
  piiKey?: Buffer;
  /**
   * The server secret (see `loadServerSecret`) that signs form sessions and salts idempotency replays,
   * the same in every process of a deployment. Default: derived from the personal-data key, so rotating
   * that key then ends open form sessions.
   */
  serverSecret?: Buffer;
  /** Origins the demo site's pages may call besides this server (the identity platform, for sign-in). */
  connectOrigins?: string[];
  /** Origins allowed to call the API from a browser (CORS); `*` allows any. Default none. */
  allowedOrigins?: string[];
  /** Where uploaded files go. Default: in memory. */
  storage?: FileStorage;
  /** The OpenAPI document. Default: `openapi/banshi.yaml` of this repository. */
  documentPath?: string;
  /**
   * Folder served at `/` (the demo site). Default: the repository's demo site as `npm run build` assembles
   * it (`demo/generated/`), when present.
   */
  demoDir?: string | null;
  /**
   * Folder served at `/cdn/` and, for the release its `release.json` names, at `/cdn/<version>/`.
   * Default: `packages/elements/cdn` when present.
   */
  cdnDir?: string | null;
  /** Largest JSON body in bytes. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Largest upload in bytes. Default 20 MiB. */
  uploadLimitBytes?: number;
  /** Upload quotas per form session and per address, and the free-space floor (see `UploadQuotas`). */
  uploadQuotas?: Partial<UploadQuotas>;
  /**
   * The secret form session tokens are signed with; every process serving one database needs the same.
   * Default: derived from `serverSecret`.
   */
  formSessionSecret?: string;
  /**
   * Failed query-code lookups allowed per case number (tight) and per client address (loose; past it a
   * correct code still gets through). Default 10 per case and 100 per address in 600 s.
   */
  lookupLimits?: Partial<LookupLimits>;
  /**
   * Wrong check-in codes allowed per client address (a hall's kiosk) before it gets 429 until the window
   * ends; codes that find a booking do not count. Default 30 in 600 s.
   */
  checkInLimit?: LookupLimit;
  /** Working days to rectify a bad review at most (the `rectificationMaxDays` local rule). Default 3. */
  rectificationDays?: number;
  /** The locality's rules. Default: `loadLocalRules()` (the national defaults, a file, the environment). */
  localRules?: Partial<LocalRules>;
  /**
   * Addresses and subnets of the reverse proxies in front of the server (e.g. `10.0.0.5`, `10.0.0.0/8`):
   * only from them is `X-Forwarded-For` believed for the client's address. Default none (ignored).
   */
  trustProxy?: readonly string[];
  /**
   * Sends text messages to residents (verification codes, reminders, answers). Default: the development
   * outbox in the database, shown at `/dev/outbox`.
   */
  notifier?: Notifier;
  /** Missed bookings that block online booking: default 3 within 30 days block for 30 days. */
  appointmentNoShowRule?: Partial<NoShowRule>;
  /** The clock (tests). */
  clock?: () => Date;
  /** Where log lines go. Default: JSON lines on stderr. */
  log?: (entry: Record<string, unknown>) => void;
  /** When set, `/metrics` answers only `Authorization: Bearer <token>` (`BANSHI_METRICS_TOKEN`). */
  metricsToken?: string;
  /** This process is a worker of `banshi-server --workers N`: `/metrics` then reports all the workers. */
  clusterWorker?: boolean;
  /** Whether the identity provider's keys are loaded (checked by `/readyz`). */
  identityKeysReady?: KeysReady;
  /** True once the process is shutting down: `/readyz` then answers 503 so balancers move away. */
  draining?: () => boolean;
  /**
   * Where item search runs: `database` (every process reads the same rows; the default on PostgreSQL)
   * or `memory` (an index in each process, fastest for a small catalogue; the default on PGlite).
   */
  search?: 'memory' | 'database';
  /**
   * How often (ms) a search answered from kept pages first reads the catalogue's version (default 250).
   * Another process's change stays unseen for this long plus the `dueGraceMs` of `ItemCache` at most; a
   * change made through this process is seen at once.
   */
  searchCheckMs?: number;
}
