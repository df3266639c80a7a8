// Site chrome: the lines a scraped page carries that are not the article ("Home »", "3 min read",
// "Share this article:", "You may also like", the comment form). One table, used for text, Markdown and HTML.

export type LineKind =
  | { kind: 'content' }
  | { kind: 'chrome' }
  | { kind: 'breadcrumb'; last: string }
  | { kind: 'author'; name: string }
  | { kind: 'outlet'; name: string }
  | { kind: 'end-of-article' }
  /** A link to another story ("Read more"); `bare` when the story's title follows on the next line. */
  | { kind: 'link'; bare: boolean }
  | { kind: 'comments-start' }
  | { kind: 'key-points' };

const AGENCIES = 'ANI|IANS|PTI|UNI|Reuters|AP|AFP|Bloomberg|Xinhua|Yonhap|Kyodo|dpa|TASS';

const CHROME: RegExp[] = [
  /^\d+\s+comments?\b.*\bread\b/i, // "0 comments 3 minutes read"
  /^\d+\s+min(?:ute)?s?\s+read$/i, // "3 min read"
  /^share(?:\s+(?:this|the))?(?:\s+(?:article|story|post|on))?\s*:?$/i,
  /^leave a (?:comment|reply)$/i,
  /^minimum \d+ characters\b/i,
  /^we welcome thoughtful discussions\b/i,
  /^please keep comments\b/i,
  /^(?:advertisement|advertisements|sponsored|story continues below(?: this ad)?)$/i,
  /^(?:follow us on|subscribe to|sign up for|click here|download the app)\b/i,
  /^(?:tags?|topics?|filed under)\s*:/i,
  /^\d+\/\d+$/, // comment box counter "0/50"
  /^\(?(?:additional )?(?:reporting|writing|editing|compiled|translated) by\b/i, // "(Reporting by …; Editing by …)"
  /^our standards:/i,
  /^(?:this|the) (?:interview|conversation|transcript|q&a) (?:has been|was|is) (?:lightly )?(?:edited|condensed)\b/i, // an editor's note, not the last answer
  /^(?:print|email|whatsapp|facebook|twitter|linkedin|copy link)(?:\s*[|•·]\s*(?:print|email|whatsapp|facebook|twitter|linkedin|copy link))*$/i,
];

const END_OF_ARTICLE = /^(?:you may also like|related(?: articles| stories| news| posts)?|more from|recommended(?: for you)?|trending(?: now)?|latest news|most read|top stories)\s*:?$/i;
/** "Read more", "Also read: …": a link to another story inside this one; the article goes on after it. */
const LINK_LINE = /^(?:read more|also read|read also|read|see also|related|watch)\s*(?::.*|$)/i;
const COMMENTS = /^(?:reader comments|comments?(?:\s*\(\d+\))?|\d+\s+comments?|user comments|join the (?:discussion|conversation)|what (?:readers|people) are saying)\s*:?$/i;
const BREADCRUMB = /^home\s*(?:»|›|>|\/|\|)\s*(.+)$/i;
const AUTHOR = /^by\s+(\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3})$/u;
const SIGN_OFF = new RegExp(`^[-–—]\\s*(${AGENCIES}|[\\p{Lu}&.' ]{2,40})$`, 'u');
const AGENCY_LINE = new RegExp(`^\\(?(${AGENCIES})\\)?$`);
const SOURCE = /^source\s*[:\-–—]\s*(.{2,60})$/i;

export function classifyLine(line: string): LineKind {
  const t = line.trim();
  // Chrome lines are short (a breadcrumb aside): a paragraph of reporting is content without trying every pattern.
  if (t.length > 120 && !/^home\s*[»›>\/|]/i.test(t)) return { kind: 'content' };
  if (CHROME.some((re) => re.test(t))) return { kind: 'chrome' };
  if (END_OF_ARTICLE.test(t)) return { kind: 'end-of-article' };
  if (LINK_LINE.test(t)) return { kind: 'link', bare: !t.includes(':') || /:\s*$/.test(t) };
  if (COMMENTS.test(t)) return { kind: 'comments-start' };
  if (/^key points\b/i.test(t)) return { kind: 'key-points' };
  const crumb = BREADCRUMB.exec(t);
  if (crumb) return { kind: 'breadcrumb', last: crumb[1]!.split(/\s*(?:»|›|>|\/|\|)\s*/).pop()!.trim() };
  const author = AUTHOR.exec(t);
  if (author) return { kind: 'author', name: author[1]! };
  const source = SOURCE.exec(t) ?? SIGN_OFF.exec(t) ?? AGENCY_LINE.exec(t);
  if (source) return { kind: 'outlet', name: outletName(source[1]!) };
  return { kind: 'content' };
}

/** A trailing "(ANI)" on the last line of wire copy names the outlet. */
// No leading \s*: before a run of spaces it made the search quadratic (the caller trims what comes before).
export const TRAILING_AGENCY = new RegExp(`\\((${AGENCIES})\\)\\s*$`);

/** "TIMES OF INDIA" → "Times of India"; agency acronyms stay as they are. */
export function outletName(raw: string): string {
  const name = raw.trim().replace(/[.\s]+$/, '');
  if (name !== name.toUpperCase() || name.length <= 5) return name;
  return name
    .toLowerCase()
    .split(/\s+/)
    .map((w, i) => (i > 0 && ['of', 'the', 'and', 'for', 'in', 'on', 'a'].includes(w) ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}
