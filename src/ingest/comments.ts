// Reader comments: kept, labelled as readers', and never treated as anyone's statement.
import type { ReaderComment } from '../types.ts';
import { classifyLine } from './chrome.ts';

/**
 * Reads a comment section. Comment widgets print an avatar letter, the reader's name, then the comment
 * ("R / Rohit P / …"); without that shape every paragraph is one comment by an unnamed reader.
 */
export function parseComments(lines: string[]): ReaderComment[] {
  const kept = lines.map((l) => l.trim()).filter((l) => l !== '' && classifyLine(l).kind === 'content');
  const comments: ReaderComment[] = [];
  let i = 0;
  while (i < kept.length) {
    const avatar = kept[i]!;
    const name = kept[i + 1];
    if (/^\p{Lu}$/u.test(avatar) && name !== undefined && name.length <= 40 && kept[i + 2] !== undefined) {
      const text: string[] = [];
      let j = i + 2;
      while (j < kept.length && !(/^\p{Lu}$/u.test(kept[j]!) && j + 1 < kept.length)) text.push(kept[j++]!);
      comments.push({ author: name, text: text.join('\n') });
      i = j;
    } else {
      comments.push({ author: null, text: avatar });
      i++;
    }
  }
  return comments.filter((c) => c.text.length > 0);
}
