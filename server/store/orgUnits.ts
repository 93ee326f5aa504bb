/** SQL for the unit tree. The closure table is maintained here and nowhere else. */
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import type { NewOrgUnit, OrgUnitRow } from './schema.ts';
import { foldVietnamese } from '../../domain/text.ts';

type Q = Db | Tx;

export interface OrgUnitListRow extends OrgUnitRow {
  child_count: number;
}

const childCount = (includeClosed: boolean) =>
  sql<number>`(SELECT count(*)::int FROM org_units c WHERE c.parent_id = org_units.id ${
    includeClosed ? sql`` : sql`AND c.closed_on IS NULL`
  })`.as('child_count');

/** Restrict a query on org_units to the subtrees rooted at `roots` (null = no restriction). */
function inScope(roots: readonly number[] | null) {
  if (roots === null) return sql<boolean>`true`;
  if (roots.length === 0) return sql<boolean>`false`;
  return sql<boolean>`EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = org_units.id AND s.ancestor_id IN (${sql.join(roots)}))`;
}

export async function insertOrgUnit(q: Q, unit: Omit<NewOrgUnit, 'search_key'>): Promise<OrgUnitRow> {
  const row = await q
    .insertInto('org_units')
    .values({ ...unit, search_key: searchKey(unit.name, unit.code) })
    .returningAll()
    .executeTakeFirstOrThrow();
  await sql`
    INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth)
    SELECT ${row.id}::bigint, ${row.id}::bigint, 0
    UNION ALL
    SELECT ancestor_id, ${row.id}::bigint, depth + 1 FROM org_unit_closure WHERE descendant_id = ${row.parent_id}::bigint
  `.execute(q);
  return row;
}

/** Name and code both searchable without diacritics: "duong kinh", "11602". */
export function searchKey(name: string, code: string): string {
  return `${foldVietnamese(name)} ${code.toLowerCase()}`;
}

