import type { FieldElement, FormDefinition, LayoutElement } from '@banshi/sdk/forms';
import { fieldsOf, isRegionAddress, PARTIAL_REGION, type AddressValue } from './address-control.js';
import { getAt, schemaAt, within, type Values } from './form-data.js';
import type { ShownError } from './step-check.js';

/** What the address checks read from the form. */
export interface AddressContext {
  definition: FormDefinition;
  data: Values;
  raw: Record<string, string>;
  t(key: string): string;
  msg(key: string, params?: Record<string, string | number>): string;
}

const LEVELS = ['apply.address.province', 'apply.address.city', 'apply.address.county'];

/**
 * The errors of a page with its region addresses said the way a person fixes them: which level of the
 * 省/市/区 is still to choose, or that the street is missing, instead of the schema's words.
 */
export function addressErrors(
  ctx: AddressContext,
  elements: readonly LayoutElement[],
  errors: ShownError[],
): ShownError[] {
  const addresses = fieldsOf(elements).filter(([field, pointer]) =>
    isRegionAddress(field, schemaAt(ctx.definition, pointer)),
  );
  let shown = errors;
  for (const [field, pointer] of addresses) shown = checkAddress(ctx, field, pointer, shown);
  return shown;
}

function checkAddress(
  ctx: AddressContext,
  field: FieldElement,
  scope: string,
  errors: ShownError[],
): ShownError[] {
  // Repeated entries: each entry's address is checked at its own index.
  const pointers = scope.includes('/0/') ? entryPointers(ctx.data, scope) : [scope];
  const label = ctx.t(field.label);
  let shown = errors;
  for (const pointer of pointers) {
    const value = (getAt(ctx.data, pointer) ?? {}) as AddressValue;
    const region = `${pointer}/regionCode`;
    const street = `${pointer}/street`;
    const own = shown.filter((error) => within(error.pointer, pointer));
    const at = own.length ? shown.indexOf(own[0]!) : shown.length;
    const rest = shown.filter((error) => !within(error.pointer, pointer));
    const level = !value.regionCode
      ? 0
      : ctx.raw[pointer] === PARTIAL_REGION
        ? (value.regionNames?.length ?? 1)
        : undefined;
    const mine: ShownError[] = [];
    if (level !== undefined && (level > 0 || own.length))
      mine.push({ pointer: region, message: ctx.msg(LEVELS[Math.min(level, 2)]!, { label }) });
    else mine.push(...own.filter((error) => within(error.pointer, region)));
    if (own.some((error) => error.pointer === street || error.pointer === pointer) && !value.street)
      mine.push({ pointer: street, message: ctx.msg('apply.address.streetMissing', { label }) });
    else mine.push(...own.filter((error) => error.pointer === street));
    shown = [...rest.slice(0, at), ...mine, ...rest.slice(at)];
  }
  return shown;
}

/** The pointers of an address inside repeated entries (`/members/0/address` → each entry's). */
function entryPointers(data: Values, scope: string): string[] {
  const cut = scope.indexOf('/0/');
  const entries = getAt(data, scope.slice(0, cut));
  const tail = scope.slice(cut + 2);
  return Array.isArray(entries) ? entries.map((_, i) => `${scope.slice(0, cut)}/${i}${tail}`) : [];
}
