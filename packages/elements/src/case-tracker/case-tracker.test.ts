// <banshi-case-tracker> without the reference server: the lookup form, every state of a case as the
// server returns it, and the refresh schedule.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import type { BanshiCaseTracker } from './case-tracker.js';
import './define.js';
import { VisiblePoller } from './polling.js';
import { sampleCases, sampleTimeline } from './sample-cases.js';
import type { TrackedCase } from './types.js';
import { allInShadow, focusedInShadow, inShadow, shadowText } from '../test-support/helpers.js';

async function shown(
  data: TrackedCase,
  lang = 'zh-CN',
  elder = false,
  theme = 'baotou',
): Promise<BanshiCaseTracker> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}>
      <banshi-case-tracker
        theme=${theme}
        ?elder=${elder}
        .caseData=${data}
        .timeline=${sampleTimeline}
      ></banshi-case-tracker>
    </div>`,
  );
  const el = wrapper.querySelector('banshi-case-tracker')!;
  await el.updateComplete;
  return el;
}

/** Answers every request of the page with `respond` until the returned function is called. */
function answerFetch(respond: (url: string) => Response): { calls: string[]; restore: () => void } {
  const original = window.fetch;
  const calls: string[] = [];
  window.fetch = async (input: RequestInfo | URL) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push(url);
    return respond(url);
  };
  return { calls, restore: () => (window.fetch = original) };
}

describe('<banshi-case-tracker> lookup form', () => {
  it('asks for the case number and query code with visible labels and hints, and passes axe', async () => {
    const el = await fixture<BanshiCaseTracker>(html`<banshi-case-tracker></banshi-case-tracker>`);
    expect(inShadow(el, 'label[for=case-number]').textContent).to.contain('办件编号');
    expect(inShadow(el, 'label[for=query-code]').textContent).to.contain('查询密码');
    expect(inShadow(el, '#query-code').getAttribute('aria-describedby')).to.equal('query-code-hint');
    await expect(el).to.be.accessible();
  });

  it('takes the case number from its attribute but never a query code', async () => {
    const el = await fixture<BanshiCaseTracker>(
      html`<banshi-case-tracker
        case-number="15030220261123000017"
        query-code="7K3P9QWD"
      ></banshi-case-tracker>`,
    );
    expect(inShadow<HTMLInputElement>(el, '#case-number').value).to.equal('15030220261123000017');
    expect(inShadow<HTMLInputElement>(el, '#query-code').value).to.equal('');
  });

  it('lists what is wrong in a summary that takes focus, and marks each field, sending nothing', async () => {
    const net = answerFetch(() => new Response('{}', { status: 500 }));
    try {
      const el = await fixture<BanshiCaseTracker>(html`<banshi-case-tracker></banshi-case-tracker>`);
      inShadow<HTMLInputElement>(el, '#case-number').value = '1503';
      inShadow<HTMLInputElement>(el, '#query-code').value = '0O1IL';
      inShadow<HTMLButtonElement>(el, '[part=submit]').click();
      await waitUntil(() => focusedInShadow(el)?.id === 'errors', 'summary focused');
      expect(shadowText(el)).to.contain('请填写正确的办件编号').and.contain('请填写正确的查询密码');
      const code = inShadow(el, '#query-code');
      expect(code.getAttribute('aria-invalid')).to.equal('true');
      expect(code.getAttribute('aria-describedby')).to.contain('query-code-error');
      // What was typed stays.
      expect(inShadow<HTMLInputElement>(el, '#case-number').value).to.equal('1503');
      expect(inShadow<HTMLInputElement>(el, '#query-code').value).to.equal('0O1IL');
      allInShadow<HTMLAnchorElement>(el, '#errors a')[1]!.click();
      await waitUntil(() => focusedInShadow(el)?.id === 'query-code', 'link focuses the field');
      expect(net.calls).to.deep.equal([]);
      await expect(el).to.be.accessible();
    } finally {
      net.restore();
    }
  });

  it('explains a rate limit with the wait, sends the code only in a header, and keeps what was typed', async () => {
    const headers: string[] = [];
    const original = window.fetch;
    window.fetch = async (input: RequestInfo | URL) => {
      const request = input as Request;
      headers.push(request.headers.get('x-query-code') ?? '');
      expect(request.url).not.to.contain('7K3P');
      return new Response(JSON.stringify({ status: 429, code: 'rate_limited', title: 'Too many' }), {
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '540' },
      });
    };
    try {
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="en"><banshi-case-tracker api-base="/api/v1"></banshi-case-tracker></div>`,
      );
      const el = wrapper.querySelector('banshi-case-tracker')!;
      await el.updateComplete;
      inShadow<HTMLInputElement>(el, '#case-number').value = '15030220261123000017';
      inShadow<HTMLInputElement>(el, '#query-code').value = '7k3p-9qwd';
      inShadow<HTMLButtonElement>(el, '[part=submit]').click();
      await waitUntil(() => focusedInShadow(el)?.id === 'problem', 'problem focused');
      expect(shadowText(el)).to.contain('Too many unsuccessful attempts').and.contain('try again in 9 min');
      expect(headers).to.deep.equal(['7K3P9QWD']);
      expect(inShadow<HTMLInputElement>(el, '#query-code').value).to.equal('7k3p-9qwd');
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = original;
    }
  });
});