export async function updateOrgUnit(
  q: Q,
  id: number,
  changes: Partial<Pick<OrgUnitRow, 'code' | 'name' | 'short_name' | 'closed_on' | 'valid_from'>>,
): Promise<OrgUnitRow> {
  const current = await q.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const name = changes.name ?? current.name;
  const code = changes.code ?? current.code;
  return q
    .updateTable('org_units')
    .set({ ...changes, search_key: searchKey(name, code), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Re-hang a subtree: drop the links from old ancestors, add the cross product with the new ones. */
export async function moveOrgUnit(q: Q, id: number, newParentId: number): Promise<void> {
  await sql`
    DELETE FROM org_unit_closure
    WHERE descendant_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ${id}::bigint)
      AND ancestor_id IN (SELECT ancestor_id FROM org_unit_closure WHERE descendant_id = ${id}::bigint AND ancestor_id <> ${id}::bigint)
  `.execute(q);
  await sql`
    INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth)
    SELECT p.ancestor_id, c.descendant_id, p.depth + c.depth + 1
    FROM org_unit_closure p CROSS JOIN org_unit_closure c
    WHERE p.descendant_id = ${newParentId}::bigint AND c.ancestor_id = ${id}::bigint
  `.execute(q);
  await q.updateTable('org_units').set({ parent_id: newParentId, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Rebuild the whole closure table from parent links; used after bulk loads. */
export async function rebuildClosure(q: Q): Promise<void> {
  await sql`DELETE FROM org_unit_closure`.execute(q);
  await sql`
    INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth)
    WITH RECURSIVE walk(ancestor_id, descendant_id, depth) AS (
      SELECT id, id, 0 FROM org_units
      UNION ALL
      SELECT u.parent_id, w.descendant_id, w.depth + 1
      FROM walk w JOIN org_units u ON u.id = w.ancestor_id
      WHERE u.parent_id IS NOT NULL
    )
    SELECT ancestor_id, descendant_id, depth FROM walk
  `.execute(q);
}

export async function findOrgUnit(q: Q, id: number): Promise<OrgUnitRow | undefined> {
  return q.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOpenOrgUnitByCode(q: Q, code: string): Promise<OrgUnitRow | undefined> {
  return q.selectFrom('org_units').selectAll().where('code', '=', code).where('closed_on', 'is', null).executeTakeFirst();
}

/** Ancestor ids of a unit, itself included. */
export async function ancestorIds(q: Q, id: number): Promise<number[]> {
  const rows = await q.selectFrom('org_unit_closure').select('ancestor_id').where('descendant_id', '=', id).execute();
  return rows.map((r) => r.ancestor_id);
}

/** Root first, parent last; the unit itself excluded. */
export async function pathOf(q: Q, id: number): Promise<Pick<OrgUnitRow, 'id' | 'code' | 'name'>[]> {
  return q
    .selectFrom('org_unit_closure as c')
    .innerJoin('org_units as u', 'u.id', 'c.ancestor_id')
    .select(['u.id', 'u.code', 'u.name'])
    .where('c.descendant_id', '=', id)
    .where('c.depth', '>', 0)
    .orderBy('c.depth', 'desc')
    .execute();
}

export interface ListQuery {
  parentId?: number;
  text?: string;
  kind?: string;
  includeClosed: boolean;
  scopeRoots: readonly number[] | null;
  limit: number;
  after?: { key: string; id: number };
}

/** Children of a unit, or units whose name/code contains the folded text, in the caller's scope. */
export async function listOrgUnits(q: Q, query: ListQuery): Promise<OrgUnitListRow[]> {
  let select = q
    .selectFrom('org_units')
    .selectAll()
    .select(childCount(query.includeClosed))
    .where(inScope(query.scopeRoots));
  if (query.parentId !== undefined) select = select.where('parent_id', '=', query.parentId);
  if (query.kind) select = select.where('kind', '=', query.kind as OrgUnitRow['kind']);
  if (!query.includeClosed) select = select.where('closed_on', 'is', null);
  if (query.text) {
    const folded = foldVietnamese(query.text);
    for (const word of folded.split(' ').filter(Boolean)) {
      select = select.where('search_key', 'like', `%${word.replace(/[%_\\]/g, '\\$&')}%`);
    }
    // Whole-phrase matches first ("duong kinh" ranks Phường Dương Kinh above Xã Kinh Môn Dương…),
    // then open administrative units before agencies, then the closest name.
    select = select
      .orderBy(sql`CASE WHEN search_key LIKE ${'%' + folded + '%'} THEN 0 ELSE 1 END`)
      .orderBy(sql`CASE WHEN closed_on IS NULL THEN 0 ELSE 1 END`)
      .orderBy(sql`CASE WHEN kind IN ('province','commune','ward','special_zone') THEN 0 ELSE 1 END`)
      .orderBy(sql`similarity(search_key, ${folded})`, 'desc');
  }
  if (query.after) {
    select = select.where(sql<boolean>`(search_key, id) > (${query.after.key}, ${query.after.id})`);
  }
  return select.orderBy('search_key').orderBy('id').limit(query.limit).execute() as Promise<OrgUnitListRow[]>;
}

/** The top-most units of a scope: scope roots that are not inside another root. */
export async function scopeTopUnits(q: Q, roots: readonly number[] | null, includeClosed: boolean): Promise<OrgUnitListRow[]> {
  let select = q.selectFrom('org_units').selectAll().select(childCount(includeClosed));
  if (roots === null) select = select.where('parent_id', 'is', null);
  else if (roots.length === 0) return [];
  else
    select = select
      .where('id', 'in', roots)
      .where(
        sql<boolean>`NOT EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = org_units.id AND s.depth > 0 AND s.ancestor_id IN (${sql.join(roots)}))`,
      );
  if (!includeClosed) select = select.where('closed_on', 'is', null);
  return select.orderBy('search_key').execute() as Promise<OrgUnitListRow[]>;
}

export async function subtree(q: Q, id: number, maxDepth: number, includeClosed: boolean) {
  let select = q
    .selectFrom('org_unit_closure as c')
    .innerJoin('org_units', 'org_units.id', 'c.descendant_id')
    .selectAll('org_units')
    .select('c.depth')
    .select(childCount(includeClosed))
    .where('c.ancestor_id', '=', id)
    .where('c.depth', '<=', maxDepth);
  if (!includeClosed) select = select.where('org_units.closed_on', 'is', null);
  return select.orderBy('c.depth').orderBy('org_units.search_key').execute() as Promise<(OrgUnitListRow & { depth: number })[]>;
}

export async function countOpenChildren(q: Q, id: number): Promise<number> {
  const row = await q
    .selectFrom('org_units')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('parent_id', '=', id)
    .where('closed_on', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function lineageOf(q: Q, id: number) {
  const link = (side: 'predecessor_id' | 'successor_id', other: 'predecessor_id' | 'successor_id') =>
    q
      .selectFrom('org_unit_lineage as l')
      .innerJoin('org_units as u', 'u.id', `l.${other}`)
      .select(['u.id', 'u.code', 'u.name', 'u.kind', 'l.share', 'l.effective_date', 'u.closed_on'])
      .where(`l.${side}`, '=', id)
      .orderBy('u.search_key')
      .execute();
  const [predecessors, successors] = await Promise.all([link('successor_id', 'predecessor_id'), link('predecessor_id', 'successor_id')]);
  return { predecessors, successors };
}

export async function addLineage(
  q: Q,
  link: { predecessorId: number; successorId: number; share: 'full' | 'partial'; effectiveDate: string | null; note?: string | null },
): Promise<void> {
  await q
    .insertInto('org_unit_lineage')
    .values({
      predecessor_id: link.predecessorId,
      successor_id: link.successorId,
      share: link.share,
      effective_date: link.effectiveDate,
      note: link.note ?? null,
    })
    .onConflict((oc) => oc.columns(['predecessor_id', 'successor_id']).doUpdateSet({ share: link.share, effective_date: link.effectiveDate }))
    .execute();
}

/**
 * The open unit a (possibly closed) unit's data belongs to today: follow 'full' lineage links
 * until an open unit is reached. Later issues aggregate values reported under merged units this way.
 */
export async function currentSuccessor(q: Q, id: number): Promise<number> {
  const row = await sql<{ id: number }>`
    WITH RECURSIVE chain(id, closed_on, hops) AS (
      SELECT id, closed_on, 0 FROM org_units WHERE id = ${id}::bigint
      UNION ALL
      SELECT u.id, u.closed_on, chain.hops + 1
      FROM chain JOIN org_unit_lineage l ON l.predecessor_id = chain.id AND l.share = 'full'
      JOIN org_units u ON u.id = l.successor_id
      WHERE chain.closed_on IS NOT NULL AND chain.hops < 20
    )
    SELECT id FROM chain ORDER BY (closed_on IS NULL) DESC, hops DESC LIMIT 1
  `.execute(q);
  return row.rows[0]?.id ?? id;
}
