import type { SituationAnswers } from './types.js';

/** What the hand-over's query parameters start with: `s.<id>=<option>`. */
export const SITUATION_PREFIX = 's.';

/**
 * The answers as query pairs, one per chosen option, in the order given:
 * `s.hukou=nonlocal&s.members=spouse&s.members=child` ('' when nothing is answered).
 * `<banshi-application-form>` reads the same format back with {@link situationFromQuery}.
 */
export function situationToQuery(answers: SituationAnswers): string {
  const params = new URLSearchParams();
  for (const [id, answer] of Object.entries(answers)) {
    for (const option of ([] as string[]).concat(answer)) params.append(SITUATION_PREFIX + id, option);
  }
  return params.toString();
}

/** What the parser needs to know of a situation question: its id, options and whether several may be chosen. */
export interface SituationQuestion {
  id: string;
  multiple?: boolean | undefined;
  options: ReadonlyArray<{ id: string }>;
}

/** Answers given as an object: the guide's, or a form definition's (whose lists are read-only). */
type HandedOverAnswers = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The `[id, option]` pairs of a hand-over: `s.<id>=<option>` query pairs, or a JSON object of answers. */
function handedOverPairs(source: string | HandedOverAnswers): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const add = (answers: Record<string, unknown>) => {
    for (const [id, value] of Object.entries(answers)) {
      for (const option of [value].flat()) if (typeof option === 'string') pairs.push([id, option]);
    }
  };
  if (typeof source === 'object') add(source);
  else if (source.trim().startsWith('{')) {
    try {
      add(JSON.parse(source) as Record<string, unknown>);
    } catch {
      // Not JSON after all: nothing to take over.
    }
  } else {
    for (const [key, option] of new URLSearchParams(source)) {
      if (key.startsWith(SITUATION_PREFIX)) pairs.push([key.slice(SITUATION_PREFIX.length), option]);
    }
  }
  return pairs;
}

/**
 * The one reader of the guide-to-form hand-over: answers written by {@link situationToQuery} in a query
 * string (`location.search`), a JSON object of answers as text, or the answers themselves. With the item's
 * or form's `situations`, unknown questions and options are dropped, a multiple-choice answer is always an
 * array and a single-choice question keeps its last answer; without them, a repeated question becomes an
 * array.
 */
export function situationFromQuery(
  source: string | HandedOverAnswers,
  situations?: readonly SituationQuestion[],
): SituationAnswers {
  const answers: SituationAnswers = {};
  for (const [id, option] of handedOverPairs(source)) {
    const situation = situations?.find((candidate) => candidate.id === id);
    if (situations && !situation?.options.some((known) => known.id === option)) continue;
    const previous = answers[id];
    const single = situation ? !situation.multiple : previous === undefined;
    answers[id] = single ? option : ([] as string[]).concat(previous ?? [], option);
  }
  return answers;
}

/** Fills `{name}` placeholders of a URL template with URL-encoded values; unknown names stay as they are. */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
  raw: readonly string[] = [],
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? (raw.includes(name) ? values[name]! : encodeURIComponent(values[name]!)) : whole,
  );
}

/** A link target from server data, kept only when it is http(s), mailto/tel, or relative: never `javascript:`. */
export function safeHref(url: string | undefined): string | undefined {
  // Browsers drop tabs, line breaks and leading controls from URLs, so `java\nscript:` must not pass.
  // eslint-disable-next-line no-control-regex
  const clean = url?.replace(/[\u0000-\u0020]/g, '');
  if (!clean) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(clean)?.[1]?.toLowerCase();
  return !scheme || ['http', 'https', 'mailto', 'tel'].includes(scheme) ? clean : undefined;
}
