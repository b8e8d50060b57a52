// <banshi-rating-summary> against a scripted API: the figures, the red and black lists, nothing rated,
// a failure and its retry; axe in both locales and elder mode; the tables at 320 px.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BanshiRatingSummary } from './rating-summary.js';
import './define.js';
import { sampleRanking, sampleSummary } from './sample-figures.js';
import { allInShadow, focusedInShadow, inShadow, shadowText } from '../test-support/helpers.js';

type Reply = { status: number; body: unknown };

/** Answers the widget's calls by path until restored; records each request's path and query. */
function scriptedApi(replies: Record<string, Reply[]>) {
  const original = window.fetch;
  const calls: string[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api\/v1/, '');
    calls.push(path + url.search);
    const queue = replies[path] ?? [];
    const { status, body } = queue.length > 1 ? queue.shift()! : (queue[0] ?? { status: 404, body: {} });
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  };
  return { calls, restore: () => void (window.fetch = original) };
}

const posted = { status: 200, body: { current: [sampleRanking], past: [] } };

async function shown(options: { lang?: string; elder?: boolean; width?: number } = {}) {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${options.lang ?? 'zh-CN'} style=${options.width ? `width:${options.width}px` : ''}>
      <banshi-rating-summary
        api-base="/api/v1"
        department="150302-zjj"
        from="2026-01-01"
        ?elder=${options.elder ?? false}
      ></banshi-rating-summary>
    </div>`,
  );
  const el = wrapper.querySelector<BanshiRatingSummary>('banshi-rating-summary')!;
  await el.updateComplete; // in English, after its strings arrive
  await waitUntil(() => !el.shadowRoot!.querySelector('[role=status]'), 'figures shown');
  return el;
}

describe('<banshi-rating-summary>', () => {
  let api: ReturnType<typeof scriptedApi>;
  beforeEach(() => {
    api = scriptedApi({
      '/evaluations/summary': [{ status: 200, body: sampleSummary }],
      '/rating-rankings': [posted],
    });
  });
  afterEach(() => api.restore());

  it('shows satisfaction, 整改率 and 实名差评回访率 of the department and period', async () => {
    const el = await shown();
    expect(api.calls).to.include('/evaluations/summary?department=150302-zjj&from=2026-01-01');
    const figures = allInShadow(el, '.figures div').map((div) => div.textContent!.replace(/\s+/g, ''));
    expect(figures).to.deep.equal([
      '满意率99.92%',
      '差评整改率85.71%',
      '实名差评回访率100%',
      '评价总数17186',
      '差评数14',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows each red and black list as a table with its caption and period', async () => {
    const el = await shown();
    const captions = allInShadow(el, 'caption').map((caption) => caption.textContent!.trim());
    expect(captions).to.have.length(8);
    expect(captions[0]).to.equal('部门红榜（按满意率）');
    expect(captions[5]).to.equal('窗口黑榜（按满意率）');
    const windowBlack = allInShadow(el, 'table')[5]!;
    expect(
      [...windowBlack.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, '')),
    ).to.deep.equal(['1hbw-hall-b0399.34%4543']);
    expect(shadowText(el))
      .to.contain('统计期间 2026-10-01 至 2026-10-31')
      .and.contain('不足 30 条的不参加排名');
  });

  it('reads in English and in elder mode, and stays accessible', async () => {
    const el = await shown({ lang: 'en', elder: true });
    expect(shadowText(el))
      .to.contain('Bad reviews rectified')
      .and.contain('Departments: red list (best), by satisfaction');
    const size = parseFloat(getComputedStyle(inShadow(el, 'p.period')).fontSize);
    expect(size).to.be.at.least(18);
    await expect(el).to.be.accessible();
  });

  it('says so when nothing was rated and no list is posted', async () => {
    api.restore();
    api = scriptedApi({
      '/evaluations/summary': [
        {
          status: 200,
          body: {
            ...sampleSummary,
            counts: {
              verySatisfied: 0,
              satisfied: 0,
              basicallySatisfied: 0,
              dissatisfied: 0,
              veryDissatisfied: 0,
            },
            total: 0,
            satisfactionRate: null,
            badCount: 0,
            rectificationRate: null,
            callbackRate: null,
          },
        },
      ],
      '/rating-rankings': [{ status: 200, body: { current: [], past: [] } }],
    });
    const el = await shown();
    expect(shadowText(el)).to.contain('该期间还没有评价').and.contain('目前没有公布中的红黑榜');
    await expect(el).to.be.accessible();
  });

  it('offers a retry after a failure, by keyboard', async () => {
    api.restore();
    api = scriptedApi({
      '/evaluations/summary': [
        { status: 500, body: { title: 'x', status: 500 } },
        { status: 200, body: sampleSummary },
      ],
      '/rating-rankings': [posted],
    });
    const el = await shown();
    expect(inShadow(el, '[role=alert]').textContent).to.contain('暂时无法读取评价数据');
    inShadow(el, 'button').focus();
    expect(focusedInShadow(el)?.localName).to.equal('button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('.figures'), 'figures after retry');
    await expect(el).to.be.accessible();
  });

  it('keeps every table readable at 320 px: nothing wider than the screen, wide tables scroll', async () => {
    const el = await shown({ width: 320 });
    const root = inShadow(el, '[part=base]');
    expect(root.getBoundingClientRect().width).to.be.at.most(320);
    for (const box of allInShadow(el, '.scroll')) {
      expect(box.getBoundingClientRect().right).to.be.at.most(root.getBoundingClientRect().right);
      expect(getComputedStyle(box).overflowX).to.equal('auto');
      expect(box.tabIndex, 'scrolls by keyboard').to.equal(0);
      const table = box.querySelector('table')!;
      // The table keeps its full width inside the box: the text is scrolled to, never cut.
      expect(box.scrollWidth).to.be.at.least(table.getBoundingClientRect().width - 1);
    }
    for (const cell of allInShadow(el, 'dd, dt, caption'))
      expect(cell.scrollWidth, `${cell.localName} ${cell.textContent!.trim()}`).to.be.at.most(
        cell.clientWidth + 1,
      );
  });
});
