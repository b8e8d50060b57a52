import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import type { FormDefinition, JsonObject, JsonSchemaObject, Material } from './definition.js';
import { FORM_ERROR_CODES, type FormError, type FormErrorCode } from './errors.js';
import { withChineseFormats } from './formats/registry.js';
import { chineseFormat } from './formats/table.js';
import { isWithin, valueAt } from './pointer.js';
import { resolveForm, type FormAnswers, type ResolvedForm } from './visibility.js';

/** Upload references of each material, by material id. */
export type MaterialUploads = Readonly<Record<string, readonly string[] | undefined>>;

/** What is validated: the data, the situation answers and, when given, the materials and the commitment. */
export interface FormSubmission extends FormAnswers {
  /**
   * The uploads of each material. When given, every applicable required material must have an
   * upload or come from the e-licence library; when omitted, materials are not checked.
   */
  materials?: MaterialUploads;
  /** Whether the commitment was accepted. When omitted, the commitment is not checked. */
  commitmentAccepted?: boolean;
}

/** Options of {@link validateForm}. */
export interface ValidateOptions {
  /** The region codes the server knows; without them `cn-region-code` checks the shape and province. */
  regionCodes?: ReadonlySet<string>;
}

/** The verdict on a form. */
export interface FormValidation {
  valid: boolean;
  /** The data to submit: without hidden values and blank strings. */
  data: JsonObject;
  /** At most one error per field, in layout order, then materials, then the commitment. */
  errors: FormError[];
  /** The pages, fields and materials that apply. */
  form: ResolvedForm;
  /**
   * When materials were given: the deferrable (容缺后补) materials that apply and have no upload,
   * to be handed in within their `deferDays` after acceptance.
   */
  deferredMaterials: Material[];
}

/** Keywords that only report that something inside them failed. */
const WRAPPERS = new Set([
  'properties',
  'items',
  'prefixItems',
  'additionalItems',
  'allOf',
  'if',
  '$ref',
  '$recursiveRef',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'dependentSchemas',
]);
const LIMITS = [
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
];
const validators = new WeakMap<object, Validator>();

const isCode = (code: string): code is FormErrorCode => FORM_ERROR_CODES.includes(code as FormErrorCode);
const escapeSegment = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** One @cfworker/json-schema output unit as a form error (its texts are parsed for what it omits). */
function toFormError(unit: OutputUnit, data: unknown): FormError {
  const { keyword, error: text } = unit;
  let pointer = decodeURIComponent(unit.instanceLocation.slice(1));
  let code = keyword === 'const' ? 'enum' : keyword;
  const params: Record<string, string | number> = {};
  if (keyword === 'required') {
    pointer += '/' + escapeSegment(text.slice(text.indexOf('"') + 1, -2));
  } else if (LIMITS.includes(keyword)) {
    params[/^min|Min/.test(keyword) ? 'min' : 'max'] = Number(
      /(-?[\d.]+(?:e[+-]?\d+)?)\)?\.$/.exec(text)?.[1],
    );
  } else if (keyword === 'type') {
    params.reason = /"([^"]*)"\.$/.exec(text)?.[1] ?? '';
  } else if (keyword === 'format') {
    const name = /"(.*)"/.exec(text)![1]!;
    const value = String(valueAt(data, pointer));
    const reason = chineseFormat(name)?.problem?.(value);
    code += '.' + name;
    if (reason) params.reason = reason;
    if (!isCode(code)) {
      code = 'format';
      params.format = name;
    }
  }
  return { pointer, code: isCode(code) ? code : 'invalid', params };
}

/**
 * Validates a form as the browser shows it and the server accepts it: hidden fields are dropped and
 * never reported; each failing field gets one error, the most specific; a missing property is
 * reported at its own pointer (`/applicant/idNumber`).
 */
export function validateForm(
  definition: FormDefinition,
  submission: FormSubmission,
  options: ValidateOptions = {},
): FormValidation {
  const form = resolveForm(definition, submission);
  const { data, hidden, visible } = form;
  const schema: JsonSchemaObject = definition.schema;
  let validator = validators.get(schema);
  if (!validator) validators.set(schema, (validator = new Validator(schema as Schema, '2020-12', false)));
  const units = withChineseFormats(() => validator.validate(data).errors, options.regionCodes);

  const chosen = new Map<string, FormError>();
  const rank = (error: FormError) => FORM_ERROR_CODES.indexOf(error.code);
  for (const unit of units) {
    if (WRAPPERS.has(unit.keyword)) continue;
    const error = toFormError(unit, data);
    const { pointer } = error;
    const isHidden = (scope: string) => isWithin(pointer, scope) || isWithin(scope, pointer);
    // A hidden field, or an object whose fields are all hidden, is not reported.
    if ([...hidden].some(isHidden) && ![...visible].some((scope) => isWithin(scope, pointer))) continue;
    const current = chosen.get(pointer);
    if (!current || rank(error) < rank(current)) chosen.set(pointer, error);
  }
  const order = [...visible];
  const position = (error: FormError) => {
    const index = order.findIndex(
      (scope) => isWithin(error.pointer, scope) || isWithin(scope, error.pointer),
    );
    return index < 0 ? order.length : index;
  };
  const errors = [...chosen.values()].sort((a, b) => position(a) - position(b));

  const uploads = submission.materials;
  const missing = (material: Material) => !!uploads && !material.eLicence && !uploads[material.id]?.length;
  for (const material of form.materials) {
    if (material.necessity === 'required' && missing(material)) {
      errors.push({
        pointer: '#materials/' + material.id,
        code: 'material.required',
        params: { material: material.id },
      });
    }
  }
  if (definition.commitment?.required && submission.commitmentAccepted === false) {
    errors.push({ pointer: '#commitment', code: 'commitment.required', params: {} });
  }
  const deferredMaterials = form.materials.filter(
    (material) => material.necessity === 'deferrable' && missing(material),
  );
  return { valid: !errors.length, data, errors, form, deferredMaterials };
}
