// The country a story is filed from or about: what a question such as "what did Qatar's energy minister say?"
// can prefer among speakers whose titles name no country.
import type { Paragraph } from '../types.ts';
import { COUNTRY_WORDS, countryOfPlace, entityWords } from '../text/entity-words.ts';

const CAPITALISED_RUN = /\p{Lu}[\p{L}\p{M}.'\u2019-]*(?:\s+\p{Lu}[\p{L}\p{M}.'\u2019-]*){0,3}/gu;

/** The dateline's country; else the country the lead names most often (the first named breaks a tie). */
export function homeCountry(place: string | null, paragraphs: Paragraph[]): string | null {
  const fromPlace = place ? countryOfPlace(place) : null;
  if (fromPlace) return fromPlace;
  const counts = new Map<string, number>();
  for (const p of paragraphs.filter((x) => !x.heading).slice(0, 2)) {
    // Countries are capitalised ("South Korea", "U.S.", "Malaysian"): only runs of capitalised words are read, and
    // each run's words are worked out once (entityWords remembers them), not the whole paragraph's.
    for (const run of p.text.matchAll(CAPITALISED_RUN)) {
      for (const w of entityWords(run[0])) if (COUNTRY_WORDS.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [country, n] of counts) if (best === null || n > counts.get(best)!) best = country;
  return best;
}
