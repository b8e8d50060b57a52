// The traditional Mongolian locale: strings in the Mongolian block, laid out top to bottom.
import { expect, fixture, html } from '@open-wc/testing';
import '../../rating/define.js';
import type { BanshiRating } from '../../rating/rating.js';
import { ratingMessages } from '../../rating/messages.js';
import { summaryMessages } from '../../rating/summary-messages.js';
import { guideMessages } from '../../item-guide/messages.js';
import { shadowText } from '../../test-support/helpers.js';
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
    expect(getComputedStyle(root).fontFamily).to.include('Mongolian Baiti');
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
