// <banshi-rating mode="kiosk"> against the reference server (@banshi/server, started by web-test-runner.config.mjs and
// reached through the page's own origin at /api/v1).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { BanshiRating } from './rating.js';
import './define.js';
import {
  allInShadow,
  injectApiFault,
  inShadow,
  ratingsCounted,
  referenceServer,
  REAL_API,
  shadowText,
  UNREACHABLE_API,
  type ServerFacts,
  SLOW_WAIT,
} from '../test-support/helpers.js';
import { nextWindow, pick, send } from './test-helpers.js';

let facts: ServerFacts;

async function kiosk(apiBase: string, itemCode: string, windowId: string): Promise<BanshiRating> {
  return fixture<BanshiRating>(
    html`<banshi-rating
      mode="kiosk"
      api-base=${apiBase}
      item-code=${itemCode}
      window-id=${windowId}
      staff-id="HBW-0127"
      idle-seconds="600"
    ></banshi-rating>`,
  );
}

describe('<banshi-rating mode="kiosk"> with the reference server', () => {
  before(async () => {
    facts = await referenceServer();
  });
  afterEach(() => injectApiFault('none'));

  it('queues ratings made offline and delivers them exactly once after a reload', async function () {
    // Four kiosk loads and five deliveries: on a loaded machine WebKit needs more than mocha's 30 s, and a
    // test cut off mid-way would go on to lift the next test's injected fault.
    (this as { timeout(ms: number): void }).timeout(90000);
    const before = await ratingsCounted(facts.itemCode);
    const windowId = nextWindow();

    // Offline: the tablet's first page load cannot reach the server at all.
    const offline = await kiosk(UNREACHABLE_API, facts.itemCode, windowId);
    for (const level of ['verySatisfied', 'veryDissatisfied']) {
      await pick(offline, level);
      if (level === 'veryDissatisfied') {
        inShadow<HTMLInputElement>(offline, '#reasons input[value=repeatedVisits]').click();
      }
      const queued = oneEvent(offline, 'banshi-rating-queued');
      await send(offline);
      await queued;
      await waitUntil(() => shadowText(offline).includes('评价已保存'), 'queued notice', SLOW_WAIT);
      if (level === 'veryDissatisfied') await expect(offline).to.be.accessible();
      inShadow<HTMLButtonElement>(offline, '.panel button').click();
      await offline.updateComplete;
    }
    expect(shadowText(offline)).to.contain('待提交评价：2 条');
    await expect(offline).to.be.accessible();
    expect(await ratingsCounted(facts.itemCode)).to.equal(before);
    offline.remove();

    // Reload while the server's answers are lost on the way back: the kiosk delivers on start, the server
    // records the first rating, the tablet cannot know, keeps both and waits for its next attempt.
    await injectApiFault('lose-response');
    const unlucky = await kiosk(REAL_API, facts.itemCode, windowId);
    await waitUntil(() => shadowText(unlucky).includes('待提交评价：2 条'), 'delivery on start', SLOW_WAIT);
    expect(await ratingsCounted(facts.itemCode)).to.equal(before + 1);
    unlucky.remove();
    await injectApiFault('none');

    // Next reload, network fine: both delivered with the keys they were queued with, the first recorded once.
    const delivered: string[] = [];
    const collect = (event: HTMLElementEventMap['banshi-rated']) => delivered.push(event.detail.level);
    document.addEventListener('banshi-rated', collect);
    const online = await kiosk(REAL_API, facts.itemCode, windowId);
    await waitUntil(() => delivered.length === 2, 'both delivered', SLOW_WAIT);
    document.removeEventListener('banshi-rated', collect);
    await waitUntil(() => !shadowText(online).includes('待提交'), 'nothing waits', SLOW_WAIT);
    expect(delivered.sort()).to.deep.equal(['veryDissatisfied', 'verySatisfied']);
    expect(await ratingsCounted(facts.itemCode)).to.equal(before + 2);
    online.remove();

    // And once more: nothing left to send.
    const again = await kiosk(REAL_API, facts.itemCode, windowId);
    await again.deliverQueued();
    expect(await ratingsCounted(facts.itemCode)).to.equal(before + 2);
  });

  it('queues when the server fails and delivers on the online event', async () => {
    const before = await ratingsCounted(facts.itemCode);
    await injectApiFault('down');
    const el = await kiosk(REAL_API, facts.itemCode, nextWindow());
    await pick(el, 'satisfied');
    await send(el);
    await waitUntil(() => shadowText(el).includes('待提交评价：1 条'), 'one waiting', SLOW_WAIT);
    await injectApiFault('none');
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => !shadowText(el).includes('待提交'), 'delivered', SLOW_WAIT);
    expect(await ratingsCounted(facts.itemCode)).to.equal(before + 1);
  });

  it('keeps retrying on its own and delivers once the server is back', async () => {
    const before = await ratingsCounted(facts.itemCode);
    await injectApiFault('down');
    const el = await fixture<BanshiRating>(
      html`<banshi-rating
        mode="kiosk"
        api-base=${REAL_API}
        item-code=${facts.itemCode}
        window-id=${nextWindow()}
        retry-seconds="0.5"
        idle-seconds="600"
      ></banshi-rating>`,
    );
    await pick(el, 'verySatisfied');
    await send(el);
    await waitUntil(() => shadowText(el).includes('待提交评价：1 条'), 'one waiting', SLOW_WAIT);
    await injectApiFault('none');
    await waitUntil(() => !shadowText(el).includes('待提交'), 'delivered by the periodic retry', SLOW_WAIT);
    expect(await ratingsCounted(facts.itemCode)).to.equal(before + 1);
  });

  /** A kiosk that starts over after 0.2 s, with a level chosen and a keystroke in the comment. */
  async function touchedKiosk(): Promise<BanshiRating> {
    const el = await kiosk(REAL_API, facts.itemCode, nextWindow());
    el.idleSeconds = 0.2;
    await pick(el, 'basicallySatisfied');
    inShadow<HTMLTextAreaElement>(el, '#comment').dispatchEvent(
      new Event('input', { bubbles: true, composed: true }),
    );
    return el;
  }
  const levelChosen = (el: BanshiRating) =>
    allInShadow<HTMLInputElement>(el, 'input[name=level]').some((input) => input.checked);

  it('starts over for the next person after the idle time', async () => {
    const el = await touchedKiosk();
    await waitUntil(() => !levelChosen(el), 'reset', SLOW_WAIT);
    expect(shadowText(el)).to.contain('请您对本窗口的服务进行评价');
  });

  it('keeps its timers only while on the page: a removed kiosk does not start over', async () => {
    const el = await touchedKiosk();
    const page = el.parentElement!;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(levelChosen(el)).to.equal(true);
    page.append(el);
    await waitUntil(() => !levelChosen(el), 'reset once back on the page', SLOW_WAIT);
  });

  it('uses elder-size targets by default', async () => {
    const el = await kiosk(REAL_API, facts.itemCode, nextWindow());
    const level = allInShadow(el, '[part=level]')[0]!;
    expect(level.getBoundingClientRect().height).to.be.at.least(60);
    expect(parseFloat(getComputedStyle(level).fontSize)).to.be.at.least(18);
    await expect(el).to.be.accessible();
  });
});
