import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a form session token proves: a session of the form of one item, until it expires. */
export interface FormSession {
  /** Random id of the session; its uploads are recorded under it. */
  id: string;
  itemCode: string;
  expiresAt: Date;
}

/** How long a form session lasts: long enough to gather documents and fill a long form. */
export const formSessionLifetimeMs = 4 * 3_600_000;

/**
 * Issues and checks form session tokens (`fs_…`): short-lived, bound to one item, signed with HMAC-SHA256
 * so any process holding the same key accepts them and nothing is stored until an upload is made. The
 * key is derived from a secret every process shares (the staff credential today), never stored.
 */
export class FormSessions {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'banshi', 'form-session-token', 32));
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }

  /** A new session of `itemCode`'s form, and its token. */
  issue(itemCode: string, now: Date): { token: string; expiresAt: Date } {
    const expiresAt = new Date(now.getTime() + formSessionLifetimeMs);
    const payload = Buffer.from(
      JSON.stringify({ s: randomBytes(16).toString('base64url'), i: itemCode, e: expiresAt.getTime() }),
    ).toString('base64url');
    return { token: `fs_${payload}.${this.mac(payload).toString('base64url')}`, expiresAt };
  }

  /** The session a token proves, or undefined when it is forged, damaged or expired. */
  verify(token: string | undefined, now: Date): FormSession | undefined {
    const match = /^fs_([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
    if (!match) return undefined;
    const [, payload, signature] = match as unknown as [string, string, string];
    const given = Buffer.from(signature, 'base64url');
    const expected = this.mac(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      s: string;
      i: string;
      e: number;
    };
    if (claims.e <= now.getTime()) return undefined;
    return { id: claims.s, itemCode: claims.i, expiresAt: new Date(claims.e) };
  }
}
