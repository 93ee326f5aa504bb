import { sql } from 'kysely';
import type client from 'prom-client';
import { listMigrations } from '../db/migrate.ts';
import type { App, AppDeps } from '../http/types.ts';

export const healthRoutes = (deps: AppDeps, metrics: client.Registry) => async (app: App) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  /** Ready when the database answers and every migration in the code base has been applied. */
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      const rows = await sql<{ version: string }>`SELECT version FROM schema_migrations`.execute(deps.db);
      const applied = new Set(rows.rows.map((r) => r.version));
      const pending = listMigrations().filter((m) => !applied.has(m.version)).map((m) => m.version);
      if (pending.length) return reply.status(503).send({ status: 'migrations pending', pending });
      return { status: 'ready' };
    } catch (error) {
      return reply.status(503).send({ status: 'database unavailable', error: (error as Error).message });
    }
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.contentType);
    return metrics.metrics();
  });
};
