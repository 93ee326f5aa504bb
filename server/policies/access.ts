/**
 * Who may do what on which unit. Every API route declares an action (or 'public'); the HTTP layer
 * rejects callers with no grant for it, and commands narrow to the target unit with requireUnit.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import { ACTIONS, scopeRootsFor, type Action, type Grant } from '../../domain/roles.ts';
import { forbidden, notFound, unauthorized } from '../http/problem.ts';

export interface Actor {
  userId: number;
  username: string;
  grants: Grant[];
  /** Admin at a root of the tree: sees events that belong to no unit (users, sessions). */
  topAdmin: boolean;
}

export class Access {
  constructor(readonly actor: Actor | null) {}

  get signedIn(): Actor {
    if (!this.actor) throw unauthorized();
    return this.actor;
  }

  /** Units whose subtrees the actor may act on. */
  scopeRoots(action: Action): number[] {
    return scopeRootsFor(this.signedIn.grants, action);
  }

  /** Coarse check: the actor holds a role allowing the action somewhere. */
  require(action: Action): void {
    if (this.scopeRoots(action).length === 0) throw forbidden();
  }

  holdsAnywhere(action: Action): boolean {
    return this.actor !== null && scopeRootsFor(this.actor.grants, action).length > 0;
  }

  async unitInScope(q: Db | Tx, action: Action, unitId: number): Promise<boolean> {
    return (await this.unitsInScope(q, action, [unitId])).has(unitId);
  }

  /** Which of the units lie in the actor's subtrees for the action, in one query. */
  async unitsInScope(q: Db | Tx, action: Action, unitIds: readonly number[]): Promise<Set<number>> {
    const roots = this.scopeRoots(action);
    const ids = [...new Set(unitIds)];
    if (roots.length === 0 || ids.length === 0) return new Set();
    const rows = await sql<{ id: string | number }>`
      SELECT DISTINCT descendant_id AS id FROM org_unit_closure
      WHERE descendant_id IN (${sql.join(ids.map((id) => sql`${id}::bigint`))}) AND ancestor_id IN (${sql.join(roots)})
    `.execute(q);
    return new Set(rows.rows.map((r) => Number(r.id)));
  }

  /**
   * Renaming, moving or closing a unit changes its parent's structure, so the right must come from
   * above it: an admin of a ward can shape what lies under the ward, not the ward itself.
   */
  async requireAboveUnit(q: Db | Tx, action: Action, unit: { id: number; parent_id: number | null; name: string }): Promise<void> {
    if (unit.parent_id === null) {
      if (this.signedIn.topAdmin) return;
      throw forbidden('forbiddenUnit', { unit: unit.name });
    }
    if (await this.unitInScope(q, action, unit.parent_id)) return;
    if (await this.unitInScope(q, action, unit.id)) throw forbidden('forbiddenOwnUnit', { unit: unit.name });
    throw forbidden('forbiddenUnit', { unit: unit.name });
  }

  /** 404 when the unit does not exist, 403 when it lies outside the actor's subtree. */
  async requireUnit(q: Db | Tx, action: Action, unitId: number): Promise<void> {
    if (await this.unitInScope(q, action, unitId)) return;
    const unit = await q.selectFrom('org_units').select(['name']).where('id', '=', unitId).executeTakeFirst();
    if (!unit) throw notFound('orgUnit.notFound', { id: unitId });
    throw forbidden('forbiddenUnit', { unit: unit.name });
  }
}

export function isAction(value: string): value is Action {
  return Object.hasOwn(ACTIONS, value);
}
