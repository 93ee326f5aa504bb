/**
 * A province dashboard: 20 indicators × every unit directly under the province × the 12 months of a
 * year. Four ways to get the same cells:
 *
 *  - the product: one `GET /api/v1/analytics/table?indicator=…×20&orgUnit=<province>&period=…×12&by=children`,
 *    the batched read a dashboard page makes;
 *  - the product read cell group by cell group (secondary): one `GET /api/v1/analytics?…&by=children`
 *    per indicator and month (240 requests), six at a time as a browser would over HTTP/1.1 — what
 *    a client had to do before the table read existed;
 *  - the floor: one hand-written query over the rollups table;
 *  - the naive scan: one query aggregating the raw data_values of every unit below each child,
 *    through the closure table, with GROUP BY — what the rollups exist to avoid.
 *
 * Before timing, the three are run once and must agree cell by cell.
 */
import type pg from 'pg';
import type { App } from '../http/types.ts';

export interface DashboardSpec {
  provinceId: number;
  provinceCode: string;
  provinceName: string;
  children: number;
  indicators: { id: number; code: string }[];
  months: string[];
}

export type Cells = Map<string, number>;
const key = (indicatorId: number, unitId: number, period: string) => `${indicatorId}|${unitId}|${period}`;

/**
 * The floor: the dashboard's cells read straight from the rollups, written as PostgreSQL serves it
 * best — every key column constrained by an array, so one walk of the primary key returns the cells
 * (joining org_units instead lets the planner hash the whole indicator × month slice of the table).
 */
export async function rollupSql(client: pg.Pool | pg.ClientBase, d: DashboardSpec): Promise<Cells> {
  const result = await client.query<{ indicator_id: string; org_unit_id: string; period_id: string; value: number | null }>(
    `SELECT r.indicator_id, r.org_unit_id, r.period_id, r.value FROM rollups r
     WHERE r.indicator_id = ANY($2::bigint[]) AND r.period_id = ANY($3::text[])
       AND r.org_unit_id = ANY(ARRAY(SELECT id FROM org_units WHERE parent_id = $1))`,
    [d.provinceId, d.indicators.map((i) => i.id), d.months],
  );
  return cellsOf(result.rows);
}

/**
 * The naive scan: every raw value below each child (the child itself and its former units, via the
 * closure table), grouped per child, indicator and month, aggregated as the indicator says. Months
 * of a monthly indicator need no combination over time, so this is the whole computation.
 */
export async function naiveScan(client: pg.Pool | pg.ClientBase, d: DashboardSpec): Promise<Cells> {
  const result = await client.query<{ indicator_id: string; org_unit_id: string; period_id: string; value: number | null }>(
    `SELECT v.indicator_id, c.id AS org_unit_id, v.period_id,
            CASE i.space_aggregation
              WHEN 'sum' THEN sum(v.value)
              WHEN 'avg' THEN avg(v.value)
              WHEN 'min' THEN min(v.value)
              WHEN 'max' THEN max(v.value)
              WHEN 'ratio' THEN (CASE WHEN i.unit = '%' THEN 100 ELSE 1 END)
                * sum(v.numerator) FILTER (WHERE v.denominator IS NOT NULL)
                / nullif(sum(v.denominator) FILTER (WHERE v.numerator IS NOT NULL), 0)
            END AS value
     FROM org_units c
     JOIN org_unit_closure cl ON cl.ancestor_id = c.id
     JOIN data_values v ON v.org_unit_id = cl.descendant_id
     JOIN indicators i ON i.id = v.indicator_id
     WHERE c.parent_id = $1 AND v.indicator_id = ANY($2::bigint[]) AND v.period_id = ANY($3::text[])
     GROUP BY v.indicator_id, c.id, v.period_id, i.space_aggregation, i.unit`,
    [d.provinceId, d.indicators.map((i) => i.id), d.months],
  );
  return cellsOf(result.rows);
}

/**
 * The country view, SQL only (no API reads it in one go): the same 20 indicators × 12 months for each
 * province as a whole. From the rollups it is one row per cell; the naive scan must aggregate every
 * raw value of the country, which is where rollups earn their keep.
 */
export async function countryRollupSql(client: pg.Pool | pg.ClientBase, provinceIds: number[], d: Pick<DashboardSpec, 'indicators' | 'months'>): Promise<Cells> {
  const result = await client.query<{ indicator_id: string; org_unit_id: string; period_id: string; value: number | null }>(
    `SELECT indicator_id, org_unit_id, period_id, value FROM rollups
     WHERE org_unit_id = ANY($1::bigint[]) AND indicator_id = ANY($2::bigint[]) AND period_id = ANY($3::text[])`,
    [provinceIds, d.indicators.map((i) => i.id), d.months],
  );
  return cellsOf(result.rows);
}

