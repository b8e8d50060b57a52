import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** A loosely typed OpenAPI 3.1 node; the server only reads the parts it needs. */
export type OpenApiNode = { [key: string]: unknown };

/** The OpenAPI document as text (served at /openapi.yaml) and parsed. */
export interface LoadedDocument {
  path: string;
  text: string;
  document: OpenApiNode;
}

/** `openapi/banshi.yaml` at the repository root, found from this file in `src/` or `dist/`. */
export const defaultDocumentPath = fileURLToPath(new URL('../../../../openapi/banshi.yaml', import.meta.url));

/** Reads and parses the document once. */
export function loadDocument(path = defaultDocumentPath): LoadedDocument {
  const text = readFileSync(path, 'utf8');
  const document = parse(text) as OpenApiNode;
  if (!document || typeof document !== 'object' || !String(document.openapi ?? '').startsWith('3.1')) {
    throw new Error(`${path} is not an OpenAPI 3.1 document`);
  }
  return { path, text, document };
}

/** Follows a local `$ref` (`#/components/...`) until it reaches a node that is not a reference. */
export function resolveReference<T = OpenApiNode>(document: OpenApiNode, node: unknown): T {
  let current = node;
  for (let depth = 0; depth < 20; depth++) {
    if (!current || typeof current !== 'object' || typeof (current as OpenApiNode).$ref !== 'string') break;
    current = pointerGet(document, ((current as OpenApiNode).$ref as string).replace(/^#/, ''));
  }
  return current as T;
}

/** Reads a JSON pointer from a value; undefined when a step is missing. */
export function pointerGet(value: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return value;
  let current = value;
  for (const raw of pointer.split('/').slice(1)) {
    const step = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}
