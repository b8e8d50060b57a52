import type { Situation, SituationAnswers } from '@banshi/sdk/forms';

/**
 * Situation answers handed over by the item guide (`s.<id>=<option>` pairs, repeated for a
 * multiple-choice question, or a JSON object), keeping only questions and options the form knows.
 */
export function situationFrom(
  source: string,
  situations: readonly Situation[] = [],
): Record<string, string | string[]> {
  const pairs: Array<[string, string]> = [];
  const text = source.trim();
  if (text.startsWith('{')) {
    try {
      for (const [id, value] of Object.entries(JSON.parse(text) as Record<string, unknown>)) {
        for (const option of [value].flat()) if (typeof option === 'string') pairs.push([id, option]);
      }
    } catch {
      // Not JSON after all: nothing to take over.
    }
  } else {
    for (const [key, value] of new URLSearchParams(text))
      if (key.startsWith('s.')) pairs.push([key.slice(2), value]);
  }
  const answers: Record<string, string | string[]> = {};
  for (const [id, option] of pairs) {
    const situation = situations.find((s) => s.id === id);
    if (!situation?.options.some((o) => o.id === option)) continue;
    answers[id] = situation.multiple ? [...[answers[id] ?? []].flat(), option] : option;
  }
  return answers;
}

/** Only the answers to questions and options the form knows. */
export const knownAnswers = (
  answers: SituationAnswers,
  situations: readonly Situation[] = [],
): Record<string, string | string[]> => situationFrom(JSON.stringify(answers), situations);
