import type { Evaluation } from '../base/api.js';

/** Detail of `banshi-rating-queued`: a kiosk rating saved on the device until the server can take it. */
export interface RatingQueuedDetail {
  idempotencyKey: string;
  /** Ratings waiting on this device, this one included. */
  waiting: number;
}

declare module '../base/events.js' {
  interface BanshiEventMap {
    /** A rating reached the server (at once, or later from the kiosk queue). */
    'banshi-rated': CustomEvent<Evaluation>;
    /** A kiosk rating was saved on the device to be sent later. */
    'banshi-rating-queued': CustomEvent<RatingQueuedDetail>;
  }
}
