// The fixed question mixes the benchmark asks, both seeded:
//   gentle (corpus.ts): speaker, speaker + topic, who-said, open question, unknown speaker;
//   realistic (realistic.ts): frequent speaker (the top 20 by articles), rare speaker (in 1–3 articles), speaker +
//   one of their topics, role ("what did the treasury secretary say?"), who-said, open question, unknown speaker.
import type { Corpus } from './corpus.ts';
import { rng, TOPICS } from './corpus.ts';
import { REALISTIC_TOPICS, type RealisticCorpus, type RealisticSpeaker } from './realistic.ts';
import { ABSENT, COUNTRIES } from './realistic-words.ts';

export type QuestionKind =
  | 'speaker' | 'speaker+topic' | 'who-said' | 'open' | 'unknown'
  | 'frequent speaker' | 'rare speaker' | 'role';

export interface BenchQuestion {
  kind: QuestionKind;
  text: string;
}

const UNKNOWN = ABSENT;

export function questionMix(corpus: Pick<Corpus, 'speakers' | 'quotes'>, count = 500, seed = 7): BenchQuestion[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const people = corpus.speakers.filter((s) => s.kind === 'person');
  const out: BenchQuestion[] = [];
  for (let i = 0; i < count; i++) {
    const topic = pick(TOPICS);
    switch (i % 5) {
      case 0:
        out.push({ kind: 'speaker', text: `what did ${pick(people).last} say?` });
        break;
      case 1:
        out.push({ kind: 'speaker+topic', text: `what did ${pick(corpus.speakers).name} say about ${pick(topic.terms)}?` });
        break;
      case 2: {
        const words = pick(corpus.quotes).text.replace(/[.,]/g, '').split(' ');
        const at = Math.floor(r() * Math.max(1, words.length - 5));
        out.push({ kind: 'who-said', text: `who said "${words.slice(at, at + 4 + Math.floor(r() * 3)).join(' ')}"?` });
        break;
      }
      case 3:
        out.push({ kind: 'open', text: `what is the latest on ${pick(topic.terms)} and ${pick(topic.subjects)}?` });
        break;
      default:
        out.push({ kind: 'unknown', text: `what did ${pick(UNKNOWN)} say about ${pick(topic.terms)}?` });
    }
  }
  return out;
}

/** Four to six consecutive words of one sentence of a quote, as a reader remembers a phrase. */
function whoSaid(r: () => number, quote: string): string {
  const sentences = quote.split(/(?<=[.!?])\s+/);
  const words = sentences[Math.floor(r() * sentences.length)]!.split(' ').map((w) => w.replace(/^["\u201c]+|[.,:;!?"\u201d]+$/g, '')).filter(Boolean);
  const at = Math.floor(r() * Math.max(1, words.length - 5));
  return `who said "${words.slice(at, at + 4 + Math.floor(r() * 3)).join(' ')}"?`;
}

export const REALISTIC_KINDS: QuestionKind[] = ['frequent speaker', 'rare speaker', 'speaker+topic', 'role', 'who-said', 'open', 'unknown'];

/** `perKind` questions of each realistic kind, interleaved, over the speakers this corpus actually quotes. */
export function realisticQuestionMix(corpus: Pick<RealisticCorpus, 'speakers' | 'quotes'>, perKind = 70, seed = 7): BenchQuestion[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const people = corpus.speakers.filter((s) => s.kind === 'person' && s.articles > 0).sort((a, b) => b.articles - a.articles || a.rank - b.rank);
  // A surname alone when it is only theirs and reads as a name ("Bessent", not "He"); the full name otherwise.
  const surnames = new Map<string, number>();
  for (const s of corpus.speakers) surnames.set(s.last, (surnames.get(s.last) ?? 0) + 1);
  const called = (s: RealisticSpeaker) => (surnames.get(s.last) === 1 && s.last.length > 2 && /^\p{Lu}/u.test(s.last) ? s.last : s.name);
  const frequent = people.slice(0, 20);
  const rare = people.filter((s) => s.articles <= 3);
  const known = people.slice(0, 200);
  const roles = people.filter((s) => s.roleQuestion).slice(0, 100);
  const term = (s: RealisticSpeaker) => {
    const topic = REALISTIC_TOPICS.find((t) => t.name === (s.topics.length ? pick(s.topics) : pick(REALISTIC_TOPICS).name)) ?? pick(REALISTIC_TOPICS);
    return pick(topic.terms);
  };
  const out: BenchQuestion[] = [];
  for (let i = 0; i < perKind * REALISTIC_KINDS.length; i++) {
    const kind = REALISTIC_KINDS[i % REALISTIC_KINDS.length]!;
    const topic = pick(REALISTIC_TOPICS);
    switch (kind) {
      case 'frequent speaker': {
        const s = pick(frequent);
        out.push({ kind, text: `what did ${r() < 0.8 ? called(s) : s.name} say?` });
        break;
      }
      case 'rare speaker':
        out.push({ kind, text: `what did ${pick(rare.length ? rare : people.slice(-20)).name} say?` });
        break;
      case 'speaker+topic': {
        const s = pick(known);
        out.push({ kind, text: `what did ${called(s)} say about ${term(s)}?` });
        break;
      }
      case 'role':
        out.push({ kind, text: `what did ${pick(roles).roleQuestion} say?` });
        break;
      case 'who-said':
        out.push({ kind, text: whoSaid(r, pick(corpus.quotes).text) });
        break;
      case 'open': {
        const x = r();
        const c = pick(COUNTRIES).name;
        out.push({ kind, text: x < 0.4 ? `what is the latest on ${pick(topic.terms)}?` : x < 0.7 ? `what happened with ${pick(topic.terms)} in ${c}?` : `any news on ${pick(topic.terms)} and ${pick(topic.words)}?` });
        break;
      }
      default:
        out.push({ kind, text: `what did ${pick(UNKNOWN)} say about ${pick(topic.terms)}?` });
    }
  }
  return out;
}
