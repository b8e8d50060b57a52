/**
 * Cases (办件) the mocks know. Only data so far: the rating mock uses it to tell which case a rating is
 * for; handlers for `/cases/**` belong here too when a story needs them.
 */
import { seedItems } from './catalogue.js';

/** A case as the mocks need it: its number, query code and item. */
export interface MockCase {
  number: string;
  queryCode: string;
  itemCode: string;
  /** The online rating the case already has (一事一评), if any. */
  rated?: { id: string; level: 'verySatisfied' | 'satisfied' | 'basicallySatisfied' };
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
} satisfies Record<string, MockCase>;

/** The case with this number, if the mocks know it. */
export function findCase(number: string): MockCase | undefined {
  return Object.values(mockCases).find((known) => known.number === number);
}
