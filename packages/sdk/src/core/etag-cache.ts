/** A remembered answer: the validator the server gave and the body it came with. */
export interface CachedBody {
  etag: string;
  body: unknown;
}

/**
 * The last ETag and body per URL, for a few dozen URLs, least recently used first out. A read sends the
 * ETag as `If-None-Match`; a 304 then costs the server no body and the client no parsing.
 */
export class EtagCache {
  private readonly entries = new Map<string, CachedBody>();

  constructor(private readonly capacity = 50) {}

  get(key: string): CachedBody | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedBody): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
