// The 一次性告知单 prints alone (no site header, navigation or footer) with a QR code back to the guide
// and the chosen situations.
import { expect, fixture, html } from '@open-wc/testing';
import { encode } from 'uqr';
import type { Item } from '../item-common/types.js';
import { inShadow } from '../test-support/helpers.js';
import './define.js';
import { loadConditions } from './guide.js';
import { guideAddress } from './print-alone.js';

const item = async (): Promise<Item> =>
  (await (
    await fetch('/packages/server/demo-catalogue/items/150302-public-rental-housing.json')
  ).json()) as Item;

describe('<banshi-item-guide> printing', () => {
  it('hides the rest of the page while printing and carries a QR code of the guide with the answers', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <header id="site-header">海勃湾区人民政府</header>
        <banshi-item-guide></banshi-item-guide>
      </div>`,
    );
    const el = page.querySelector('banshi-item-guide')!;
    el.item = await item();
    await loadConditions();
    await el.updateComplete;
    const [situation] = el.item.situations;
    el.situation = { [situation!.id]: situation!.options[0]!.id };
    await el.updateComplete;

    const seen: { header?: string; widget?: string; qr?: SVGElement | null; text?: string } = {};
    const original = window.print;
    window.print = () => {
      const sheets = document.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join());
      expect(sheets.join()).to.include('visibility');
      seen.widget = el.hasAttribute('data-banshi-printing') ? 'marked' : 'unmarked';
      seen.header = page.querySelector('#site-header')!.hasAttribute('data-banshi-printing')
        ? 'marked'
        : 'unmarked';
      seen.qr = el.shadowRoot!.querySelector<SVGElement>('.print-qr svg');
      seen.text = el.shadowRoot!.textContent!;
    };
    try {
      inShadow<HTMLButtonElement>(el, '[part=actions] button:last-child').click();
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      window.print = original;
    }
    expect(seen.widget).to.equal('marked');
    expect(seen.header).to.equal('unmarked');
    expect(seen.qr, 'QR code').to.not.equal(null);
    expect(seen.text).to.include(`打印时间：${new Date().toLocaleDateString('zh-CN')}`);
    const address = guideAddress(location.href, el.situation);
    expect(address).to.include(`s.${situation!.id}=${situation!.options[0]!.id}`);
    const dark = encode(address, { ecc: 'M', border: 2 }).data.flat().filter(Boolean).length;
    expect(seen.qr!.querySelector('path')!.getAttribute('d')!.split('M').length - 1).to.equal(dark);

    dispatchEvent(new Event('afterprint'));
    expect(el.hasAttribute('data-banshi-printing')).to.equal(false);
    expect(
      document.adoptedStyleSheets.some((s) =>
        [...s.cssRules].some((r) => r.cssText.includes('banshi-printing')),
      ),
    ).to.equal(false);
  });

  it('keeps the page’s own parameters and replaces earlier answers in the address', () => {
    expect(guideAddress('https://gov.example/guide.html?code=1&s.a=x#top', { b: 'y' })).to.equal(
      'https://gov.example/guide.html?code=1&s.b=y#top',
    );
  });
});
