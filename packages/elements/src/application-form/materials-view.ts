import { html, nothing, type TemplateResult } from 'lit';
import type { Material } from '@banshi/sdk/forms';
import { idFor, type ControlHost } from './controls.js';
import {
  acceptAttribute,
  fileLimits,
  fitsMaterial,
  megabytes,
  problemMessage,
  typeNames,
  type FileEntry,
  type MaterialState,
} from './uploads.js';

/** What the materials step can do. */
export interface MaterialActions {
  choose(material: Material, files: File[]): void;
  retry(material: Material, entry: FileEntry): void;
  cancel(entry: FileEntry): void;
  canRetry(entry: FileEntry): boolean;
  remove(material: Material, entry: FileEntry): void;
  reuse(material: Material, entry: FileEntry): void;
  later(material: Material, later: boolean): void;
}

type Host = Pick<ControlHost, 't' | 'msg' | 'errorAt'>;

/** A photo's thumbnail (decorative: the name is beside it) or a PDF's page count. */
function renderPreview(host: Host, entry: FileEntry): TemplateResult | typeof nothing {
  const { thumbnail, pages } = entry.preview ?? {};
  if (thumbnail) return html`<img class="thumbnail" src=${thumbnail} alt="" />`;
  if (pages) return html`<span class="hint pages">${host.msg('apply.file.pages', { count: pages })}</span>`;
  return nothing;
}

function renderFile(host: Host, material: Material, entry: FileEntry, act: MaterialActions): TemplateResult {
  const status = entry.status;
  const busy = status === 'uploading';
  return html`<li class="file ${entry.problem ? 'invalid' : ''}">
    ${renderPreview(host, entry)}<span class="name">${entry.name}</span>
    ${
      busy
        ? html`<progress max="100" .value=${entry.percent ?? 0} aria-label=${entry.name}></progress>
            <span role="status">${host.msg('apply.file.uploading', { percent: entry.percent ?? 0 })}</span>`
        : entry.problem
          ? html`<span class="error" role="alert"
              >${problemMessage((key, params) => host.msg(key, params), entry.problem)}</span
            >`
          : html`<span class=${status === 'passed' ? 'ok' : 'hint'} role="status"
              >${host.msg(`apply.file.${status}`)}</span
            >`
    }
    <span class="actions">
      ${busy ? html`<button type="button" @click=${() => act.cancel(entry)}>${host.msg('apply.file.cancel')}</button>` : nothing}
      ${
        status === 'failed' && act.canRetry(entry)
          ? html`<button type="button" @click=${() => act.retry(material, entry)}>
              ${host.msg('apply.file.retry')}
            </button>`
          : nothing
      }
      ${busy ? nothing : html`<button type="button" @click=${() => act.remove(material, entry)}>${host.msg('apply.file.remove')}<span class="sr-only">${entry.name}</span></button>`}
    </span>
  </li>`;
}

/** The types and size a material takes, said before a file is chosen. */
function limitsText(host: Host, material: Material): string {
  const { accept, max } = fileLimits(material);
  return host.msg('apply.material.limits', { types: typeNames(accept), max: megabytes(max) });
}

/** A material that takes images can be photographed on a phone (拍照上传). */
const takesPhotos = (material: Material): boolean =>
  fileLimits(material).accept.some((type) => type.startsWith('image/'));

function chosen(event: Event, material: Material, act: MaterialActions): void {
  const input = event.target as HTMLInputElement;
  act.choose(material, [...(input.files ?? [])]);
  input.value = '';
}

/** Files dropped on a material go to it, as if chosen. */
function dropped(event: DragEvent, material: Material, act: MaterialActions): void {
  const files = [...(event.dataTransfer?.files ?? [])];
  if (!files.length) return;
  event.preventDefault();
  act.choose(material, files);
}

/** The materials step: each material with its necessity, uploads, 容缺后补 choice or 免提交 note. */
export function renderMaterials(
  host: Host,
  materials: Material[],
  states: Record<string, MaterialState>,
  act: MaterialActions,
): TemplateResult {
  const uploaded = Object.values(states).flatMap((state) =>
    state.files.filter((file) => file.id && file.status !== 'rejected'),
  );
  return html`<h2 tabindex="-1" part="title">${host.msg('apply.materials')}</h2>
    <p class="hint">${host.msg('apply.materials.hint')}</p>
    ${materials.map((material) => {
      const state = states[material.id] ?? { files: [] };
      const reusable = uploaded.filter(
        (file) => !state.files.some((own) => own.id === file.id) && fitsMaterial(file, material),
      );
      return renderMaterial(host, { material, state, reusable }, act);
    })}`;
}

