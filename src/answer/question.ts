// What a question asks: a speaker's words (with an optional topic), who said a phrase, or anything else.

export type Question =
  | { kind: 'speaker'; speaker: string; topic: string | null }
  | { kind: 'who-said'; phrase: string }
  | { kind: 'open'; text: string }
  | { kind: 'empty' };

const SAY = 'say|said|saying|says|tell|told|post|posted|write|wrote|announce|announced|think|thinks|argue|argued|claim|claimed|state|stated|mean|urge|urged|comment|commented';
const TOPIC = '(?:\\s+(?:about|on|regarding|concerning|re|of|over|when it comes to)\\s+(.+))?';

const SPEAKER_FORMS: RegExp[] = [
  new RegExp(`^what\\s+(?:did|does|do|has|have|had|is|was|were)\\s+(.+?)\\s+(?:${SAY})(?:\\s+(?:to\\s+|on\\s+)?(?:x|twitter|ani|ians|pti|reuters|reporters|journalists|the press|the media))?${TOPIC}$`, 'i'),
  new RegExp(`^what(?:'s|\\s+is)?\\s+(.+?)\\s+(?:said|says|saying|posted|wrote|stated)${TOPIC}$`, 'i'),
  new RegExp(`^(?:show\\s+me\\s+|give\\s+me\\s+|find\\s+|list\\s+)?(?:quotes?|statements?|comments?|remarks?|words)\\s+(?:from|by)\\s+(.+?)${TOPIC}$`, 'i'),
  new RegExp(`^(?:show\\s+me\\s+|give\\s+me\\s+)?(.+?)['\u2019]s?\\s+(?:quotes|statements|comments|remarks|words|views)${TOPIC}$`, 'i'),
  new RegExp(`^(?:did|has|have)\\s+(.+?)\\s+(?:${SAY})\\s+(?:anything|something)${TOPIC}$`, 'i'),
];

const WHO_SAID = /^(?:who|which\s+\w+)\s+(?:said|says|has\s+said|called\s+for|talked\s+about|spoke\s+(?:of|about)|mentioned|wrote|posted|used\s+the\s+(?:phrase|words?))\s*:?\s+(.+)$/i;

export function parseQuestion(raw: string): Question {
  const text = raw.trim().replace(/\s+/g, ' ').replace(/[?!.\s]+$/, '');
  if (text === '') return { kind: 'empty' };
  const who = WHO_SAID.exec(text);
  if (who) return { kind: 'who-said', phrase: unquote(who[1]!) };
  for (const form of SPEAKER_FORMS) {
    const m = form.exec(text);
    if (m && m[1] && m[1].split(' ').length <= 8) {
      return { kind: 'speaker', speaker: unquote(m[1]), topic: m[2] ? unquote(m[2]) : null };
    }
  }
  return { kind: 'open', text };
}

function unquote(s: string): string {
  return s.trim().replace(/^["'\u201c\u2018]+|["'\u201d\u2019]+$/g, '').trim();
}

const STOPWORDS = new Set(
  `a an the of about on in for to and or with what when where will would is are was were be been being did does do done
   has have had how why who whom whose which that this these those it its by at as from into than then there their they
   he she his her him say said says tell told think any anything something regarding concerning could should can may
   might must shall i me my we our us you your not no so if but up out over very just also more most much many some
   such only own same too s t re ve ll d get got give show find list quotes quote statements statement comments
   comment remarks words latest new news`
    .split(/\s+/)
    .filter(Boolean),
);

/** The words of a topic or question worth searching for: lowercased, without stop words. */
export function searchTerms(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !STOPWORDS.has(w));
  return [...new Set(words)];
}
