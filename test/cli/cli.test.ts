/** The `dxpulse` command against a real database: migrate, seed-units, and a clear error for a bad command. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/dxpulse.js');

describe('dxpulse CLI', () => {
  let database: TestDatabase;
  const dxpulse = (...args: string[]) => run(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: database.url } });

  before(async () => {
    database = await freshDatabase();
  });
  after(() => database.drop());

  it('migrate reports an up-to-date schema', async () => {
    const { stdout } = await dxpulse('migrate');
    assert.match(stdout, /Cơ sở dữ liệu đã ở phiên bản mới nhất/);
  });

  it('seed-units --province all loads the whole country and skips what is there', async () => {
    const { stdout } = await dxpulse('seed-units', '--province', 'all');
    assert.match(stdout, /Đã nạp 33 tỉnh\/thành phố/);
    assert.match(stdout, /Bỏ qua \(đã có\): Thành phố Hải Phòng/);
    const counts = await sql<{ kind: string; n: number }>`
      SELECT kind, count(*)::int AS n FROM org_units
      WHERE closed_on IS NULL AND kind IN ('province','commune','ward','special_zone') GROUP BY kind ORDER BY kind`.execute(database.db);
    assert.deepEqual(
      Object.fromEntries(counts.rows.map((r) => [r.kind, r.n])),
      { commune: 2621, province: 34, special_zone: 13, ward: 687 },
    );
    const again = await dxpulse('seed-units', '--province', 'all');
    assert.match(again.stdout, /Đã nạp 0 tỉnh\/thành phố/);
    const hanoi = await database.db.selectFrom('org_units').select(['name', 'parent_id']).where('code', '=', '00004').where('closed_on', 'is', null).executeTakeFirstOrThrow();
    assert.equal(hanoi.name, 'Phường Ba Đình');
  });

  it('answers an unknown command with the usage and exit code 2', async () => {
    await assert.rejects(dxpulse('lam-gi-do'), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr, /Lệnh không hợp lệ: lam-gi-do/);
      return true;
    });
  });
});
