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
  /** smtp://user:pass@host:port (smtps:// for implicit TLS); no e-mail is sent without it. */
  smtpUrl: string | undefined;
  /** The From header of e-mails. */
  mailFrom: string;
  /** The address people open the app at, for links in e-mails. */
  publicUrl: string;
  /** Run the pg-boss job queue (daily reminders) in `serve`; `DXPULSE_JOBS=0` turns it off. */
  jobs: boolean;
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
    smtpUrl: env.DXPULSE_SMTP_URL || undefined,
    mailFrom: env.DXPULSE_MAIL_FROM || 'DX Pulse <no-reply@dxpulse.local>',
    publicUrl: (env.DXPULSE_PUBLIC_URL || `http://localhost:${Number(env.PORT || 8080)}`).replace(/\/+$/, ''),
    jobs: env.DXPULSE_JOBS !== '0',
  };
}
