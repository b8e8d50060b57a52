import type { components } from '@banshi/sdk';

type Schemas = components['schemas'];

/** A service item with its whole guide, as the document's `Item` schema defines it. */
export type Item = Schemas['Item'];
/** An item's online application form, as the document's `FormDefinition` schema defines it. */
export type FormDefinition = Schemas['FormDefinition'];
/** An application body (`POST /cases`). */
export type CaseCreate = Schemas['CaseCreate'];
/** A department (实施主体), without the computed `itemCount`. */
export type DemoDepartment = Omit<Schemas['Department'], 'itemCount'>;
/** A theme (主题), without the computed `itemCount`. */
export type DemoTheme = Omit<Schemas['Theme'], 'itemCount'>;
/** A GB/T 2260 division. */
export type DemoRegion = Schemas['Region'];

/** One day that differs from the Monday-to-Friday rule: a public holiday or an adjusted working day (调休). */
export type CalendarDay = Schemas['CalendarDay'];

/** A year of the working-day calendar (the document's `Calendar`), with where its dates come from. */
export type CalendarYear = Schemas['Calendar'] & {
  /** The arrangement in words, and any doubt about it. */
  description: string;
  /** The official notice the dates are taken from. */
  source: string;
};

/** Everything the seed folder holds, ready to import. */
export interface DemoCatalogue {
  /** The hand-written items, in a stable order (by file name). */
  items: Item[];
  /** Form definitions by item code, for the items whose `formVersion` is not null. */
  forms: Map<string, FormDefinition>;
  departments: DemoDepartment[];
  themes: DemoTheme[];
  regions: DemoRegion[];
  /** One entry per calendar year in `seed/calendar/`. */
  calendar: CalendarYear[];
  /** A filled-in, valid application for each online form (`seed/applications/`), for tests and demos. */
  applications: CaseCreate[];
}
