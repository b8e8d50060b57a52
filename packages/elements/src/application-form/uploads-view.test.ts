import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { FormDefinition } from '@banshi/sdk/forms';
import type { BanshiApplicationForm } from './application-form.js';
import './define.js';
import { deleteDraft } from './drafts.js';
import { allInShadow, inShadow, UNREACHABLE_API } from '../test-support/helpers.js';

/** A form of one material, a photo of at most 5 MB. */
const photoForm = {
  id: 'photo-test',
  version: '1.0.0',
  situations: [],
  schema: { type: 'object' },
  layout: { pages: [] },
  materials: [
    {
      id: 'photo',
      name: 'm.photo',
      necessity: 'required',
      accept: ['image/jpeg', 'image/png'],
      maxBytes: 5 * 1024 * 1024,
    },
  ],
  messages: { 'zh-CN': { 'm.photo': '本人照片' }, en: { 'm.photo': 'Photo' } },
} as unknown as FormDefinition;

async function openForm(lang = 'zh-CN'): Promise<BanshiApplicationForm> {
  await deleteDraft('photo-test');
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <banshi-application-form
        api-base=${UNREACHABLE_API}
        item-code="photo-test"
        .definition=${photoForm}
      ></banshi-application-form>
    </div>`,
  );
  const el = wrapper.querySelector('banshi-application-form')!;
  await waitUntil(() => el.shadowRoot?.querySelector('#m-photo'), 'materials shown');
  return el;
}

describe('<banshi-application-form> uploads', () => {
  it('says the types and size a material takes before a file is chosen, in both languages', async () => {
    const el = await openForm();
    const limits = inShadow(el, '#m-photo-limits');
    expect(limits.textContent).to.contain('JPG、PNG').and.contain('5 MB');
    expect(inShadow(el, '#m-photo').getAttribute('aria-describedby')).to.equal('m-photo-limits');
    const en = await openForm('en');
    expect(inShadow(en, '#m-photo-limits').textContent).to.contain('up to 5 MB');
  });

  it('offers 拍照上传 with the back camera for a material that takes images', async () => {
    const el = await openForm();
    const photo = inShadow<HTMLInputElement>(el, 'input.photo');
    expect(photo.getAttribute('capture')).to.equal('environment');
    expect(photo.accept).to.equal('image/*');
    expect(photo.closest('label')!.textContent).to.contain('拍照上传');
  });

  it('takes files dropped on the material', async () => {
    const el = await openForm();
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array([0xff, 0xd8, 0xff])], '照片.jpg', { type: 'image/jpeg' }));
    const fieldset = inShadow(el, 'fieldset.material');
    fieldset.dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
    await el.updateComplete;
    expect(allInShadow(el, '.file .name').map((name) => name.textContent)).to.deep.equal(['照片.jpg']);
  });
});
