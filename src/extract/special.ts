// Statements printed without a reporting verb (transcripts are transcript.ts's): a pull quote whose speaker stands
// on the next line ("We expect …" / "- Saudi Energy Minister Prince Abdulaziz"), headlines of the forms
// "Kim Yongbeom Says "…"" and "Tariffs have nullified Agoa – Tau", and posts a page embeds.
import type { Paragraph, QuoteKind } from '../types.ts';
import type { Entities, Entity } from './entities.ts';
import { readAfter, sentenceSubject } from './mentions.ts';
import { tokenize } from './tokens.ts';

export interface Found {
  paragraph: number;
  start: number;
  end: number;
  entity: Entity;
  sieve: string;
  kind: QuoteKind;
  verb: string | null;
}

const FIRST_PERSON = /\b(?:I|we|We|our|Our|my|My|us)\b/u;

/**
 * "We expect the true impact … a day." followed by a line that only names someone ("Saudi Energy Minister Prince
 * Abdulaziz bin Salman"): a pull quote. The statement must speak in the first person and be attributed by nothing else.
 */
export function pullQuoteLines(paragraphs: Paragraph[], ents: Entities, attributed: Set<number>): Found[] {
  const out: Found[] = [];
  for (let i = 1; i < paragraphs.length; i++) {
    const signed = /^[-\u2013\u2014]/u.test(paragraphs[i]!.text.trim());
    // "— Ahn Soo-jin, Korea economist. For the full note, click here.": the signature is the first sentence.
    const whole = paragraphs[i]!.text.trim().replace(/^[-\u2013\u2014]\s*/u, '');
    const line = signed ? whole.replace(/\.\s+\p{Lu}.*$/u, '').replace(/\.$/u, '') : whole;
    const prev = paragraphs[i - 1]!;
    if (line.length > 120 || prev.heading || attributed.has(i - 1)) continue;
    const statement = prev.text.trim();
    const words = statement.split(/\s+/u).length;
    // Signed with a dash ("— Gustavo de Andrade Lima, Minister of Agriculture"), or in the first person.
    if (words < 5 || words > 80 || !(signed || FIRST_PERSON.test(statement)) || !/[.!?\u201d"]$/u.test(statement)) continue;
    const toks = tokenize(line, 0, line.length, []);
    const read = readAfter(toks, 0);
    if (!read || read.to < toks.length) continue;
    const m = read.mention;
    if (m.type !== 'person' || (m.name.length < 2 && !m.role && !m.title)) continue;
    const e = ents.named(m, i * 1_000_000);
    if (!e) continue;
    const inner = statement.replace(/^["\u201c]|["\u201d]$/gu, '');
    const start = prev.text.indexOf(inner);
    out.push({ paragraph: i - 1, start, end: start + inner.length, entity: e, sieve: 'pull-quote/name', kind: 'direct', verb: null });
  }
  return out;
}

const HEADLINE_SAYS = /((?:\p{Lu}[\p{L}\p{M}'\u2019-]+\s+){1,3})(?:Says|Said|says|said|Tells|tells)\s*:?\s*["\u201c\u2018']([^"\u201d\u2019']{8,200})["\u201d\u2019']/u;
const HEADLINE_DASH = /^(.{12,200}?)\s+[-\u2013\u2014]\s+(\p{Lu}[\p{L}\p{M}'\u2019-]+(?:\s+\p{Lu}[\p{L}\p{M}'\u2019-]+)?)\s*$/u;

/** Headlines that attribute words to someone the article names: "X Says "…"", "Words – Surname". */
export function headlineQuotes(paragraphs: Paragraph[], ents: Entities): Found[] {
  const out: Found[] = [];
  paragraphs.forEach((p, i) => {
    if (!p.heading) return;
    const says = HEADLINE_SAYS.exec(p.text);
    if (says) {
      const e = known(says[1]!.trim(), ents);
      if (e) {
        const start = says.index + says[0].indexOf(says[2]!);
        out.push({ paragraph: i, start, end: start + says[2]!.length, entity: e, sieve: 'headline/name', kind: 'direct', verb: 'said' });
      }
      return;
    }
    const dash = HEADLINE_DASH.exec(p.text);
    if (dash) {
      const e = known(dash[2]!, ents);
      if (e && dash[1]!.split(/\s+/u).length >= 3) out.push({ paragraph: i, start: 0, end: dash[1]!.length, entity: e, sieve: 'headline/name', kind: 'reported', verb: 'said' });
    }
  });
  return out;
}

/** A person the article's body names this way; headlines introduce no one. */
function known(name: string, ents: Entities): Entity | null {
  const toks = tokenize(name, 0, name.length, []);
  const read = readAfter(toks, 0);
  if (!read || read.mention.type !== 'person') return null;
  const e = ents.named(read.mention, Number.MAX_SAFE_INTEGER, false);
  return e && e.kind === 'person' ? e : null;
}

const POST_INTRO = /\b(?:post(?:ed)?|tweet(?:ed)?|wrote|message|statement|update)\b/iu;

/**
 * A post as a page embeds it: "Levente Szabó defended … in a Facebook post on Wednesday morning:", then the
 * poster's name and a time on lines of their own, then the text, which has no quotation marks of its own.
 */
export function embeddedPosts(paragraphs: Paragraph[], ents: Entities): Found[] {
  const out: Found[] = [];
  paragraphs.forEach((p, i) => {
    const text = p.text.trimEnd();
    if (p.heading || !text.endsWith(':') || !POST_INTRO.test(text)) return;
    const from = Math.max(0, text.search(/[^.!?]*:$/u));
    const toks = tokenize(text, from, text.length, []);
    const read = sentenceSubject(toks);
    if (!read || (read.mention.type !== 'person' && read.mention.type !== 'organisation')) return;
    const entity = ents.named(read.mention, i * 1_000_000 + from, false);
    if (!entity) return;
    let k = i + 1;
    while (k < paragraphs.length && k - i <= 3 && paragraphs[k]!.heading && paragraphs[k]!.text.length <= 60) k++;
    const body = paragraphs[k];
    if (!body || body.heading || /["\u201c\u201d]/u.test(body.text) || !/[.!?]$/u.test(body.text.trimEnd())) return;
    out.push({ paragraph: k, start: 0, end: body.text.trimEnd().length, entity, sieve: 'post/name', kind: 'statement', verb: 'posted' });
  });
  return out;
}
