// Block Kit for every reply: the one outbound path to Slack. Article and user text is escaped here, in escapeSlack,
// so nothing quoted can ping <!channel> or a user, forge a link or lose its *, _, ~ or ` to formatting; long answers
// are cut at quote boundaries, never mid-word, inside the limits in ../limits.ts; every message carries a plain-text
// fallback.
import type { Answer, Citation, Digest, Quote, Story } from '../../src/types.ts';
import {
  fileName, alsoMatching, answerTitle, BOT_NAME, briefingCount, briefingTitle, bylineNote, citationLabel, DIGEST_SUMMARY_LABEL, excerptLine, FIGURES, fromTheReporting, moreArticles,
  moreQuotesLabel, moreStories, NEXT_STEP, OTHER_SUBJECTS, quotesInArticles, quoteSpeaker, REPORTED, reportedEnd, reportedLead, SKIPPED_FILES, sourceDetails, sourcesTitle, polledDetails, polledTitle,
  storyFooter, SUMMARY_LABEL, summaryLines, unlistedArticles, alertTitle, burstTitle, moreAlertQuotes,
} from '../../src/present.ts';
import { distinctWatches, type AlertPost } from '../../src/alerts/match.ts';
import { helpEntries } from '../../src/commands.ts';
import { LIMITS, clipWords } from '../limits.ts';
import { clipEscaped, fromTemplate, joinEscaped, splitEscaped } from '../escaped.ts';
import { PAGE_SIZE, pageToken, speakersTitle, type Reply } from '../../src/app/conversation.ts';

export type Block = Record<string, unknown>;

declare const ESCAPED: unique symbol;
/**
 * Text safe to put in a Slack mrkdwn field. Only escapeSlack and the `mrkdwn` template make it, and every block
 * builder below takes only this: text that skipped escaping does not compile.
 */
export type SlackText = string & { readonly [ESCAPED]: true };

/** Markup from literal source text, with every value already escaped (a plain string does not compile). */
export function mrkdwn(parts: TemplateStringsArray, ...values: (SlackText | number)[]): SlackText {
  return fromTemplate(parts, values);
}

/** SlackText pieces joined by literal separators (a line break, " · "). */
export const joinSlack = (pieces: SlackText[], separator: string): SlackText => joinEscaped(pieces, separator);

export interface SlackMessage {
  /** The fallback: notifications and screen readers (Slack reads it as mrkdwn, mentions included). */
  text: SlackText;
  blocks: Block[];
}

const L = LIMITS.slack;

/**
 * Where untrusted text goes in a message: `text` (mrkdwn, the default), `plain` (inside a link label or inline code,
 * where the date token below would not be read), or `url` (the target of a <url|label> link).
 */
export type SlackTextKind = 'text' | 'plain' | 'url';

/**
 * A run of *, _, ~ or ` shown as written. Slack has no escape for its formatting characters, and a zero-width space
 * beside them is no escape either: Slack counts it as a word boundary, so it switches formatting on mid-word rather
 * than off. The quote blocks must stay mrkdwn sections (a `plain_text` section would show the quote bar as a literal
 * ">", and a rich_text block changes every layout built on sections), so the characters go in the fallback of a date
 * token with an invalid format, which Slack displays as plain, unformatted text (Slack's formatting reference,
 * "Date formatting"; jsx-slack escapes user content the same way).
 */
const verbatim = (run: string) => `<!date^00000000^{_}|${run}>`;
/**
 * Each run of formatting characters, as `verbatim` — except * and _ between two letters or digits ("New_York",
 * "file_name.txt"), which Slack never reads as formatting (it needs a word boundary outside a delimiter).
 */
