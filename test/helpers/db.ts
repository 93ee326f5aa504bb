import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { ensureDatabase } from '../../server/db/connect.ts';
import { createDb, type Db } from '../../server/db/database.ts';
import { TEMPLATE_DB } from './constants.ts';

export interface TestDatabase {
  url: string;
  db: Db;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/** A private copy of the seeded template (the demo: Hải Phòng, agencies, demo accounts, admin). */
export async function freshDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DXPULSE_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('Run the tests through `npm test` (it starts PostgreSQL and sets DXPULSE_TEST_SERVER_URL).');
  const name = `dxpulse_t_${randomBytes(5).toString('hex')}`;
  const url = await ensureDatabase(serverUrl, name, TEMPLATE_DB);
  const { db, pool } = createDb(url, 5);
  return {
    url,
    db,
    pool,
    drop: async () => {
      // pool.end() resolves before its clients have closed; the forced drop below may terminate one
      // of them, whose error would otherwise surface as an uncaught exception in a later test.
      pool.on('error', () => {});
      await db.destroy();
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Remove the demo's indicators, plans, targets, values and rollups, its report forms, unit groups and
 * submissions (and whatever hangs off them), for tests of the catalogue itself that start from an
 * empty one. Units, agencies and accounts stay.
 */
export async function clearCatalogue(db: Db): Promise<void> {
  await sql`TRUNCATE submission_events, submission_values, submissions, report_forms, org_unit_groups,
    data_values, data_value_history, rollups, rollup_dirty, targets, plans, indicators RESTART IDENTITY CASCADE`.execute(db);
}
