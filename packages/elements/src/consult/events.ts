import type { components } from '@banshi/sdk';

declare module '../base/events.js' {
  interface BanshiEventMap {
    /** A question was sent; `detail` is the question with its number and query code. */
    'banshi-consultation-asked': CustomEvent<components['schemas']['ConsultationCreated']>;
  }
}

export {};
