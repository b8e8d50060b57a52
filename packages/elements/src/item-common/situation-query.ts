import type { Situation, SituationAnswers } from './types.js';

const PREFIX = 's.';

/**
 * The answers as query pairs, one per chosen option, in the order given:
 * `s.hukou=nonlocal&s.members=spouse&s.members=child` ('' when nothing is answered).
 * `<banshi-application-form>` reads the same format back with {@link situationFromQuery}.
 */
export function situationToQuery(answers: SituationAnswers): string {
  const params = new URLSearchParams();
  for (const [id, answer] of Object.entries(answers)) {
    for (const option of ([] as string[]).concat(answer)) params.append(PREFIX + id, option);
  }
  return params.toString();
}

/**
 * Reads answers written by {@link situationToQuery} from a query string (`location.search`). With the
 * item's or form's `situations`, unknown questions and options are dropped and a multiple-choice answer
 * is always an array.
 */
export function situationFromQuery(search: string, situations?: readonly Situation[]): SituationAnswers {
  const answers: SituationAnswers = {};
  for (const [key, option] of new URLSearchParams(search)) {
    if (!key.startsWith(PREFIX)) continue;
    const id = key.slice(PREFIX.length);
    const situation = situations?.find((candidate) => candidate.id === id);
    if (situations && !situation?.options.some((known) => known.id === option)) continue;
    const previous = answers[id];
    answers[id] =
      previous === undefined && !situation?.multiple
        ? option
        : ([] as string[]).concat(previous ?? [], option);
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
