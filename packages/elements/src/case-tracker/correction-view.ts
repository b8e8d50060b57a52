import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { renderErrorSummary } from '../base/error-summary.js';
import type { Translate } from '../base/translate.js';
import { formatDay } from './format.js';
import type { CorrectionRequest } from './types.js';

/** The uploads of each asked-for material: the names and ids once uploaded, or `busy` meanwhile. */
export type CorrectionUploads = Record<string, { names: string[]; ids: string[] } | 'busy'>;

/** What the correction form shows and what it does. */
export interface CorrectionView {
  host: ReactiveElement;
  msg: Translate;
  locale: string;
  busy: boolean;
  uploads: CorrectionUploads;
  /** Materials submitted without a file. */
  missing: readonly string[];
  failure: string;
  submit(event: Event): void;
  files(materialId: string, input: HTMLInputElement): void;
}

/** 补齐补正: exactly what is missing, a file input for each material, a note, and send once. */
export function renderCorrection(view: CorrectionView, correction: CorrectionRequest): TemplateResult {
  const { msg } = view;
  return html`<form id="correction" class="panel" novalidate @submit=${view.submit}>
    <h3>${msg('tracker.correction')}</h3>
    <p>${msg('tracker.correction.deadline', { date: formatDay(correction.deadline, view.locale) })}</p>
    ${correction.note ? html`<p>${correction.note}</p>` : nothing}
    ${renderErrorSummary(
      view.host,
      msg('tracker.errors'),
      view.missing.map((id) => ({
        target: `file-${id}`,
        text: msg('tracker.error.files', {
          name: correction.items.find((item) => item.materialId === id)?.name ?? id,
        }),
      })),
    )}
    <ol class="missing">
      ${correction.items.map(
        (item) =>
          html`<li>
            <strong>${item.name}</strong>：${item.reason}
            ${item.materialId ? renderFileField(view, item.materialId, item.name) : nothing}
          </li>`,
      )}
    </ol>
    <div class="field">
      <label class="label" for="correction-note">${msg('tracker.correction.note')}</label>
      <textarea id="correction-note" maxlength="500"></textarea>
    </div>
    ${view.failure ? html`<div class="notice" part="notice" role="alert">${view.failure}</div>` : nothing}
    <div class="actions">
      <button class="primary" part="submit" type="submit" ?disabled=${view.busy}>
        ${msg(view.busy ? 'tracker.correction.sending' : 'tracker.correction.submit')}
      </button>
    </div>
  </form>`;
}

function renderFileField(view: CorrectionView, id: string, name: string): TemplateResult {
  const { msg } = view;
  const upload = view.uploads[id];
  const invalid = view.missing.includes(id);
  return html`<div class="field">
    <label class="label" for="file-${id}">${msg('tracker.correction.file', { name })}</label>
    ${invalid ? html`<p class="error" id="file-${id}-error">${msg('tracker.error.files', { name })}</p>` : nothing}
    <input
      type="file"
      id="file-${id}"
      multiple
      aria-invalid=${invalid}
      aria-describedby="file-${id}-status${invalid ? ` file-${id}-error` : ''}"
      @change=${(event: Event) => view.files(id, event.target as HTMLInputElement)}
    />
    <div class="hint" id="file-${id}-status" aria-live="polite">
      ${
        upload === 'busy'
          ? msg('tracker.correction.uploading')
          : upload
            ? msg('tracker.correction.uploaded', { names: upload.names.join('、') })
            : ''
      }
    </div>
  </div>`;
}