export async function countryNaiveScan(client: pg.Pool | pg.ClientBase, provinceIds: number[], d: Pick<DashboardSpec, 'indicators' | 'months'>): Promise<Cells> {
  const result = await client.query<{ indicator_id: string; org_unit_id: string; period_id: string; value: number | null }>(
    `SELECT v.indicator_id, cl.ancestor_id AS org_unit_id, v.period_id,
            CASE i.space_aggregation
              WHEN 'sum' THEN sum(v.value)
              WHEN 'avg' THEN avg(v.value)
              WHEN 'min' THEN min(v.value)
              WHEN 'max' THEN max(v.value)
              WHEN 'ratio' THEN (CASE WHEN i.unit = '%' THEN 100 ELSE 1 END)
                * sum(v.numerator) FILTER (WHERE v.denominator IS NOT NULL)
                / nullif(sum(v.denominator) FILTER (WHERE v.numerator IS NOT NULL), 0)
            END AS value
     FROM org_unit_closure cl
     JOIN data_values v ON v.org_unit_id = cl.descendant_id
     JOIN indicators i ON i.id = v.indicator_id
     WHERE cl.ancestor_id = ANY($1::bigint[]) AND v.indicator_id = ANY($2::bigint[]) AND v.period_id = ANY($3::text[])
     GROUP BY v.indicator_id, cl.ancestor_id, v.period_id, i.space_aggregation, i.unit`,
    [provinceIds, d.indicators.map((i) => i.id), d.months],
  );
  return cellsOf(result.rows);
}

function cellsOf(rows: { indicator_id: string | number; org_unit_id: string | number; period_id: string; value: number | null }[]): Cells {
  const cells: Cells = new Map();
  for (const r of rows) if (r.value !== null) cells.set(key(Number(r.indicator_id), Number(r.org_unit_id), r.period_id), Number(r.value));
  return cells;
}

interface AnalyticsBody {
  indicator: { id: number };
  period: string;
  items: { orgUnit: { id: number }; value: number | null }[];
}

interface TableBody {
  columns: string[];
  rows: (number | string | null)[][];
}

/** What the product does: the whole dashboard in one `GET /api/v1/analytics/table`. */
export async function viaTable(app: App, cookie: string, d: DashboardSpec): Promise<Cells> {
  const params = [
    ...d.indicators.map((i) => `indicator=${encodeURIComponent(i.code)}`),
    `orgUnit=${encodeURIComponent(d.provinceCode)}`,
    ...d.months.map((m) => `period=${m}`),
    'by=children',
  ];
  const url = `/api/v1/analytics/table?${params.join('&')}`;
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  const body = res.json<TableBody>();
  const [i, u, p, v] = ['indicatorId', 'orgUnitId', 'period', 'value'].map((c) => body.columns.indexOf(c)) as [number, number, number, number];
  const cells: Cells = new Map();
  for (const r of body.rows) if (r[v] !== null) cells.set(key(r[i] as number, r[u] as number, r[p] as string), r[v] as number);
  return cells;
}

/** The same through the single read: one drill-down request per indicator and month, `concurrency` in flight. */
export async function viaSingleReads(app: App, cookie: string, d: DashboardSpec, concurrency: number): Promise<Cells> {
  const urls = d.indicators.flatMap((i) =>
    d.months.map((m) => `/api/v1/analytics?indicator=${encodeURIComponent(i.code)}&orgUnit=${encodeURIComponent(d.provinceCode)}&period=${m}&by=children`),
  );
  const cells: Cells = new Map();
  let next = 0;
  const lane = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      const body = res.json<AnalyticsBody>();
      for (const item of body.items) if (item.value !== null) cells.set(key(body.indicator.id, item.orgUnit.id, body.period), item.value);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, lane));
  return cells;
}

/** Throws unless the two sets hold the same cells with the same values (to 1e-9, relative). */
export function sameCells(label: string, expected: Cells, actual: Cells): void {
  if (expected.size === 0) throw new Error(`${label}: no cells at all — the rollups were not built?`);
  if (expected.size !== actual.size) throw new Error(`${label}: ${actual.size} cells where the rollups have ${expected.size}`);
  for (const [k, v] of expected) {
    const w = actual.get(k);
    if (w === undefined || Math.abs(w - v) > 1e-9 * Math.max(1, Math.abs(v))) throw new Error(`${label}: cell ${k} is ${w}, the rollups say ${v}`);
  }
}
