import {
  formatError,
  validateForm,
  type FieldElement,
  type FormDefinition,
  type FormError,
  type LayoutElement,
  type Material,
  type ResolvedForm,
} from '@banshi/sdk/forms';
import type * as AddressParts from './address.js';
import { getAt, isRequired, schemaAt, setAt, within, type Values } from './form-data.js';
import { isRefused, problemMessage, type MaterialState } from './uploads.js';

/** A message shown in the error summary and beside its field. */
export interface ShownError {
  pointer: string;
  message: string;
  /** About a file refused: its row is gone, so the message stays until the step is checked again. */
  refused?: boolean;
}

/** What the checks of a step read from the form. */
export interface StepContext {
  definition: FormDefinition;
  resolved: ResolvedForm;
  data: Values;
  /** Texts as typed where they differ from the value, and a region address's unfinished choice. */
  raw: Record<string, string>;
  answers: Record<string, string | string[]>;
  materialStates: Record<string, MaterialState>;
  commitment: boolean;
  locale: string;
  t(key: string): string;
  msg(key: string, params?: Record<string, string | number>): string;
  /** The region address's checks, there for forms that ask for one. */
  address?: typeof AddressParts;
}

/** Field scopes of a page, sections flattened. */
export function scopesOf(elements: readonly LayoutElement[]): string[] {
  return elements.flatMap((element) =>
    element.type === 'section' ? scopesOf(element.elements) : [(element as FieldElement).scope],
  );
}

/** The data as validated and submitted: required objects exist, so a missing answer is named by its field. */
export function validationData(
  ctx: Pick<StepContext, 'definition' | 'data'> & { resolved?: ResolvedForm },
): Values {
  let data = ctx.data;
  for (const scope of ctx.resolved?.visible ?? []) {
    const parts = scope.split('/');
    for (let i = 2; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (getAt(data, parent) === undefined && isRequired(ctx.definition, parent))
        data = setAt(data, parent, {});
    }
    // A box left unticked is an answer: no.
    if (getAt(data, scope) === undefined && schemaAt(ctx.definition, scope).type === 'boolean') {
      data = setAt(data, scope, false);
    }
  }
  return data;
}

const formError = (ctx: StepContext, error: FormError): ShownError => ({
  pointer: error.pointer,
  message: formatError(error, ctx.locale, ctx.definition),
});

/** The problems of a step. */
export function checkStep(ctx: StepContext, step: string): ShownError[] {
  const { definition, resolved: form } = ctx;
  if (step === 'situation') {
    return (definition.situations ?? [])
      .filter((s) => ![ctx.answers[s.id] ?? []].flat().length)
      .map((s) => ({
        pointer: '#situation/' + s.id,
        message: ctx.msg('apply.error.choose', { label: ctx.t(s.question) }),
      }));
  }
  if (step.startsWith('page:')) {
    const page = form.pages.find((p) => 'page:' + p.id === step);
    const scopes = page ? scopesOf(page.elements) : [];
    const verdict = validateForm(definition, { data: validationData(ctx), situation: ctx.answers });
    const errors = verdict.errors
      .filter((e) => scopes.some((scope) => within(e.pointer, scope)))
      .map((e) => formError(ctx, e));
    return page && ctx.address ? ctx.address.addressErrors(ctx, page.elements, errors) : errors;
  }
  if (step === 'materials') {
    return form.materials.flatMap((material) => materialProblem(ctx, material) ?? []);
  }
  return definition.commitment?.required && !ctx.commitment
    ? [formError(ctx, { pointer: '#commitment', code: 'commitment.required', params: {} })]
    : [];
}

function materialProblem(ctx: StepContext, material: Material): ShownError | undefined {
  const state = ctx.materialStates[material.id];
  const files = state?.files ?? [];
  const pointer = '#materials/' + material.id;
  const label = ctx.t(material.name);
  if (files.some((file) => file.status === 'uploading'))
    return { pointer, message: ctx.msg('apply.error.uploading', { label }) };
  const problem = files.find((file) => file.problem && !isRefused(file))?.problem;
  if (problem) return { pointer, message: problemMessage(ctx.msg, problem) };
  if (material.eLicence || usableUploads(ctx.materialStates, material.id).length) return undefined;
  if (material.necessity === 'required')
    return formError(ctx, { pointer, code: 'material.required', params: {} });
  if (material.necessity === 'deferrable' && !state?.later)
    return { pointer, message: ctx.msg('apply.error.deferOrUpload', { label }) };
  return undefined;
}

/** Upload ids of a material that the case can reference. */
export function usableUploads(states: Record<string, MaterialState>, materialId: string): string[] {
  return (states[materialId]?.files ?? [])
    .filter((file) => file.id && (file.status === 'passed' || file.status === 'pending'))
    .map((file) => file.id!);
}

/** The step that shows the field (or material, or question) at `pointer`. */
export function stepOf(resolved: ResolvedForm | undefined, pointer: string): string | undefined {
  if (!pointer) return undefined;
  if (pointer.startsWith('#situation/')) return 'situation';
  if (pointer.startsWith('#materials')) return 'materials';
  if (pointer === '#commitment') return 'review';
  const page = resolved?.pages.find((p) => scopesOf(p.elements).some((scope) => within(pointer, scope)));
  return page ? 'page:' + page.id : undefined;
}
