import { randomInt } from 'node:crypto';
import { maskMobile } from '../cases/masking.js';
import { ProblemError, problems } from '../http/problem.js';
import type { OperationContext } from '../http/operation.js';
import type { Answer } from '../http/contract.js';
import { translate } from '../i18n/messages.js';
import { normalizeMobile } from '@banshi/sdk/forms';
import type { AppServices } from '../services.js';

const codeLifetimeSeconds = 600;
const resendAfterSeconds = 60;
const maxAttempts = 5;

const mobileIndex = (services: AppServices, mobile: string) =>
  services.pii.blindIndex(normalizeMobile(mobile), 'appointment.mobile');
const codeHash = (services: AppServices, mobile: string, code: string) =>
  services.pii.blindIndex(`${normalizeMobile(mobile)}:${code}`, 'appointment.code');

/**
 * Sends a booking code by SMS. Not run inside the idempotency transaction: the notifier may write (the
 * development outbox) and one code a minute per mobile already makes a retry harmless.
 */
export async function sendAppointmentVerification(
  ctx: OperationContext<'sendAppointmentVerification'>,
): Promise<Answer<'sendAppointmentVerification'>> {
  const { mobile } = ctx.request.body;
  const index = mobileIndex(ctx.services, mobile);
  const previous = await ctx.db
    .selectFrom('appointment_codes')
    .select('sent_at')
    .where('mobile_index', '=', index)
    .executeTakeFirst();
  const wait = previous
    ? Math.ceil((new Date(previous.sent_at).getTime() + resendAfterSeconds * 1000 - ctx.now.getTime()) / 1000)
    : 0;
  if (wait > 0)
    throw new ProblemError(429, 'rate_limited', {
      detailKey: 'appointment.codeTooSoon',
      params: { seconds: wait },
      headers: { 'Retry-After': String(wait) },
    });
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const row = {
    code_hash: codeHash(ctx.services, mobile, code),
    attempts: 0,
    sent_at: ctx.now,
    expires_at: new Date(ctx.now.getTime() + codeLifetimeSeconds * 1000),
  };
  await ctx.db
    .insertInto('appointment_codes')
    .values({ mobile_index: index, ...row })
    .onConflict((oc) => oc.column('mobile_index').doUpdateSet(row))
    .execute();
  await ctx.services.notifier.send({
    mobile,
    text: translate(ctx.locale, 'appointment.sms.code', { code }),
    purpose: 'verificationCode',
  });
  return {
    status: 202,
    body: { mobile: maskMobile(normalizeMobile(mobile)), expiresInSeconds: codeLifetimeSeconds },
  };
}

/**
 * Checks a booking code. Every attempt is counted first (outside any transaction, so a refused booking
 * cannot roll the count back): five wrong tries spend the code. The code stays valid for its lifetime,
 * so a retried booking with the same Idempotency-Key passes again and gets its replay.
 */
export async function verifyAppointmentCode(
  ctx: Pick<OperationContext, 'db' | 'services' | 'now'>,
  mobile: string,
  code: string,
): Promise<void> {
  const invalid = () =>
    problems.validation(
      [{ pointer: '/booker/verificationCode', code: 'code_invalid', messageKey: 'appointment.codeInvalid' }],
      422,
    );
  const counted = await ctx.db
    .updateTable('appointment_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('mobile_index', '=', mobileIndex(ctx.services, mobile))
    .where('attempts', '<', maxAttempts)
    .where('expires_at', '>', ctx.now)
    .returning('code_hash')
    .executeTakeFirst();
  if (!counted || counted.code_hash !== codeHash(ctx.services, mobile, code)) throw invalid();
  // A right code does not spend an attempt.
  await ctx.db
    .updateTable('appointment_codes')
    .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
    .where('mobile_index', '=', mobileIndex(ctx.services, mobile))
    .execute();
}
