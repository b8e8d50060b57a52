// <banshi-rating> with neither a case nor a window (我要评 opened on its own), against the reference server:
// it asks which service and window were used, and never sends an on-site rating without a window.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { BanshiRating } from './rating.js';
import './define.js';
import {
  focusedInShadow,
  inShadow,
  referenceServer,
  REAL_API,
  shadowText,
  SLOW_WAIT,
} from '../test-support/helpers.js';

async function choose(el: BanshiRating, id: string, value: string): Promise<void> {
  const select = inShadow<HTMLSelectElement>(el, `#${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('<banshi-rating> without a case or a window', () => {
  before(async () => {
    await referenceServer();
  });

  it('asks for the service and its window before sending, then rates that window', async () => {
    const el = await fixture<BanshiRating>(html`<banshi-rating api-base=${REAL_API}></banshi-rating>`);
    await waitUntil(
      () => el.shadowRoot!.querySelector('#service option:nth-child(2)'),
      'services listed',
      SLOW_WAIT,
    );
    inShadow<HTMLInputElement>(el, 'input[name=level][value=satisfied]').click();
    inShadow<HTMLButtonElement>(el, '[part=submit]').click();
    await waitUntil(() => focusedInShadow(el)?.id === 'errors', 'error summary', SLOW_WAIT);
    expect(inShadow(el, '#errors').textContent).to.contain('请选择您办理的服务事项');
    expect(el.shadowRoot!.querySelector('#outcome')).to.equal(null);

    // The first service with windows: its windows are offered, and the rating names the one chosen.
    const codes = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#service option')].map(
      (o) => o.value,
    );
    let windowId = '';
    for (const code of codes.filter(Boolean)) {
      await choose(el, 'service', code);
      await waitUntil(
        () => shadowText(el).includes('在哪个窗口办理') || shadowText(el).includes('没有可评价的办理窗口'),
        'windows read',
        SLOW_WAIT,
      );
      const option = el.shadowRoot!.querySelector<HTMLOptionElement>('#window option:nth-child(2)');
      if (option) {
        windowId = option.value;
        break;
      }
    }
    expect(windowId).to.not.equal('');
    await choose(el, 'window', windowId);
    const rated = oneEvent(el, 'banshi-rated');
    inShadow<HTMLButtonElement>(el, '[part=submit]').click();
    const evaluation = (await rated).detail;
    expect(evaluation.target).to.include({ kind: 'onSite', windowId });
  });
});
