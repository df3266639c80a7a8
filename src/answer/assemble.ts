// Builds a Quote from its citations: the fullest wording as the text, the articles that print exactly that as
// its citations, and other wordings or shorter excerpts kept with their own articles, so every text shown
// is verbatim in every article cited for it.
import type { Citation, Excerpt, Quote } from '../types.ts';
import type { CitationRow } from '../store/store.ts';
import { matchKey, verbatimForm } from '../text/normalize.ts';

export function citationOf(r: Pick<CitationRow, 'file' | 'outlet' | 'title' | 'date' | 'url'>): Citation {
  return { file: r.file, outlet: r.outlet, title: r.title, date: r.date, url: r.url };
}

/** `speaker.name` null: an unattributed quotation. */
export function assembleQuote(id: number, rows: CitationRow[], articles: number, speaker: { name: string | null; role: string | null }): Quote {
  const forms = new Map<string, { text: string; key: string; rows: CitationRow[] }>();
  for (const r of rows) {
    const form = verbatimForm(r.text);
    const entry = forms.get(form) ?? { text: r.text, key: matchKey(r.text), rows: [] };
    entry.rows.push(r);
    forms.set(form, entry);
  }
  const carrying = (rs: CitationRow[]) => new Set(rs.map((r) => r.articleId)).size;
  const ordered = [...forms.values()].sort((a, b) => b.key.length - a.key.length || carrying(b.rows) - carrying(a.rows));
  const [main, ...others] = ordered;
  const cited = new Set<number>();
  const citationsFor = (rs: CitationRow[]) => {
    const out: Citation[] = [];
    for (const r of rs) {
      if (cited.has(r.articleId)) continue;
      cited.add(r.articleId);
      out.push(citationOf(r));
    }
    return out;
  };
  const citations = citationsFor(main!.rows);
  const excerpts: Excerpt[] = [];
  for (const o of others) {
    const c = citationsFor(o.rows);
    if (c.length > 0) excerpts.push({ text: o.text, partial: o.key.length < main!.key.length, citations: c });
  }
  const first = main!.rows[0]!;
  return {
    id,
    speaker: speaker.name,
    role: speaker.role,
    kind: first.kind,
    verb: first.verb,
    via: rows.find((r) => r.via)?.via ?? null,
    text: main!.text,
    citations,
    excerpts,
    articles: Math.max(articles, cited.size),
    sieve: first.sieve,
  };
}
