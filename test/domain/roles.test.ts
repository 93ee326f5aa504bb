import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTIONS, ROLES, scopeRootsFor, type Grant } from '../../domain/roles.ts';

describe('scopeRootsFor', () => {
  const grants: Grant[] = [
    { orgUnitId: 1, role: 'leader' },
    { orgUnitId: 22, role: 'admin' },
    { orgUnitId: 22, role: 'reporter' },
    { orgUnitId: 481, role: 'approver' },
  ];

  it('returns the units whose role allows the action, each once, in grant order', () => {
    assert.deepEqual(scopeRootsFor(grants, 'orgUnit.read'), [1, 22, 481]);
    assert.deepEqual(scopeRootsFor(grants, 'orgUnit.write'), [22]);
    assert.deepEqual(scopeRootsFor(grants, 'user.read'), [22]);
    assert.deepEqual(scopeRootsFor(grants, 'user.write'), [22]);
    assert.deepEqual(scopeRootsFor(grants, 'audit.read'), [22]);
  });

  it('gives no scope for writes, users or audit to non-admin roles', () => {
    for (const role of ['reporter', 'approver', 'coordinator', 'leader'] as const) {
      const g: Grant[] = [{ orgUnitId: 1, role }];
      assert.deepEqual(scopeRootsFor(g, 'orgUnit.read'), [1], `${role} reads`);
      assert.deepEqual(scopeRootsFor(g, 'orgUnit.write'), [], `${role} does not write units`);
      assert.deepEqual(scopeRootsFor(g, 'user.write'), [], `${role} does not manage users`);
      assert.deepEqual(scopeRootsFor(g, 'audit.read'), [], `${role} does not read the audit trail`);
    }
  });

  it('is empty with no grants', () => {
    assert.deepEqual(scopeRootsFor([], 'orgUnit.read'), []);
  });

  it('lets every role read units and only admin do anything else', () => {
    assert.deepEqual([...ACTIONS['orgUnit.read']].sort(), [...ROLES].sort());
    for (const action of ['orgUnit.write', 'user.read', 'user.write', 'audit.read'] as const) {
      assert.deepEqual([...ACTIONS[action]], ['admin'], action);
    }
  });
});
