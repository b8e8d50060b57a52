/**
 * Helpers for play functions: the widgets keep their inside in a shadow root, where `canvas` queries do
 * not reach. Each helper waits for the widget to finish rendering before and after acting.
 */
import { expect, userEvent, waitFor } from 'storybook/test';

/** A rendered Lit element. */
type LitLike = HTMLElement & { updateComplete?: Promise<unknown> };

/** The first `tag` in the story, once it has rendered. */
export async function widget<T extends HTMLElement>(canvasElement: HTMLElement, tag: string): Promise<T> {
  const element = await waitFor(() => {
    const found = canvasElement.querySelector<LitLike>(tag);
    if (!found?.shadowRoot) throw new Error(`<${tag}> has not rendered`);
    return found;
  });
  await element.updateComplete;
  return element as unknown as T;
}

/** The element matching `selector` inside the widget's shadow root; fails the story if it is missing. */
export function inside<T extends Element = HTMLElement>(host: HTMLElement, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector} inside <${host.localName}>`);
  return found;
}

/** Clicks what `target` (an element, or a selector inside the widget) is, as a person would. */
export async function click(host: LitLike, target: string | Element): Promise<void> {
  await userEvent.click(typeof target === 'string' ? inside(host, target) : target);
  await host.updateComplete;
}

/** The input inside the widget whose current `value` is `value` (Lit sets values as properties). */
export function withValue(host: HTMLElement, selector: string, value: string): HTMLInputElement {
  const inputs = [...(host.shadowRoot?.querySelectorAll<HTMLInputElement>(selector) ?? [])];
  const found = inputs.find((input) => input.value === value);
  if (!found) throw new Error(`no ${selector} with the value ${value} inside <${host.localName}>`);
  return found;
}

/** Types `text` into the field `selector` (its whole value), firing the input events the widget listens to. */
export async function fill(host: LitLike, selector: string, text: string): Promise<void> {
  const field = inside<HTMLInputElement | HTMLTextAreaElement>(host, selector);
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text }));
  await host.updateComplete;
}

/** Waits until `selector` is shown inside the widget (e.g. after an answer from the mocked API). */
export async function shown(host: HTMLElement, selector: string, timeout = 5000): Promise<HTMLElement> {
  return waitFor(
    () => {
      const found = host.shadowRoot?.querySelector<HTMLElement>(selector);
      expect(found, `${selector} inside <${host.localName}>`).toBeTruthy();
      return found!;
    },
    { timeout },
  );
}
