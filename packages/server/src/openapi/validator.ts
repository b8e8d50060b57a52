import { dereference, validate, type OutputUnit, type Schema } from '@cfworker/json-schema';
import type { FieldErrorKey } from '../http/problem.js';
import { resolveReference, type OpenApiNode } from './document.js';

const baseUri = new URL('https://banshi.invalid/openapi.yaml');
const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Where a parameter lives. */
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** A parameter of an operation, with its schema ready to validate. */
export interface ParameterSpec {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: Schema;
  /** The type the value is coerced to before validation. */
  coerceAs: 'string' | 'integer' | 'number' | 'boolean' | 'array';
  itemType: 'string' | 'integer' | 'number' | 'boolean';
}

/** One operation of the document, as the router and the validators use it. */
export interface OperationSpec {
  operationId: string;
  method: (typeof methods)[number];
  /** The path as written in the document, e.g. `/items/{code}`. */
  path: string;
  /** The same path in Hono's syntax, e.g. `/items/:code`. */
  routePath: string;
  parameters: ParameterSpec[];
  requestBody?: { required: boolean; content: Record<string, Schema | undefined> };
  responses: Record<string, { content: Record<string, Schema | undefined>; headers: string[] }>;
  security: unknown[] | undefined;
  raw: OpenApiNode;
}

/** The compiled document: every operation by id, and the shared lookup of schemas. */
export interface CompiledDocument {
  document: OpenApiNode;
  operations: Map<string, OperationSpec>;
  /** Returns the schema named in components.schemas. */
  componentSchema(name: string): Schema | undefined;
  validateValue(schema: Schema, value: unknown, pointerPrefix: string): FieldErrorKey[];
}

/**
 * Indexes every schema of the document once (so local `$ref`s resolve) and gathers each operation's
 * parameters, request body and responses.
 */
export function compileDocument(original: OpenApiNode): CompiledDocument {
  // Examples hold instance data (e.g. `id: ev_…`) that the schema walk would take for `$id`s.
  const document = withDiscriminatedBranches(withoutExamples(original)) as OpenApiNode;
  const lookup = dereference(document as Schema, Object.create(null), baseUri);
  let synthetic = 0;
  // Schemas inside arrays (parameters) are not reached by the walk above; index each on its own.
  const register = (schema: Schema): Schema => {
    if (schema && typeof schema === 'object')
      dereference(schema, lookup, baseUri, `/x-synthetic/${synthetic++}`);
    return schema;
  };
  const operations = new Map<string, OperationSpec>();
  const paths = (document.paths ?? {}) as Record<string, OpenApiNode>;
  for (const [path, rawPathItem] of Object.entries(paths)) {
    const pathItem = resolveReference(document, rawPathItem);
    const shared = (pathItem.parameters ?? []) as unknown[];
    for (const method of methods) {
      const operation = pathItem[method] as OpenApiNode | undefined;
      if (!operation) continue;
      const parameters = parametersOf(
        document,
        [...shared, ...((operation.parameters ?? []) as unknown[])],
        operation,
        register,
      );
      const requestBodyNode = operation.requestBody
        ? resolveReference(document, operation.requestBody)
        : undefined;
      const responses = responsesOf(document, operation, register);
      const operationId = String(operation.operationId ?? `${method} ${path}`);
      operations.set(operationId, {
        operationId,
        method,
        path,
        routePath: path.replace(/\{([^}]+)\}/g, ':$1'),
        parameters,
        requestBody: requestBodyNode
          ? {
              required: requestBodyNode.required === true,
              content: contentSchemas(requestBodyNode.content, register),
            }
          : undefined,
        responses,
        security: (operation.security ?? document.security) as unknown[] | undefined,
        raw: operation,
      });
    }
  }
  const schemas = ((document.components as OpenApiNode | undefined)?.schemas ?? {}) as Record<string, Schema>;
  return {
    document,
    operations,
    componentSchema: (name) => schemas[name],
    validateValue: (schema, value, pointerPrefix) => {
      const result = validate(value, schema, '2020-12', lookup, false);
      return result.valid ? [] : toFieldErrors(result.errors, pointerPrefix);
    },
  };
}

