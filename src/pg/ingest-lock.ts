// Who may write articles to a PostgreSQL index: one holder per database (per schema) across processes and hosts.
// On a server, a session-level advisory lock held on a connection of its own: when the holder's process dies, its
// connection closes and the lock goes with it, without anyone having to judge whether a process is alive. The holder
// is also recorded in meta ('ingest_lock', as the SQLite store records it) so that others can say who has it.
// PGlite has a single connection, shared by everyone in the process, and no other process can open its files:
// there the lock is kept in memory, per Sql.
import type { IngestHolder } from '../store/store.ts';
import type { Sql } from './client.ts';
import { LOCK_CLASS } from './index-schema.ts';

const pgliteHolders = new WeakMap<Sql, IngestHolder>();
/** How long to wait for a holder that has the lock to record itself (it does so right after taking it). */
const RECORD_WAIT_MS = 1000;

const who = (h: IngestHolder): IngestHolder => ({ id: h.id, pid: h.pid, host: h.host });

export class IngestLock {
  private holder: IngestHolder | null = null;
  private session: (Sql & { release(): Promise<void> }) | null = null;

  constructor(private readonly sql: Sql) {}

  /** Takes the lock for `holder` (null), renews it when `holder` has it, or says who has it. */
  async claim(holder: IngestHolder): Promise<IngestHolder | null> {
    if (this.holder && this.holder.id !== holder.id) return who(this.holder);
    if (this.holder && !(await this.sessionAlive())) await this.drop(); // the server closed the session: the lock went with it
    if (!this.holder) {
      const other = await this.take(holder);
      if (other) return other;
    }
    this.holder = holder;
    await this.sql.query("INSERT INTO meta (key, value) VALUES ('ingest_lock', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [
      JSON.stringify({ ...who(holder), at: Date.now() }),
    ]);
    return null;
  }

  /** Gives the lock up, if `holder` has it. */
  async release(holder: IngestHolder): Promise<void> {
    if (this.holder?.id !== holder.id) return;
    // Unlocked first: a record gone while the lock is still held would leave a contender no one to name. Only this
    // holder's record is deleted; the next holder's, written meanwhile, stays.
    await this.drop();
    await this.sql.query("DELETE FROM meta WHERE key = 'ingest_lock' AND value::json->>'id' = $1", [holder.id]);
  }

  /** Lets go of the lock and the connection holding it (on close, too). */
  async drop(): Promise<void> {
    const holder = this.holder;
    this.holder = null;
    if (this.sql.engine === 'pglite') {
      if (holder && pgliteHolders.get(this.sql)?.id === holder.id) pgliteHolders.delete(this.sql);
      return;
    }
    const session = this.session;
    this.session = null;
    if (!session) return;
    await session.query('SELECT pg_advisory_unlock($1, hashtext(current_schema()))', [LOCK_CLASS.ingest]).catch(() => undefined);
    await session.release();
  }

  /** Takes the lock, or returns who has it. */
  private async take(holder: IngestHolder): Promise<IngestHolder | null> {
    if (this.sql.engine === 'pglite') {
      const other = pgliteHolders.get(this.sql);
      if (other && other.id !== holder.id) return who(other);
      pgliteHolders.set(this.sql, holder);
      return null;
    }
    const session = await this.sql.reserve();
    try {
      const [row] = await session.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, hashtext(current_schema())) AS got', [LOCK_CLASS.ingest]);
      if (row!.got) {
        this.session = session;
        return null;
      }
    } catch (err) {
      await session.release();
      throw err;
    }
    await session.release();
    return this.recorded();
  }

  /** Whether the connection holding the lock still answers (a session's advisory lock lasts as long as it does). */
  private async sessionAlive(): Promise<boolean> {
    if (!this.session) return true;
    try {
      await this.session.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** The holder recorded in meta, waiting briefly for one that has just taken the lock to record itself. */
  private async recorded(): Promise<IngestHolder> {
    for (const until = Date.now() + RECORD_WAIT_MS; ; ) {
      const raw = (await this.sql.query<{ value: string }>("SELECT value FROM meta WHERE key = 'ingest_lock'"))[0]?.value;
      if (raw) return who(JSON.parse(raw) as IngestHolder);
      if (Date.now() > until) return { id: 'unknown', pid: 0, host: 'unknown' };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
