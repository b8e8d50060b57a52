import { validateForm, type FormDefinition } from '@banshi/sdk/forms';
import { formOptions } from './form-options.js';
import { chinaDay, chinaTime } from '../common/china-time.js';
import { readColumn, type StoredMaterial } from '../db/json-columns.js';
import type { Schema } from '../http/contract.js';
import type { IdempotentHandler } from '../http/operation.js';
import type { FieldErrorKey } from '../http/problem.js';
import { authoriseApplicant } from './access.js';
import {
  updateCase,
  addEvent,
  attachUploads,
  invalidTransition,
  lockCase,
  unprocessable,
  viewOf,
} from './case-store.js';
import { handsInDeferredOnly, type CaseState } from './rules.js';
import {
  checkMaterials,
  formErrors,
  materialNames,
  uploadIdsOf,
  uploadRefs,
  type CheckedMaterials,
} from './submission-checks.js';

type Correction = Schema<'CorrectionCreate'>;

/**
 * POST /cases/{caseNumber}/corrections: the applicant answers a correction request (补正), or hands in
 * a deferred material (容缺后补) before its deadline.
 */
export const submitCaseCorrection: IdempotentHandler<'submitCaseCorrection'> = {
  idempotent: true,
  authorise: (ctx) => authoriseApplicant(ctx, ctx.request.path.caseNumber),
  async run(ctx, trx) {
    const body = ctx.request.body;
    const locked = await lockCase(trx, ctx.request.path.caseNumber);
    if (!locked) throw new Error('The case was authorised but is gone');
    const { row, state } = locked;
    const item = await trx
      .selectFrom('items')
      .select(['form'])
      .where('code', '=', row.item_code)
      .executeTakeFirstOrThrow();
    const definition = readColumn.itemForm(item.form);
    if (!definition) throw invalidTransition(state, ctx.locale);
    const stored = readColumn.caseMaterials(row.materials);
    const details = readColumn.caseDetails(row.details);
    const deferredOnly = handsInDeferredOnly(state, body, stored, chinaDay(ctx.now));
    if (state !== 'correctionRequested' && !deferredOnly) throw invalidTransition(state, ctx.locale);
    const errors: FieldErrorKey[] = [];
    const checked = await checkMaterials(trx, definition, body.materials, errors);
    let formData = readColumn.caseFormData(row.form_data);
    if (body.formData !== undefined) {
      const verdict = validateForm(
        definition,
        { data: body.formData, situation: details.situationAnswers },
        formOptions,
      );
      errors.push(...formErrors(verdict.errors, definition, ctx.locale));
      formData = verdict.data;
    }
    if (errors.length > 0) throw unprocessable(errors);
    const newState: CaseState = deferredOnly ? state : 'submitted';
    if (!deferredOnly) {
      const open = details.corrections.find((c) => c.fulfilledAt === null);
      if (open) open.fulfilledAt = chinaTime(ctx.now);
    }
    await attachUploads(trx, row.number, body.materials.flatMap(uploadIdsOf));
    const updated = await updateCase(trx, row.number, {
      status: newState,
      materials: JSON.stringify(correctedMaterials(definition, stored, body, checked)),
      form_data: JSON.stringify(formData),
      details: JSON.stringify(details),
      updated_at: ctx.now,
    });
    await addEvent(trx, row.number, {
      at: ctx.now,
      from: state,
      to: newState,
      action: deferredOnly ? 'submitDeferredMaterial' : 'submitCorrection',
      actor: 'applicant',
      opinion: body.note,
    });
    return { status: 200, body: await viewOf(ctx, trx, updated) };
  },
};

/** The case's materials with what was handed in: uploads replace, e-licences are fetched. */
function correctedMaterials(
  definition: FormDefinition,
  stored: StoredMaterial[],
  body: Correction,
  checked: CheckedMaterials,
): StoredMaterial[] {
  const materials = stored.map((material): StoredMaterial => {
    const submission = body.materials.find((s) => s.materialId === material.materialId);
    if (!submission) return material;
    if (submission.provision === 'upload') {
      return {
        ...material,
        provision: 'upload',
        status: 'provided',
        uploads: uploadRefs(submission.uploadIds, checked.uploadById),
        deferredUntil: null,
      };
    }
    return {
      ...material,
      provision: submission.provision,
      status: submission.provision === 'eLicence' ? 'fetched' : material.status,
    };
  });
  for (const submission of body.materials) {
    if (submission.provision !== 'upload') continue;
    if (materials.some((m) => m.materialId === submission.materialId)) continue;
    const material = definition.materials?.find((m) => m.id === submission.materialId);
    if (!material) continue;
    materials.push({
      materialId: material.id,
      names: materialNames(definition, material.name),
      provision: 'upload',
      status: 'provided',
      uploads: uploadRefs(submission.uploadIds, checked.uploadById),
      deferredUntil: null,
    });
  }
  return materials;
}
