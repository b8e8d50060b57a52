// The traditional Mongolian locale: strings in the Mongolian block, laid out top to bottom.
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../rating/define.js';
import '../../item-guide/define.js';
import type { Item } from '../../item-common/types.js';
import type { BanshiItemGuide } from '../../item-guide/guide.js';
import type { BanshiRating } from '../../rating/rating.js';
import { ratingMessages } from '../../rating/messages.js';
import { summaryMessages } from '../../rating/summary-messages.js';
import { guideMessages } from '../../item-guide/messages.js';
import { allInShadow, shadowText } from '../../test-support/helpers.js';
import { mongolianMessages, registerMongolian } from './index.js';

describe('the mn-Mong-CN locale', () => {
  before(() => registerMongolian());

  it('has every message of the rating and the guide, in the traditional script', () => {
    const keys = [
      ...Object.keys(ratingMessages['zh-CN']),
      ...Object.keys(summaryMessages['zh-CN']),
      ...Object.keys(guideMessages['zh-CN']),
    ];
    const missing = keys.filter((key) => !(key in mongolianMessages));
    expect(missing).to.deep.equal([]);
    for (const key of keys) {
      // Words in the Mongolian block (placeholders aside); Chinese only for the 告知承诺 term.
      const words = mongolianMessages[key]!.replace(/\{\w+\}/g, '').replace('告知承诺', '');
      expect(/\p{L}/u.test(words) ? /[\u1820-\u1878]/u.test(words) : true, key).to.equal(true);
      expect(/[\p{Script=Han}\p{Script=Latin}]/u.test(words.replace(/\b(I|II|III|IV)\b/g, '')), key).to.equal(
        false,
      );
    }
  });

  it('shows the rating in Mongolian, written top to bottom', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="mn-Mong-CN">
        <banshi-rating item-code="000000000001" window-id="hbw-a12"></banshi-rating>
      </div>`,
    );
    const rating = wrapper.querySelector<BanshiRating>('banshi-rating')!;
    await rating.updateComplete;
    const text = shadowText(rating);
    const shown = (key: string) => mongolianMessages[key]!.replace(/\s+/gu, ' ');
    expect(text).to.include(shown('rating.title'));
    expect(text).to.include(shown('rating.level.verySatisfied'));
    expect(text).not.to.include('非常满意');
    expect(getComputedStyle(rating).writingMode).to.equal('vertical-lr');
    const root = rating.shadowRoot!.querySelector('.root')!;
    const fonts = getComputedStyle(root).fontFamily;
    expect(fonts).to.include('Mongolian Baiti');
    // The Chinese the server sends (item names) has named fonts after the Mongolian ones.
    expect(fonts).to.include('WenQuanYi Zen Hei');
  });

  /** The demo's rental-housing guide in traditional Mongolian, drawn. */
  async function mongolianGuide(): Promise<BanshiItemGuide> {
    const response = await fetch('/packages/server/demo-catalogue/items/150302-public-rental-housing.json');
    const item = (await response.json()) as Item;
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="mn-Mong-CN"><banshi-item-guide .item=${item}></banshi-item-guide></div>`,
    );
    const guide = wrapper.querySelector<BanshiItemGuide>('banshi-item-guide')!;
    await guide.updateComplete;
    return guide;
  }

  const frames = async (count: number) => {
    for (let frame = 0; frame < count; frame++) await nextFrame();
  };

  it('lays out the guide beside its box only when the reader scrolls there', async function () {
    if (!CSS.supports('content-visibility', 'auto')) (this as { skip(): void }).skip();
    const guide = await mongolianGuide();
    // Shaping every section at start-up blocked the page; those beside the box wait until scrolled to.
    const last = allInShadow(guide, 'section').at(-1)!;
    const drawn = () => last.querySelector('h3')!.checkVisibility({ contentVisibilityAuto: true });
    // A section added is laid out until its first frame tells where it lies.
    await frames(2);
    expect(drawn(), 'last section before scrolling').to.equal(false);
    guide.scrollLeft = guide.scrollWidth;
    await waitUntil(drawn, 'last section drawn once scrolled to');
    expect(last.textContent).to.include(mongolianMessages['guide.section.faq']!.trim());
  });

  it('lands a jump on its section, and the section stays there', async () => {
    const guide = await mongolianGuide();
    await guide.showSection('windows');
    const heading = guide.shadowRoot!.querySelector('#guide-windows')!;
    const landed = heading.getBoundingClientRect().left;
    // Sections passed on the way take their real sizes over the next frames; the heading must not move.
    await frames(3);
    const box = guide.getBoundingClientRect();
    const now = heading.getBoundingClientRect();
    expect(now.left, 'heading where the jump put it').to.be.closeTo(landed, 1);
    // Within a pixel: scrolling may stop on a fraction of one.
    expect(now.left, 'heading inside the box').to.be.within(box.left - 1, box.right - now.width + 1);
    expect(guide.shadowRoot!.activeElement).to.equal(heading);
  });

  it('prints every section of the guide, those beside the box too', async function () {
    const guide = await mongolianGuide();
    try {
      await emulateMedia({ media: 'print' });
    } catch {
      // Only Chromium's DevTools protocol switches a page to print media; WebDriver (Firefox, WebKit) cannot.
      (this as { skip(): void }).skip();
    }
    try {
      const skipped = allInShadow(guide, 'section').filter(
        (section) => getComputedStyle(section).contentVisibility !== 'visible',
      );
      expect(skipped.map((section) => section.className)).to.deep.equal([]);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('keeps Chinese readers horizontal', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="zh-CN">
        <banshi-rating item-code="000000000001" window-id="hbw-a12"></banshi-rating>
      </div>`,
    );
    const rating = wrapper.querySelector<BanshiRating>('banshi-rating')!;
    await rating.updateComplete;
    expect(getComputedStyle(rating).writingMode).to.equal('horizontal-tb');
    expect(shadowText(rating)).to.include('非常满意');
  });
});
