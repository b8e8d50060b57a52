import type { OperationContext } from '../http/operation.js';
import { problems } from '../http/problem.js';
import { normalizeMobile } from '@banshi/sdk/forms';
import { verifyAppointmentCode } from './verification.js';

/** Who books: their name and mobile (encrypted when stored) and the indexes that find their bookings. */
export interface Booker {
  name: string;
  mobile?: string;
  /** The same person whether signed in or not, where a mobile is known: one active booking a day. */
  personIndex: string;
  /** Signed-in bookers read and change their bookings without the code. */
  ownerIndex?: string;
}

/** The signed-in person's blind owner index, if the caller is one. */
export function ownerIndexOf(ctx: Pick<OperationContext, 'caller' | 'services'>): string | undefined {
  if (ctx.caller.kind !== 'person') return undefined;
  const { issuer, subject } = ctx.caller.principal;
  return ctx.services.pii.blindIndex(`${issuer}#${subject}`, 'appointment.owner');
}

/**
 * The booker of a request: the signed-in resident (their verified name and mobile), or the name and
 * mobile of the body once its SMS code checks out; otherwise a 422 asking for one or the other.
 */
export async function bookerOf(ctx: OperationContext<'createAppointment'>): Promise<Booker> {
  const { pii } = ctx.services;
  const ownerIndex = ownerIndexOf(ctx);
  if (ctx.caller.kind === 'person' && ownerIndex) {
    const { name, mobile } = ctx.caller.principal;
    const personKey = mobile ? `m:${normalizeMobile(mobile)}` : `o:${ownerIndex}`;
    return {
      name,
      ...(mobile ? { mobile: normalizeMobile(mobile) } : {}),
      personIndex: pii.blindIndex(personKey, 'appointment.person'),
      ownerIndex,
    };
  }
  const booker = ctx.request.body.booker;
  if (!booker)
    throw problems.validation(
      [{ pointer: '/booker', code: 'required', messageKey: 'appointment.bookerRequired' }],
      422,
    );
  await verifyAppointmentCode(ctx, booker.mobile, booker.verificationCode);
  const mobile = normalizeMobile(booker.mobile);
  return {
    name: booker.name.trim(),
    mobile,
    personIndex: pii.blindIndex(`m:${mobile}`, 'appointment.person'),
  };
}
