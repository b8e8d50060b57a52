import { mkdir, readFile, writeFile, rename, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';

/** Where uploaded bytes are kept; keys are opaque ids chosen by the server. */
export interface FileStorage {
  /** Keeps `bytes`; a storage in the database writes them in `trx`, the upload's own transaction. */
  put(key: string, bytes: Uint8Array, trx?: Transaction<DatabaseSchema>): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  /** Bytes still free where files are kept, when that is a disk. */
  freeBytes?(): Promise<number>;
}

/** Keeps files in memory (tests, in-memory databases). */
export class MemoryStorage implements FileStorage {
  private readonly files = new Map<string, Uint8Array>();
  async put(key: string, bytes: Uint8Array): Promise<void> {
    this.files.set(key, bytes);
  }
  async get(key: string): Promise<Uint8Array | undefined> {
    return this.files.get(key);
  }
}

/** Keeps files in a folder (below the data folder); written to a temporary name, then renamed. */
export class FolderStorage implements FileStorage {
  constructor(private readonly root: string) {}
  private path(key: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(key)) throw new Error('Invalid storage key');
    return join(this.root, key.slice(0, 2), key);
  }
  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.path(key);
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    await writeFile(`${path}.tmp`, bytes, { flush: true });
    await rename(`${path}.tmp`, path);
  }
  async get(key: string): Promise<Uint8Array | undefined> {
    return readFile(this.path(key)).catch(() => undefined);
  }
  async freeBytes(): Promise<number> {
    await mkdir(this.root, { recursive: true });
    const stats = await statfs(this.root);
    return stats.bavail * stats.bsize;
  }
}
