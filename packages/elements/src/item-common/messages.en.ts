import type { ItemMessageKey } from './messages.js';

/** The English strings of the item facts and badges, fetched the first time a widget shows English. */
export const en: Record<ItemMessageKey, string> = {
  'item.badge.immediate': 'Done on the spot',
  'item.badge.zeroVisit': 'No visit needed',
  'item.badge.oneVisit': 'At most one visit',
  'item.badge.fullyOnline': 'Fully online',
  'item.badge.national': 'Anywhere in China',
  'item.badge.interProvincial': 'Across provinces',
  'item.badge.bundle': 'One-stop bundle',
  'item.badges': 'Features',
  'item.depth.I': 'Level I: information only',
  'item.depth.II': 'Level II: pre-review online',
  'item.depth.III': 'Level III: apply online',
  'item.depth.IV': 'Level IV: fully online',
  'item.audience.naturalPerson': 'Individuals',
  'item.audience.enterprise': 'Companies',
  'item.audience.publicInstitution': 'Public institutions',
  'item.audience.socialOrganisation': 'Social organisations',
  'item.audience.other': 'Other organisations',
  'item.limit.workingDays': '{value} working days',
  'item.limit.naturalDays': '{value} calendar days',
  'item.limit.hours': '{value} hours',
  'item.promised': 'Promised time limit',
  'item.department': 'Department',
};
