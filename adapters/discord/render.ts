// Embeds for every reply: the one outbound path to Discord. Article and user text is escaped here (markdown, and
// @everyone / <@id> broken with a zero-width space) so a quote is shown as written and formats or pings nothing;
// long answers are cut at quote boundaries, never mid-word, inside the limits in ../limits.ts.
import { ButtonStyle, ComponentType, escapeMarkdown, type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Answer, Citation, Digest, Quote, Story } from '../../src/types.ts';
import {
  fileName, alsoMatching, answerTitle, BOT_NAME, briefingCount, briefingTitle, bylineNote, citationLabel, DIGEST_SUMMARY_LABEL, excerptLine, FIGURES, fromTheReporting, moreArticles,
  moreQuotesLabel, moreStories, NEXT_STEP, OTHER_SUBJECTS, quotesInArticles, quoteSpeaker, quotesShown, REPORTED, reportedEnd, reportedLead, SKIPPED_FILES, sourceDetails,
  sourcesTitle, polledDetails, polledTitle, storyFooter, SUMMARY_LABEL, summaryLines, unlistedArticles, alertTitle, burstTitle, moreAlertQuotes,
} from '../../src/present.ts';
import { distinctWatches, type AlertPost } from '../../src/alerts/match.ts';
import { helpEntries } from '../../src/commands.ts';
import { LIMITS, clipWords } from '../limits.ts';
import { clipEscaped, fromTemplate, joinEscaped, splitEscaped } from '../escaped.ts';
import { PAGE_SIZE, pageToken, speakersTitle, type Reply } from '../../src/app/conversation.ts';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

declare const ESCAPED: unique symbol;
/**
 * Text safe to put where Discord renders markdown (content, embed titles, descriptions, field names and values).
 * Only escapeDiscord and the `markdown` template make it, and every message part below takes only this: text that
 * skipped escaping does not compile.
 */
export type DiscordText = string & { readonly [ESCAPED]: true };

/** Markdown from literal source text, with every value already escaped (a plain string does not compile). */
export function markdown(parts: TemplateStringsArray, ...values: (DiscordText | number)[]): DiscordText {
  return fromTemplate(parts, values);
}
const joinDiscord = joinEscaped<DiscordText>;
const clip = clipEscaped<DiscordText>;
const split = splitEscaped<DiscordText>;

export interface Field extends APIEmbedField {
  name: DiscordText;
  value: DiscordText;
}
/** An embed whose markdown parts are all escaped (the footer is shown as plain text, mentions broken). */
export interface Embed extends APIEmbed {
  title?: DiscordText;
  description?: DiscordText;
  fields?: Field[];
}

/** A whole message: content, embeds and buttons are always all set, so an edit replaces the previous page. */
export interface DiscordMessage {
  content: DiscordText;
  embeds: Embed[];
  components: ButtonRow[];
}

const L = LIMITS.discord;
const COLOR = 0x2b6cb0;
/** Room kept for a footer and a closing line when packing quotes or lines into a message. */
const RESERVE = 200;

/** The prefix of "More quotes" custom_ids; the rest is a pageToken(). */
export const MORE_PREFIX = 'brief_more:';

