import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { hashPassword } from '../commands/auth.ts';
import { findUserByUsername } from '../store/users.ts';
import { appendAudit } from '../store/audit.ts';

export const ADMIN_USERNAME = 'admin';

/**
 * First start: create `admin` with DXPULSE_ADMIN_PASSWORD, or a generated password that is returned
 * (and printed once by the caller). Later starts leave the account alone.
 */
export async function ensureAdmin(db: Db, password: string | undefined): Promise<{ created: boolean; generatedPassword?: string }> {
  if (await findUserByUsername(db, ADMIN_USERNAME)) {
    await grantAdminOnRoots(db);
    return { created: false };
  }
  const generated = password ? undefined : randomBytes(12).toString('base64url');
  const user = await db
    .insertInto('users')
    .values({ username: ADMIN_USERNAME, full_name: 'Quản trị hệ thống', password_hash: await hashPassword(password ?? generated!) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(db, { actorUserId: null, actorUsername: 'system', action: 'user.create', entityType: 'user', entityId: user.id, after: { username: ADMIN_USERNAME } });
  await grantAdminOnRoots(db);
  return { created: true, generatedPassword: generated };
}

/** The bootstrap admin administers every root of the tree (one per province loaded). */
export async function grantAdminOnRoots(db: Db): Promise<void> {
  const admin = await findUserByUsername(db, ADMIN_USERNAME);
  if (!admin) return;
  const roots = await db.selectFrom('org_units').select('id').where('parent_id', 'is', null).where('closed_on', 'is', null).execute();
  if (roots.length === 0) return;
  await db
    .insertInto('memberships')
    .values(roots.map((r) => ({ user_id: admin.id, org_unit_id: r.id, role: 'admin' as const })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
