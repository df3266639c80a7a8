// Plain-text rendering for a terminal (the console adapter and the briefbot command).
import type { Answer, Citation, Quote, SkippedFile, Source, Speaker } from '../../src/types.ts';
import { speakersTitle, type Reply } from '../../src/app/conversation.ts';
import type { SourceRecord } from '../../src/state/state.ts';
import {
  fileName, alsoMatching, bylineNote, citationLabel, excerptLine, fromTheReporting, moreArticles, OTHER_SUBJECTS, quotesInArticles, quoteSpeaker, quotesShown, REPORTED, reportedEnd,
  reportedLead, SKIPPED_FILES, sourceDetails, sourcesTitle, polledDetails, polledTitle, SUMMARY_LABEL, summaryLines, unlistedArticles, alertTitle, burstTitle,
} from '../../src/present.ts';
import { distinctWatches, type AlertPost } from '../../src/alerts/match.ts';
import { helpEntries } from '../../src/commands.ts';

/** Article text must not drive the terminal: control characters and escape sequences are removed. */
export function terminalSafe(text: string): string {
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

export function renderAnswer(a: Answer, offset = 0, more = 'Type "more" for the next quotes.'): string {
  const out: string[] = [terminalSafe(a.answer)];
  if (a.summary) out.push('', `${SUMMARY_LABEL}:`, ...summaryLines(a.summary, a.quotes, offset).map((l) => `  ${terminalSafe(l)}`));
  if (a.alternatives.length) out.push(`(${alsoMatching(terminalSafe(a.alternatives.join(', ')))}.)`);
  a.quotes.forEach((q, i) => {
    // A speaker asked about a topic: their other quotes follow those on it, under a heading.
    if (a.onTopic && offset + i === a.onTopic) out.push('', `${OTHER_SUBJECTS}:`);
    out.push('', renderQuote(q, offset + i + 1));
  });
  if (a.passages.length) {
    out.push('', `${fromTheReporting()}:`);
    for (const p of a.passages) out.push(`  ${terminalSafe(p.text)}`, `     ${cite(p.citation)}`);
  }
  const shown = offset + a.quotes.length;
  if (shown < a.total) out.push('', `${quotesShown(offset + 1, shown, a.total)}. ${more}`);
  return out.join('\n');
}

export function renderQuote(q: Quote, n: number): string {
  const speaker = quoteSpeaker(q);
  const note = bylineNote(q);
  const lines: string[] = [];
  if (q.kind === 'reported') {
    lines.push(`${n}. [${REPORTED}${note ? `, ${note}` : ''}] ${terminalSafe(reportedLead(q))} ${terminalSafe(q.text)}${reportedEnd(q.text)}`);
    if (q.speaker === null) lines.push(`   (${speaker})`);
  } else {
    lines.push(`${n}. \u201c${terminalSafe(q.text)}\u201d`);
    lines.push(q.speaker === null ? `   (${speaker}${note ? `; ${note}` : ''})` : `   — ${terminalSafe(speaker)}${note ? `, ${note}` : ''}`);
  }
  lines.push(`   ${q.citations.map(cite).join('; ')}`);
  for (const e of q.excerpts) {
    lines.push(`   ${excerptLine(e, e.citations.map(cite).join('; '))}`);
  }
  const more = unlistedArticles(q);
  if (more > 0) lines.push(`   ${moreArticles(more)}`);
  return lines.join('\n');
}

function cite(c: Citation): string {
  const label = citationLabel(c);
  return label.startsWith(c.file) ? terminalSafe(label) : `${terminalSafe(label)} [${fileName(c.file)}]`;
}

/** An alert: the heading naming the watches matched, then each quote as an answer prints it (a burst: with its watches). */
export function renderAlert(a: AlertPost): string {
  const title = a.burst ? burstTitle(a.items.length, distinctWatches(a.items)) : alertTitle(a.items[0]?.watches ?? []);
  const out = [`${terminalSafe(title)}:`];
  a.items.forEach((item, i) => {
    out.push('');
    if (a.burst) out.push(`   [${terminalSafe(alertTitle(item.watches))}]`);
    out.push(renderQuote(item.quote, i + 1));
  });
  // The one path to the terminal, as for replies: whatever a piece forgot is made safe here.
  return terminalSafe(out.join('\n'));
}

export function renderSources(sources: Source[], skipped: SkippedFile[], total = sources.length, polled: SourceRecord[] = []): string {
  const out: string[] = [];
  if (polled.length) {
    out.push(`${polledTitle(polled.length)}:`);
    for (const s of polled) out.push(`- ${terminalSafe(s.title ?? s.url)} [${terminalSafe(s.url)}]`, `  ${terminalSafe(polledDetails(s))}`);
    out.push('');
  }
  out.push(`${sourcesTitle(sources.length, total)}:`);
  for (const s of sources) {
    out.push(`- ${terminalSafe(s.title ?? '(untitled)')} [${fileName(s.file)}]`, `  ${terminalSafe(sourceDetails(s))}`);
  }
  if (skipped.length) {
    out.push('', `${SKIPPED_FILES}:`);
    for (const s of skipped) out.push(`- ${fileName(s.file)}: ${terminalSafe(s.reason)}`);
  }
  return out.join('\n');
}

export function renderSpeakers(speakers: Speaker[], total = speakers.length): string {
  const out = [`${speakersTitle(speakers.length, total)}:`];
  for (const s of speakers) {
    const role = s.role ? `, ${s.role}` : s.kind === 'organisation' ? ' (organisation)' : '';
    out.push(`- ${terminalSafe(s.name + role)}: ${quotesInArticles(s)}`);
  }
  return out.join('\n');
}

export function renderHelp(prefix = ''): string {
  const entries = helpEntries(prefix);
  const width = Math.max(...entries.map((e) => e.usage.length));
  return ['Ask me about what was said in the news I have indexed:', ...entries.map((e) => `  ${e.usage.padEnd(width)}  ${e.what}`)].join('\n');
}

/**
 * Any reply to a command, as terminal text. The whole text goes through terminalSafe once more on its way out: the
 * one path to the terminal, so a piece a renderer forgot cannot drive it (line breaks and tabs are all it keeps).
 */
export function renderReply(r: Reply): string {
  return terminalSafe(reply(r));
}

function reply(r: Reply): string {
  switch (r.type) {
    case 'help': return renderHelp();
    case 'answer': return renderAnswer(r.answer, r.offset);
    case 'sources': return renderSources(r.sources, r.skipped, r.total, r.polled);
    case 'speakers': return renderSpeakers(r.speakers, r.total);
    case 'digest': return r.digest.text;
    case 'notice': return r.text;
  }
}
