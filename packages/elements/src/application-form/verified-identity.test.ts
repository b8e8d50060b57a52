// <banshi-application-form> for a person signed in at 统一身份认证: verified fields locked with their source,
// the gate of an item that needs sign-in or a higher level, and the server's 401 / 403 / 422 answers to a
// submission shown without losing an answer. The API's answers to the submission are scripted in the page.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FormDefinition } from '@banshi/sdk/forms';
import type { BanshiApplicationForm } from './application-form.js';
import './define.js';
import { deleteDraft } from './drafts.js';
import { inShadow, shadowText } from '../test-support/helpers.js';
import { idNumber, next, type } from './test-helpers.js';

const ID = idNumber('15030219900101123');
const ITEM = 'identity-test';

/** A one-page form asking for the applicant, as the seed forms do. */
const base: FormDefinition = {
  id: 'identity-test',
  version: '1.0.0',
  applicantFields: { name: '/applicant/name', idNumber: '/applicant/idNumber', mobile: '/applicant/mobile' },
  situations: [],
  schema: {
    type: 'object',
    required: ['applicant'],
    properties: {
      applicant: {
        type: 'object',
        required: ['name', 'idNumber', 'mobile'],
        properties: {
          name: { type: 'string', minLength: 2, maxLength: 30 },
          idNumber: { type: 'string', format: 'cn-id-card' },
          mobile: { type: 'string', format: 'cn-mobile' },
        },
      },
    },
  },
  layout: {
    pages: [
      {
        id: 'applicant',
        title: 'page.applicant',
        elements: [
          { scope: '/applicant/name', label: 'field.name' },
          { scope: '/applicant/idNumber', label: 'field.idNumber', widget: 'idNumber' },
          { scope: '/applicant/mobile', label: 'field.mobile', widget: 'mobile' },
        ],
      },
    ],
  },
  materials: [],
  messages: {
    'zh-CN': {
      'page.applicant': '申请人信息',
      'field.name': '姓名',
      'field.idNumber': '身份证号',
      'field.mobile': '手机号码',
    },
    en: {
      'page.applicant': 'Applicant',
      'field.name': 'Name',
      'field.idNumber': 'ID number',
      'field.mobile': 'Mobile',
    },
  },
};

const verified = (level: number): NonNullable<FormDefinition['verifiedApplicant']> => ({
  source: 'unifiedIdentity',
  kind: 'person',
  assuranceLevel: level,
  fields: [
    { pointer: '/formData/applicant/name', value: '张丽' },
    { pointer: '/formData/applicant/idNumber', value: ID },
  ],
});

async function openForm(definition: FormDefinition, lang = 'zh-CN'): Promise<BanshiApplicationForm> {
  await deleteDraft(ITEM);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <banshi-application-form
        api-base="/api/v1"
        item-code=${ITEM}
        .definition=${definition}
      ></banshi-application-form>
    </div>`,
  );
  const el = wrapper.querySelector('banshi-application-form')!;
  await waitUntil(() => el.shadowRoot?.querySelector('h2'), 'form shown');
  return el;
}

const input = (el: Element, pointer: string) =>
  inShadow<HTMLInputElement>(el, `#${CSS.escape('f' + pointer)}`);

/** Answers every POST /cases of the page with `answer`, and records the bodies sent. */
function scriptSubmissions(answer: () => Response): { bodies: unknown[]; restore: () => void } {
  const original = window.fetch;
  const bodies: unknown[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.method !== 'POST' || !request.url.endsWith('/api/v1/cases')) return original(input, init);
    bodies.push(await request.json());
    return answer();
  };
  return { bodies, restore: () => (window.fetch = original) };
}

const problem = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'x', status, ...body }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

