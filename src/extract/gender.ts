// The gender a person's given name tells, so that "she said" is never read as a man's words. From the first-name
// lists of gender-detection-from-name, used only where they are sure: a name its lists disagree on ("Andrea",
// "Nicola") tells nothing, and neither does the first word of an East Asian name written family name first
// ("Park Jung-won", "Yang Jiechi", "Nguyen Van Thanh"). Its French list is left out: it gives "Paul", "Michel"
// and "Yves" as women's names.
import { createRequire } from 'node:module';
import { withoutMarks } from '../text/normalize.ts';

// The package's own lookup falls back from one list to the next (French included), so its lists are read directly.
// Loaded on first use: a restart that parses nothing never pays for them.
let lists: Map<string, 'male' | 'female'>[] | null = null;
function loadLists(): Map<string, 'male' | 'female'>[] {
  const require = createRequire(import.meta.url);
  return ['en', 'it', 'es', 'de', 'tr'].map((lang) => require(`gender-detection-from-name/names/${lang}.js`) as Map<string, 'male' | 'female'>);
}

/** Given names its lists call a woman's that men in public life often bear (Japanese "Akira"), or either sex does. */
const EITHER = new Set(['akira', 'hikaru', 'kaoru', 'makoto', 'yuki', 'jun', 'pat', 'dominique', 'claude', 'camille', 'sasha', 'alexis', 'jody', 'lindsey']);

/** Common Chinese, Korean and Vietnamese family names: an article's first word of such a name is no given name. */
const FAMILY_FIRST = new Set(`
  li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han
  feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren yao shen zhong cui tan
  fan jin shi liao jia xia fu fang bai zou meng xiong qin qiu hou yin xue yan duan lei long tao mao hao gu gong shao
  wan qian dai mo kong xiang xi chang chung choi kang cho yoon jang lim oh seo kwon hwang ahn yoo hong jeon ko moon
  son bae baek heo nam noh ha yeo kim lee park shin jung chun nguyen tran pham hoang huynh phan vu vo dang bui do ho
  ngo duong ly wong ng lau chan leung cheung lam tse yip kwok chow
`.trim().split(/\s+/));

/** Letters that carry no separable accent ("Søren", "Łukasz"). */
const FOLD: Record<string, string> = { ø: 'o', æ: 'ae', ł: 'l', đ: 'd', ß: 'ss' };

const cache = new Map<string, 'm' | 'f' | null>();

/** 'm' or 'f' when a full name's given name says so in every list that knows it; otherwise null. */
export function genderOfName(words: string[]): 'm' | 'f' | null {
  if (words.length < 2) return null;
  // The lists spell names without accents ("Lucia", "Alvaro").
  const given = withoutMarks(words[0]!).toLowerCase().replace(/[øæłđß]/gu, (c) => FOLD[c]!);
  if (given.length < 3 || !/^\p{L}+$/u.test(given) || FAMILY_FIRST.has(given) || EITHER.has(given)) return null;
  const known = cache.get(given);
  if (known !== undefined) return known;
  lists ??= loadLists();
  const said = lists.map((list) => list.get(given));
  const told = new Set(said.filter((g) => g !== undefined));
  // A name only the Turkish list knows is often an Arabic one of the other sex there ("Hilal"): it tells nothing.
  const onlyTurkish = said.slice(0, -1).every((g) => g === undefined);
  const gender = told.size === 1 && !onlyTurkish ? (told.has('male') ? 'm' : 'f') : null;
  cache.set(given, gender);
  return gender;
}
