import type { FormDefinition } from './definition.js';
import { pickLocale } from './locale.js';

/**
 * A message of the definition in `locale` (see {@link pickLocale}), falling back to zh-CN, then to
 * the key itself so that a missing message shows up rather than a blank.
 */
export function translate(definition: FormDefinition, key: string, locale?: string): string {
  const messages = definition.messages ?? {};
  return messages[pickLocale(locale, Object.keys(messages))]?.[key] ?? messages['zh-CN']?.[key] ?? key;
}
