import type { OrgUnitDetail, Role, User } from '../api/types';

export function hasRole(user: User | null | undefined, role: Role): boolean {
  return !!user?.memberships.some((m) => m.role === role);
}

/** Admin somewhere: may open the user and audit areas (the server still checks each unit). */
export function isAdmin(user: User | null | undefined): boolean {
  return hasRole(user, 'admin');
}

export interface UnitRights {
  /** Add units under it: admin on the unit or above (roles hold over the whole subtree). */
  createChild: boolean;
  /** Rename, move or close it: that changes its parent's structure, so the grant must come from above. */
  reshape: boolean;
}

export function unitRights(user: User | null | undefined, unit: Pick<OrgUnitDetail, 'id' | 'path' | 'parentId'>): UnitRights {
  if (!user) return { createChild: false, reshape: false };
  const adminAt = new Set(user.memberships.filter((m) => m.role === 'admin').map((m) => m.orgUnitId));
  const above = unit.path.some((p) => adminAt.has(p.id));
  const self = adminAt.has(unit.id);
  return { createChild: above || self, reshape: above || (unit.parentId === null && self) };
}

export const ROLE_COLORS: Record<Role, string> = {
  reporter: 'blue',
  approver: 'cyan',
  coordinator: 'purple',
  leader: 'gold',
  admin: 'red',
};
