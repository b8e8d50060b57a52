// <banshi-rating> of a case by its known applicant, against the reference server: real-name by default with
// nothing to type (the server names the rater from the case), and anonymous still one choice away.
import type { components } from '@banshi/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { BanshiRating } from './rating.js';
import './define.js';
import {
  createConcludedCase,
  inShadow,
  referenceServer,
  REAL_API,
  shadowText,
  SLOW_WAIT,
} from '../test-support/helpers.js';

async function rating(lang = 'zh-CN'): Promise<BanshiRating> {
  const { caseNumber, applicantToken } =
    (await createConcludedCase()) as components['schemas']['CaseCreated'];
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}>
      <banshi-rating api-base=${REAL_API}></banshi-rating>
    </div>`,
  );
  const el = wrapper.querySelector('banshi-rating')!;
  el.caseNumber = caseNumber;
  el.applicantToken = applicantToken;
  await el.updateComplete;
  return el;
}

const choice = (el: BanshiRating, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=identity]')].find((input) =>
    input.closest('label')!.textContent!.includes(label),
  )!;

async function rate(el: BanshiRating) {
  inShadow<HTMLInputElement>(el, 'input[name=level][value=satisfied]').click();
  await el.updateComplete;
  const rated = oneEvent(el, 'banshi-rated');
  inShadow<HTMLButtonElement>(el, '[part=submit]').click();
  const { detail } = await rated;
  await waitUntil(() => el.shadowRoot!.querySelector('#outcome'), 'thanks', SLOW_WAIT);
  return detail;
}

describe('<banshi-rating> by the case’s known applicant', () => {
  before(async () => {
    await referenceServer();
  });

  it('is real-name by default with nothing to type, and the server takes it as real-name', async () => {
    const el = await rating();
    expect(choice(el, '实名评价').checked).to.equal(true);
    expect(el.shadowRoot!.querySelector('#name')).to.equal(null);
    expect(el.shadowRoot!.querySelector('#mobile')).to.equal(null);
    expect(inShadow(el, '[part=rater-from-case]').textContent).to.contain('无需填写');
    await expect(el).to.be.accessible();
    const stored = await rate(el);
    // Without a rater in the body: the server names the rater from the case (staff see who).
    expect(stored.anonymous).to.equal(false);
  });

  it('may still be anonymous', async () => {
    const el = await rating();
    choice(el, '匿名评价').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=rater-from-case]')).to.equal(null);
    const stored = await rate(el);
    expect(stored.anonymous).to.equal(true);
    expect(stored.rater).to.equal(undefined);
  });

  it('says so in English', async () => {
    const el = await rating('en');
    expect(shadowText(el)).to.contain('nothing to type');
  });

  it('asks for a name and mobile when the applicant is not known (a visit rated at the window)', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating api-base=${REAL_API} item-code="x" window-id="w1"></banshi-rating>`,
    );
    choice(el, '实名评价').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#name')).to.not.equal(null);
    expect(choice(el, '匿名评价')).to.not.equal(undefined);
  });
});
