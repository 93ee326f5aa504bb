/** SQL for targets (chỉ tiêu kế hoạch): indicator × unit or level × year. */
import { sql, type Insertable, type Updateable } from 'kysely';
import { LEVEL_KINDS, type TargetLevel } from '../../domain/targets.ts';
import type { Db, Tx } from '../db/database.ts';
import type { TargetRow, TargetsTable } from './schema.ts';

type Q = Db | Tx;

export interface TargetView extends TargetRow {
  indicator_code: string;
  indicator_name: string;
  indicator_unit: string;
  indicator_direction: 'higher' | 'lower';
  org_unit_code: string;
  org_unit_name: string;
  plan_kind: string | null;
  plan_number: string | null;
}

const selectTargets = (q: Q) =>
  q
    .selectFrom('targets as t')
    .innerJoin('indicators as i', 'i.id', 't.indicator_id')
    .innerJoin('org_units as u', 'u.id', 't.org_unit_id')
    .leftJoin('plans as p', 'p.id', 't.plan_id')
    .selectAll('t')
    .select([
      'i.code as indicator_code',
      'i.name as indicator_name',
      'i.unit as indicator_unit',
      'i.direction as indicator_direction',
      'u.code as org_unit_code',
      'u.name as org_unit_name',
      'p.kind as plan_kind',
      'p.number as plan_number',
    ]);

export type NewTarget = Omit<Insertable<TargetsTable>, 'id' | 'created_at' | 'updated_at'>;

/** `lock` takes FOR UPDATE, so that two cascades of one target run one after the other. */
export async function findTarget(q: Q, id: number, options: { lock?: boolean } = {}): Promise<TargetRow | undefined> {
  const select = q.selectFrom('targets').selectAll().where('id', '=', id);
  return (options.lock ? select.forUpdate() : select).executeTakeFirst();
}

export async function findTargetViews(q: Q, ids: readonly number[]): Promise<TargetView[]> {
  if (ids.length === 0) return [];
  return selectTargets(q).where('t.id', 'in', [...ids]).orderBy('t.id').execute() as Promise<TargetView[]>;
}

export async function insertTarget(q: Q, row: NewTarget): Promise<TargetRow> {
  return q.insertInto('targets').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertTargets(q: Q, rows: readonly NewTarget[]): Promise<TargetRow[]> {
  if (rows.length === 0) return [];
  return q.insertInto('targets').values([...rows]).returningAll().execute();
}

export async function updateTarget(q: Q, id: number, changes: Omit<Updateable<TargetsTable>, 'id' | 'created_at' | 'updated_at'>): Promise<TargetRow> {
  return q.updateTable('targets').set({ ...changes, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteTarget(q: Q, id: number): Promise<void> {
  await q.deleteFrom('targets').where('id', '=', id).execute();
}

export interface TargetListQuery {
  indicatorId?: number;
  planId?: number;
  year?: number;
  orgUnitId?: number;
  /** With orgUnitId: also the level targets of its ancestors that cover its kind. */
  applicable?: boolean;
  limit: number;
  afterId?: number;
}

export async function listTargets(q: Q, query: TargetListQuery): Promise<TargetView[]> {
  let select = selectTargets(q);
  if (query.indicatorId !== undefined) select = select.where('t.indicator_id', '=', query.indicatorId);
  if (query.planId !== undefined) select = select.where('t.plan_id', '=', query.planId);
  if (query.year !== undefined) select = select.where('t.year', '=', query.year);
  if (query.orgUnitId !== undefined) {
    select = query.applicable ? select.where(appliesTo(query.orgUnitId)) : select.where('t.org_unit_id', '=', query.orgUnitId);
  }
  if (query.afterId !== undefined) select = select.where('t.id', '>', query.afterId);
  return select.orderBy('t.id').limit(query.limit).execute() as Promise<TargetView[]>;
}

/** Condition on `targets t`: the target applies to the unit (set on it, or on a level covering it). */
function appliesTo(unitId: number) {
  const levelCases = (Object.entries(LEVEL_KINDS) as [TargetLevel, readonly string[]][]).map(
    ([level, kinds]) => sql`(t.level = ${level} AND x.kind IN (${sql.join([...kinds])}))`,
  );
  return sql<boolean>`(
    (t.scope = 'unit' AND t.org_unit_id = ${unitId}::bigint)
    OR (t.scope = 'level' AND EXISTS (
      SELECT 1 FROM org_unit_closure c JOIN org_units x ON x.id = c.descendant_id
      WHERE c.ancestor_id = t.org_unit_id AND c.descendant_id = ${unitId}::bigint AND (${sql.join(levelCases, sql` OR `)})
    ))
  )`;
}

/**
 * The targets that apply to a unit for an indicator and year, most specific first: those set on the
 * unit itself, then level targets anchored at its nearest ancestor. For analytics.
 */
export async function applicableTargets(q: Q, indicatorId: number, unitId: number, year: number): Promise<TargetView[]> {
  return selectTargets(q)
    .where('t.indicator_id', '=', indicatorId)
    .where('t.year', '=', year)
    .where(appliesTo(unitId))
    .orderBy(sql`CASE WHEN t.scope = 'unit' THEN 0 ELSE 1 END`)
    .orderBy(sql`(SELECT depth FROM org_unit_closure c WHERE c.ancestor_id = t.org_unit_id AND c.descendant_id = ${unitId}::bigint)`)
    .orderBy('t.id', 'desc')
    .execute() as Promise<TargetView[]>;
}

/** Open units of the level strictly under the anchor, by name. */
export async function openUnitsOfLevelUnder(q: Q, anchorId: number, level: TargetLevel): Promise<{ id: number; name: string }[]> {
  return q
    .selectFrom('org_unit_closure as c')
    .innerJoin('org_units as u', 'u.id', 'c.descendant_id')
    .select(['u.id', 'u.name'])
    .where('c.ancestor_id', '=', anchorId)
    .where('c.depth', '>', 0)
    .where('u.closed_on', 'is', null)
    .where('u.kind', 'in', [...LEVEL_KINDS[level]])
    .orderBy('u.search_key')
    .execute();
}

/** Units that already hold a target derived from the parent. */
export async function childTargetUnits(q: Q, parentTargetId: number): Promise<Set<number>> {
  const rows = await q.selectFrom('targets').select('org_unit_id').where('parent_target_id', '=', parentTargetId).execute();
  return new Set(rows.map((r) => r.org_unit_id));
}
