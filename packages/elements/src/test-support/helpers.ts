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

/** What the tests need from the reference server, read through its public API. */
export interface ServerFacts {
  /** A service item the server knows. */
  itemCode: string;
}

/** Fails with the reason when the reference server did not start; otherwise returns a known item. */
export async function referenceServer(): Promise<ServerFacts> {
  const { executeServerCommand } = await import('@web/test-runner-commands');
  const status = await executeServerCommand<string, undefined>('banshi-server-status');
  if (status !== 'up') throw new Error(status);
  const response = await fetch(`${REAL_API}/items?limit=1`);
  const page = (await response.json()) as { items: Array<{ code: string }> };
  const item = page.items[0];
  if (!item) throw new Error('The reference server has no items: it should start with the seed catalogue.');
  return { itemCode: item.code };
}

/** How many ratings the reference server has counted for `itemCode`. */
export async function ratingsCounted(itemCode: string): Promise<number> {
  const response = await fetch(`${REAL_API}/evaluations/summary?item=${encodeURIComponent(itemCode)}`, {
    headers: { 'x-banshi-test': 'observe' },
  });
  if (!response.ok) throw new Error(`summary answered ${response.status}`);
  return ((await response.json()) as { total: number }).total;
}

/** Makes the test server's API proxy fail on purpose (see web-test-runner.config.mjs). */
export async function injectApiFault(fault: 'none' | 'down' | 'lose-response'): Promise<void> {
  const { executeServerCommand } = await import('@web/test-runner-commands');
  await executeServerCommand('banshi-api-fault', { fault });
}
