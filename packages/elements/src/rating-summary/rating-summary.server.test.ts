// <banshi-rating-summary> against the reference server (@banshi/server, started by web-test-runner.config.mjs
// and reached through the page's own origin at /api/v1): the figures it shows are the server's, and the
// 红黑榜 a member of staff publishes appears, readable at 320 px.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { BanshiRatingSummary } from './rating-summary.js';
import './define.js';
import {
  allInShadow,
  inShadow,
  referenceServer,
  REAL_API,
  shadowText,
  staffToken,
  SLOW_WAIT,
} from '../test-support/helpers.js';

const observe = { 'x-banshi-test': 'observe' };

async function rate(itemCode: string, windowId: string, level: string): Promise<void> {
  const response = await fetch(`${REAL_API}/evaluations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      target: { kind: 'onSite', itemCode, windowId, staffId: 'WTR-01' },
      level,
      ...(level === 'dissatisfied' ? { reasons: ['repeatedVisits'] } : {}),
      channel: 'hallTablet',
      anonymous: true,
    }),
  });
  expect(response.status, await response.clone().text()).to.equal(201);
}

async function widget(department: string, width = 0): Promise<BanshiRatingSummary> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang="zh-CN" style=${width ? `width:${width}px` : ''}>
      <banshi-rating-summary api-base=${REAL_API} department=${department}></banshi-rating-summary>
    </div>`,
  );
  const el = wrapper.querySelector<BanshiRatingSummary>('banshi-rating-summary')!;
  await waitUntil(() => el.shadowRoot!.querySelector('.figures, .empty'), 'figures shown', SLOW_WAIT);
  return el;
}

describe('<banshi-rating-summary> with the reference server', () => {
  let department = '';

  before(async () => {
    const { itemCode } = await referenceServer();
    const item = (await (await fetch(`${REAL_API}/items/${itemCode}`)).json()) as {
      department: { id: string };
    };
    department = item.department.id;
    const windowId = `wtr-summary-${Date.now()}`;
    await rate(itemCode, windowId, 'verySatisfied');
    await rate(itemCode, windowId, 'dissatisfied');
  });

  it("shows the department's satisfaction, 整改率 and 实名差评回访率 as the server counts them", async () => {
    const response = await fetch(`${REAL_API}/evaluations/summary?department=${department}`, {
      headers: observe,
    });
    const summary = (await response.json()) as Record<string, number | null>;
    expect(summary.total).to.be.at.least(2);
    const el = await widget(department);
    const percent = (rate: number | null) =>
      rate === null
        ? '—'
        : new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 2 }).format(rate);
    const shown = Object.fromEntries(
      allInShadow(el, '.figures div').map((div) => [
        div.className,
        div.querySelector('dd')!.textContent!.trim(),
      ]),
    );
    expect(shown).to.deep.equal({
      satisfaction: percent(summary.satisfactionRate!),
      rectification: percent(summary.rectificationRate!),
      callback: percent(summary.callbackRate!),
      total: String(summary.total),
      bad: String(summary.badCount),
    });
    await expect(el).to.be.accessible();
  });

  it('shows a 红黑榜 a member of staff published, readable at 320 px', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const published = await fetch(`${REAL_API}/rating-rankings`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
        authorization: `Bearer ${await staffToken()}`,
      },
      body: JSON.stringify({ from: '2026-01-01', to: today }),
    });
    expect(published.status, await published.clone().text()).to.equal(201);
    const el = await widget(department, 320);
    await waitUntil(() => el.shadowRoot!.querySelector('.ranking'), 'lists shown', SLOW_WAIT);
    expect(shadowText(el)).to.contain(`统计期间 2026-01-01 至 ${today}`);
    const root = inShadow(el, '[part=base]').getBoundingClientRect();
    expect(root.width).to.be.at.most(320);
    for (const box of allInShadow(el, '.scroll'))
      expect(box.getBoundingClientRect().right).to.be.at.most(root.right + 0.5);
    await expect(el).to.be.accessible();
  });
});
