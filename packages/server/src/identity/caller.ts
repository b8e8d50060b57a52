import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { Caller } from '../http/operation.js';
import { ProblemError } from '../http/problem.js';
import type { AuditEntry } from '../audit/audit-entry.js';
import { authenticateServiceKey, serviceKeyPrefix } from '../service-accounts/service-accounts.js';
import { identityProblem } from './problems.js';
import { TokenRejected, type TokenVerifier } from './token-verifier.js';
import { actorOf } from './principal.js';

/** What {@link resolveCaller} needs. */
export interface CallerSources {
  /** The identity platform's verifier; without one, platform tokens are not accepted. */
  verifier?: TokenVerifier;
  db: Kysely<DatabaseSchema>;
  /** Records failed credentials and service-account use. */
  audit(entry: Omit<AuditEntry, 'requestId' | 'client'>): Promise<void>;
  now: Date;
}

function unauthorized(detailKey: string): ProblemError {
  return new ProblemError(401, 'unauthorized', {
    detailKey,
    headers: { 'WWW-Authenticate': 'Bearer realm="banshi", error="invalid_token"' },
  });
}

/**
 * Who is calling, from `Authorization: Bearer …`: an applicant token (`at_`), a service-account key
 * (`sk_`), or else a token of the identity platform (a resident, a company's representative, staff). A platform
 * token or service key that fails is a 401 (and an audit record), never a silent anonymous call.
 */
export async function resolveCaller(
  authorization: string | undefined,
  sources: CallerSources,
): Promise<Caller> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return { kind: 'anonymous' };
  const token = match[1]!;
  if (token.startsWith('at_')) return { kind: 'applicant', token };
  if (token.startsWith(serviceKeyPrefix)) {
    const principal = await authenticateServiceKey(sources.db, token, sources.now);
    const actor = principal
      ? { kind: 'service' as const, ...actorOf(principal) }
      : { kind: 'anonymous' as const, id: '', name: '' };
    await sources.audit({
      actor,
      action: principal ? 'serviceAccount.used' : 'auth.serviceKeyRejected',
      outcome: principal ? 'success' : 'failure',
    });
    if (!principal) throw unauthorized('problem.tokenRejected');
    return { kind: 'service', principal };
  }
  if (!sources.verifier) return { kind: 'anonymous' };
  try {
    const principal = await sources.verifier.verify(token);
    return principal.kind === 'staff'
      ? { kind: 'staff', principal }
      : principal.kind === 'service'
        ? { kind: 'service', principal }
        : { kind: 'person', principal };
  } catch (error) {
    if (error instanceof TokenRejected) {
      await sources.audit({
        actor: { kind: 'anonymous', id: '', name: '' },
        action: 'auth.tokenRejected',
        outcome: 'failure',
        detail: { reason: error.reason },
      });
    }
    throw identityProblem(error);
  }
}
