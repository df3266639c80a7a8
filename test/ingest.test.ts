// Ingest: raw scraped pages become reporting paragraphs and metadata; chrome and reader comments stay out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/ingest/parse.ts';
import type { ParsedArticle } from '../src/types.ts';
import { FILES, SEEDS } from './helpers.ts';

const SAVED = new Date('2026-11-24T00:00:00Z');

function seed(file: string): ParsedArticle {
  const r = parseArticle(file, readFileSync(join(SEEDS, file), 'utf8'), SAVED);
  if (!r.ok) throw new Error(r.reason);
  return r.article;
}
const body = (a: ParsedArticle) => a.paragraphs.map((p) => p.text).join('\n');

describe('metadata inferred from the seeds', () => {
  it.each([
    [FILES.wire, { title: 'India Joins US-Led Talks on Critical Minerals as Secretary Bessent Pushes Supply Chain Security', outlet: null, author: 'Anand Patel', date: '2026-01-13' }],
    [FILES.ians, { title: 'India Joins US-Led Push to Secure Critical Minerals Supply Chains', outlet: 'IANS', author: null, date: '2026-01-13' }],
    [FILES.ani, { outlet: 'ANI', author: null, date: '2026-01-13' }],
    [FILES.toi, { title: null, outlet: 'Times of India', author: null, date: null }],
    [FILES.unattributed, { title: null, outlet: null, author: null, date: null }],
  ])('%s', (file, expected) => {
    expect(seed(file)).toMatchObject(expected);
  });

  it('takes the headline from a breadcrumb', () => {
    expect(seed(FILES.ani).title).toMatch(/^"Positive meeting to improve availability of critical minerals": Ashwini Vaishnaw hails/);
  });

  it('gives a year-less "Jan 13" dateline the year the page was saved in, or the year the article mentions', () => {
    expect(seed(FILES.ians).date).toBe('2026-01-13'); // "New Delhi, Jan 13", no year anywhere in the article
    const r = parseArticle('x.txt', 'Talks resume\n\nGeneva, Mar 3 (PTI): The talks that began on February 20, 2025 resumed, officials said.', SAVED);
    expect(r.ok && r.article.date).toBe('2025-03-03');
    expect(r.ok && r.article.outlet).toBe('PTI');
  });
});

describe('page chrome', () => {
  it.each([
    'Home »', '0 comments 3 minutes read', '3 min read', 'Share this article:', 'You may also like', 'Leave a Comment',
    'Minimum 50 characters', 'We welcome thoughtful discussions', 'Key Points', 'New Delhi, Jan 13', 'Updated At', 'date 2026-01-13', '- IANS', 'SOURCE',
  ])('"%s" is not reporting', (chrome) => {
    for (const file of Object.values(FILES)) expect(body(seed(file))).not.toContain(chrome);
  });

  it('prints a repeated headline once, as a heading', () => {
    const a = seed(FILES.ians);
    expect(a.paragraphs.filter((p) => p.text.startsWith('Ashwini Vaishnaw joins US-led ministerial meet'))).toMatchObject([{ heading: true }]);
    expect(seed(FILES.wire).paragraphs.filter((p) => p.text.startsWith('India Joins US-Led Talks'))).toMatchObject([{ heading: true }]);
  });

  it('strips a dateline and a trailing agency tag but keeps the sentence', () => {
    const a = seed(FILES.ani);
    expect(a.paragraphs[0]!.text).toMatch(/^Union Minister Ashwini Vaishnaw attended/);
    expect(body(a)).toContain('AI development, and logistics.');
    expect(body(a)).not.toContain('(ANI)');
  });
});

