/**
 * Every error code, most specific first: when one field fails several checks, the earliest code in
 * this list is the one reported.
 */
export const FORM_ERROR_CODES = [
  'required',
  'type',
  'enum',
  'format.cn-id-card',
  'format.cn-uscc',
  'format.cn-mobile',
  'format.cn-postal-code',
  'format.cn-region-code',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'invalid',
  'material.required',
  'commitment.required',
] as const;

/** A form error code; each has a message in zh-CN and en. */
export type FormErrorCode = (typeof FORM_ERROR_CODES)[number];

/**
 * Parameters of an error: `min`/`max` for limits; `reason` picks a more specific message
 * (`format.cn-id-card` with reason `checkChar`, `type` with reason `integer`); `format` names an
 * unknown format; `material` is a material id.
 */
export type FormErrorParams = Readonly<Record<string, string | number>>;

/**
 * One problem with a form. `pointer` is the JSON pointer of the field in the data
 * (`/members/1/idNumber`), `#materials/<id>` for a material, or `#commitment`.
 */
export interface FormError {
  pointer: string;
  code: FormErrorCode;
  params: FormErrorParams;
}
