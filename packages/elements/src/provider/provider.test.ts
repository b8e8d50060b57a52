// The sign-in token of <banshi-provider>: what a real widget's requests carry on the wire, read from the
// requests the page's fetch sends to the reference server.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { REAL_API, referenceServer } from '../test-support/helpers.js';
import '../item-guide/define.js';
import './define.js';
import type { BanshiItemGuide } from '../item-guide/guide.js';
import type { BanshiProvider } from './provider.js';

/**
 * The Authorization header (or null) of every API request the page sends while the spy is on, but for the
 * guide's published answers, which it fetches after the item without waiting: their timing is their own.
 */
function spyOnRequests(): { authorizations: Array<string | null>; restore: () => void } {
  const original = window.fetch;
  const authorizations: Array<string | null> = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const { pathname } = new URL(request.url);
    if (pathname.startsWith(REAL_API) && !pathname.endsWith('/published-answers'))
      authorizations.push(request.headers.get('authorization'));
    return original(input, init);
  };
  return { authorizations, restore: () => (window.fetch = original) };
}

describe('<banshi-provider> tokenProvider', () => {
  let itemCode: string;
  let spy: ReturnType<typeof spyOnRequests>;
  before(async () => {
    ({ itemCode } = await referenceServer());
  });
  beforeEach(() => {
    spy = spyOnRequests();
  });
  afterEach(() => spy.restore());

  const requested = () => waitUntil(() => spy.authorizations.length > 0, 'the widget sent no request');

  it('is a property only: no attribute carries a token into the markup', async () => {
    const provider = await fixture<BanshiProvider>(html`<banshi-provider></banshi-provider>`);
    provider.tokenProvider = async () => 'secret-token';
    await provider.updateComplete;
    expect(provider.getAttributeNames()).to.deep.equal([]);
    expect(provider.outerHTML).not.to.contain('secret-token');
  });

  it('sends its token with the requests of a widget inside, through shadow roots too', async () => {
    const outer = await fixture<HTMLElement>(html`<div></div>`);
    const provider = document.createElement('banshi-provider');
    provider.setAttribute('api-base', REAL_API);
    provider.tokenProvider = async () => 'token-of-wang';
    // A site's own component holding the widget in its shadow root.
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML =
      `<banshi-item-guide item-code="${itemCode}"></banshi-item-guide>`;
    provider.append(host);
    outer.append(provider);
    await requested();
    expect(spy.authorizations).to.include('Bearer token-of-wang');
    expect(spy.authorizations.every((value) => value === 'Bearer token-of-wang')).to.equal(true);
  });

  it('asks on every request, so a page that signs in later is followed', async () => {
    let token: string | undefined = undefined;
    const provider = await fixture<BanshiProvider>(html`
      <banshi-provider api-base=${REAL_API} .tokenProvider=${async () => token}>
        <banshi-item-guide item-code=${itemCode}></banshi-item-guide>
      </banshi-provider>
    `);
    await requested();
    expect(spy.authorizations).to.deep.equal([null]);
    token = 'token-after-sign-in';
    await provider.querySelector<BanshiItemGuide>('banshi-item-guide')!.load();
    expect(spy.authorizations).to.deep.equal([null, 'Bearer token-after-sign-in']);
  });

  it('sends no token without a provider, or when its provider gives none', async () => {
    await fixture(html`<banshi-item-guide api-base=${REAL_API} item-code=${itemCode}></banshi-item-guide>`);
    await fixture(html`
      <banshi-provider api-base=${REAL_API}>
        <banshi-item-guide item-code=${itemCode}></banshi-item-guide>
      </banshi-provider>
    `);
    await fixture(html`
      <banshi-provider api-base=${REAL_API} .tokenProvider=${async () => undefined}>
        <banshi-item-guide item-code=${itemCode}></banshi-item-guide>
      </banshi-provider>
    `);
    await waitUntil(() => spy.authorizations.length >= 3, 'a widget sent no request');
    expect(spy.authorizations.every((value) => value === null)).to.equal(true);
  });

  it('tells the widgets inside when the page signs someone in or out', async () => {
    const provider = await fixture<BanshiProvider>(html`<banshi-provider></banshi-provider>`);
    const events: string[] = [];
    provider.addEventListener('banshi-token-change', (event) => events.push(event.type));
    provider.tokenProvider = async () => 'token';
    await provider.updateComplete;
    provider.tokenProvider = undefined;
    await provider.updateComplete;
    expect(events).to.have.length(2);
  });
});
