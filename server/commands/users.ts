/**
 * People and their grants. An admin manages the users whose every membership lies inside the admin's
 * subtree, and grants roles only on units in that subtree: a commune's admin can neither reset the
 * password of a city leader nor hand out a role above the commune.
 */
import { sql } from 'kysely';
import type { Role } from '../../domain/roles.ts';
import type { Db, Tx } from '../db/database.ts';
import { conflict, forbidden, notFound, unprocessable, badRequest } from '../http/problem.ts';
import { auditUser, presentUser } from '../presenters/users.ts';
import { deleteSessionsOfUser } from '../store/sessions.ts';
import { findUser, findUserByUsername, listUsers as listUserRows, membershipsOf } from '../store/users.ts';
import { decodeCursor, encodeCursor, isCursorString } from '../presenters/cursor.ts';
import { hashPassword } from './auth.ts';
import { audit, type CommandContext } from './context.ts';

export const MIN_PASSWORD_LENGTH = 10;

/** A user with memberships, as the API shows it (no scope check: callers decide who may see it). */
export async function userProfile(q: Db | Tx, id: number) {
  const user = await findUser(q, id);
  if (!user) throw notFound('user.notFound', { id });
  const memberships = (await membershipsOf(q, [id])).get(id) ?? [];
  return presentUser(user, memberships);
}

