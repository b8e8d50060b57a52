// <banshi-case-tracker> and the written decisions (不予受理, 不予许可; 行政许可法 §38) and 撤销 after an
// untrue commitment, as the reference server returns them.
import { expect, fixture, html } from '@open-wc/testing';
import type { BanshiCaseTracker } from './case-tracker.js';
import './define.js';
import { sampleCases, sampleTimeline } from './sample-cases.js';
import type { TrackedCase } from './types.js';
import { inShadow, shadowText } from '../test-support/helpers.js';

async function shown(data: TrackedCase, lang = 'zh-CN'): Promise<BanshiCaseTracker> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}>
      <header id="site-header">海勃湾区人民政府</header>
      <banshi-case-tracker .caseData=${data} .timeline=${sampleTimeline}></banshi-case-tracker>
    </div>`,
  );
  const el = wrapper.querySelector('banshi-case-tracker')!;
  await el.updateComplete;
  return el;
}

describe('<banshi-case-tracker> written decisions', () => {
  it('shows a 不予许可 with its number, reasons and where and how long to challenge it', async () => {
    const el = await shown(sampleCases.denied);
    const text = shadowText(el);
    expect(text).to.include('文书编号：不许字〔2026〕第17号');
    expect(text).to.include('家庭人均月收入超过规定标准。');
    expect(text).to.include('60日内向海勃湾区人民政府申请行政复议');
    expect(text).to.include('6个月内向海勃湾区人民法院提起行政诉讼');
    await expect(el).to.be.accessible();
  });

  it('says the same in English', async () => {
    const el = await shown(sampleCases.rejected, 'en');
    const text = shadowText(el);
    expect(text).to.include('Document number: 不受字〔2026〕第3号');
    expect(text).to.include('administrative reconsideration within 60 days');
  });

  it('prints the decision alone as a document, and shows the case again afterwards', async () => {
    const el = await shown(sampleCases.denied);
    const seen: { marked?: boolean; document?: string; printing?: boolean } = {};
    const original = window.print;
    window.print = () => {
      seen.marked = el.hasAttribute('data-banshi-printing');
      seen.document = el.shadowRoot!.querySelector('.decision-document')?.textContent ?? '';
      seen.printing = el.shadowRoot!.querySelector('section')!.classList.contains('printing-decision');
    };
    try {
      inShadow<HTMLButtonElement>(el, '[part=decision] button').click();
      for (let i = 0; i < 50 && seen.marked === undefined; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      window.print = original;
    }
    expect(seen.marked).to.equal(true);
    expect(seen.printing).to.equal(true);
    expect(seen.document).to.include('不予许可决定书');
    expect(seen.document).to.include('不许字〔2026〕第17号');
    expect(seen.document).to.include('张丽');
    expect(seen.document).to.include('海勃湾区人民法院');
    dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(el.hasAttribute('data-banshi-printing')).to.equal(false);
    expect(el.shadowRoot!.querySelector('.decision-document')).to.equal(null);
  });

  it('offers no print for an approval', async () => {
    const el = await shown(sampleCases.approved);
    expect(el.shadowRoot!.querySelector('[part=decision] button')).to.equal(null);
  });
});

describe('<banshi-case-tracker> revoked after an untrue commitment', () => {
  it('shows the revocation, its reason and the credit record', async () => {
    const el = await shown(sampleCases.revoked);
    const text = shadowText(el);
    expect(inShadow(el, '.badge.state-revoked').textContent).to.include('已撤销');
    expect(text).to.include('告知承诺经核查不实');
    expect(text).to.include('核查发现申请人在本市另有住房。');
    expect(text).to.include('已记入申请人的信用记录');
    await expect(el).to.be.accessible();
  });
});
