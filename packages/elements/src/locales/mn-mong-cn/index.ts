import { registerLocale, type Messages } from '../../i18n/registry.js';
import { guideMongolian } from './guide.js';
import { itemMongolian } from './item.js';
import { ratingMongolian } from './rating.js';

/** The locale tag of traditional Mongolian as written in Inner Mongolia. */
export const MONGOLIAN_LOCALE = 'mn-Mong-CN';

/**
 * The traditional-script (U+1800–U+18AF) strings of the rating and the guide (with the badges they
 * share). Widgets inside `lang="mn-Mong-CN"` show them once registered, laid out top to bottom; keys
 * missing here fall back to zh-CN. Written for short labels; a native speaker should review them.
 */
export const mongolianMessages: Messages = {
  ...ratingMongolian,
  ...guideMongolian,
  ...itemMongolian,
} as Messages;

/** Registers {@link mongolianMessages} for `mn-Mong-CN` with `registerLocale`. */
export function registerMongolian(): void {
  registerLocale(MONGOLIAN_LOCALE, mongolianMessages);
}
