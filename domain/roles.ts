/**
 * Roles are granted on a unit and hold over its whole subtree. Each action names the roles that
 * may perform it; the policy layer checks the role AND that the target unit lies in the subtree.
 */
export const ROLES = ['reporter', 'approver', 'coordinator', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = {
  'orgUnit.read': ['reporter', 'approver', 'coordinator', 'leader', 'admin'],
  'orgUnit.write': ['admin'],
  'user.read': ['admin'],
  'user.write': ['admin'],
  'audit.read': ['admin'],
  'indicator.read': ['reporter', 'approver', 'coordinator', 'leader', 'admin'],
  'indicator.write': ['coordinator', 'admin'],
  'plan.read': ['reporter', 'approver', 'coordinator', 'leader', 'admin'],
  'plan.write': ['coordinator', 'admin'],
  'target.write': ['coordinator', 'admin'],
  'data.read': ['reporter', 'approver', 'coordinator', 'leader', 'admin'],
  'data.write': ['reporter', 'coordinator', 'admin'],
  'form.read': ['reporter', 'approver', 'coordinator', 'leader', 'admin'],
  'form.write': ['coordinator', 'admin'],
  'submission.write': ['reporter', 'coordinator', 'admin'],
  'submission.approve': ['approver', 'coordinator', 'admin'],
  'submission.reopen': ['coordinator', 'admin'],
  /** Tasks: everyone reads the tasks in scope; coordinators assign, edit and budget them. */
  'task.read': ['reporter', 'approver', 'coordinator', 'leader', 'admin'],
  'task.write': ['coordinator', 'admin'],
  /** Progress and state of the tasks a unit leads (the lead unit in the subtree of the grant). */
  'task.report': ['reporter', 'coordinator', 'admin'],
  /** Comments on the tasks a unit leads or cooperates on. */
  'task.comment': ['reporter', 'approver', 'coordinator', 'leader', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof ACTIONS;

export interface Grant {
  orgUnitId: number;
  role: Role;
}

/** The units at which a user's grants allow an action; the subtree of each is in scope. */
export function scopeRootsFor(grants: readonly Grant[], action: Action): number[] {
  const allowed: readonly Role[] = ACTIONS[action];
  return [...new Set(grants.filter((g) => allowed.includes(g.role)).map((g) => g.orgUnitId))];
}
