import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { BanshiApplicationForm } from './application-form.js';
import './define.js';
import {
  injectApiFault,
  inShadow,
  REAL_API,
  referenceServer,
  shadowText,
  staffToken,
  SLOW_WAIT,
} from '../test-support/helpers.js';
import {
  creditCode,
  heading,
  idNumber,
  loaded,
  next,
  nextFails,
  pdf,
  pick,
  region,
  select,
  submitted,
  type,
  upload,
} from './test-helpers.js';

const PUBLIC_RENTAL = '1115030201183506284200603001000';
const FOOD_LICENCE = '11150302MB0Q6617734010702001000';
const NEWBORN = '11150302MB1A22948N4201099001000';

/** How many cases of `itemCode` the server holds, counted through the staff API. */
async function casesOf(itemCode: string): Promise<number> {
  const response = await fetch(`${REAL_API}/cases?item=${itemCode}&limit=100`, {
    headers: { authorization: `Bearer ${await staffToken()}` },
  });
  if (!response.ok) throw new Error(`listing cases answered ${response.status}`);
  return ((await response.json()) as { items: unknown[] }).items.length;
}

async function forget(itemCode: string): Promise<void> {
  const { deleteDraft } = await import('./drafts.js');
  await deleteDraft(itemCode);
}

async function open(itemCode: string, situation = ''): Promise<BanshiApplicationForm> {
  const el = await fixture<BanshiApplicationForm>(
    html`<banshi-application-form
      api-base=${REAL_API}
      item-code=${itemCode}
      situation=${situation}
    ></banshi-application-form>`,
  );
  await loaded(el);
  return el;
}

/**
 * Opens the form as {@link open} does, noting the step heading of every render from the very first, so a
 * step shown for one frame only is seen too.
 */
async function openNotingHeadings(itemCode: string, headings: string[]): Promise<BanshiApplicationForm> {
  const el = document.createElement('banshi-application-form') as BanshiApplicationForm;
  el.addController({
    hostUpdated: () => {
      const shown = el.shadowRoot?.querySelector('h2')?.textContent?.trim();
      if (shown && shown !== headings.at(-1)) headings.push(shown);
    },
  });
  Object.assign(el, { apiBase: REAL_API, itemCode });
  await fixture(html`<div>${el}</div>`);
  await loaded(el);
  return el;
}

/** 公共租赁住房申请 up to the materials step, as a single local applicant. */
async function rentalToMaterials(el: BanshiApplicationForm): Promise<void> {
  expect(heading(el)).to.equal('您的办理情形');
  expect(await next(el)).to.equal('page:applicant');
  await type(el, '/applicant/name', '张丽');
  await type(el, '/applicant/idNumber', idNumber('15030219880512301'));
  await type(el, '/applicant/mobile', '13947312345');
  await type(el, '/applicant/address', '海勃湾区新华街道滨河社区12号楼');
  await pick(el, 'f/applicant/maritalStatus', '未婚');
  expect(await next(el)).to.equal('page:housing');
  await type(el, '/income/monthlyPerCapita', '1850.5');
  await pick(el, 'f/currentHousing', '无自有住房');
  expect(await next(el)).to.equal('materials');
}

