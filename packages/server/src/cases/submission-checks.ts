import {
  formatError,
  idDocumentProblem,
  isValidCreditCode,
  translate,
  type FormDefinition,
  type FormError,
  type FormErrorCode,
} from '@banshi/sdk/forms';
import type { CaseDetails, LocalisedTexts, StoredApplicant } from '../db/json-columns.js';
import type { Schema } from '../http/contract.js';
import type { FieldErrorKey } from '../http/problem.js';
import type { Locale } from '../i18n/locale.js';
import type { Db } from './case-store.js';

type MaterialSubmission = Schema<'MaterialSubmission'>;
type FormMaterial = NonNullable<FormDefinition['materials']>[number];
type UploadRow = {
  id: string;
  filename: string | null;
  size: number;
  media_type: string;
  case_number: string | null;
};

const locales: Locale[] = ['zh-CN', 'en'];

/** Form errors as field errors pointing into the request body (`/formData/applicant/idNumber`). */
export function formErrors(
  errors: FormError[],
  definition: FormDefinition,
  locale: Locale,
  dataPointer = '/formData',
): FieldErrorKey[] {
  return errors.map((error) => {
    const material = /^#materials\/(.+)$/.exec(error.pointer)?.[1];
    return {
      pointer: material
        ? '/materials'
        : error.pointer === '#commitment'
          ? '/commitmentAccepted'
          : `${dataPointer}${error.pointer}`,
      ...(material ? { materialId: material } : {}),
      code: error.code,
      messageKey: 'validation.invalid',
      message: formatError(error, locale, definition),
    };
  });
}

/** The submitted materials checked against the form and the stored uploads. */
export interface CheckedMaterials {
  byMaterial: Map<string, MaterialSubmission>;
  uploadById: Map<string, UploadRow>;
}

/** Checks material submissions against the form and the stored uploads; returns uploads by material. */
export async function checkMaterials(
  trx: Db,
  definition: FormDefinition,
  submissions: MaterialSubmission[],
  errors: FieldErrorKey[],
): Promise<CheckedMaterials> {
  const byMaterial = new Map<string, MaterialSubmission>();
  const uploadIds = submissions.flatMap(uploadIdsOf);
  const uploads = uploadIds.length
    ? await trx
        .selectFrom('uploads')
        .select(['id', 'filename', 'size', 'media_type', 'case_number'])
        .where('id', 'in', uploadIds)
        .execute()
    : [];
  const uploadById = new Map(uploads.map((u) => [u.id, u]));
  submissions.forEach((submission, index) => {
    const pointer = `/materials/${index}`;
    const material = definition.materials?.find((m) => m.id === submission.materialId);
    if (!material) {
      errors.push({
        pointer: `${pointer}/materialId`,
        materialId: submission.materialId,
        code: 'enum',
        messageKey: 'validation.unknownMaterial',
      });
      return;
    }
    if (byMaterial.has(submission.materialId)) {
      errors.push({
        pointer: `${pointer}/materialId`,
        materialId: submission.materialId,
        code: 'uniqueItems',
        messageKey: 'validation.duplicateMaterial',
      });
      return;
    }
    byMaterial.set(submission.materialId, submission);
    const { materialId } = submission;
    errors.push(...provisionErrors(submission, material, pointer).map((e) => ({ ...e, materialId })));
    uploadIdsOf(submission).forEach((id, uploadIndex) => {
      const error = uploadError(uploadById.get(id), material);
      if (error) errors.push({ pointer: `${pointer}/uploadIds/${uploadIndex}`, materialId, ...error });
    });
  });
  return { byMaterial, uploadById };
}

/** The uploads a submission hands in (none when deferred or fetched as an e-licence). */
export function uploadIdsOf(submission: MaterialSubmission): string[] {
  return submission.provision === 'upload' ? submission.uploadIds : [];
}

function provisionErrors(
  submission: MaterialSubmission,
  material: FormMaterial,
  pointer: string,
): FieldErrorKey[] {
  if (submission.provision === 'deferred' && material.necessity !== 'deferrable') {
    return [
      { pointer: `${pointer}/provision`, code: 'not_deferrable', messageKey: 'validation.notDeferrable' },
    ];
  }
  if (submission.provision === 'eLicence' && !material.eLicence) {
    return [{ pointer: `${pointer}/provision`, code: 'not_e_licence', messageKey: 'validation.notELicence' }];
  }
  return [];
}

function uploadError(
  upload: UploadRow | undefined,
  material: FormMaterial,
): Omit<FieldErrorKey, 'pointer'> | undefined {
  if (!upload || (upload.case_number !== null && upload.case_number !== undefined)) {
    return { code: 'upload_not_found', messageKey: 'validation.uploadNotFound' };
  }
  if (material.accept?.length && !material.accept.includes(upload.media_type)) {
    return {
      code: 'upload_rejected',
      messageKey: 'validation.fileType',
      params: { accepted: material.accept.join(', ') },
    };
  }
  if (material.maxBytes && Number(upload.size) > material.maxBytes) {
    return {
      code: 'upload_rejected',
      messageKey: 'validation.fileSize',
      params: { limit: material.maxBytes },
    };
  }
  return undefined;
}

/** The uploads of a submission as a case shows them. */
export function uploadRefs(ids: string[], uploadById: Map<string, UploadRow>): Schema<'UploadRef'>[] {
  return ids.flatMap((id) => {
    const upload = uploadById.get(id);
    return upload
      ? [{ id, name: upload.filename ?? 'upload', size: Number(upload.size), mediaType: upload.media_type }]
      : [];
  });
}

/** A material's name in every locale the server answers in. */
export function materialNames(definition: FormDefinition, key: string): LocalisedTexts {
  return Object.fromEntries(locales.map((locale) => [locale, translate(definition, key, locale)]));
}

/** A person's document number checked against its type's pattern (GB 11643 for the ID card and permits). */
function documentError(
  person: { idType: Schema<'IdType'>; idNumber: string },
  pointer: string,
): FieldErrorKey | undefined {
  if (!idDocumentProblem(person.idType, person.idNumber)) return undefined;
  return person.idType === 'residentIdCard'
    ? { pointer, code: 'format.cn-id-card' satisfies FormErrorCode, messageKey: 'validation.idCard' }
    : { pointer, code: 'id_document', messageKey: 'validation.idDocument' };
}

/** The applicant's and the agent's document numbers, and an organisation's credit code. */
export function identityErrors(applicant: StoredApplicant, agent: CaseDetails['agent']): FieldErrorKey[] {
  const errors: (FieldErrorKey | undefined)[] = [];
  if (applicant.kind === 'person') errors.push(documentError(applicant, '/applicant/idNumber'));
  if (applicant.kind === 'organisation' && !isValidCreditCode(applicant.creditCode)) {
    errors.push({
      pointer: '/applicant/creditCode',
      code: 'format.cn-uscc' satisfies FormErrorCode,
      messageKey: 'validation.creditCode',
    });
  }
  if (agent) errors.push(documentError(agent, '/agent/idNumber'));
  return errors.filter((error) => error !== undefined);
}
