import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import { catalogueChangesHere } from './catalogue-version.js';

/** How long past its due time a version check may run in the background while entries still answer. */
export const dueGraceMs = 250;

/** A ready answer: the JSON text and its ETag. */
export interface CachedRepresentation {
  etag: string;
  body: string;
  /** The body as UTF-8 bytes, encoded once when the hot path first sends it. */
  bytes?: Uint8Array;
}

/** A bound on what a cache keeps besides its entry count: each entry's weight (e.g. characters). */
export interface ItemCacheBound<Value> {
  weigh(value: Value): number;
  maxWeight: number;
}

/**
 * Keeps recently read catalogue answers: item guides and forms as ready JSON, so a popular guide is
 * served without a database round trip, or search pages and answers. Entries are dropped when
 * `catalogue_state.version` changes; the version is read at most once every `checkEveryMs`, so another
 * process's edit shows within that time (0: before every answer), or {@link dueGraceMs} more for the
 * answers sent before routing (see `peek`). A change this process commits
 * (`bumpCatalogueVersion`) drops them before its next answer.
 */
export class ItemCache<Value = CachedRepresentation> {
  private readonly entries = new Map<string, Value | null>();
  private version = -1;
  private checkedAt = 0;
  private checking: Promise<void> | undefined;
  /** This process's catalogue changes when the entries were last checked. */
  private changesSeen = catalogueChangesHere();
  /** Counts clears, so a load that overlapped one does not keep what it read before it. */
  private generation = 0;
  /** The kept entries' total {@link ItemCacheBound.weigh}. */
  private weight = 0;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly maxEntries = 5000,
    // Guides and forms: read every 750 ms, so with the grace a change made elsewhere shows within a second.
    private readonly checkEveryMs = 1000 - dueGraceMs,
    private readonly bound?: ItemCacheBound<Value>,
  ) {}

  /** True while the entries may be answered without reading the version. */
  private fresh(): boolean {
    return (
      this.version >= 0 &&
      this.changesSeen === catalogueChangesHere() &&
      Date.now() - this.checkedAt < this.checkEveryMs
    );
  }

  private clear(): void {
    this.entries.clear();
    this.weight = 0;
    this.generation += 1;
  }

  /** Keeps `value`, dropping the least recently used entries past either bound. */
  private keep(key: string, value: Value | null): void {
    const weigh = (entry: Value | null | undefined) =>
      entry == null || !this.bound ? 0 : this.bound.weigh(entry);
    this.weight += weigh(value);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries || (this.bound && this.weight > this.bound.maxWeight)) {
      const oldest = this.entries.keys().next().value!;
      this.weight -= weigh(this.entries.get(oldest));
      this.entries.delete(oldest);
    }
  }

  private async checkVersion(): Promise<void> {
    if (this.fresh()) return;
    this.checking ??= (async () => {
      try {
        const changes = catalogueChangesHere();
        const state = await this.db
          .selectFrom('catalogue_state')
          .select('version')
          .where('id', '=', 1)
          .executeTakeFirst();
        const version = Number(state?.version ?? 0);
        if (version !== this.version || changes !== this.changesSeen) {
          this.clear();
          this.version = version;
          this.changesSeen = changes;
        }
        this.checkedAt = Date.now();
      } finally {
        this.checking = undefined;
      }
    })();
    await this.checking;
    // A change committed here while the version was read: read it again.
    if (this.changesSeen !== catalogueChangesHere()) await this.checkVersion();
  }

  /**
   * The cached answer for `key` without waiting: undefined when it is not cached or when the catalogue
   * version has not been read for {@link dueGraceMs} past its due time (the caller then takes the
   * ordinary path, which waits for the check). A due check starts here in the background and the
   * entries answer meanwhile: under load the read can take tens of milliseconds, and every request
   * that arrived in that time used to take the ordinary path and wait for it.
   */
  peek(key: string): Value | undefined {
    if (this.version < 0 || this.changesSeen !== catalogueChangesHere()) return undefined;
    const age = Date.now() - this.checkedAt;
    if (age >= this.checkEveryMs) {
      if (this.checkEveryMs === 0 || age >= this.checkEveryMs + dueGraceMs) return undefined;
      // A failed read leaves the check due; the ordinary path reports it after the grace.
      this.checkVersion().catch(() => {});
    }
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
    const generation = this.generation;
    const changes = catalogueChangesHere();
    const loaded = await load();
    if (generation !== this.generation || changes !== catalogueChangesHere()) return loaded;
    this.keep(key, loaded ?? null);
    return loaded;
  }
}
