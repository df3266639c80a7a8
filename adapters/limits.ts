// Each platform's message limits in one table, and the checks every outbound message must pass.
// Slack: https://docs.slack.dev/reference/block-kit/blocks; Discord: https://discord.com/developers/docs/resources/message

export const LIMITS = {
  slack: {
    blocks: 50,
    sectionText: 3000,
    headerText: 150,
    contextElements: 10,
    buttonText: 75,
    actionValue: 2000,
    /** Documented at 40,000, but `msg_blocks_too_long` has been seen near 13,000: keep well under. */
    messageBlockChars: 11_000,
    fallbackText: 3000,
  },
  discord: {
    content: 2000,
    embeds: 10,
    embedTitle: 256,
    embedDescription: 4096,
    embedFields: 25,
    fieldName: 256,
    fieldValue: 1024,
    embedFooter: 2048,
    embedAuthor: 256,
    /** All embeds of one message together. */
    embedTotal: 6000,
    buttonLabel: 80,
    customId: 100,
    actionRows: 5,
  },
} as const;

/** Cuts text to at most `max` characters at a word boundary, never mid-word, marking the cut with "…". */
export function clipWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const at = cut.lastIndexOf(' ');
  return `${(at > max / 2 ? cut.slice(0, at) : cut).trimEnd()}…`;
}

/** Splits text into pieces of at most `max` characters at word boundaries (for a quote longer than one block). */
export function splitWords(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf(' ', max);
    if (at <= 0) at = max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}
