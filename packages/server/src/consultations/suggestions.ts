import { readColumn } from '../db/json-columns.js';
import { ok, type Handlers } from '../http/operation.js';
import { problems } from '../http/problem.js';
import { queryGrams } from '../search/database-search.js';
import { normaliseQuery, searchTerms } from '../items/search-terms.js';

type Suggestion = { source: 'faq' | 'published'; question: string; answer: string };

/**
 * How well a suggestion fits what is typed, with the item search's own terms (characters, full pinyin,
 * initials): the whole text found scores highest, else the share of its character pairs found; under
 * half of them is no fit.
 */
function fit(typed: string, suggestion: Suggestion): number {
  const haystack = searchTerms(suggestion.question);
  if (haystack.includes(typed)) return 2;
  const grams = queryGrams(typed);
  const share = grams.filter((gram) => haystack.includes(gram)).length / grams.length;
  return share >= 0.5 ? share : 0;
}

/** While a resident types: the item's FAQs and published answers that fit, best first. */
export const suggestionHandlers: Handlers<'listConsultationSuggestions'> = {
  async listConsultationSuggestions(ctx) {
    const { itemCode, q } = ctx.request.query;
    const item = await ctx.db
      .selectFrom('items')
      .select('document')
      .where('code', '=', itemCode)
      .executeTakeFirst();
    if (!item) throw problems.itemNotFound(itemCode);
    const published = await ctx.db
      .selectFrom('published_answers')
      .select(['question', 'answer'])
      .where('item_code', '=', itemCode)
      .orderBy('published_at', 'desc')
      .limit(200)
      .execute();
    const candidates: Suggestion[] = [
      ...(readColumn.itemDocument(item.document).faqs ?? []).map((faq) => ({
        source: 'faq' as const,
        ...faq,
      })),
      ...published.map((row) => ({ source: 'published' as const, ...row })),
    ];
    const typed = normaliseQuery(q);
    if (!typed) return ok({ items: [] });
    const items = candidates
      .map((suggestion) => ({ suggestion, score: fit(typed, suggestion) }))
      .filter((scored) => scored.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, 5)
      .map((scored) => ({
        source: scored.suggestion.source,
        question: scored.suggestion.question,
        answer: scored.suggestion.answer,
      }));
    return ok({ items });
  },
};
