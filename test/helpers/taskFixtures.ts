/**
 * Tasks and people for the reminder tests, written straight into the tables (the tasks API is
 * another module's): a plan, tasks led by Phường Dương Kinh and by another ward, and accounts
 * around them. The tasks of the demo are removed first, so counts are those of the fixtures.
 */
import { sql } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import type { TaskState } from '../../server/store/schema.ts';

export const DUONG_KINH = '11692';
/** Phường Hải An, which the merged-unit tests merge into Dương Kinh. */
export const HAI_AN = '11413';

export async function unitByCode(db: Db, code: string) {
  return db.selectFrom('org_units').select(['id', 'name', 'parent_id']).where('code', '=', code).executeTakeFirstOrThrow();
}

export async function userId(db: Db, username: string): Promise<number> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

export async function addUser(db: Db, username: string, options: { email?: string; unitId?: number; role?: 'reporter' | 'approver' | 'coordinator' | 'leader' | 'admin'; active?: boolean } = {}) {
  const user = await db
    .insertInto('users')
    .values({ username, full_name: `Người thử ${username}`, email: options.email ?? null, password_hash: '!', is_active: options.active ?? true })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.unitId && options.role) await db.insertInto('memberships').values({ user_id: user.id, org_unit_id: options.unitId, role: options.role }).execute();
  return user.id;
}

export async function clearTasks(db: Db): Promise<void> {
  await sql`TRUNCATE tasks RESTART IDENTITY CASCADE`.execute(db);
}

export async function addPlan(db: Db, number = '99/KH-UBND-TEST') {
  return (
    await db
      .insertInto('plans')
      .values({ kind: 'KH', number, title: 'Kế hoạch thử nghiệm nhắc việc', issued_on: '2025-01-15' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function addTask(
  db: Db,
  task: { planId: number; title: string; leadUnitId: number; dueDate: string | null; state?: TaskState; responsibleUserId?: number; completedOn?: string; reason?: string },
): Promise<number> {
  const state = task.state ?? 'in_progress';
  return (
    await db
      .insertInto('tasks')
      .values({
        plan_id: task.planId,
        title: task.title,
        lead_unit_id: task.leadUnitId,
        due_date: task.dueDate,
        state,
        responsible_user_id: task.responsibleUserId ?? null,
        completed_on: state === 'completed' ? (task.completedOn ?? task.dueDate) : null,
        state_reason: state === 'paused' || state === 'cancelled' ? (task.reason ?? 'Tạm dừng để thử') : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Notifications as (username, task id, kind) strings, sorted, for compact assertions. */
export async function notificationKeys(db: Db, taskIds?: readonly number[]): Promise<string[]> {
  let q = db.selectFrom('notifications as n').innerJoin('users as u', 'u.id', 'n.user_id').select(['u.username', 'n.task_id', 'n.kind']);
  if (taskIds) q = q.where('n.task_id', 'in', [...taskIds]);
  const rows = await q.execute();
  return rows.map((r) => `${r.username} ${r.task_id} ${r.kind}`).sort();
}