/** One material, its state, and the files uploaded for other materials that it would take too. */
interface MaterialView {
  material: Material;
  state: MaterialState;
  reusable: FileEntry[];
}

function renderMaterial(host: Host, view: MaterialView, act: MaterialActions): TemplateResult {
  const { material, state } = view;
  const pointer = '#materials/' + material.id;
  const id = idFor(pointer);
  const error = host.errorAt(pointer);
  const deferrable = material.necessity === 'deferrable';
  return html`<fieldset
    @dragover=${(event: DragEvent) => event.preventDefault()}
    @drop=${(event: DragEvent) => !state.later && !material.eLicence && dropped(event, material, act)}
    class="field material ${error ? 'invalid' : ''}"
    aria-describedby="${id}-status${error ? ` ${id}-error` : ''}"
  >
    <legend>
      ${host.t(material.name)}${material.necessity === 'optional' ? host.msg('apply.optional') : nothing}
    </legend>
    <p class="tag" id="${id}-status">
      ${
        material.eLicence
          ? host.msg('apply.material.eLicence')
          : host.msg(`apply.material.${material.necessity}`)
      }${
        deferrable
          ? html` · ${host.msg('apply.material.deadline', { days: material.deferDays ?? 5 })}`
          : nothing
      }
    </p>
    ${material.notes ? html`<p class="hint">${host.t(material.notes)}</p>` : nothing}
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    ${
      material.eLicence
        ? nothing
        : html`${deferrable ? renderLaterChoice(host, material, state, id, act) : nothing}
          ${state.later ? nothing : renderUploads(host, view, id, act)}`
    }
  </fieldset>`;
}

/** 现在上传 or 容缺后补, for a material that may follow within its days. */
function renderLaterChoice(
  host: Host,
  material: Material,
  state: MaterialState,
  id: string,
  act: MaterialActions,
): TemplateResult {
  return html`<div class="options">
    ${[false, true].map(
      (later) =>
        html`<label class="option"
          ><input
            type="radio"
            name="${id}-later"
            .checked=${!!state.later === later}
            @change=${() => act.later(material, later)}
          />
          <span
            >${later ? host.msg('apply.material.later', { days: material.deferDays ?? 5 }) : host.msg('apply.material.now')}</span
          ></label
        >`,
    )}
  </div>`;
}

/** The material's files, its limits, 选择文件 (and 拍照上传), and the uploaded files it would take. */
function renderUploads(host: Host, view: MaterialView, id: string, act: MaterialActions): TemplateResult {
  const { material, state, reusable } = view;
  const name = host.t(material.name);
  return html`<ul class="files">
      ${state.files.map((entry) => renderFile(host, material, entry, act))}
    </ul>
    <p class="hint" id="${id}-limits">${limitsText(host, material)}</p>
    <label class="file-choose">
      <span>${host.msg('apply.material.choose')}<span class="sr-only">：${name}</span></span>
      <input
        id=${id}
        type="file"
        multiple
        accept=${acceptAttribute(material)}
        aria-describedby="${id}-limits"
        @change=${(event: Event) => chosen(event, material, act)}
      />
    </label>
    ${
      takesPhotos(material)
        ? html`<label class="file-choose">
            <span>${host.msg('apply.material.photo')}<span class="sr-only">：${name}</span></span>
            <input
              class="photo"
              type="file"
              accept="image/*"
              capture="environment"
              aria-describedby="${id}-limits"
              @change=${(event: Event) => chosen(event, material, act)}
            />
          </label>`
        : nothing
    }
    <span class="hint drop-hint">${host.msg('apply.material.drop')}</span>
    ${
      reusable.length
        ? html`<div class="reuse">
            <p class="hint">${host.msg('apply.material.reuse')}</p>
            ${reusable.map((file) => html`<button type="button" class="link" @click=${() => act.reuse(material, file)}>${file.name}</button>`)}
          </div>`
        : nothing
    }`;
}
