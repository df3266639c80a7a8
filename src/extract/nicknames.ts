// Nicknames printed in quotation marks inside a name: Agriculture Secretary Francisco "Paeng" Villaruel. The marks
// are no quotation and the words between them are no part of the name the text goes on to use ("Villaruel").
import { CAP, PUNCT, has, type Tok } from './tokens.ts';

export interface Nickname {
  nickname: string;
  /** The name words either side ("Francisco", "Villaruel"). */
  before: string;
  after: string;
  /** Where the marked nickname stood in the paragraph, to drop it from the sentence's quotations. */
  start: number;
  end: number;
}

/** Removes "“Paeng”" from between two capitalised words, in place, and says what it removed. */
export function dropNicknames(toks: Tok[]): Nickname[] {
  const found: Nickname[] = [];
  for (let i = 0; i + 4 < toks.length; i++) {
    const first = toks[i]!;
    if (first.quoted || !has(first, CAP) || has(first, PUNCT) || !isMark(toks[i + 1])) continue;
    let j = i + 2;
    while (j < toks.length && j - i <= 4 && toks[j]!.quoted && has(toks[j], CAP) && !has(toks[j], PUNCT)) j++;
    const words = toks.slice(i + 2, j);
    if (words.length === 0 || words.length > 2 || !isMark(toks[j]) || !toks[j + 1] || toks[j + 1]!.quoted || !has(toks[j + 1], CAP) || has(toks[j + 1], PUNCT)) continue;
    found.push({ nickname: words.map((w) => w.text).join(' '), before: first.text, after: toks[j + 1]!.text, start: toks[i + 1]!.start, end: toks[j]!.end });
    toks.splice(i + 1, j - i);
  }
  return found;
}

const isMark = (t: Tok | undefined) => t !== undefined && has(t, PUNCT) && /^["'\u201c\u201d\u2018\u2019]$/u.test(t.text);
