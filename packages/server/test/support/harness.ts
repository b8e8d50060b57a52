import type { Hono } from 'hono';
import { createApp, type AppOptions } from '../../src/app.js';
import type { Database } from '../../src/db/database.js';
import { seedCalendar } from '../../src/calendar/calendar-store.js';
import { JwtVerifier } from '../../src/identity/jwt-verifier.js';
import { assertConforms } from './conformance.js';
import { openTestDatabase } from './database.js';
import { recordStatements } from './statements.js';
import { startFakeProvider, testAudience, type FakeProvider } from './identity-provider.js';

/** The departments of the items and ratings the tests use. */
export const testDepartments = ['150302-zjj', '150302-gaj', '150202-scj', '150200-zwfwj', 'x-1', 'x-2'];

/**
 * The claims of a member of staff in the tests' token: by default an office holding every role but
 * 申诉复核 in every test department, so a test about one rule is not stopped by another.
 */
export function staffClaims(
  changes: { sub?: string; name?: string; roles?: string[]; departments?: string[] } = {},
) {
  return {
    sub: changes.sub ?? 's-office',
    name: changes.name ?? '高敏',
    roles: changes.roles ?? ['windowClerk', 'approver', 'supervisor', 'admin'],
    departments: changes.departments ?? testDepartments,
  };
}

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
  /** Headers of the default member of staff (see {@link staffClaims}), signed in at the test provider. */
  staff: Record<string, string>;
  /** Headers of a 申诉复核 reviewer of the 政务服务管理机构 (150302-zwfw), outside every test department. */
  reviewer: Record<string, string>;
  /** Headers of a token of the test provider with these claims (staff, residents). */
  bearer(claims: Record<string, unknown>): Promise<Record<string, string>>;
  /** The test provider, a JWKS on a loopback port (absent when the test brought its own verifier). */
  provider?: FakeProvider;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies loosely; the document check guards the shape
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

/** Options of {@link createHarness}: the app's, and where to write down the statements the app runs. */
export type HarnessOptions = Partial<AppOptions> & { statements?: string[] };

export async function createHarness({ statements, ...options }: HarnessOptions = {}): Promise<Harness> {
  const database = await openTestDatabase();
  await seedCalendar(database.db);
  // Staff sign in by name: tokens signed with a key the server fetches as a JWKS over loopback.
  const provider = options.tokenVerifier ? undefined : await startFakeProvider();
  const tokenVerifier =
    options.tokenVerifier ??
    new JwtVerifier({ issuer: provider!.issuer, audience: testAudience, jwksUrl: provider!.jwksUrl });
  const bearer = async (claims: Record<string, unknown>) => ({
    Authorization: `Bearer ${provider ? await provider.sign(claims, { expiresIn: '2h' }) : 'no-provider'}`,
  });
  const app = createApp({
    database: statements ? recordStatements(database, statements) : database,
    tokenVerifier,
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
    provider,
    bearer,
    staff: await bearer(staffClaims()),
    reviewer: await bearer(
      staffClaims({ sub: 's-reviewer', name: '赵敏', roles: ['reviewer'], departments: ['150302-zwfw'] }),
    ),
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
    close: async () => {
      await provider?.close();
      await database.close();
    },
  };
}
