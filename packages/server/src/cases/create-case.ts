import { validateForm, type FormDefinition } from '@banshi/sdk/forms';
import { formOptions } from './form-options.js';
import type { Transaction } from 'kysely';
import type { WorkCalendar } from '../calendar/working-days.js';
import { readColumn, type CaseDetails, type StoredMaterial } from '../db/json-columns.js';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { Schema } from '../http/contract.js';
import type { IdempotentHandler, OperationContext } from '../http/operation.js';
import { problems, type FieldErrorKey } from '../http/problem.js';
import { nextCaseNumber } from './case-number.js';
import { caseView } from './case-view.js';
import { addEvent, attachUploads, unprocessable } from './case-store.js';
import { applicantIdentifier } from '../security/sealed-columns.js';
import { bindingColumns, personOf } from './ownership.js';
import { hashQueryCode, newApplicantToken, newQueryCode } from './query-code.js';
import { answersSituation, defaultDeferDays, withDeferredDeadlines } from './rules.js';
import { changedVerifiedValues, checkSignIn, verifiedApplicant } from './verified-applicant.js';
import { atApplicantFields, withFormApplicant } from './applicant-fields.js';
import { bundleView, fileMemberCases, memberItems } from './bundle.js';
import {
  checkMaterials,
  formErrors,
  identityErrors,
  materialNames,
  uploadIdsOf,
  uploadRefs,
  type CheckedMaterials,
} from './submission-checks.js';

type Trx = Transaction<DatabaseSchema>;
type CaseCreate = Schema<'CaseCreate'>;
/** An application with its applicant and delivery settled (from the form data or as sent). */
type Application = ReturnType<typeof withFormApplicant>;
type FormVerdict = ReturnType<typeof validateForm>;

/** POST /cases: checks the application against the item's form, stores it and answers its codes. */
export const createCase: IdempotentHandler<'createCase'> = {
  idempotent: true,
  async run(ctx, trx) {
    const { item, definition } = await applicableItem(trx, ctx.request.body);
    const person = personOf(ctx.caller);
    checkSignIn(definition, person);
    const body = withFormApplicant(definition, ctx.request.body);
    const errors: FieldErrorKey[] = [...situationErrors(definition, body.situationAnswers)];
    if (person) errors.push(...changedVerifiedValues(verifiedApplicant(person, definition), body));
    const checked = await checkMaterials(trx, definition, body.materials, errors);
    const verdict = validateForm(
      definition,
      {
        data: body.formData,
        situation: body.situationAnswers,
        materials: Object.fromEntries(
          [...checked.byMaterial.values()].map((s) => [
            s.materialId,
            s.provision === 'upload' ? s.uploadIds : [s.provision],
          ]),
        ),
        commitmentAccepted: body.commitmentAccepted,
      },
      formOptions,
    );
    const reported = formErrors(verdict.errors, definition, ctx.locale);
    errors.push(...reported);
    errors.push(...atApplicantFields(definition, identityErrors(body.applicant, body.agent), reported));
    errors.push(...inapplicableMaterials(definition, verdict, body.materials));
    if (errors.length > 0) throw unprocessable(errors);
    return storeCase(ctx, trx, { body, item, definition, verdict, checked });
  },
};

/** The item applied for, when it is active and the form version is the current one. */
async function applicableItem(trx: Trx, body: CaseCreate) {
  const item = await trx
    .selectFrom('items')
    .select(['code', 'name', 'region_code', 'department_id', 'status', 'document', 'form', 'translations'])
    .where('code', '=', body.itemCode)
    .executeTakeFirst();
  if (!item) throw problems.itemNotFound(body.itemCode);
  const definition = readColumn.itemForm(item.form);
  if (!definition || item.status !== 'active') {
    throw unprocessable([
      { pointer: '/itemCode', code: 'not_applicable', messageKey: 'problem.itemNotApplicable' },
    ]);
  }
  if (body.formVersion !== definition.version) {
    throw unprocessable([
      {
        pointer: '/formVersion',
        code: 'form_version_outdated',
        messageKey: 'validation.formVersion',
        params: { version: definition.version },
      },
    ]);
  }
  return { item, definition };
}

function situationErrors(
  definition: FormDefinition,
  answers: CaseCreate['situationAnswers'],
): FieldErrorKey[] {
  return Object.entries(answers).flatMap(([situationId, answer]) => {
    const situation = definition.situations?.find((s) => s.id === situationId);
    return situation && answersSituation(situation, answer)
      ? []
      : [
          {
            pointer: `/situationAnswers/${situationId}`,
            code: 'situation_unknown',
            messageKey: 'validation.situationUnknown',
          },
        ];
  });
}

/** A submitted material that does not apply to these answers is a mistake worth naming. */
function inapplicableMaterials(
  definition: FormDefinition,
  verdict: FormVerdict,
  submissions: CaseCreate['materials'],
): FieldErrorKey[] {
  return submissions.flatMap((submission, index) => {
    const applies = verdict.form.materials.some((m) => m.id === submission.materialId);
    return !applies && definition.materials?.some((m) => m.id === submission.materialId)
      ? [
          {
            pointer: `/materials/${index}/materialId`,
            materialId: submission.materialId,
            code: 'not_applicable',
            messageKey: 'validation.materialNotApplicable',
          },
        ]
      : [];
  });
}

