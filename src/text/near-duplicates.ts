// Near-duplicate texts: the same wire copy run by several outlets, each with its own headline, byline, "Related:"
// links, an added or trimmed paragraph and a few changed words. Each text becomes a MinHash signature over its
// five-word shingles; signatures alike in any band of rows (LSH) are candidates, and candidates are confirmed by the
// signatures' estimate of how many shingles the texts share.
//
// Written by hand rather than with the npm packages, both untouched for years: `minhash` (0.0.9) computes
// (a · h + b) mod p with a and h up to 2³² in floating point, past 2⁵³, so its functions are no longer permutations
// of the hashes (rounding merges values); `simhash-js` (1.0.0) gives one 32-bit SimHash of character shingles, too
// coarse to tell a trimmed copy from another article on the topic, and no index to find pairs. This is ~130 lines.

/** How many words a shingle holds: long enough that two articles on one topic share few, short enough that a
 * changed word spoils only five. */
const SHINGLE = 5;
/** Rows per band and bands: 48 × 4 = 192 hash functions. A pair of Jaccard s is a candidate with probability
 * 1 − (1 − s⁴)⁴⁸: 0.96 at 0.5, 0.71 at 0.4, 0.07 at 0.2, 0.0003 at 0.05 (the S-curve's middle is near 0.38). */
const ROWS = 4;
const BANDS = 48;
export const HASHES = ROWS * BANDS;
/** Fewer words than this (after dropping furniture) is too little to judge: one shared quote or stock sentence would
 * make two short items look like copies. */
export const MIN_WORDS = 40;
/** Only the first words of a longer text are read: a wire copy is far shorter, and the cost stays bounded. */
const MAX_WORDS = 20_000;
/** And only so many characters of it are folded (20,000 words of news take about 130,000). */
const MAX_CHARS = 400_000;
/** Containment (the shorter text mostly inside the longer) is trusted only when the shorter has at least this share of
 * the longer's shingles: for very unequal sizes one chance collision of the signatures reads as high containment. */
const MIN_SIZE_RATIO = 1 / 3;
/** In a band bucket crowded with many articles, each is compared with the next this many only: enough to connect
 * the copies (they share most bands), without comparing every pair of a bucket of stock text. */
const CROWDED = 32;

/** Words outlets add or drop when they edit a wire copy ("said on Tuesday" / "said Tuesday", "the U.S." / "U.S."). */
const FILLER = new Set(['a', 'an', 'the', 'on', 'that']);
/** Paragraphs that are an outlet's furniture, not the story: links, notes, credits, calls to subscribe. */
const FURNITURE = /^\W*(?:related|read more|read also|also read|see also|more from|recommended|editor'?s note|note to editors|reporting by|additional reporting|writing by|editing by|compiled by|copyright|all rights reserved|sign up|subscribe|follow us|click here|advertisement|watch|listen)\b/i;
/** A byline paragraph: "By Jane Doe, Reuters" (short, no full stop; "By Tuesday, talks had ended." is story). */
const BYLINE = /^\W*by\s+\p{Lu}[^.!?]*$/u;
const MAX_BYLINE_WORDS = 10;

export interface Signature {
  /** The least hash of the text's shingles under each of the HASHES functions. */
  readonly mins: Uint32Array;
  /** How many shingles the text has: with the estimate of the shared ones, how much of one lies inside the other. */
  readonly shingles: number;
}

export interface NearDuplicateRule {
  /** Estimated Jaccard of the two texts' shingles at or above which they are copies. */
  similarity: number;
  /** Estimated share of the shorter text's shingles found in the longer at or above which they are copies (a trimmed
   * copy); omitted: not used. */
  containment?: number;
}

/** Murmur3's finaliser: a bijection of 32-bit numbers in which every input bit changes half the output bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One fixed seed per hash function (a splitmix-style sequence): signatures are the same in every run and process. */
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => mix(Math.imul(i + 1, 0x9e3779b9)));

/** FNV-1a over the word's UTF-16 code units. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The story's text without the outlet's furniture paragraphs; paragraphs are separated by blank lines. */
function storyText(text: string): string {
  return text
    .split(/\n[^\S\n]*\n/)
    .filter((p) => {
      const t = p.trim();
      return !FURNITURE.test(t) && !(BYLINE.test(t) && t.split(/\s+/).length <= MAX_BYLINE_WORDS);
    })
    .join(' ');
}

