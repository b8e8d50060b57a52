import { expect, waitUntil } from '@open-wc/testing';
import { createElement, type ComponentProps, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import * as components from '../src/index.js';
import { BanshiRating, tagNames } from '../src/index.js';
import { handlerName } from '../../elements/scripts/event-handler-name.mjs';

interface ManifestElement {
  name: string;
  tagName?: string;
  customElement?: boolean;
  events?: Array<{ name: string }>;
}

async function manifestElements(): Promise<ManifestElement[]> {
  const response = await fetch('/packages/elements/custom-elements.json');
  const manifest = (await response.json()) as { modules: Array<{ declarations?: ManifestElement[] }> };
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName);
}

describe('@banshi/react', () => {
  let container: HTMLElement;
  let root: Root;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('has a component for every element of the manifest', async () => {
    const elements = await manifestElements();
    expect(Object.fromEntries(elements.map((element) => [element.name, element.tagName]))).to.deep.equal(
      tagNames,
    );
  });

  it('renders each element with its props as properties and calls back on each of its events', async () => {
    for (const element of await manifestElements()) {
      const Component = components[element.name as keyof typeof tagNames] as ComponentType<
        Record<string, unknown>
      >;
      const heard: string[] = [];
      const callbacks = Object.fromEntries(
        (element.events ?? []).map((event) => [
          handlerName(event.name),
          (received: Event) => heard.push(received.type),
        ]),
      );
      // `elder={false}` set as an attribute would read as true (any `elder` attribute turns it on): the
      // component must set it as a property.
      root.render(createElement(Component, { theme: 'haibowan', elder: false, ...callbacks }));
      await waitUntil(() => container.querySelector(element.tagName!), element.tagName);
      const rendered = container.querySelector(element.tagName!)!;
      expect(rendered).to.be.instanceOf(customElements.get(element.tagName!)!);
      expect((rendered as unknown as { elder: boolean }).elder, element.tagName).to.equal(false);
      expect(rendered.hasAttribute('elder'), element.tagName).to.equal(false);
      expect(rendered.getAttribute('theme'), element.tagName).to.equal('haibowan');

      for (const event of element.events ?? [])
        rendered.dispatchEvent(new CustomEvent(event.name, { detail: {}, bubbles: true, composed: true }));
      expect(heard, element.tagName).to.deep.equal((element.events ?? []).map((event) => event.name));
      root.render(null);
      await waitUntil(() => !container.firstChild, 'unmounted');
    }
  });

  it('passes the rated evaluation to onBanshiRated with its detail typed', async () => {
    let level: string | undefined;
    root.render(createElement(BanshiRating, { onBanshiRated: (event) => (level = event.detail.level) }));
    await waitUntil(() => container.querySelector('banshi-rating'), 'rating rendered');
    const rating = container.querySelector('banshi-rating')!;
    rating.dispatchEvent(new CustomEvent('banshi-rated', { detail: { level: 'satisfied' } }));
    expect(level).to.equal('satisfied');
  });
});

// Types: props come from the element class and callbacks from the event map; `tsc` checks these lines.
type RatingProps = ComponentProps<typeof BanshiRating>;
// @ts-expect-error `elder` is a boolean property, not a string attribute.
export const wrongElder: RatingProps = { elder: 'yes' };
// @ts-expect-error the rated event's detail is an evaluation, not a number.
export const wrongCallback: RatingProps = { onBanshiRated: (event: CustomEvent<number>) => event };
// @ts-expect-error no such event on the rating.
export const unknownCallback: RatingProps = { onBanshiCaseLoaded: () => undefined };
