import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../server/config.ts';
import { buildApp } from '../../server/http/app.ts';
import { startRollupWorker, type RollupWorker } from '../../server/jobs/rollupWorker.ts';
import { startJobQueue, type JobQueue } from '../../server/jobs/queue.ts';
import type { App } from '../../server/http/types.ts';
import { clearCatalogue, freshDatabase, type TestDatabase } from './db.ts';

export interface Session {
  cookie: string;
  csrfToken: string;
  user: { id: number; username: string; memberships: { orgUnitId: number; role: string }[] };
}

export interface TestApi {
  app: App;
  database: TestDatabase;
  login(username: string, password: string): Promise<Session>;
  /** Inject a request, optionally as a signed-in session (cookie + CSRF header on writes). */
  call(method: InjectOptions['method'], url: string, options?: { as?: Session; body?: unknown; headers?: Record<string, string>; raw?: string }): Promise<LightMyRequestResponse>;
  /** The pg-boss queue with its workers, when started with `jobs: true` (off by default: it costs a second). */
  jobs: JobQueue | undefined;
  /** Resolves when the rollup worker has processed every value committed so far (needs `rollups: true`). */
  rollupsIdle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A server on a private copy of the seeded template (the whole demo). `catalogue: 'empty'` drops the
 * demo's indicators, plans, targets and values first, for tests that count what they create.
 */
export async function startTestApi(options: { rollups?: boolean; jobs?: boolean; catalogue?: 'demo' | 'empty' } = {}): Promise<TestApi> {
  const database = await freshDatabase();
  if (options.catalogue === 'empty') await clearCatalogue(database.db);
  const worker: RollupWorker | undefined = options.rollups ? await startRollupWorker(database.db, database.pool, { pollMs: 200 }) : undefined;
  const jobs = options.jobs
    ? await startJobQueue({ connectionString: database.url, db: database.db, publicUrl: 'http://localhost', pollingIntervalSeconds: 0.5 })
    : undefined;
  const config = { ...loadConfig({}), sessionTtlHours: 1 };
  const app = await buildApp({ db: database.db, config });
  await app.ready();
  const call: TestApi['call'] = (method, url, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.as) {
      headers.cookie = options.as.cookie;
      if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] ??= options.as.csrfToken;
    }
    let payload: string | undefined;
    if (options.raw !== undefined) payload = options.raw;
    else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    return app.inject({ method, url, headers, payload });
  };
  return {
    app,
    database,
    jobs,
    call,
    async login(username, password) {
      const res = await call('POST', '/api/v1/auth/login', { body: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const body = res.json();
      return { cookie, csrfToken: body.csrfToken, user: body.user };
    },
    async rollupsIdle() {
      if (!worker) throw new Error('startTestApi({ rollups: true }) starts the rollup worker');
      await worker.idle();
    },
    async close() {
      await jobs?.stop();
      await worker?.stop();
      await app.close();
      await database.drop();
    },
  };
}
