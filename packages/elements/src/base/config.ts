import type { TokenProvider } from './api.js';
import { composedAncestors } from './dom.js';

/** The tag of the configuration element; read by attribute, so it works even when it is not defined. */
export const PROVIDER_TAG = 'banshi-provider';

/** Settings a page can give every widget at once. */
export type SettingName = 'api-base' | 'theme' | 'region';

/**
 * Resolves a setting for `element`, in order: the element's own attribute, the nearest
 * `<banshi-provider>` above it (crossing shadow roots) that has the attribute, then
 * `<meta name="banshi:<name>" content="…">` in the element's document.
 */
export function resolveSetting(element: Element, name: SettingName): string | null {
  for (const ancestor of composedAncestors(element)) {
    if (ancestor !== element && ancestor.localName !== PROVIDER_TAG) continue;
    const value = ancestor.getAttribute(name);
    if (value !== null && value.trim() !== '') return value.trim();
  }
  const meta = element.ownerDocument.querySelector(`meta[name="banshi:${name}"]`);
  const content = meta?.getAttribute('content')?.trim();
  return content ? content : null;
}

/**
 * Whether the 适老化 elder mode applies: an `elder` attribute on the element or its nearest provider,
 * or `data-banshi-elder` on `<html>` (the site's own "长者模式" switch).
 */
export function resolveElder(element: Element): boolean {
  const ancestors = composedAncestors(element);
  if (
    ancestors.some((a) => (a === element || a.localName === PROVIDER_TAG) && isOn(a.getAttribute('elder')))
  ) {
    return true;
  }
  return isOn(element.ownerDocument.documentElement.getAttribute('data-banshi-elder'));
}

function isOn(value: string | null): boolean {
  return value !== null && value !== 'false';
}

/**
 * The language of `element`: the nearest `lang` attribute above it, crossing shadow roots, or the empty
 * string when none is set.
 */
export function resolveLang(element: Element): string {
  for (const ancestor of composedAncestors(element)) {
    const lang = ancestor.getAttribute('lang');
    if (lang !== null && lang.trim() !== '') return lang.trim();
  }
  return '';
}

/**
 * The `tokenProvider` of the nearest `<banshi-provider>` above `element` (crossing shadow roots) that has
 * one. A property, never an attribute, so no token sits in markup; read off the element itself, so it
 * works in a bundle that does not define the provider too.
 */
export function resolveTokenProvider(element: Element): TokenProvider | undefined {
  for (const ancestor of composedAncestors(element)) {
    if (ancestor.localName !== PROVIDER_TAG) continue;
    const provider = (ancestor as { tokenProvider?: unknown }).tokenProvider;
    if (typeof provider === 'function') return provider as TokenProvider;
  }
  return undefined;
}

/** What a defined `<banshi-provider>` dispatches on itself when its `tokenProvider` changes (sign-in, sign-out). */
export const TOKEN_CHANGE_EVENT = 'banshi-token-change';

/** Attributes on ancestors whose change can alter a widget's configuration, locale or theme. */
export const WATCHED_ATTRIBUTES = ['lang', 'api-base', 'theme', 'elder', 'data-banshi-elder'];
