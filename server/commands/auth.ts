/**
 * Sign-in with lockout: five wrong passwords in a row lock the account for 15 minutes; thirty failures
 * from one address in 15 minutes stop that address. Both answer 429 with Retry-After, and both are audited.
 */
import { hash, verify } from '@node-rs/argon2';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import { appendAudit } from '../store/audit.ts';
import { createSession, deleteSession } from '../store/sessions.ts';
import { findUserByUsername } from '../store/users.ts';

export const LOCKOUT = { maxFailures: 5, minutes: 15, maxFailuresPerIp: 30 } as const;
const DUMMY_HASH = await hash('dxpulse-timing-equaliser');

export const hashPassword = (password: string) => hash(password);

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  sessionTtlHours: number;
}

const tooMany = (key: 'accountLocked' | 'tooManyAttempts', minutes: number) =>
  new ProblemError(429, key, { minutes }, undefined, { 'Retry-After': String(minutes * 60) });

export async function login(db: Db, input: LoginInput) {
  const since = new Date(Date.now() - LOCKOUT.minutes * 60_000);
  const ipFailures = await db
    .selectFrom('login_attempts')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('ip', '=', input.ip)
    .where('success', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (ipFailures.n >= LOCKOUT.maxFailuresPerIp) throw tooMany('tooManyAttempts', LOCKOUT.minutes);

  const user = await findUserByUsername(db, input.username);
  const passwordOk = await verify(user?.password_hash ?? DUMMY_HASH, input.password).catch(() => false);
  const record = (success: boolean) =>
    db.insertInto('login_attempts').values({ username: input.username.slice(0, 100), ip: input.ip, success }).execute();
  const auditLogin = (action: string, after?: unknown) =>
    appendAudit(db, {
      actorUserId: user?.id ?? null,
      actorUsername: user?.username ?? input.username.slice(0, 100),
      action,
      entityType: 'session',
      entityId: user?.id ?? null,
      after,
      ip: input.ip,
      requestId: input.requestId,
    });

  if (user?.locked_until && user.locked_until.getTime() > Date.now()) {
    await record(false);
    const minutes = Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000);
    throw tooMany('accountLocked', minutes);
  }
  if (!user || !passwordOk) {
    await record(false);
    if (user) {
      const failed = user.failed_logins + 1;
      const lock = failed >= LOCKOUT.maxFailures;
      await db
        .updateTable('users')
        .set({ failed_logins: lock ? 0 : failed, locked_until: lock ? new Date(Date.now() + LOCKOUT.minutes * 60_000) : null })
        .where('id', '=', user.id)
        .execute();
      await auditLogin(lock ? 'auth.locked' : 'auth.login_failed', { failedLogins: failed });
      if (lock) throw tooMany('accountLocked', LOCKOUT.minutes);
    }
    throw new ProblemError(401, 'badCredentials');
  }
  if (!user.is_active) {
    await record(false);
    throw new ProblemError(403, 'accountDisabled');
  }
  await record(true);
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: new Date() }).where('id', '=', user.id).execute();
  const session = await createSession(db, { userId: user.id, ttlHours: input.sessionTtlHours, ip: input.ip, userAgent: input.userAgent });
  await auditLogin('auth.login');
  return { userId: user.id, ...session };
}

export async function logout(db: Db, token: string): Promise<void> {
  await deleteSession(db, token);
}
