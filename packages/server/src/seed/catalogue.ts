import { readdir, readFile } from 'node:fs/promises';
import type {
  CalendarYear,
  CaseCreate,
  FormDefinition,
  Item,
  SeedCatalogue,
  SeedDepartment,
  SeedRegion,
  SeedTheme,
} from './types.js';

/** The folder of the seed JSON files (`packages/server/seed/`), both from `src/seed` and from `dist/seed`. */
export const seedDirectory = new URL('../../seed/', import.meta.url);

async function readJson<T>(url: URL): Promise<T> {
  const text = await readFile(url, 'utf8');
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`${url.pathname} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

async function jsonFiles(folder: URL): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
}

/**
 * Reads the hand-written seed catalogue: `items/*.json` (one `Item` each), `forms/<same name>.json` (the
 * item's `FormDefinition` when its `formVersion` is not null), `departments.json`, `themes.json`,
 * `regions.json`, `calendar/<year>.json` and `applications/<item file>.json` (a sample `CaseCreate` per form). It only reads and pairs the files; check them with
 * `validateSeedCatalogue`.
 * @param directory the seed folder; defaults to the one shipped beside this module.
 * @throws when a file is not valid JSON, or an item with a `formVersion` has no form file.
 */
export async function loadSeedCatalogue(directory: URL = seedDirectory): Promise<SeedCatalogue> {
  const itemsFolder = new URL('items/', directory);
  const formsFolder = new URL('forms/', directory);
  const calendarFolder = new URL('calendar/', directory);
  const formFiles = new Set(await jsonFiles(formsFolder));
  const items: Item[] = [];
  const forms = new Map<string, FormDefinition>();
  for (const file of await jsonFiles(itemsFolder)) {
    const item = await readJson<Item>(new URL(file, itemsFolder));
    items.push(item);
    if (item.formVersion === null) continue;
    if (!formFiles.has(file))
      throw new Error(`items/${file} has formVersion ${item.formVersion} but forms/${file} is missing`);
    forms.set(item.code, await readJson<FormDefinition>(new URL(file, formsFolder)));
  }
  const applicationsFolder = new URL('applications/', directory);
  const applications: CaseCreate[] = [];
  for (const file of await jsonFiles(applicationsFolder)) {
    applications.push(await readJson<CaseCreate>(new URL(file, applicationsFolder)));
  }
  const calendar: CalendarYear[] = [];
  for (const file of await jsonFiles(calendarFolder))
    calendar.push(await readJson<CalendarYear>(new URL(file, calendarFolder)));
  const [departments, themes, regions] = await Promise.all([
    readJson<SeedDepartment[]>(new URL('departments.json', directory)),
    readJson<SeedTheme[]>(new URL('themes.json', directory)),
    readJson<SeedRegion[]>(new URL('regions.json', directory)),
  ]);
  return { items, forms, departments, themes, regions, calendar, applications };
}
