// Which corpus-wide speaker an article's speaker is: the same full name, or, for a bare surname or a shorter
// organisation name ("Treasury"), the one known speaker it can only mean. The rule is the core's; a Store keeps
// the speakers and applies what `match` decides (a new speaker, or a surname-only speaker renamed to a full name),
// then tells the directory with `add`. Kept in memory: every article names a dozen or more speakers, and a query per
// name (a scan of every organisation, for a short one) would make writing an article cost more as the corpus grows.
import type { FoundSpeaker, SpeakerKind } from '../types.ts';

export interface KnownSpeaker {
  id: number;
  kind: SpeakerKind;
  key: string;
  surname: string | null;
}

/** What `match` decided: a known speaker (renamed to this full name when they were known by surname only), or none. */
export type SpeakerMatch = { id: number; rename: boolean } | null;

export class SpeakerDirectory {
  private byKey: Map<string, number> | null = null;
  private bySurname = new Map<string, Set<number>>();
  /** Organisations by each word of their key (keys are sorted words: organisationKey). */
  private byOrgWord = new Map<string, Set<{ id: number; key: string }>>();

  /** `load`: every stored speaker, read when the directory is first used (and after a reset). */
  constructor(private readonly load: () => KnownSpeaker[]) {}

  /**
   * The known speaker `s` is, or null for a new one. With `rename`, the speaker was known by surname only and is
   * now known by this full name: the store renames them, and the directory already has.
   */
  match(s: FoundSpeaker): SpeakerMatch {
    const keys = this.keys();
    const exact = keys.get(`${s.kind}\u0000${s.key}`);
    if (exact !== undefined) return { id: exact, rename: false };
    if (s.kind === 'person') {
      if (!s.key.includes(' ') && s.surname) {
        const same = this.bySurname.get(s.surname);
        if (same?.size === 1) return { id: [...same][0]!, rename: false };
      } else if (s.surname) {
        // A surname-only speaker from an earlier article becomes this full name.
        const bare = keys.get(`person\u0000${s.surname}`);
        if (bare !== undefined) {
          keys.delete(`person\u0000${s.surname}`);
          keys.set(`person\u0000${s.key}`, bare);
          return { id: bare, rename: true };
        }
      }
    } else {
      // "Treasury" is the one known organisation whose key has all its words ("treasury us"), when there is only one.
      // Candidates from the word fewest organisations have: "ministry" is in thousands of names.
      const mine = [...new Set(s.key.split(' ').filter(Boolean))];
      const sets = mine.map((w) => this.byOrgWord.get(w));
      if (mine.length && sets.every((x) => x !== undefined)) {
        const fewest = sets.reduce((a, b) => (b!.size < a!.size ? b : a))!;
        let only: number | null = null;
        let count = 0;
        for (const o of fewest) {
          if (o.key === s.key || !sets.every((x) => x!.has(o))) continue;
          only = o.id;
          if (++count > 1) break;
        }
        if (count === 1) return { id: only!, rename: false };
      }
    }
    return null;
  }

  /** A speaker the store has just added. */
  add(r: KnownSpeaker): void {
    const keys = this.keys();
    keys.set(`${r.kind}\u0000${r.key}`, r.id);
    if (r.kind === 'person') {
      if (r.surname) this.bySurname.set(r.surname, (this.bySurname.get(r.surname) ?? new Set()).add(r.id));
    } else {
      const entry = { id: r.id, key: r.key };
      for (const w of new Set(r.key.split(' ').filter(Boolean))) this.byOrgWord.set(w, (this.byOrgWord.get(w) ?? new Set()).add(entry));
    }
  }

  /** After speakers are deleted, or a transaction that added some is rolled back: read again on next use. */
  reset(): void {
    this.byKey = null;
  }

  private keys(): Map<string, number> {
    if (this.byKey) return this.byKey;
    this.byKey = new Map();
    this.bySurname.clear();
    this.byOrgWord.clear();
    for (const r of this.load()) this.add(r);
    return this.byKey;
  }
}
