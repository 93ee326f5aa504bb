/**
 * Background jobs on pg-boss, in the application's own database (schema `pgboss`), so the job queue
 * is backed up with everything else (design.md). `dxpulse serve` starts it; tests start it only
 * when they test it (test/api/jobs.test.ts), so the other tests do not pay for it.
 *
 * Jobs:
 * - `task-reminders` — runs commands/reminders.ts runReminders every day at 07:00 Vietnam time, and
 *   once at start-up (catching up a morning the server was down; the run is idempotent). The queue
 *   is "singleton": never two runs at once, even with several servers on one database.
 *
 * pg-boss 10 is used because it is the last major supporting Node 20, the floor of this project.
 */
import PgBoss from 'pg-boss';
import { runReminders, type ReminderRunResult } from '../commands/reminders.ts';
import type { Db } from '../db/database.ts';
import type { Mailer } from '../mail/mailer.ts';

export const JOB_SCHEMA = 'pgboss';
export const REMINDER_QUEUE = 'task-reminders';
/** Every day at 07:00 in Vietnam (UTC+7 all year). */
export const REMINDER_CRON = '0 7 * * *';
export const REMINDER_TZ = 'Asia/Ho_Chi_Minh';

export interface ReminderJobData {
  /** Run for this Vietnamese date instead of today (tests, re-running a day by hand). */
  today?: string;
}

export interface JobQueueOptions {
  connectionString: string;
  db: Db;
  mailer?: Mailer;
  publicUrl: string;
  /** Enqueue one reminder run at start-up (serve: yes; tests: as they need). */
  runAtStart?: boolean;
  /** How often workers poll for jobs (pg-boss minimum 0.5 s). */
  pollingIntervalSeconds?: number;
  log?: { info(detail: object, message: string): void; error(detail: object, message: string): void };
}

export interface JobQueue {
  boss: PgBoss;
  /** Enqueue a reminder run now; resolves to the job id. */
  triggerReminders(data?: ReminderJobData): Promise<string>;
  stop(): Promise<void>;
}

export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString: options.connectionString, schema: JOB_SCHEMA, max: 3, application_name: 'dxpulse-jobs' });
  boss.on('error', (error) => options.log?.error({ err: error }, 'job queue'));
  await boss.start();
  try {
    await boss.createQueue(REMINDER_QUEUE, { name: REMINDER_QUEUE, policy: 'singleton', retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 });
    await boss.schedule(REMINDER_QUEUE, REMINDER_CRON, {}, { tz: REMINDER_TZ });
    await boss.work<ReminderJobData>(REMINDER_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 }, async (jobs) => {
      const results: ReminderRunResult[] = [];
      for (const job of jobs) {
        const result = await runReminders(options.db, {
          today: job.data?.today,
          mailer: options.mailer,
          publicUrl: options.publicUrl,
          log: (message, detail) => options.log?.error({ ...detail }, message),
        });
        options.log?.info({ job: REMINDER_QUEUE, ...result }, 'reminders');
        results.push(result);
      }
      return results;
    });
    if (options.runAtStart) await boss.send(REMINDER_QUEUE, {});
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }

  return {
    boss,
    async triggerReminders(data = {}) {
      const id = await boss.send(REMINDER_QUEUE, data);
      if (!id) throw new Error(`${REMINDER_QUEUE}: a run is already queued`);
      return id;
    },
    // Let a running job finish (up to 20 s), then close pg-boss's own connections.
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}
