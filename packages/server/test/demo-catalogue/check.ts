import { Validator, type Schema } from '@cfworker/json-schema';
import { CHINESE_FORMAT_NAMES, isValidCreditCode, isValidIdCardNumber } from '@banshi/sdk/forms';
import { buildImplementationCode } from '../../src/demo-catalogue/codes.js';
import type { FormDefinition, Item, DemoCatalogue } from '../../src/demo-catalogue/types.js';

const levelDigits: Record<string, number> = {
  national: 1,
  provincial: 2,
  city: 3,
  county: 4,
  township: 5,
  village: 6,
};
/** The formats a form may name: the form engine's Chinese formats, and dates. */
const knownFormats = new Set<string>([...CHINESE_FORMAT_NAMES, 'date']);
const baseUri = 'https://banshi.invalid/openapi.yaml';

type Json = unknown;
type Condition = { scope: string; schema: Record<string, Json> };

/** Drops `example`/`examples` (their `id` fields would be taken for schema ids) and keeps only the schemas. */
function componentSchemas(document: Record<string, Json>): Schema {
  const strip = (node: Json): Json =>
    Array.isArray(node)
      ? node.map(strip)
      : node && typeof node === 'object'
        ? Object.fromEntries(
            Object.entries(node)
              .filter(([key]) => key !== 'example' && key !== 'examples')
              .map(([key, value]) => [key, strip(value)]),
          )
        : node;
  const components = (document.components ?? {}) as Record<string, Json>;
  return { components: { schemas: strip(components.schemas ?? {}) } } as Schema;
}

/**
 * Returns a validator of values against one component schema of the OpenAPI document
 * (`#/components/schemas/<name>`), with the document's local `$ref`s resolved.
 * @throws when the document has no such schema.
 */
export function componentValidator(document: Record<string, Json>, name: string): (value: Json) => string[] {
  const schemas = componentSchemas(document);
  if (!(schemas as { components: { schemas: Record<string, Json> } }).components.schemas[name]) {
    throw new Error(`the document has no schema components.schemas.${name}`);
  }
  const validator = new Validator({ $ref: `${baseUri}#/components/schemas/${name}` }, '2020-12', false);
  validator.addSchema(schemas, baseUri);
  return (value) => {
    const result = validator.validate(value);
    if (result.valid) return [];
    // The deepest errors say what is wrong; the enclosing ones only repeat "a subschema failed".
    const leaves = result.errors.filter(
      (error) => !/subschema|did not match|Property .* does not match schema/.test(error.error),
    );
    return (leaves.length > 0 ? leaves : result.errors).map(
      (error) => `${error.instanceLocation}: ${error.error}`,
    );
  };
}

/** The schema of the value at a JSON pointer into form data, or undefined when the schema has no such property. */
export function schemaAt(schema: Json, pointer: string): Record<string, Json> | undefined {
  const root = schema as Record<string, Json>;
  // Follows a local `$ref` (`#/$defs/<name>`), the only kind form schemas use.
  const resolve = (node: Record<string, Json> | undefined) => {
    const ref = node?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return node;
    return (root.$defs as Record<string, Record<string, Json>> | undefined)?.[ref.slice('#/$defs/'.length)];
  };
  let node = resolve(root);
  for (const segment of pointer.split('/').slice(1)) {
    node = resolve(node);
    if (!node) return undefined;
    if (/^\d+$/.test(segment) && node.items) {
      node = node.items as Record<string, Json>;
      continue;
    }
    const properties = node.properties as Record<string, Json> | undefined;
    node = properties?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')] as Record<string, Json> | undefined;
  }
  return resolve(node);
}

/** Whether a JSON pointer into form data names a property the form's schema declares. */
export function schemaHasPointer(schema: Json, pointer: string): boolean {
  return schemaAt(schema, pointer) !== undefined;
}

