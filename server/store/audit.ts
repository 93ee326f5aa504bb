import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';

export interface AuditEntry {
  actorUserId: number | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  orgUnitId?: number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  requestId?: string | null;
}

/** Runs inside the command's transaction, so a change and its trace commit or fail together. */
export async function appendAudit(q: Db | Tx, entry: AuditEntry): Promise<void> {
  await q
    .insertInto('audit_events')
    .values({
      actor_user_id: entry.actorUserId,
      actor_username: entry.actorUsername,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      org_unit_id: entry.orgUnitId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: entry.ip ?? null,
      request_id: entry.requestId ?? null,
    })
    .execute();
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  orgUnitScope?: readonly number[] | null;
  from?: string;
  to?: string;
  beforeId?: number;
  limit: number;
}

export async function listAudit(q: Db, filter: AuditFilter) {
  let select = q.selectFrom('audit_events').selectAll();
  if (filter.actor) select = select.where('actor_username', 'ilike', `%${filter.actor.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.action) select = select.where('action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.entityType) select = select.where('entity_type', '=', filter.entityType);
  if (filter.entityId) select = select.where('entity_id', '=', filter.entityId);
  if (filter.from) select = select.where('at', '>=', new Date(filter.from));
  if (filter.to) select = select.where('at', '<', new Date(filter.to));
  if (filter.beforeId) select = select.where('id', '<', filter.beforeId);
  if (filter.orgUnitScope) {
    const roots = filter.orgUnitScope;
    // An admin of a subtree sees events about units in it; events with no unit belong to top-level admins.
    select = roots.length
      ? select.where(
          sql<boolean>`EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = audit_events.org_unit_id AND s.ancestor_id IN (${sql.join(roots)}))`,
        )
      : select.where(sql<boolean>`false`);
  }
  return select.orderBy('id', 'desc').limit(filter.limit).execute();
}
