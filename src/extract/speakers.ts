// The speakers one article names, and who "he", "the Minister" or "Secretary Bessent" refers to there.
import type { FoundSpeaker, SpeakerKind } from '../types.ts';
import { nameKey, splitHandle } from '../text/normalize.ts';
import { roleHead, type Phrase } from './phrase.ts';

/** Names that are platforms or news agencies: they carry statements, they do not make them. */
const NOT_SPEAKERS = new Set(['x', 'twitter', 'ani', 'ians', 'pti', 'uni', 'reuters', 'ap', 'afp', 'bloomberg', 'news agency']);

interface Entity extends Omit<FoundSpeaker, 'roles' | 'aliases'> {
  roles: Set<string>;
  aliases: Set<string>;
  lastMentioned: number;
}

export class ArticleSpeakers {
  private readonly entities: Entity[] = [];
  private clock = 0;
  /** The person "he" or "she" refers to: the latest speaker or sentence subject. */
  private lastPerson: Entity | null = null;

  get found(): FoundSpeaker[] {
    return this.entities.map(({ lastMentioned: _, ...s }) => ({ ...s, roles: [...s.roles], aliases: [...s.aliases] }));
  }

  /** The speaker a phrase names, registering new names and roles; null when it cannot be known. */
  resolve(phrase: Phrase | null): Entity | null {
    if (!phrase) return null;
    switch (phrase.type) {
      case 'pronoun':
        return this.lastPerson;
      case 'description':
        return this.byRole(phrase.role);
      case 'organisation':
        return this.organisation(phrase.name);
      case 'person':
        return this.person(phrase.name, phrase.role);
    }
  }

  /** The speaker a phrase names among those already known, without registering anything. */
  lookup(phrase: Phrase | null): Entity | null {
    if (!phrase) return null;
    if (phrase.type === 'pronoun') return this.lastPerson;
    if (phrase.type === 'person' && !phrase.role) {
      const full = phrase.name.filter((w) => !/^\p{Lu}\.?$/u.test(w));
      const surname = nameKey(full[full.length - 1] ?? '');
      return this.entities.find((e) => e.kind === 'person' && e.surname === surname) ?? null;
    }
    if (phrase.type === 'organisation') return null;
    return this.resolve(phrase);
  }

  /** Marks a person as the one later pronouns refer to. */
  focus(entity: Entity | null): void {
    if (entity && entity.kind === 'person') this.lastPerson = entity;
  }

  /** Attaches a handle ("@SecScottBessent", "@USTreasury") to the speaker it spells, if any. */
  addHandle(handle: string, roleBefore: string | null): void {
    const spelled = nameKey(splitHandle(handle));
    const target =
      (roleBefore ? this.byRole(roleBefore, false) : null) ??
      this.entities.find((e) => e.kind === 'person' && e.key.includes(' ') && spelled.endsWith(e.key)) ??
      this.entities.find((e) => e.kind === 'organisation' && (spelled === e.key || spelled.endsWith(` ${e.key}`))) ??
      this.entities.find((e) => e.kind === 'person' && e.surname !== null && spelled.endsWith(e.surname));
    if (target) target.aliases.add(handle);
  }

  private person(nameWords: string[], role: string | null): Entity | null {
    const full = nameWords.filter((w) => !/^\p{Lu}\.?$/u.test(w));
    if (full.length === 0) return null;
    const surname = nameKey(full[full.length - 1]!);
    const canonical = full.length > 1 ? `${full[0]} ${full[full.length - 1]}` : full[0]!;
    const key = nameKey(canonical);
    if (NOT_SPEAKERS.has(key)) return null;
    let e = this.entities.find((x) => x.kind === 'person' && x.key === key);
    if (!e && full.length === 1) e = this.entities.find((x) => x.kind === 'person' && x.surname === surname);
    if (!e && full.length > 1) {
      e = this.entities.find((x) => x.kind === 'person' && x.key === surname);
      if (e) Object.assign(e, { name: canonical, key });
    }
    if (!e) e = this.add({ kind: 'person', name: canonical, key, surname });
    e.aliases.add(nameWords.join(' ')).add(canonical).add(full[full.length - 1]!);
    if (role && !e.roles.has(role)) {
      e.roles.add(role);
      e.aliases.add(role);
      const head = roleHead(role);
      if (head) e.aliases.add(`${head} ${full[full.length - 1]}`);
    }
    this.touch(e);
    return e;
  }

  private organisation(name: string): Entity | null {
    const key = nameKey(name);
    if (!key || NOT_SPEAKERS.has(key)) return null;
    let e =
      this.entities.find((x) => x.kind === 'organisation' && x.key === key) ??
      this.entities.find((x) => x.kind === 'organisation' && x.key.endsWith(` ${key}`));
    if (!e) {
      const broader = this.entities.find((x) => x.kind === 'organisation' && key.endsWith(` ${x.key}`));
      if (broader) Object.assign(broader, { name: name.replace(/^the\s+/i, ''), key });
      e = broader ?? this.add({ kind: 'organisation', name: name.replace(/^the\s+/i, ''), key, surname: null });
    }
    const bare = name.replace(/^the\s+/i, '');
    if (!e.aliases.has(bare)) {
      e.aliases.add(bare);
      const words = bare.split(/\s+/);
      if (words.length >= 3) e.aliases.add(words.map((w) => w[0]).join('').toUpperCase());
    }
    this.touch(e);
    return e;
  }

  /** "the Minister", "the Treasury Secretary": the latest person whose role has all those words. */
  private byRole(description: string, touch = true): Entity | null {
    const want = nameKey(description).split(' ').filter((w) => w !== 'the');
    let best: Entity | null = null;
    for (const e of this.entities) {
      if (e.kind !== 'person') continue;
      const have = new Set([...e.roles].flatMap((r) => nameKey(r).split(/[\s-]+/)));
      if (want.every((w) => have.has(w) || (w === 'secy' && have.has('secretary'))) && (!best || e.lastMentioned > best.lastMentioned)) best = e;
    }
    if (best && touch) {
      best.aliases.add(description.replace(/^the\s+/i, ''));
      this.touch(best);
    }
    return best;
  }

  private add(s: Pick<FoundSpeaker, 'kind' | 'name' | 'key' | 'surname'> & { kind: SpeakerKind }): Entity {
    const e: Entity = { ...s, ref: this.entities.length, roles: new Set(), aliases: new Set(), lastMentioned: 0 };
    this.entities.push(e);
    return e;
  }

  private touch(e: Entity): void {
    e.lastMentioned = ++this.clock;
  }
}
