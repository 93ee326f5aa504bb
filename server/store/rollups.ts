/**
 * Reading what the rollup worker needs, and writing what it computed. A cell is indicator × unit ×
 * period; its summary merges the unit's own values (combined over time) with its children's summaries.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import type { Summary } from '../../domain/aggregation.ts';

type Q = Db | Tx;

export interface CellKey {
  indicatorId: number;
  orgUnitId: number;
  periodId: string;
}

export const cellKey = (c: CellKey) => `${c.indicatorId}|${c.orgUnitId}|${c.periodId}`;

/** Take a batch of dirty marks; the rows stay locked until the worker's transaction ends. */
export async function claimDirty(tx: Tx, limit: number): Promise<CellKey[]> {
  const result = await sql<{ indicator_id: number; org_unit_id: number; period_id: string }>`
    DELETE FROM rollup_dirty WHERE (indicator_id, org_unit_id, period_id) IN (
      SELECT indicator_id, org_unit_id, period_id FROM rollup_dirty ORDER BY marked_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING indicator_id, org_unit_id, period_id`.execute(tx);
  return result.rows.map((r) => ({ indicatorId: r.indicator_id, orgUnitId: r.org_unit_id, periodId: r.period_id }));
}

export async function unitDepthsAndParents(q: Q, unitIds: number[]): Promise<Map<number, { depth: number; parentId: number | null }>> {
  if (unitIds.length === 0) return new Map();
  const result = await sql<{ id: number; parent_id: number | null; depth: number }>`
    SELECT u.id, u.parent_id, (SELECT max(c.depth) FROM org_unit_closure c WHERE c.descendant_id = u.id) AS depth
    FROM org_units u WHERE u.id = ANY(${unitIds}::bigint[])`.execute(q);
  return new Map(result.rows.map((r) => [r.id, { depth: r.depth ?? 0, parentId: r.parent_id }]));
}

export interface OwnValueRow {
  indicator_id: number;
  org_unit_id: number;
  period_id: string;
  period_start: string;
  period_end: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** The raw values of the given units and indicators that overlap [from, to]. */
export async function ownValues(q: Q, pairs: { indicatorId: number; orgUnitId: number }[], from: string, to: string): Promise<OwnValueRow[]> {
  if (pairs.length === 0) return [];
  const result = await sql<OwnValueRow>`
    SELECT v.indicator_id, v.org_unit_id, v.period_id, v.period_start::text AS period_start, v.period_end::text AS period_end,
           v.value, v.numerator, v.denominator
    FROM data_values v
    JOIN unnest(${pairs.map((p) => p.indicatorId)}::bigint[], ${pairs.map((p) => p.orgUnitId)}::bigint[]) AS k(indicator_id, org_unit_id)
      ON v.indicator_id = k.indicator_id AND v.org_unit_id = k.org_unit_id
    WHERE v.period_start <= ${to}::date AND v.period_end >= ${from}::date`.execute(q);
  return result.rows;
}

export interface ChildSummaryRow extends Summary {
  indicator_id: number;
  parent_id: number;
  period_id: string;
}

/** Summaries of the children of the given cells' units, one row per child. */
export async function childSummaries(q: Q, cells: CellKey[]): Promise<ChildSummaryRow[]> {
  if (cells.length === 0) return [];
  const result = await sql<ChildSummaryRow>`
    SELECT k.indicator_id, k.org_unit_id AS parent_id, k.period_id, r.sum, r.count, r.min, r.max, r.numerator, r.denominator
    FROM unnest(${cells.map((c) => c.indicatorId)}::bigint[], ${cells.map((c) => c.orgUnitId)}::bigint[], ${cells.map((c) => c.periodId)}::text[])
      AS k(indicator_id, org_unit_id, period_id)
    JOIN org_units child ON child.parent_id = k.org_unit_id
    JOIN rollups r ON r.indicator_id = k.indicator_id AND r.org_unit_id = child.id AND r.period_id = k.period_id`.execute(q);
  return result.rows;
}

export interface ComputedCell extends CellKey {
  periodType: string;
  summary: Summary;
  value: number | null;
}

export async function writeCells(tx: Tx, cells: ComputedCell[]): Promise<void> {
  const keep = cells.filter((c) => c.summary.count > 0);
  const drop = cells.filter((c) => c.summary.count === 0);
  if (keep.length) {
    const col = <T>(f: (c: ComputedCell) => T) => keep.map(f);
    await sql`
      INSERT INTO rollups (indicator_id, org_unit_id, period_id, period_type, sum, count, min, max, numerator, denominator, value, updated_at)
      SELECT *, clock_timestamp() FROM unnest(
        ${col((c) => c.indicatorId)}::bigint[], ${col((c) => c.orgUnitId)}::bigint[], ${col((c) => c.periodId)}::text[],
        ${col((c) => c.periodType)}::text[], ${col((c) => c.summary.sum)}::float8[], ${col((c) => c.summary.count)}::int[],
        ${col((c) => c.summary.min)}::float8[], ${col((c) => c.summary.max)}::float8[], ${col((c) => c.summary.numerator)}::float8[],
        ${col((c) => c.summary.denominator)}::float8[], ${col((c) => c.value)}::float8[])
      ON CONFLICT (indicator_id, org_unit_id, period_id) DO UPDATE SET
        sum = EXCLUDED.sum, count = EXCLUDED.count, min = EXCLUDED.min, max = EXCLUDED.max, numerator = EXCLUDED.numerator,
        denominator = EXCLUDED.denominator, value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`.execute(tx);
  }
  if (drop.length) {
    await sql`
      DELETE FROM rollups r USING unnest(${drop.map((c) => c.indicatorId)}::bigint[], ${drop.map((c) => c.orgUnitId)}::bigint[], ${drop.map((c) => c.periodId)}::text[]) AS k(i, u, p)
      WHERE r.indicator_id = k.i AND r.org_unit_id = k.u AND r.period_id = k.p`.execute(tx);
  }
}

/** After a unit moves, its cells and its old parent's must be recomputed; the worker walks them up. */
export async function markUnitMoved(q: Q, unitId: number, oldParentId: number | null): Promise<void> {
  await sql`
    INSERT INTO rollup_dirty (indicator_id, org_unit_id, period_id)
    SELECT r.indicator_id, u.id, r.period_id FROM rollups r
    CROSS JOIN (SELECT ${unitId}::bigint AS id UNION ALL SELECT ${oldParentId}::bigint WHERE ${oldParentId}::bigint IS NOT NULL) u
    WHERE r.org_unit_id = ${unitId}::bigint
    ON CONFLICT DO NOTHING`.execute(q);
  await sql`SELECT pg_notify('dxpulse_rollup', '')`.execute(q);
}