const FORMATTING = /[*_~`]+/g;
const ALNUM = /[A-Za-z0-9]/;
const shownAsWritten = (text: string) =>
  text.replace(FORMATTING, (run: string, at: number) => (/^[*_]+$/.test(run) && ALNUM.test(text[at - 1] ?? '') && ALNUM.test(text[at + run.length] ?? '') ? run : verbatim(run)));
/** A bare URL in text, which Slack links by itself: left whole, as a broken-up URL would no longer be one link. */
const BARE_URL = /(https?:\/\/[^\s<>*`]*[A-Za-z0-9/])/;
const entities = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** "@here", "@channel" and "@everyone" broken with a zero-width space, which Slack will not read as a mention. */
const unmentioned = (text: string) => text.replace(/@(everyone|here|channel)\b/gi, '@\u200b$1');

/**
 * The one way article, user and Slack-supplied text enters a message. Slack's three control characters become
 * &amp; &lt; &gt; (so "<!channel>", "<@U123>" and "<url|label>" are shown, not acted on), literal @here/@channel/
 * @everyone are broken, and in mrkdwn text every formatting character is shown as written (see `verbatim`). A URL is
 * percent-encoded where it could end the link or start its label (|, <, >, whitespace), so an article's URL
 * cannot put words of its choosing in the label.
 */
