import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import type { Role } from '../../domain/roles.ts';
import type { UserRow } from './schema.ts';

type Q = Db | Tx;

export interface MembershipView {
  id: number;
  org_unit_id: number;
  org_unit_code: string;
  org_unit_name: string;
  role: Role;
}

export async function findUserByUsername(q: Q, username: string): Promise<UserRow | undefined> {
  return q.selectFrom('users').selectAll().where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
}

export async function findUser(q: Q, id: number): Promise<UserRow | undefined> {
  return q.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function membershipsOf(q: Q, userIds: readonly number[]): Promise<Map<number, MembershipView[]>> {
  const result = new Map<number, MembershipView[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows = await q
    .selectFrom('memberships as m')
    .innerJoin('org_units as u', 'u.id', 'm.org_unit_id')
    .select(['m.id', 'm.user_id', 'm.org_unit_id', 'u.code as org_unit_code', 'u.name as org_unit_name', 'm.role'])
    .where('m.user_id', 'in', userIds)
    .orderBy('m.id')
    .execute();
  for (const row of rows) result.get(row.user_id)?.push(row);
  return result;
}

export interface UserListQuery {
  text?: string;
  /** Only users holding a membership inside these subtrees (null = everyone). */
  scopeRoots: readonly number[] | null;
  afterUsername?: string;
  limit: number;
}

export async function listUsers(q: Q, query: UserListQuery): Promise<UserRow[]> {
  let select = q.selectFrom('users').selectAll();
  if (query.text) {
    const like = `%${query.text.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    select = select.where((eb) =>
      eb.or([eb(sql`lower(username)`, 'like', like), eb(sql`lower(full_name)`, 'like', like), eb(sql`lower(email)`, 'like', like)]),
    );
  }
  if (query.scopeRoots) {
    const roots = query.scopeRoots;
    if (roots.length === 0) return [];
    select = select.where(
      sql<boolean>`EXISTS (SELECT 1 FROM memberships m JOIN org_unit_closure s ON s.descendant_id = m.org_unit_id
        WHERE m.user_id = users.id AND s.ancestor_id IN (${sql.join(roots)}))`,
    );
  }
  if (query.afterUsername) select = select.where(sql`lower(username)`, '>', query.afterUsername.toLowerCase());
  return select.orderBy(sql`lower(username)`).limit(query.limit).execute();
}

export async function grantsOf(q: Q, userId: number): Promise<{ orgUnitId: number; role: Role }[]> {
  const rows = await q
    .selectFrom('memberships as m')
    .innerJoin('org_units as u', 'u.id', 'm.org_unit_id')
    .select(['m.org_unit_id', 'm.role'])
    .where('m.user_id', '=', userId)
    .where('u.closed_on', 'is', null)
    .execute();
  return rows.map((r) => ({ orgUnitId: r.org_unit_id, role: r.role }));
}