function conditionProblems(
  where: string,
  condition: Condition,
  situations: { id: string; multiple?: boolean; options: { id: string }[] }[],
  schema: Json | undefined,
): string[] {
  const match = /^#situation\/(.+)$/.exec(condition.scope);
  if (match) {
    const situation = situations.find((s) => s.id === match[1]);
    if (!situation) return [`${where}: condition refers to unknown situation '${match[1]}'`];
    // A multiple-choice answer is an array: its conditions say which option it must contain.
    const test = (situation.multiple ? condition.schema.contains : condition.schema) as
      Record<string, Json> | undefined;
    if (!test)
      return [`${where}: a condition on the multiple-choice situation '${situation.id}' needs 'contains'`];
    const values = 'const' in test ? [test.const] : ((test.enum as Json[]) ?? []);
    return values
      .filter((value) => !situation.options.some((option) => option.id === value))
      .map((value) => `${where}: situation '${situation.id}' has no option '${String(value)}'`);
  }
  if (schema === undefined) return [`${where}: data pointer ${condition.scope} but the item has no form`];
  return schemaHasPointer(schema, condition.scope)
    ? []
    : [`${where}: ${condition.scope} is not in the form's schema`];
}

function formatsUsed(schema: Json, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((entry) => formatsUsed(entry, found));
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'format' && typeof value === 'string') found.add(value);
      else formatsUsed(value, found);
    }
  }
  return found;
}

interface LayoutNode {
  scope?: string;
  title?: string;
  label?: string;
  hint?: string;
  addLabel?: string;
  options?: { label: string; value?: Json }[];
  rule?: { condition: Condition };
  elements?: LayoutNode[];
}

/** Message keys a form definition uses, each with where it is used. */
export function messageKeysUsed(form: FormDefinition): Map<string, string> {
  const keys = new Map<string, string>();
  const use = (key: string | undefined, where: string) => {
    if (key !== undefined && !keys.has(key)) keys.set(key, where);
  };
  for (const situation of form.situations) {
    use(situation.question, `situation ${situation.id}`);
    use(situation.hint, `situation ${situation.id} hint`);
    for (const option of situation.options)
      use(option.label, `situation ${situation.id} option ${option.id}`);
  }
  const walk = (nodes: LayoutNode[], where: string) => {
    for (const node of nodes) {
      const here = `${where} ${node.scope ?? node.title ?? ''}`;
      use(node.title, here);
      use(node.label, here);
      use(node.hint, here);
      use(node.addLabel, here);
      for (const option of node.options ?? []) use(option.label, `${here} option`);
      walk(node.elements ?? [], here);
    }
  };
  for (const page of form.layout.pages) {
    use(page.title, `page ${page.id}`);
    use(page.description, `page ${page.id} description`);
    walk(page.elements as LayoutNode[], `page ${page.id}`);
  }
  for (const material of form.materials) {
    use(material.name, `material ${material.id}`);
    use(material.notes, `material ${material.id} notes`);
  }
  use(form.commitment?.text, 'commitment');
  return keys;
}

/** Every ID number and credit code in a value, by JSON pointer (keys `idNumber` and `creditCode`). */
function identifiers(value: Json, pointer = ''): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((entry, index) => identifiers(entry, `${pointer}/${index}`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, entry]) =>
    (key === 'idNumber' || key === 'creditCode') && typeof entry === 'string'
      ? [[`${pointer}/${key}`, entry] as [string, string]]
      : identifiers(entry, `${pointer}/${key}`),
  );
}

/**
 * The pointers of the values a form schema describes: object properties recursively, `/*` for an entry of
 * an array of objects; an array of plain values (checkboxes) is one value.
 */
export function schemaLeaves(schema: Json): string[] {
  const root = schema as Record<string, Json>;
  const defs = (root.$defs ?? {}) as Record<string, Record<string, Json>>;
  const resolve = (node: Record<string, Json>) =>
    typeof node.$ref === 'string' && node.$ref.startsWith('#/$defs/')
      ? (defs[node.$ref.slice(8)] ?? {})
      : node;
  const leaves: string[] = [];
  const visit = (raw: Record<string, Json>, pointer: string) => {
    const node = resolve(raw);
    const properties = node.properties as Record<string, Record<string, Json>> | undefined;
    const items = node.items as Record<string, Json> | undefined;
    if (properties) for (const [key, child] of Object.entries(properties)) visit(child, `${pointer}/${key}`);
    else if (items && resolve(items).properties) visit(items, `${pointer}/*`);
    else if (pointer) leaves.push(pointer);
  };
  visit(root, '');
  return leaves;
}

