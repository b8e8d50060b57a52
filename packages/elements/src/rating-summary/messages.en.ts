import type { RatingSummaryMessageKey } from './messages.js';

/** The English strings of `<banshi-rating-summary>`, fetched the first time a widget shows English. */
export const en: Record<RatingSummaryMessageKey, string> = {
  'rsum.title': 'Ratings of public services',
  'rsum.loading': 'Loading the rating figures…',
  'rsum.failed': 'The rating figures cannot be read right now. Please try again later.',
  'rsum.retry': 'Try again',
  'rsum.empty': 'No ratings in this period yet.',
  'rsum.figures': 'Figures',
  'rsum.total': 'Ratings',
  'rsum.satisfaction': 'Satisfaction rate',
  'rsum.bad': 'Bad reviews',
  'rsum.rectification': 'Bad reviews rectified',
  'rsum.callback': 'Real-name bad reviews called back',
  'rsum.none': '—',
  'rsum.rankings': 'Red and black lists',
  'rsum.noRankings': 'No red and black lists are posted at the moment.',
  'rsum.period':
    'Period {from} to {to}, published {published}, posted until {until}; fewer than {minimum} ratings are not ranked.',
  'rsum.departments': 'Departments',
  'rsum.windows': 'Windows',
  'rsum.red': 'red list (best)',
  'rsum.black': 'black list (worst)',
  'rsum.bySatisfaction': 'by satisfaction',
  'rsum.byBadReviews': 'by bad reviews',
  'rsum.caption': '{group}: {list}, {measure}',
  'rsum.rank': 'Rank',
  'rsum.name': 'Name',
  'rsum.count': 'Ratings',
  'rsum.noEntry': 'Nobody on this list',
  'rsum.scroll': 'The table scrolls sideways',
};
