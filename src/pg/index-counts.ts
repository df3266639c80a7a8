// Writes a batch's summed counts (the SQLite store's flush, set by set rather than row by row): speakers' names and
// roles with the words they are found by, their countries, their counts and shown role; a speaker no article names
// or quotes any more is removed.
import type { SpeakerKind } from '../types.ts';
import type { Sql } from './client.ts';
import { preferredRole } from '../store/roles.ts';
import { MAX_KEYS } from '../store/store.ts';
import { wordChanges, type KeyAfter, type Tally } from '../store/shared-index.ts';

/** Writes the tally; true when speakers were removed (whoever remembers the speakers must read them again). */
export async function writeCounts(tx: Sql, tally: Tally): Promise<boolean> {
  const keys = [...tally.keys.values()].filter((k) => k.n !== 0);
  let removed = false;
  if (keys.length) {
    const now = await tx.query<{ speaker_id: number; key: string; is_role: number; articles: number }>(
      `INSERT INTO speaker_keys (speaker_id, key, is_role, name, articles)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::smallint[], $4::text[], $5::int[])
       ON CONFLICT (speaker_id, key, is_role) DO UPDATE SET articles = speaker_keys.articles + excluded.articles,
         name = CASE WHEN excluded.articles > 0 THEN excluded.name ELSE speaker_keys.name END
       RETURNING speaker_id, key, is_role, articles`,
      [keys.map((k) => k.speakerId), keys.map((k) => k.key), keys.map((k) => k.isRole), keys.map((k) => k.name), keys.map((k) => k.n)],
    );
    const articles = new Map(now.map((r) => [`${r.speaker_id}\u0000${r.is_role}\u0000${r.key}`, r.articles]));
    const after: KeyAfter[] = keys.map((k) => ({ ...k, articles: articles.get(`${k.speakerId}\u0000${k.isRole}\u0000${k.key}`)! }));
    const gone = after.filter((k) => k.articles <= 0);
    if (gone.length) {
      removed = true;
      await tx.query('DELETE FROM speaker_keys k USING unnest($1::bigint[], $2::text[], $3::smallint[]) u(s, key, r) WHERE k.speaker_id = u.s AND k.key = u.key AND k.is_role = u.r', [
        gone.map((k) => k.speakerId), gone.map((k) => k.key), gone.map((k) => k.isRole),
      ]);
    }
    const kinds = new Map(
      (await tx.query<{ id: number; kind: SpeakerKind }>('SELECT id, kind FROM speakers WHERE id = ANY($1::bigint[])', [[...new Set(keys.map((k) => k.speakerId))]])).map((r) => [r.id, r.kind]),
    );
    const words = [...wordChanges(after, (id) => kinds.get(id)).values()].filter((w) => w.n !== 0);
    await upsertCounts(tx, 'speaker_words', ['word', 'is_role', 'speaker_id'], ['text', 'smallint', 'bigint'], 'keys', words.map((w) => [w.word, w.isRole, w.speakerId, w.n]));
  }
  const countries = [...tally.countries.values()].filter((c) => c.n !== 0);
  await upsertCounts(tx, 'speaker_countries', ['speaker_id', 'country'], ['bigint', 'text'], 'articles', countries.map((c) => [c.speakerId, c.country, c.n]));
  if (tally.speakers.size) {
    const s = [...tally.speakers];
    await tx.query(
      `UPDATE speakers s SET quotes = s.quotes + u.q, quoted_in = s.quoted_in + u.qi, mentions = s.mentions + u.m
       FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[]) u(id, q, qi, m) WHERE s.id = u.id`,
      [s.map(([id]) => id), s.map(([, c]) => c.quotes), s.map(([, c]) => c.quotedIn), s.map(([, c]) => c.mentions)],
    );
  }
  await chooseRoles(tx, [...tally.roleChanged()]);
  if (removed || tally.lostNames()) {
    return (await tx.query('DELETE FROM speakers WHERE mentions <= 0 AND quotes <= 0 RETURNING id')).length > 0;
  }
  return false;
}

/** Writes the batch's changes to how many rows hold each word (fts_terms). */
export async function writeTermCounts(tx: Sql, terms: Map<string, number>): Promise<void> {
  const rows = [...terms].filter(([, n]) => n !== 0).map(([k, n]) => {
    const at = k.indexOf('\u0000');
    return [Number(k.slice(0, at)), k.slice(at + 1), n];
  });
  await upsertCounts(tx, 'fts_terms', ['ix', 'term'], ['smallint', 'text'], 'rows', rows);
}

/** Adds to a count keyed by `key` columns; a count down to zero or below is deleted. */
async function upsertCounts(tx: Sql, table: string, key: string[], types: string[], count: string, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const cols = [...key, count];
  const arrays = cols.map((_, i) => rows.map((r) => r[i]));
  const unnest = [...types, 'int'].map((t, i) => `$${i + 1}::${t}[]`).join(', ');
  const done = await tx.query<Record<string, unknown>>(
    `INSERT INTO ${table} (${cols.join(', ')}) SELECT * FROM unnest(${unnest})
     ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${count} = ${table}.${count} + excluded.${count}
     RETURNING ${cols.join(', ')}`,
    arrays,
  );
  const gone = done.filter((r) => (r[count] as number) <= 0);
  if (gone.length === 0) return;
  const match = key.map((k, i) => `t.${k} = u.k${i}`).join(' AND ');
  await tx.query(`DELETE FROM ${table} t USING unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) u(${key.map((_, i) => `k${i}`).join(', ')}) WHERE ${match}`, key.map((k) => gone.map((r) => r[k])));
}

/** The role shown with each of these speakers' names, chosen again over their most used roles. */
async function chooseRoles(tx: Sql, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx.query<{ id: number; role: string; count: number }>(
    `SELECT u.id, k.name AS role, k.articles AS count FROM unnest($1::bigint[]) WITH ORDINALITY u(id, o)
     CROSS JOIN LATERAL (SELECT name, articles FROM speaker_keys WHERE speaker_id = u.id AND is_role = 1 ORDER BY articles DESC, name LIMIT ${MAX_KEYS}) k
     ORDER BY u.o, k.articles DESC, k.name`,
    [ids],
  );
  const roles = new Map<number, { role: string; count: number }[]>(ids.map((id) => [id, []]));
  for (const r of rows) roles.get(r.id)!.push({ role: r.role, count: r.count });
  await tx.query('UPDATE speakers s SET role = u.role FROM unnest($1::bigint[], $2::text[]) u(id, role) WHERE s.id = u.id', [ids, ids.map((id) => preferredRole(roles.get(id)!))]);
}
