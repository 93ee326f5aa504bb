import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { buildApp } from './http/app.ts';
import type { App } from './http/types.ts';
import { ensureAdmin } from './seed/bootstrap.ts';
import { isEmpty, seedDemo } from './seed/demo.ts';
import { purgeExpiredSessions } from './store/sessions.ts';
import { startRollupWorker } from './jobs/rollupWorker.ts';
import { startJobQueue, type JobQueue } from './jobs/queue.ts';
import { createMailer } from './mail/mailer.ts';

export const WEB_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'app', 'dist');

/** Open the database, bring the schema up to date, and make sure there is someone who can sign in. */
export async function prepareDatabase(config: Config, log: (line: string) => void): Promise<DatabaseHandle> {
  const handle = await openDatabase(config, log);
  try {
    const { applied } = await migrate(handle.pool);
    if (applied.length) log(`Đã áp dụng migration: ${applied.join(', ')}`);
    if (config.loadDemo && (await isEmpty(handle.db))) await seedDemo(handle.db, log);
    const admin = await ensureAdmin(handle.db, config.adminPassword);
    if (admin.generatedPassword) {
      log('──────────────────────────────────────────────────────────────');
      log(`Tài khoản quản trị: admin / ${admin.generatedPassword}`);
      log('Mật khẩu này chỉ hiển thị một lần. Hãy đổi sau khi đăng nhập.');
      log('──────────────────────────────────────────────────────────────');
    }
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export async function serve(config: Config): Promise<{ app: App; stop: () => Promise<void> }> {
  const log = (line: string) => console.log(line);
  const handle = await prepareDatabase(config, log);
  const app = await buildApp(
    { db: handle.db, config, webRoot: WEB_ROOT },
    { logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } },
  );
  const rollups = await startRollupWorker(handle.db, handle.pool, { onError: (error) => app.log.error({ err: error }, 'rollup worker') });
  await app.listen({ port: config.port, host: config.host });
  log(`DX Pulse đang chạy tại http://localhost:${config.port} (API: /api/docs)`);
  // The job queue (daily reminders) starts after the server listens, so it never delays start-up;
  // reminders are not worth refusing to serve for, so a failure is logged, not fatal.
  const mailer = createMailer(config);
  let jobs: JobQueue | undefined;
  if (config.jobs) {
    try {
      jobs = await startJobQueue({ connectionString: handle.url, db: handle.db, mailer, publicUrl: config.publicUrl, runAtStart: true, log: app.log });
    } catch (error) {
      app.log.error({ err: error }, 'job queue did not start; reminders are off');
    }
  }
  const purge = setInterval(() => void purgeExpiredSessions(handle.db).catch(() => {}), 3600_000);
  purge.unref();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(purge);
      await app.close();
      await jobs?.stop();
      mailer?.close();
      await rollups.stop();
      await handle.close();
    })());
  return { app, stop };
}
