// <banshi-rating> against the reference server (@banshi/server, started by web-test-runner.config.mjs and
// reached through the page's own origin at /api/v1).
import { createClient, type components } from '@banshi/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BanshiRating } from './rating.js';
import './define.js';
import {
  allInShadow,
  createConcludedCase,
  focusedInShadow,
  injectApiFault,
  inShadow,
  ratingsCounted,
  referenceServer,
  REAL_API,
  shadowText,
  staffToken,
  UNREACHABLE_API,
  type ServerFacts,
} from '../test-support/helpers.js';

const LONG = { timeout: 15000 };
let facts: ServerFacts;
let windowNumber = 0;
const nextWindow = () => `test-window-${Date.now()}-${++windowNumber}`;

async function pick(el: BanshiRating, level: string) {
  inShadow<HTMLInputElement>(el, `input[name=level][value=${level}]`).click();
  await el.updateComplete;
}

async function send(el: BanshiRating) {
  inShadow<HTMLButtonElement>(el, '[part=submit]').click();
  await el.updateComplete;
}

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
    await waitUntil(() => el.shadowRoot!.querySelector('#outcome'), 'thanks', LONG);
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
    await waitUntil(() => focusedInShadow(el)?.id === 'outcome', 'focus on the thanks', LONG);
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
    await waitUntil(() => shadowText(el).includes('评价未能提交'), 'failure shown', LONG);
    expect(await ratingsCounted(facts.itemCode)).to.equal(before + 1);
    await injectApiFault('none');
    expect(inShadow<HTMLInputElement>(el, 'input[value=satisfied]').checked).to.equal(true);
    await send(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#outcome'), 'thanks after retry', LONG);
    expect(await ratingsCounted(facts.itemCode)).to.equal(before + 1);
  });

  it('rates a case once; a second rating shows the one that exists (一事一评, 409)', async () => {
    const { caseNumber, queryCode } = await createConcludedCase();
    const first = await fixture<BanshiRating>(html`<banshi-rating api-base=${REAL_API}></banshi-rating>`);
    first.caseNumber = caseNumber;
    first.queryCode = queryCode;
    await pick(first, 'satisfied');
    await send(first);
    await waitUntil(() => first.shadowRoot!.querySelector('#outcome'), 'thanks', LONG);

    const second = await fixture<BanshiRating>(html`<banshi-rating api-base=${REAL_API}></banshi-rating>`);
    second.caseNumber = caseNumber;
    second.queryCode = queryCode;
    await pick(second, 'veryDissatisfied');
    inShadow<HTMLInputElement>(second, '#reasons input[value=slowProcessing]').click();
    await send(second);
    await waitUntil(() => shadowText(second).includes('该办件已评价过'), 'already rated', LONG);
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
    await waitUntil(() => shadowText(el).includes('评价未能提交'), 'refusal shown', LONG);
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
    await waitUntil(() => el.shadowRoot!.querySelector('#outcome'), 'thanks', LONG);
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
    await waitUntil(() => shadowText(el).includes('评价未能提交'), 'refusal shown', LONG);
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
    await waitUntil(() => el.shadowRoot!.querySelector('#outcome'), 'thanks', LONG);
    const ratings = await stored(caseNumber);
    expect(ratings).to.have.length(1);
    expect(ratings[0]).to.deep.include({ level: 'veryDissatisfied', comment: '跑了三次' });
    expect(await stored(other.caseNumber)).to.have.length(0);
  });
});

