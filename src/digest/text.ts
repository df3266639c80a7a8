// The digest as plain text: the `text` field of the JSON, and what the console prints.
import type { Digest, GroundedSummary, Story } from '../types.ts';
import { formatDate, quoteSpeaker, reach, reportedEnd, reportedLead, SUMMARY_LABEL } from '../present.ts';

export function digestText(d: Omit<Digest, 'text'>): string {
  const when = d.since ? `since ${d.since.replace('T', ' ').slice(0, 16)} UTC` : d.date ? formatDate(d.date) : 'undated articles';
  if (d.stories.length === 0) return d.since ? `Nothing new since the last briefing (${d.since.replace('T', ' ').slice(0, 16)} UTC).` : 'Nothing new to report.';
  const head = `Briefing — ${when}: ${plural(d.stories.length + d.more, 'story', 'stories')} from ${plural(d.articleCount, 'article')}.`;
  const body = d.stories.map((s, i) => storyText(s, i + 1));
  const more = d.more > 0 ? [`…and ${plural(d.more, 'more story', 'more stories')}.`] : [];
  return [head, ...body, ...more].join('\n\n');
}

export function storyText(s: Story, n: number): string {
  const lines = [`${n}. ${s.headline}`];
  if (s.summary) lines.push(`   ${s.summary}`);
  for (const q of s.quotes) {
    const who = quoteSpeaker(q);
    lines.push(q.kind === 'reported' ? `   ${reportedLead(q)} ${q.text}${reportedEnd(q.text)}` : `   \u201c${q.text}\u201d — ${who}`);
  }
  if (s.figures.length) lines.push(`   Figures: ${s.figures.join('; ')}`);
  for (const x of s.next) lines.push(`   Next: ${x}`);
  if (s.speakers.length) lines.push(`   Who spoke: ${s.speakers.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(', ')}`);
  lines.push(`   ${reach(s)}${s.date ? ` · ${formatDate(s.date)}` : ''}`);
  return lines.join('\n');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}


/** The digest with an LLM lead on top: in `lead`, and in `text` before the stories, labelled as AI-written. */
export function withLead(d: Digest, lead: GroundedSummary | null): Digest {
  if (!lead || lead.sentences.length === 0) return d;
  const lines = lead.sentences.map((s) => (s.stories.length ? `${s.text} [story ${s.stories.map((i) => i + 1).join(', ')}]` : s.text));
  return { ...d, lead, text: `${SUMMARY_LABEL.replace('quotes below', 'stories below')}:\n${lines.join(' ')}\n\n${d.text}` };
}
