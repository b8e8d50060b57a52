import type { Migration } from 'kysely/migration';
import * as initial from './0001-initial.js';
import * as themeAudiences from './0002-theme-audiences.js';

/** Every migration, in order; names sort as they run. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-theme-audiences': themeAudiences,
};
