import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { FormDefinition } from '@banshi/sdk/forms';
import type { BanshiApplicationForm } from './application-form.js';
import './define.js';
import { deleteDraft } from './drafts.js';
import { allInShadow, inShadow, UNREACHABLE_API } from '../test-support/helpers.js';

/** A form of one material, a photo of at most 5 MB. */
const photoForm: FormDefinition = {
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
      source: 'applicant',
      accept: ['image/jpeg', 'image/png'],
      maxBytes: 5 * 1024 * 1024,
    },
    { id: 'scan', name: 'm.scan', necessity: 'optional', source: 'applicant' },
  ],
  messages: {
    'zh-CN': { 'm.photo': '本人照片', 'm.scan': '其他材料' },
    en: { 'm.photo': 'Photo', 'm.scan': 'Other' },
  },
};

/** The form in a container `width` wide (the window cannot be resized under every engine). */
async function openForm(lang = 'zh-CN', width = 'auto'): Promise<BanshiApplicationForm> {
  await deleteDraft('photo-test');
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang} style="width: ${width}">
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

type Uploaded = { key: string; name: string; size: number; status: 'passed'; id: string };
const uploaded = (name: string, size: number): Uploaded => ({
  key: name,
  name,
  size,
  status: 'passed',
  id: 'up_' + size,
});

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

  it('offers only the uploaded files a material takes under 使用已上传的文件', async () => {
    const el = await openForm();
    // Files the applicant uploaded for the other material: a PDF, a small photo and a large one.
    (el as unknown as { materialStates: Record<string, { files: Uploaded[] }> }).materialStates = {
      scan: {
        files: [
          uploaded('扫描件.pdf', 1000),
          uploaded('小照片.jpg', 2000),
          uploaded('大照片.png', 6 * 1048576),
        ],
      },
    };
    await el.updateComplete;
    const offered = allInShadow(el, 'fieldset.material')[0]!.querySelectorAll('.reuse button');
    expect([...offered].map((button) => button.textContent!.trim())).to.deep.equal(['小照片.jpg']);
  });
});

/** A real PNG of `width` × `height`, drawn in the browser. */
async function png(name: string, width = 300, height = 200): Promise<File> {
  const canvas = document.createElement('canvas');
  Object.assign(canvas, { width, height });
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

async function chooseFiles(el: BanshiApplicationForm, materialId: string, ...files: File[]): Promise<void> {
  const input = inShadow<HTMLInputElement>(el, `#m-${materialId}`);
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('<banshi-application-form> upload previews and refusals', () => {
  it('shows a thumbnail of a photo and the page count of a PDF', async () => {
    const el = await openForm();
    await chooseFiles(el, 'photo', await png('照片.png'));
    await waitUntil(() => el.shadowRoot!.querySelector('.file img'), 'thumbnail shown');
    const thumbnail = inShadow<HTMLImageElement>(el, '.file img');
    await waitUntil(() => thumbnail.complete && thumbnail.naturalWidth > 0, 'thumbnail drawn');
    expect(thumbnail.src).to.match(/^data:image\/jpeg/);
    expect(thumbnail.naturalWidth).to.equal(128);
    const pdf =
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >> endobj\n%%EOF\n';
    await chooseFiles(el, 'scan', new File([pdf], '扫描件.pdf', { type: 'application/pdf' }));
    await waitUntil(() => el.shadowRoot!.querySelector('.file .pages'), 'page count');
    expect(inShadow(el, '.file .pages').textContent).to.equal('共 3 页');
  });

  it('takes a refused file’s row away and keeps its message in the error summary', async () => {
    const el = await openForm();
    await chooseFiles(el, 'photo', new File(['GIF89a'], '动图.gif', { type: 'image/gif' }));
    await chooseFiles(el, 'photo', new File([], '空白.png', { type: 'image/png' }));
    expect(allInShadow(el, '.file')).to.have.length(0);
    const summary = () => allInShadow(el, '[part=error-summary] li').map((li) => li.textContent!.trim());
    expect(summary()).to.deep.equal([
      '动图.gif 的类型不支持：请上传 JPG、PNG 文件',
      '空白.png 是空文件，请重新选择',
    ]);
    // The link leads to the material's file input; the message is also beside the material.
    expect(inShadow(el, '[part=error-summary] a').getAttribute('href')).to.equal('#m-photo');
    expect(inShadow(el, '#m-photo-error').textContent).to.contain('动图.gif');
    await expect(el).to.be.accessible();
  });
});

describe('<banshi-application-form> uploads on a narrow phone', () => {
  for (const width of [320, 360]) {
    it(`wraps a file's row, status and limits inside the widget at ${width} px`, async () => {
      const el = await openForm('zh-CN', `${width}px`);
      const thumbnail = URL.createObjectURL(await png('收入证明.png', 64, 64));
      (el as unknown as { materialStates: Record<string, { files: unknown[] }> }).materialStates = {
        photo: {
          files: [{ ...uploaded('收入证明（2026年1月至6月工资流水）.png', 1000), preview: { thumbnail } }],
        },
      };
      await el.updateComplete;
      await waitUntil(() => el.shadowRoot!.querySelector('.file .ok'), 'file row shown');
      const widget = inShadow(el, '.root').getBoundingClientRect();
      expect(widget.width).to.be.at.most(width);
      const area = [inShadow(el, 'form'), ...allInShadow(el, 'fieldset.material, fieldset.material *')];
      const outside = area
        .filter((node) => {
          const box = node.getBoundingClientRect();
          // Text for screen readers is clipped to a pixel on purpose, and the browser's own file box clips
          // its "no file chosen" text inside itself (Firefox reports that as scrolling): their boxes still
          // have to be inside.
          const clipped = node.classList.contains('sr-only') || (node as HTMLInputElement).type === 'file';
          return (
            (!clipped && node.scrollWidth > node.clientWidth + 1) ||
            box.right > widget.right + 0.5 ||
            box.left < widget.left - 0.5
          );
        })
        .map((node) => `${node.localName}.${node.className}: ${node.textContent!.trim().slice(0, 20)}`);
      expect(outside).to.deep.equal([]);
    });
  }
});

describe('<banshi-application-form> uploads on a wide screen', () => {
  it('keeps 选择文件 and 拍照上传 the size of their content at 1280 px', async () => {
    const el = await openForm('zh-CN', '1280px');
    const buttons = allInShadow(el, '.material .file-choose');
    expect(buttons.length).to.be.at.least(2);
    for (const button of buttons) expect(button.getBoundingClientRect().width).to.be.below(640);
  });
});