describe('reader comments', () => {
  it('are kept apart from the reporting, each with its reader', () => {
    const a = seed(FILES.ians);
    expect(a.comments.map((c) => c.author)).toEqual(['Priya S', 'Rohit P', 'Sarah B', 'Vikram M', 'Karthik V', 'Nisha Z']);
    expect(a.comments[1]!.text).toMatch(/^"Prudent derisking over decoupling" - that's the key phrase/);
    expect(body(a)).not.toContain("that's the key phrase");
    expect(body(a)).not.toContain('Priya S');
  });
});

describe('front matter', () => {
  it('wins over what is inferred', () => {
    const text = `---\ntitle: The real title\noutlet: Reuters\nurl: https://example.com/a\ndate: 2026-02-01\n---\nA page headline\n\nSOURCE – TIMES OF INDIA\n\nThe minister spoke at length about supply chains.`;
    const r = parseArticle('a.md', text, SAVED);
    expect(r.ok && r.article).toMatchObject({ title: 'The real title', outlet: 'Reuters', url: 'https://example.com/a', date: '2026-02-01' });
  });

  it('that is invalid is a reason to skip the file, naming the field', () => {
    expect(parseArticle('a.txt', '---\ndate: [1, 2\n---\nBody text here.', SAVED)).toMatchObject({ ok: false, reason: expect.stringMatching(/front matter is not valid YAML/) });
    expect(parseArticle('a.txt', '---\nurl: not a url\n---\nBody text here.', SAVED)).toMatchObject({ ok: false, reason: expect.stringMatching(/front matter field "url"/) });
  });
});

const HTML = `<!doctype html><html><head>
<title>Minister backs mineral pact | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2026-03-04T09:00:00Z">
<meta name="author" content="Jane Reporter">
<link rel="canonical" href="https://news.example.com/minerals">
</head><body>
<nav><a href="/">Home</a> » <a href="/world">World</a> <a href="/subscribe">Subscribe to our newsletter</a></nav>
<header><h1>Site masthead</h1></header>
<main><article>
<h1>Minister backs mineral pact</h1>
<p>The minister spoke to reporters in Geneva on Tuesday about the new agreement on critical minerals and what it means for industry.</p>
<p>&ldquo;This pact secures our supply of rare earths for a decade,&rdquo; Foreign Minister Anna Lindqvist said.</p>
<p>She added that the agreement would be reviewed every two years by a joint committee of both countries, with funding agreed in advance.</p>
<p>Officials expect the first shipments under the agreement to arrive before the end of the year, according to the trade ministry.</p>
</article></main>
<aside class="related"><h3>You may also like</h3><ul><li><a href="/x">Another story entirely</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>"This pact is a disaster" - reader</p></div></section>
<footer>© Example News. All rights reserved.</footer>
</body></html>`;

describe('HTML pages', () => {
  it('are read with Readability: the article, not the navigation, footer or comments', () => {
    const r = parseArticle('page.html', HTML, SAVED);
    if (!r.ok) throw new Error(r.reason);
    const text = body(r.article);
    expect(text).toContain('This pact secures our supply of rare earths for a decade');
    expect(text).toContain('The minister spoke to reporters in Geneva');
    for (const chrome of ['Subscribe to our newsletter', 'All rights reserved', 'Another story entirely', 'This pact is a disaster']) expect(text).not.toContain(chrome);
    expect(r.article).toMatchObject({ outlet: 'Example News', date: '2026-03-04', url: 'https://news.example.com/minerals', author: 'Jane Reporter' });
    expect(text).toContain('secures our supply'); // entities decoded: “ ” became characters
  });

  it('with no article in them are skipped with a reason', () => {
    expect(parseArticle('empty.html', '<html><body><nav>Home</nav></body></html>', SAVED)).toMatchObject({ ok: false, reason: expect.stringMatching(/no article text/) });
  });
});

describe('Markdown articles', () => {
  it('are read block by block, the heading as the title', () => {
    const md = `# Envoy confirms invitation\n\nThe envoy confirmed on Monday that the invitation stands, **in writing**, for the February meeting.\n\n> "We look forward to welcoming India," the envoy said.\n`;
    const r = parseArticle('a.md', md, SAVED);
    if (!r.ok) throw new Error(r.reason);
    expect(r.article.title).toBe('Envoy confirms invitation');
    expect(r.article.paragraphs.map((p) => p.text)).toEqual([
      'Envoy confirms invitation',
      'The envoy confirmed on Monday that the invitation stands, in writing, for the February meeting.',
      '"We look forward to welcoming India," the envoy said.',
    ]);
  });
});
