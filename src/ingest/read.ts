// Decides whether a file's bytes can be an article at all, with a reason a person can act on when not.

export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeArticle(bytes: Uint8Array, maxBytes = MAX_ARTICLE_BYTES): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'it is empty' };
  if (bytes.length > maxBytes) {
    return { ok: false, reason: `it is ${mb(bytes.length)}, over the ${mb(maxBytes)} limit for one article` };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'it looks binary (it contains NUL bytes), not text' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'it is not valid UTF-8 text (re-save it as UTF-8)' };
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, reason: 'it is empty (only whitespace)' };
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > text.length / 100) return { ok: false, reason: 'it looks binary (many control characters), not text' };
  return { ok: true, text };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
