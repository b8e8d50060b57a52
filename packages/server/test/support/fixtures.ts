import assert from 'node:assert/strict';
import type { ItemDocument, ItemInput } from '../../src/items/importer.js';
import { loadDocument } from '../../src/openapi/document.js';
import { compiled } from './conformance.js';

const schemas = (loadDocument().document.components as { schemas: Record<string, { example?: unknown }> })
  .schemas;

/** The document's own `Item` example (公共租赁住房申请), checked against the `Item` schema. */
export function exampleItem(): ItemDocument {
  const item = structuredClone(schemas.Item!.example) as ItemDocument;
  assert.deepEqual(compiled.validateValue(compiled.componentSchema('Item')!, item, ''), []);
  return item;
}

/** The document's own `FormDefinition` example. */
export function exampleForm(): Record<string, unknown> {
  return structuredClone(schemas.FormDefinition!.example) as Record<string, unknown>;
}

const creditCodeChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A variant of the example item with another code, name, aliases and department. */
export function itemVariant(
  index: number,
  changes: Partial<ItemDocument> & { departmentName?: string; departmentId?: string },
): ItemInput {
  const base = exampleItem();
  const suffix = String(index).padStart(5, '0');
  const { departmentName, departmentId, ...rest } = changes;
  const item: ItemDocument = {
    ...base,
    code: `${base.code.slice(0, 19)}${'000105'}${suffix.slice(-5)}0`.slice(0, 31),
    ...rest,
    department: {
      ...base.department,
      ...(departmentName ? { name: departmentName } : {}),
      ...(departmentId ? { id: departmentId } : {}),
    },
  };
  assert.match(item.code, /^[0-9A-HJ-NP-RTUWXY]{18}[1-6][0-9]{12}[0-9]{0,5}$/);
  void creditCodeChars;
  return { item, form: item.formVersion ? exampleForm() : null };
}
