import type { components } from '../../generated/schema.js';
import type { UploadProgress } from '../../core/transport.js';
import { APIResource, type MutationOptions } from '../api-resource.js';
import type { CallOptions } from '../../core/transport.js';

/** What {@link Uploads.create} sends: the file, and optionally the item and material it is for. */
export interface UploadCreateParams extends Omit<components['schemas']['UploadCreate'], 'file'> {
  /** The file. A `File` keeps its name; name a `Blob` with `filename`. */
  file: Blob;
  /** The name the upload gets; defaults to the `File`'s own name. */
  filename?: string | undefined;
  /** The form session token (`FormDefinition.session.token`), sent in `X-Form-Session`. */
  formSession?: string | undefined;
}

/** Options of {@link Uploads.get}: the form session the file was uploaded in (staff need none). */
export interface UploadGetOptions extends CallOptions {
  formSession?: string | undefined;
}

/** Moves `formSession` into the `X-Form-Session` header. */
function withFormSession<Options extends CallOptions>(
  options: Options,
  formSession: string | undefined,
): Options {
  return formSession === undefined
    ? options
    : { ...options, headers: { ...options.headers, 'X-Form-Session': formSession } };
}

/**
 * Default time an upload may take to be answered: the whole file must go out first, and a 20 MiB scan on a
 * slow mobile uplink takes minutes, far beyond the client's usual `timeout`.
 */
export const UPLOAD_TIMEOUT = 10 * 60_000;

/** Options of {@link Uploads.create}. `timeout` defaults to {@link UPLOAD_TIMEOUT}. */
export interface UploadCreateOptions extends MutationOptions {
  /**
   * Called as the bytes go out. Browsers report through XMLHttpRequest (fetch cannot report upload
   * progress over HTTP/1.1); Node through a streamed body. `percent` goes from 0 to 1.
   */
  onProgress?: ((progress: UploadProgress) => void) | undefined;
}

/** Files chosen in an application form, uploaded at once; the form data then holds only the upload id. */
export class Uploads extends APIResource {
  /**
   * Uploads one file (multipart). The content check runs afterwards: poll {@link Uploads.get} until
   * `contentCheck.status` is no longer `pending`.
   */
  create(
    params: UploadCreateParams,
    options: UploadCreateOptions = {},
  ): Promise<components['schemas']['Upload']> {
    const { file, filename, formSession, ...fields } = params;
    const { onProgress, ...callOptions } = options;
    const form = new FormData();
    const name = filename ?? (file as Partial<File>).name;
    if (name) form.append('file', file, name);
    else form.append('file', file);
    for (const [field, value] of Object.entries(fields)) {
      if (value !== undefined) form.append(field, String(value));
    }
    return this.call('post', '/uploads', {
      timeout: UPLOAD_TIMEOUT,
      ...withFormSession(callOptions, formSession),
      body: form,
      onUploadProgress: onProgress,
    });
  }

  /** The upload's metadata and content-check status. */
  get(uploadId: string, options: UploadGetOptions = {}): Promise<components['schemas']['Upload']> {
    const { formSession, ...callOptions } = options;
    return this.call('get', '/uploads/{uploadId}', {
      ...withFormSession(callOptions, formSession),
      params: { uploadId },
    });
  }
}