describe('<banshi-application-form> against the reference server', () => {
  before(async () => {
    await referenceServer();
  });
  afterEach(async () => {
    await injectApiFault('none');
    fixtureCleanup();
  });

  it('completes 公共租赁住房申请 with a 容缺 material, an e-licence and a printable receipt', async () => {
    await forget(PUBLIC_RENTAL);
    const before = await casesOf(PUBLIC_RENTAL);
    const el = await open(PUBLIC_RENTAL, 's.hukou=local&s.household=single&s.disability=no');
    // The guide's answers arrive pre-filled.
    expect(inShadow<HTMLInputElement>(el, '#s-hukou').checked).to.equal(true);
    await rentalToMaterials(el);
    expect(shadowText(el)).to.contain('免提交：将从电子证照库调取');
    await upload(el, 'income-proof', pdf('收入证明.pdf'));
    await pick(el, 'm-labour-contract-later', '容缺后补：受理后 10 个工作日内补交');
    expect(await next(el)).to.equal('review');
    expect(shadowText(el)).to.contain('1850.50 元').and.contain('收入证明.pdf');
    await expect(el).to.be.accessible();
    // The commitment needs explicit consent.
    expect((await nextFails(el))[0]).to.contain('承诺');
    await expect(el).to.be.accessible();
    inShadow<HTMLInputElement>(el, '#c-commitment').click();
    const result = await submitted(el);
    expect(result.caseNumber).to.match(/^\d{20}$/);
    expect(shadowText(el)).to.contain(result.caseNumber).and.contain(result.queryCode);
    expect(shadowText(el)).to.contain('劳动合同：请于');
    expect(await casesOf(PUBLIC_RENTAL)).to.equal(before + 1);
    await expect(el).to.be.accessible();
  });

  it('completes 食品经营许可 for a company: credit code checked, region picked from the server', async () => {
    await forget(FOOD_LICENCE);
    const before = await casesOf(FOOD_LICENCE);
    const el = await open(FOOD_LICENCE, 's.business-type=retail&s.commitment=no');
    expect(await next(el)).to.equal('page:operator');
    await type(el, '/operator/name', '乌海市鑫达商贸有限公司');
    await type(el, '/operator/creditCode', creditCode('91150302MA0Q3K8C').slice(0, -1) + 'Z');
    const errors = await nextFails(el);
    expect(errors.join()).to.contain('统一社会信用代码');
    // The error summary takes focus; its link leads to the field; what was typed stays.
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('error-summary');
    inShadow<HTMLAnchorElement>(el, '[part=error-summary] a').click();
    expect(el.shadowRoot!.activeElement?.id).to.equal('f/operator/creditCode');
    expect(inShadow<HTMLInputElement>(el, '#f\\/operator\\/creditCode').value).to.have.length(18);
    await type(el, '/operator/creditCode', creditCode('91150302MA0Q3K8C'));
    await type(el, '/operator/legalRepresentative/name', '刘建国');
    await type(el, '/operator/legalRepresentative/idNumber', idNumber('15030219700101101'));
    await type(el, '/operator/legalRepresentative/mobile', '15847365210');
    expect(await next(el)).to.equal('page:premises');
    await region(el, '/premises/regionCode', ['内蒙古自治区', '乌海市', '海勃湾区']);
    await type(el, '/premises/address', '海勃湾区滨河路88号商务楼');
    await type(el, '/premises/area', '120');
    inShadow<HTMLInputElement>(el, 'input[name="f/categories"]').click();
    let step = await next(el);
    for (let guard = 0; guard < 4 && step.startsWith('page:'); guard++) {
      await fillAsked(el);
      step = await next(el);
    }
    expect(step).to.equal('materials');
    for (const input of [
      ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=file]:not(.photo)'),
    ]) {
      if (!input.closest('fieldset')!.textContent!.includes('容缺后补')) {
        await upload(el, input.id.slice(2), pdf(`${input.id.slice(2)}.pdf`));
      }
    }
    await deferAll(el);
    expect(await next(el)).to.equal('review');
    inShadow<HTMLInputElement>(el, '#c-commitment').click();
    await submitted(el);
    expect(await casesOf(FOOD_LICENCE)).to.equal(before + 1);
  });

  it('completes the 新生儿出生“一件事” bundle with both parents', async () => {
    await forget(NEWBORN);
    const before = await casesOf(NEWBORN);
    const el = await open(NEWBORN, 's.hukou-with=father&s.parents-married=yes&s.maternity-claim=no');
    let step = await next(el);
    expect(step).to.equal('page:baby');
    await type(el, '/baby/name', '李小宝');
    await pick(el, 'f/baby/gender', inShadow(el, 'input[name="f/baby/gender"] + span').textContent!);
    await type(el, '/baby/birthDate', '2026-11-01');
    await type(el, '/baby/birthCertificateNumber', 'Q150123456');
    await type(el, '/baby/hospital', '乌海市人民医院');
    step = await next(el);
    for (const parent of ['father', 'mother']) {
      await type(el, `/${parent}/name`, parent === 'father' ? '李强' : '王芳');
      await type(
        el,
        `/${parent}/idNumber`,
        idNumber(parent === 'father' ? '15030219900101303' : '15030219920202404'),
      );
      await type(el, `/${parent}/mobile`, parent === 'father' ? '13947310001' : '13947310002');
      await region(el, `/${parent}/hukouRegion`, ['内蒙古自治区', '乌海市', '海勃湾区']);
    }
    // Fill whatever the remaining pages ask, guided by the error summary, as a user would.
    for (let guard = 0; guard < 8 && step !== 'materials' && step !== 'review'; guard++) {
      await fillAsked(el);
      step = await next(el);
    }
    if (step === 'materials') {
      for (const input of [
        ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=file]:not(.photo)'),
      ]) {
        await upload(el, input.id.slice(2), pdf(`${input.id}.pdf`));
      }
      step = await next(el);
    }
    expect(step).to.equal('review');
    inShadow<HTMLInputElement>(el, '#c-commitment').click();
    await submitted(el);
    expect(await casesOf(NEWBORN)).to.equal(before + 1);
  });

  it('resumes a draft after a reload, and a double click sends one application', async () => {
    await forget(PUBLIC_RENTAL);
    const before = await casesOf(PUBLIC_RENTAL);
    let el = await open(PUBLIC_RENTAL, 's.hukou=local&s.household=single&s.disability=no');
    await rentalToMaterials(el);
    fixtureCleanup();
    // A new page load: the draft brings the applicant back to the materials step with every answer, and
    // the first step never shows on the way there.
    const headings: string[] = [];
    el = await openNotingHeadings(PUBLIC_RENTAL, headings);
    expect(heading(el)).to.equal('上传材料');
    expect(headings).to.deep.equal(['上传材料']);
    expect(shadowText(el)).to.contain('已为您恢复上次未完成的申请');
    await upload(el, 'income-proof', pdf());
    await pick(el, 'm-labour-contract-later', '容缺后补：受理后 10 个工作日内补交');
    expect(await next(el)).to.equal('review');
    expect(shadowText(el)).to.contain('张丽').and.contain('13947312345');
    // Check your answers and the confirmation in elder mode, too.
    el.elder = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
    inShadow<HTMLInputElement>(el, '#c-commitment').click();
    const button = inShadow<HTMLButtonElement>(el, '[part=continue]');
    button.click();
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => el.shadowRoot!.querySelector('[part=panel]'), 'confirmation');
    const first = inShadow(el, '[part=panel] code').textContent;
    await expect(el).to.be.accessible();
    expect(await casesOf(PUBLIC_RENTAL)).to.equal(before + 1);

    // Reload after submitting: the stored key replays the first answer; still one case.
    fixtureCleanup();
    el = await open(PUBLIC_RENTAL);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=panel]'), 'confirmation after reload');
    expect(inShadow(el, '[part=panel] code').textContent).to.equal(first);
    expect(await casesOf(PUBLIC_RENTAL)).to.equal(before + 1);
  });

  it('retries after a lost answer with the same key: one case', async () => {
    await forget(PUBLIC_RENTAL);
    const before = await casesOf(PUBLIC_RENTAL);
    const el = await open(PUBLIC_RENTAL, 's.hukou=local&s.household=single&s.disability=no');
    await rentalToMaterials(el);
    await upload(el, 'income-proof', pdf());
    await pick(el, 'm-labour-contract-later', '容缺后补：受理后 10 个工作日内补交');
    await next(el);
    inShadow<HTMLInputElement>(el, '#c-commitment').click();
    await injectApiFault('lose-response');
    inShadow<HTMLButtonElement>(el, '[part=continue]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#failure'), 'failure shown', SLOW_WAIT);
    expect(shadowText(el)).to.contain('张丽');
    await injectApiFault('none');
    await submitted(el);
    expect(await casesOf(PUBLIC_RENTAL)).to.equal(before + 1);
  });

  it('shows the server’s 422 on the material it concerns and accepts the corrected application', async () => {
    await forget(PUBLIC_RENTAL);
    const el = await open(PUBLIC_RENTAL, 's.hukou=local&s.household=single&s.disability=no');
    await rentalToMaterials(el);
    await upload(el, 'income-proof', pdf('旧收入证明.pdf'));
    await pick(el, 'm-labour-contract-later', '容缺后补：受理后 10 个工作日内补交');
    await next(el);
    inShadow<HTMLInputElement>(el, '#c-commitment').click();
    // Meanwhile the same file went into another application (another tab): the server no longer lets
    // this one reference it.
    const state = (el as unknown as { materialStates: Record<string, { files: Array<{ id: string }> }> })
      .materialStates;
    const uploadId = state['income-proof']!.files[0]!.id;
    const other = await fetch(`${REAL_API}/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        itemCode: PUBLIC_RENTAL,
        formVersion: '1.0.0',
        applicant: {
          kind: 'person',
          name: '赵敏',
          idType: 'residentIdCard',
          idNumber: idNumber('15030219800303505'),
          mobile: '13947319999',
        },
        situationAnswers: { hukou: 'local', household: 'single', disability: 'no' },
        formData: {
          applicant: {
            name: '赵敏',
            idNumber: idNumber('15030219800303505'),
            mobile: '13947319999',
            address: '海勃湾区滨河社区1号楼',
            maritalStatus: 'unmarried',
          },
          income: { monthlyPerCapita: 100000 },
          currentHousing: 'none',
        },
        materials: [
          { materialId: 'income-proof', provision: 'upload', uploadIds: [uploadId] },
          { materialId: 'labour-contract', provision: 'deferred' },
        ],
        commitmentAccepted: true,
        delivery: { method: 'window' },
      }),
    });
    expect(other.status).to.equal(201);
    inShadow<HTMLButtonElement>(el, '[part=continue]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error-summary]'), 'server errors');
    expect(heading(el)).to.equal('上传材料');
    const link = inShadow<HTMLAnchorElement>(el, '[part=error-summary] a');
    link.click();
    expect(el.shadowRoot!.activeElement?.id).to.equal('m-income-proof');
    expect(inShadow(el, '#m-income-proof-error').textContent).to.not.equal('');
    // Replace the file; nothing else typed is lost.
    inShadow<HTMLButtonElement>(el, '.file button').click();
    await el.updateComplete;
    await upload(el, 'income-proof', pdf('新收入证明.pdf'));
    expect(await next(el)).to.equal('review');
    expect(shadowText(el)).to.contain('张丽');
    await submitted(el);
  });
});

/** Chooses 容缺后补 for every material that allows it. */
async function deferAll(el: BanshiApplicationForm): Promise<void> {
  for (const later of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name$="-later"]')) {
    if (later.nextElementSibling?.textContent?.startsWith('容缺后补')) later.click();
  }
  await el.updateComplete;
}

/** Answers every required question on the page: the first option of choices, sensible text otherwise. */
async function fillAsked(el: BanshiApplicationForm): Promise<void> {
  const root = el.shadowRoot!;
  for (const fieldset of root.querySelectorAll('fieldset.field')) {
    const first = fieldset.querySelector<HTMLInputElement>('input[type=radio]');
    if (first && !fieldset.querySelector('input:checked')) {
      first.click();
      await el.updateComplete;
    }
  }
  for (const box of root.querySelectorAll<HTMLSelectElement>('select')) {
    if (box.selectedIndex <= 0 && box.options.length > 1)
      await select(el, box.id, box.options[1]!.textContent!.trim());
  }
  for (const input of root.querySelectorAll<HTMLInputElement>(
    'input:not([type]), input[type=text], input[type=tel], input[type=date]',
  )) {
    if (input.value) continue;
    const pointer = input.id.slice(1);
    const text = /mobile/i.test(pointer)
      ? '13947310003'
      : /postal/i.test(pointer)
        ? '016000'
        : input.type === 'date'
          ? '2026-11-02'
          : /idNumber/i.test(pointer)
            ? idNumber('15030219900101303')
            : /total|amount/i.test(pointer)
              ? '100'
              : '海勃湾区滨河社区12号楼';
    await type(el, pointer, text);
  }
}
