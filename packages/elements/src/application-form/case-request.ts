import { validateForm, type FormDefinition, type ResolvedForm } from '@banshi/sdk/forms';
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
 * The request that creates the case. The applicant and the delivery address are not sent apart: the
 * server reads them from the form data through the definition's `applicantFields` and `deliveryFields`.
 */
export function caseRequest(application: Application): CaseCreate {
  const { definition, answers } = application;
  const verdict = validateForm(definition, { data: validationData(application), situation: answers });
  const materials = verdict.form.materials.flatMap((material): CaseCreate['materials'] => {
    const uploadIds = usableUploads(application.materialStates, material.id);
    if (uploadIds.length) return [{ materialId: material.id, provision: 'upload', uploadIds }];
    if (material.eLicence) return [{ materialId: material.id, provision: 'eLicence' }];
    if (material.necessity === 'deferrable') return [{ materialId: material.id, provision: 'deferred' }];
    return [];
  });
  return {
    itemCode: application.itemCode,
    formVersion: definition.version,
    situationAnswers: answers,
    formData: verdict.data,
    materials,
    commitmentAccepted: !!definition.commitment && application.commitment,
  };
}
