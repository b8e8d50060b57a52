// <banshi-rating> against the reference server (@banshi/server, started by web-test-runner.config.mjs and
// reached through the page's own origin at /api/v1).
import { createClient, type components } from '@banshi/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BanshiRating } from './rating.js';
import './define.js';
import {
  createConcludedCase,
  focusedInShadow,
  injectApiFault,
  inShadow,
  ratingsCounted,
  referenceServer,
  REAL_API,
  shadowText,
  staffToken,
  type ServerFacts,
  SLOW_WAIT,
} from '../test-support/helpers.js';

import { nextWindow, pick, send } from './test-helpers.js';

let facts: ServerFacts;

describe('<banshi-rating> with the reference server', () => {
  before(async () => {
    facts = await referenceServer();
  });
  afterEach(() => injectApiFault('none'));

  it('sends a rating, thanks the person and emits banshi-rated with the stored evaluation', async () => {
    const before = await ratingsCounted(facts.itemCode);
    const el = await fixture<BanshiRating>(
      html`<banshi-rating
        api-base=${REAL_API}
        item-code=${facts.itemCode}
        window-id=${nextWindow()}
      ></banshi-rating>`,
    );
    await pick(el, 'verySatisfied');
    const rated = oneEvent(el, 'banshi-rated');
    await send(el);
    const event = await rated;
    expect(event.composed).to.equal(true);
    expect(event.detail.level).to.equal('verySatisfied');
    expect(event.detail.id).to.be.a('string');
    await waitUntil(() => el.shadowRoot!.querySelector('#outcome'), 'thanks', SLOW_WAIT);
    expect(shadowText(el)).to.contain('感谢您的评价').and.contain('非常满意');
    expect(focusedInShadow(el)?.id).to.equal('outcome');
    expect(await ratingsCounted(facts.itemCode)).to.equal(before + 1);
    await expect(el).to.be.accessible();
  });

  it('can be used with the keyboard alone, from the first level to the thanks', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating
        api-base=${REAL_API}
        item-code=${facts.itemCode}
        window-id=${nextWindow()}
      ></banshi-rating>`,
    );
    const start = document.createElement('button');
    start.textContent = 'before';
    el.before(start);
    start.focus();
    await sendKeys({ press: 'Tab' });
    expect((focusedInShadow(el) as HTMLInputElement).name).to.equal('level');
    // Down to 不满意: the reasons open.
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect((focusedInShadow(el) as HTMLInputElement).value).to.equal('dissatisfied');
    await sendKeys({ press: 'Tab' });
    expect((focusedInShadow(el) as HTMLInputElement).value).to.equal('slowProcessing');
    await sendKeys({ press: ' ' }); // the space bar, by a name every driver knows
    // Past the other reasons and the optional questions to the comment.
    while (focusedInShadow(el)?.id !== 'comment') await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '等了一个小时' });
    await sendKeys({ press: 'Tab' });
    expect((focusedInShadow(el) as HTMLInputElement).name).to.equal('identity');
    await sendKeys({ press: 'Tab' });
    expect(focusedInShadow(el)?.getAttribute('part')).to.equal('submit');
    const rated = oneEvent(el, 'banshi-rated');
    await sendKeys({ press: 'Enter' });
    const { detail } = await rated;
    expect(detail.level).to.equal('dissatisfied');
    expect(detail.reasons).to.deep.equal(['slowProcessing']);
    expect(detail.comment).to.equal('等了一个小时');
    await waitUntil(() => focusedInShadow(el)?.id === 'outcome', 'focus on the thanks', SLOW_WAIT);
    start.remove();
  });

  it('retries with the same idempotency key, so a lost answer never records the rating twice', async () => {
    const before = await ratingsCounted(facts.itemCode);
    const el = await fixture<BanshiRating>(
      html`<banshi-rating
        api-base=${REAL_API}
        item-code=${facts.itemCode}
        window-id=${nextWindow()}
      ></banshi-rating>`,
    );
    await pick(el, 'satisfied');
    await injectApiFault('lose-response');
    await send(el);
    await waitUntil(() => shadowText(el).includes('评价未能提交'), 'failure shown', SLOW_WAIT);
    expect(await ratingsCounted(facts.itemCode)).to.equal(before + 1);
    await injectApiFault('none');
    expect(inShadow<HTMLInputElement>(el, 'input[value=satisfied]').checked).to.equal(true);
    await send(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#outcome'), 'thanks after retry', SLOW_WAIT);
    expect(await ratingsCounted(facts.itemCode)).to.equal(before + 1);
  });

  it('rates a case once; a second rating shows the one that exists (一事一评, 409)', async () => {
    const { caseNumber, queryCode } = await createConcludedCase();
    const first = await fixture<BanshiRating>(html`<banshi-rating api-base=${REAL_API}></banshi-rating>`);
    first.caseNumber = caseNumber;
    first.queryCode = queryCode;
    await pick(first, 'satisfied');
    await send(first);
    await waitUntil(() => first.shadowRoot!.querySelector('#outcome'), 'thanks', SLOW_WAIT);

    const second = await fixture<BanshiRating>(html`<banshi-rating api-base=${REAL_API}></banshi-rating>`);
    second.caseNumber = caseNumber;
    second.queryCode = queryCode;
    await pick(second, 'veryDissatisfied');
    inShadow<HTMLInputElement>(second, '#reasons input[value=slowProcessing]').click();
    await send(second);
    await waitUntil(() => shadowText(second).includes('该办件已评价过'), 'already rated', SLOW_WAIT);
    expect(shadowText(second)).to.contain('已有评价：满意');
    expect(focusedInShadow(second)?.id).to.equal('outcome');
    expect(second.getAttribute('query-code')).to.equal(null);
    await expect(second).to.be.accessible();
  });

  it('shows the server’s own message when it refuses the rating, and keeps the choice', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating
        api-base=${REAL_API}
        item-code="1115020000000000004999999999999"
        window-id="test-window"
      ></banshi-rating>`,
    );
    await pick(el, 'satisfied');
    await send(el);
    await waitUntil(() => shadowText(el).includes('评价未能提交'), 'refusal shown', SLOW_WAIT);
    expect(shadowText(el)).to.contain('1115020000000000004999999999999');
    expect(el.shadowRoot!.querySelector('#outcome')).to.equal(null);
    expect(inShadow<HTMLInputElement>(el, 'input[value=satisfied]').checked).to.equal(true);
  });
});

