// <banshi-case-tracker> against the reference server (@banshi/server, started by web-test-runner.config.mjs
// and reached through the page's own origin at /api/v1). Cases are created through @banshi/sdk and moved
// by staff transitions through the API, as an office's back-office system would.
import { createClient, type components } from '@banshi/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BanshiCaseTracker } from './case-tracker.js';
import './define.js';
// Bundled beside the tracker here, as in banshi.js; the CDN test below loads it on demand instead.
import '../rating/define.js';
import {
  allInShadow,
  focusedInShadow,
  inShadow,
  REAL_API,
  referenceServer,
  shadowText,
  staffToken,
  SLOW_WAIT,
} from '../test-support/helpers.js';

type CaseCreated = components['schemas']['CaseCreated'];

const API = new URL(REAL_API, location.origin).href;
const applicantApi = createClient({ baseUrl: API });
// A named member of staff, signed in at the test identity provider the reference server trusts.
const staffApi = createClient({ baseUrl: API, tokenProvider: staffToken });
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Applies for 高龄津贴领取资格认证 (a seeded item; its ID card comes from the e-licence library) through the SDK. */
async function apply(): Promise<CaseCreated> {
  const page = await applicantApi.items.list({ q: '高龄津贴领取资格认证' });
  const item = page.items.find((found) => found.name.includes('高龄津贴领取资格认证'));
  if (!item) throw new Error('The seed item 高龄津贴领取资格认证 is missing from the reference server.');
  const idNumber = '150302194503120021';
  return applicantApi.cases.create({
    itemCode: item.code,
    formVersion: '1.0.0',
    applicant: { kind: 'person', name: '王秀兰', idType: 'residentIdCard', idNumber, mobile: '13947312345' },
    situationAnswers: { 'applicant-role': 'self' },
    formData: {
      senior: {
        name: '王秀兰',
        idNumber,
        community: 'hexie',
        address: {
          regionCode: '150302',
          regionNames: ['内蒙古自治区', '乌海市', '海勃湾区'],
          street: '新华街道和谐社区 5 号楼',
        },
      },
      living: { status: 'home' },
    },
    materials: [{ materialId: 'id-card', provision: 'eLicence' }],
    commitmentAccepted: true,
    delivery: { method: 'window' },
  });
}

/** Types the pair into the tracker's form with the keyboard and presses Enter. */
async function lookUp(el: BanshiCaseTracker, caseNumber: string, queryCode: string): Promise<void> {
  inShadow(el, '#case-number').focus();
  await sendKeys({ type: caseNumber });
  await sendKeys({ press: 'Tab' });
  expect(focusedInShadow(el)?.id).to.equal('query-code');
  await sendKeys({ type: queryCode });
  await sendKeys({ press: 'Enter' });
}

const statusText = (el: BanshiCaseTracker) => inShadow(el, '[part=status]').textContent!.replace(/\s+/g, ' ');
const waitForState = (el: BanshiCaseTracker, words: string) =>
  waitUntil(
    () => el.shadowRoot!.querySelector('[part=status]')?.textContent?.includes(words),
    words,
    SLOW_WAIT,
  );

