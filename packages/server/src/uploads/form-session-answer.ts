import type { OperationContext } from '../http/operation.js';
import { chinaTime } from '../cases/case-view.js';

/**
 * A form definition's JSON (as cached) with a fresh form session put in front, without parsing the
 * definition again: `{"session":{…},` and the rest of the object.
 */
export function withFormSession(ctx: OperationContext, itemCode: string, definition: string): string {
  const { token, expiresAt } = ctx.services.formSessions.issue(itemCode, ctx.now);
  const session = `"session":${JSON.stringify({ token, expiresAt: chinaTime(expiresAt) })}`;
  const rest = definition.slice(definition.indexOf('{') + 1);
  return /^\s*\}/.test(rest) ? `{${session}}` : `{${session},${rest}`;
}
