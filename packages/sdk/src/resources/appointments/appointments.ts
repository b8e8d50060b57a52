import type { components } from '../../generated/schema.js';
import type { CallOptions } from '../../core/transport.js';
import { APIResource, withQueryCode, type MutationOptions } from '../api-resource.js';

type Schemas = components['schemas'];

/** Options of a call on one booking without signing in. */
export interface AppointmentAccessOptions extends CallOptions {
  /** The booking's check-in code (签到码); sent in the `X-Query-Code` header, never in the URL. */
  checkInCode?: string | undefined;
}

/** Moves `checkInCode` into the `X-Query-Code` header, as a case's query code travels. */
function withCheckInCode<Options extends AppointmentAccessOptions>({
  checkInCode,
  ...options
}: Options): CallOptions {
  return withQueryCode({ ...options, queryCode: checkInCode });
}

/** 预约: slots of an item, booking, moving and cancelling, check-in at the hall and calling at the window. */
export class Appointments extends APIResource {
  /** How an item is booked (window group, slot length, capacity, sessions); 404 when it takes no bookings. */
  settings(itemCode: string, options: CallOptions = {}): Promise<Schemas['AppointmentSettings']> {
    return this.call('get', '/appointment-settings/{code}', { ...options, params: { code: itemCode } });
  }

  /** Staff: opens an item for booking or changes how it is booked. */
  updateSettings(
    itemCode: string,
    body: Schemas['AppointmentSettingsUpdate'],
    options: CallOptions = {},
  ): Promise<Schemas['AppointmentSettings']> {
    return this.call('put', '/appointment-settings/{code}', { ...options, params: { code: itemCode }, body });
  }

  /** The days open for booking and the seats left in each slot. */
  slots(itemCode: string, options: CallOptions = {}): Promise<Schemas['AppointmentCalendar']> {
    return this.call('get', '/appointment-slots', { ...options, query: { itemCode } });
  }

  /** Texts a 6-digit code to the mobile, for booking without signing in (one a minute per mobile). */
  sendCode(mobile: string, options: MutationOptions = {}): Promise<Schemas['AppointmentVerificationSent']> {
    return this.call('post', '/appointment-verifications', { ...options, body: { mobile } });
  }

  /**
   * Books a slot. A full slot is a 409 `slot_full` whose problem lists `nextFreeSlots`. The answer's
   * check-in code is shown only this once.
   */
  book(
    body: Schemas['AppointmentCreate'],
    options: MutationOptions = {},
  ): Promise<Schemas['AppointmentCreated']> {
    return this.call('post', '/appointments', { ...options, body });
  }

  /** A booking, with its check-in code or signed in as the person who booked. */
  get(number: string, options: AppointmentAccessOptions = {}): Promise<Schemas['Appointment']> {
    return this.call('get', '/appointments/{appointmentNumber}', {
      ...withCheckInCode(options),
      params: { appointmentNumber: number },
    });
  }

  /** Cancels a booking (until the item's cut-off before it starts). */
  cancel(
    number: string,
    options: AppointmentAccessOptions & MutationOptions = {},
  ): Promise<Schemas['Appointment']> {
    return this.call('post', '/appointments/{appointmentNumber}/cancellation', {
      ...withCheckInCode(options),
      params: { appointmentNumber: number },
    });
  }

  /** Moves a booking to another slot, in one step (the old seat is freed only if the new one is had). */
  move(
    number: string,
    body: Schemas['AppointmentMove'],
    options: AppointmentAccessOptions & MutationOptions = {},
  ): Promise<Schemas['Appointment']> {
    return this.call('post', '/appointments/{appointmentNumber}/move', {
      ...withCheckInCode(options),
      params: { appointmentNumber: number },
      body,
    });
  }

  /** The hall's kiosk: turns a check-in code into a queue ticket (取号) on the day of the booking. */
  checkIn(code: string, options: MutationOptions = {}): Promise<Schemas['QueueTicket']> {
    return this.call('post', '/appointment-check-ins', { ...options, body: { code } });
  }

  /** Staff at a window: calls the next waiting ticket of the window group. */
  callNext(windowGroup: string, options: MutationOptions = {}): Promise<Schemas['QueueTicket']> {
    return this.call('post', '/appointment-queues/{windowGroup}/calls', {
      ...options,
      params: { windowGroup },
    });
  }
}
