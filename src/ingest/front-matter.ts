// Optional YAML front matter (title, outlet, url, date, author): what the person who saved the article says
// wins over anything inferred from the page.
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const FrontMatter = z
  .object({
    title: z.string().trim().min(1).optional(),
    outlet: z.string().trim().min(1).optional(),
    source: z.string().trim().min(1).optional(),
    author: z.string().trim().min(1).optional(),
    url: z.url().optional(),
    date: z.union([z.string().trim().min(1), z.date()]).optional(),
  })
  .loose();

export interface FrontMatterFields {
  title?: string;
  outlet?: string;
  author?: string;
  url?: string;
  date?: string;
}

export type SplitFrontMatter =
  | { ok: true; fields: FrontMatterFields; body: string }
  | { ok: false; reason: string };

/** Splits `---\n…\n---` off the top of a file. A file without front matter comes back whole. */
export function splitFrontMatter(text: string): SplitFrontMatter {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { ok: true, fields: {}, body: text };
  let data: unknown;
  try {
    data = parseYaml(m[1]!) ?? {};
  } catch (err) {
    return { ok: false, reason: `its front matter is not valid YAML (${(err as Error).message.split('\n')[0]})` };
  }
  const parsed = FrontMatter.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `its front matter field "${issue.path.join('.') || '(top)'}" is invalid: ${issue.message}` };
  }
  const f = parsed.data;
  const date = f.date instanceof Date ? f.date.toISOString().slice(0, 10) : f.date;
  const fields: FrontMatterFields = {};
  if (f.title) fields.title = f.title;
  if (f.outlet ?? f.source) fields.outlet = (f.outlet ?? f.source)!;
  if (f.author) fields.author = f.author;
  if (f.url) fields.url = f.url;
  if (date) fields.date = date;
  return { ok: true, fields, body: text.slice(m[0].length) };
}