/** Breaks what Discord would act on without changing what is shown: @everyone, @here, <@id>, <#id>, <:emoji:id>. */
export function neutralise(text: string): string {
  return text.replace(/@(everyone|here)\b/gi, '@\u200b$1').replace(/<(?=[@#/:]|a:|t:|id:)/g, '<\u200b');
}

/** Line-start markdown is escaped by LINE_START below, the rest by escapeMarkdown. */
const MARKDOWN = { heading: false, bulletedList: false, numberedList: false } as const;
/**
 * What Discord reads at the start of a line: a heading ("# " to "### "), subtext ("-# "), a block quote (">"), a list
 * item ("- ", "* ", "+ ", "1. "). Matched at the start of every line and after every space, because a long quote is
 * continued in the next field at a space, and whatever follows that space then starts a line.
 */
const LINE_START = /(^|\s)(#{1,3}(?=\s)|-#(?=\s)|>|[-*+](?=\s)|\d+(?=\.\s))/g;
/** A backslash makes the marker literal: before its first character, or before the "." of "1." (a "\1" is not an escape). */
const literal = (_: string, before: string, marker: string) => (/^\d/.test(marker) ? `${before}${marker}\\` : `${before}\\${marker}`);

/**
 * Article or user text for a field that renders markdown: shown exactly as written, pinging nobody. Mentions are
 * broken first (so an "<:" cannot switch escaping off for the rest of the line); escapeMarkdown runs on pieces of
 * at most a few hundred characters, split at spaces, because its lookbehinds make it quadratic in line length
 * (a 26,000-character quote took a second). Then, on the whole line: masked links (noMaskedLinks) and line-start
 * markdown (LINE_START).
 */
export function escapeDiscord(text: string): DiscordText {
  return text
    .split('\n')
    .map((line) => noMaskedLinks(pieces(neutralise(line)).map((p) => escapeMarkdown(p, MARKDOWN)).join('')).replace(LINE_START, literal))
    .join('\n') as DiscordText;
}
const esc = escapeDiscord;

/**
 * A masked link, "[text](url)", needs a "[" before a "](" on its line. Every "[" before the line's last "](" is
 * escaped, so none can open a link however the brackets nest ("[[text]](url)" included); a "[" after it, as in a
 * summary's "[1]", cannot open one and is left alone. One pass, so a line of many "[" stays linear.
 */
function noMaskedLinks(line: string): string {
  const end = line.lastIndexOf('](');
  return end < 0 ? line : line.slice(0, end).replace(/\[/g, '\\[') + line.slice(end);
}

function pieces(line: string, max = 400): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const at = rest.lastIndexOf(' ', max);
    const cut = at > 0 ? at + 1 : max;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

/** A citation the reader can follow: a masked link when the article has a plain http(s) URL. */
function cite(c: Citation, link = true): DiscordText {
  const label = esc(citationLabel(c));
  if (!link || !c.url || !/^https?:\/\/[^\s<>]+$/i.test(c.url)) return label;
  // The label cannot close the link early, nor the URL end it: ] and ( ) are escaped or encoded.
  return `[${label.replace(/\]/g, '\\]')}](${c.url.replace(/\(/g, '%28').replace(/\)/g, '%29')})` as DiscordText;
}

/** Where a quote was reported; without links when the full list would crowd the field. */
function sources(q: Quote, max: number): DiscordText {
  const line = (link: boolean) => {
    const cites = (list: Citation[]) => joinDiscord(list.map((c) => cite(c, link)), ', ');
    const parts = [markdown`\u2014 ${cites(q.citations)}`];
    for (const e of q.excerpts) parts.push(excerptLine(e, cites(e.citations), esc));
    const more = unlistedArticles(q);
    if (more > 0) parts.push(esc(moreArticles(more)));
    return joinDiscord(parts, ' \u00b7 ');
  };
  const full = line(true);
  return full.length <= max ? full : clip(line(false), max);
}

/**
 * One quote as embed fields: the speaker (and role) as the name, the words and where they were reported as the
 * value. A quote longer than a field continues in the next, split between words; `maxBody` clips a quote too
 * long for any one message (with "…").
 */
export function quoteFields(q: Quote, maxBody = Infinity): Field[] {
  const who = quoteSpeaker(q);
  const note = bylineNote(q);
  const name = clip(esc(`${who}${note ? ` \u00b7 ${note}` : ''}${q.kind === 'reported' ? ` \u00b7 ${REPORTED}` : ''}`), L.fieldName);
  const words = maxBody < q.text.length ? clipWords(q.text, maxBody) : q.text;
  const body = q.kind === 'reported' ? markdown`*${esc(reportedLead(q))}* ${esc(words)}${esc(reportedEnd(words))}` : markdown`\u201c${esc(words)}\u201d`;
  const values = split(body, L.fieldValue);
  const where = sources(q, 500);
  if (values[values.length - 1]!.length + 1 + where.length <= L.fieldValue) values[values.length - 1] = markdown`${values[values.length - 1]!}\n${where}`;
  else values.push(where);
  const more = clip(markdown`${name} (continued)`, L.fieldName);
  return values.map((value, i) => ({ name: i === 0 ? name : more, value }));
}

/** Characters an embed counts toward the 6000 shared by a message's embeds. */
export function embedChars(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) + fields;
}

const totalChars = (embeds: readonly APIEmbed[]) => embeds.reduce((n, e) => n + embedChars(e), 0);

/** Whether `fields` fit after the last embed (continuing into new ones past 25 fields), leaving `reserve`. */
function fieldsFit(embeds: Embed[], fields: Field[], reserve: number): boolean {
  const size = totalChars(embeds) + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const last = embeds[embeds.length - 1];
  const room = last ? L.embedFields - (last.fields?.length ?? 0) : 0;
  const extraEmbeds = Math.max(0, Math.ceil((fields.length - room) / L.embedFields));
  return size + reserve <= L.embedTotal && embeds.length + extraEmbeds <= L.embeds;
}

function addFields(embeds: Embed[], fields: Field[]): void {
  for (const f of fields) {
    let last = embeds[embeds.length - 1];
    if (!last || (last.fields?.length ?? 0) >= L.embedFields) embeds.push((last = { color: COLOR, fields: [] }));
    (last.fields ??= []).push(f);
  }
}

function moreButton(label: string, customId: string): ButtonRow {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: clipWords(label, L.buttonLabel), custom_id: customId }],
  };
}

/**
 * An answer page. Quotes are added while they fit the field and size limits; the rest are left for the
 * "More quotes" button, which starts at the first quote not shown. A first quote too long for any message is
 * shortened rather than never shown.
 */
export function answerMessage(a: Answer, offset: number, pageId: string): DiscordMessage {
  const parts = [esc(a.answer)];
  // With an LLM: its summary, labelled as machine-written; the quotes below stay the record.
  if (a.summary?.sentences.length) parts.push(markdown`${clip(esc(summaryLines(a.summary, a.quotes, offset).join(' ')), 1500)}\n*${esc(`${SUMMARY_LABEL} \u00b7 ${a.summary.model}`)}*`);
  if (a.alternatives.length) parts.push(markdown`*${alsoMatching(esc(a.alternatives.join(', ')), esc)}*`);
  const embeds: Embed[] = [{ color: COLOR, title: clip(esc(answerTitle(a)), L.embedTitle), description: clip(joinDiscord(parts, '\n\n'), L.embedDescription) }];
  let shown = 0;
  for (const q of a.quotes) {
    const tries = shown === 0 ? [Infinity, 3000, 1500, 600] : [Infinity];
    // A speaker asked about a topic: the first quote on other subjects says so in its field name.
    const turn = a.onTopic !== null && a.onTopic > 0 && offset + shown === a.onTopic;
    const fieldsOf = (max: number) => {
      const f = quoteFields(q, max);
      if (turn) f[0] = { ...f[0]!, name: clip(markdown`${esc(OTHER_SUBJECTS)} \u00b7 ${f[0]!.name}`, L.fieldName) };
      return f;
    };
    const fields = tries.map(fieldsOf).find((f) => fieldsFit(embeds, f, RESERVE));
    if (!fields) break;
    addFields(embeds, fields);
    shown++;
  }
  if (a.passages.length && shown === a.quotes.length) {
    const fields = a.passages.map((p) => ({ name: clip(esc(citationLabel(p.citation)), L.fieldName), value: clip(markdown`> ${esc(p.text)}`, L.fieldValue) }));
    const heading: Embed = { color: COLOR, title: fromTheReporting(esc, esc), fields: [] };
    if (embeds.length < L.embeds && fieldsFit([...embeds, heading], fields.slice(0, 1), RESERVE)) {
      embeds.push(heading);
      for (const f of fields) if (fieldsFit(embeds, [f], RESERVE)) addFields(embeds, [f]);
    }
  }
  const next = offset + shown;
  if (a.total > shown && shown > 0) embeds[embeds.length - 1]!.footer = { text: quotesShown(offset + 1, next, a.total) };
  const components = next < a.total ? [moreButton(moreQuotesLabel(next, a.total, PAGE_SIZE), MORE_PREFIX + pageToken(pageId, next))] : [];
  return { content: markdown``, embeds, components };
}

/** The briefing: one embed per story, most important first, as many as the limits allow. */
export function digestMessage(d: Digest): DiscordMessage {
  if (d.stories.length === 0) return { content: clip(esc(d.text), L.content), embeds: [], components: [] };
  const count = d.stories.length + d.more;
  const embeds: Embed[] = [];
  for (const s of d.stories) {
    if (embeds.length >= L.embeds) break;
    const e = storyEmbed(s, L.embedTotal - totalChars(embeds));
    if (!e) break;
    embeds.push(e);
  }
  const left = count - embeds.length;
  const lines = [markdown`**${esc(briefingTitle(d))}** \u00b7 ${esc(briefingCount(d))}`];
  if (d.lead?.sentences.length) {
    lines.push(clip(esc(d.lead.sentences.map((s) => s.text).join(' ')), 1200), markdown`*${esc(`${DIGEST_SUMMARY_LABEL} \u00b7 ${d.lead.model}`)}*`);
  }
  if (left > 0) lines.push(esc(moreStories(left)));
  return { content: joinDiscord(lines, '\n'), embeds, components: [] };
}

/**
 * An alert: the heading naming the watches matched in the content, then each quote's fields exactly as an answer
 * shows them (quoteFields). A burst names each quote's watches in its field name, and leaves out what the embed
 * limits cannot hold, saying so; a first quote too long for any message is shortened rather than never shown.
 */
export function alertMessage(a: AlertPost): DiscordMessage {
  const title = a.burst ? burstTitle(a.items.length, distinctWatches(a.items)) : alertTitle(a.items[0]?.watches ?? []);
  const embeds: Embed[] = [];
  let shown = 0;
  for (const item of a.items) {
    const tries = shown === 0 ? [Infinity, 3000, 1500, 600] : [Infinity];
    const fieldsOf = (max: number) => {
      const f = quoteFields(item.quote, max);
      if (a.burst) f[0] = { ...f[0]!, name: clip(markdown`${esc(alertTitle(item.watches))} \u00b7 ${f[0]!.name}`, L.fieldName) };
      return f;
    };
    const fields = tries.map(fieldsOf).find((f) => fieldsFit(embeds, f, RESERVE));
    if (!fields) break;
    addFields(embeds, fields);
    shown++;
  }
  const lines = [markdown`**${esc(title)}**`];
  if (shown < a.items.length) lines.push(esc(moreAlertQuotes(a.items.length - shown)));
  return { content: clip(joinDiscord(lines, '\n'), L.content), embeds, components: [] };
}

/** A story within `budget` characters: headline, summary and footer first, then quotes, figures and next steps. */
function storyEmbed(s: Story, budget: number): Embed | null {
  const footer = neutralise(storyFooter(s));
  const e: Embed = {
    color: COLOR,
    title: clip(esc(s.headline), L.embedTitle),
    description: clip(esc(s.summary), 1500),
    footer: { text: clipWords(footer, L.embedFooter) },
    fields: [],
  };
  if (embedChars(e) > budget) return null;
  const candidates: Field[][] = s.quotes.map((q) => quoteFields(q, 700));
  if (s.figures.length) candidates.push([{ name: esc(FIGURES), value: clip(esc(s.figures.join('; ')), L.fieldValue) }]);
  if (s.next.length) candidates.push([{ name: esc(NEXT_STEP), value: clip(joinDiscord(s.next.map((n) => markdown`\u2022 ${esc(n)}`), '\n'), L.fieldValue) }]);
  for (const fields of candidates) {
    const size = fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    if (embedChars(e) + size <= budget && e.fields!.length + fields.length <= L.embedFields) e.fields!.push(...fields);
  }
  return e;
}

/** Lines as embed descriptions under a title per part, cut with "…and N more" when they outgrow a message. */
function listMessage(parts: { title: DiscordText; lines: DiscordText[] }[]): DiscordMessage {
  const embeds: Embed[] = [];
  const room = L.embedDescription - 50; // a description keeps room for its "…and N more"
  for (const part of parts) {
    if (embeds.length >= L.embeds || totalChars(embeds) + part.title.length + RESERVE > L.embedTotal) break;
    let e: Embed = { color: COLOR, title: clip(part.title, L.embedTitle), description: part.lines.length ? markdown`` : markdown`(none)` };
    embeds.push(e);
    for (const [i, raw] of part.lines.entries()) {
      const line = clip(raw, 500);
      const overflow = e.description!.length + line.length + 1 > room;
      if (totalChars(embeds) + line.length + 1 + RESERVE > L.embedTotal || (overflow && embeds.length >= L.embeds)) {
        e.description = markdown`${e.description!}\n\u2026and ${part.lines.length - i} more`;
        break;
      }
      if (overflow) embeds.push((e = { color: COLOR, description: markdown`` }));
      e.description = e.description ? markdown`${e.description}\n${line}` : line;
    }
  }
  return { content: markdown``, embeds, components: [] };
}

export function replyMessage(r: Reply, options: { prefix: string }): DiscordMessage {
  switch (r.type) {
    case 'answer':
      return answerMessage(r.answer, r.offset, r.pageId);
    case 'digest':
      return digestMessage(r.digest);
    case 'help':
      // Inline code shows its text as written; a backtick in it would end it early.
      return listMessage([{ title: esc(BOT_NAME), lines: helpEntries(options.prefix).map((e) => markdown`\`${neutralise(e.usage.replace(/`/g, "'")) as DiscordText}\` \u2014 ${esc(e.what)}`) }]);
    case 'sources': {
      const lines = r.sources.map((s) => markdown`\u2022 ${esc(s.title ?? fileName(s.file))} \u2014 ${esc(sourceDetails(s))}`);
      const skipped = r.skipped.map((s) => markdown`\u2022 ${esc(fileName(s.file))}: ${esc(s.reason)}`);
      const polled = r.polled.map((s) => markdown`\u2022 ${esc(s.title ?? s.url)} (${esc(s.url)}) \u2014 ${esc(polledDetails(s))}`);
      return listMessage([
        ...(polled.length ? [{ title: esc(polledTitle(polled.length)), lines: polled }] : []),
        { title: esc(sourcesTitle(r.sources.length, r.total)), lines },
        ...(skipped.length ? [{ title: esc(SKIPPED_FILES), lines: skipped }] : []),
      ]);
    }
    case 'speakers': {
      const lines = r.speakers.map((s) => markdown`\u2022 **${esc(s.name)}**${s.role ? markdown`, ${esc(s.role)}` : markdown``} \u2014 ${esc(quotesInArticles(s))}`);
      return listMessage([{ title: esc(speakersTitle(r.speakers.length, r.total)), lines }]);
    }
    case 'notice':
      return { content: clip(esc(r.text), L.content), embeds: [], components: [] };
  }
}

