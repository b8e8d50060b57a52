import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { PiiCipher } from '../security/pii-cipher.js';
import { newId } from '../common/ids.js';
import { normalizeMobile } from '@banshi/sdk/forms';
import type { Notification, Notifier } from './notifier.js';

/** A message as the development outbox shows it. */
export interface OutboxMessage extends Notification {
  id: string;
  sentAt: Date;
}

/**
 * The development notifier: messages are kept in the database instead of being sent, so a developer
 * (or a test) reads the verification code a resident would get on their phone at `/dev/outbox`.
 * The mobile and the text are encrypted like every other personal datum at rest.
 */
export class DatabaseOutbox implements Notifier {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly pii: PiiCipher,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async send(notification: Notification): Promise<void> {
    await this.db
      .insertInto('notification_outbox')
      .values({
        id: newId('sms'),
        mobile: this.pii.encrypt(normalizeMobile(notification.mobile), 'notification_outbox.mobile'),
        text: this.pii.encrypt(notification.text, 'notification_outbox.text'),
        purpose: notification.purpose,
        sent_at: this.clock(),
      })
      .execute();
  }

  /** The latest messages, newest first; to one mobile only when given. */
  async recent(limit = 50, mobile?: string): Promise<OutboxMessage[]> {
    const rows = await this.db
      .selectFrom('notification_outbox')
      .selectAll()
      .orderBy('sent_at', 'desc')
      .orderBy('id', 'desc')
      .limit(mobile ? 500 : limit)
      .execute();
    const messages = rows.map((row) => ({
      id: row.id,
      mobile: this.pii.decrypt(row.mobile, 'notification_outbox.mobile'),
      text: this.pii.decrypt(row.text, 'notification_outbox.text'),
      purpose: row.purpose,
      sentAt: row.sent_at,
    }));
    const wanted = mobile ? normalizeMobile(mobile) : undefined;
    return (wanted ? messages.filter((m) => m.mobile === wanted) : messages).slice(0, limit);
  }
}
