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

/**
 * Take a batch of dirty marks; the rows stay locked until the worker's transaction ends. In no
 * particular order: a batch usually takes the whole backlog, and an index or a sort to take the oldest
 * first would tax every write (or every batch of a million-mark rebuild) for no visible gain.
 */
export async function claimDirty(tx: Tx, limit: number): Promise<CellKey[]> {
  const result = await sql<{ indicator_id: number; org_unit_id: number; period_id: string }>`
    DELETE FROM rollup_dirty WHERE (indicator_id, org_unit_id, period_id) IN (
      SELECT indicator_id, org_unit_id, period_id FROM rollup_dirty LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING indicator_id, org_unit_id, period_id`.execute(tx);
  return result.rows.map((r) => ({ indicatorId: r.indicator_id, orgUnitId: r.org_unit_id, periodId: r.period_id }));
}

/** A unit with every ancestor: `parentId` of each, and `distance` from the unit (0: itself). */
export interface AncestorRow {
  unitId: number;
  ancestorId: number;
  distance: number;
  ancestorParentId: number | null;
}

/** The ancestors of the given units (themselves included) from the closure table, in one query. */
export async function ancestorsOf(q: Q, unitIds: number[]): Promise<AncestorRow[]> {
  if (unitIds.length === 0) return [];
  const result = await sql<{ unit_id: number; ancestor_id: number; distance: number; parent_id: number | null }>`
    SELECT c.descendant_id AS unit_id, c.ancestor_id, c.depth AS distance, a.parent_id
    FROM org_unit_closure c JOIN org_units a ON a.id = c.ancestor_id
    WHERE c.descendant_id = ANY(${unitIds}::bigint[])`.execute(q);
  return result.rows.map((r) => ({ unitId: r.unit_id, ancestorId: r.ancestor_id, distance: r.distance, ancestorParentId: r.parent_id }));
}

/** A cell to recompute, with what the SQL needs of its unit and period. */
export interface LevelCell extends CellKey {
  parentId: number | null;
  periodType: string;
  start: string;
  end: string;
}

/**
 * Recompute cells of one tree level in one statement and write them: the unit's own values inside
 * the period, combined over time by the indicator's time aggregation, merged with its children's
 * summaries (read from their rollups through rollups_children), and the figure read off by the space
 * aggregation — domain/aggregation.ts (timeCombine, summarize, mergeSummaries, valueOf) in SQL, which
 * test/db/rollupEngine.test.ts checks against those functions. Cells that come to nothing are
 * deleted; unchanged ones are not rewritten. Returns how many rows were written or deleted.
 */
