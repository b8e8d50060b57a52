import type { components } from '@banshi/sdk';

declare module '../base/events.js' {
  interface BanshiEventMap {
    /** A slot was booked; `detail` is the booking with its check-in code. */
    'banshi-appointment-booked': CustomEvent<components['schemas']['AppointmentCreated']>;
    /** A booking was checked in at the kiosk; `detail` is the queue ticket. */
    'banshi-checked-in': CustomEvent<components['schemas']['QueueTicket']>;
  }
}

export {};
