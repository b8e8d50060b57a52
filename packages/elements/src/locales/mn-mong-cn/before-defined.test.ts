// A Mongolian page whose widgets are still loading: the theme sheet holds each widget's vertical box, so
// what follows on the page stays put when the rating comes in. This file defines the rating itself, late.
import { expect, fixture, html } from '@open-wc/testing';
import { linkThemeSheet } from '../../test-support/helpers.js';
import { registerMongolian } from './index.js';

describe('a traditional Mongolian rating still loading', () => {
  before(async () => {
    await linkThemeSheet();
    registerMongolian();
  });

  it('keeps what follows it in place when it is defined', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div lang="mn-Mong-CN">
        <banshi-rating item-code="000000000001" window-id="hbw-a12"></banshi-rating>
        <p>ᠬᠡᠯᠡᠭᠰᠡᠨ ᠦᠭᠡ</p>
      </div>`,
    );
    const after = page.querySelector('p')!;
    const before = after.getBoundingClientRect().top;
    expect(before, 'room held for the rating').to.be.above(innerHeight * 0.85);
    await import('../../rating/define.js');
    await customElements.whenDefined('banshi-rating');
    await page.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('banshi-rating')!
      .updateComplete;
    expect(after.getBoundingClientRect().top).to.be.closeTo(before, 1);
  });
});
