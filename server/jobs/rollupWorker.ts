/**
 * Keeps rollups current. Writers only mark their own cells dirty (a trigger on data_values does it
 * and notifies); this worker claims marks, recomputes each cell from the unit's own values and its
 * children's summaries, and walks up the tree level by level in one transaction. Recomputing rather
 * than adding deltas means a replayed or concurrent mark can never count a value twice, and min, max
 * and latest stay right when a value goes down. One worker per database holds an advisory lock.
 */
import type pg from 'pg';
import { containingPeriods, contains, parsePeriod, type Period } from '../../domain/periods.ts';
import { mergeSummaries, summarize, timeCombine, valueOf, EMPTY_SUMMARY, type SpaceAggregation, type TimeAggregation } from '../../domain/aggregation.ts';
import type { Db } from '../db/database.ts';
import * as store from '../store/rollups.ts';

const LOCK_KEY = 0x0d8_7011;
const BATCH = 5000;

interface IndicatorMeta {
  space: SpaceAggregation;
  time: TimeAggregation;
  scale: number;
}

async function indicatorMeta(db: Db, ids: number[]): Promise<Map<number, IndicatorMeta>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('indicators').select(['id', 'space_aggregation', 'time_aggregation', 'unit']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { space: r.space_aggregation, time: r.time_aggregation, scale: r.unit === '%' ? 100 : 1 }]));
}

/** Recompute every cell touched by up to BATCH marks; returns how many marks were consumed. */
export async function drainBatch(db: Db): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const marks = await store.claimDirty(tx, BATCH);
    if (marks.length === 0) return 0;

    const periods = new Map<string, Period>();
    const period = (id: string) => {
      let p = periods.get(id);
      if (!p) periods.set(id, (p = parsePeriod(id)));
      return p;
    };
    // Each mark stands for its period and every coarser period containing it.
    let level = new Map<string, store.CellKey>();
    for (const mark of marks) {
      for (const p of containingPeriods(period(mark.periodId))) {
        const cell = { ...mark, periodId: p.id };
        level.set(store.cellKey(cell), cell);
      }
    }
    const meta = await indicatorMeta(tx, [...new Set(marks.map((m) => m.indicatorId))]);
    const units = await store.unitDepthsAndParents(tx, [...new Set(marks.map((m) => m.orgUnitId))]);

    // Deepest first, so a parent always reads its children's fresh summaries.
    const pending = new Map<number, Map<string, store.CellKey>>();
    for (const cell of level.values()) {
      const depth = units.get(cell.orgUnitId)?.depth ?? 0;
      if (!pending.has(depth)) pending.set(depth, new Map());
      pending.get(depth)!.set(store.cellKey(cell), cell);
    }
    while (pending.size > 0) {
      const depth = Math.max(...pending.keys());
      level = pending.get(depth)!;
      pending.delete(depth);
      const cells = [...level.values()].filter((c) => meta.has(c.indicatorId));
      const computed = await recompute(tx, cells, meta, period);
      await store.writeCells(tx, computed);

      const parentIds = new Map<number, number | null>();
      const missing = cells.map((c) => c.orgUnitId).filter((id) => !units.has(id));
      for (const [id, info] of await store.unitDepthsAndParents(tx, [...new Set(missing)])) units.set(id, info);
      for (const c of cells) parentIds.set(c.orgUnitId, units.get(c.orgUnitId)?.parentId ?? null);
      const parents = [...new Set([...parentIds.values()].filter((p): p is number => p !== null))];
      for (const [id, info] of await store.unitDepthsAndParents(tx, parents.filter((p) => !units.has(p)))) units.set(id, info);
      for (const c of cells) {
        const parentId = parentIds.get(c.orgUnitId);
        if (parentId == null) continue;
        const parentDepth = units.get(parentId)?.depth ?? depth - 1;
        const cell = { indicatorId: c.indicatorId, orgUnitId: parentId, periodId: c.periodId };
        if (!pending.has(parentDepth)) pending.set(parentDepth, new Map());
        pending.get(parentDepth)!.set(store.cellKey(cell), cell);
      }
    }
    return marks.length;
  });
}

