// Reported speech in one sentence: "X said (that) …", "…, X said.", "According to X, …", "…, adding that …",
// "X's position, Y said, is that …". Where the words begin and end is reported.ts's job; this decides who said them.
import { type Entity } from './entities.ts';
import { APPEAL_CUES, CUE_VERBS, shownVerb } from './lexicon.ts';
import { type Read, readAfter, readBefore, sentenceSubject } from './mentions.ts';
import { accordingTo, type Content, forPerson, contentAfter, contentBefore, contentEnd, isTell, skipListener, skipModifiers } from './reported.ts';
import { CAP, CUE, has, isCue, LOWER, PARTICIPLE, PUNCT, type Tok } from './tokens.ts';
import { at, type Item, type Sentence, type State } from './sieve-state.ts';
import { mainSpeaker, SPEECH_PARTICIPLES } from './direct.ts';
import { resolveMention } from './resolve-mention.ts';

const REASON_START = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'concerns', 'fears', 'risks', 'uncertainty', 'slowing', 'rising', 'falling', 'weak', 'weaker', 'strong', 'stronger', 'higher', 'lower', 'easing', 'persistent', 'slower', 'faster']);
const SOURCE_WORDS = new Set(['sources', 'source', 'officials', 'people', 'report', 'reports', 'data', 'documents', 'document', 'statement', 'filing', 'survey', 'analysts', 'media', 'newspaper', 'agency', 'unnamed', 'familiar']);

/** A report after these is background to the sentence ("weeks after the EU urged China to …"), not a statement. */
const SUBORDINATORS = new Set(['after', 'before', 'since', 'until', 'following', 'once']);

const TRAILING_CLAUSE = new Set(['as', 'while', 'amid', 'after', 'before', 'ahead', 'when', 'despite', 'following', 'days', 'weeks', 'hours', 'months']);

const TRAILING_NOUNS = new Set(['step', 'move', 'decision', 'measure', 'sign', 'signal', 'day', 'week', 'reversal', 'blow', 'setback', 'boost', 'bid', 'push', 'effort', 'attempt', 'shift', 'departure', 'rebuke', 'nod']);

const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'must', 'should', 'can', 'shall']);

/** "offered assurances that", "expressed hope that", "made clear that": a verb and a noun that report speech. */
const LIGHT_VERBS = new Set(['offered', 'gave', 'provided', 'expressed', 'voiced', 'made', 'pointed', 'raised', 'offers', 'gives', 'expresses', 'voices', 'makes', 'points']);

const LIGHT_NOUNS = new Set(['assurances', 'assurance', 'hope', 'confidence', 'concern', 'concerns', 'optimism', 'doubt', 'doubts', 'clear', 'out', 'fears', 'worries', 'belief', 'view']);

