import pg from 'pg';
import type { Config } from '../config.ts';
import { createDb, type Db } from './database.ts';
import { startEmbeddedPostgres } from './embeddedPostgres.ts';

export interface DatabaseHandle {
  url: string;
  db: Db;
  pool: pg.Pool;
  embedded: boolean;
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'dxpulse';

/** Create a database on a server if it is missing (CREATE DATABASE cannot run inside a transaction). */
export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      const ident = (s: string) => '"' + s.replace(/"/g, '""') + '"';
      await client.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ''}`);
    }
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = '/' + name;
  return url.toString();
}

/** DATABASE_URL when given; otherwise the private embedded server in the data directory. */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const { db, pool } = createDb(config.databaseUrl);
    return { url: config.databaseUrl, db, pool, embedded: false, close: () => db.destroy() };
  }
  const server = await startEmbeddedPostgres({ dataDir: config.dataDir, fastUnsafe: config.fastUnsafeDatabase, log });
  try {
    const url = await ensureDatabase(server.url, EMBEDDED_DATABASE);
    const { db, pool } = createDb(url);
    return {
      url,
      db,
      pool,
      embedded: true,
      close: async () => {
        await db.destroy();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
