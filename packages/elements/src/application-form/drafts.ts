/**
 * Drafts of application forms, kept in this browser's IndexedDB (database `banshi-application-drafts`),
 * one per item, for {@link DRAFT_DAYS} days after the last save. Everything the applicant entered —
 * answers, ID numbers, upload references, the idempotency key — is sealed with AES-GCM under a key that
 * is generated in the browser as non-extractable and stored in the same database: script can use it but
 * never read it, and nothing readable lands in localStorage. Only the item code and the times are in clear.
 * Without WebCrypto (an insecure context) no draft is kept.
 */

/** Days a draft is kept after its last save. */
export const DRAFT_DAYS = 7;

const DB = 'banshi-application-drafts';
const DRAFTS = 'drafts';
const KEYS = 'keys';
const DAY = 86_400_000;

interface SealedDraft {
  itemCode: string;
  savedAt: number;
  expiresAt: number;
  iv: Uint8Array<ArrayBuffer>;
  sealed: ArrayBuffer;
}

let opened: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(DRAFTS, { keyPath: 'itemCode' });
      request.result.createObjectStore(KEYS);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function run<T>(
  store: string,
  mode: IDBTransactionMode,
  action: (s: IDBObjectStore) => IDBRequest,
): Promise<T> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(store, mode);
    const request = action(transaction.objectStore(store));
    transaction.oncomplete = () => resolve(request.result as T);
    transaction.onerror = transaction.onabort = () => reject(transaction.error);
  });
}

/** The device's draft key, created on first use; non-extractable. */
async function draftKey(): Promise<CryptoKey> {
  const existing = await run<CryptoKey | undefined>(KEYS, 'readonly', (s) => s.get('aes'));
  if (existing) return existing;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  await run(KEYS, 'readwrite', (s) => s.put(key, 'aes'));
  return key;
}

/**
 * Whether drafts can be kept here. Not on a plain-http page (no WebCrypto there, and a draft is never stored
 * in clear) nor without IndexedDB: the form then says so up front instead of losing the answers silently.
 */
export const draftsKept = (): boolean => typeof indexedDB !== 'undefined' && !!globalThis.crypto?.subtle;

/** Seals and stores the draft of `itemCode`, replacing the previous one. */
export async function saveDraft<T>(itemCode: string, content: T): Promise<void> {
  if (!draftsKept()) return;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(content));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await draftKey(), plain);
  const now = Date.now();
  const record: SealedDraft = { itemCode, savedAt: now, expiresAt: now + DRAFT_DAYS * DAY, iv, sealed };
  await run(DRAFTS, 'readwrite', (s) => s.put(record));
}

/** The draft of `itemCode`, unless there is none, it expired (then it is deleted) or cannot be opened. */
export async function loadDraft<T>(itemCode: string): Promise<T | undefined> {
  if (!draftsKept()) return undefined;
  try {
    const record = await run<SealedDraft | undefined>(DRAFTS, 'readonly', (s) => s.get(itemCode));
    if (!record) return undefined;
    if (record.expiresAt < Date.now()) {
      await deleteDraft(itemCode);
      return undefined;
    }
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: record.iv },
      await draftKey(),
      record.sealed,
    );
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  } catch {
    return undefined;
  }
}

/** Forgets the draft of `itemCode`. */
export async function deleteDraft(itemCode: string): Promise<void> {
  if (draftsKept()) await run(DRAFTS, 'readwrite', (s) => s.delete(itemCode));
}
