import type { components } from '../generated/schema.js';

/**
 * The form definition of a service item, as the OpenAPI document declares it (`FormDefinition` and the
 * schemas it uses), and the JSON Schema subset the engine reads in its `schema` and conditions.
 */

type Schemas = components['schemas'];

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object: the form data, or part of it. */
export type JsonObject = { [key: string]: JsonValue };

/**
 * The form data as a form holds it: JSON, where a property may also be `undefined` (not answered).
 * Blank strings and `undefined` count as unanswered.
 */
export type FormValues = { readonly [key: string]: unknown };

/** The JSON Schema type names. */
export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/**
 * The JSON Schema 2020-12 subset that form definitions use. Other keywords are passed to the
 * validator untouched, but only these are promised to give specific messages.
 */
export interface JsonSchemaObject {
  $schema?: string;
  $id?: string;
  $comment?: string;
  $defs?: Record<string, JsonSchema>;
  /** A local reference such as `#/$defs/person`. */
  $ref?: string;
  title?: string;
  description?: string;
  type?: JsonSchemaType | JsonSchemaType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: JsonValue[];
  const?: JsonValue;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  /** A standard format, or one of the Chinese formats: see {@link ChineseFormat}. */
  format?: string;
  contains?: JsonSchema;
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
}

/** A JSON Schema: an object, or `true`/`false`. */
export type JsonSchema = boolean | JsonSchemaObject;

/** The formats for Chinese identifiers that this module checks. */
export type ChineseFormat = 'cn-id-card' | 'cn-uscc' | 'cn-mobile' | 'cn-postal-code' | 'cn-region-code';

/** A condition: holds when the value at `scope` (a pointer, or `#situation/<id>`) is valid against `schema`. */
export type Condition = Schemas['Condition'];

/** What a rule does when its condition holds (and the opposite when it does not). */
export type RuleEffect = Rule['effect'];

/** A rule that shows, hides, enables or disables a page, section or field. */
export type Rule = Schemas['Rule'];

/** One option of a situation question. `label` is a message key. */
export type SituationOption = Schemas['SituationOption'];

/** A situation (情形) question; its answer decides which pages, fields and materials apply. */
export type Situation = Schemas['Situation'];

/**
 * The answers to the situation questions, by situation id: an option id, or an array of them for
 * a question with `multiple`.
 */
export type SituationAnswers = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A field (control) of the layout, bound to the data by `scope`. */
export type FieldElement = Schemas['FormElement'];

/** A titled group of elements inside a page. */
export type SectionElement = Schemas['FormSection'];

/** An element of a page: a field or a section. */
export type LayoutElement = Schemas['FormLayoutElement'];

/** One page of the form. */
export type FormPage = Schemas['FormPage'];

/** How the form is laid out. */
export type FormLayout = Schemas['FormLayout'];

/** 必要 required, 非必要 optional, 容缺后补 deferrable (may be handed in after acceptance). */
export type MaterialNecessity = Schemas['MaterialNecessity'];

/** A material (申请材料) the applicant provides or the office fetches. */
export type Material = Schemas['FormMaterial'];

/** The 告知承诺 commitment the applicant signs. `text` is a message key. */
export type Commitment = Schemas['FormCommitment'];

/** Messages by locale (`zh-CN`, `en`, …), then by key. */
export type DefinitionMessages = Schemas['FormMessages'];

/** A versioned form definition of one service item. */
export type FormDefinition = Schemas['FormDefinition'];
