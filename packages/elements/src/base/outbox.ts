/** A request kept on the device until it is delivered, with the idempotency key it will be sent with. */
export interface OutboxEntry<T> {
  /** The Idempotency-Key of the request: sending it again can never create a second record. */
  key: string;
  body: T;
  queuedAt: string;
}

const STORE = 'entries';

/**
 * A durable queue in IndexedDB (one database per `name`), for requests that must survive the network being
 * down and the page being reloaded: a hall tablet's ratings, say. Entries are removed only once delivered.
 */
export class Outbox<T> {
  private db?: Promise<IDBDatabase>;

  constructor(readonly name: string) {}

  add(entry: OutboxEntry<T>): Promise<void> {
    return this.run('readwrite', (store) => store.put(entry)).then(() => undefined);
  }

  remove(key: string): Promise<void> {
    return this.run('readwrite', (store) => store.delete(key)).then(() => undefined);
  }

  /** Every waiting entry, oldest first. */
  async all(): Promise<OutboxEntry<T>[]> {
    const entries = (await this.run('readonly', (store) => store.getAll())) as OutboxEntry<T>[];
    return entries.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  }

  count(): Promise<number> {
    return this.run('readonly', (store) => store.count()) as Promise<number>;
  }

  close(): void {
    void this.db?.then((db) => db.close());
    this.db = undefined;
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(this.name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return this.db;
  }

  private async run(
    mode: IDBTransactionMode,
    action: (store: IDBObjectStore) => IDBRequest,
  ): Promise<unknown> {
    const db = await this.open();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = transaction.onabort = () => reject(transaction.error);
    });
  }
}
