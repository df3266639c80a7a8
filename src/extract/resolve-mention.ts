// Who a speaker phrase means at a point in the article: a name, a pronoun (the focus), a description ("the
// minister", "its president", a lead's "the country's trade minister" named only later), and how the focus moves on
// after each sentence.
import { Entities, type Entity } from './entities.ts';
import { ANONYMOUS } from './lexicon.ts';
import { type Mention, readAfter, sentenceSubject } from './mentions.ts';
import { has, LOWER, PUNCT, type Tok } from './tokens.ts';
import { at, type Item, type Sentence, type State } from './sieve-state.ts';

const UNNAMED_OPENERS = new Set(['a', 'an', 'one', 'another']);

/** "An official at the ministry, who asked not to be named, …", "One official …": from here on, "the official" is that one. */
export function noteUnnamed(toks: Tok[], unnamed: Set<string>): void {
  for (let k = 0; k < toks.length; k++) {
    if (toks[k]!.quoted || !UNNAMED_OPENERS.has(toks[k]!.lower)) continue;
    for (let n = k + 1; n < Math.min(toks.length, k + 5) && !has(toks[n], PUNCT); n++) {
      if (ANONYMOUS.has(toks[n]!.lower) && has(toks[n], LOWER)) { unnamed.add(toks[n]!.lower.replace(/s$/, '')); break; }
    }
  }
}