/** An operation's parameters (the path item's shared ones first) and its header credentials. */
function parametersOf(
  document: OpenApiNode,
  rawParameters: unknown[],
  operation: OpenApiNode,
  register: (schema: Schema) => Schema,
): ParameterSpec[] {
  const byKey = new Map<string, ParameterSpec>();
  for (const rawParameter of rawParameters) {
    const parameter = resolveReference(document, rawParameter);
    const schema = register((parameter.schema ?? {}) as Schema);
    const resolved = resolveReference<Schema>(document, schema);
    const itemsSchema = resolveReference<Schema>(document, resolved.items ?? {});
    byKey.set(`${parameter.in}:${parameter.name}`, {
      name: String(parameter.name),
      in: parameter.in as ParameterLocation,
      required: parameter.required === true || parameter.in === 'path',
      schema,
      coerceAs: primaryType(resolved) as ParameterSpec['coerceAs'],
      itemType: primaryType(itemsSchema) as ParameterSpec['itemType'],
    });
  }
  for (const credential of apiKeyHeaders(document, operation.security ?? document.security)) {
    byKey.set(`header:${credential.name}`, {
      ...credential,
      schema: register(credential.schema),
      coerceAs: 'string',
      itemType: 'string',
    });
  }
  return [...byKey.values()];
}

/** An operation's responses by status: each one's schemas by media type and its header names. */
function responsesOf(
  document: OpenApiNode,
  operation: OpenApiNode,
  register: (schema: Schema) => Schema,
): OperationSpec['responses'] {
  const responses: OperationSpec['responses'] = {};
  for (const [status, rawResponse] of Object.entries(
    (operation.responses ?? {}) as Record<string, unknown>,
  )) {
    const response = resolveReference(document, rawResponse);
    responses[status] = {
      content: contentSchemas(response.content, register),
      headers: Object.keys((response.headers ?? {}) as object),
    };
  }
  return responses;
}

/**
 * The header credentials (`apiKey` schemes in a header) an operation accepts, each read like an
 * optional header parameter and checked against the scheme's `x-banshi-value` schema. The document
 * declares such a credential once, as a security scheme, so that generators do not emit it twice.
 */
function apiKeyHeaders(
  document: OpenApiNode,
  security: unknown,
): { name: string; in: 'header'; required: false; schema: Schema }[] {
  const schemes = ((document.components as OpenApiNode | undefined)?.securitySchemes ?? {}) as Record<
    string,
    OpenApiNode
  >;
  const names = new Set(
    ((security ?? []) as Record<string, unknown>[]).flatMap((requirement) => Object.keys(requirement ?? {})),
  );
  return [...names]
    .map((name) => schemes[name])
    .filter((scheme) => scheme?.type === 'apiKey' && scheme.in === 'header')
    .map((scheme) => ({
      name: String(scheme!.name),
      in: 'header' as const,
      required: false as const,
      schema: (scheme!['x-banshi-value'] ?? { type: 'string', maxLength: 200 }) as Schema,
    }));
}

function contentSchemas(
  content: unknown,
  register: (schema: Schema) => Schema,
): Record<string, Schema | undefined> {
  const result: Record<string, Schema | undefined> = {};
  for (const [mediaType, media] of Object.entries((content ?? {}) as Record<string, OpenApiNode>)) {
    result[mediaType] = media?.schema ? register(media.schema as Schema) : undefined;
  }
  return result;
}

function primaryType(schema: Schema): string {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type) return type;
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'number')) return 'number';
  return 'string';
}

// Keywords whose errors only say "a subschema failed"; the useful error is the nested one.
const wrapperKeywords = new Set([
  '$ref',
  '$recursiveRef',
  'properties',
  'patternProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'allOf',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'contains',
  'unevaluatedItems',
]);

/** Turns validator output into field errors: the innermost failures, one per pointer and keyword. */
export function toFieldErrors(units: OutputUnit[], pointerPrefix: string): FieldErrorKey[] {
  // An alternative (anyOf/oneOf) that failed is reported once, not with each branch's complaints.
  const alternatives = units
    .filter((u) => u.keyword === 'anyOf' || u.keyword === 'oneOf')
    .map((u) => u.keywordLocation);
  const outermostAlternatives = alternatives.filter(
    (loc) => !alternatives.some((other) => other !== loc && loc.startsWith(`${other}/`)),
  );
  const seen = new Set<string>();
  const errors: FieldErrorKey[] = [];
  for (const unit of units) {
    if (wrapperKeywords.has(unit.keyword)) continue;
    if (outermostAlternatives.some((loc) => unit.keywordLocation.startsWith(`${loc}/`))) continue;
    let pointer = pointerPrefix + instancePointer(unit.instanceLocation);
    let code = unit.keyword;
    const params: Record<string, string | number> = {};
    if (unit.keyword === 'required') {
      const property = /"([^"]*)"/.exec(unit.error)?.[1] ?? '';
      pointer = `${pointer}/${escapePointer(property)}`;
      params.property = property;
    } else if (unit.keyword === 'additionalProperties' || unit.keyword === 'unevaluatedProperties') {
      const property = /"([^"]*)"/.exec(unit.error)?.[1] ?? '';
      pointer = `${pointer}/${escapePointer(property)}`;
      params.property = property;
    } else if (unit.keyword === 'false') {
      code = 'additionalProperties';
      params.property = pointer.split('/').pop() ?? '';
    } else if (unit.keyword === 'type') {
      params.expected = /Expected (.*)\.$/.exec(unit.error)?.[1]?.replace(/"/g, '') ?? '';
    } else if (unit.keyword === 'format') {
      params.format = /format "([^"]*)"/.exec(unit.error)?.[1] ?? '';
    } else {
      // The limit is the last number of the message ("0 is less than 1.", "(3 < 5)").
      const limit = /(-?\d+(?:\.\d+)?)\D*$/.exec(unit.error)?.[1];
      if (limit !== undefined) params.limit = limit;
    }
    const key = `${pointer} ${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ pointer, code, messageKey: `validation.${code}`, params });
  }
  return errors.length > 0
    ? errors
    : units.slice(0, 1).map((u) => ({
        pointer: pointerPrefix + instancePointer(u.instanceLocation),
        code: u.keyword,
        messageKey: 'validation.invalid',
      }));
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The validator percent-encodes pointer segments (so `#` and CJK keys survive a URI); undo that. */
function instancePointer(location: string): string {
  const pointer = location.replace(/^#/, '');
  try {
    return decodeURIComponent(pointer);
  } catch {
    return pointer;
  }
}

/** A deep copy without `example`/`examples` (except where they name a property). */
function withoutExamples(node: unknown, parentKey = ''): unknown {
  if (Array.isArray(node)) return node.map((entry) => withoutExamples(entry));
  if (!node || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'example' || key === 'examples') && parentKey !== 'properties') continue;
    copy[key] = withoutExamples(value, key);
  }
  return copy;
}

