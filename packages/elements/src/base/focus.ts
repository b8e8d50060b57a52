import type { ReactiveElement } from 'lit';

/** What can take focus itself; anything else (a fieldset, a group of options) hands it to its first. */
const FOCUSABLE = 'input:not([type=hidden]), select, textarea, button, a[href], [tabindex]';

/**
 * Moves focus to what `selector` finds in `host`'s shadow root, after the render in progress if there is
 * one (the element may only appear with it). A group hands focus to its first control; `scroll` also brings it to
 * the middle of the screen. Resolves to the element focused, or `null` when there is none.
 */
export async function focusIn(
  host: ReactiveElement,
  selector: string,
  { scroll = false }: { scroll?: boolean } = {},
): Promise<HTMLElement | null> {
  // Only waits for a render in progress: otherwise focus moves at once, within the click that asked.
  if (host.isUpdatePending) await host.updateComplete;
  const found = host.renderRoot.querySelector<HTMLElement>(selector);
  if (!found) return null;
  const target = found.matches(FOCUSABLE) ? found : (found.querySelector<HTMLElement>(FOCUSABLE) ?? found);
  target.focus();
  if (scroll) target.scrollIntoView?.({ block: 'center' });
  return target;
}
