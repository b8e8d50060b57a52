import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** The parsed `openapi/banshi.yaml`, the contract the demo catalogue must satisfy. */
export async function loadDocument(): Promise<Record<string, unknown>> {
  const text = await readFile(new URL('../../../../openapi/banshi.yaml', import.meta.url), 'utf8');
  return parse(text) as Record<string, unknown>;
}
