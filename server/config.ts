import path from 'node:path';

/** Everything the process reads from its environment, read once, in one place. */
export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  adminPassword: string | undefined;
  loadDemo: boolean;
  logLevel: string;
  secureCookies: boolean;
  sessionTtlHours: number;
  /** Trade durability for speed: only for tests and throw-away databases. */
  fastUnsafeDatabase: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DXPULSE_DATA_DIR || '.data'),
    port: Number(env.PORT || 8080),
    host: env.HOST || '0.0.0.0',
    adminPassword: env.DXPULSE_ADMIN_PASSWORD || undefined,
    loadDemo: env.DXPULSE_DEMO !== '0',
    logLevel: env.LOG_LEVEL || 'info',
    secureCookies: env.DXPULSE_SECURE_COOKIES === '1',
    sessionTtlHours: Number(env.DXPULSE_SESSION_TTL_HOURS || 12),
    fastUnsafeDatabase: env.DXPULSE_PG_FAST === '1',
  };
}
