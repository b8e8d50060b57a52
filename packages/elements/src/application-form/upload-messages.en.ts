import type { UploadMessageKey } from './upload-messages.js';

/** The English strings of the uploader, fetched the first time a widget shows English. */
export const en: Record<UploadMessageKey, string> = {
  'apply.file.uploading': 'Uploading {percent}%',
  'apply.file.pending': 'Uploaded, being checked…',
  'apply.file.passed': 'Uploaded and checked',
  'apply.file.cancel': 'Cancel upload',
  'apply.file.remove': 'Remove',
  'apply.file.retry': 'Upload again',
  'apply.file.tooBig': '{name} is too big: files must be {max} or smaller',
  'apply.file.wrongType': '{name} is not an accepted type: upload a {types} file',
  'apply.file.empty': '{name} is empty: choose another file',
  'apply.file.failed': '{name} did not upload: check your connection and upload it again',
  'apply.file.cancelled': 'Upload of {name} cancelled',
  'apply.file.rejected': '{name} did not pass the check: {reason}',
  'apply.file.pages': '{count} pages',
  'apply.check.malware': 'a virus was found',
  'apply.check.type_mismatch': 'the content does not match the file type',
  'apply.check.corrupt': 'the file is damaged',
  'apply.check.encrypted': 'the file is password-protected',
  'apply.check.empty': 'the file has no content',
};