/** The entity a speaker phrase means at `pos`, and how it was found ("name", "pronoun", "description", "cataphora"…). */
export function resolveMention(m: Mention, pos: number, state: State, s: Sentence): { entity: Entity | null; how: string } | null {
  const { ents } = state;
  switch (m.type) {
    case 'pronoun': {
      if (m.word === 'he' || m.word === 'she') {
        const f = state.focus;
        const want = m.word === 'he' ? 'm' : 'f';
        // "Ahn said …, while Lutnick said …. “We are close,” he told CNBC.": of two who just spoke, only the one
        // whose sex alone fits.
        if (!f && state.rivals) {
          const fit = state.rivals.filter((e) => e.gender === want);
          return fit.length === 1 && state.rivals.every((e) => e === fit[0] || (e.gender !== null && e.gender !== want)) ? { entity: fit[0]!, how: 'pronoun' } : null;
        }
        if (!f) return null;
        if (f.gender && f.gender !== want) {
          const other = lastOfGender(state, want, pos, s.paragraph);
          return other ? { entity: other, how: 'pronoun' } : null;
        }
        if (!f.gender) f.gender = want;
        return { entity: f, how: 'pronoun' };
      }
      if (m.word === 'it' && state.focusOrg) return { entity: state.focusOrg, how: 'pronoun' };
      return null;
    }
    case 'person':
    case 'organisation': {
      const short = m.type === 'organisation' ? m.name : m.single ? m.name[0]! : '';
      const titled = /^\p{Lu}{2,4}$/u.test(short) ? ents.byTitleInitials(short) : null;
      if (titled) return { entity: titled, how: 'description' };
      const e = ents.named(m, pos);
      if (!e) return null;
      if (m.type === 'person' && m.possessor === 'its' && m.role && state.focusOrg) ents.addRole(e, m.role, state.focusOrg);
      return { entity: e, how: 'name' };
    }
    case 'description': {
      // "his company": the organisation the person meant by "his" works for.
      // "Her office" with no such organisation known is nobody the text names: never some other body.
      if (m.org && (m.possessor === 'his' || m.possessor === 'her')) return state.focus?.affiliation ? { entity: state.focus.affiliation, how: 'description' } : null;
      // Only a lead names someone after describing them ("…, its energy minister said." ¶ "Minister X …"); later
      // on, "the company said" points back, never ahead to a body not yet named.
      const horizon = s.paragraph <= state.lead + (m.org ? 0 : 1) ? at(s.paragraph + 2, 0) : pos;
      const described = ents.describe(m, pos, horizon, m.possessor === 'its' ? state.focusOrg : null, m.org ? state.focusOrg : state.focus);
      // "the lawmaker", "the official": words also used of unnamed people mean only the person just spoken of, and
      // no one at all once an unnamed one has spoken ("An official … said …. The official added …").
      const unnamed = ANONYMOUS.has(m.head) && (state.unnamed.has(m.head) || (described !== state.lastSubject && described !== state.focus));
      const e = unnamed ? null : described;
      // Wire leads: "…, a spokesperson for the Ministry of Commerce said." ¶ "…, spokesperson Qiao Wenhui told …".
      if (e?.kind === 'organisation' && !m.org && s.paragraph <= state.lead + 1) {
        const named = ents.spokespersonNext(e, pos);
        if (named) return { entity: named, how: 'cataphora' };
      }
      // An organisation's unnamed spokesperson speaks for it; later "the spokesperson" means the same.
      if (e?.kind === 'organisation' && !m.org) ents.addRole(e, 'spokesperson');
      // Named only later ("Germany's finance minister …" then "Finance Minister Katharina von Stetten"): the
      // description's country is theirs too.
      if (e?.kind === 'person' && e.first > pos && /^\p{Lu}\S*['\u2019]s\b/u.test(m.text)) ents.addRole(e, descriptionRole(m));
      if (e) return { entity: e, how: 'description' };
      // A lead naming its speaker only in the next paragraph ("…, the country's trade minister said on Tuesday.").
      // "France's foreign minister": one office-holder, as definite as "the".
      const definite = m.definite || /^\p{Lu}\S*['\u2019]s$/u.test(m.modifiers[0] ?? '');
      if (definite && s.paragraph <= state.lead + 1 && !m.org) {
        const next = ents.introducedNext(m, pos) ?? introducedInNextSentence(m, s, state);
        if (next) { ents.addRole(next, descriptionRole(m)); return { entity: next, how: 'cataphora' }; }
      }
      // Elegant variation ("The Labour MP for …" after "… Liam Byrne branded …"): the previous sentence's subject,
      // for a definite description of a person that no one in the article fits by role.
      // Never across two offices: "the senator" is not the governor just quoted.
      const other = state.lastSubject && OFFICES.has(m.head) && [...state.lastSubject.roleWords].some((w) => OFFICES.has(w) && w !== m.head);
      if (!m.org && m.definite && state.lastSubject && !other && !ents.all.some((x) => x.kind === 'person' && ents.describe(m, pos, pos, null) === x)) {
        if (state.lastSubject.roleWords.size === 0) ents.addRole(state.lastSubject, descriptionRole(m));
        return { entity: state.lastSubject, how: 'variation' };
      }
      return null;
    }
    case 'relative':
      return m.antecedent ? resolveMention(m.antecedent, pos, state, s) : null;
    case 'anonymous':
      for (const w of m.text.toLowerCase().split(/\s+/)) if (ANONYMOUS.has(w)) state.unnamed.add(w.replace(/s$/, ''));
      return null;
  }
}

/**
 * "Lagarde and Powell spoke. … 'I don't know,' she said.": when the focus is of the other sex, the person last
 * named in this or the two paragraphs before — and only when that person's sex is known to fit.
 */
function lastOfGender(state: State, want: 'm' | 'f', pos: number, paragraph: number): Entity | null {
  const fitting = (from: number, spoke: boolean) => {
    const near = state.ents.all.filter((e) => e.kind === 'person' && e.last < pos && e.last >= at(from, 0) && (!spoke || e.spoke));
    const last = near.filter((e) => e.gender !== (want === 'm' ? 'f' : 'm')).sort((a, b) => b.last - a.last)[0];
    return last ?? null;
  };
  // Anyone named in the last two paragraphs; failing that, a speaker of the last five ("He added …" after the
  // chief financial officer spoke, meaning the chief executive quoted before her).
  const last = fitting(paragraph - 2, false) ?? fitting(paragraph - 5, true);
  return last?.gender === want ? last : null;
}

/** Offices one person rarely holds two of at once; "gov" and "sen" are how pages abbreviate two of them. */
const OFFICES = new Set(['senator', 'sen', 'governor', 'gov', 'minister', 'president', 'mayor', 'secretary', 'ambassador', 'chancellor', 'premier', 'congressman', 'congresswoman', 'mp', 'mep', 'chairman', 'chairwoman', 'ceo']);

/** "…, France's foreign minister said in Paris. Antoine Delmas, speaking on the sidelines, …": the person the next sentence opens with, named there for the first time. */
function introducedInNextSentence(m: Extract<Mention, { type: 'description' }>, s: Sentence, state: State): Entity | null {
  const next = state.sentences[state.sentences.indexOf(s) + 1];
  if (!next || next.paragraph !== s.paragraph) return null;
  const read = sentenceSubject(next.toks);
  if (!read || read.mention.type !== 'person' || read.from > 0) return null;
  const from = at(next.paragraph, next.toks[read.from]!.start);
  return state.ents.introducedNext(m, from, from, at(next.paragraph, next.toks[read.to - 1]!.end));
}

/** The role a description gives the person it turned out to mean ("the country's trade minister" → "trade minister"). */
function descriptionRole(m: Extract<Mention, { type: 'description' }>): string | null {
  const words = m.text.split(/\s+/).filter((w) => !(/['\u2019]s$/u.test(w) && /^\p{Ll}/u.test(w)) && !/^(?:the|a|an|its|his|her|their)$/i.test(w));
  return words.length > 0 && words.length <= 8 ? words.join(' ') : null;
}

/** After a sentence: who "he" and "it" mean next — the latest speaker, else the sentence's subject. */
export function updateFocus(s: Sentence, found: Item[], state: State): void {
  const spoke = found.filter((f) => f.entity);
  const lastPerson = [...spoke].reverse().find((f) => f.entity!.kind === 'person')?.entity ?? null;
  const lastOrg = [...spoke].reverse().find((f) => f.entity!.kind === 'organisation')?.entity ?? null;
  for (const f of spoke) f.entity!.spoke = true;
  const statement = spoke.length > 0 && s.toks.some((t) => t.lower === 'statement' && !t.quoted);
  if (statement) state.lastStatement = { entity: spoke[spoke.length - 1]!.entity!, paragraph: s.paragraph };
  let subject: Entity | null = null;
  const read = sentenceSubject(s.toks);
  if (read) {
    const m = read.mention;
    if (m.type === 'person' || m.type === 'organisation') subject = state.ents.named(m, at(s.paragraph, s.toks[read.from]?.start ?? 0), false);
    else if (m.type === 'pronoun' && (m.word === 'he' || m.word === 'she')) subject = state.focus;
    else if (m.type === 'description' && !m.org) subject = state.ents.describe(m, at(s.paragraph, s.toks[read.from]?.start ?? 0), 0, null);
  }
  if (lastPerson) state.focus = lastPerson;
  else if (subject?.kind === 'person') state.focus = subject;
  // Two people spoke in one sentence: "he" next could be either.
  const people = [...new Set(spoke.filter((f) => f.entity!.kind === 'person').map((f) => f.entity!))];
  state.rivals = people.length > 1 ? people : null;
  if (state.rivals) state.focus = null;
  if (lastPerson || subject?.kind === 'person') state.focusParagraph = s.paragraph;
  if (lastOrg) state.focusOrg = lastOrg;
  else if (subject?.kind === 'organisation') state.focusOrg = subject;
  // The latest organisation named is what "its" refers to ("the European Central Bank's …, its Vice President").
  const orgs = state.ents.all.filter((e) => e.kind === 'organisation' && e.last >= at(s.paragraph, s.span.start) && e.last < at(s.paragraph, s.span.end));
  if (!lastOrg && orgs.length) state.focusOrg = orgs.reduce((a, b) => (b.last > a.last ? b : a));
  // The person the next sentence may go on about: the speaker, else the subject of the sentence's last clause
  // ("…, and Lula had previously hinted at retaliation." → Lula).
  const later = lastClauseSubject(s.toks, state.ents, s.paragraph);
  state.lastSubject = lastPerson ?? later ?? (subject?.kind === 'person' ? subject : null);
  // "He declined to comment." The next unnamed words are someone else's: no one is meant by "he" or "the official".
  if (!lastPerson && declined(s.toks)) { state.focus = null; state.lastSubject = null; }
}

const DECLINED = /^(?:declined|refused|did|could|was|were)$/;

/** "declined to comment", "did not respond to a request for comment", "could not be reached". */
function declined(toks: Tok[]): boolean {
  for (let k = 0; k + 2 < toks.length; k++) {
    const t = toks[k]!;
    if (t.quoted || !DECLINED.test(t.lower)) continue;
    const next = toks.slice(k + 1, k + 5).map((w) => w.lower).join(' ');
    if (/^(?:to comment|to be interviewed|not respond|not immediately respond|not reply|not return|not be reached|not available for comment|unavailable for comment)/.test(next)) return true;
  }
  return false;
}

/** The person heading a sentence's last coordinated clause (", and Lula had …", "; Tau said …"), if any. */
function lastClauseSubject(toks: Tok[], ents: Entities, paragraph: number): Entity | null {
  for (let k = toks.length - 2; k > 0; k--) {
    const t = toks[k]!;
    if (t.quoted || !(t.text === ';' || ((t.lower === 'and' || t.lower === 'but') && toks[k - 1]?.text === ','))) continue;
    const read = readAfter(toks, k + 1);
    if (!read || read.mention.type !== 'person' || !has(toks[read.to], LOWER) || has(toks[read.to], PUNCT)) return null;
    const e = ents.named(read.mention, at(paragraph, toks[read.from]!.start), false);
    return e?.kind === 'person' ? e : null;
  }
  return null;
}
