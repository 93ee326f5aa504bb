/**
 * What the reminder job reads: open tasks with a due date up to a horizon (read straight from the
 * tasks tables, with their plan and current lead unit), and who is to be reminded about a lead unit's
 * tasks.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import { OPEN_TASK_STATES } from '../../domain/reminders.ts';
import { currentLeadUnit } from './tasks.ts';

type Q = Db | Tx;

export interface DueTask {
  id: number;
  title: string;
  state: string;
  dueDate: string;
  /** The current lead unit: the lead unit itself, or its successor when it was merged (closed). */
  leadUnitId: number;
  leadUnitName: string;
  responsibleUserId: number | null;
  planKind: string;
  planNumber: string;
}

/** Open tasks due on or before `horizon` (so every overdue one too), oldest deadline first. */
export async function openTasksDueBy(q: Q, horizon: string): Promise<DueTask[]> {
  return q
    .selectFrom('tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .innerJoin('org_units as u', (join) =>
      join.on(sql`u.id`, '=', sql`coalesce(${currentLeadUnit(sql.ref('t.lead_unit_id'))}, t.lead_unit_id)`),
    )
    .select([
      't.id',
      't.title',
      't.state',
      sql<string>`t.due_date`.as('dueDate'),
      'u.id as leadUnitId',
      'u.name as leadUnitName',
      't.responsible_user_id as responsibleUserId',
      'p.kind as planKind',
      'p.number as planNumber',
    ])
    .where('t.state', 'in', [...OPEN_TASK_STATES])
    .where('t.due_date', 'is not', null)
    .where('t.due_date', '<=', horizon)
    .orderBy('t.due_date')
    .orderBy('t.id')
    .execute();
}

export interface Recipient {
  userId: number;
  locale: 'vi' | 'en';
}

export interface UnitRecipient extends Recipient {
  /** Reporter or coordinator of the unit itself; false for those only coordinating a unit above it. */
  direct: boolean;
}

/**
 * For each lead unit, the active users to remind about its tasks: those holding the reporter or
 * coordinator role at the unit itself (direct), and the coordinators of every unit above it.
 */
export async function unitRecipients(q: Q, unitIds: readonly number[]): Promise<Map<number, UnitRecipient[]>> {
  const result = new Map<number, UnitRecipient[]>(unitIds.map((id) => [id, []]));
  if (unitIds.length === 0) return result;
  const rows = await sql<{ unit_id: number; user_id: number; locale: 'vi' | 'en'; direct: boolean }>`
    SELECT c.descendant_id AS unit_id, u.id AS user_id, u.locale, bool_or(c.depth = 0) AS direct
    FROM org_unit_closure c
    JOIN memberships m ON m.org_unit_id = c.ancestor_id
    JOIN users u ON u.id = m.user_id AND u.is_active
    WHERE c.descendant_id IN (${sql.join(unitIds)})
      AND ((c.depth = 0 AND m.role IN ('reporter', 'coordinator')) OR (c.depth > 0 AND m.role = 'coordinator'))
    GROUP BY 1, 2, 3
    ORDER BY 1, 2
  `.execute(q);
  for (const r of rows.rows) result.get(r.unit_id)?.push({ userId: r.user_id, locale: r.locale, direct: r.direct });
  return result;
}

/** Active users among `ids`, with their language. */
export async function activeUsers(q: Q, ids: readonly number[]): Promise<Map<number, Recipient>> {
  if (ids.length === 0) return new Map();
  const rows = await q.selectFrom('users').select(['id', 'locale']).where('id', 'in', [...ids]).where('is_active', '=', true).execute();
  return new Map(rows.map((r) => [r.id, { userId: r.id, locale: r.locale }]));
}
