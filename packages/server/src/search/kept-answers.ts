import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import { ItemCache } from '../items/item-cache.js';
import { keptSearchPages, searchCheckMs } from './database-search.js';

/**
 * The most bytes of ready search answers a process keeps, 48 MB: 2,000 pages of 20 items (a summary is
 * about 560 characters, so a page about 11,300 characters, 23 KB as UTF-8), or 400 pages of 100.
 */
export const keptAnswerBytes = 48_000_000;

/**
 * A process's last search answers (the page with its items' summaries as UTF-8 JSON, ready to send),
 * dropped with the catalogue's version like the pages (see `ItemCache`), and which requests asked for
 * each: a request the router validated once (the same path, query string and language) is answered
 * again from here before routing (see `hotSearchRead`), as no other part of a request changes the answer.
 */
export class KeptSearchAnswers {
  private readonly answers: ItemCache<Buffer>;
  /** `language path?query` of requests the router validated → the key of the answer they asked for. */
  private readonly requests = new Map<string, string>();

  constructor(db: Kysely<DatabaseSchema>, checkEveryMs = searchCheckMs) {
    this.answers = new ItemCache<Buffer>(db, keptSearchPages, checkEveryMs, {
      weigh: (body) => body.length,
      maxWeight: keptAnswerBytes,
    });
  }

  /**
   * The answer `key` names (words, filters, page and language), built by `load` when it is not kept;
   * `request` (see {@link requestKey}), validated by the caller, is remembered as asking for it.
   */
  async get(key: string, request: string | undefined, load: () => Promise<string>): Promise<Buffer> {
    const answer = await this.answers.get(key, async () => Buffer.from(await load()));
    if (request === undefined) return answer!;
    this.requests.delete(request);
    this.requests.set(request, key);
    // Requests are cheap to keep (a line each); twice the answers' count leaves room for spellings.
    if (this.requests.size > 2 * keptSearchPages) this.requests.delete(this.requests.keys().next().value!);
    return answer!;
  }

  /** The kept answer to a request validated before, if it is kept and the version needs no check. */
  peek(request: string): Buffer | undefined {
    const key = this.requests.get(request);
    return key === undefined ? undefined : this.answers.peek(key);
  }
}

/** What identifies a search request for {@link KeptSearchAnswers}: its language, path and query string. */
export function requestKey(locale: string, pathAndQuery: string): string {
  return `${locale} ${pathAndQuery}`;
}
