/**
 * Keeps rollups current. Writers only mark their own cells dirty (statement triggers on data_values
 * do it and notify); this worker claims a batch of marks and, in one transaction, recomputes every
 * cell they touch — each mark's period and the coarser periods containing it, at its unit and every
 * ancestor — one set-based statement per tree level, deepest first, so a parent always reads its
 * children's fresh summaries (store/rollups.ts recomputeLevel). Recomputing rather than adding
 * deltas means a replayed or concurrent mark can never count a value twice, and min, max and latest
 * stay right when a value goes down. One worker per database holds an advisory lock.
 *
 * A batch costs 2 + (tree depth) round trips whatever its size: under load marks accumulate while a
 * batch runs and the next batch takes them all, so the work per mark falls as the load rises.
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { containingPeriods, parsePeriod, type Period } from '../../domain/periods.ts';
import type { Db } from '../db/database.ts';
import * as store from '../store/rollups.ts';

const LOCK_KEY = 0x0d8_7011;
const BATCH = 20_000;
const PROFILE = process.env.DXPULSE_ROLLUP_PROFILE === '1';

/** Recompute every cell touched by up to `limit` marks; returns how many marks were consumed. */
export async function drainBatch(db: Db, limit = BATCH): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const marks = await store.claimDirty(tx, limit);
    if (marks.length === 0) return 0;

    // Each unit's ancestors (itself included) with their depth: the unit's depth is its largest
    // distance to an ancestor, and an ancestor at distance d sits at depth (unit's depth − d).
    const rows = await store.ancestorsOf(tx, [...new Set(marks.map((m) => m.orgUnitId))]);
    const ancestors = new Map<number, { id: number; parentId: number | null; distance: number }[]>();
    for (const r of rows) {
      if (!ancestors.has(r.unitId)) ancestors.set(r.unitId, []);
      ancestors.get(r.unitId)!.push({ id: r.ancestorId, parentId: r.ancestorParentId, distance: r.distance });
    }

    const periods = new Map<string, Period[]>();
    const containing = (id: string) => {
      let list = periods.get(id);
      if (!list) periods.set(id, (list = containingPeriods(parsePeriod(id))));
      return list;
    };
    const levels = new Map<number, Map<string, store.LevelCell>>();
    for (const mark of marks) {
      const chain = ancestors.get(mark.orgUnitId) ?? [];
      const depth = Math.max(0, ...chain.map((a) => a.distance));
      for (const a of chain) {
        const level = depth - a.distance;
        if (!levels.has(level)) levels.set(level, new Map());
        const cells = levels.get(level)!;
        for (const p of containing(mark.periodId)) {
          const cell = { indicatorId: mark.indicatorId, orgUnitId: a.id, periodId: p.id, parentId: a.parentId, periodType: p.type, start: p.start, end: p.end };
          cells.set(store.cellKey(cell), cell);
        }
      }
    }
    const t0 = performance.now();
    const spent: string[] = [];
    for (const level of [...levels.keys()].sort((a, b) => b - a)) {
      const t = performance.now();
      await store.recomputeLevel(tx, [...levels.get(level)!.values()]);
      spent.push(`L${level}:${levels.get(level)!.size}c/${Math.round(performance.now() - t)}ms`);
    }
    if (PROFILE) process.stderr.write(`[rollup] ${marks.length} marks ${Math.round(performance.now() - t0)}ms ${spent.join(' ')}\n`);
    return marks.length;
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
