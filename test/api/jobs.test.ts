/**
 * The pg-boss queue in the application's database: the daily reminder job is scheduled at 07:00
 * Vietnam time, a triggered run goes through a real worker and creates the notifications, and
 * stopping leaves no connection of pg-boss behind.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { JOB_SCHEMA, REMINDER_CRON, REMINDER_QUEUE, REMINDER_TZ, type JobQueue } from '../../server/jobs/queue.ts';
import { startTestApi, type TestApi } from '../helpers/api.ts';
import type { TestDatabase } from '../helpers/db.ts';
import { DUONG_KINH, addPlan, addTask, clearTasks, notificationKeys, unitByCode } from '../helpers/taskFixtures.ts';

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('job queue (pg-boss)', () => {
  let api: TestApi;
  let database: TestDatabase;
  let queue: JobQueue | undefined;
  let taskId: number;

  before(async () => {
    api = await startTestApi({ jobs: true });
    database = api.database;
    queue = api.jobs;
    await clearTasks(database.db);
    const dk = await unitByCode(database.db, DUONG_KINH);
    taskId = await addTask(database.db, { planId: await addPlan(database.db), title: 'Kết nối dữ liệu dân cư', leadUnitId: dk.id, dueDate: '2025-10-21' });
  });

  after(async () => api?.close());

  it('schedules the daily reminder run at 07:00 Vietnam time, in its own schema', async () => {
    const schedules = await queue!.boss.getSchedules();
    const reminder = schedules.find((s) => s.name === REMINDER_QUEUE) as unknown as { cron: string; timezone: string } | undefined;
    assert.ok(reminder, JSON.stringify(schedules));
    assert.equal(reminder.cron, REMINDER_CRON);
    assert.equal(reminder.cron, '0 7 * * *');
    assert.equal(reminder.timezone, REMINDER_TZ);
    const schema = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = ${JOB_SCHEMA}`.execute(database.db);
    assert.equal(schema.rows[0]!.n, 1);
  });

  it('runs the reminders when triggered, through the worker', async () => {
    const id = await queue!.triggerReminders({ today: '2025-10-20' });
    const job = await until('the reminder job', async () => {
      const j = await queue!.boss.getJobById<unknown>(REMINDER_QUEUE, id);
      return j && (j.state === 'completed' || j.state === 'failed') ? j : undefined;
    });
    assert.equal(job.state, 'completed', JSON.stringify(job.output));
    // The ward's reporter per task; the city coordinator above it by the day's digest.
    const expected = [`baocao ${taskId} task.due_tomorrow`, 'dieuphoi null task.due_tomorrow.digest'];
    assert.deepEqual(await notificationKeys(database.db), expected);
    // A second trigger is harmless.
    const again = await queue!.triggerReminders({ today: '2025-10-20' });
    await until('the second job', async () => ((await queue!.boss.getJobById(REMINDER_QUEUE, again))?.state === 'completed' ? true : undefined));
    assert.deepEqual(await notificationKeys(database.db), expected);
  });

  it('stops cleanly, closing its connections', async () => {
    await queue!.stop();
    const left = await until('pg-boss connections to close', async () => {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'dxpulse-jobs'`.execute(database.db);
      return r.rows[0]!.n === 0 ? 0 : undefined;
    });
    assert.equal(left, 0);
  });
});
