import type { CallContext } from '../http/operation.js';
import { chinaTime } from '../common/china-time.js';

/**
 * A form definition's JSON (as cached) with a fresh form session put in front, without parsing the
 * definition again: `{"session":{…},` and the rest of the object.
 */
export function withFormSession(ctx: CallContext, itemCode: string, definition: string): string {
  const { token, expiresAt } = ctx.services.formSessions.issue(itemCode, ctx.now);
  const session = `"session":${JSON.stringify({ token, expiresAt: chinaTime(expiresAt) })}`;
  const rest = definition.slice(definition.indexOf('{') + 1);
  return /^\s*\}/.test(rest) ? `{${session}}` : `{${session},${rest}`;
}
