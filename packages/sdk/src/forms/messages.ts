import type { FormDefinition } from './definition.js';
import type { FormError } from './errors.js';
import { fieldAt, labelKey } from './labels.js';
import { pickLocale } from './locale.js';
import { translate } from './translate.js';

/** Message templates by locale, then by error code (or `code.reason`). */
export type MessageCatalogs = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * The built-in error messages. `{label}` is the field's label (or `label` below when unknown); in
 * English `{field}` is the label inside a sentence ("the mobile number", or `field` below).
 */
export const ERROR_MESSAGES: MessageCatalogs = {
  'zh-CN': {
    label: '此项',
    required: '请输入{label}',
    'required.choose': '请选择{label}',
    type: '{label}的填写内容不正确，请重新填写',
    'type.integer': '{label}应为整数',
    'type.number': '{label}应为数字',
    enum: '请从给出的选项中选择{label}',
    'format.cn-id-card': '{label}应为18位，前17位是数字，最后一位是数字或X',
    'format.cn-id-card.region': '{label}的前6位不是有效的地区代码，请核对',
    'format.cn-id-card.birthDate': '{label}中的出生日期（第7至14位）不正确，请核对',
    'format.cn-id-card.checkChar': '{label}的校验位不正确，请核对最后一位',
    'format.cn-uscc': '{label}应为18位，由数字和大写英文字母组成',
    'format.cn-uscc.format': '{label}只能由数字和大写英文字母（不含I、O、Z、S、V）组成，第3至8位是数字',
    'format.cn-uscc.authority': '{label}的前两位（登记管理部门和机构类别）不正确，请核对',
    'format.cn-uscc.organisationCode': '{label}第9至17位的组织机构代码校验位（第17位）不正确，请核对',
    'format.cn-uscc.checkChar': '{label}的校验位不正确，请核对最后一位',
    'format.cn-mobile': '{label}应为11位数字，如13812345678',
    'format.cn-postal-code': '{label}应为6位数字，如014000',
    'format.cn-region-code': '{label}不是有效的行政区划代码，请从列表中选择',
    format: '{label}的格式不正确，请按提示填写',
    pattern: '{label}的格式不正确，请按提示填写',
    minLength: '{label}至少需要{min}个字',
    maxLength: '{label}不能超过{max}个字',
    minItems: '{label}至少需要添加{min}项',
    maxItems: '{label}最多只能添加{max}项',
    minimum: '{label}不能小于{min}',
    maximum: '{label}不能大于{max}',
    exclusiveMinimum: '{label}应大于{min}',
    exclusiveMaximum: '{label}应小于{max}',
    invalid: '{label}填写不正确，请检查后重新填写',
    'material.required': '请上传{label}',
    'commitment.required': '请阅读承诺书，勾选同意后再提交',
  },
  en: {
    label: 'This answer',
    field: 'an answer',
    required: 'Enter {field}',
    'required.choose': 'Select {field}',
    type: '{label} is not the right kind of answer: enter it again',
    'type.integer': '{label} must be a whole number',
    'type.number': '{label} must be a number',
    enum: 'Select {field} from the options',
    'format.cn-id-card': '{label} must be 18 characters: 17 digits, then a digit or X',
    'format.cn-id-card.region': 'The first 6 digits of {field} are not a region code: check them',
    'format.cn-id-card.birthDate':
      'The date of birth in {field} (characters 7 to 14) is not a real date: check it',
    'format.cn-id-card.checkChar': 'The last character of {field} is not right: check it',
    'format.cn-uscc': '{label} must be 18 characters: digits and capital letters',
    'format.cn-uscc.format':
      '{label} takes digits and capital letters (not I, O, Z, S, V), with digits in places 3 to 8',
    'format.cn-uscc.authority':
      'The first two characters of {field} (registering authority and kind) are not right: check them',
    'format.cn-uscc.organisationCode':
      'Character 17 of {field}, the check character of its organisation code, is not right: check it',
    'format.cn-uscc.checkChar': 'The last character of {field} is not right: check it',
    'format.cn-mobile': '{label} must be 11 digits, like 13812345678',
    'format.cn-postal-code': '{label} must be 6 digits, like 014000',
    'format.cn-region-code': '{label} is not a region code: choose one from the list',
    format: '{label} is not in the right format: follow the hint',
    pattern: '{label} is not in the right format: follow the hint',
    minLength: '{label} must be {min} characters or more',
    maxLength: '{label} must be {max} characters or fewer',
    minItems: '{label} must have {min} entries or more',
    maxItems: '{label} must have {max} entries or fewer',
    minimum: '{label} must be {min} or more',
    maximum: '{label} must be {max} or less',
    exclusiveMinimum: '{label} must be more than {min}',
    exclusiveMaximum: '{label} must be less than {max}',
    invalid: '{label} is not right: check it',
    'material.required': 'Upload {field}',
    'commitment.required': 'Read the commitment and tick the box to accept it',
  },
};

/** Widgets answered by picking rather than typing: a missing answer says "select", not "enter". */
const CHOICE_WIDGETS = ['radios', 'select', 'checkboxes', 'region'];

/** "Resident ID number" → "the resident ID number" (an acronym such as "ID card" keeps its case). */
const inSentence = (label: string) =>
  'the ' + (/^.[A-Z]/.test(label) ? label : label[0]!.toLowerCase() + label.slice(1));

/**
 * An error as a sentence in `locale` (zh-CN by default; `zh-*` → zh-CN, `en-*` → en). With the
 * definition, the message names the field by its label, and a missing answer to radios, a select or
 * a region picker asks to select rather than enter. Templates are looked up as `code.reason`, then
 * `code`. `extra` adds locales or overrides templates.
 */
export function formatError(
  error: FormError,
  locale?: string,
  definition?: FormDefinition,
  extra?: MessageCatalogs,
): string {
  const chosen = pickLocale(locale, [...Object.keys(extra ?? {}), ...Object.keys(ERROR_MESSAGES)]);
  const lookup = (key: string) =>
    extra?.[chosen]?.[key] ??
    ERROR_MESSAGES[chosen]?.[key] ??
    extra?.['zh-CN']?.[key] ??
    ERROR_MESSAGES['zh-CN']![key];
  const { code, params } = error;
  const key = definition && labelKey(definition, error.pointer);
  const label = key ? translate(definition, key, chosen) : lookup('label')!;
  const values: Record<string, unknown> = {
    ...params,
    label,
    field: key ? (chosen === 'en' ? inSentence(label) : label) : (lookup('field') ?? label),
  };
  const widget = definition && fieldAt(definition, error.pointer)?.widget;
  const variant = params.reason ?? (CHOICE_WIDGETS.includes(widget ?? '') ? 'choose' : '');
  const template = lookup(code + '.' + variant) ?? lookup(code) ?? lookup('invalid')!;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
