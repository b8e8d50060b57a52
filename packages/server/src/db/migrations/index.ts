import type { Migration } from 'kysely/migration';
import * as initial from './0001-initial.js';
import * as auditLog from './0002-audit-log.js';
import * as serviceAccounts from './0003-service-accounts.js';
import * as themeAudiences from './0004-theme-audiences.js';
import * as calendarChanges from './0010-calendar-changes.js';
import * as caseOwners from './0020-case-owners.js';
import * as personalDataAtRest from './0021-personal-data-at-rest.js';
import * as notificationOutbox from './0040-notification-outbox.js';
import * as appointments from './0041-appointments.js';
import * as searchGrams from './0050-search-grams.js';
import * as consultations from './0060-consultations.js';
import * as ratingPeriod from './0070-rating-period.js';
import * as ratingRankings from './0075-rating-rankings.js';
import * as commitmentVerifications from './0080-commitment-verifications.js';
import * as searchByLength from './0090-search-by-length.js';
import * as maintenanceMarks from './0091-maintenance-marks.js';
import * as caseBundles from './0100-case-bundles.js';
import * as myConsultations from './0120-my-consultations.js';
import * as uploadContents from './0140-upload-contents.js';
import * as searchTriples from './0150-search-triples.js';
import * as nationalItems from './0151-national-items.js';
import * as siteSearchGrams from './0170-site-search-grams.js';
import * as searchPrefixByLength from './0171-search-prefix-by-length.js';
import * as mergeSearchPendingLists from './0172-merge-search-pending-lists.js';

/** Every migration, in order; names sort as they run. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-audit-log': auditLog,
  '0003-service-accounts': serviceAccounts,
  '0004-theme-audiences': themeAudiences,
  '0010-calendar-changes': calendarChanges,
  '0020-case-owners': caseOwners,
  '0021-personal-data-at-rest': personalDataAtRest,
  '0040-notification-outbox': notificationOutbox,
  '0041-appointments': appointments,
  '0050-search-grams': searchGrams,
  '0060-consultations': consultations,
  '0070-rating-period': ratingPeriod,
  '0075-rating-rankings': ratingRankings,
  '0080-commitment-verifications': commitmentVerifications,
  '0090-search-by-length': searchByLength,
  '0091-maintenance-marks': maintenanceMarks,
  '0100-case-bundles': caseBundles,
  '0120-my-consultations': myConsultations,
  '0140-upload-contents': uploadContents,
  '0150-search-triples': searchTriples,
  '0151-national-items': nationalItems,
  '0170-site-search-grams': siteSearchGrams,
  '0171-search-prefix-by-length': searchPrefixByLength,
  '0172-merge-search-pending-lists': mergeSearchPendingLists,
};
