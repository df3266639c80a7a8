// The digest as plain text: the `text` field of the JSON, and what the console prints.
import type { Digest, GroundedSummary, Story } from '../types.ts';
import { briefingCount, briefingTitle, DIGEST_SUMMARY_LABEL, FIGURES, moreStories, NEXT_STEP, nothingNew, quoteSpeaker, reportedEnd, reportedLead, storyFooter } from '../present.ts';

export function digestText(d: Omit<Digest, 'text'>): string {
  if (d.stories.length === 0) return nothingNew(d.since);
  const head = `${briefingTitle(d)}: ${briefingCount(d)}.`;
  const body = d.stories.map((s, i) => storyText(s, i + 1));
  const more = d.more > 0 ? [`${moreStories(d.more)}.`] : [];
  return [head, ...body, ...more].join('\n\n');
}

export function storyText(s: Story, n: number): string {
  const lines = [`${n}. ${s.headline}`];
  if (s.summary) lines.push(`   ${s.summary}`);
  for (const q of s.quotes) {
    const who = quoteSpeaker(q);
    lines.push(q.kind === 'reported' ? `   ${reportedLead(q)} ${q.text}${reportedEnd(q.text)}` : `   \u201c${q.text}\u201d — ${who}`);
  }
  if (s.figures.length) lines.push(`   ${FIGURES}: ${s.figures.join('; ')}`);
  for (const x of s.next) lines.push(`   ${NEXT_STEP}: ${x}`);
  if (s.speakers.length) lines.push(`   Who spoke: ${s.speakers.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(', ')}`);
  lines.push(`   ${storyFooter(s)}`);
  return lines.join('\n');
}


/** The digest with an LLM lead on top: in `lead`, and in `text` before the stories, labelled as AI-written. */
export function withLead(d: Digest, lead: GroundedSummary | null): Digest {
  if (!lead || lead.sentences.length === 0) return d;
  const lines = lead.sentences.map((s) => (s.stories.length ? `${s.text} [story ${s.stories.map((i) => i + 1).join(', ')}]` : s.text));
  return { ...d, lead, text: `${DIGEST_SUMMARY_LABEL}:\n${lines.join(' ')}\n\n${d.text}` };
}
