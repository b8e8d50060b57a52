import { isAPIError, type BanshiApi } from '../base/api.js';
import type { Material } from '@banshi/sdk/forms';
import {
  DEFAULT_ACCEPT,
  DEFAULT_MAX_BYTES,
  fileProblem,
  mediaTypeOf,
  megabytes,
  typeNames,
  type FileEntry,
  type Limits,
  type MaterialState,
} from './uploads.js';

/**
 * Uploads files as soon as they are chosen, with progress, cancel and retry, then follows the server's
 * content check. `changed` is called whenever an entry moves on.
 */
export class Uploader {
  private readonly files = new Map<string, File>();
  private readonly aborts = new Map<string, AbortController>();

  constructor(
    private readonly api: () => BanshiApi,
    private readonly changed: (entry?: FileEntry) => void,
    /** Milliseconds between content-check polls. */
    private readonly pollMs: () => number,
    /** The form session token the uploads are tied to (it comes with the form definition). */
    private readonly formSession: () => string | undefined = () => undefined,
  ) {}

  /**
   * Starts uploading `file` for `material` (or as an {@link ATTACHMENT}) into `state`; refuses it at once
   * when it cannot pass.
   */
  add(
    itemCode: string,
    material: Limits & Pick<Material, 'id'>,
    state: MaterialState,
    file: File,
  ): FileEntry {
    const entry: FileEntry = {
      key: Math.random().toString(36).slice(2),
      name: file.name,
      size: file.size,
      status: 'uploading',
      percent: 0,
    };
    state.files.push(entry);
    this.files.set(entry.key, file);
    const problem = fileProblem(file, material);
    if (problem) Object.assign(entry, { status: 'invalid', problem });
    else {
      void this.send(itemCode, material.id, entry);
      // The preview is a chunk of its own, fetched with the first file chosen.
      void import('./file-preview.js')
        .then(({ previewOf }) => previewOf(file, mediaTypeOf(file) ?? ''))
        .then((preview) => {
          entry.preview = preview;
          this.changed();
        });
    }
    this.changed();
    return entry;
  }

  /** Tries a failed upload again with the same file. */
  retry(itemCode: string, materialId: string, entry: FileEntry): void {
    Object.assign(entry, { status: 'uploading', percent: 0, problem: undefined });
    void this.send(itemCode, materialId, entry);
    this.changed();
  }

  /** Stops an upload in progress. */
  cancel(entry: FileEntry): void {
    this.aborts.get(entry.key)?.abort();
  }

  /** Whether the file is still in memory to retry (not after a reload). */
  canRetry(entry: FileEntry): boolean {
    return this.files.has(entry.key);
  }

  /** Follows the content check of an upload that is still pending (also after a reload). */
  async follow(entry: FileEntry, tries = 30): Promise<void> {
    for (let n = 0; entry.status === 'pending' && entry.id && n < tries; n++) {
      await new Promise((resolve) => setTimeout(resolve, this.pollMs()));
      try {
        this.settle(entry, await this.api().uploads.get(entry.id, { formSession: this.formSession() }));
      } catch {
        // The check result is fetched again on the next round.
      }
    }
  }

  private settle(
    entry: FileEntry,
    upload: { id: string; contentCheck: { status: FileEntry['status']; reasonCode?: string } },
  ): void {
    entry.id = upload.id;
    entry.status = upload.contentCheck.status;
    const reason = upload.contentCheck.reasonCode;
    if (entry.status === 'rejected')
      entry.problem = [
        'apply.file.rejected',
        { name: entry.name, reason: `apply.check.${reason ?? 'corrupt'}` },
      ];
    this.changed(entry);
  }

  private async send(itemCode: string, materialId: string, entry: FileEntry): Promise<void> {
    const controller = new AbortController();
    this.aborts.set(entry.key, controller);
    const name = entry.name;
    try {
      const upload = await this.api().uploads.create(
        {
          file: this.files.get(entry.key)!,
          ...(materialId ? { itemCode, materialId } : {}),
          formSession: this.formSession(),
        },
        {
          signal: controller.signal,
          onProgress: ({ percent }) => {
            entry.percent = Math.round(percent * 100);
            this.changed();
          },
        },
      );
      this.settle(entry, upload);
      await this.follow(entry);
    } catch (error) {
      entry.status = 'failed';
      const status = isAPIError(error) ? error.status : 0;
      entry.problem = controller.signal.aborted
        ? ['apply.file.cancelled', { name }]
        : status === 413
          ? ['apply.file.tooBig', { name, max: megabytes(DEFAULT_MAX_BYTES) }]
          : status === 415
            ? ['apply.file.wrongType', { name, types: typeNames(DEFAULT_ACCEPT) }]
            : ['apply.file.failed', { name }];
      this.changed();
    } finally {
      this.aborts.delete(entry.key);
    }
  }
}