describe('<banshi-case-tracker> showing a case', () => {
  it('says the status in words, the deadline and the working days left, and masks the ID number', async () => {
    const el = await shown(sampleCases.accepted);
    const text = shadowText(el);
    expect(inShadow(el, '[part=status]').textContent).to.contain('已受理，审查中');
    expect(text).to.contain('2026年12月15日').and.contain('剩余 13 个工作日');
    expect(allInShadow(el, 'dd')[2]!.textContent!.trim()).to.equal('1503**********3015');
    expect(text).to.not.contain('已超期');
  });

  it('marks an overdue case in words, not by colour alone', async () => {
    const el = await shown(sampleCases.overdue);
    expect(inShadow(el, '[part=status]').textContent).to.contain('已超期');
    expect(shadowText(el)).to.contain('已超期 2 个工作日');
  });

  it('masks an ID number that arrives unmasked', async () => {
    const applicant = { ...sampleCases.accepted.applicant, maskedIdNumber: '150302199001011234' };
    const el = await shown({ ...sampleCases.accepted, applicant } as TrackedCase);
    expect(shadowText(el)).to.contain('1503**********1234').and.not.contain('150302199001011234');
  });

  it('shows every step with its office, time and opinion, oldest first', async () => {
    const el = await shown(sampleCases.accepted);
    const steps = allInShadow(el, '[part=timeline] li').map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(steps).to.have.length(2);
    expect(steps[0]).to.contain('提交申请').and.contain('申请人');
    expect(steps[1]).to.contain('受理').and.contain('海勃湾区政务服务中心 A12 窗口').and.contain('高敏');
    expect(steps[1]).to.contain('意见：材料齐全，符合法定形式，予以受理。').and.contain('2026');
  });

  it('lists exactly what the office asked to be corrected, with an upload for each material', async () => {
    const el = await shown(sampleCases.correctionRequested);
    const items = allInShadow(el, '.missing > li').map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(items).to.have.length(2);
    expect(items[0]).to.contain('收入证明').and.contain('未加盖单位公章');
    expect(items[1]).to.contain('现住房情况');
    expect(allInShadow(el, '.missing input[type=file]')).to.have.length(1);
    expect(shadowText(el)).to.contain('请于 2026年12月1日 前提交补正');
  });

  it('asks for a file before sending a correction', async () => {
    const el = await shown(sampleCases.correctionRequested);
    inShadow<HTMLButtonElement>(el, '#correction [part=submit]').click();
    await waitUntil(() => focusedInShadow(el)?.id === 'errors', 'summary focused');
    expect(shadowText(el)).to.contain('请为“收入证明”选择要上传的文件');
    expect(inShadow(el, '#file-income-proof').getAttribute('aria-invalid')).to.equal('true');
  });

  it('says how to collect the result: at the window, or mailed with the tracking number', async () => {
    expect(shadowText(await shown(sampleCases.concluded))).to.contain(
      '请携带本人有效身份证件到 海勃湾区住房和城乡建设局 领取办理结果',
    );
    const mailed = shadowText(await shown(sampleCases.mailed));
    expect(mailed).to.contain('中国邮政 EMS').and.contain('运单号 1187654321098');
    expect(mailed).to.contain('海住保〔2026〕第 1187 号');
  });

  it('gives the reason of a refusal', async () => {
    expect(shadowText(await shown(sampleCases.rejected)))
      .to.contain('不予受理')
      .and.contain('不属于本机关职权范围');
    expect(shadowText(await shown(sampleCases.suspended))).to.contain('需组织专家评审');
  });

  for (const [name, data] of Object.entries(sampleCases)) {
    it(`passes axe for a ${name} case in zh-CN, en and elder mode, in both district themes`, async () => {
      await expect(await shown(data)).to.be.accessible();
      const en = await shown(data, 'en');
      expect(inShadow(en, '[part=status]').textContent).to.not.match(/[\u4e00-\u9fff]/);
      await expect(en).to.be.accessible();
      const elder = await shown(data, 'zh-CN', true, 'haibowan');
      const button = allInShadow(elder, 'button').at(-1)!;
      expect(button.getBoundingClientRect().height).to.be.at.least(60);
      expect(parseFloat(getComputedStyle(inShadow(elder, 'dd')).fontSize)).to.be.at.least(18);
      await expect(elder).to.be.accessible();
      await expect(await shown(data, 'en', true, 'haibowan')).to.be.accessible();
    });
  }
});

