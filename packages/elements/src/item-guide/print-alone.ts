import { SITUATION_PREFIX, situationToQuery } from '../item-common/situation-query.js';
import type { SituationAnswers } from '../item-common/types.js';

/** The address of this guide with the chosen situations (`s.<id>=<option>`), as the 告知单's QR code holds it. */
export function guideAddress(href: string, situation: SituationAnswers): string {
  const url = new URL(href);
  for (const key of [...url.searchParams.keys()])
    if (key.startsWith(SITUATION_PREFIX)) url.searchParams.delete(key);
  const answers = situationToQuery(situation);
  url.search = [url.searchParams.toString(), answers].filter(Boolean).join('&');
  return url.href;
}
