// Decides whether a file's bytes can be an article at all, with a reason a person can act on when not.

export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A decoder for UTF-16 bytes with a byte-order mark (little- or big-endian), or null. */
function utf16Decoder(bytes: Uint8Array): InstanceType<typeof TextDecoder> | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  return null;
}

export function decodeArticle(bytes: Uint8Array, maxBytes = MAX_ARTICLE_BYTES): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'it is empty' };
  if (bytes.length > maxBytes) {
    return { ok: false, reason: `it is ${mb(bytes.length)}, over the ${mb(maxBytes)} limit for one article` };
  }
  // UTF-16 (Windows "Unicode" saves) is text, recognised by its byte-order mark; its NUL bytes are not binary.
  const utf16 = utf16Decoder(bytes);
  if (!utf16 && bytes.includes(0)) return { ok: false, reason: 'it looks binary (it contains NUL bytes), not text' };
  let text: string;
  try {
    text = (utf16 ?? utf8).decode(bytes);
  } catch {
    if (utf16) return { ok: false, reason: 'it is not valid UTF-16 text (re-save it as UTF-8)' };
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
