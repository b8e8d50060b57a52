// <banshi-case-tracker> for a person the page signed in: 我的办件 (states, deadlines, cursor pages), one
// case opened with the token alone; without a token, the query-code lookup. The API's answers are scripted
// in the page as the server gives them (GET /me/cases, GET /cases/{n}, its timeline).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { BanshiCaseTracker } from './case-tracker.js';
import './define.js';
import '../provider/define.js';
import { sampleCases, sampleTimeline } from './sample-cases.js';
import type { TrackedCase } from './types.js';
import { allInShadow, inShadow, shadowText } from '../test-support/helpers.js';

const TOKEN = 'id-token-zhangli';
const first: TrackedCase = { ...sampleCases.overdue, caseNumber: '15030220261123000017' };
const second: TrackedCase = { ...sampleCases.accepted, caseNumber: '15030220261120000003' };
const third: TrackedCase = { ...sampleCases.concluded, caseNumber: '15030220261101000009' };

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The server of a signed-in person with three cases, two to a page; records each request. */
function scriptServer(): { requests: Array<{ url: string; auth: string | null }>; restore: () => void } {
  const original = window.fetch;
  const requests: Array<{ url: string; auth: string | null }> = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const auth = request.headers.get('authorization');
    requests.push({ url: url.pathname + url.search, auth });
    if (auth !== `Bearer ${TOKEN}`) return json({ title: 'x', status: 401, code: 'unauthorized' }, 401);
    if (url.pathname.endsWith('/me/cases'))
      return url.searchParams.get('cursor') === 'p2'
        ? json({ items: [third], nextCursor: null })
        : json({ items: [first, second], nextCursor: 'p2' });
    if (url.pathname.endsWith('/timeline')) return json({ items: sampleTimeline, nextCursor: null });
    const found = [first, second, third].find((c) => url.pathname.endsWith(`/cases/${c.caseNumber}`));
    return found ? json(found) : json({ title: 'x', status: 404, code: 'not_found' }, 404);
  };
  return { requests, restore: () => (window.fetch = original) };
}

async function tracker(token: string | undefined, lang = 'zh-CN'): Promise<BanshiCaseTracker> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}>
      <banshi-provider api-base="/api/v1" .tokenProvider=${async () => token}>
        <banshi-case-tracker></banshi-case-tracker>
      </banshi-provider>
    </div>`,
  );
  return wrapper.querySelector('banshi-case-tracker')!;
}

const entries = (el: Element) => allInShadow(el, '.my-case');

describe('<banshi-case-tracker> 我的办件', () => {
  let server: ReturnType<typeof scriptServer>;
  beforeEach(() => {
    server = scriptServer();
  });
  afterEach(() => server.restore());

  it('lists the signed-in person’s cases with state and deadline, a page at a time', async () => {
    const el = await tracker(TOKEN);
    await waitUntil(() => entries(el).length === 2, '我的办件 listed');
    expect(inShadow(el, 'h2').textContent).to.equal('我的办件');
    const text = entries(el)[0]!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain(first.caseNumber).and.contain('已受理，审查中').and.contain('已超期');
    expect(text).to.contain('承诺办结日期').and.contain('已超期 2 个工作日');
    await expect(el).to.be.accessible();
    allInShadow<HTMLButtonElement>(el, '.actions button')
      .find((b) => b.textContent!.includes('显示更多办件'))!
      .click();
    await waitUntil(() => entries(el).length === 3, 'the next page appended');
    expect(server.requests.map((r) => r.url)).to.deep.equal([
      '/api/v1/me/cases?limit=10',
      '/api/v1/me/cases?limit=10&cursor=p2',
    ]);
    expect(shadowText(el)).not.to.contain('显示更多办件');
  });

  it('opens one case with the token alone, and goes back to the list', async () => {
    const el = await tracker(TOKEN);
    await waitUntil(() => entries(el).length === 2, '我的办件 listed');
    inShadow<HTMLButtonElement>(el, `#my-${second.caseNumber} button`).click();
    await waitUntil(() => el.shadowRoot!.querySelector('#case-title'), 'the case shown');
    expect(shadowText(el)).to.contain(second.caseNumber).and.contain('已受理，审查中');
    const opened = server.requests.filter((r) => r.url.includes(`/cases/${second.caseNumber}`));
    expect(opened.length).to.be.at.least(2);
    for (const request of opened) {
      expect(request.auth).to.equal(`Bearer ${TOKEN}`);
      expect(request.url).not.to.contain('query');
    }
    const back = allInShadow<HTMLButtonElement>(el, '.actions button').find((b) =>
      b.textContent!.includes('返回我的办件'),
    )!;
    back.click();
    await waitUntil(() => entries(el).length === 2, 'back on the list');
  });

  it('speaks English', async () => {
    const el = await tracker(TOKEN, 'en');
    await waitUntil(() => entries(el).length === 2, 'listed');
    expect(shadowText(el)).to.contain('My applications').and.contain('Overdue by 2 working days');
  });

  it('without a token shows the query-code lookup and asks nothing of /me/cases', async () => {
    const el = await tracker(undefined);
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.shadowRoot!.querySelector('#query-code')).to.not.equal(null);
    expect(shadowText(el)).not.to.contain('我的办件');
    expect(server.requests).to.deep.equal([]);
  });

  it('lets a signed-in person look a case up by query code instead', async () => {
    const el = await tracker(TOKEN);
    await waitUntil(() => entries(el).length === 2, 'listed');
    allInShadow<HTMLButtonElement>(el, '.actions button')
      .find((b) => b.textContent!.includes('凭办件编号和查询密码查询'))!
      .click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#query-code')).to.not.equal(null);
  });
});