/** Whether every membership of the user lies in the actor's admin scope (top admins manage everyone). */
async function assertManages(ctx: CommandContext, q: Db | Tx, userId: number): Promise<void> {
  if (ctx.access.signedIn.topAdmin) return;
  const roots = ctx.access.scopeRoots('user.write');
  const outside = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM memberships m
    WHERE m.user_id = ${userId}::bigint AND NOT EXISTS (
      SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = m.org_unit_id AND s.ancestor_id IN (${sql.join(roots.length ? roots : [0])}))
  `.execute(q);
  const inside = await q.selectFrom('memberships').select('id').where('user_id', '=', userId).executeTakeFirst();
  if ((outside.rows[0]?.n ?? 0) > 0 || !inside) throw forbidden();
}

export async function listUsers(ctx: CommandContext, input: { q?: string; limit?: number; cursor?: string }) {
  const limit = Math.min(input.limit ?? 50, 200);
  const after = decodeCursor(input.cursor, isCursorString);
  const rows = await listUserRows(ctx.db, {
    text: input.q?.trim() || undefined,
    scopeRoots: ctx.access.signedIn.topAdmin ? null : ctx.access.scopeRoots('user.read'),
    afterUsername: after,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const memberships = await membershipsOf(ctx.db, page.map((u) => u.id));
  return {
    items: page.map((u) => presentUser(u, memberships.get(u.id) ?? [])),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.username) : null,
  };
}

export async function getUser(ctx: CommandContext, id: number) {
  const view = await userProfile(ctx.db, id);
  if (!ctx.access.signedIn.topAdmin) {
    const roots = ctx.access.scopeRoots('user.read');
    const visible = await sql<{ ok: boolean }>`SELECT EXISTS (SELECT 1 FROM memberships m JOIN org_unit_closure s ON s.descendant_id = m.org_unit_id
      WHERE m.user_id = ${id}::bigint AND s.ancestor_id IN (${sql.join(roots.length ? roots : [0])})) AS ok`.execute(ctx.db);
    if (!visible.rows[0]?.ok) throw notFound('user.notFound', { id });
  }
  return view;
}

export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string | null;
  password: string;
  locale?: 'vi' | 'en';
  memberships?: { orgUnitId: number; role: Role }[];
}

function checkPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) throw badRequest('user.weakPassword');
}

export async function createUser(ctx: CommandContext, input: CreateUserInput) {
  checkPassword(input.password);
  const memberships = input.memberships ?? [];
  if (memberships.length === 0 && !ctx.access.signedIn.topAdmin) throw forbidden();
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction().execute(async (tx) => {
    for (const m of memberships) await ctx.access.requireUnit(tx, 'user.write', m.orgUnitId);
    if (await findUserByUsername(tx, input.username)) throw conflict('user.usernameTaken', { username: input.username });
    const user = await tx
      .insertInto('users')
      .values({
        username: input.username.trim(),
        full_name: input.fullName.trim(),
        email: input.email?.trim() || null,
        password_hash: passwordHash,
        locale: input.locale ?? 'vi',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const m of memberships) {
      await tx.insertInto('memberships').values({ user_id: user.id, org_unit_id: m.orgUnitId, role: m.role }).onConflict((oc) => oc.doNothing()).execute();
    }
    await audit(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      orgUnitId: memberships[0]?.orgUnitId ?? null,
      after: { ...auditUser(user), memberships },
    });
    return user.id;
  });
  return userProfile(ctx.db, id);
}

export interface UpdateUserInput {
  fullName?: string;
  email?: string | null;
  isActive?: boolean;
  password?: string;
  locale?: 'vi' | 'en';
}

export async function updateUser(ctx: CommandContext, id: number, input: UpdateUserInput) {
  if (input.password !== undefined) checkPassword(input.password);
  if (input.isActive === false && id === ctx.access.signedIn.userId) throw unprocessable('user.selfDisable');
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  await ctx.db.transaction().execute(async (tx) => {
    const before = await findUser(tx, id);
    if (!before) throw notFound('user.notFound', { id });
    await assertManages(ctx, tx, id);
    const after = await tx
      .updateTable('users')
      .set({
        ...(input.fullName !== undefined ? { full_name: input.fullName.trim() } : {}),
        ...(input.email !== undefined ? { email: input.email?.trim() || null } : {}),
        ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        ...(passwordHash ? { password_hash: passwordHash, failed_logins: 0, locked_until: null } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, ctx, {
      action: passwordHash ? 'user.password_reset' : 'user.update',
      entityType: 'user',
      entityId: id,
      before: auditUser(before),
      after: { ...auditUser(after), ...(passwordHash ? { passwordChanged: true } : {}) },
    });
  });
  // A disabled account or a reset password ends the sessions that were open with the old state.
  if (input.isActive === false || (passwordHash && id !== ctx.access.signedIn.userId)) await deleteSessionsOfUser(ctx.db, id);
  return userProfile(ctx.db, id);
}

export async function addMembership(ctx: CommandContext, userId: number, input: { orgUnitId: number; role: Role }) {
  return ctx.db.transaction().execute(async (tx) => {
    if (!(await findUser(tx, userId))) throw notFound('user.notFound', { id: userId });
    // Only users the admin can already see may receive a role, so nobody outside is pulled into scope.
    await getUser({ ...ctx, db: tx }, userId);
    await ctx.access.requireUnit(tx, 'user.write', input.orgUnitId);
    const row = await tx
      .insertInto('memberships')
      .values({ user_id: userId, org_unit_id: input.orgUnitId, role: input.role })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw conflict('membership.exists');
    await audit(tx, ctx, { action: 'membership.grant', entityType: 'user', entityId: userId, orgUnitId: input.orgUnitId, after: input });
    const views = (await membershipsOf(tx, [userId])).get(userId) ?? [];
    return views.find((m) => m.id === row.id)!;
  });
}

export async function removeMembership(ctx: CommandContext, userId: number, membershipId: number) {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('memberships').selectAll().where('id', '=', membershipId).where('user_id', '=', userId).executeTakeFirst();
    if (!row) throw notFound('membership.notFound', { id: membershipId });
    await ctx.access.requireUnit(tx, 'user.write', row.org_unit_id);
    await tx.deleteFrom('memberships').where('id', '=', membershipId).execute();
    await audit(tx, ctx, {
      action: 'membership.revoke',
      entityType: 'user',
      entityId: userId,
      orgUnitId: row.org_unit_id,
      before: { orgUnitId: row.org_unit_id, role: row.role },
    });
  });
}
