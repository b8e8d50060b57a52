/** Steps a test takes through `<banshi-application-form>` the way a keyboard or mouse user would. */
import { waitUntil } from '@open-wc/testing';
import { creditCodeCheckChar, idCardCheckChar, organisationCodeCheckChar } from '@banshi/sdk/forms';
import type { BanshiApplicationForm } from './application-form.js';
import { allInShadow, inShadow, shadowText } from '../test-support/helpers.js';

/** A valid resident ID number from its first 17 characters. */
export const idNumber = (first17: string): string => first17 + idCardCheckChar(first17);
/** A valid unified social credit code from its first 16 characters (both check characters computed). */
export function creditCode(first16: string): string {
  const first17 = first16 + organisationCodeCheckChar(first16.slice(8));
  return first17 + creditCodeCheckChar(first17);
}

/** A small real PDF (the server sniffs the content). */
export const pdf = (name = 'proof.pdf'): File =>
  new File(['%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'], name, { type: 'application/pdf' });

const byId = (el: Element, id: string) => inShadow<HTMLInputElement>(el, `#${CSS.escape(id)}`);

/** Types into the text box of a field. */
export async function type(el: BanshiApplicationForm, pointer: string, text: string): Promise<void> {
  const input = byId(el, 'f' + pointer);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Picks the option of a radio, checkbox or situation group whose visible label is `label`. */
export async function pick(el: BanshiApplicationForm, name: string, label: string): Promise<void> {
  const input = allInShadow<HTMLInputElement>(el, `input[name="${name}"]`).find(
    (candidate) => candidate.closest('label')?.textContent?.trim() === label,
  );
  if (!input) throw new Error(`no option "${label}" in ${name}`);
  input.click();
  await el.updateComplete;
}

/** Chooses an option of a select by its visible text. */
export async function select(el: BanshiApplicationForm, id: string, label: string): Promise<void> {
  const box = byId(el, id) as unknown as HTMLSelectElement;
  const index = [...box.options].findIndex((option) => option.textContent?.trim() === label);
  if (index < 0) throw new Error(`no option "${label}" in ${id}`);
  box.selectedIndex = index;
  box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Picks a region level by level, waiting for each list to arrive from the server. */
export async function region(el: BanshiApplicationForm, pointer: string, names: string[]): Promise<void> {
  for (const [level, name] of names.entries()) {
    const id = level ? `f${pointer}-${level}` : `f${pointer}`;
    await waitUntil(() => el.shadowRoot!.getElementById(id), `region list ${id}`);
    await select(el, id, name);
  }
}

/** The heading of the step on screen. */
export const heading = (el: BanshiApplicationForm): string => inShadow(el, 'h2').textContent!.trim();

/** Presses Continue (or Submit) and waits until the next step is on screen. */
export async function next(el: BanshiApplicationForm): Promise<string> {
  let step = '';
  const stepped = (event: Event) => (step = (event as CustomEvent<{ step: string }>).detail.step);
  el.addEventListener('banshi-step', stepped, { once: true });
  await el.updateComplete;
  inShadow<HTMLButtonElement>(el, '[part=continue]').click();
  await waitUntil(() => step || el.shadowRoot!.querySelector('[part=error-summary]'), 'next step', {
    timeout: 5000,
  });
  el.removeEventListener('banshi-step', stepped);
  if (!step)
    throw new Error(
      `stayed on "${heading(el)}": ${el.shadowRoot!.querySelector('[part=error-summary]')!.textContent!.replace(/\s+/g, ' ')}`,
    );
  return step;
}

/** Presses Continue expecting the error summary. */
export async function nextFails(el: BanshiApplicationForm): Promise<string[]> {
  await el.updateComplete;
  inShadow<HTMLButtonElement>(el, '[part=continue]').click();
  await waitUntil(() => el.shadowRoot!.querySelector('[part=error-summary]'), 'error summary');
  return allInShadow(el, '[part=error-summary] li').map((li) => li.textContent!.trim());
}

/** Chooses files for a material and waits until each has passed the server's content check. */
export async function upload(el: BanshiApplicationForm, materialId: string, ...files: File[]): Promise<void> {
  const input = byId(el, 'm-' + materialId);
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  const field = input.closest('fieldset')!;
  await waitUntil(
    () => {
      const rows = [...field.querySelectorAll('.file')];
      const row = (file: File) => rows.find((li) => li.querySelector('.name')?.textContent === file.name);
      if (files.some((file) => row(file)?.querySelector('.error'))) return true;
      return files.every((file) => row(file)?.querySelector('.ok'));
    },
    `upload of ${materialId}`,
    { timeout: 8000 },
  );
}

export async function loaded(el: BanshiApplicationForm): Promise<void> {
  await waitUntil(
    () => el.shadowRoot?.querySelector('[part=continue], [part=panel], .notice'),
    'form loaded',
    {
      timeout: 8000,
    },
  );
}

/** Submits from check your answers and waits for the confirmation. */
export async function submitted(
  el: BanshiApplicationForm,
): Promise<{ caseNumber: string; queryCode: string }> {
  let detail: { caseNumber: string; queryCode: string } | undefined;
  el.addEventListener('banshi-submitted', (event) => (detail = event.detail), { once: true });
  await el.updateComplete;
  inShadow<HTMLButtonElement>(el, '[part=continue]').click();
  const root = el.shadowRoot!;
  await waitUntil(() => detail || root.querySelector('[part=error-summary]'), 'answer', {
    timeout: 8000,
  }).catch(() => undefined);
  await waitUntil(() => root.querySelector('[part=panel]') || !detail, 'confirmation');
  if (!detail)
    throw new Error(
      `not sent: ${(root.querySelector('#failure, [part=error-summary]')?.textContent ?? '').replace(/\s+/g, ' ')}`,
    );
  return detail;
}

export { shadowText };