/** The smallest Lit host, to watch a controller follow the element's connection. */
class PollTestHost extends ReactiveElement {}
customElements.define('poll-test-host', PollTestHost);

describe('VisiblePoller', () => {
  const hidden = (value: boolean) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (value ? 'hidden' : 'visible'),
    });
    document.dispatchEvent(new Event('visibilitychange'));
  };
  afterEach(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('doubles the interval while nothing changes, up to the cap, and starts over on a change', async () => {
    const answers = [false, false, false, true, false];
    const used: number[] = [];
    const host = await fixture(html`<div>visible</div>`);
    const poller: VisiblePoller = new VisiblePoller(
      host,
      async () => {
        used.push(poller.delay);
        return answers.shift() ?? false;
      },
      0.01,
      0.04,
    );
    poller.start();
    await waitUntil(() => used.length >= 5, 'five refreshes');
    poller.stop();
    expect(used.slice(0, 5)).to.deep.equal([0.01, 0.02, 0.04, 0.04, 0.01]);
  });

  it('does not refresh while the page is hidden, and refreshes at once when it is shown again', async () => {
    let refreshes = 0;
    const host = await fixture(html`<div>visible</div>`);
    const poller = new VisiblePoller(host, async () => (refreshes++, false), 0.02, 0.02);
    poller.start();
    await waitUntil(() => refreshes > 0, 'first refresh');
    hidden(true);
    const whileHidden = refreshes;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(refreshes).to.equal(whileHidden);
    poller.delay = 60;
    hidden(false);
    await waitUntil(() => refreshes > whileHidden, 'refreshed on showing');
    poller.stop();
  });

  it('pauses while its host element is out of the document and resumes when it is back', async () => {
    let refreshes = 0;
    const page = await fixture<HTMLElement>(html`<div><poll-test-host></poll-test-host></div>`);
    const host = page.querySelector<PollTestHost>('poll-test-host')!;
    const poller = new VisiblePoller(host, async () => (refreshes++, false), 0.02, 0.02);
    poller.start();
    await waitUntil(() => refreshes > 0, 'first refresh');
    host.remove();
    const whileRemoved = refreshes;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(refreshes).to.equal(whileRemoved);
    page.append(host);
    await waitUntil(() => refreshes > whileRemoved, 'refreshing again once back');
    poller.stop();
  });

  it('does not refresh while its element is scrolled out of view, and refreshes when it comes back', async () => {
    let refreshes = 0;
    const page = await fixture<HTMLElement>(
      html`<div style="height: 200px; overflow: auto">
        <div style="height: 3000px"></div>
        <div id="host">tracker</div>
      </div>`,
    );
    const host = page.querySelector('#host')!;
    const poller = new VisiblePoller(host, async () => (refreshes++, false), 0.02, 0.02);
    poller.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(refreshes).to.equal(0);
    host.scrollIntoView();
    await waitUntil(() => refreshes > 0, 'refreshed once in view');
    poller.stop();
  });
});
