import { html, nothing, type TemplateResult } from 'lit';
import type { BanshiApi } from '../base/api.js';
import type { Translate } from '../base/translate.js';
import {
  ATTACHMENT,
  acceptAttribute,
  fileProblem,
  problemMessage,
  type FileEntry,
  type MaterialState,
} from '../application-form/uploads.js';
import { Uploader } from '../application-form/uploader.js';

/** How often an upload's content check is asked about. */
const POLL_MS = 1500;

/**
 * The one file a question may carry, uploaded as soon as it is chosen with the application form's own
 * uploader (its types, size limit, progress and content check), in a form session of the item.
 */
export class QuestionAttachment {
  private state: MaterialState = { files: [] };
  private session?: string;
  private readonly uploader: Uploader;

  constructor(
    private readonly api: () => BanshiApi,
    changed: () => void,
  ) {
    this.uploader = new Uploader(
      api,
      changed,
      () => POLL_MS,
      () => this.session,
    );
  }

  /** The file chosen, if any. */
  get entry(): FileEntry | undefined {
    return this.state.files[0];
  }

  /** The form session the upload is tied to, sent with the question. */
  get formSession(): string | undefined {
    return this.session;
  }

  /**
   * Uploads `file` in place of any chosen before; the item's form gives the session the first time a
   * file fits.
   */
  async choose(itemCode: string, file: File): Promise<void> {
    // A file the hall does not take is refused here, with nothing asked of the server.
    if (!this.session && !fileProblem(file, {}))
      this.session = (await this.api().items.getForm(itemCode)).session?.token;
    this.state = { files: [] };
    this.uploader.add(itemCode, ATTACHMENT, this.state, file);
  }

  /** Forgets the file (removed, or the question was sent). */
  clear(): void {
    if (this.entry) this.uploader.cancel(this.entry);
    this.state = { files: [] };
  }

  /** Whether the question must wait for the file: still uploading. */
  get busy(): boolean {
    return this.entry?.status === 'uploading';
  }

  /** The upload id to send, once the server has the file and its check did not refuse it. */
  get uploadId(): string | undefined {
    const entry = this.entry;
    return entry && (entry.status === 'passed' || entry.status === 'pending') ? entry.id : undefined;
  }
}

/** The file field of the question, with the chosen file's progress or problem. */
export function renderAttachment(
  msg: Translate,
  attachment: QuestionAttachment,
  invalid: boolean,
  choose: (file: File) => void,
  remove: () => void,
): TemplateResult {
  const entry = attachment.entry;
  const status = !entry
    ? ''
    : entry.problem
      ? problemMessage(msg, entry.problem!)
      : entry.status === 'uploading'
        ? msg('apply.file.uploading', { percent: entry.percent ?? 0 })
        : msg(`apply.file.${entry.status === 'pending' ? 'pending' : 'passed'}`);
  return html`<div class="field">
    <label for="attachment">${msg('ask.attachment')}</label>
    <input
      id="attachment"
      type="file"
      accept=${acceptAttribute({})}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby="attachment-status"
      @change=${(event: Event) => {
        const file = (event.target as HTMLInputElement).files?.[0];
        if (file) choose(file);
      }}
    />
    <p id="attachment-status" role="status">${entry ? html`${entry.name}：${status}` : nothing}</p>
    ${
      entry
        ? html`<button type="button" class="link" @click=${remove}>${msg('apply.file.remove')}</button>`
        : nothing
    }
  </div>`;
}