/** Problems of one form definition on its own and against its item. */
export function formProblems(item: Item, form: FormDefinition): string[] {
  const where = `form of ${item.name}`;
  const problems: string[] = [];
  if (form.version !== item.formVersion)
    problems.push(`${where}: version ${form.version} but the item says ${item.formVersion}`);
  if (item.onlineDepth !== 'III' && item.onlineDepth !== 'IV')
    problems.push(`${where}: online depth ${item.onlineDepth} cannot be applied for online`);
  const messages = form.messages as Record<string, Record<string, string>>;
  for (const locale of ['zh-CN', 'en']) {
    if (!messages[locale]) problems.push(`${where}: no ${locale} messages`);
  }
  for (const [key, usedAt] of messageKeysUsed(form)) {
    for (const locale of ['zh-CN', 'en']) {
      if (!messages[locale]?.[key])
        problems.push(`${where}: message '${key}' (${usedAt}) missing in ${locale}`);
    }
  }
  const zh = Object.keys(messages['zh-CN'] ?? {});
  const en = new Set(Object.keys(messages.en ?? {}));
  for (const key of zh) if (!en.has(key)) problems.push(`${where}: message '${key}' has no English text`);
  const usedKeys = messageKeysUsed(form);
  for (const key of zh) if (!usedKeys.has(key)) problems.push(`${where}: message '${key}' is never used`);
  for (const format of formatsUsed(form.schema))
    if (!knownFormats.has(format)) problems.push(`${where}: unknown format '${format}'`);
  const situations = form.situations;
  const sameIds = (a: { id: string }[], b: { id: string }[]) =>
    a.map((x) => x.id).join() === b.map((x) => x.id).join();
  if (!sameIds(situations, item.situations)) problems.push(`${where}: situations differ from the item's`);
  if (!sameIds(form.materials, item.materials)) problems.push(`${where}: materials differ from the item's`);
  for (const material of form.materials) {
    if (material.appliesWhen)
      problems.push(
        ...conditionProblems(
          `${where} material ${material.id}`,
          material.appliesWhen as Condition,
          situations,
          form.schema,
        ),
      );
    const guide = item.materials.find((m) => m.id === material.id);
    if (guide && JSON.stringify(guide.appliesWhen ?? null) !== JSON.stringify(material.appliesWhen ?? null)) {
      problems.push(`${where} material ${material.id}: applies under other conditions than in the guide`);
    }
  }
  const controlled = new Set<string>();
  const walk = (nodes: LayoutNode[], base: Json, prefix: string) => {
    for (const node of nodes) {
      if (node.rule)
        problems.push(
          ...conditionProblems(
            `${where} ${prefix}${node.scope ?? ''}`,
            node.rule.condition,
            situations,
            form.schema,
          ),
        );
      if (node.scope === undefined) {
        walk(node.elements ?? [], base, prefix);
        continue;
      }
      if (!schemaHasPointer(base, node.scope))
        problems.push(`${where}: element ${prefix}${node.scope} is not in the schema`);
      controlled.add(`${prefix}${node.scope}`);
      // A choice among enum values needs a label for each value, or the control shows raw codes.
      const valueSchema = schemaAt(base, node.scope);
      const choices = (valueSchema?.enum ??
        (valueSchema?.items as Record<string, Json> | undefined)?.enum ??
        (valueSchema?.type === 'boolean' && node.options ? [true, false] : undefined)) as Json[] | undefined;
      if (choices) {
        const labelled = new Set((node.options ?? []).map((option) => (option as { value?: Json }).value));
        const missing = choices.filter((choice) => !labelled.has(choice));
        if (missing.length > 0)
          problems.push(`${where}: ${prefix}${node.scope} has no option label for ${missing.join(', ')}`);
      }
      if (node.elements) {
        // A repeating group's fields are relative to one entry of the array.
        let entry = base as Record<string, Json>;
        for (const segment of node.scope.split('/').slice(1))
          entry = (entry?.properties as Record<string, Record<string, Json>>)?.[segment] ?? {};
        walk(node.elements, entry.items ?? {}, `${prefix}${node.scope}/*`);
      }
    }
  };
  for (const page of form.layout.pages) {
    if (page.rule)
      problems.push(
        ...conditionProblems(
          `${where} page ${page.id}`,
          page.rule.condition as Condition,
          situations,
          form.schema,
        ),
      );
    walk(page.elements as LayoutNode[], form.schema, '');
  }
  // Every value the schema asks for needs a control, or nobody could ever fill it in.
  for (const leaf of schemaLeaves(form.schema)) {
    if (
      !controlled.has(leaf) &&
      ![...controlled].some((scope) => leaf.startsWith(`${scope}/`) && !scope.endsWith('*'))
    ) {
      problems.push(`${where}: ${leaf} has no control in the layout`);
    }
  }
  return problems;
}

