import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createHarness, testDepartments, type Harness } from '../support/harness.js';
import { importExample } from '../support/cases.js';
import type { TokenVerifier } from '../../src/identity/token-verifier.js';
import { DatabaseOutbox } from '../../src/notify/outbox.js';
import { PiiCipher } from '../../src/security/pii-cipher.js';
import type { AppOptions } from '../../src/app.js';

/** Monday 7 December 2026, 08:30 in China: the week ahead has a Saturday and a Sunday. */
export const monday = new Date('2026-12-07T00:30:00Z');

/**
 * Stands in for the identity platform: a token `resident-N` is the signed-in resident N, with a mobile
 * of their own, `staff-office` a window clerk of every test department and `staff-other` one of another
 * office at the same window group (the platform's JWT checks are tested elsewhere).
 */
export const residentTokens: TokenVerifier = {
  async verify(token) {
    if (token === 'staff-office' || token === 'staff-other') {
      const roles: ('windowClerk' | 'supervisor')[] = ['windowClerk', 'supervisor'];
      const office = token === 'staff-office';
      return {
        kind: 'staff',
        issuer: 'https://idp.test',
        subject: office ? 's-office' : 's-other',
        name: office ? '高敏' : '周立',
        roles,
        departments: office ? testDepartments : ['x-1'],
      };
    }
    const n = Number(token.replace('resident-', ''));
    return {
      kind: 'resident',
      issuer: 'https://idp.test',
      subject: `resident-${n}`,
      name: `居民${n}`,
      mobile: `139${String(n).padStart(8, '0')}`,
      assurance: 3,
    };
  },
};

export const asResident = (n: number) => ({ Authorization: `Bearer resident-${n}` });
export const asStaff = { Authorization: 'Bearer staff-office' };
export const asOtherOffice = { Authorization: 'Bearer staff-other' };

/** A harness whose clock the test moves, with the example item open for booking. */
export async function bookingHarness(options: Partial<AppOptions> = {}) {
  const piiKey = randomBytes(32);
  const clock = { now: monday };
  const h: Harness = await createHarness({
    piiKey,
    tokenVerifier: residentTokens,
    clock: () => clock.now,
    ...options,
  });
  const item = await importExample(h);
  const settings = await h.call('PUT', `/api/v1/appointment-settings/${item.code}`, {
    headers: asStaff,
    body: {
      windowGroup: 'A12',
      windowName: 'A12 住房保障综合窗口',
      slotMinutes: 30,
      capacity: 3,
      sessions: [
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
    },
  });
  assert.equal(settings.status, 200, settings.text);
  const outbox = new DatabaseOutbox(h.database.db, new PiiCipher([piiKey]));
  return { h, item, clock, outbox, piiKey };
}

/** The last code texted to a mobile (from the development outbox). */
export async function textedCode(outbox: DatabaseOutbox, mobile: string): Promise<string> {
  const [latest] = await outbox.recent(1, mobile);
  const code = /\d{6}/.exec(latest?.text ?? '')?.[0];
  assert.ok(code, `no code texted to ${mobile}`);
  return code;
}
