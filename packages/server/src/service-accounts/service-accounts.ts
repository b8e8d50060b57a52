import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { ServicePrincipal } from '../identity/principal.js';

/** Service-account keys begin with this, so a log scanner and a caller's resolution recognise them. */
export const serviceKeyPrefix = 'sk_';

/** The scopes a service account may hold (see `serviceScopes` in the permission table). */
export const knownScopes = ['cases:read', 'evaluations:read', 'calendar:read'] as const;

// The key has 256 random bits, so a fast hash is enough: no guess list can reach it.
function keyHash(key: string): string {
  return createHash('sm3').update(key).digest('hex');
}

/** A listed account (never its key). */
export interface ServiceAccountInfo {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/**
 * Creates a named account and answers its key, which is shown this once: only its hash is stored.
 */
export async function createServiceAccount(
  db: Kysely<DatabaseSchema>,
  name: string,
  scopes: string[],
): Promise<{ id: string; key: string }> {
  const unknown = scopes.filter((scope) => !(knownScopes as readonly string[]).includes(scope));
  if (unknown.length > 0)
    throw new Error(`Unknown scope: ${unknown.join(', ')} (known: ${knownScopes.join(', ')})`);
  if (!name.trim()) throw new Error('A service account needs a name');
  const id = `sa_${randomBytes(6).toString('hex')}`;
  const key = `${serviceKeyPrefix}${randomBytes(32).toString('base64url')}`;
  await db
    .insertInto('service_accounts')
    .values({ id, name: name.trim(), key_hash: keyHash(key), scopes: JSON.stringify(scopes) })
    .execute();
  return { id, key };
}

/** Revokes an account; its key stops working at once. Answers false for an unknown or revoked id. */
export async function revokeServiceAccount(
  db: Kysely<DatabaseSchema>,
  id: string,
  now = new Date(),
): Promise<boolean> {
  const result = await db
    .updateTable('service_accounts')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every account, newest first. */
export async function listServiceAccounts(db: Kysely<DatabaseSchema>): Promise<ServiceAccountInfo[]> {
  const rows = await db.selectFrom('service_accounts').selectAll().orderBy('created_at', 'desc').execute();
  const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    scopes: typeof row.scopes === 'string' ? JSON.parse(row.scopes) : row.scopes,
    createdAt: iso(row.created_at)!,
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  }));
}

/**
 * The principal of a presented key, or undefined for an unknown or revoked one. Records the use
 * (last-used time) as it goes.
 */
export async function authenticateServiceKey(
  db: Kysely<DatabaseSchema>,
  key: string,
  now = new Date(),
): Promise<ServicePrincipal | undefined> {
  if (!key.startsWith(serviceKeyPrefix)) return undefined;
  const row = await db
    .updateTable('service_accounts')
    .set({ last_used_at: now })
    .where('key_hash', '=', keyHash(key))
    .where('revoked_at', 'is', null)
    .returning(['id', 'name', 'scopes'])
    .executeTakeFirst();
  if (!row) return undefined;
  const scopes = typeof row.scopes === 'string' ? JSON.parse(row.scopes) : row.scopes;
  return { kind: 'service', accountId: row.id, name: row.name, scopes };
}
