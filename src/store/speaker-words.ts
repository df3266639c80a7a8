// The words a speaker can be found by, derived from one of their keys (a name, alias, handle or role, in nameKey
// form). The store indexes them (table speaker_words) and the answer layer checks a match with the same function,
// so what is looked up and what is verified never disagree. A pure function of the key: counts stay exact as
// articles come and go.
import type { SpeakerKind } from '../types.ts';
import { acronymOf, entityWords } from '../text/entity-words.ts';

/** Acronyms are taken from runs of this many consecutive words ("european central bank" → "ecb"). */
const ACRONYM_MIN = 3;
const ACRONYM_MAX = 5;
/** Keys longer than this (in words) are descriptions rather than titles: no acronyms are taken from them. */
const ACRONYM_KEY_WORDS = 12;

const cache = new Map<string, string[]>();

/**
 * The lowercase initials of every run of three to five consecutive content words of a name or role key
 * ("vice president of the european central bank" → …, "ecb"; "ministry of investment trade and industry" → "miti").
 */
export function acronymsOf(key: string): string[] {
  const words = key.split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w) && entityWords(w).length > 0);
  if (words.length < ACRONYM_MIN || words.length > ACRONYM_KEY_WORDS) return [];
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = ACRONYM_MIN; n <= ACRONYM_MAX && i + n <= words.length; n++) {
      const a = acronymOf(words.slice(i, i + n).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '));
      if (a) out.add(a);
    }
  }
  return [...out];
}

/**
 * The words of one key: for a role, its entity words (countries and titles in one spelling) and acronyms; for a
 * name, its words and, for a multi-word name or a handle, the name run together ("@USTreasury", "us treasury" →
 * "ustreasury"); an organisation's name also gives its entity words and acronyms ("Chinese Ministry of Commerce"
 * → "china", "ministry", "commerce").
 */
export function keyWords(kind: SpeakerKind, key: string, isRole: boolean): string[] {
  const k = `${kind}\u0000${isRole ? 1 : 0}\u0000${key}`;
  let words = cache.get(k);
  if (words) return words;
  const out = new Set<string>();
  if (isRole) {
    for (const w of entityWords(key)) out.add(w);
    for (const a of acronymsOf(key)) out.add(a);
  } else {
    const plain = key.replace(/@/g, '').split(/\s+/).filter(Boolean);
    for (const w of plain) out.add(w);
    if (plain.length > 1) out.add(plain.join(''));
    if (kind === 'organisation') {
      for (const w of entityWords(key)) out.add(w);
      for (const a of acronymsOf(key)) out.add(a);
    }
  }
  words = [...out];
  if (cache.size > 50_000) cache.clear();
  cache.set(k, words);
  return words;
}
