/**
 * The shape of a service item's form definition (DESIGN.md, "Form definitions"), as published by the
 * API and as in `examples/form-definition.public-rental-housing.json`.
 */

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

/**
 * A condition: holds when the value at `scope` is present and valid against `schema`.
 * `scope` is a JSON pointer into the form data (`/currentHousing`) or `#situation/<id>` for the answer
 * to a situation question. An unanswered scope never satisfies a condition.
 */
export interface Condition {
  scope: string;
  schema: JsonSchema;
}

/** What a rule does when its condition holds (and the opposite when it does not). */
export type RuleEffect = 'SHOW' | 'HIDE' | 'ENABLE' | 'DISABLE';

/** A rule that shows, hides, enables or disables a page, section or field. */
export interface Rule {
  effect: RuleEffect;
  condition: Condition;
}

/** One option of a situation question. `label` is a message key. */
export interface SituationOption {
  id: string;
  label: string;
}

/** A situation (情形) question; its answer decides which pages, fields and materials apply. */
export interface Situation {
  id: string;
  /** Message key of the question. */
  question: string;
  /** Message key of a hint. */
  hint?: string;
  options: SituationOption[];
  /** When true the answer is an array of option ids. */
  multiple?: boolean;
}

/**
 * The answers to the situation questions, by situation id: an option id, or an array of them for
 * a question with `multiple`.
 */
export type SituationAnswers = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A field (control) of the layout, bound to the data by `scope`. */
export interface FieldElement {
  type?: 'control';
  /** JSON pointer of the value in the form data, e.g. `/applicant/idNumber`. */
  scope: string;
  /** Message key of the label. */
  label: string;
  /** Message key of a hint shown under the label. */
  hint?: string;
  /** How to present the field (`radios`, `money`, `address`, `repeat`, …); the schema decides otherwise. */
  widget?: string;
  /** For `repeat`: message key of the "add another" button. */
  addLabel?: string;
  /** A unit shown after the input, such as ㎡. */
  unit?: string;
  /** For `repeat`: the fields of one entry, with scopes relative to the entry (`/idNumber`). */
  elements?: FieldElement[];
  rule?: Rule;
}

/** A titled group of elements inside a page. */
export interface SectionElement {
  type: 'section';
  id?: string;
  /** Message key of the title. */
  title: string;
  elements: LayoutElement[];
  rule?: Rule;
}

/** An element of a page: a field or a section. */
export type LayoutElement = FieldElement | SectionElement;

/** One page of the form. */
export interface FormPage {
  id: string;
  /** Message key of the title. */
  title: string;
  /** Message key of an introduction. */
  description?: string;
  elements: LayoutElement[];
  rule?: Rule;
}

/** How the form is laid out. */
export interface FormLayout {
  pages: FormPage[];
}

/** 必要 required, 非必要 optional, 容缺后补 deferrable (may be handed in after acceptance). */
export type MaterialNecessity = 'required' | 'optional' | 'deferrable';

/** A material (申请材料) the applicant provides or the office fetches. */
export interface Material {
  id: string;
  /** Message key of the name. */
  name: string;
  necessity: MaterialNecessity;
  /** For deferrable materials: working days allowed to hand it in after acceptance. */
  deferDays?: number;
  /** 申请人自备 self-provided, or 政府部门核发 issued by government. */
  source: 'applicant' | 'government';
  /** The e-licence library type it is fetched from (免提交); such a material needs no upload. */
  eLicence?: string;
  form?: 'paper' | 'electronic' | 'either';
  /** Media types accepted for uploads. */
  accept?: string[];
  maxBytes?: number;
  originals?: number;
  copies?: number;
  /** Message key of notes. */
  notes?: string;
  /** The material applies only when this holds. */
  appliesWhen?: Condition;
}

/** The 告知承诺 commitment the applicant signs. `text` is a message key. */
export interface Commitment {
  text: string;
  required: boolean;
}

/** Messages by locale (`zh-CN`, `en`, …), then by key. */
export type DefinitionMessages = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** A versioned form definition of one service item. */
export interface FormDefinition {
  $comment?: string;
  id: string;
  version: string;
  situations?: Situation[];
  schema: JsonSchemaObject;
  layout: FormLayout;
  materials?: Material[];
  commitment?: Commitment;
  messages?: DefinitionMessages;
}
