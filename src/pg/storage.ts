// The Storage on PostgreSQL: the index, the state and the LLM cache in one database that several replicas share.
// Nothing here is a file that can be damaged, copied or checked: the server keeps its own data sound.
import type { Storage } from '../storage.ts';
import { explainPgFault, StartError } from '../faults.ts';
import { connectPg, type Sql } from './client.ts';
import { migratePgState } from './migrations.ts';
import { PgState } from './state.ts';
import { PgCache } from './cache.ts';
import { PgStore } from './store.ts';

/**
 * Connects to `url` (postgres://…, postgresql://… or pglite:[folder]), brings the state tables up to date and opens
 * the index. A fault (no server, unknown host, refused login, no such database, no answer) is a StartError naming
 * the server, never the password, and what to do.
 */
export async function openPgStorage(url: string): Promise<Storage> {
  let sql: Sql | null = null;
  try {
    sql = await connectPg(url);
    await migratePgState(sql);
    const store = await PgStore.open(sql);
    const opened = sql;
    return {
      store,
      state: new PgState(opened),
      cache: new PgCache(opened),
      repaired: null,
      workingCopy: null,
      unclean: false,
      check: async () => null,
      close: async () => {
        try {
          await store.close();
        } finally {
          await opened.close();
        }
      },
    };
  } catch (err) {
    await sql?.close().catch(() => undefined);
    throw new StartError(explainPgFault(err, url));
  }
}
