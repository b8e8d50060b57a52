/**
 * <banshi-application-form> uploads: what a chosen file shows (a photo's thumbnail, a PDF's page count), and
 * what happens to a file that is refused (its row goes; its message stays in the error summary). A form of
 * materials only, so the stories open on the materials step.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, type HttpHandler } from 'msw';
import { expect, waitFor } from 'storybook/test';
import type { FormDefinition } from '@banshi/sdk/forms';
import '../packages/elements/src/application-form/define.js';
import type { BanshiApplicationForm } from '../packages/elements/src/application-form/application-form.js';
import { deleteDraft } from '../packages/elements/src/application-form/drafts.js';
import { API, json } from './mocks/index.js';
import { inside, shown, widget } from './support/shadow.js';

const CODE = 'uploads-story';

/** Two materials: a photo (JPG or PNG, at most 5 MB) and any document. */
const definition: FormDefinition = {
  id: CODE,
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
      maxBytes: 5242880,
    },
    { id: 'scan', name: 'm.scan', necessity: 'optional', source: 'applicant' },
  ],
  messages: {
    'zh-CN': { 'm.photo': '本人近期照片', 'm.scan': '户口簿扫描件' },
    en: { 'm.photo': 'A recent photo', 'm.scan': 'Household register scan' },
  },
};

let uploads = 0;
/** Uploads pass the content check, but for a file named 病毒 (virus). */
const uploadHandlers: HttpHandler[] = [
  http.post(`${API}/uploads`, async ({ request }) => {
    const file = (await request.formData()).get('file') as File;
    const rejected = file.name.includes('病毒');
    return json(
      request,
      {
        id: `up_UPLOADSTORY${++uploads}`,
        name: file.name,
        size: file.size,
        mediaType: file.type,
        sha256: '9f2c1b7e4d3a5f60812b7c9d0e4f3a2b1c6d5e8f7a9b0c1d2e3f4a5b6c7d8e9f',
        contentCheck: rejected ? { status: 'rejected', reasonCode: 'malware' } : { status: 'passed' },
        createdAt: '2026-11-23T09:12:03+08:00',
        expiresAt: '2026-11-30T09:12:03+08:00',
      },
      201,
    );
  }),
];

const meta = {
  title: 'Widgets/Application form 我要办/Uploads',
  component: 'banshi-application-form',
  parameters: { msw: { handlers: { uploads: uploadHandlers } } },
  loaders: [async () => ({ cleared: await deleteDraft(CODE) })],
  render: () =>
    html`<banshi-application-form item-code=${CODE} .definition=${definition}></banshi-application-form>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** A photo drawn in the browser (a blue square), as a PNG file. */
async function photo(name: string): Promise<File> {
  const canvas = Object.assign(document.createElement('canvas'), { width: 400, height: 300 });
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#1d4f91';
  context.fillRect(0, 0, 400, 300);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

/** A three-page PDF's page tree (the form reads the count, nothing more). */
const threePages = new File(
  ['%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R 4 0 R] /Count 3 >> endobj\n%%EOF\n'],
  '户口簿.pdf',
  { type: 'application/pdf' },
);

async function choose(el: BanshiApplicationForm, materialId: string, file: File): Promise<void> {
  await shown(el, `#m-${materialId}`);
  const input = inside<HTMLInputElement>(el, `#m-${materialId}`);
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** A photo shows its thumbnail, a PDF its page count (共 3 页), beside the file's name. */
export const Previews: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget<BanshiApplicationForm>(canvasElement, 'banshi-application-form');
    await choose(el, 'photo', await photo('照片.png'));
    await choose(el, 'scan', threePages);
    await shown(el, '.file img');
    await shown(el, '.file .pages');
  },
};

/**
 * A GIF (not a type the photo takes) and a file the content check rejects: neither keeps a row, and the
 * error summary says why for each.
 */
export const RefusedFiles: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget<BanshiApplicationForm>(canvasElement, 'banshi-application-form');
    await choose(el, 'photo', new File(['GIF89a'], '动图.gif', { type: 'image/gif' }));
    await choose(el, 'scan', new File(['%PDF-1.4'], '病毒.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(inside(el, '[part=error-summary]').textContent).toContain('病毒.pdf'), {
      timeout: 5000,
    });
    expect(el.shadowRoot!.querySelectorAll('.file')).toHaveLength(0);
  },
};
