import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FormDefinition } from '@banshi/sdk/forms';
import type { BanshiApplicationForm } from './application-form.js';
import './define.js';
import { localPointer } from './server-errors.js';
import { situationFromQuery } from '../item-common/situation-query.js';
import { deleteDraft } from './drafts.js';
import {
  allInShadow,
  focusedInShadow,
  inShadow,
  shadowText,
  UNREACHABLE_API,
} from '../test-support/helpers.js';
import { heading, idNumber, next, nextFails, pick, type } from './test-helpers.js';

/** The seed definition of 公共租赁住房申请, read as a file: these tests need no server. */
async function rentalDefinition(): Promise<FormDefinition> {
  const response = await fetch('/packages/server/demo-catalogue/forms/150302-public-rental-housing.json');
  return (await response.json()) as FormDefinition;
}

async function openForm(
  lang = 'zh-CN',
  elder = false,
  situation = 's.hukou=local&s.household=family',
): Promise<BanshiApplicationForm> {
  const definition = await rentalDefinition();
  await deleteDraft('local-test');
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <banshi-application-form
        api-base=${UNREACHABLE_API}
        item-code="local-test"
        situation=${situation}
        ?elder=${elder}
        .definition=${definition}
      ></banshi-application-form>
    </div>`,
  );
  const el = wrapper.querySelector('banshi-application-form')!;
  await waitUntil(() => el.shadowRoot?.querySelector('[part=continue]'), 'form shown');
  return el;
}

describe('<banshi-application-form> steps', () => {
  it('keeps the number of steps when answers change, and names the steps answers decide', async () => {
    const el = await openForm();
    const steps = () =>
      allInShadow(el, '[part=steps] li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(inShadow(el, '[part=progress]').textContent).to.contain('共 7 步');
    // 本区户籍 and 家庭 are answered: one step is left out, the other is to do like any other.
    expect(steps()).to.include('共同申请的家庭成员');
    expect(steps()).to.include('居住和就业情况：根据您的回答，无需填写');
    await pick(el, 's-household', '个人');
    // Fewer steps apply now, but the count the applicant was told stays.
    expect(inShadow(el, '[part=progress]').textContent).to.contain('共 7 步');
    expect(steps()).to.include('共同申请的家庭成员：根据您的回答，无需填写');
    expect(steps()).to.have.length(7);
    await expect(el).to.be.accessible();
  });

  it('says a step depends on the answers until the answer that rules it out is given', async () => {
    const el = await openForm('zh-CN', false, '');
    const step = (name: string) =>
      allInShadow(el, '[part=steps] li').find((li) => li.querySelector('.name')!.textContent === name)!;
    const read = (name: string) => step(name).textContent!.replace(/\s+/g, '');
    const struck = (name: string) =>
      getComputedStyle(step(name).querySelector('.name')!).textDecorationLine.includes('line-through');
    for (const name of ['居住和就业情况', '共同申请的家庭成员']) {
      expect(read(name)).to.equal(name + '：取决于您的回答');
      expect(struck(name)).to.equal(false);
    }
    await pick(el, 's-hukou', '本区户籍');
    expect(read('居住和就业情况')).to.equal('居住和就业情况：根据您的回答，无需填写');
    expect(struck('居住和就业情况')).to.equal(true);
    expect(read('共同申请的家庭成员')).to.equal('共同申请的家庭成员：取决于您的回答');
    expect(struck('共同申请的家庭成员')).to.equal(false);
  });

  it('sets a step’s tag visibly apart from its name, also on a narrow phone', async () => {
    for (const width of ['1000px', '320px']) {
      const el = await openForm('zh-CN', false, 's.hukou=local');
      el.style.display = 'block';
      el.style.width = width;
      await el.updateComplete;
      for (const li of allInShadow(el, '[part=steps] li')) {
        const tag = li.querySelector('.tag');
        if (!tag) continue;
        const range = document.createRange();
        range.selectNodeContents(li.querySelector('.name')!);
        const name = [...range.getClientRects()].at(-1)!;
        const label = tag.getClientRects()[0]!;
        const em = parseFloat(getComputedStyle(li).fontSize);
        // Either a clear gap on the same line, or the tag on a line of its own below the name.
        const apart = label.left - name.right >= 0.5 * em || label.top >= name.bottom - 1;
        expect(apart, `${width}: ${li.textContent!.replace(/\s+/g, ' ')}`).to.equal(true);
      }
    }
  });

  for (const elder of [false, true]) {
    it(`is accessible on every step and error${elder ? ' in elder mode' : ''}`, async () => {
      const el = await openForm('zh-CN', elder);
      expect(shadowText(el)).to.contain('第 1 步，共 7 步');
      const errors = await nextFails(el);
      expect(errors).to.deep.equal(['请选择：家庭成员中是否有持证残疾人？']);
      await expect(el).to.be.accessible();
      await pick(el, 's-disability', '否');
      expect(await next(el)).to.equal('page:applicant');
      await nextFails(el);
      await expect(el).to.be.accessible();
      await type(el, '/applicant/name', '张丽');
      await type(el, '/applicant/idNumber', idNumber('15030219880512301'));
      await type(el, '/applicant/mobile', '13947312345');
      await type(el, '/applicant/address', '海勃湾区新华街道滨河社区12号楼');
      await pick(el, 'f/applicant/maritalStatus', '已婚');
      expect(await next(el)).to.equal('page:members');
      inShadow<HTMLButtonElement>(el, '#f\\/members').click();
      await el.updateComplete;
      await nextFails(el);
      await expect(el).to.be.accessible();
      await type(el, '/members/0/name', '赵志刚');
      await type(el, '/members/0/idNumber', idNumber('15030219861020351'));
      const relation = inShadow<HTMLSelectElement>(el, '#f\\/members\\/0\\/relation');
      relation.selectedIndex = 1;
      relation.dispatchEvent(new Event('change'));
      expect(await next(el)).to.equal('page:housing');
      await pick(el, 'f/currentHousing', '有自有住房但人均面积低于15平方米');
      // Conditional reveal: the area appears only for owners.
      expect(el.shadowRoot!.getElementById('f/ownedArea')).to.not.equal(null);
      await nextFails(el);
      await expect(el).to.be.accessible();
      await type(el, '/income/monthlyPerCapita', '1200');
      await type(el, '/ownedArea', '12');
      expect(await next(el)).to.equal('materials');
      await nextFails(el);
      await expect(el).to.be.accessible();
      if (elder) {
        const button = inShadow(el, '[part=continue]');
        expect(button.getBoundingClientRect().height).to.be.at.least(60);
        expect(parseFloat(getComputedStyle(button).fontSize)).to.be.at.least(18);
      }
    });
  }

  it('marks optional fields （选填） and never with asterisks', async () => {
    const el = await openForm();
    await pick(el, 's-disability', '否');
    await next(el);
    const labels = allInShadow(el, 'label[for], legend').map((label) => label.textContent!.trim());
    expect(labels).to.include('工作单位（选填）');
    expect(labels).to.include('姓名');
    expect(shadowText(el)).to.not.contain('*');
  });

  it('keeps what was typed when it is wrong, and links the summary to the field', async () => {
    const el = await openForm();
    await pick(el, 's-disability', '否');
    await next(el);
    await type(el, '/applicant/idNumber', '15030219880512301X');
    await type(el, '/applicant/mobile', '1394731');
    const errors = await nextFails(el);
    expect(errors).to.include('居民身份证号码的校验位不正确，请核对最后一位');
    expect(focusedInShadow(el)?.getAttribute('part')).to.equal('error-summary');
    const mobile = inShadow<HTMLInputElement>(el, '#f\\/applicant\\/mobile');
    expect(mobile.value).to.equal('1394731');
    expect(mobile.getAttribute('aria-invalid')).to.equal('true');
    expect(mobile.getAttribute('aria-describedby')).to.contain('f/applicant/mobile-error');
    const link = allInShadow<HTMLAnchorElement>(el, '[part=error-summary] a').find((a) =>
      a.textContent!.includes('手机'),
    )!;
    link.click();
    expect(focusedInShadow(el)).to.equal(mobile);
    // Fixing it clears its message as the applicant types.
    await type(el, '/applicant/mobile', '13947312345');
    expect(el.shadowRoot!.getElementById('f/applicant/mobile-error')).to.equal(null);
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await openForm();
    inShadow<HTMLInputElement>(el, '#s-hukou').focus();
    // Tab past the two answered questions to the third, choose 否 with the arrow keys, then Continue.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    expect((focusedInShadow(el) as HTMLInputElement).closest('label')!.textContent!.trim()).to.equal('否');
    await sendKeys({ press: 'Tab' });
    expect(focusedInShadow(el)?.getAttribute('part')).to.equal('continue');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedInShadow(el)?.tagName === 'H2', 'focus on the next page’s heading');
    expect(heading(el)).to.equal('申请人信息');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '张丽' });
    expect(inShadow<HTMLInputElement>(el, '#f\\/applicant\\/name').value).to.equal('张丽');
  });

  it('speaks English inside lang="en"', async () => {
    const el = await openForm('en');
    expect(heading(el)).to.equal('Your situation');
    expect(shadowText(el)).to.contain('Step 1 of 7');
    await pick(el, 's-disability', 'No');
    await next(el);
    expect(heading(el)).to.equal('Applicant');
    const errors = await nextFails(el);
    expect(errors[0]).to.match(/^Enter the /);
    expect(allInShadow(el, 'label').map((l) => l.textContent!.trim())).to.include('Employer (optional)');
  });

  it('refuses empty, oversized and wrongly typed files before uploading, and offers a retry when the network fails', async () => {
    const el = await openForm();
    await pick(el, 's-disability', '否');
    const definition = el.definition!;
    el.data = {
      applicant: {
        name: '张丽',
        idNumber: idNumber('15030219880512301'),
        mobile: '13947312345',
        address: '海勃湾区新华街道滨河社区12号楼',
        maritalStatus: 'married',
      },
      members: [{ name: '赵志刚', idNumber: idNumber('15030219861020351'), relation: 'spouse' }],
      income: { monthlyPerCapita: 100000 },
      currentHousing: 'none',
    };
    expect(definition.materials!.length).to.be.greaterThan(0);
    for (let step = await next(el); step !== 'materials'; step = await next(el));
    const input = inShadow<HTMLInputElement>(el, '#m-income-proof');
    const choose = async (file: File) => {
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await choose(new File([], '空白.pdf', { type: 'application/pdf' }));
    await choose(new File(['x'], '照片.gif', { type: 'image/gif' }));
    await choose(new File([new Uint8Array(10485761)], '大文件.pdf', { type: 'application/pdf' }));
    const text = shadowText(el);
    expect(text).to.contain('空白.pdf 是空文件');
    expect(text).to.contain('照片.gif 的类型不支持');
    expect(text).to.contain('大文件.pdf 太大：文件不能超过 10 MB');
    await choose(new File(['%PDF-1.4'], '收入.pdf', { type: 'application/pdf' }));
    await waitUntil(() => shadowText(el).includes('收入.pdf 上传失败'), 'network failure', { timeout: 8000 });
    expect(allInShadow(el, 'button').some((b) => b.textContent!.trim() === '重新上传')).to.equal(true);
  });
});

describe('application form helpers', () => {
  it('reads the guide’s situation answers and drops unknown ones', () => {
    const situations = [
      { id: 'hukou', question: 'q', options: [{ id: 'local', label: 'l' }] },
      {
        id: 'items',
        question: 'q',
        multiple: true,
        options: [
          { id: 'a', label: 'a' },
          { id: 'b', label: 'b' },
        ],
      },
    ];
    expect(
      situationFromQuery('?code=1&s.hukou=local&s.items=a&s.items=b&s.x=y&s.hukou=far', situations),
    ).to.deep.equal({
      hukou: 'local',
      items: ['a', 'b'],
    });
    expect(situationFromQuery('{"items":"b"}', situations)).to.deep.equal({ items: ['b'] });
  });

  it('maps the server’s pointers onto the form, a material error onto its material', () => {
    const at = (pointer: string, materialId?: string) =>
      localPointer({ pointer, message: '', ...(materialId ? { materialId } : {}) });
    expect(at('/formData/applicant/idNumber')).to.equal('/applicant/idNumber');
    expect(at('/materials/0/uploadIds/0', 'income-proof')).to.equal('#materials/income-proof');
    // A missing material has no place in the request: the server names it.
    expect(at('/materials', 'labour-contract')).to.equal('#materials/labour-contract');
    expect(at('/commitmentAccepted')).to.equal('#commitment');
    expect(at('/situationAnswers/hukou')).to.equal('#situation/hukou');
    expect(at('/formVersion')).to.equal('');
  });
});
