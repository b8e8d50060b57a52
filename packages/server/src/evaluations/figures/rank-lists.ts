import type { Schema } from '../../http/contract.js';
import { figuresOf, type DailySums } from '../summary.js';

type Entry = Schema<'RankingEntry'>;
type Candidate = Omit<Entry, 'rank'>;

/** What decides a list: the order of the red list, and who may be on the black one at all. */
interface Measure {
  better: (a: Candidate, b: Candidate) => number;
  blackable: (entry: Candidate) => boolean;
}

// Ties go to the one rated more often: more ratings make the same rate more telling.
const bySatisfaction: Measure = {
  better: (a, b) => b.satisfactionRate - a.satisfactionRate || b.total - a.total,
  blackable: () => true,
};
const byBadReviews: Measure = {
  better: (a, b) => a.badCount - b.badCount || b.total - a.total,
  blackable: (entry) => entry.badCount > 0,
};

/** The red list (best first) and the black list (worst first) by one measure; nobody is on both. */
function pair(candidates: Candidate[], measure: Measure, size: number): Schema<'RankingPair'> {
  const ordered = [...candidates].sort(measure.better);
  // With few ranked, the better half is red and the rest may be black.
  const red = ordered.slice(0, Math.min(size, Math.ceil(ordered.length / 2)));
  const black = ordered.slice(red.length).reverse().filter(measure.blackable).slice(0, size);
  const ranked = (entries: Candidate[]) => entries.map((entry, index) => ({ rank: index + 1, ...entry }));
  return { red: ranked(red), black: ranked(black) };
}

/**
 * The 红黑榜 of departments or windows from their summed figures: only those rated at least
 * `minimumRatings` times are ranked, so a single rating tops no list.
 */
export function rankLists(
  scopes: { id: string; name?: string; sums: DailySums }[],
  rules: { minimumRatings: number; size: number },
): Schema<'RankingLists'> {
  const candidates: Candidate[] = [];
  for (const scope of scopes) {
    const figures = figuresOf(scope.sums);
    if (figures.total < rules.minimumRatings || figures.satisfactionRate === null) continue;
    candidates.push({
      id: scope.id,
      ...(scope.name ? { name: scope.name } : {}),
      total: figures.total,
      satisfactionRate: figures.satisfactionRate,
      badCount: figures.badCount,
    });
  }
  return {
    bySatisfaction: pair(candidates, bySatisfaction, rules.size),
    byBadReviews: pair(candidates, byBadReviews, rules.size),
  };
}