describe('<banshi-case-tracker> with the reference server', () => {
  before(async () => {
    await referenceServer();
  });

  it('follows a case from submission to rating: each state as it happens, one correction, rated once', async function () {
    (this as { timeout(ms: number): void }).timeout(90000);
    const created = await apply();
    const number = created.caseNumber;
    const el = await fixture<BanshiCaseTracker>(
      html`<banshi-case-tracker api-base=${REAL_API} poll-seconds="0.25"></banshi-case-tracker>`,
    );
    // Typed as people copy it from paper: lower case, with a dash.
    const typed = `${created.queryCode.slice(0, 4).toLowerCase()}-${created.queryCode.slice(4)}`;
    const loaded = oneEvent(el, 'banshi-case-loaded');
    await lookUp(el, number, typed);
    expect((await loaded).detail.caseNumber).to.equal(number);
    await waitForState(el, '已收件');
    expect(focusedInShadow(el)?.id).to.equal('case-title');
    expect(shadowText(el)).to.contain('高龄津贴领取资格认证').and.contain('1503**********0021');
    expect(shadowText(el)).to.not.contain('150302194503120021');

    // The office asks for a correction, listing everything at once; the tracker shows it by itself.
    await staffApi.cases.transition(number, {
      action: 'requestCorrection',
      items: [
        {
          materialId: 'id-card',
          name: '老年人居民身份证',
          reason: '电子证照调取失败，请上传身份证正反面照片。',
        },
        { name: '居住地址', reason: '地址缺少门牌号，请在补正说明中写明。' },
      ],
      deadline: '2026-12-31',
      note: '请在期限内补正。',
    });
    await waitForState(el, '待补正');
    const missing = allInShadow(el, '.missing > li').map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(missing).to.have.length(2);
    expect(missing[0]).to.contain('老年人居民身份证').and.contain('电子证照调取失败');
    expect(missing[1]).to.contain('居住地址').and.contain('缺少门牌号');
    await expect(el).to.be.accessible();

    // Upload the file, then send the correction with a double click: it is recorded once.
    const input = inShadow<HTMLInputElement>(el, '#file-id-card');
    const files = new DataTransfer();
    files.items.add(new File([pdf], '身份证正反面.pdf', { type: 'application/pdf' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => shadowText(el).includes('已上传：身份证正反面.pdf'), 'uploaded', SLOW_WAIT);
    inShadow<HTMLTextAreaElement>(el, '#correction-note').value = '和谐社区 5 号楼 2 单元 301 室';
    const corrected = oneEvent(el, 'banshi-correction-submitted');
    const submit = inShadow<HTMLButtonElement>(el, '#correction [part=submit]');
    submit.click();
    submit.click();
    expect((await corrected).detail.state).to.equal('submitted');
    await waitForState(el, '已收件');
    expect(shadowText(el)).to.contain('补正已提交');
    const afterCorrection = await staffApi.cases.listTimeline(number, { limit: 100 });
    expect(afterCorrection.items.filter((step) => step.action === 'submitCorrection')).to.have.length(1);
    expect(allInShadow(el, '[part=timeline] li').at(-1)!.textContent).to.contain('提交补正');

    // Accepted, approved, concluded: each appears without touching the page.
    await staffApi.cases.transition(number, { action: 'accept', opinion: '材料齐全，予以受理。' });
    await waitForState(el, '已受理');
    await staffApi.cases.transition(number, { action: 'approve', opinion: '符合条件，准予认证。' });
    await waitForState(el, '准予许可');
    await staffApi.cases.transition(number, { action: 'conclude', opinion: '已办结。' });
    await waitForState(el, '已办结');
    expect(shadowText(el)).to.contain('领取办理结果');
    // Concluded: nothing more to wait for, so no more refreshes (it asked every 0.25 s to 2 s before).
    const reads = () =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith(`/api/v1/cases/${number}`)).length;
    const readsWhenConcluded = reads();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(reads()).to.equal(readsWhenConcluded);
    const steps = allInShadow(el, '[part=timeline] li').map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(steps.map((step) => step.trim().split(' ')[0])).to.deep.equal([
      '提交申请',
      '补正告知',
      '提交补正',
      '受理',
      '准予许可',
      '办结',
    ]);
    expect(steps[3]).to.contain('意见：材料齐全，予以受理。');

    // Rate inline, once.
    const rating = await waitUntil(
      () => el.shadowRoot!.querySelector('banshi-rating'),
      'rating shown',
      SLOW_WAIT,
    ).then(() => el.shadowRoot!.querySelector('banshi-rating')!);
    await waitUntil(
      () => rating.shadowRoot?.querySelector('input[value=verySatisfied]'),
      'rating ready',
      SLOW_WAIT,
    );
    rating.shadowRoot!.querySelector<HTMLInputElement>('input[value=verySatisfied]')!.click();
    await rating.updateComplete;
    const rated = oneEvent(el, 'banshi-rated');
    rating.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    expect((await rated).detail.level).to.equal('verySatisfied');

    // A second visit: the same pair shows the rating that exists, not an empty form, and offers 追评.
    const again = await fixture<BanshiCaseTracker>(
      html`<banshi-case-tracker api-base=${REAL_API}></banshi-case-tracker>`,
    );
    await again.lookup(number, created.queryCode);
    const secondRating = await waitUntil(
      () => again.shadowRoot!.querySelector('banshi-rating'),
      'rating',
      SLOW_WAIT,
    ).then(() => again.shadowRoot!.querySelector('banshi-rating')!);
    await waitUntil(() => shadowText(secondRating).includes('您已评价过本办件'), 'already rated', SLOW_WAIT);
    expect(shadowText(secondRating)).to.contain('非常满意');
    expect(secondRating.shadowRoot!.querySelector('input[name=level]')).to.equal(null);
    expect(secondRating.shadowRoot!.querySelector('#follow-up')).to.not.equal(null);
    expect((await staffApi.cases.get(number)).evaluationId).to.be.a('string');
  });

  it('gives one message for a wrong query code whether or not the case exists', async () => {
    const created = await apply();
    const unknown = `1503021999123199${created.caseNumber.slice(-4)}`;
    const wrongCode = created.queryCode === 'ABCDEFGH' ? 'HGFEDCBA' : 'ABCDEFGH';
    const seen: Array<{ status: number; code: unknown; message: string; ms: number }> = [];
    for (const number of [created.caseNumber, unknown]) {
      const el = await fixture<BanshiCaseTracker>(
        html`<banshi-case-tracker api-base=${REAL_API}></banshi-case-tracker>`,
      );
      const started = performance.now();
      const found = await el.lookup(number, wrongCode);
      const ms = performance.now() - started;
      expect(found).to.equal(false);
      expect(focusedInShadow(el)?.id).to.equal('problem');
      const direct = await fetch(`${REAL_API}/cases/${number}`, { headers: { 'X-Query-Code': wrongCode } });
      const problem = (await direct.json()) as { code?: unknown };
      seen.push({
        status: direct.status,
        code: problem.code,
        message: inShadow(el, '#problem').textContent!.trim(),
        ms,
      });
      await expect(el).to.be.accessible();
    }
    // Timing equality is the server's job; the figures go to the report, never into an assertion.
    console.log(
      `wrong query code, existing case: ${seen[0]!.ms.toFixed(1)} ms; unknown case: ${seen[1]!.ms.toFixed(1)} ms`,
    );
    expect(seen[0]!.message).to.equal('办件编号或查询密码不正确，请核对后重新输入。');
    expect(seen[1]!.message).to.equal(seen[0]!.message);
    expect([seen[0]!.status, seen[0]!.code]).to.deep.equal([404, 'case_lookup_failed']);
    expect([seen[1]!.status, seen[1]!.code]).to.deep.equal([seen[0]!.status, seen[0]!.code]);
  });

  it('withdraws only after a confirmation, then stops offering it', async () => {
    const created = await apply();
    const el = await fixture<BanshiCaseTracker>(
      html`<banshi-case-tracker api-base=${REAL_API}></banshi-case-tracker>`,
    );
    await el.lookup(created.caseNumber, created.queryCode);
    const offer = () =>
      allInShadow<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.includes('撤回申请'));
    offer()!.click();
    await waitUntil(() => focusedInShadow(el)?.id === 'withdrawal-title', 'confirmation focused');
    expect(shadowText(el)).to.contain('确定要撤回这项申请吗');
    await expect(el).to.be.accessible();
    allInShadow<HTMLButtonElement>(el, '#withdrawal button')
      .find((b) => b.textContent!.includes('不撤回'))!
      .click();
    await el.updateComplete;
    expect((await staffApi.cases.get(created.caseNumber)).state).to.equal('submitted');

    offer()!.click();
    await el.updateComplete;
    inShadow<HTMLTextAreaElement>(el, '#withdrawal-reason').value = '已通过其他途径解决。';
    const withdrawn = oneEvent(el, 'banshi-case-withdrawn');
    inShadow<HTMLButtonElement>(el, '#withdrawal button.primary').click();
    expect((await withdrawn).detail.state).to.equal('withdrawn');
    await waitForState(el, '已撤回');
    expect(offer()).to.equal(undefined);
    expect(allInShadow(el, '[part=timeline] li').at(-1)!.textContent).to.contain('已通过其他途径解决');
  });

  it('shows a case from its number and the applicant token, without asking for the query code', async () => {
    const created = await apply();
    const el = await fixture<BanshiCaseTracker>(
      html`<banshi-case-tracker api-base=${REAL_API}></banshi-case-tracker>`,
    );
    el.applicantToken = created.applicantToken;
    el.caseNumber = created.caseNumber;
    await waitForState(el, '已收件');
    expect(statusText(el)).to.contain('已收件');
    expect(el.shadowRoot!.querySelector('#query-code')).to.equal(null);
  });

  it('offers the rating of a concluded case opened with only its applicant token, and stores it once', async () => {
    const created = await apply();
    for (const action of ['accept', 'approve', 'conclude'] as const)
      await staffApi.cases.transition(created.caseNumber, { action });
    const el = await fixture<BanshiCaseTracker>(
      html`<banshi-case-tracker api-base=${REAL_API}></banshi-case-tracker>`,
    );
    el.applicantToken = created.applicantToken;
    el.caseNumber = created.caseNumber;
    await waitForState(el, '已办结');
    expect(shadowText(el)).to.contain('领取办理结果');
    const rating = await waitUntil(
      () => el.shadowRoot!.querySelector('banshi-rating')?.shadowRoot?.querySelector('[part=submit]'),
      'rating offered',
      SLOW_WAIT,
    ).then(() => el.shadowRoot!.querySelector('banshi-rating')!);
    // The token travels as a property only: nothing in either widget's markup holds it.
    expect(el.shadowRoot!.innerHTML).to.not.contain(created.applicantToken);
    expect(rating.getAttributeNames().join(' ')).to.not.contain('token');
    await expect(el).to.be.accessible();

    rating.shadowRoot!.querySelector<HTMLInputElement>('input[value=satisfied]')!.click();
    await rating.updateComplete;
    const rated = oneEvent(el, 'banshi-rated');
    rating.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    expect((await rated).detail.level).to.equal('satisfied');
    await waitUntil(() => shadowText(rating).includes('感谢您的评价'), 'thanks', SLOW_WAIT);
    const stored = await staffApi.evaluations.list({ caseNumber: created.caseNumber });
    expect(stored.items.map((evaluation) => evaluation.level)).to.deep.equal(['satisfied']);
    expect((await staffApi.cases.get(created.caseNumber)).evaluationId).to.equal(stored.items[0]!.id);
  });

  it('loads the rating from its own CDN folder when only banshi-case-tracker.js is on the page', async function () {
    (this as { timeout(ms: number): void }).timeout(30000);
    const bundle = await fetch('/packages/elements/cdn/banshi-case-tracker.js', { method: 'HEAD' });
    if (!bundle.ok) throw new Error('The CDN bundles are missing: run "npm run build" first.');
    const created = await apply();
    for (const action of ['accept', 'approve', 'conclude'] as const)
      await staffApi.cases.transition(created.caseNumber, { action });
    const frame = document.createElement('iframe');
    frame.style.width = '800px';
    frame.style.height = '900px';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.srcdoc = `<!doctype html><html lang="zh-CN"><body>
      <banshi-case-tracker api-base="${API}"></banshi-case-tracker>
      <script type="module" src="${new URL('/packages/elements/cdn/banshi-case-tracker.js', location.href)}"></script>
    </body></html>`;
    document.body.append(frame);
    try {
      await loaded;
      const win = frame.contentWindow as Window & typeof globalThis;
      await waitUntil(() => win.customElements.get('banshi-case-tracker'), 'tracker defined', SLOW_WAIT);
      expect(win.customElements.get('banshi-rating')).to.equal(undefined);
      const el = win.document.querySelector('banshi-case-tracker') as BanshiCaseTracker;
      expect(await el.lookup(created.caseNumber, created.queryCode)).to.equal(true);
      await waitUntil(() => win.customElements.get('banshi-rating'), 'rating loaded on demand', SLOW_WAIT);
      const rating = el.shadowRoot!.querySelector('banshi-rating')!;
      await waitUntil(() => rating.shadowRoot?.querySelector('[part=submit]'), 'rating rendered', SLOW_WAIT);
    } finally {
      frame.remove();
    }
  });

  it('works under a strict CSP with Trusted Types and hostile page CSS, from the CDN bundle', async function () {
    (this as { timeout(ms: number): void }).timeout(30000);
    const created = await apply();
    for (const action of ['accept', 'approve', 'conclude'] as const)
      await staffApi.cases.transition(created.caseNumber, { action });
    const frame = document.createElement('iframe');
    frame.style.width = '900px';
    frame.style.height = '900px';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/packages/elements/test/csp/page.html';
    document.body.append(frame);
    try {
      await loaded;
      const win = frame.contentWindow as Window &
        typeof globalThis & { banshiProbe: { violations: string[] } };
      await waitUntil(() => win.customElements.get('banshi-case-tracker'), 'tracker defined', SLOW_WAIT);
      const el = win.document.querySelector('banshi-case-tracker') as BanshiCaseTracker;
      await waitUntil(() => el.shadowRoot?.querySelector('#query-code'), 'form rendered', SLOW_WAIT);
      const submit = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!;
      expect(submit.getBoundingClientRect().height).to.be.at.least(44);
      expect(await el.lookup(created.caseNumber, created.queryCode)).to.equal(true);
      await waitUntil(
        () => el.shadowRoot!.querySelector('banshi-rating')?.shadowRoot?.querySelector('[part=submit]'),
        'rating',
        SLOW_WAIT,
      );
      expect(shadowText(el)).to.contain('已办结');
      expect(win.banshiProbe.violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