describe('<banshi-application-form> signed in at 统一身份认证', () => {
  let script: ReturnType<typeof scriptSubmissions> | undefined;
  afterEach(() => script?.restore());

  it('fills the verified fields and locks them, naming their source; the rest stays open', async () => {
    const el = await openForm({ ...base, verifiedApplicant: verified(3) });
    const name = input(el, '/applicant/name');
    expect(name.value).to.equal('张丽');
    expect(name.readOnly).to.equal(true);
    expect(input(el, '/applicant/idNumber').value).to.equal(ID);
    expect(input(el, '/applicant/idNumber').readOnly).to.equal(true);
    const note = el.shadowRoot!.getElementById(name.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(note.textContent).to.contain('来自统一身份认证');
    expect(input(el, '/applicant/mobile').readOnly).to.equal(false);
    // Typing over a locked value changes nothing.
    name.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '李四' });
    expect(input(el, '/applicant/name').value).to.equal('张丽');
    expect(el.data).to.deep.include({ applicant: { name: '张丽', idNumber: ID } });
    await expect(el).to.be.accessible();
  });

  it('names the source in English too', async () => {
    const el = await openForm({ ...base, verifiedApplicant: verified(3) }, 'en');
    expect(shadowText(el)).to.contain('From the unified identity platform (统一身份认证)');
  });

  it('stands a gate before an item that needs sign-in, and asks the page with the level needed', async () => {
    const el = await openForm({ ...base, signIn: { required: true, assuranceLevel: 3 } });
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(inShadow(el, '[part=sign-in-gate]').textContent).to.contain('实名等级不低于三级');
    await expect(el).to.be.accessible();
    setTimeout(() => inShadow<HTMLButtonElement>(el, '[part=sign-in-gate] button').click());
    const { detail } = await oneEvent(el, 'banshi-login-required');
    expect(detail).to.deep.equal({
      itemCode: ITEM,
      reason: 'signIn',
      requiredAssuranceLevel: 3,
      assuranceLevel: 0,
    });
  });

  it('tells a person whose level is too low which level is needed and theirs', async () => {
    const el = await openForm({
      ...base,
      signIn: { required: true, assuranceLevel: 3 },
      verifiedApplicant: verified(2),
    });
    const gate = inShadow(el, '[part=sign-in-gate]').textContent!;
    expect(gate).to.contain('实名等级不足').and.contain('不低于三级').and.contain('您当前为二级');
    const shown = await openForm({
      ...base,
      signIn: { required: true, assuranceLevel: 3 },
      verifiedApplicant: verified(3),
    });
    expect(shown.shadowRoot!.querySelector('[part=sign-in-gate]')).to.equal(null);
    expect(input(shown, '/applicant/name').readOnly).to.equal(true);
  });

  it('sends the verified values once, in the form data, and shows a 422 beside the field', async () => {
    const el = await openForm({ ...base, verifiedApplicant: verified(3) });
    await type(el, '/applicant/mobile', '13800000000');
    expect(await next(el)).to.equal('review');
    script = scriptSubmissions(() =>
      problem(422, {
        code: 'validation_failed',
        errors: [
          {
            pointer: '/formData/applicant/name',
            code: 'verified_value_changed',
            message: '该信息来自统一身份认证，不能修改。',
          },
        ],
      }),
    );
    inShadow<HTMLButtonElement>(el, '[part=continue]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error-summary]'), 'the 422 shown');
    const sent = script.bodies[0] as { applicant?: unknown; formData: { applicant: Record<string, string> } };
    // The server reads the applicant from the form data: it is not sent a second time.
    expect(sent).to.not.have.property('applicant');
    expect(sent.formData.applicant).to.deep.equal({ name: '张丽', idNumber: ID, mobile: '13800000000' });
    expect(inShadow(el, '[part=error-summary]').textContent).to.contain('该信息来自统一身份认证，不能修改');
    expect(inShadow(el, '[part=error-summary] a').getAttribute('href')).to.equal('#f/applicant/name');
    expect(input(el, '/applicant/mobile').value).to.equal('13800000000');
  });

  for (const [status, code, text] of [
    [401, 'sign_in_required', '请先登录'],
    [403, 'assurance_level_insufficient', '您当前为二级'],
  ] as const) {
    it(`shows a ${status} ${code} with the sign-in button, keeping every answer`, async () => {
      const el = await openForm(base);
      await type(el, '/applicant/name', '王建国');
      await type(el, '/applicant/idNumber', idNumber('15030319650315201'));
      await type(el, '/applicant/mobile', '13804730021');
      expect(await next(el)).to.equal('review');
      script = scriptSubmissions(() =>
        problem(status, { code, requiredAssuranceLevel: 3, assuranceLevel: status === 401 ? 0 : 2 }),
      );
      inShadow<HTMLButtonElement>(el, '[part=continue]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part=sign-in-gate]'), 'the gate shown');
      const gate = inShadow(el, '[part=sign-in-gate]');
      expect(gate.getAttribute('role')).to.equal('alert');
      expect(gate.textContent).to.contain(text).and.contain('不低于三级');
      expect(shadowText(el)).to.contain('王建国').and.contain('13804730021');
      await expect(el).to.be.accessible();
      setTimeout(() => gate.querySelector('button')!.click());
      const { detail } = await oneEvent(el, 'banshi-login-required');
      expect(detail.requiredAssuranceLevel).to.equal(3);
    });
  }
});
