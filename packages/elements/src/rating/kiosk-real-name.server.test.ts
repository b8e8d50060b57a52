// <banshi-rating mode="kiosk"> against the reference server: anonymous by default, real name (name and
// mobile, for the callback) when the person chooses it, and the next person starts anonymous again.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { BanshiRating } from './rating.js';
import './define.js';
import { inShadow, referenceServer, REAL_API } from '../test-support/helpers.js';

async function type(el: BanshiRating, selector: string, text: string): Promise<void> {
  const input = inShadow<HTMLInputElement>(el, selector);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<banshi-rating mode="kiosk"> real name', () => {
  it('offers real name beside the default anonymous, sends name and mobile, and forgets them after', async () => {
    const { itemCode } = await referenceServer();
    const el = await fixture<BanshiRating>(
      html`<banshi-rating
        mode="kiosk"
        api-base=${REAL_API}
        item-code=${itemCode}
        window-id="kiosk-real-name-${Date.now()}"
        idle-seconds="600"
      ></banshi-rating>`,
    );
    const identity = () => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=identity]')];
    expect(identity().map((input) => input.checked)).to.deep.equal([true, false]);
    inShadow<HTMLInputElement>(el, 'input[name=level][value=dissatisfied]').click();
    await el.updateComplete;
    inShadow<HTMLInputElement>(el, '#reasons input[value=repeatedVisits]').click();
    identity()[1]!.click();
    await el.updateComplete;
    await type(el, '#name', '赵海燕');
    await type(el, '#mobile', '150 0473 6627');
    const rated = oneEvent(el, 'banshi-rated');
    inShadow<HTMLButtonElement>(el, '[part=submit]').click();
    const evaluation = (await rated).detail;
    expect(evaluation.anonymous).to.equal(false);
    expect(evaluation.rater).to.deep.equal({ name: '赵海燕', maskedMobile: '150****6627' });
    expect(evaluation.rectification.callbackRequired).to.equal(true);

    await waitUntil(() => el.shadowRoot!.querySelector('#outcome'), 'thanks');
    inShadow<HTMLButtonElement>(el, '.actions button').click();
    await el.updateComplete;
    expect(identity().map((input) => input.checked)).to.deep.equal([true, false]);
    expect(el.shadowRoot!.querySelector('#name')).to.equal(null);
  });
});
