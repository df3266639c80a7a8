// Reads the noun phrase that names a speaker, on either side of a reporting verb: "US Treasury Secretary Scott
// Bessent", "EU trade commissioner Maros Sefcovic", "Kim Yongbeom, the Blue House Policy Chief,", "the minister",
// "its energy minister", "the Mofcom spokesperson", "China's Ministry of Commerce", "he", "who" (→ the name before).
// The readers live in their own files; this is what the sieves use of them.
export { genderOfTitle, joinTokens, type Mention, type Read } from './mention-words.ts';
export { parse } from './parse-mention.ts';
export { readBefore, readCore, roleOfAppositive } from './read-before.ts';
export { readAfter, sentenceSubject } from './read-after.ts';