export function escapeSlack(text: string, as: SlackTextKind = 'text'): SlackText {
  if (as === 'url') return text.replace(/[|<>\s"`]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;') as SlackText;
  if (as === 'plain') return unmentioned(entities(text)) as SlackText;
  return text
    .split(BARE_URL)
    .map((part, i) => (i % 2 ? entities(part) : shownAsWritten(unmentioned(entities(part)))))
    .join('') as SlackText;
}
const esc = (text: string) => escapeSlack(text);

const clip = clipEscaped<SlackText>;
const split = splitEscaped<SlackText>;
/** Every line of escaped text as a quote block (">" cannot be in escaped text: it is &gt; there). */
const quoted = (text: SlackText) => `>${text.replace(/\n/g, '\n>')}` as SlackText;
const field = (text: SlackText) => ({ type: 'mrkdwn', text });
const section = (text: SlackText): Block => ({ type: 'section', text: field(clip(text, L.sectionText)) });
const context = (texts: SlackText[]): Block => ({ type: 'context', elements: texts.slice(0, L.contextElements).map((t) => field(clip(t, L.sectionText))) });
const header = (text: string): Block => ({ type: 'header', text: { type: 'plain_text', text: clipWords(text, L.headerText), emoji: false } });
const button = (text: string, actionId: string, value: string, style?: 'primary'): Block => ({
  type: 'button',
  text: { type: 'plain_text', text: clipWords(text, L.buttonText) },
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});

export const ACTIONS = { more: 'brief_more', share: 'brief_share' } as const;

/** A citation the reader can follow: a link when the article has a URL. */
function cite(c: Citation): SlackText {
  if (!c.url || !/^https?:\/\//.test(c.url)) return esc(citationLabel(c));
  return mrkdwn`<${escapeSlack(c.url, 'url')}|${escapeSlack(citationLabel(c), 'plain')}>`;
}

/** One quote as blocks: the words in a quote block, then who said them and where it was reported. */
export function quoteBlocks(q: Quote): Block[] {
  const who = esc(quoteSpeaker(q));
  const note = bylineNote(q);
  const body =
    q.kind === 'reported'
      ? mrkdwn`_${esc(reportedLead(q))}_ ${esc(q.text)}${esc(reportedEnd(q.text))}`
      : mrkdwn`\u201c${esc(q.text)}\u201d`;
  // A quote longer than a section is continued in the next one, split between words.
  const pieces = split(body, L.sectionText - 10).map((p) => section(quoted(p)));
  const cites = (list: Citation[]) => joinSlack(list.map(cite), ', ');
  const where = [cites(q.citations)];
  for (const e of q.excerpts) where.push(excerptLine(e, cites(e.citations), esc));
  const more = unlistedArticles(q);
  if (more > 0) where.push(esc(moreArticles(more)));
  // An unattributed quotation is labelled in italics where a speaker's name would stand in bold.
  const parts = [q.speaker === null ? mrkdwn`_${who}_` : mrkdwn`*${who}*`];
  if (note) parts.push(esc(note));
  if (q.kind === 'reported') parts.push(esc(REPORTED));
  return [...pieces, context([joinSlack([...parts, ...where], ' \u00b7 ')])];
}

/** Characters a message's blocks carry, as Slack counts them toward `msg_blocks_too_long`. */
export function blockChars(blocks: Block[]): number {
  return JSON.stringify(blocks).length;
}

/**
 * An answer page. Quotes are added while they fit the block and size limits; the rest are left for the
 * "More quotes" button, which starts at the first quote not shown.
 */
export function answerMessage(a: Answer, offset: number, pageId: string, options: { shareable: boolean; sharedBy?: string }): SlackMessage {
  const blocks: Block[] = [header(answerTitle(a)), ...(options.sharedBy ? [sharedBlock(options.sharedBy)] : []), section(esc(a.answer))];
  if (a.summary?.sentences.length) {
    blocks.push(section(esc(summaryLines(a.summary, a.quotes, offset).join(' '))), context([mrkdwn`_${esc(SUMMARY_LABEL)} \u00b7 ${esc(a.summary.model)}_`]));
  }
  if (a.alternatives.length) blocks.push(context([alsoMatching(esc(a.alternatives.join(', ')), esc)]));
  let shown = 0;
  const reserve = 3; // passages heading, divider and actions
  for (const q of a.quotes) {
    const qb = quoteBlocks(q);
    // A speaker asked about a topic: where their quotes on other subjects begin.
    if (a.onTopic && offset + shown === a.onTopic) qb.unshift(context([mrkdwn`*${esc(OTHER_SUBJECTS)}*`]));
    if (blocks.length + qb.length + reserve > L.blocks || blockChars([...blocks, ...qb]) > L.messageBlockChars - 600) break;
    blocks.push(...qb);
    shown++;
  }
  if (a.passages.length && shown === a.quotes.length) {
    const pb: Block[] = [section(fromTheReporting((w) => mrkdwn`*${esc(w)}*`, esc))];
    for (const p of a.passages) pb.push(section(quoted(esc(p.text))), context([cite(p.citation)]));
    if (blocks.length + pb.length + 1 <= L.blocks && blockChars([...blocks, ...pb]) <= L.messageBlockChars - 600) blocks.push(...pb);
  }
  const next = offset + shown;
  const buttons: Block[] = [];
  if (next < a.total) buttons.push(button(moreQuotesLabel(next, a.total, PAGE_SIZE), ACTIONS.more, pageToken(pageId, next), 'primary'));
  if (options.shareable && a.quotes.length + a.passages.length > 0) buttons.push(button('Share in channel', ACTIONS.share, pageToken(pageId, offset)));
  if (buttons.length) blocks.push({ type: 'actions', block_id: 'brief_actions', elements: buttons });
  return { blocks, text: mrkdwn`${sharedText(options.sharedBy)}${fallback(a, shown)}` };
}

/** The sharer as a mention (a well-formed Slack user id only; anything else is shown as text). */
const sharer = (user: string): SlackText => (/^[UW][A-Z0-9]+$/.test(user) ? (`<@${user}>` as SlackText) : esc(user));
/** Who shared an answer into the channel, in the blocks people see (Slack hides the fallback text when there are blocks). */
const sharedBlock = (user: string): Block => context([mrkdwn`${sharer(user)} shared this`]);
const sharedText = (user: string | undefined): SlackText => (user ? mrkdwn`${sharer(user)} shared: ` : mrkdwn``);

/** The plain-text fallback for notifications and screen readers: the answer and its first quote. */
function fallback(a: Answer, shown: number): SlackText {
  const first = a.quotes[0];
  const quote = first && shown > 0 ? ` \u2014 ${first.kind === 'reported' ? reportedLead(first) + ' ' + first.text : `\u201c${first.text}\u201d`}` : '';
  return clip(esc(a.answer + quote), L.fallbackText);
}

export function digestMessage(d: Digest): SlackMessage {
  const blocks: Block[] = [header(briefingTitle(d))];
  if (d.stories.length === 0) return { blocks: [section(esc(d.text))], text: esc(d.text) };
  blocks.push(context([esc(briefingCount(d))]));
  if (d.lead?.sentences.length) {
    blocks.push(section(esc(d.lead.sentences.map((s) => s.text).join(' '))), context([mrkdwn`_${esc(DIGEST_SUMMARY_LABEL)} \u00b7 ${esc(d.lead.model)}_`]));
  }
  let shown = 0;
  for (const s of d.stories) {
    const sb = storyBlocks(s);
    if (blocks.length + sb.length + 1 > L.blocks || blockChars([...blocks, ...sb]) > L.messageBlockChars - 400) break;
    blocks.push(...sb);
    shown++;
  }
  const left = d.more + d.stories.length - shown;
  if (left > 0) blocks.push(context([esc(moreStories(left))]));
  return { blocks, text: clip(esc(d.stories.slice(0, shown).map((s) => s.headline).join(' \u2022 ')), L.fallbackText) };
}

function storyBlocks(s: Story): Block[] {
  const blocks: Block[] = [{ type: 'divider' }, section(mrkdwn`*${esc(s.headline)}*\n${esc(s.summary)}`)];
  for (const q of s.quotes) blocks.push(...quoteBlocks(q));
  const facts: SlackText[] = [];
  if (s.figures.length) facts.push(mrkdwn`*${esc(FIGURES)}:* ${esc(s.figures.join('; '))}`);
  for (const n of s.next) facts.push(mrkdwn`*${esc(NEXT_STEP)}:* ${esc(n)}`);
  if (facts.length) blocks.push(section(joinSlack(facts, '\n')));
  blocks.push(context([esc(storyFooter(s))]));
  return blocks;
}

/**
 * An alert: a heading naming the watches matched, then each quote exactly as an answer shows it (quoteBlocks). A
 * burst names each quote's watches above it, and leaves out what the block and size limits cannot hold, saying so.
 */
export function alertMessage(a: AlertPost): SlackMessage {
  const title = a.burst ? burstTitle(a.items.length, distinctWatches(a.items)) : alertTitle(a.items[0]?.watches ?? []);
  const blocks: Block[] = [header(title)];
  let shown = 0;
  for (const item of a.items) {
    // The first quote is always shown: one too long for a message is shortened between words, marked with "…".
    const tries = shown === 0 ? [Infinity, 4000, 2000, 800, 200] : [Infinity];
    const qb = tries
      .map((max) => {
        const quote = item.quote.text.length > max ? { ...item.quote, text: clipWords(item.quote.text, max) } : item.quote;
        const qb = quoteBlocks(quote);
        if (a.burst) qb.unshift({ type: 'divider' }, context([mrkdwn`*${esc(alertTitle(item.watches))}*`]));
        return qb;
      })
      .find((qb) => blocks.length + qb.length + 1 <= L.blocks && blockChars([...blocks, ...qb]) <= L.messageBlockChars - 400);
    if (!qb) break;
    blocks.push(...qb);
    shown++;
  }
  if (shown < a.items.length) blocks.push(context([esc(moreAlertQuotes(a.items.length - shown))]));
  const first = a.items[0]?.quote;
  const words = first ? ` \u2014 ${first.kind === 'reported' ? `${reportedLead(first)} ${first.text}` : `\u201c${first.text}\u201d`}` : '';
  return { blocks, text: clip(esc(title + words), L.fallbackText) };
}

/** A reply as a message; `sharedBy` (a user id) when it is being shared into the channel by that user. */
export function replyMessage(r: Reply, options: { prefix: string; shareable: boolean; sharedBy?: string }): SlackMessage {
  if (r.type === 'answer' || !options.sharedBy) return reply(r, options);
  const m = reply(r, options);
  return { blocks: [sharedBlock(options.sharedBy), ...m.blocks].slice(0, L.blocks), text: mrkdwn`${sharedText(options.sharedBy)}${m.text}` };
}

function reply(r: Reply, options: { prefix: string; shareable: boolean; sharedBy?: string }): SlackMessage {
  switch (r.type) {
    case 'answer':
      return answerMessage(r.answer, r.offset, r.pageId, options);
    case 'digest':
      return digestMessage(r.digest);
    case 'help': {
      const lines = helpEntries(options.prefix).map((e) => mrkdwn`\`${escapeSlack(e.usage, 'plain')}\` \u2014 ${esc(e.what)}`);
      return { blocks: [header(BOT_NAME), section(joinSlack(lines, '\n'))], text: mrkdwn`${esc(BOT_NAME)} commands` };
    }
    case 'sources': {
      const lines = r.sources.map((s) => mrkdwn`\u2022 ${esc(s.title ?? fileName(s.file))} \u2014 ${esc(sourceDetails(s))}`);
      const skipped = r.skipped.map((s) => mrkdwn`\u2022 ${esc(fileName(s.file))}: ${esc(s.reason)}`);
      const title = sourcesTitle(r.sources.length, r.total);
      const polled = r.polled.map((s) => mrkdwn`\u2022 ${esc(s.title ?? s.url)} (${esc(s.url)}) \u2014 ${esc(polledDetails(s))}`);
      const blocks = polled.length ? [header(polledTitle(polled.length)), ...chunks(polled).map(section), header(title)] : [header(title)];
      blocks.push(...chunks(lines).map(section));
      if (skipped.length) blocks.push(section(mrkdwn`*${esc(SKIPPED_FILES)}*`), ...chunks(skipped).map(section));
      return { blocks: blocks.slice(0, L.blocks), text: esc(title) };
    }
    case 'speakers': {
      const lines = r.speakers.map((s) => mrkdwn`\u2022 *${esc(s.name)}*${s.role ? mrkdwn`, ${esc(s.role)}` : mrkdwn``} \u2014 ${esc(quotesInArticles(s))}`);
      const title = speakersTitle(r.speakers.length, r.total);
      return { blocks: [header(title), ...chunks(lines).map(section)].slice(0, L.blocks), text: esc(title) };
    }
    case 'notice':
      return { blocks: [section(esc(r.text))], text: esc(r.text) };
  }
}

/** Lines grouped into sections under the section limit. */
function chunks(lines: SlackText[]): SlackText[] {
  const out: SlackText[] = [];
  let cur: SlackText[] = [];
  let length = 0;
  for (const line of lines) {
    const l = clip(line, L.sectionText - 10);
    if (cur.length && length + l.length + 1 > L.sectionText - 10) {
      out.push(joinSlack(cur, '\n'));
      cur = [];
      length = 0;
    }
    length += (cur.length ? 1 : 0) + l.length;
    cur.push(l);
  }
  if (cur.length) out.push(joinSlack(cur, '\n'));
  return out;
}

/** Every limit a message must keep; an empty list means Slack will take it. */
export function slackLimitProblems(m: SlackMessage): string[] {
  const problems: string[] = [];
  if (m.blocks.length > L.blocks) problems.push(`${m.blocks.length} blocks (limit ${L.blocks})`);
  if (blockChars(m.blocks) > L.messageBlockChars) problems.push(`${blockChars(m.blocks)} characters of blocks (limit ${L.messageBlockChars})`);
  if (!m.text) problems.push('no fallback text');
  for (const b of m.blocks) {
    const t = b.text as { text?: string } | undefined;
    if (b.type === 'section' && (t?.text?.length ?? 0) > L.sectionText) problems.push(`section of ${t!.text!.length} characters`);
    if (b.type === 'header' && (t?.text?.length ?? 0) > L.headerText) problems.push(`header of ${t!.text!.length} characters`);
    if (b.type === 'context' && (b.elements as unknown[]).length > L.contextElements) problems.push('context with too many elements');
  }
  return problems;
}
