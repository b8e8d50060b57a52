import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './db/schema-types.js';
import type { WorkCalendar } from './calendar/working-days.js';
import type { LookupGuard } from './cases/lookup-limit.js';
import type { RateLimiter } from './http/rate-limit.js';
import type { FormSessions } from './uploads/form-session.js';
import type { UploadQuota } from './uploads/quota.js';
import type { FileStorage } from './uploads/storage.js';
import type { CompiledDocument } from './openapi/validator.js';
import type { SearchIndex } from './items/search-index.js';
import type { DatabaseSearch } from './search/database-search.js';
import type { ItemCache } from './items/item-cache.js';
import type { KeptSearchAnswers } from './search/kept-answers.js';
import type { PiiCipher } from './security/pii-cipher.js';
import type { ReplaySealer } from './security/replay-seal.js';
import type { TokenVerifier } from './identity/token-verifier.js';
import type { LocalRules } from './local-rules/local-rules.js';
import type { Notifier } from './notify/notifier.js';
import type { NoShowRule } from './appointments/rules.js';

/** Shared collaborators of the handlers, built once per app. */
export interface AppServices {
  db: Kysely<DatabaseSchema>;
  storage: FileStorage;
  /** Limits failed query-code lookups per case number and per client address. */
  lookupGuard: LookupGuard;
  /** Limits wrong check-in codes (签到码) typed or scanned at a kiosk, per client address. */
  checkInLimiter: RateLimiter;
  /** Sends text messages to residents (the SMS gateway, or the development outbox). */
  notifier: Notifier;
  /** The local rule on missed bookings (三次爽约). */
  appointmentRules: NoShowRule;
  /** Encrypts personal data at rest and computes its blind indexes. */
  pii: PiiCipher;
  /** Seals idempotency replays under a key derived from each Idempotency-Key. */
  replaySealer: ReplaySealer;
  /** Verifies tokens of the identity platform, when one is configured. */
  tokenVerifier?: TokenVerifier;
  /** The rules the locality sets (see `local-rules/local-rules.ts`). */
  rules: LocalRules;
  /** Largest upload in bytes. */
  uploadLimitBytes: number;
  /** Issues and checks the form session tokens that uploads are tied to. */
  formSessions: FormSessions;
  /** Upload quotas per form session and address, and the free-space floor. */
  uploadQuota: UploadQuota;
  clock: () => Date;
  /** The holiday calendar as stored now. */
  calendar(db?: Kysely<DatabaseSchema>): Promise<WorkCalendar>;
  log(entry: Record<string, unknown>): void;
  /** Validates a value against a schema of the document (for bodies the generic validation cannot read). */
  validateValue: CompiledDocument['validateValue'];
  /** Item search: this process's in-memory index (PGlite), or the database's own (PostgreSQL). */
  searchIndex: SearchIndex | DatabaseSearch;
  /** Recently read guides and forms, as ready JSON. */
  itemCache: ItemCache;
  /** Recent search answers (the page with its items' summaries), by language, words, filters and page. */
  searchAnswers: KeptSearchAnswers;
}