async function recompute(
  db: Db,
  cells: store.CellKey[],
  meta: Map<number, IndicatorMeta>,
  period: (id: string) => Period,
): Promise<store.ComputedCell[]> {
  if (cells.length === 0) return [];
  const spans = cells.map((c) => period(c.periodId));
  const from = spans.reduce((a, p) => (p.start < a ? p.start : a), spans[0]!.start);
  const to = spans.reduce((a, p) => (p.end > a ? p.end : a), spans[0]!.end);
  const pairs = [...new Map(cells.map((c) => [`${c.indicatorId}|${c.orgUnitId}`, { indicatorId: c.indicatorId, orgUnitId: c.orgUnitId }])).values()];
  const own = await store.ownValues(db, pairs, from, to);
  const ownByPair = new Map<string, store.OwnValueRow[]>();
  for (const row of own) {
    const key = `${row.indicator_id}|${row.org_unit_id}`;
    if (!ownByPair.has(key)) ownByPair.set(key, []);
    ownByPair.get(key)!.push(row);
  }
  const children = await store.childSummaries(db, cells);
  const childrenByCell = new Map<string, store.ChildSummaryRow[]>();
  for (const row of children) {
    const key = store.cellKey({ indicatorId: row.indicator_id, orgUnitId: row.parent_id, periodId: row.period_id });
    if (!childrenByCell.has(key)) childrenByCell.set(key, []);
    childrenByCell.get(key)!.push(row);
  }

  return cells.map((cell) => {
    const m = meta.get(cell.indicatorId)!;
    const p = period(cell.periodId);
    const points = (ownByPair.get(`${cell.indicatorId}|${cell.orgUnitId}`) ?? [])
      .filter((row) => contains(p, period(row.period_id)))
      .map((row) => ({ periodId: row.period_id, start: row.period_start, obs: { value: row.value, numerator: row.numerator, denominator: row.denominator } }));
    const ownObs = timeCombine(m.time, points);
    const summary = mergeSummaries(ownObs ? summarize(ownObs) : EMPTY_SUMMARY, ...(childrenByCell.get(store.cellKey(cell)) ?? []));
    return { ...cell, periodType: p.type, summary, value: summary.count > 0 ? valueOf(m.space, summary, m.scale) : null };
  });
}

/** Drain until no marks are left. */
export async function drainAll(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await drainBatch(db);
    total += n;
    if (n === 0) return total;
  }
}

export interface RollupWorker {
  /** Resolves once every mark committed before the call has been processed. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Listen for notifications and drain; a slow poll covers notifications lost to a reconnect. Only the
 * process holding the advisory lock works; others wait to take over.
 */
export async function startRollupWorker(db: Db, pool: pg.Pool, options: { pollMs?: number; onError?: (e: unknown) => void } = {}): Promise<RollupWorker> {
  const client = await pool.connect();
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let again = false;
  let leader = false;
  const waiters: (() => void)[] = [];

  const run = () => {
    if (stopped) return running;
    again = true;
    running = running.then(async () => {
      while (again && !stopped) {
        again = false;
        try {
          if (!leader) leader = (await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LOCK_KEY])).rows[0]?.ok === true;
          if (leader) await drainAll(db);
        } catch (error) {
          options.onError?.(error);
        }
      }
      if (!again) waiters.splice(0).forEach((w) => w());
    });
    return running;
  };

  client.on('notification', () => void run());
  await client.query('LISTEN dxpulse_rollup');
  const timer = setInterval(() => void run(), options.pollMs ?? 1000);
  timer.unref();
  void run();

  return {
    idle: () => new Promise<void>((resolve) => {
      waiters.push(resolve);
      void run();
    }),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await client.query('UNLISTEN *').catch(() => {});
      if (leader) await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
      client.release();
    },
  };
}
