// Quotations no sieve attributed that continue a speaker's words: the next paragraph of a paragraph-spanning
// quotation, a second quotation right after the first, a quote-only paragraph after that speaker spoke.
import { type Paragraph } from '../types.ts';
import { type QuoteSpan } from '../text/quote-marks.ts';
import { type Entity } from './entities.ts';
import { CAP, has, NAME, PUNCT, ROLE } from './tokens.ts';
import { type Item, type Sentence, type State } from './sieve-state.ts';
import { LABEL_PREFIX } from './finalise.ts';

/**
 * Quotations no sieve attributed, given to the speaker whose words they continue: the next paragraph of a
 * paragraph-spanning quotation, a second quotation right after the first in the same paragraph, or a paragraph
 * that is only a quotation right after one where that speaker spoke last.
 */
export function continuations(items: Item[], sentences: Sentence[], paragraphs: Paragraph[], state: State): void {
  items.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  const byQuote = new Map<QuoteSpan, Item>();
  for (const it of items) if (it.quote) byQuote.set(it.quote, it);
  // Pieces of one quotation share a speaker, whichever piece names them.
  const chains: Item[][] = [];
  for (const it of items) {
    if (!it.quote) continue;
    if (it.quote.continued && chains.length && chains[chains.length - 1]![chains[chains.length - 1]!.length - 1]!.quote?.continues) chains[chains.length - 1]!.push(it);
    else chains.push([it]);
  }
  for (const chain of chains) {
    if (chain.length < 2) continue;
    const named = chain.find((c) => c.entity);
    if (!named) continue;
    for (const c of chain) if (!c.entity) Object.assign(c, { entity: named.entity, sieve: 'continuation/chain', verb: named.verb });
  }
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.entity || !it.quote) continue;
    const prev = items.slice(0, i).reverse().find((p) => p.paragraph >= it.paragraph - 1);
    if (!prev?.entity || prev.sieve.startsWith('headline') || paragraphs[prev.paragraph]!.heading) continue;
    const s = sentences[it.sentence]!;
    const startsSentence = it.quote.start <= s.span.start + 1;
    const text = paragraphs[it.paragraph]!.text;
    // Nothing but the quotation (and maybe a label) in its sentence: no one else can be speaking.
    const rest = s.toks.filter((t) => !t.quoted && !has(t, PUNCT));
    const label = LABEL_PREFIX.test(text.slice(0, it.quote.start));
    if (interrupted(prev, it, text)) {
      Object.assign(it, { entity: prev.entity, sieve: 'continuation/interrupted', verb: prev.verb });
    } else if (prev.paragraph === it.paragraph && startsSentence && rest.length === 0 && !namesBetween(sentences, prev, it)) {
      Object.assign(it, { entity: prev.entity, sieve: 'continuation/same-paragraph', verb: prev.verb });
    } else if (prev.paragraph === it.paragraph - 1 && (it.quote.start === text.length - text.trimStart().length || label) && rest.length === 0 && lastSpeakerOf(items, prev.paragraph) === prev.entity) {
      Object.assign(it, { entity: prev.entity, sieve: label ? 'label/focus' : 'continuation/next-paragraph', verb: prev.verb });
    } else if (label && state.focusAt[it.sentence]) {
      Object.assign(it, { entity: state.focusAt[it.sentence], sieve: 'label/focus' });
    }
  }
}

/**
 * '"The companies can live with 2027," said Ingrid Solheim-Vogt, secretary general of …, "but they need …"': a
 * quotation its own attribution interrupts, the second part right after the comma that closes the attribution.
 */
function interrupted(prev: Item, it: Item, text: string): boolean {
  if (!prev.quote || prev.paragraph !== it.paragraph || prev.sentence !== it.sentence || !prev.sieve.startsWith('trigram/')) return false;
  const between = text.slice(prev.quote.end, it.quote!.start);
  return between.length < 200 && /,\s*["\u201c\u2018']?$/u.test(between) && !/["\u201c\u201d]/u.test(between.slice(1, -1));
}

function lastSpeakerOf(items: Item[], paragraph: number): Entity | null {
  const own = items.filter((i) => i.paragraph === paragraph && i.entity);
  return own.length ? own[own.length - 1]!.entity : null;
}

/** Someone else is named between two items (outside quotations). */
function namesBetween(sentences: Sentence[], a: Item, b: Item): boolean {
  for (let k = a.sentence + 1; k <= b.sentence; k++) {
    for (const t of sentences[k]!.toks) {
      if (t.quoted || t.start >= b.start && k === b.sentence) continue;
      if (has(t, NAME | ROLE) && has(t, CAP)) return true;
    }
  }
  return false;
}
