/** Steps the rating's tests against the reference server take, the way a mouse user would. */
import type { BanshiRating } from './rating.js';
import { inShadow } from '../test-support/helpers.js';

let windowNumber = 0;
/** A service window no other test has rated at, so each test counts only its own ratings. */
export const nextWindow = (): string => `test-window-${Date.now()}-${++windowNumber}`;

/** Chooses a satisfaction level. */
export async function pick(el: BanshiRating, level: string): Promise<void> {
  inShadow<HTMLInputElement>(el, `input[name=level][value=${level}]`).click();
  await el.updateComplete;
}

/** Presses the send button. */
export async function send(el: BanshiRating): Promise<void> {
  inShadow<HTMLButtonElement>(el, '[part=submit]').click();
  await el.updateComplete;
}
