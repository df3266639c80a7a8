// Which corpus-wide speaker an article's speaker is: the same full name, or, for a bare surname or a shorter
// organisation name ("Treasury"), the one known speaker it can only mean. Kept in memory, loaded from the speakers
// table on first use: every article names a dozen or more speakers, and a query per name (a scan of every
// organisation, for a short one) would make writing an article cost more as the corpus grows.
import type Database from 'better-sqlite3';
import type { FoundSpeaker, SpeakerKind } from '../types.ts';

interface Row {
  id: number;
  kind: SpeakerKind;
  key: string;
  surname: string | null;
}

export class SpeakerDirectory {
  private byKey: Map<string, number> | null = null;
  private bySurname = new Map<string, Set<number>>();
  /** Organisations by each word of their key (keys are sorted words: organisationKey). */
  private byOrgWord = new Map<string, Set<{ id: number; key: string }>>();

  private readonly insert: Database.Statement;
  private readonly rename: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare('INSERT INTO speakers (kind, name, key, surname) VALUES (?, ?, ?, ?)');
    this.rename = db.prepare('UPDATE speakers SET name = ?, key = ? WHERE id = ?');
  }

  /** The speaker's id, adding them to the speakers table when the corpus does not know them yet. */
  idFor(s: FoundSpeaker): number {
    const keys = this.load();
    const exact = keys.get(`${s.kind}\u0000${s.key}`);
    if (exact !== undefined) return exact;
    if (s.kind === 'person') {
      if (!s.key.includes(' ') && s.surname) {
        const same = this.bySurname.get(s.surname);
        if (same?.size === 1) return [...same][0]!;
      } else if (s.surname) {
        // A surname-only speaker from an earlier article becomes this full name.
        const bare = keys.get(`person\u0000${s.surname}`);
        if (bare !== undefined) {
          this.rename.run(s.name, s.key, bare);
          keys.delete(`person\u0000${s.surname}`);
          keys.set(`person\u0000${s.key}`, bare);
          return bare;
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
        if (count === 1) return only!;
      }
    }
    const id = Number(this.insert.run(s.kind, s.name, s.key, s.surname).lastInsertRowid);
    this.add({ id, kind: s.kind, key: s.key, surname: s.surname });
    return id;
  }

  /** After speakers are deleted, or a transaction that added some is rolled back: read again on next use. */
  reset(): void {
    this.byKey = null;
  }

  private load(): Map<string, number> {
    if (this.byKey) return this.byKey;
    this.byKey = new Map();
    this.bySurname.clear();
    this.byOrgWord.clear();
    for (const r of this.db.prepare('SELECT id, kind, key, surname FROM speakers').all() as Row[]) this.add(r);
    return this.byKey;
  }

  private add(r: Row): void {
    this.byKey!.set(`${r.kind}\u0000${r.key}`, r.id);
    if (r.kind === 'person') {
      if (r.surname) this.bySurname.set(r.surname, (this.bySurname.get(r.surname) ?? new Set()).add(r.id));
    } else {
      const entry = { id: r.id, key: r.key };
      for (const w of new Set(r.key.split(' ').filter(Boolean))) this.byOrgWord.set(w, (this.byOrgWord.get(w) ?? new Set()).add(entry));
    }
  }
}
