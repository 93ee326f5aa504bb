/** The private PostgreSQL: initialised once, keeps its data across restarts, and stops with its owner. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../server/db/embeddedPostgres.ts';

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const pidOf = (dataDir: string) => Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('embedded PostgreSQL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxpulse-embedded-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('survives a restart with its data, and stops cleanly', async () => {
    const first = await startEmbeddedPostgres({ dataDir, fastUnsafe: true });
    const [version] = await query<{ server_version_num: string }>(first.url, 'SHOW server_version_num');
    assert.ok(Number(version!.server_version_num) >= 150000, 'PostgreSQL 15 or newer');
    await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('còn nguyên sau khởi động lại')");
    const pid = pidOf(dataDir);
    await first.stop();
    assert.equal(alive(pid), false, 'the server process has exited');
    assert.equal(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), false, 'clean shutdown removes the pid file');

    const second = await startEmbeddedPostgres({ dataDir, fastUnsafe: true });
    try {
      const rows = await query<{ note: string }>(second.url, 'SELECT note FROM kept');
      assert.deepEqual(rows, [{ note: 'còn nguyên sau khởi động lại' }]);
    } finally {
      await second.stop();
    }
  });

  it('reuses a server that is already running on the data directory instead of failing', async () => {
    const owner = await startEmbeddedPostgres({ dataDir, fastUnsafe: true });
    try {
      const guest = await startEmbeddedPostgres({ dataDir });
      assert.equal(new URL(guest.url).port, new URL(owner.url).port);
      await guest.stop(); // not the guest's to stop
      const rows = await query<{ one: number }>(owner.url, 'SELECT 1 AS one');
      assert.deepEqual(rows, [{ one: 1 }]);
    } finally {
      await owner.stop();
    }
  });
});
