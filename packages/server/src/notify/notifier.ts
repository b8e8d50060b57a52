/** Why a message is sent; the outbox and the gateway's logs show it, an operator may route by it. */
export type NotificationPurpose =
  | 'verificationCode'
  | 'appointmentBooked'
  | 'appointmentReminder'
  | 'appointmentChanged'
  | 'consultationAnswered'
  | 'ratingInvitation'
  | (string & {});

/** One short text message to a mobile number. */
export interface Notification {
  /** A mainland mobile number, 11 digits (an optional +86 is removed before sending). */
  mobile: string;
  /** The text as the resident reads it, in their language; the gateway adds the signature. */
  text: string;
  purpose: NotificationPurpose;
}

/**
 * Sends messages to residents: an SMS gateway the operator configures in production, the development
 * outbox (stored in the database, readable at `/dev/outbox`) otherwise. A send that fails throws
 * {@link NotifierUnavailableError}; callers decide whether that stops what they were doing.
 */
export interface Notifier {
  send(notification: Notification): Promise<void>;
}

/** The messaging service refused or could not be reached. */
export class NotifierUnavailableError extends Error {
  override name = 'NotifierUnavailableError';
}

/** The notifier of a server with no gateway configured in production: every send fails, loudly. */
export const unconfiguredNotifier: Notifier = {
  async send() {
    throw new NotifierUnavailableError('No SMS gateway is configured (BANSHI_SMS_GATEWAY_URL)');
  },
};
