/** Small helpers shared by the widget tests. */

/** The element matching `selector` in `host`'s shadow root; fails the test when it is missing. */
export function inShadow<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${host.localName}: nothing matches ${selector}`);
  return found;
}

/** Every element matching `selector` in `host`'s shadow root. */
export function allInShadow<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return Array.from(host.shadowRoot?.querySelectorAll<T>(selector) ?? []);
}

/** The visible text of `host`'s shadow root, whitespace collapsed. */
export function shadowText(host: Element): string {
  return (host.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element focused inside `host`'s shadow root, if any. */
export function focusedInShadow(host: Element): Element | null {
  return host.shadowRoot?.activeElement ?? null;
}

/** An API root nothing listens on: every request fails as if the network were down. */
export const UNREACHABLE_API = 'http://127.0.0.1:9/api/v1';

/** The API of the reference server, proxied on the test page's own origin by web-test-runner.config.mjs. */
export const REAL_API = '/api/v1';
