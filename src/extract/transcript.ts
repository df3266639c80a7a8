// The turns of a transcript: press briefings ("Li Yongjie:", "Q:", "MS. CALLOWAY:"), parliamentary records
// (Hansard's "The Minister for Industry (Jane Harlow):"), interviews, TV shows ("ANCHOR:") and earnings calls
// (speakers on lines of their own). Each turn is its speaker's words, less the sentences that quote or report
// someone else by name.
import type { Paragraph } from '../types.ts';
import type { Entities, Entity } from './entities.ts';
import { CARRIERS } from './lexicon.ts';
import { readAfter } from './mentions.ts';
import { tokenize } from './tokens.ts';
import type { Found } from './special.ts';

const NOT_LABELS = /^(?:source|sources|details|background|quote|note|notes|update|updates|photo|image|video|read|read more|also read|watch|related|context|summary|key points|editor's note|q|a|question|answer|enquiries|inquiries|media enquiries|contact|contacts|media contact|cell|tel|telephone|phone|mobile|email|e-mail|fax|website|web|issued by|more from|more on|tags|topics|ends|credit|photo credit|by|published|updated|date|location|venue|time)$/iu;

/** "Q:" or "Question:": a turn whose asker the transcript does not name. */
const ASKER = /^(?:q|question|reporter|journalist|interviewer|anchor|host|moderator|presenter|correspondent)$/iu;
/** A speaker's label opening a paragraph: "Li Yongjie:", "Minister Morimoto: We are …", "Jane Doe (Governor, CBN): …". */
const TURN = /^\s*(\p{Lu}(?:\p{L}{0,3}\.(?=\s))?(?:\s\p{Lu}\p{Ll}{0,2}\.(?=\s)|[^:\n.!?"\u201c\u201d]){0,90}?)\s*:\s*/u;

/**
 * Earnings-call transcripts print each speaker on a line of their own: "Marcus Ilunga -- Barclays -- Analyst",
 * "Dana Whitlock -- Chief Executive Officer", "Operator" (the call's operator, whom no one quotes).
 */
function labelLine(p: Paragraph, i: number, paragraphs: Paragraph[], ents: Entities): Label | null {
  const next = paragraphs[i + 1];
  if (!next || next.heading) return null;
  if (/^operator$/iu.test(p.text.trim())) return { entity: null, text: p.text.length, line: true };
  const m = /^(\p{Lu}[\p{L}'\u2019.-]+(?:\s+\p{Lu}[\p{L}'\u2019.-]+){1,3})\s+(?:--|\u2014|\u2013)\s+(.{2,80})$/u.exec(p.text.trim());
  if (!m) return null;
  const toks = tokenize(m[1]!, 0, m[1]!.length, []);
  const read = readAfter(toks, 0);
  if (read?.mention.type !== 'person' || read.to < toks.length) return null;
  read.mention.role = m[2]!.split(/\s+(?:--|\u2014|\u2013)\s+/u).reverse().join(', ');
  return { entity: ents.named(read.mention, i * 1_000_000), text: p.text.length, line: true };
}

interface Label {
  /** Who speaks this turn; null for an unnamed asker or a label that names no one the text knows. */
  entity: Entity | null;
  /** Where the turn's words start in the paragraph. */
  text: number;
  /** An unnamed asker's turn ("Q:"). */
  asker?: boolean;
  /** A name on a line of its own, whose words follow in the next paragraphs. */
  line?: boolean;
}

/** The label a paragraph opens with, if it is one: a name (with an optional "(role)") and a colon, not "Name: “…”". */
function labelOf(p: Paragraph, i: number, ents: Entities): Label | null {
  // White House transcripts: "Q Kevin, how do you …" — the asker with no colon.
  const bareAsker = /^Q\.?\s+(?=\S)/u.exec(p.text);
  if (bareAsker) return { entity: null, text: bareAsker[0].length, asker: true };
  const colon = p.text.indexOf(':');
  if (colon < 0 || colon > 80) return null; // most paragraphs: no label, and no regex run over them
  const m = TURN.exec(p.text);
  if (!m) return null;
  const rest = p.text.slice(m[0].length);
  if (/^["\u201c\u2018']/u.test(rest)) return null; // "Solbakken: “…”" introduces one quotation; it is no transcript
  // "MS. CALLOWAY:", "SECRETARY BESSENT:": a label in capitals is read as the name it spells.
  const raw = /\p{Ll}/u.test(m[1]!) ? m[1]!.trim() : m[1]!.trim().replace(/\p{L}+\.?/gu, (w) => (w.length >= 5 || /^(?:MR|MS|MRS|DR)\.$/u.test(w) ? w[0] + w.slice(1).toLowerCase() : w));
  if (ASKER.test(raw)) {
    // "ANCHOR:" after "… anchor Rebecca Tan …": the one person the page gives that role.
    const word = raw.toLowerCase();
    const holders = ['anchor', 'host', 'moderator', 'presenter'].includes(word) ? ents.all.filter((e) => e.kind === 'person' && e.roleWords.has(word)) : [];
    return { entity: holders.length === 1 ? holders[0]! : null, text: m[0].length, asker: holders.length !== 1 };
  }
  // "Jane Doe (Governor, CBN)": one parenthesis gives a role. Hansard's "Liam Cawthorne (Scunthorpe Vale) (Con)"
  // gives a seat and a party: no role.
  const groups = /(?:\s*\([^()]{1,60}\))+\s*$/u.exec(raw);
  const inner = groups ? [...groups[0].matchAll(/\(([^()]+)\)/gu)].map((g) => g[1]!.trim()) : [];
  const role = inner.length === 1 ? inner[0]! : null;
  let name = groups ? raw.slice(0, groups.index).trim() : raw;
  if (name.length > 0 && inner.length > 0 && personLike(inner[0]!) && readsAsDescription(name)) {
    // Hansard's "The Minister for Industry (Ruth Adeyemi-Clarke)": the office, then who holds it.
    const office = name.replace(/^the\s+/iu, '');
    const toks = tokenize(inner[0]!, 0, inner[0]!.length, []);
    const read = readAfter(toks, 0);
    if (read?.mention.type === 'person' && read.to >= toks.length) {
      read.mention.role = office;
      return { entity: ents.named(read.mention, i * 1_000_000), text: m[0].length };
    }
  }
  // "Reporter (Thanh Nien Newspaper):": the newsroom asks; a bare "Reporter:" is no one in particular.
  if (role && ASKER.test(name)) {
    const outlet = role;
    return { entity: /^\p{Lu}/u.test(outlet) ? ents.organisation(outlet, i * 1_000_000, true, true) : null, text: m[0].length };
  }
  if (!name || name.split(/\s+/).length > 6 || NOT_LABELS.test(name)) return null;
  const toks = tokenize(name, 0, name.length, []);
  const read = readAfter(toks, 0);
  const mention = read && read.to >= toks.length ? read.mention : null;
  let entity: Entity | null = null;
  if (mention?.type === 'person' && mention.single && CARRIERS.has(mention.name[0]!.toLowerCase())) {
    // A newsroom asking at a press conference is a speaker there ("Reuters:", "Bloomberg News:").
    entity = ents.organisation(mention.name[0]!, i * 1_000_000, true, true);
  } else if (mention?.type === 'person' || mention?.type === 'organisation') {
    if (mention.type === 'person' && role) mention.role = role;
    entity = ents.named(mention, i * 1_000_000);
  }
  return { entity, text: m[0].length };
}

/** "The Minister for Industry": an office, with no name in it. */
function readsAsDescription(text: string): boolean {
  const toks = tokenize(text, 0, text.length, []);
  const read = readAfter(toks, 0);
  return read !== null && read.to >= toks.length && read.mention.type === 'description';
}

/** "Ruth Adeyemi-Clarke": two to four capitalised words, as a person's name is printed in a label. */
function personLike(text: string): boolean {
  return /^\p{Lu}[\p{L}'\u2019-]+(?:\s+(?:\p{Lu}[\p{L}'\u2019-]+|de|da|van|von|bin|al-\p{L}+)){1,3}$/u.test(text);
}

/**
 * A transcript: at least two paragraphs that open with a label and a colon, at least one naming a speaker. A
 * turn is its label's paragraph and the plain paragraphs after it, up to the next label; turns under "Q:" (an
 * unnamed asker) or a label that names no one are no one's. Live blogs' "Name: “…”" lines are not labels.
 */
export interface Transcript {
  has: (p: number) => boolean;
  /** Who speaks the turn paragraph `p` is part of. */
  speakerAt: (p: number) => Entity | null;
  /** Takes a sentence out of its turn: someone else's words, quoted or reported by the turn's speaker. */
  carve: (p: number, span: { start: number; end: number }) => void;
  items: () => Found[];
}

const NO_TRANSCRIPT: Transcript = { has: () => false, speakerAt: () => null, carve: () => {}, items: () => [] };

export function findTranscript(paragraphs: Paragraph[], ents: Entities): Transcript {
  const labels = new Map<number, Label>();
  // A transcript's header: "Anchor: Rebecca Tan", "Host: …": who the bare "ANCHOR:" labels below mean.
  paragraphs.forEach((p, i) => {
    const host = /^(anchor|host|moderator|presenter)\s*:\s*(\p{Lu}[\p{L}'\u2019.-]+(?:\s+\p{Lu}[\p{L}'\u2019.-]+){1,3})\s*$/iu.exec(p.text.trim());
    if (!host || i > 20) return;
    const toks = tokenize(host[2]!, 0, host[2]!.length, []);
    const read = readAfter(toks, 0);
    if (read?.mention.type === 'person' && read.to >= toks.length) ents.named({ ...read.mention, role: host[1]!.toLowerCase() }, i * 1_000_000);
  });
  paragraphs.forEach((p, i) => {
    if (p.text.length < 3) return;
    const label = p.heading ? labelLine(p, i, paragraphs, ents) : labelOf(p, i, ents);
    if (label) labels.set(i, label);
  });
  // Two turns by named speakers, or a named answer to an unnamed "Q:"; one label in a page is a line, not a transcript.
  const named = [...labels.values()].filter((l) => l.entity).length;
  const askers = [...labels.values()].filter((l) => l.asker).length;
  if (labels.size < 2 || named < 1 || (named < 2 && askers < 1)) return NO_TRANSCRIPT;
  const turns = new Set<number>();
  const found: Found[] = [];
  let speaker: Entity | null = null;
  let onLine = false;
  paragraphs.forEach((p, i) => {
    const label = labels.get(i);
    let from = 0;
    if (label) { speaker = label.entity; turns.add(i); from = label.text; }
    // "Dana Whitlock -- Chief Executive Officer" on a line of its own: the words are the paragraphs after it.
    if (label?.line) { onLine = true; return; }
    const first = onLine && labels.get(i - 1)?.line === true;
    if (p.heading) { speaker = null; return; }
    if (!speaker) { if (label) turns.add(i); return; }
    const text = p.text.slice(from).trim();
    if (!text) return; // the label alone: the words follow
    // A turn is the speaker's own prose: it ends like a sentence and reports no one. Anything else ends it.
    if (!/[.!?\u201d"]$/u.test(text) || (!label && !first && /["\u201c\u201d]/u.test(text))) { speaker = null; return; }
    // Where speakers' names stand on lines of their own, a paragraph after the first that asks something, or hands
    // over ("Our next question comes from …"), is someone else's whose line the page left out.
    // After a question, the answer is someone else's too.
    const afterQuestion = /\?\s*$/u.test(paragraphs[i - 1]?.text ?? '');
    if (onLine && !first && (afterQuestion || text.includes('?') || /^(?:our|the) next question\b|^(?:that|this) concludes\b/iu.test(text))) { speaker = null; return; }
    turns.add(i);
    const start = p.text.indexOf(text, from);
    found.push({ paragraph: i, start, end: start + text.length, entity: speaker, sieve: 'transcript/name', kind: 'direct', verb: null });
  });
  const carved: { paragraph: number; start: number; end: number }[] = [];
  // Looked up for every sentence of every turn: a map, so a long transcript stays linear.
  const speakers = new Map(found.map((f) => [f.paragraph, f.entity]));
  return {
    has: (p) => turns.has(p),
    speakerAt: (p) => speakers.get(p) ?? null,
    carve: (p, span) => { carved.push({ paragraph: p, ...span }); },
    items: () => found.flatMap((f) => without(f, carved.filter((c) => c.paragraph === f.paragraph), paragraphs[f.paragraph]!.text)),
  };
}

/** A turn with the carved sentences taken out: the pieces before, between and after them. */
function without(f: Found, cuts: { start: number; end: number }[], text: string): Found[] {
  if (cuts.length === 0) return [f];
  const pieces: Found[] = [];
  let from = f.start;
  for (const c of [...cuts, { start: f.end, end: f.end }].sort((a, b) => a.start - b.start)) {
    const piece = text.slice(from, Math.min(c.start, f.end));
    const lead = piece.length - piece.trimStart().length;
    const body = piece.trim();
    if (body.split(/\s+/u).length >= 3) pieces.push({ ...f, start: from + lead, end: from + lead + body.length });
    from = Math.max(from, c.end);
  }
  return pieces;
}