/** Reported speech in a sentence: "X said (that) …", "…, X said.", "According to X, …", "…, adding that …". */
export function reportedIn(s: Sentence, si: number, state: State, usedCues: Set<number>): Item[] {
  const { toks } = s;
  const out: Item[] = [];
  const end = toks.length;

  const according = accordingTo(toks, 0, end) ?? forPerson(toks, end);
  if (according) emit(out, s, si, state, according.content, according.read, 'according to', 'according-to');

  let skipUntil = according && according.content.from > according.read.to ? according.content.to : -1;
  for (let c = 0; c < end; c++) {
    const t = toks[c]!;
    if (c < skipUntil || t.quoted || !has(t, CUE) || !has(t, LOWER) || has(t, PARTICIPLE) || !isCue(toks, c)) continue;
    // A cue a quotation already used reports nothing more, unless the quotation ends a clause of the reporter's
    // telling ('Mexico will not answer … "for the time being", Secretary X said').
    const own = readBefore(toks, c);
    if (usedCues.has(c) && toks[c + 1]?.lower !== 'that' && !partQuoted(toks, own)) continue;
    if (t.lower === 'according') continue;
    // "Japan will add 12 types of …": a verb after a modal tells what will be done, not what was said.
    if (MODALS.has(toks[c - 1]?.lower ?? '')) continue;
    // "The head of Nvidia downplayed … and said …": the verb shares the sentence's subject.
    const read = own ?? (['and', 'but'].includes(toks[c - 1]?.lower ?? '') ? sentenceSubject(toks) : null);
    // "weeks after the EU urged China to …": an appeal in a clause of time is background, not a statement.
    if (read && SUBORDINATORS.has(toks[read.from - 1]?.lower ?? '') && APPEAL_CUES.has(t.lower) && toks[c + 1]?.lower !== 'that') continue;
    if (read) {
      const content = contentAfter(toks, c, end);
      if (content) {
        emit(out, s, si, state, content, read, t.lower, 'reported');
        skipUntil = content.to;
        continue;
      }
      // "South Africa's position, the Minister said, is that …": what follows "is that" is the statement.
      if (toks[c + 1]?.text === ',' && ['is', 'was', 'remains'].includes(toks[c + 2]?.lower ?? '') && toks[c + 3]?.lower === 'that') {
        const to = contentEnd(toks, c + 4, end);
        if (to - (c + 4) >= 3) { emit(out, s, si, state, { from: c + 4, to }, read, t.lower, 'reported'); continue; }
      }
      // "…, spokesperson Qiao Wenhui told a regular press conference.": the listener is no statement.
      const rest = isTell(t.lower) ? skipListener(toks, c + 1, end) ?? c + 1 : c + 1;
      if (toks[read.from - 1]?.text === ',' && restIsModifiers(toks, rest, end)) {
        const before = contentBefore(toks, read.from - 1, 0);
        if (before) { emit(out, s, si, state, before, read, t.lower, 'reported-after'); continue; }
      }
      continue;
    }
    // "…, says dtic Minister Parks Tau." — the verb before its speaker, at the sentence's end ("…, told Nikkei
    // Asia" names a listener).
    if (toks[c - 1]?.text === ',' && !isTell(t.lower)) {
      const inv = readAfter(toks, c + 1);
      if (inv && inv.mention.type !== 'anonymous' && restIsModifiers(toks, inv.to, end)) {
        const before = contentBefore(toks, c - 1, 0);
        if (before) emit(out, s, si, state, before, inv, t.lower, 'reported-after');
      }
    }
  }

  for (let c = 0; c + 2 < end; c++) {
    const t = toks[c]!;
    if (t.quoted || !LIGHT_VERBS.has(t.lower) || !LIGHT_NOUNS.has(toks[c + 1]!.lower) || toks[c + 2]!.lower !== 'that') continue;
    const read = readBefore(toks, c) ?? (toks[c - 1]?.lower === 'and' ? sentenceSubject(toks) : null);
    const from = c + 3;
    const to = contentEnd(toks, from, end);
    if (read && to - from >= 3) emit(out, s, si, state, { from, to }, read, `${t.lower} ${toks[c + 1]!.lower}`, 'reported');
  }

  // "The Bank of Ghana cut its rate …, citing a faster-than-expected decline in inflation": the reason the
  // subject gave. Not "…, citing sources" or "citing a Reuters report": those name where the news came from.
  for (let p = 2; p < end - 3; p++) {
    if (toks[p]!.lower !== 'citing' || toks[p]!.quoted || toks[p - 1]!.text !== ',') continue;
    const from = p + 1;
    const to = contentEnd(toks, from, end);
    const words = toks.slice(from, to);
    if (words.length < 4 || !REASON_START.has(words[0]!.lower) || words.some((w) => SOURCE_WORDS.has(w.lower)) || has(words[1], CAP)) continue;
    const subject = sentenceSubject(toks);
    if (subject && subject.from < p && !out.some((o) => o.start <= words[0]!.start && o.end >= words[words.length - 1]!.end)) emit(out, s, si, state, { from, to }, subject, 'cited', 'reported');
  }

  // ", adding that …", ", while noting that …": more of what the sentence's speaker said.
  for (let p = 1; p < end; p++) {
    const t = toks[p]!;
    if (t.quoted || !has(t, PARTICIPLE) || !SPEECH_PARTICIPLES.has(t.lower)) continue;
    const quotedAs = toks[p - 1]!.lower === 'as' && toks.slice(Math.max(0, p - 8), p).some((w) => /^(?:quoted|cited)$/.test(w.lower));
    const prev = toks[p - 1]!.text === ',' ? p - 1 : ['while', 'and'].includes(toks[p - 1]!.lower) && toks[p - 2]?.text === ',' ? p - 2 : quotedAs ? p - 1 : -1;
    if (prev < 0) continue;
    const content = contentAfter(toks, p, end);
    if (!content) continue;
    // "The Nikkei cited Finance Minister Kato as saying …", "Xinhua quoted Li Qiang as saying …": the one quoted
    // speaks, not the outlet ("Waller was quoted by CNBC as saying …" goes to the subject as usual).
    const citedAt = quotedAs ? toks.slice(Math.max(0, p - 12), p).findLastIndex((w) => /^(?:quoted|cited|quotes|cites)$/.test(w.lower)) : -1;
    const cited = citedAt >= 0 ? Math.max(0, p - 12) + citedAt : -1;
    if (cited >= 0 && !/^(?:was|were|been|is|are|being)$/.test(toks[cited - 1]?.lower ?? '')) {
      const read = readAfter(toks, cited + 1);
      if (read && read.to <= p - 1) { emit(out, s, si, state, content, read, 'said', 'participle'); continue; }
    }
    const speaker = out.find((o) => o.start < t.start)?.entity ?? null;
    const r = speaker ? { entity: speaker, how: 'participle' } : mainSpeaker(toks, p, s, state);
    emit(out, s, si, state, content, r, t.lower, 'participle');
  }
  return out;
}