/**
 * Checks the demo catalogue against the OpenAPI document's schemas (`Item`, `FormDefinition`,
 * `Department`, `Theme`, `Region`) and for the consistency the schemas cannot express: codes built from
 * valid credit codes, references to departments, themes, regions, situations, bundle members and form
 * data that exist, 全程网办 with no visit, message keys present in zh-CN and en.
 * @param document the parsed `openapi/banshi.yaml`.
 * @returns one readable sentence per problem; empty when the catalogue is sound.
 */
export function validateDemoCatalogue(catalogue: DemoCatalogue, document: Record<string, Json>): string[] {
  const problems: string[] = [];
  const check = (schemaName: string, values: Json[], label: (value: Json) => string) => {
    const validate = componentValidator(document, schemaName);
    for (const value of values)
      for (const error of validate(value)) problems.push(`${label(value)}: ${error}`);
  };
  const named = (value: Json) =>
    String((value as { name?: string; id?: string }).name ?? (value as { id?: string }).id);
  check('Item', catalogue.items, named);
  check('FormDefinition', [...catalogue.forms.values()], (value) => `form ${named(value)}`);
  check('Department', catalogue.departments, named);
  check('Theme', catalogue.themes, named);
  check('Region', catalogue.regions, named);
  check('Calendar', catalogue.calendar, (value) => `calendar ${(value as { year: number }).year}`);

  const departments = new Map(catalogue.departments.map((d) => [d.id, d]));
  const themes = new Map(catalogue.themes.map((t) => [t.id, t]));
  const regions = new Set(catalogue.regions.map((r) => r.code));
  for (const department of catalogue.departments) {
    if (!isValidCreditCode(department.creditCode))
      problems.push(
        `department ${department.name}: credit code ${department.creditCode} fails the GB 32100 check`,
      );
    if (department.creditCode.slice(2, 8) !== department.regionCode)
      problems.push(
        `department ${department.name}: credit code region differs from ${department.regionCode}`,
      );
    if (!regions.has(department.regionCode))
      problems.push(`department ${department.name}: unknown region ${department.regionCode}`);
  }
  const itemsByCode = new Map<string, Item>();
  for (const item of catalogue.items) {
    const where = item.name;
    if (itemsByCode.has(item.code)) problems.push(`${where}: code ${item.code} used twice`);
    itemsByCode.set(item.code, item);
    const department = departments.get(item.department.id);
    if (!department) problems.push(`${where}: unknown department ${item.department.id}`);
    else {
      if (department.name !== item.department.name || department.creditCode !== item.department.creditCode)
        problems.push(`${where}: department differs from departments.json`);
      const expected = buildImplementationCode(
        department.creditCode,
        levelDigits[item.level] ?? 0,
        item.catalogCode,
      );
      if (item.code !== expected) problems.push(`${where}: code ${item.code} should be ${expected}`);
      if (department.regionCode !== item.regionCode)
        problems.push(
          `${where}: region ${item.regionCode} but the department is in ${department.regionCode}`,
        );
    }
    if (!regions.has(item.regionCode)) problems.push(`${where}: unknown region ${item.regionCode}`);
    for (const joint of item.jointDepartments)
      if (!departments.has(joint.id)) problems.push(`${where}: unknown joint department ${joint.id}`);
    for (const theme of item.themes)
      if (themes.get(theme.id)?.name !== theme.name)
        problems.push(`${where}: unknown theme ${theme.id} ${theme.name}`);
    if (item.onlineDepth === 'IV' && item.onSiteVisits.count !== 0)
      problems.push(`${where}: 全程网办 (IV) but ${item.onSiteVisits.count} visits`);
    if (item.onSiteVisits.count > 0 && !item.onSiteVisits.reason)
      problems.push(`${where}: visits without a reason`);
    if ((item.processingType === 'immediate') !== (item.promisedTimeLimit.value === 0))
      problems.push(`${where}: 即办件 exactly when the promised limit is 0`);
    if (
      item.statutoryTimeLimit.unit === item.promisedTimeLimit.unit &&
      item.statutoryTimeLimit.value < item.promisedTimeLimit.value
    )
      problems.push(`${where}: promised limit longer than the statutory one`);
    if ((item.kind === 'bundle') !== item.bundleMembers.length > 0)
      problems.push(`${where}: a bundle exactly when it has members`);
    const ids = new Set<string>();
    for (const material of item.materials) {
      if (ids.has(material.id)) problems.push(`${where}: material id ${material.id} used twice`);
      ids.add(material.id);
      if ((material.necessity === 'deferrable') !== (material.deferDays !== undefined))
        problems.push(`${where}: material ${material.id}: deferDays exactly for deferrable materials`);
      const form = catalogue.forms.get(item.code);
      if (material.appliesWhen)
        problems.push(
          ...conditionProblems(
            `${where} material ${material.id}`,
            material.appliesWhen as Condition,
            item.situations,
            form?.schema,
          ),
        );
    }
    const windowIds = new Set(item.windows.map((w) => w.id));
    if (windowIds.size !== item.windows.length) problems.push(`${where}: window ids repeat`);
    const form = catalogue.forms.get(item.code);
    if (item.formVersion !== null && !form)
      problems.push(`${where}: formVersion ${item.formVersion} but no form`);
    if (item.formVersion === null && form) problems.push(`${where}: a form but formVersion null`);
    if (form) problems.push(...formProblems(item, form));
  }
  for (const item of catalogue.items) {
    for (const member of item.bundleMembers) {
      const found = itemsByCode.get(member.code);
      if (!found) problems.push(`${item.name}: bundle member ${member.code} is not in the catalogue`);
      else if (found.name !== member.name)
        problems.push(
          `${item.name}: bundle member ${member.code} is called ${found.name}, not ${member.name}`,
        );
    }
  }
  check(
    'CaseCreate',
    catalogue.applications,
    (value) => `application for ${(value as { itemCode: string }).itemCode}`,
  );
  for (const application of catalogue.applications) {
    const item = itemsByCode.get(application.itemCode);
    const where = `application for ${item?.name ?? application.itemCode}`;
    const form = catalogue.forms.get(application.itemCode);
    if (!item || !form) problems.push(`${where}: no item with a form has this code`);
    else if (form.version !== application.formVersion)
      problems.push(`${where}: form version ${application.formVersion}, not ${form.version}`);
    for (const [pointer, value] of identifiers(application)) {
      const ok = pointer.endsWith('/creditCode') ? isValidCreditCode(value) : isValidIdCardNumber(value);
      if (!ok) problems.push(`${where}: ${pointer} ${value} fails its check character`);
    }
  }
  for (const year of catalogue.calendar) {
    for (const day of year.days) {
      const date = new Date(`${day.date}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || date.getUTCFullYear() !== year.year)
        problems.push(`calendar ${year.year}: bad day ${day.date}`);
      const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
      if (day.kind === 'holiday' && weekend)
        problems.push(
          `calendar ${year.year}: ${day.date} is a weekend day, already off, listed as a holiday`,
        );
      if (day.kind === 'workday' && !weekend)
        problems.push(`calendar ${year.year}: ${day.date} is an adjusted working day but not a weekend`);
    }
  }
  return problems;
}
