// The receipt's way back to the tracker: a link and an SVG QR code with the case number, never the query code.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { encode } from 'uqr';
import type { BanshiApplicationForm } from './application-form.js';
import './define.js';
import type { CaseCreated } from './types.js';

const CASE = '15030220261206000042';
const QUERY = '7K3P9QWD';

/** A form showing its confirmation, as after a successful submission. */
async function confirmed(trackerUrl: string): Promise<BanshiApplicationForm> {
  const el = await fixture<BanshiApplicationForm>(
    html`<banshi-application-form tracker-url=${trackerUrl}></banshi-application-form>`,
  );
  const result = {
    caseNumber: CASE,
    queryCode: QUERY,
    case: { itemName: '公共租赁住房申请', submittedAt: '2026-12-06T02:05:00Z', materials: [] },
  } as unknown as CaseCreated;
  // The receipt's code loads with the first submit; a confirmation restored from a draft has it too.
  const submission = await import('./submission.js');
  Object.assign(el, {
    result,
    phase: 'done',
    step: 'done',
    submission,
    laterMessages: submission.laterMessages,
  });
  el.requestUpdate();
  await el.updateComplete;
  return el;
}

describe('<banshi-application-form> receipt', () => {
  it('links to the tracker with the case number only, and carries it as an SVG QR code', async () => {
    const el = await confirmed('/track.html?case={caseNumber}');
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('svg.qr path'), 'QR code', { timeout: 5000 });
    const expected = new URL(`/track.html?case=${CASE}`, location.href).href;
    expect(root.querySelector<HTMLAnchorElement>('.tracker a')!.href).to.equal(expected);
    const qr = root.querySelector('svg.qr')!;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.equal('查询办理进度的二维码');
    // The drawn modules are exactly those of the tracker's address: no query code in it.
    const { data } = encode(expected, { ecc: 'M', border: 2 });
    const dark = data.flat().filter(Boolean).length;
    expect(qr.querySelector('path')!.getAttribute('d')!.split('M').length - 1).to.equal(dark);
    expect(root.querySelector('.tracker')!.textContent).not.to.include(QUERY);
    expect(root.querySelector('canvas')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows neither link nor QR code without a tracking page', async () => {
    const el = await confirmed('');
    expect(el.shadowRoot!.querySelector('.tracker, svg.qr')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.include(CASE);
  });
});
