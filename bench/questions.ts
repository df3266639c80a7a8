// The fixed question mix the benchmark asks: speaker, speaker + topic, who-said, open question, unknown speaker.
import type { Corpus } from './corpus.ts';
import { rng, TOPICS } from './corpus.ts';

export type QuestionKind = 'speaker' | 'speaker+topic' | 'who-said' | 'open' | 'unknown';

export interface BenchQuestion {
  kind: QuestionKind;
  text: string;
}

const UNKNOWN = ['Narendra Modi', 'Olaf Scholz', 'Giorgia Meloni', 'Mark Carney', 'Luiz Lula', 'Cyril Ramaphosa', 'Anthony Albanese', 'Claudia Sheinbaum'];

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
