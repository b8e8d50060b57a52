import { createHash } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { DatabaseSchema, DepartmentsTable, Json, ThemesTable } from '../db/schema-types.js';
import { searchTerms } from './search-terms.js';
import { builtInRegions } from './regions.js';
import { bumpCatalogueVersion } from './catalogue-version.js';
import { mergePendingSearchEntries } from '../search/pending-lists.js';

/** An item as the API shows it (the document's `Item`), loosely typed for storage. */
export interface ItemDocument {
  code: string;
  name: string;
  kind: string;
  type: string;
  department: { id: string; name: string; creditCode?: string };
  regionCode: string;
  level: string;
  audience: string[];
  themes: { id: string; name: string }[];
  onlineDepth: string;
  crossRegionScope: string;
  status: string;
  formVersion: string | null;
  aliases?: string[];
  version?: string;
  [key: string]: unknown;
}

/** What the importer stores: an Item, its form definition (when it can be applied for online), translations. */
export interface ItemInput {
  item: ItemDocument;
  form?: Record<string, unknown> | null;
  /** The same item in other locales (`en`), texts translated. */
  translations?: Partial<Record<'en', ItemDocument>>;
}

/** Reference lists imported with the items; missing ones are derived from the items. */
export interface ReferenceInput {
  departments?: { id: string; name: string; shortName?: string; creditCode: string; regionCode: string }[];
  themes?: { id: string; name: string; audience: string[] }[];
  regions?: { code: string; name: string; parent: string | null; level?: string }[];
}

const summaryFields = [
  'code',
  'name',
  'kind',
  'type',
  'department',
  'regionCode',
  'level',
  'audience',
  'themes',
  'onlineDepth',
  'onSiteVisits',
  'crossRegionScope',
  'processingType',
  'promisedTimeLimit',
  'formVersion',
  'status',
] as const;

/** The `ItemSummary` part of an item. */
export function summaryOf(item: ItemDocument): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const field of summaryFields) if (item[field] !== undefined) summary[field] = item[field];
  return summary;
}

function etagOf(item: ItemDocument, form: unknown, translations: unknown): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([item, form, translations]))
    .digest('base64url')
    .slice(0, 10);
  return `"i-${item.version ?? '1'}-${hash}"`;
}

const termsCache = new Map<string, string>();

/** searchTerms with a bounded cache: department names and aliases repeat across thousands of items. */
function cachedTerms(text: string): string {
  let terms = termsCache.get(text);
  if (terms === undefined) {
    if (termsCache.size > 50_000) termsCache.clear();
    termsCache.set(text, (terms = searchTerms(text)));
  }
  return terms;
}

/** The row stored for an item: search columns computed here, once, from the name, aliases and department. */
export function itemRow(input: ItemInput) {
  const { item } = input;
  const form = input.form ?? (item.form as Record<string, unknown> | undefined) ?? null;
  const document = { ...item };
  delete document.form;
  const translations: Record<string, Json> = {};
  for (const [locale, translated] of Object.entries(input.translations ?? {})) {
    if (translated)
      translations[locale] = { summary: summaryOf(translated), document: translated } as unknown as Json;
  }
  return {
    code: item.code,
    name: item.name,
    kind: item.kind,
    department_id: item.department.id,
    department_name: item.department.name,
    region_code: item.regionCode,
    item_type: item.type,
    level: item.level,
    online_depth: item.onlineDepth,
    cross_region_scope: item.crossRegionScope,
    audience: item.audience,
    themes: item.themes.map((theme) => theme.id),
    status: item.status,
    has_form: form !== null && item.formVersion !== null,
    search_name: cachedTerms(item.name),
    search_keywords: (item.aliases ?? []).map(cachedTerms).join(' '),
    search_department: cachedTerms(item.department.name),
    summary: JSON.stringify(summaryOf(item)),
    document: JSON.stringify(document),
    form: form ? JSON.stringify(form) : null,
    translations: JSON.stringify(translations),
    etag: etagOf(item, form, translations),
    updated_at: new Date(),
  };
}

// The audiences of a 法人 theme named by an item but missing from the reference themes.
const organisationAudiences = ['enterprise', 'publicInstitution', 'socialOrganisation', 'other'];

type DepartmentRow = Insertable<DepartmentsTable>;
type ThemeRow = Insertable<ThemesTable>;

/** The department and the themes an item names, unless already noted (the reference lists win later). */
function noteReferences(
  item: ItemDocument,
  departments: Map<string, DepartmentRow>,
  themes: Map<string, ThemeRow>,
) {
  if (!departments.has(item.department.id)) {
    departments.set(item.department.id, {
      id: item.department.id,
      name: item.department.name,
      short_name: null,
      credit_code: item.department.creditCode ?? item.code.slice(0, 18),
      region_code: item.regionCode,
    });
  }
  for (const theme of item.themes) {
    if (themes.has(theme.id)) continue;
    const person =
      theme.id.startsWith('person') ||
      (!theme.id.startsWith('org') && item.audience.includes('naturalPerson'));
    themes.set(theme.id, {
      id: theme.id,
      name: theme.name,
      audience: person ? ['naturalPerson'] : organisationAudiences,
    });
  }
}

/**
 * Writes items (insert or replace) in batches, then the departments, themes and regions they name.
 * Returns how many items were written.
 */
export async function importItems(
  db: Kysely<DatabaseSchema>,
  inputs: Iterable<ItemInput>,
  reference: ReferenceInput = {},
): Promise<number> {
  const departments = new Map<string, DepartmentRow>();
  const themes = new Map<string, ThemeRow>();
  let batch: ReturnType<typeof itemRow>[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await db
      .insertInto('items')
      .values(batch)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => {
          const columns = Object.keys(batch[0]!).filter((column) => column !== 'code') as (keyof ReturnType<
            typeof itemRow
          >)[];
          return Object.fromEntries(columns.map((column) => [column, eb.ref(`excluded.${column}`)]));
        }),
      )
      .execute();
    count += batch.length;
    batch = [];
  };
  for (const input of inputs) {
    batch.push(itemRow(input));
    noteReferences(input.item, departments, themes);
    if (batch.length >= 500) await flush();
  }
  await flush();
  await mergePendingSearchEntries(db);
  // Every process rebuilds its search index when it sees the new version.
  await bumpCatalogueVersion(db);
  for (const department of reference.departments ?? []) {
    departments.set(department.id, {
      id: department.id,
      name: department.name,
      short_name: department.shortName ?? null,
      credit_code: department.creditCode,
      region_code: department.regionCode,
    });
  }
  for (const theme of reference.themes ?? []) themes.set(theme.id, theme);
  await upsertAll(db, 'departments', [...departments.values()], 'id');
  await upsertAll(db, 'themes', [...themes.values()], 'id');
  const regions = (reference.regions ?? builtInRegions).map((region) => ({
    code: region.code,
    name: region.name,
    parent: region.parent,
    level: region.level ?? null,
    search: `${cachedTerms(region.name)} ${region.code}`,
  }));
  await upsertAll(db, 'regions', regions, 'code');
  return count;
}

async function upsertAll<T extends 'departments' | 'themes' | 'regions'>(
  db: Kysely<DatabaseSchema>,
  table: T,
  rows: Record<string, unknown>[],
  key: string,
): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const columns = Object.keys(chunk[0]!).filter((column) => column !== key);
    await db
      .insertInto(table)
      .values(chunk as never)
      .onConflict((oc) =>
        oc
          .column(key as never)
          .doUpdateSet(
            (eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never,
          ),
      )
      .execute();
  }
}