export async function recomputeLevel(tx: Tx, cells: LevelCell[]): Promise<number> {
  if (cells.length === 0) return 0;
  const col = <T>(f: (c: LevelCell) => T) => cells.map(f);
  const result = await sql<{ changed: number }>`
    WITH k AS (
      SELECT k.*, ind.space_aggregation AS sa, ind.time_aggregation AS ta, CASE WHEN ind.unit = '%' THEN 100 ELSE 1 END AS scale
      FROM unnest(${col((c) => c.indicatorId)}::bigint[], ${col((c) => c.orgUnitId)}::bigint[], ${col((c) => c.parentId)}::bigint[],
                  ${col((c) => c.periodId)}::text[], ${col((c) => c.periodType)}::text[], ${col((c) => c.start)}::date[], ${col((c) => c.end)}::date[])
        AS k(i, u, parent, p, ptype, ps, pe)
      JOIN indicators ind ON ind.id = k.i
    ), pts AS (
      -- The unit's own points inside the cell's period that carry something (periods.contains).
      SELECT k.i, k.u, k.p, v.period_id, v.period_start, v.value, v.numerator, v.denominator,
             (v.numerator IS NOT NULL AND v.denominator IS NOT NULL) AS parts,
             CASE WHEN v.numerator IS NOT NULL AND v.denominator IS NOT NULL
                  THEN CASE WHEN v.denominator <> 0 THEN v.numerator / v.denominator END
                  ELSE v.value END AS key
      FROM k JOIN data_values v ON v.org_unit_id = k.u AND v.indicator_id = k.i
        AND v.period_start >= k.ps - 7 AND v.period_start <= k.pe
      WHERE (v.value IS NOT NULL OR (v.numerator IS NOT NULL AND v.denominator IS NOT NULL))
        AND (v.period_id = k.p
          OR (v.period_type = 'week' AND k.ptype = 'year' AND left(v.period_id, 4) = k.p)
          OR (k.ptype = 'week' AND v.period_type = 'day' AND v.period_start >= k.ps AND v.period_end <= k.pe)
          OR (v.period_type <> 'week' AND k.ptype <> 'week' AND dx_period_rank(v.period_type) < dx_period_rank(k.ptype)
              AND v.period_start >= k.ps AND v.period_end <= k.pe))
    ), own AS (
      SELECT i, u, p,
        sum(value) AS v_sum, avg(value) AS v_avg,
        sum(numerator) FILTER (WHERE parts) AS n_sum, avg(numerator) FILTER (WHERE parts) AS n_avg,
        sum(denominator) FILTER (WHERE parts) AS d_sum, avg(denominator) FILTER (WHERE parts) AS d_avg,
        (array_agg(value ORDER BY period_start DESC, period_id DESC))[1] AS v_last,
        (array_agg(numerator ORDER BY period_start DESC, period_id DESC))[1] AS n_last,
        (array_agg(denominator ORDER BY period_start DESC, period_id DESC))[1] AS d_last,
        (array_agg(value ORDER BY key, period_start DESC, period_id DESC) FILTER (WHERE key IS NOT NULL))[1] AS v_min,
        (array_agg(numerator ORDER BY key, period_start DESC, period_id DESC) FILTER (WHERE key IS NOT NULL))[1] AS n_min,
        (array_agg(denominator ORDER BY key, period_start DESC, period_id DESC) FILTER (WHERE key IS NOT NULL))[1] AS d_min,
        (array_agg(value ORDER BY key DESC, period_start DESC, period_id DESC) FILTER (WHERE key IS NOT NULL))[1] AS v_max,
        (array_agg(numerator ORDER BY key DESC, period_start DESC, period_id DESC) FILTER (WHERE key IS NOT NULL))[1] AS n_max,
        (array_agg(denominator ORDER BY key DESC, period_start DESC, period_id DESC) FILTER (WHERE key IS NOT NULL))[1] AS d_max
      FROM pts GROUP BY i, u, p
    ), obs AS (
      SELECT o.i, o.u, o.p,
        CASE k.ta WHEN 'sum' THEN v_sum WHEN 'avg' THEN v_avg WHEN 'latest' THEN v_last WHEN 'min' THEN v_min WHEN 'max' THEN v_max END AS v,
        CASE k.ta WHEN 'sum' THEN n_sum WHEN 'avg' THEN n_avg WHEN 'latest' THEN n_last WHEN 'min' THEN n_min WHEN 'max' THEN n_max END AS n,
        CASE k.ta WHEN 'sum' THEN d_sum WHEN 'avg' THEN d_avg WHEN 'latest' THEN d_last WHEN 'min' THEN d_min WHEN 'max' THEN d_max END AS d
      FROM own o JOIN k ON k.i = o.i AND k.u = o.u AND k.p = o.p
    ), children AS (
      SELECT k.i, k.u, k.p, sum(r.sum) AS s, sum(r.count) AS c, min(r.min) AS mn, max(r.max) AS mx,
             sum(r.numerator) AS n, sum(r.denominator) AS d
      FROM k JOIN rollups r ON r.indicator_id = k.i AND r.parent_id = k.u AND r.period_id = k.p
      GROUP BY k.i, k.u, k.p
    ), merged AS (
      SELECT k.i, k.u, k.parent, k.p, k.ptype, k.sa, k.scale,
        coalesce(o.v, 0) + coalesce(ch.s, 0) AS sum,
        (CASE WHEN o.v IS NOT NULL OR (o.n IS NOT NULL AND o.d IS NOT NULL) THEN 1 ELSE 0 END + coalesce(ch.c, 0))::int AS count,
        least(o.v, ch.mn) AS min, greatest(o.v, ch.mx) AS max,
        coalesce(CASE WHEN o.d IS NOT NULL THEN o.n END, 0) + coalesce(ch.n, 0) AS numerator,
        coalesce(CASE WHEN o.n IS NOT NULL THEN o.d END, 0) + coalesce(ch.d, 0) AS denominator
      FROM k LEFT JOIN obs o ON o.i = k.i AND o.u = k.u AND o.p = k.p
             LEFT JOIN children ch ON ch.i = k.i AND ch.u = k.u AND ch.p = k.p
    ), computed AS (
      SELECT m.*, CASE WHEN m.count = 0 THEN NULL
        WHEN m.sa = 'sum' THEN CASE WHEN m.min IS NULL THEN NULL ELSE m.sum END
        WHEN m.sa = 'avg' THEN CASE WHEN m.min IS NULL THEN NULL ELSE m.sum / m.count END
        WHEN m.sa = 'min' THEN m.min
        WHEN m.sa = 'max' THEN m.max
        WHEN m.sa = 'ratio' THEN CASE WHEN m.denominator = 0 THEN NULL ELSE m.scale * m.numerator / m.denominator END
      END AS value
      FROM merged m
    ), written AS (
      INSERT INTO rollups AS r (indicator_id, org_unit_id, parent_id, period_id, period_type, sum, count, min, max, numerator, denominator, value, updated_at)
      SELECT i, u, parent, p, ptype, sum, count, min, max, numerator, denominator, value, clock_timestamp() FROM computed WHERE count > 0
      ON CONFLICT (indicator_id, org_unit_id, period_id) DO UPDATE SET
        parent_id = EXCLUDED.parent_id, sum = EXCLUDED.sum, count = EXCLUDED.count, min = EXCLUDED.min, max = EXCLUDED.max,
        numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
      WHERE (r.parent_id, r.sum, r.count, r.min, r.max, r.numerator, r.denominator, r.value)
        IS DISTINCT FROM (EXCLUDED.parent_id, EXCLUDED.sum, EXCLUDED.count, EXCLUDED.min, EXCLUDED.max, EXCLUDED.numerator, EXCLUDED.denominator, EXCLUDED.value)
      RETURNING 1
    ), deleted AS (
      DELETE FROM rollups r USING computed c
      WHERE c.count = 0 AND r.indicator_id = c.i AND r.org_unit_id = c.u AND r.period_id = c.p
      RETURNING 1
    )
    SELECT ((SELECT count(*) FROM written) + (SELECT count(*) FROM deleted))::int AS changed`.execute(tx);
  return result.rows[0]?.changed ?? 0;
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
