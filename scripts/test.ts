/**
 * `npm test`: one PostgreSQL for the whole run (DATABASE_URL, or a throw-away embedded one), a
 * template database migrated and seeded once, and every test file cloning it into its own database.
 * Browser tests need the built web app, so it is built first when missing or stale.
 */
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../server/db/embeddedPostgres.ts';
import { ensureDatabase } from '../server/db/connect.ts';
import { createDb } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedDemo } from '../server/seed/demo.ts';
import { ensureAdmin } from '../server/seed/bootstrap.ts';
import { TEST_ADMIN_PASSWORD, TEMPLATE_DB } from '../test/helpers/constants.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function findTests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

async function main() {
  const only = process.argv.slice(2);
  const build = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'ensureWebBuild.ts')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  let embedded: EmbeddedPostgres | undefined;
  let serverUrl = process.env.DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxpulse-test-'));
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir, fastUnsafe: true });
    serverUrl = embedded.url;
  }
  try {
    // A fresh template each run: drop the one a previous run may have left on an external server.
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.end();
    const templateUrl = await ensureDatabase(serverUrl, TEMPLATE_DB);
    const { db, pool } = createDb(templateUrl, 2);
    await migrate(pool);
    await seedDemo(db, () => {});
    await ensureAdmin(db, TEST_ADMIN_PASSWORD);
    await db.destroy();

    const files = (only.length ? only : findTests(path.join(root, 'test'))).sort();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
      { cwd: root, stdio: 'inherit', env: { ...process.env, DXPULSE_TEST_SERVER_URL: serverUrl, NODE_ENV: 'test' } },
    );
    const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
    process.exitCode = code;
  } finally {
    await embedded?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
