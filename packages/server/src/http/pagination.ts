import { sql, type Expression, type SqlBool } from 'kysely';
import { problems } from './problem.js';

/** Encodes a cursor position (any JSON) as opaque base64url text. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor, checking it with `isValid`; anything else is a 400 naming
 * the `cursor` parameter.
 */
export function decodeCursor<T>(cursor: unknown, isValid: (value: unknown) => value is T): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8'));
    if (isValid(value)) return value;
  } catch {
    // fall through to the problem below
  }
  throw problems.validation([{ pointer: '#/query/cursor', code: 'cursor', messageKey: 'validation.cursor' }]);
}

/** An offset cursor `{ o: number }`. */
export function isOffsetCursor(value: unknown): value is { o: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isSafeInteger((value as { o?: unknown }).o) &&
    (value as { o: number }).o > 0 &&
    (value as { o: number }).o <= 1_000_000
  );
}

/** Where a page starts and how long it is, from the `cursor` and `limit` query parameters. */
export interface PageWindow {
  offset: number;
  limit: number;
}

/** The window a list query asks for (20 entries unless it says otherwise). */
export function pageWindow(query: { cursor?: string; limit?: number }): PageWindow {
  return { limit: query.limit ?? 20, offset: decodeCursor(query.cursor, isOffsetCursor)?.o ?? 0 };
}

/** A page of `rows` read with one row more than the window holds (that row says a next page exists). */
export function pageOf<T>(rows: T[], window: PageWindow): { items: T[]; nextCursor: string | null } {
  return {
    items: rows.slice(0, window.limit),
    nextCursor: rows.length > window.limit ? encodeCursor({ o: window.offset + window.limit }) : null,
  };
}

/** Where a newest-first list resumes: the time (`t`) and the key (`k`) of the last row shown. */
export interface Keyset {
  t: string;
  k: string;
}

function isKeyset(value: unknown): value is Keyset {
  const v = value as Partial<Keyset> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.t === 'string' &&
    !Number.isNaN(Date.parse(v.t)) &&
    typeof v.k === 'string' &&
    v.k.length <= 100
  );
}

/** A page of a newest-first list: its length, and the position it resumes after (none on the first page). */
export interface KeysetWindow {
  limit: number;
  after?: Keyset;
}

/** The keyset window a list query asks for (20 entries unless it says otherwise). */
export function keysetWindow(query: { cursor?: string; limit?: number }): KeysetWindow {
  return { limit: query.limit ?? 20, after: decodeCursor(query.cursor, isKeyset) };
}

/**
 * The rows after `after` in a list ordered by `time desc, key desc`. Unlike an offset, the position is a
 * row's own values: a row added or removed while someone pages neither repeats nor hides another.
 */
export function resumeAfter(time: string, key: string, after: Keyset): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(time)}, ${sql.ref(key)}) < (${new Date(after.t)}::timestamptz, ${after.k})`;
}

/** A page of `rows` read with one row more than the window holds; the cursor is the last row's position. */
export function keysetPageOf<T>(
  rows: T[],
  window: KeysetWindow,
  position: (row: T) => { t: Date; k: string },
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, window.limit);
  const last = items.at(-1);
  if (rows.length <= window.limit || !last) return { items, nextCursor: null };
  const { t, k } = position(last);
  return { items, nextCursor: encodeCursor({ t: t.toISOString(), k } satisfies Keyset) };
}
