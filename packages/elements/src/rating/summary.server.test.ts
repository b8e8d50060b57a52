// <banshi-rating mode="summary"> against the reference server (@banshi/server, started by web-test-runner.config.mjs and
// reached through the page's own origin at /api/v1).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { BanshiRating } from './rating.js';
import './define.js';
import {
  allInShadow,
  inShadow,
  referenceServer,
  REAL_API,
  shadowText,
  UNREACHABLE_API,
  type ServerFacts,
  SLOW_WAIT,
} from '../test-support/helpers.js';

let facts: ServerFacts;

describe('<banshi-rating mode="summary"> with the reference server', () => {
  before(async () => {
    facts = await referenceServer();
  });

  it('shows the satisfaction rate and a table of every level, matching the API', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating mode="summary" api-base=${REAL_API} item-code=${facts.itemCode}></banshi-rating>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'table', SLOW_WAIT);
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
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'table', SLOW_WAIT);
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
    await waitUntil(() => shadowText(el).includes('满意度数据加载失败'), 'failure', SLOW_WAIT);
    el.apiBase = REAL_API;
    inShadow<HTMLButtonElement>(el, '.panel button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'table after retry', SLOW_WAIT);
  });
});
