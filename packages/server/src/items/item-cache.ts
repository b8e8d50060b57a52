import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';

/** A ready answer: the JSON text and its ETag. */
export interface CachedRepresentation {
  etag: string;
  body: string;
  /** The body as UTF-8 bytes, encoded once when the hot path first sends it. */
  bytes?: Uint8Array;
}

/**
 * Keeps recently read catalogue answers: item guides and forms as ready JSON, so a popular guide is
 * served without a database round trip, or search pages. Entries are dropped when
 * `catalogue_state.version` changes; the version is read at most once every `checkEveryMs`, so another
 * process's edit shows within that time (0: before every answer).
 */
export class ItemCache<Value = CachedRepresentation> {
  private readonly entries = new Map<string, Value | null>();
  private version = -1;
  private checkedAt = 0;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly maxEntries = 5000,
    private readonly checkEveryMs = 1000,
  ) {}

  private async checkVersion(): Promise<void> {
    if (Date.now() - this.checkedAt < this.checkEveryMs) return;
    this.checking ??= (async () => {
      try {
        const state = await this.db
          .selectFrom('catalogue_state')
          .select('version')
          .where('id', '=', 1)
          .executeTakeFirst();
        const version = Number(state?.version ?? 0);
        if (version !== this.version) {
          this.entries.clear();
          this.version = version;
        }
        this.checkedAt = Date.now();
      } finally {
        this.checking = undefined;
      }
    })();
    await this.checking;
  }

  /**
   * The cached answer for `key` without waiting: undefined when it is not cached or when the
   * catalogue version is due to be checked again (the caller then takes the ordinary path, which checks).
   */
  peek(key: string): Value | undefined {
    if (this.version < 0 || Date.now() - this.checkedAt >= this.checkEveryMs) return undefined;
    return this.entries.get(key) ?? undefined;
  }

  /** The cached answer for `key`, or what `load` reads (also remembering that nothing was found). */
  async get(key: string, load: () => Promise<Value | undefined>): Promise<Value | undefined> {
    await this.checkVersion();
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Refresh its place: the map's order is the eviction order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit ?? undefined;
    }
    const loaded = await load();
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, loaded ?? null);
    return loaded;
  }
}