describe('<banshi-rating> of a case rated with the applicant token', () => {
  // A named member of staff (see `staffToken`), reading what was stored as an office would.
  const staffApi = createClient({
    baseUrl: new URL(REAL_API, location.origin).href,
    tokenProvider: staffToken,
  });
  const newCase = async () => (await createConcludedCase()) as components['schemas']['CaseCreated'];
  const stored = async (caseNumber: string) => (await staffApi.evaluations.list({ caseNumber })).items;

  before(async () => {
    await referenceServer();
  });

  it('rates with the token alone, keeps it out of the markup, and stores one rating', async () => {
    const { caseNumber, applicantToken } = await newCase();
    const el = await fixture<BanshiRating>(html`<banshi-rating api-base=${REAL_API}></banshi-rating>`);
    el.caseNumber = caseNumber;
    el.applicantToken = applicantToken;
    await el.updateComplete;
    expect(el.outerHTML).to.not.contain(applicantToken);
    await pick(el, 'basicallySatisfied');
    const rated = oneEvent(el, 'banshi-rated');
    // A double click sends once.
    inShadow<HTMLButtonElement>(el, '[part=submit]').click();
    inShadow<HTMLButtonElement>(el, '[part=submit]').click();
    const { detail } = await rated;
    expect(detail.target).to.deep.include({ kind: 'case', caseNumber });
    await waitUntil(() => el.shadowRoot!.querySelector('#outcome'), 'thanks', SLOW_WAIT);
    expect(shadowText(el)).to.contain('感谢您的评价').and.contain('基本满意');
    const ratings = await stored(caseNumber);
    expect(ratings.map((rating) => rating.level)).to.deep.equal(['basicallySatisfied']);
  });

  it('refuses another case’s token with a clear message, keeps what was chosen, and sends once corrected', async () => {
    const { caseNumber, applicantToken } = await newCase();
    const other = await newCase();
    const el = await fixture<BanshiRating>(html`<banshi-rating api-base=${REAL_API}></banshi-rating>`);
    el.caseNumber = caseNumber;
    el.applicantToken = other.applicantToken;
    await pick(el, 'veryDissatisfied');
    inShadow<HTMLInputElement>(el, '#reasons input[value=repeatedVisits]').click();
    const comment = inShadow<HTMLTextAreaElement>(el, '#comment');
    comment.value = '跑了三次';
    comment.dispatchEvent(new Event('input'));
    await send(el);
    await waitUntil(() => shadowText(el).includes('评价未能提交'), 'refusal shown', SLOW_WAIT);
    const notice = inShadow(el, '[part=notice][role=alert]');
    // The server's own reason, not a generic one.
    expect(notice.textContent).to.contain('请核对');
    expect(el.shadowRoot!.querySelector('#outcome')).to.equal(null);
    expect(inShadow<HTMLInputElement>(el, 'input[value=veryDissatisfied]').checked).to.equal(true);
    expect(inShadow<HTMLInputElement>(el, '#reasons input[value=repeatedVisits]').checked).to.equal(true);
    expect(inShadow<HTMLTextAreaElement>(el, '#comment').value).to.equal('跑了三次');
    expect(inShadow(el, '[part=submit]').textContent!.trim()).to.equal('重新提交');
    await expect(el).to.be.accessible();
    expect(await stored(caseNumber)).to.have.length(0);

    el.applicantToken = applicantToken;
    await send(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#outcome'), 'thanks', SLOW_WAIT);
    const ratings = await stored(caseNumber);
    expect(ratings).to.have.length(1);
    expect(ratings[0]).to.deep.include({ level: 'veryDissatisfied', comment: '跑了三次' });
    expect(await stored(other.caseNumber)).to.have.length(0);
  });
});