/**
 * Rewrites each `oneOf` whose branch is named by one property into "the property names a known branch,
 * then that branch": the same values pass, but a bad value is told what is wrong inside its own branch
 * (e.g. `/target/windowId` too short) instead of "matches none of the alternatives". The property is the
 * `discriminator` with its mapping (several values may map to one branch), or else one that every branch
 * requires with a `const` of its own (e.g. `anonymous: true | false`, which a discriminator cannot name).
 */
function withDiscriminatedBranches(root: unknown): unknown {
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) copy[key] = rewrite(value);
    const selector = branchSelector(root as OpenApiNode, copy);
    if (!selector) return copy;
    const { oneOf: _alternatives, discriminator: _discriminator, ...rest } = copy;
    void _alternatives;
    void _discriminator;
    const { property, branches } = selector;
    const restProperties = (rest.properties ?? {}) as Record<string, unknown>;
    return {
      ...rest,
      type: 'object',
      required: [...new Set([...((rest.required as string[] | undefined) ?? []), property])],
      properties: {
        ...restProperties,
        [property]: { ...(restProperties[property] as object), enum: branches.map(([value]) => value) },
      },
      allOf: [
        ...((rest.allOf as unknown[] | undefined) ?? []),
        ...branches.map(([value, branch]) => ({
          if: { properties: { [property]: { const: value } }, required: [property] },
          then: branch,
        })),
      ],
    };
  };
  return rewrite(root);
}

/** The property that picks a oneOf's branch, with each value and its branch; undefined if there is none. */
function branchSelector(
  root: OpenApiNode,
  node: Record<string, unknown>,
): { property: string; branches: [unknown, unknown][] } | undefined {
  const alternatives = node.oneOf as { $ref?: string }[] | undefined;
  if (!Array.isArray(alternatives) || alternatives.length < 2) return undefined;
  const discriminator = node.discriminator as
    { propertyName?: string; mapping?: Record<string, string> } | undefined;
  if (discriminator?.propertyName && discriminator.mapping) {
    const mapping = discriminator.mapping;
    const mapped = new Set(Object.values(mapping));
    const exact =
      alternatives.length === mapped.size &&
      alternatives.every((b) => typeof b.$ref === 'string' && mapped.has(b.$ref));
    if (!exact) return undefined;
    return {
      property: discriminator.propertyName,
      branches: Object.entries(mapping).map(([value, $ref]) => [value, { $ref }]),
    };
  }
  const resolved = alternatives.map((b) => resolveReference<Record<string, unknown>>(root, b));
  const first = resolved[0];
  const candidates = Object.keys((first?.properties ?? {}) as object);
  for (const property of candidates) {
    const values = resolved.map((branch) => {
      const schema = resolveReference<Record<string, unknown>>(
        root,
        (branch?.properties as OpenApiNode | undefined)?.[property],
      );
      const required = ((branch?.required as string[] | undefined) ?? []).includes(property);
      return required && schema && typeof schema === 'object' && 'const' in schema ? schema.const : undefined;
    });
    if (values.every((v) => v !== undefined) && new Set(values).size === values.length) {
      return { property, branches: values.map((value, i) => [value, alternatives[i]]) };
    }
  }
  return undefined;
}
