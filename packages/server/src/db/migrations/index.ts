import type { Migration } from 'kysely/migration';
import * as initial from './0001-initial.js';
import * as auditLog from './0002-audit-log.js';
import * as serviceAccounts from './0003-service-accounts.js';
import * as themeAudiences from './0004-theme-audiences.js';
import * as caseOwners from './0020-case-owners.js';

/** Every migration, in order; names sort as they run. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-audit-log': auditLog,
  '0003-service-accounts': serviceAccounts,
  '0004-theme-audiences': themeAudiences,
  '0020-case-owners': caseOwners,
};