/** Records reported words with the speaker the phrase resolves to, unless they are one quotation (the direct quote has it). */
function emit(out: Item[], s: Sentence, si: number, state: State, content: Content, read: Read | { entity: Entity | null; how: string } | null, verb: string, sieve: string): void {
  if (!read) return;
  const { toks } = s;
  const r = 'mention' in read ? resolveMention(read.mention, at(s.paragraph, toks[read.from]?.start ?? 0), state, s) : read;
  if (!r || !r.entity) return;
  const words = toks.slice(content.from, content.to);
  if (words.every((t) => t.quoted || has(t, PUNCT))) return;
  out.push({ paragraph: s.paragraph, start: words[0]!.start, end: words[words.length - 1]!.end, kind: 'reported', entity: r.entity, sieve: `${sieve}/${r.how}`, verb: shownVerb(verb), via: null, quote: null, strong: false, sentence: si });
}

/** The words before the speaker's comma are a clause of their own with a quotation only at its end. */
function partQuoted(toks: Tok[], read: Read | null): boolean {
  if (!read || toks[read.from - 1]?.text !== ',') return false;
  const firstQuoted = toks.findIndex((t) => t.quoted);
  // "Announcing it, he said, “…”, Gor said": words before the quotation that introduce it are no clause of their own.
  const before = toks.slice(0, Math.max(0, firstQuoted));
  return firstQuoted >= 6 && firstQuoted < read.from && before.filter((t) => !has(t, PUNCT)).length >= 6 && !before.some((t, n) => has(t, CUE) && has(t, LOWER) && /^[,:]$/u.test(before[n + 1]?.text ?? ''));
}

/** After the speaker: only time, place and channel ("on Friday", "in a statement", "during a news conference"). */
function restIsModifiers(toks: Tok[], from: number, end: number): boolean {
  let k = skipModifiers(toks, from, end);
  while (k < end && has(toks[k], PUNCT) && toks[k]!.text !== ',') k++;
  if (k >= end) return true;
  if (toks[k]!.text !== ',') return false;
  const next = toks[k + 1];
  const after = next && ['while', 'and'].includes(next.lower) ? toks[k + 2] : next;
  // ", adding that …", ", paving the way for …": what follows is said or done besides; the attribution is complete.
  // ", as Seoul braces for …", ", a step likely to …": background the reporter adds after the attribution.
  if (next && (TRAILING_CLAUSE.has(next.lower) || (['a', 'an'].includes(next.lower) && TRAILING_NOUNS.has(toks[k + 2]?.lower ?? '')))) return true;
  // ", in a move aimed at …", ", in what analysts see as …".
  if (next?.lower === 'in' && (['what'].includes(toks[k + 2]?.lower ?? '') || ['a', 'an'].includes(toks[k + 2]?.lower ?? '') && TRAILING_NOUNS.has(toks[k + 3]?.lower ?? ''))) return true;
  return !next || has(after, PARTICIPLE) || (after !== undefined && (CUE_VERBS.has(after.lower) || has(after, LOWER) && /ing$/.test(after.lower))) || /^["\u201c]/u.test(next.text);
}
