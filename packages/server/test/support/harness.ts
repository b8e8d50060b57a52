import type { Hono } from 'hono';
import { createApp, type AppOptions } from '../../src/app.js';
import type { Database } from '../../src/db/database.js';
import { seedCalendar } from '../../src/calendar/calendar-store.js';
import { assertConforms } from './conformance.js';
import { openTestDatabase } from './database.js';

export const staffCredential = 'st_test_credential_0123456789';

/** A response as tests see it: status, headers and the parsed body (JSON or text). */
export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Request options of the harness. */
export interface CallOptions {
  body?: unknown;
  /** Raw body text or bytes, sent as is. */
  raw?: NonNullable<RequestInit['body']>;
  headers?: Record<string, string>;
  /** Skip the conformance check (for deliberately odd paths). */
  unchecked?: boolean;
}

/**
 * An app over a fresh database. Every call's answer is checked against the OpenAPI document, so a
 * test that passes also proves the response shape.
 */
export interface Harness {
  app: Hono;
  database: Database;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies loosely; the document check guards the shape
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

export async function createHarness(options: Partial<AppOptions> = {}): Promise<Harness> {
  const database = await openTestDatabase();
  await seedCalendar(database.db);
  const app = createApp({
    database,
    staffCredential,
    demoDir: null,
    cdnDir: null,
    log: () => {},
    // BANSHI_TEST_SEARCH=database|memory runs the suite on the other search path than the engine's default.
    search: process.env.BANSHI_TEST_SEARCH as AppOptions['search'],
    ...options,
  }) as unknown as Hono;
  return {
    app,
    database,
    async call(method, path, callOptions = {}) {
      const headers: Record<string, string> = { ...callOptions.headers };
      let body: NonNullable<RequestInit['body']> | undefined = callOptions.raw;
      if (callOptions.body !== undefined) {
        body = JSON.stringify(callOptions.body);
        headers['content-type'] ??= 'application/json';
      }
      if (method === 'POST' && !Object.keys(headers).some((h) => h.toLowerCase() === 'idempotency-key')) {
        headers['Idempotency-Key'] = `test-${crypto.randomUUID()}`;
      }
      const response = await app.request(path, { method, headers, body });
      const text = await response.text();
      const contentType = response.headers.get('content-type');
      let parsed: unknown = text;
      if (contentType && /json/.test(contentType) && text) parsed = JSON.parse(text);
      if (!callOptions.unchecked)
        assertConforms(method, path, response.status, contentType, text ? parsed : undefined);
      return { status: response.status, headers: response.headers, body: parsed as never, text };
    },
    close: () => database.close(),
  };
}
