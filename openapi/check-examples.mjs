// Checks what Redocly's lint cannot: that every example in openapi/banshi.yaml is valid for the validator
// the server uses (@cfworker/json-schema, draft 2020-12), names no property its schema does not declare
// (a typo in a response example would otherwise pass), and that every schema, parameter, request body and
// response carries an example. Also checks the list convention: a `…Page` schema with `items` is exactly
// `{ items, nextCursor }`. Usage: node openapi/check-examples.mjs [path/to/banshi.yaml]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Validator } from '@cfworker/json-schema';
import { parse } from 'yaml';

const documentPath = process.argv[2] ?? fileURLToPath(new URL('./banshi.yaml', import.meta.url));
const document = parse(readFileSync(documentPath, 'utf8'));
const baseUri = 'https://banshi.invalid/openapi.yaml';
const problems = [];
let checked = 0;

/** The document without examples: example data such as `{ id: … }` would otherwise be read as `$id`s. */
function withoutExamples(node) {
  if (Array.isArray(node)) return node.map(withoutExamples);
  if (!node || typeof node !== 'object') return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'example' && key !== 'examples') copy[key] = withoutExamples(value);
  }
  return copy;
}
const bareDocument = withoutExamples(document);

/** Follows local `$ref`s to the node they name. */
function resolve(node) {
  let current = node;
  for (let depth = 0; depth < 20 && current && typeof current.$ref === 'string'; depth++) {
    current = current.$ref
      .slice(2)
      .split('/')
      .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((parent, step) => parent?.[step], document);
  }
  return current;
}

function validate(schema, value, where) {
  const validator = new Validator(
    { $id: baseUri, ...bareDocument, ...withoutExamples(schema) },
    '2020-12',
    false,
  );
  const result = validator.validate(value);
  if (!result.valid) {
    const last = result.errors[result.errors.length - 1];
    problems.push(`${where}: invalid (${last.instanceLocation}: ${last.error})`);
  }
}

/** Property names a schema declares (through allOf), and whether it also admits others. */
function declared(schema, found = { names: new Set(), open: false }) {
  const node = resolve(schema);
  if (!node || typeof node !== 'object') return found;
  for (const name of Object.keys(node.properties ?? {})) found.names.add(name);
  for (const part of node.allOf ?? []) declared(part, found);
  if (node.additionalProperties !== undefined && node.additionalProperties !== false) found.open = true;
  return found;
}

function propertySchema(schema, name) {
  const node = resolve(schema);
  if (node?.properties?.[name]) return node.properties[name];
  for (const part of node?.allOf ?? []) {
    const found = propertySchema(part, name);
    if (found) return found;
  }
  return undefined;
}

/** The alternative of a oneOf that this value is meant for: by discriminator, else by required and const. */
function alternative(node, value) {
  const discriminator = node.discriminator;
  if (discriminator?.mapping && discriminator.mapping[value[discriminator.propertyName]]) {
    return { $ref: discriminator.mapping[value[discriminator.propertyName]] };
  }
  return node.oneOf.find((candidate) => {
    const option = resolve(candidate);
    if (!option || option.type === 'null') return false;
    const hasRequired = (option.required ?? []).every((name) => name in value);
    const constsMatch = Object.entries(option.properties ?? {}).every(([name, property]) => {
      const resolved = resolve(property);
      return (
        typeof resolved !== 'object' ||
        resolved === null ||
        !('const' in resolved) ||
        value[name] === resolved.const
      );
    });
    return hasRequired && constsMatch;
  });
}

function noUndeclared(schema, value, where) {
  const node = resolve(schema);
  if (!node || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (node.items) value.forEach((entry, index) => noUndeclared(node.items, entry, `${where}/${index}`));
    return;
  }
  // A oneOf beside properties only adds rules to them (e.g. real-name or anonymous): check the properties.
  if (node.oneOf && !node.properties) {
    const chosen = alternative(node, value);
    if (chosen) noUndeclared(chosen, value, where);
    else problems.push(`${where}: fits none of the oneOf alternatives`);
    return;
  }
  const { names, open } = declared(node);
  if (names.size === 0) return;
  for (const [name, entry] of Object.entries(value)) {
    if (!names.has(name)) {
      if (!open) problems.push(`${where}/${name}: not declared by the schema`);
      continue;
    }
    noUndeclared(propertySchema(node, name), entry, `${where}/${name}`);
  }
}

function check(schema, value, where) {
  checked++;
  validate(schema, value, where);
  noUndeclared(schema, value, where);
}

function hasExample(node) {
  return node && ('example' in node || 'examples' in node);
}

// Examples of component schemas (and of schemas declared inline in them).
function walkSchema(schema, where) {
  if (!schema || typeof schema !== 'object' || schema.$ref) return;
  if ('example' in schema) check(schema, schema.example, `${where}/example`);
  for (const [name, property] of Object.entries(schema.properties ?? {}))
    walkSchema(property, `${where}/properties/${name}`);
  for (const key of ['allOf', 'oneOf', 'anyOf'])
    (schema[key] ?? []).forEach((part, i) => walkSchema(part, `${where}/${key}/${i}`));
  if (schema.items) walkSchema(schema.items, `${where}/items`);
}
for (const [name, schema] of Object.entries(document.components.schemas)) {
  if (!hasExample(schema)) problems.push(`#/components/schemas/${name}: no example`);
  walkSchema(schema, `#/components/schemas/${name}`);
  if (/Page$/.test(name) && schema.properties?.items) {
    const keys = Object.keys(schema.properties).sort().join(',');
    if (keys !== 'items,nextCursor')
      problems.push(`#/components/schemas/${name}: a page is exactly { items, nextCursor }`);
  }
}

// Examples of parameters, request bodies and responses.
function checkMedia(media, where) {
  if ('example' in media) check(media.schema, media.example, `${where}/example`);
  for (const [name, example] of Object.entries(media.examples ?? {})) {
    check(media.schema, resolve(example).value, `${where}/examples/${name}`);
  }
  return hasExample(media) || hasExample(resolve(media.schema));
}
for (const [path, pathItem] of Object.entries(document.paths)) {
  for (const [method, operation] of Object.entries(pathItem)) {
    const at = `${method.toUpperCase()} ${path}`;
    for (const reference of operation.parameters ?? []) {
      const parameter = resolve(reference);
      if (!checkMedia(parameter, `${at} parameter ${parameter.name}`))
        problems.push(`${at} parameter ${parameter.name}: no example`);
    }
    for (const [type, media] of Object.entries(resolve(operation.requestBody)?.content ?? {})) {
      if (!checkMedia(media, `${at} request ${type}`)) problems.push(`${at} request ${type}: no example`);
    }
    for (const [status, reference] of Object.entries(operation.responses)) {
      for (const [type, media] of Object.entries(resolve(reference).content ?? {})) {
        if (!checkMedia(media, `${at} ${status} ${type}`))
          problems.push(`${at} ${status} ${type}: no example`);
      }
    }
  }
}

for (const problem of problems) console.log(problem);
console.log(`${checked} examples checked, ${problems.length} problem(s).`);
process.exitCode = problems.length === 0 ? 0 : 1;
