import { validateForm, type FormDefinition, type ResolvedForm } from '@banshi/sdk/forms';
import { deriveApplicant, deriveDelivery } from './case-body.js';
import { usableUploads, validationData } from './step-check.js';
import type { Values } from './form-data.js';
import type { CaseCreate } from './types.js';
import type { MaterialState } from './uploads.js';

/** What the application holds when it is sent. */
export interface Application {
  itemCode: string;
  definition: FormDefinition;
  resolved?: ResolvedForm;
  data: Values;
  answers: Record<string, string | string[]>;
  materialStates: Record<string, MaterialState>;
  commitment: boolean;
}

/**
 * The request that creates the case, and the form field each applicant property was read from (so the
 * server's complaints about the applicant point at the field that holds it).
 */
export function caseRequest(application: Application): { body: CaseCreate; sources: Record<string, string> } {
  const { definition, answers } = application;
  const verdict = validateForm(definition, { data: validationData(application), situation: answers });
  const derived = deriveApplicant(verdict.data);
  const materials = verdict.form.materials.flatMap((material): CaseCreate['materials'] => {
    const uploadIds = usableUploads(application.materialStates, material.id);
    if (uploadIds.length) return [{ materialId: material.id, provision: 'upload', uploadIds }];
    if (material.eLicence) return [{ materialId: material.id, provision: 'eLicence' }];
    if (material.necessity === 'deferrable') return [{ materialId: material.id, provision: 'deferred' }];
    return [];
  });
  const body: CaseCreate = {
    itemCode: application.itemCode,
    formVersion: definition.version,
    applicant: derived?.applicant ?? {
      kind: 'person',
      name: '',
      idType: 'residentIdCard',
      idNumber: '',
      mobile: '',
    },
    situationAnswers: answers,
    formData: verdict.data,
    materials,
    commitmentAccepted: !!definition.commitment && application.commitment,
    delivery: deriveDelivery(verdict.data),
  };
  return { body, sources: derived?.sources ?? {} };
}
