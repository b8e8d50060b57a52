import type { LaterMessageKey } from './later-messages.js';
import { en as uploadEn } from './upload-messages.en.js';

/** The English strings of the form's later steps, fetched the first time a widget shows English. */
export const en: Record<LaterMessageKey, string> = {
  ...uploadEn,
  'apply.materials.hint': 'Files upload as soon as you choose them. PDF, OFD, JPG and PNG are accepted.',
  'apply.material.eLicence': 'Nothing to upload: fetched from the e-licence library',
  'apply.material.choose': 'Choose a file',
  'apply.material.limits': '{types}, up to {max} each',
  'apply.material.photo': 'Take a photo',
  'apply.material.drop': 'or drop files here',
  'apply.material.now': 'Upload now',
  'apply.material.later': 'Hand in later: within {days} working days of acceptance',
  'apply.material.deadline': 'Hand it in within {days} working days of acceptance',
  'apply.material.reuse': 'Use a file already uploaded',
  'apply.review.hint': 'Check everything below before you send your application.',
  'apply.change': 'Change',
  'apply.none': 'Not given',
  'apply.commitment': 'Commitment',
  'apply.commitment.accept': 'I have read and accept the commitment above',
  'apply.done': 'Application sent',
  'apply.caseNumber': 'Case number',
  'apply.queryCode': 'Query code',
  'apply.done.keep':
    'Note the case number and query code: you need both to check progress. The query code is shown only once.',
  'apply.copy': 'Copy {label}',
  'apply.copied': '{label} copied',
  'apply.print': 'Print receipt',
  'apply.receipt': 'Receipt',
  'apply.track': 'QR code to track this application',
  'apply.track.hint':
    'Scan the QR code or open the address below, then enter the query code to see progress:',
  'apply.item': 'Service',
  'apply.submittedAt': 'Sent at',
  'apply.deferred': 'Documents to hand in later',
  'apply.deferredUntil': '{name}: hand in by {date}',
  'apply.again': 'Start a new application',
};
