/**
 * Cases (办件) the mocks know. Only data so far: the rating mock uses it to tell which case a rating is
 * for; handlers for `/cases/**` belong here too when a story needs them.
 */
import type { components } from '../../packages/sdk/src/generated/schema.js';
import { seedItems } from './catalogue.js';

/** A case as the mocks need it: its number, query code and item. */
export interface MockCase {
  number: string;
  queryCode: string;
  itemCode: string;
  /** The online rating the case already has (一事一评), if any. */
  rated?: { id: string; level: components['schemas']['EvaluationLevel'] };
}

export const mockCases = {
  /** 公共租赁住房申请, concluded and not rated yet. */
  concludedNotRated: {
    number: '15030220261123000017',
    queryCode: '7K3P9QWD',
    itemCode: seedItems.publicRentalHousing.code,
  },
  /** 食品经营许可, concluded and already rated 满意 online. */
  alreadyRated: {
    number: '15030220261109000042',
    queryCode: '4M8Q2RXT',
    itemCode: seedItems.foodBusinessLicence.code,
    rated: { id: 'ev_01JCZ7N4Q8R2T6V0X3Z5B7D9F1', level: 'satisfied' },
  },
  /** 居民身份证换领, rated 非常不满意; the office appealed and the reviewing body upheld the appeal. */
  appealDecided: {
    number: '15030220261102000031',
    queryCode: '9T4K7WXP',
    itemCode: seedItems.residentIdCard.code,
    rated: { id: 'ev_01JCY2K8P4R6T8V0X2Z4B6D8F0', level: 'veryDissatisfied' },
  },
  /** 公共租赁住房申请, rated 基本满意 in October: the period for a follow-up is over. */
  followUpClosed: {
    number: '15030220261015000008',
    queryCode: 'R2M6Q8XH',
    itemCode: seedItems.publicRentalHousing.code,
    rated: { id: 'ev_01JCB3M7Q1S5U9W3Y7A1C5E9G3', level: 'basicallySatisfied' },
  },
} satisfies Record<string, MockCase>;

/** The case with this number, if the mocks know it. */
export function findCase(number: string): MockCase | undefined {
  return Object.values(mockCases).find((known) => known.number === number);
}