describe('<banshi-rating mode="kiosk"> with the reference server', () => {
  before(async () => {
    facts = await referenceServer();
  });
  afterEach(() => injectApiFault('none'));

  it('queues ratings made offline and delivers them exactly once after a reload', async () => {
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
      await waitUntil(() => shadowText(offline).includes('评价已保存'), 'queued notice', LONG);
      if (level === 'veryDissatisfied') await expect(offline).to.be.accessible();
      inShadow<HTMLButtonElement>(offline, '.panel button').click();
      await offline.updateComplete;
    }
    expect(shadowText(offline)).to.contain('待提交评价：2 条');
    await expect(offline).to.be.accessible();
    expect(await ratingsCounted(facts.itemCode)).to.equal(before);
    offline.remove();

    // Reload while the server's answers are lost on the way back: the server records both, the tablet
    // cannot know and keeps them.
    await injectApiFault('lose-response');
    const unlucky = await kiosk(REAL_API, facts.itemCode, windowId);
    await unlucky.deliverQueued();
    expect(shadowText(unlucky)).to.contain('待提交评价：2 条');
    expect(await ratingsCounted(facts.itemCode)).to.equal(before + 2);
    unlucky.remove();
    await injectApiFault('none');

    // Next reload, network fine: delivered again with the same keys, recorded once in all.
    const delivered: string[] = [];
    const collect = (event: HTMLElementEventMap['banshi-rated']) => delivered.push(event.detail.level);
    document.addEventListener('banshi-rated', collect);
    const online = await kiosk(REAL_API, facts.itemCode, windowId);
    await waitUntil(() => delivered.length === 2, 'both delivered', LONG);
    document.removeEventListener('banshi-rated', collect);
    await waitUntil(() => !shadowText(online).includes('待提交'), 'nothing waits', LONG);
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
    await waitUntil(() => shadowText(el).includes('待提交评价：1 条'), 'one waiting', LONG);
    await injectApiFault('none');
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => !shadowText(el).includes('待提交'), 'delivered', LONG);
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
    await waitUntil(() => shadowText(el).includes('待提交评价：1 条'), 'one waiting', LONG);
    await injectApiFault('none');
    await waitUntil(() => !shadowText(el).includes('待提交'), 'delivered by the periodic retry', LONG);
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
    await waitUntil(() => !levelChosen(el), 'reset', LONG);
    expect(shadowText(el)).to.contain('请您对本窗口的服务进行评价');
  });

  it('keeps its timers only while on the page: a removed kiosk does not start over', async () => {
    const el = await touchedKiosk();
    const page = el.parentElement!;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(levelChosen(el)).to.equal(true);
    page.append(el);
    await waitUntil(() => !levelChosen(el), 'reset once back on the page', LONG);
  });

  it('uses elder-size targets by default', async () => {
    const el = await kiosk(REAL_API, facts.itemCode, nextWindow());
    const level = allInShadow(el, '[part=level]')[0]!;
    expect(level.getBoundingClientRect().height).to.be.at.least(60);
    expect(parseFloat(getComputedStyle(level).fontSize)).to.be.at.least(18);
    await expect(el).to.be.accessible();
  });
});

describe('<banshi-rating mode="summary"> with the reference server', () => {
  before(async () => {
    facts = await referenceServer();
  });

  it('shows the satisfaction rate and a table of every level, matching the API', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating mode="summary" api-base=${REAL_API} item-code=${facts.itemCode}></banshi-rating>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'table', LONG);
    const figures = (await (
      await fetch(`${REAL_API}/evaluations/summary?item=${facts.itemCode}`)
    ).json()) as {
      counts: Record<string, number>;
      total: number;
    };
    const rows = allInShadow<HTMLTableRowElement>(el, 'tbody tr').map((row) => [
      row.cells[0]!.textContent!.trim(),
      Number(row.cells[1]!.textContent),
    ]);
    expect(rows).to.deep.equal([
      ['非常满意', figures.counts.verySatisfied],
      ['满意', figures.counts.satisfied],
      ['基本满意', figures.counts.basicallySatisfied],
      ['不满意', figures.counts.dissatisfied],
      ['非常不满意', figures.counts.veryDissatisfied],
    ]);
    expect(shadowText(el)).to.contain(`共 ${figures.total} 条评价`);
    await expect(el).to.be.accessible();
  });

  it('is in English under lang="en" and passes axe', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en">
        <banshi-rating mode="summary" api-base=${REAL_API} item-code=${facts.itemCode}></banshi-rating>
      </div>`,
    );
    const el = wrapper.querySelector('banshi-rating')!;
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'table', LONG);
    expect(shadowText(el)).to.contain('Satisfaction rate').and.contain('Very satisfied');
    await expect(el).to.be.accessible();
  });

  it('offers a retry when the figures cannot be loaded', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating
        mode="summary"
        api-base=${UNREACHABLE_API}
        item-code=${facts.itemCode}
      ></banshi-rating>`,
    );
    await waitUntil(() => shadowText(el).includes('满意度数据加载失败'), 'failure', LONG);
    el.apiBase = REAL_API;
    inShadow<HTMLButtonElement>(el, '.panel button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'table after retry', LONG);
  });
});
