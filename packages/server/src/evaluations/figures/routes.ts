import type { Handlers } from '../../http/operation.js';
import { listFiguresHandlers } from './list-figures.js';
import { publishRatingRanking, ratingRankingReadHandlers } from './rating-rankings.js';

/** The figures per department, window and member of staff, and the 红黑榜 (red and black lists). */
export const figureHandlers: Handlers<
  'listEvaluationFigures' | 'publishRatingRanking' | 'listRatingRankings' | 'getRatingRanking'
> = { ...listFiguresHandlers, publishRatingRanking, ...ratingRankingReadHandlers };