/** A message body as sent (discord.js options or the REST JSON: the keys checked are the same). */
export interface DiscordPayload {
  content?: string | null;
  embeds?: readonly APIEmbed[] | null;
  components?: readonly { components?: readonly { label?: string; custom_id?: string }[] }[] | null;
}

/** Every limit a message must keep; an empty list means Discord will take it. */
export function discordLimitProblems(m: DiscordPayload): string[] {
  const problems: string[] = [];
  const embeds = m.embeds ?? [];
  const rows = m.components ?? [];
  if ((m.content?.length ?? 0) > L.content) problems.push(`content of ${m.content!.length} characters (limit ${L.content})`);
  if (!m.content?.trim() && embeds.length === 0 && rows.length === 0) problems.push('empty message');
  if (embeds.length > L.embeds) problems.push(`${embeds.length} embeds (limit ${L.embeds})`);
  if (totalChars(embeds) > L.embedTotal) problems.push(`${totalChars(embeds)} characters across embeds (limit ${L.embedTotal})`);
  embeds.forEach((e, i) => {
    if ((e.title?.length ?? 0) > L.embedTitle) problems.push(`embed ${i}: title of ${e.title!.length} characters`);
    if ((e.description?.length ?? 0) > L.embedDescription) problems.push(`embed ${i}: description of ${e.description!.length} characters`);
    if ((e.footer?.text.length ?? 0) > L.embedFooter) problems.push(`embed ${i}: footer of ${e.footer!.text.length} characters`);
    if ((e.author?.name.length ?? 0) > L.embedAuthor) problems.push(`embed ${i}: author of ${e.author!.name.length} characters`);
    const fields = e.fields ?? [];
    if (fields.length > L.embedFields) problems.push(`embed ${i}: ${fields.length} fields (limit ${L.embedFields})`);
    for (const f of fields) {
      if (!f.name || f.name.length > L.fieldName) problems.push(`embed ${i}: field name of ${f.name.length} characters`);
      if (!f.value || f.value.length > L.fieldValue) problems.push(`embed ${i}: field value of ${f.value.length} characters`);
    }
  });
  if (rows.length > L.actionRows) problems.push(`${rows.length} action rows (limit ${L.actionRows})`);
  for (const row of rows) {
    for (const b of row.components ?? []) {
      if ((b.label?.length ?? 0) > L.buttonLabel) problems.push(`button label of ${b.label!.length} characters`);
      if ((b.custom_id?.length ?? 0) > L.customId) problems.push(`custom_id of ${b.custom_id!.length} characters`);
    }
  }
  return problems;
}