/** The case's materials: each one the answers call for, as handed in, fetched or deferred (容缺). */
function caseMaterials(
  definition: FormDefinition,
  verdict: FormVerdict,
  checked: CheckedMaterials,
): StoredMaterial[] {
  return verdict.form.materials.flatMap((material): StoredMaterial[] => {
    const submission = checked.byMaterial.get(material.id);
    const base = {
      materialId: material.id,
      names: materialNames(definition, material.name),
      uploads: [],
      deferredUntil: null,
    };
    if (submission?.provision === 'upload') {
      return [
        {
          ...base,
          provision: 'upload',
          status: 'provided',
          uploads: uploadRefs(submission.uploadIds, checked.uploadById),
        },
      ];
    }
    if (submission?.provision === 'eLicence' || (!submission && material.eLicence)) {
      return [{ ...base, provision: 'eLicence', status: 'fetched' }];
    }
    if (submission?.provision === 'deferred' || (!submission && material.necessity === 'deferrable')) {
      const deferDays = material.deferDays ?? defaultDeferDays;
      return [{ ...base, provision: 'deferred', status: 'deferred', deferDays }];
    }
    return [];
  });
}

function caseDetails(
  body: Application,
  item: { name: string; document: unknown; translations: unknown },
  definition: FormDefinition,
): CaseDetails {
  const document = readColumn.itemDocument(item.document);
  const english = readColumn.itemTranslations(item.translations).en?.document?.name;
  return {
    formVersion: definition.version,
    itemName: { 'zh-CN': item.name, ...(english ? { en: english } : {}) },
    department: document.department,
    timeLimit: document.processingType === 'immediate' ? null : (document.promisedTimeLimit ?? null),
    ...(body.agent ? { agent: body.agent } : {}),
    situationAnswers: body.situationAnswers,
    // Only an item under 告知承诺 takes a commitment: accepting one elsewhere commits to nothing.
    commitmentAccepted: Boolean(definition.commitment) && body.commitmentAccepted,
    delivery: { ...body.delivery, deliveredAt: null },
    corrections: [],
    suspension: null,
    decision: null,
  };
}

async function storeCase(
  ctx: OperationContext<'createCase'>,
  trx: Trx,
  checkedCase: {
    body: Application;
    item: {
      code: string;
      name: string;
      region_code: string;
      department_id: string;
      document: unknown;
      translations: unknown;
    };
    definition: FormDefinition;
    verdict: FormVerdict;
    checked: CheckedMaterials;
  },
) {
  const { body, item, definition, verdict, checked } = checkedCase;
  const now = ctx.now;
  const calendar: WorkCalendar = await ctx.services.calendar(trx);
  const number = await nextCaseNumber(trx, item.region_code, now);
  const queryCode = newQueryCode();
  const { salt, hash } = await hashQueryCode(queryCode);
  const token = newApplicantToken();
  const materials = withDeferredDeadlines(caseMaterials(definition, verdict, checked), now, calendar);
  const person = personOf(ctx.caller);
  const members = await memberItems(trx, item.document);
  const values = {
    number,
    item_code: item.code,
    department_id: item.department_id,
    status: 'submitted',
    applicant_name: body.applicant.name,
    applicant_name_index: ctx.services.pii.blindIndex(body.applicant.name, 'cases.applicant_name'),
    applicant_index: ctx.services.pii.blindIndex(applicantIdentifier(body.applicant), 'cases.applicant'),
    applicant: JSON.stringify(body.applicant),
    form_data: JSON.stringify(verdict.data),
    materials: JSON.stringify(materials),
    details: JSON.stringify(caseDetails(body, item, definition)),
    query_code_salt: salt,
    query_code_hash: hash,
    applicant_token_hash: token.hash,
    submitted_at: now,
    updated_at: now,
    ...(person ? bindingColumns(ctx.services.pii, person) : {}),
  };
  const row = await trx
    .insertInto('cases')
    .values({ ...values, is_bundle: members.length > 0 })
    .returningAll()
    .executeTakeFirstOrThrow();
  await attachUploads(trx, number, [...checked.byMaterial.values()].flatMap(uploadIdsOf));
  await addEvent(trx, number, { at: now, from: null, to: 'submitted', action: 'submit', actor: 'applicant' });
  await fileMemberCases(trx, values, members, (member) => caseDetails(body, member, definition), now);
  const options = { locale: ctx.locale, now, calendar };
  const view = caseView(row, {
    ...options,
    evaluationId: null,
    boundToCaller: !!person,
    bundle: await bundleView(trx, row, options),
  });
  return {
    status: 201 as const,
    body: { caseNumber: number, queryCode, applicantToken: token.token, case: view },
    headers: { Location: `/api/v1/cases/${number}` },
  };
}
