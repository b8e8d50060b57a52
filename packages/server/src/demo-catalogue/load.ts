import { readdir, readFile } from 'node:fs/promises';
import type {
  CalendarYear,
  CaseCreate,
  FormDefinition,
  Item,
  DemoCatalogue,
  DemoDepartment,
  DemoRegion,
  DemoTheme,
} from './types.js';

/** The folder of the demo catalogue's JSON files (`packages/server/demo-catalogue/`), from `src/` and from `dist/`. */
export const demoCatalogueDirectory = new URL('../../demo-catalogue/', import.meta.url);

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
 * `validateDemoCatalogue`.
 * @param directory the seed folder; defaults to the one shipped beside this module.
 * @throws when a file is not valid JSON, or an item with a `formVersion` has no form file.
 */
export async function loadDemoCatalogue(directory: URL = demoCatalogueDirectory): Promise<DemoCatalogue> {
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
    readJson<DemoDepartment[]>(new URL('departments.json', directory)),
    readJson<DemoTheme[]>(new URL('themes.json', directory)),
    readJson<DemoRegion[]>(new URL('regions.json', directory)),
  ]);
  return { items, forms, departments, themes, regions, calendar, applications };
}
