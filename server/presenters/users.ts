import type { UserRow, AuditEventRow } from '../store/schema.ts';
import type { MembershipView } from '../store/users.ts';

export const presentMembership = (m: MembershipView) => ({
  id: m.id,
  orgUnitId: m.org_unit_id,
  orgUnitCode: m.org_unit_code,
  orgUnitName: m.org_unit_name,
  role: m.role,
});

export const presentUser = (user: UserRow, memberships: MembershipView[]) => ({
  id: user.id,
  username: user.username,
  fullName: user.full_name,
  email: user.email,
  isActive: user.is_active,
  locale: user.locale,
  lastLoginAt: user.last_login_at?.toISOString() ?? null,
  lockedUntil: user.locked_until && user.locked_until.getTime() > Date.now() ? user.locked_until.toISOString() : null,
  memberships: memberships.map(presentMembership),
});

/** A user as the audit trail records it: never the password hash. */
export const auditUser = (user: UserRow) => ({
  username: user.username,
  fullName: user.full_name,
  email: user.email,
  isActive: user.is_active,
  locale: user.locale,
});

export const presentAuditEvent = (e: AuditEventRow) => ({
  id: e.id,
  at: new Date(e.at).toISOString(),
  actorUsername: e.actor_username,
  action: e.action,
  entityType: e.entity_type,
  entityId: e.entity_id,
  orgUnitId: e.org_unit_id,
  before: e.before ?? null,
  after: e.after ?? null,
  ip: e.ip,
});
