// <banshi-case-tracker> showing a 一件事 bundle as one case: each member item with its department and state,
// and the state of the whole; in both languages and in elder mode in a 320 px column.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { BanshiCaseTracker } from './case-tracker.js';
import './define.js';
import { sampleCases, sampleTimeline } from './sample-cases.js';
import { allInShadow, inShadow } from '../test-support/helpers.js';

const bundle = sampleCases.bundle;

async function shown(lang: string, elder = false): Promise<BanshiCaseTracker> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang} style="width: 320px">
      <banshi-case-tracker
        ?elder=${elder}
        .caseData=${bundle}
        .timeline=${sampleTimeline}
      ></banshi-case-tracker>
    </div>`,
  );
  const el = wrapper.querySelector('banshi-case-tracker')!;
  // The members' list is a chunk of its own, loaded the first time a bundle is shown.
  await waitUntil(() => el.shadowRoot!.querySelector('[part=bundle]'), 'bundle shown');
  return el;
}

describe('<banshi-case-tracker> a 一件事 bundle', () => {
  it('lists each member item with its department and state, and the state of the whole', async () => {
    const el = await shown('zh-CN');
    const list = inShadow(el, '[part=bundle] ul');
    expect(list.getAttribute('aria-labelledby')).to.equal('bundle-title');
    expect(inShadow(el, '#bundle-title').textContent).to.contain('一件事');
    const members = allInShadow(el, '[part=bundle] li').map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(members).to.have.length(4);
    expect(members[0])
      .to.contain('出生医学证明首次签发')
      .and.contain('海勃湾区卫生健康委员会')
      .and.contain('已办结');
    expect(members[1]).to.contain('出生登记').and.contain('乌海市公安局海勃湾区分局').and.contain('不予受理');
    expect(members[2]).to.contain('已受理').and.contain('2026年11月27日');
    expect(members[3]).to.contain('海勃湾区人力资源和社会保障局').and.contain('已收件');
    const whole = inShadow(el, '[part=bundle]').textContent!.replace(/\s+/g, ' ');
    expect(whole).to.contain('各部门并联办理中').and.contain('共 4 项，已办完 2 项');
    expect(inShadow(el, '[part=bundle] [part=notice]').textContent).to.contain('其中 1 项未能办理');
    await expect(el).to.be.accessible();
  });

  it('says it in English', async () => {
    const el = await shown('en');
    const whole = inShadow(el, '[part=bundle]').textContent!.replace(/\s+/g, ' ');
    expect(whole).to.contain('Items of this one-stop bundle').and.contain('2 of 4 items done');
    expect(inShadow(el, '[part=bundle] li .badge').textContent).to.not.match(/[\u4e00-\u9fff]/);
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px column in elder mode without sideways scrolling', async () => {
    const el = await shown('zh-CN', true);
    const base = el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;
    expect(base.scrollWidth).to.be.at.most(320);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});
