import { expect, waitUntil } from '@open-wc/testing';
import { createApp, nextTick } from 'vue';
import '@banshi/elements';
import App from './App.vue';

const TAGS = [
  'banshi-provider',
  'banshi-item-search',
  'banshi-item-guide',
  'banshi-application-form',
  'banshi-case-tracker',
  'banshi-rating',
];

describe('the widgets in a Vue app', () => {
  it('render from a single-file component, take bound props as properties and report their events', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const app = createApp(App, { apiBase: 'http://127.0.0.1:9/api/v1' });
    // Without `isCustomElement` Vue warns that it cannot resolve each tag as a component.
    const warnings: string[] = [];
    app.config.warnHandler = (message) => warnings.push(message);
    app.mount(host);
    try {
      await waitUntil(() => host.querySelector('banshi-rating'), 'rendered');
      expect(warnings).to.deep.equal([]);
      for (const tag of TAGS) {
        const element = host.querySelector(tag);
        expect(element, tag).to.be.instanceOf(customElements.get(tag)!);
      }
      // Bound values arrive as typed properties, not attribute strings.
      const tracker = host.querySelector('banshi-case-tracker') as unknown as { pollSeconds: unknown };
      expect(tracker.pollSeconds).to.equal(30);
      const rating = host.querySelector('#rating')!;
      expect((rating as unknown as { elder: unknown }).elder).to.equal(false);
      expect(rating.hasAttribute('elder')).to.equal(false);

      rating.dispatchEvent(new CustomEvent('banshi-rated', { detail: { level: 'satisfied' } }));
      await nextTick();
      expect(host.querySelector('#rated')!.textContent).to.equal('satisfied');
    } finally {
      app.unmount();
      host.remove();
    }
  });
});