/**
 * The words compared: accents, case, punctuation and spacing ignored, dotted abbreviations and digit groups closed up
 * ("U.S." → "us", "7,280" → one number), every number one word (outlets round and update figures), filler dropped.
 */
function* words(text: string): Generator<string> {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(?<=[\p{L}\p{N}])[.'\u2019,](?=[\p{L}\p{N}])/gu, '')
    .replace(/\p{N}+/gu, '0');
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) if (!FILLER.has(m[0])) yield m[0];
}

/** The text's MinHash signature; null when it has fewer than MIN_WORDS words of story (too short to judge). */
export function signature(text: string): Signature | null {
  const mins = new Uint32Array(HASHES).fill(0xffffffff);
  const recent = new Uint32Array(SHINGLE); // the last SHINGLE words' hashes, as a ring
  let count = 0;
  for (const word of words(storyText(text.slice(0, MAX_CHARS)))) {
    recent[count % SHINGLE] = wordHash(word);
    count++;
    if (count >= SHINGLE) {
      // The shingle's hash, from its words in order (the ring starts at the oldest).
      let h = 0;
      for (let k = 0; k < SHINGLE; k++) h = mix(h ^ recent[(count + k) % SHINGLE]!);
      // Each function is the shingle's hash mixed with its seed; the minimum of a multiset is that of its set, so
      // shingles repeated in the text need no set to remove them.
      for (let f = 0; f < HASHES; f++) {
        const v = mix(h ^ SEEDS[f]!);
        if (v < mins[f]!) mins[f] = v;
      }
    }
    if (count >= MAX_WORDS) break;
  }
  if (count < MIN_WORDS) return null;
  return { mins, shingles: count - SHINGLE + 1 };
}

/** The estimated Jaccard similarity of the two texts' shingles: the share of functions whose minima agree. */
export function similarity(a: Signature, b: Signature): number {
  let same = 0;
  for (let f = 0; f < HASHES; f++) if (a.mins[f] === b.mins[f]) same++;
  return same / HASHES;
}

/**
 * The estimated share of the shorter text's shingles that the longer one holds (1 for a copy trimmed at the end);
 * 0 when their sizes are too unequal for the estimate to be trusted.
 */
export function containment(a: Signature, b: Signature): number {
  const small = Math.min(a.shingles, b.shingles);
  const large = Math.max(a.shingles, b.shingles);
  if (small < large * MIN_SIZE_RATIO) return 0;
  const j = similarity(a, b);
  // |A ∩ B| = J · |A ∪ B| and |A ∪ B| = |A| + |B| − |A ∩ B|, so |A ∩ B| = J (|A| + |B|) / (1 + J).
  return Math.min(1, (j * (small + large)) / (1 + j) / small);
}

export function isNearDuplicate(a: Signature, b: Signature, rule: NearDuplicateRule): boolean {
  return similarity(a, b) >= rule.similarity || (rule.containment !== undefined && containment(a, b) >= rule.containment);
}

/**
 * Pairs [i, j] (i < j) of signatures alike in at least one band of ROWS rows: the only pairs worth confirming. One
 * band at a time, so memory stays at one bucket map of the signatures, and the work grows with their number, not its
 * square (unless many texts share a band: see CROWDED).
 */
export function candidatePairs(sigs: (Signature | null)[]): [number, number][] {
  const n = sigs.length;
  const seen = new Set<number>();
  const out: [number, number][] = [];
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<number, number[]>();
    sigs.forEach((s, i) => {
      if (!s) return;
      let key = mix(band);
      for (let r = band * ROWS; r < (band + 1) * ROWS; r++) key = mix(key ^ s.mins[r]!);
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    });
    for (const list of buckets.values()) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length && y <= x + CROWDED; y++) {
          const k = list[x]! * n + list[y]!; // lists are in signature order, so x's comes first
          if (seen.has(k)) continue;
          seen.add(k);
          out.push([list[x]!, list[y]!]);
        }
      }
    }
  }
  return out;
}

/** The candidate pairs the rule confirms: the texts that are copies of one another. */
export function nearDuplicatePairs(sigs: (Signature | null)[], rule: NearDuplicateRule): [number, number][] {
  return candidatePairs(sigs).filter(([i, j]) => isNearDuplicate(sigs[i]!, sigs[j]!, rule));
}
