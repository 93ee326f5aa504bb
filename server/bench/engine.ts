/**
 * The value-engine benchmarks: bulk import vs COPY, the full rollup build, a province dashboard vs
 * SQL over the rollups vs a naive scan of raw values (at each scale asked for), and freshness under
 * concurrent submitters. They run on a second connection pool of the production size (10, as
 * `dxpulse serve` opens), with the Fastify app built on it, in the scratch database the read
 * benchmarks left with the whole country loaded.
 */
import type pg from 'pg';
import { loadConfig } from '../config.ts';
import { createDb, type Db } from '../db/database.ts';
import { buildApp } from '../http/app.ts';
import { startRollupWorker } from '../jobs/rollupWorker.ts';
import { ADMIN_USERNAME } from '../seed/bootstrap.ts';
import {
  buildRollups, DASHBOARD_INDICATORS, DASHBOARD_YEAR, ensureIndicators, generateValues, monthsBetween, reportingCommunes, SCALES, tracerId,
  type RollupBuild, type Scale, type ScaleName,
} from './dataset.ts';
import { countryNaiveScan, countryRollupSql, naiveScan, rollupSql, sameCells, viaSingleReads, viaTable, type DashboardSpec } from './dashboard.ts';
import { benchFreshness, type FreshnessResult } from './freshness.ts';
import { benchImport, type ImportResult } from './importBench.ts';
import type { EngineRow } from './report.ts';
import { formatMs, summarize, timed, type Summary } from './stats.ts';

export interface EngineOptions {
  url: string;
  pool: pg.Pool;
  adminPassword: string;
  scales: ScaleName[];
  buildLimitMs: number;
  dashboardRounds: number;
  browserConcurrency: number;
  importBatches: number;
  importBatchSize: number;
  importDrainLimitMs: number;
  submitters: number;
  submissionsEach: number;
  /** The paced freshness phase: each submission after a random pause of 0…paceMs. */
  paceMs: number;
  checkpoint: () => Promise<void>;
  log: (line: string) => void;
}

interface DashboardResult {
  /** The product: one GET /analytics/table. */
  api: Summary;
  /** Secondary: the same cells through 240 single GET /analytics requests. */
  singleReads: Summary;
  rollup: Summary;
  naive: Summary;
  country: { rollup: Summary; naive: Summary; cells: number };
  requests: number;
  cells: number;
  provinces: string;
}

interface ScaleResult {
  scale: Scale;
  values: number;
  generateMs: number;
  build: RollupBuild;
  dashboard?: DashboardResult;
}

export interface EngineResults {
  rows: EngineRow[];
  json: Record<string, unknown>;
}

const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);
const fmtInt = (n: number) => Math.round(n).toLocaleString('en');
const fmtS = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
/** Latencies: milliseconds up to 10 s, seconds beyond. */
const fmtLatency = (ms: number) => (ms < 10_000 ? formatMs(ms) : `${(ms / 1000).toFixed(1)} s`);

/** The largest, the median and the smallest province by number of open units directly under it. */
async function dashboardSpecs(db: Db, indicators: { id: number; code: string }[]): Promise<DashboardSpec[]> {
  const provinces = await db
    .selectFrom('org_units as p')
    .innerJoin('org_units as c', 'c.parent_id', 'p.id')
    .select(['p.id', 'p.code', 'p.name', db.fn.countAll<string>().as('children')])
    .where('p.parent_id', 'is', null)
    .where('p.closed_on', 'is', null)
    .where('c.closed_on', 'is', null)
    .groupBy(['p.id', 'p.code', 'p.name'])
    .orderBy('children', 'desc')
    .orderBy('p.code')
    .execute();
  const picks = [provinces[0]!, provinces[Math.floor(provinces.length / 2)]!, provinces[provinces.length - 1]!];
  const months = monthsBetween(`${DASHBOARD_YEAR}-01`, `${DASHBOARD_YEAR}-12`);
  return picks.map((p) => ({ provinceId: p.id, provinceCode: p.code, provinceName: p.name, children: Number(p.children), indicators, months }));
}

async function benchDashboard(
  specs: DashboardSpec[],
  provinceIds: number[],
  rounds: number,
  app: Parameters<typeof viaTable>[0],
  cookie: string,
  pool: pg.Pool,
  concurrency: number,
): Promise<DashboardResult> {
  let cells = 0;
  for (const d of specs) {
    const expected = await rollupSql(pool, d);
    sameCells(`dashboard ${d.provinceCode}, API table`, expected, await viaTable(app, cookie, d));
    sameCells(`dashboard ${d.provinceCode}, API single reads`, expected, await viaSingleReads(app, cookie, d, concurrency));
    sameCells(`dashboard ${d.provinceCode}, naive scan`, expected, await naiveScan(pool, d));
    cells += expected.size;
  }
  const country = specs[0]!;
  const countryExpected = await countryRollupSql(pool, provinceIds, country);
  sameCells('country view, naive scan', countryExpected, await countryNaiveScan(pool, provinceIds, country));

  const sides = [
    (d: DashboardSpec) => viaTable(app, cookie, d),
    (d: DashboardSpec) => rollupSql(pool, d),
    (d: DashboardSpec) => naiveScan(pool, d),
    (d: DashboardSpec) => viaSingleReads(app, cookie, d, concurrency),
  ];
  const times: number[][] = sides.map(() => []);
  const countryTimes: number[][] = [[], []];
  // Round 0 warms up (plans, buffers, JIT) and is dropped. Each round rotates which side goes first.
  for (let round = 0; round <= rounds; round++) {
    for (const [i, d] of specs.entries()) {
      for (let j = 0; j < sides.length; j++) {
        const side = (round + i + j) % sides.length;
        const ms = await timed(() => sides[side]!(d));
        if (round > 0) times[side]!.push(ms);
      }
    }
    for (let j = 0; j < 2; j++) {
      const side = (round + j) % 2;
      const ms = await timed(() => (side === 0 ? countryRollupSql(pool, provinceIds, country) : countryNaiveScan(pool, provinceIds, country)));
      if (round > 0) countryTimes[side]!.push(ms);
    }
  }
  return {
    api: summarize(times[0]!),
    singleReads: summarize(times[3]!),
    rollup: summarize(times[1]!),
    naive: summarize(times[2]!),
    country: { rollup: summarize(countryTimes[0]!), naive: summarize(countryTimes[1]!), cells: countryExpected.size },
    requests: specs[0]!.indicators.length * specs[0]!.months.length,
    cells: Math.round(cells / specs.length),
    provinces: specs.map((d) => `${d.provinceName} (${d.children})`).join(', '),
  };
}

export async function runEngine(opts: EngineOptions): Promise<EngineResults> {
  const { log } = opts;
  const product = createDb(opts.url); // the production pool size
  const app = await buildApp({ db: product.db, config: { ...loadConfig({}), sessionTtlHours: 2 } });
  try {
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: ADMIN_USERNAME, password: opts.adminPassword } });
    if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrfToken = login.json<{ csrfToken: string }>().csrfToken;

    const communes = await reportingCommunes(product.db);
    const provinceIds = [...new Set(communes.map((c) => c.provinceId))];
    const scales: ScaleResult[] = [];
    let importResult: ImportResult | undefined;
    let freshness: FreshnessResult[] | undefined;
    let previous: Scale | null = null;

    for (const name of opts.scales) {
      const scale = SCALES[name];
      const indicators = await ensureIndicators(product.db, scale.indicators);
      log(`Values, ${name}: generating ${scale.indicators} indicators × ${monthsBetween(scale.firstMonth, `${DASHBOARD_YEAR}-12`).length} months × ${communes.length} communes…`);
      const generated = await generateValues(opts.pool, indicators, communes, scale, previous, log);
      const values = Number((await opts.pool.query<{ n: string }>('SELECT count(*) AS n FROM data_values')).rows[0]!.n);
      log(`  ${fmtInt(generated.rows)} values generated in ${fmtS(generated.ms)} (${fmtInt(values)} in all). Full rollup build (mark every cell dirty, drain)…`);
      await opts.checkpoint();
      const build = await buildRollups(product.db, opts.pool, opts.buildLimitMs, log);
      log(
        `  rollup build: ${fmtInt(build.marks)} marks in ${fmtS(build.markMs)}, drain ${build.complete ? '' : 'STOPPED at the limit after '}${fmtS(build.drainMs)} ` +
          `(${fmtInt(rate(build.drained, build.drainMs))} marks/s), ${fmtInt(build.rollupRows)} rollup rows`,
      );
      const result: ScaleResult = { scale, values, generateMs: generated.ms, build };
      if (build.complete) {
        const dashIndicators = indicators.slice(0, DASHBOARD_INDICATORS).map((i) => ({ id: i.id, code: i.code }));
        const specs = await dashboardSpecs(product.db, dashIndicators);
        log(`  Province dashboard, ${opts.dashboardRounds} rounds over ${specs.map((s) => s.provinceCode).join(', ')}…`);
        result.dashboard = await benchDashboard(specs, provinceIds, opts.dashboardRounds, app, cookie, opts.pool, opts.browserConcurrency);
        const d = result.dashboard;
        log(`  dashboard: API table ${formatMs(d.api.median)}, rollups SQL ${formatMs(d.rollup.median)}, naive scan ${formatMs(d.naive.median)}; ${d.requests} single API reads ${formatMs(d.singleReads.median)}`);
      } else {
        log(`  the rollups are incomplete: no dashboard at ${name}`);
      }
      scales.push(result);

      if (!importResult) {
        log(`Bulk import: ${opts.importBatches} batches of ${fmtInt(opts.importBatchSize)} rows, API vs COPY…`);
        const dashIndicators = indicators.slice(0, DASHBOARD_INDICATORS);
        importResult = await benchImport({
          session: { app, cookie, csrfToken }, db: product.db, pool: opts.pool, indicators: dashIndicators, communes,
          months: monthsBetween(`${DASHBOARD_YEAR + 1}-01`, `${DASHBOARD_YEAR + 1}-12`), batchSize: opts.importBatchSize, batchCount: opts.importBatches,
          drainLimitMs: opts.importDrainLimitMs, checkpoint: opts.checkpoint, log,
        });
        log(`  import: ${fmtInt(importResult.apiRowsPerSec)} rows/s via API, ${fmtInt(importResult.copyRowsPerSec)} rows/s by COPY; ${drainWords(importResult)}`);

        log(`Freshness: ${opts.submitters} submitters, rollup worker running…`);
        const n = opts.submissionsEach;
        const month = (k: number) => `${DASHBOARD_YEAR + 2}-${String(k).padStart(2, '0')}`;
        freshness = await benchFreshness({
          app, db: product.db, url: opts.url, communes, indicators: dashIndicators, tracerId: await tracerId(product.db),
          submitters: opts.submitters, year: DASHBOARD_YEAR + 2, pollMs: 5, timeoutMs: 180_000,
          phases: [
            { label: 'paced', months: Array.from({ length: n }, (_, k) => month(k + 1)), thinkMaxMs: opts.paceMs },
            { label: 'burst', months: Array.from({ length: n }, (_, k) => month(n + k + 1)), thinkMaxMs: 0 },
          ],
          startWorker: () => startRollupWorker(product.db, product.pool, { onError: (e) => log(`  rollup worker: ${(e as Error).message}`) }),
          log,
        });
        for (const f of freshness) log(`  freshness, ${f.label}: p95 ${fmtLatency(f.visible.p95)}, median ${fmtLatency(f.visible.median)}`);
      }
      previous = scale;
    }
    return report(scales, importResult!, freshness!, opts);
  } finally {
    await app.close();
    await product.db.destroy();
  }
}

function report(scales: ScaleResult[], imp: ImportResult, freshness: FreshnessResult[], opts: EngineOptions): EngineResults {
  const rows: EngineRow[] = [];
  const first = scales[0]!;
  const valuesLabel = (s: ScaleResult) => `${s.scale.name} (${fmtInt(s.values)})`;
  const importRatio = imp.apiRowsPerSec / imp.copyRowsPerSec;
  const drainRate = rate(imp.drain.marks, imp.drain.ms);
  const analyzedRate = imp.afterAnalyze ? rate(imp.afterAnalyze.marks, imp.afterAnalyze.ms) : null;
  rows.push({
    name: `Bulk import, POST /data-values (${opts.importBatches} × ${fmtInt(imp.batchSize)} rows, atomic)`,
    scale: valuesLabel(first),
    app: `${fmtInt(imp.apiRowsPerSec)} rows/s (batch ${formatMs(imp.api.median)}, p95 ${formatMs(imp.api.p95)})`,
    floor: `COPY into bare table: ${fmtInt(imp.copyRowsPerSec)} rows/s (batch ${formatMs(imp.copy.median)})`,
    ratio: `${(importRatio * 100).toFixed(0)}% of COPY`,
    note: `worker stopped during the import; then the worker's drain of its ${fmtInt(imp.drainMarks)} marks: ${drainWords(imp)}`,
  });
  for (const s of scales) {
    const b = s.build;
    rows.push({
      name: 'Full rollup build (mark every value dirty, drain)',
      scale: valuesLabel(s),
      app: b.complete ? fmtS(b.markMs + b.drainMs) : `> ${fmtS(b.markMs + b.drainMs)} (stopped)`,
      floor: '—',
      ratio: '—',
      note: `mark ${fmtS(b.markMs)} + drain ${fmtS(b.drainMs)}: ${fmtInt(rate(b.drained, b.drainMs))} values/s, ${fmtInt(b.rollupRows)} rollup rows` +
        (b.complete ? '' : `; ${fmtInt(b.drained)} of ${fmtInt(b.marks)} marks drained, whole build ≈ ${fmtS(b.markMs + (b.drainMs * b.marks) / Math.max(1, b.drained))} at that rate`),
    });
  }
  for (const s of scales) {
    const d = s.dashboard;
    if (!d) continue;
    rows.push({
      name: 'Province dashboard (20 indicators × children × 12 months, one GET /analytics/table)',
      scale: valuesLabel(s),
      app: `${formatMs(d.api.median)} (p95 ${formatMs(d.api.p95)})`,
      floor: `one SQL query over rollups: ${formatMs(d.rollup.median)} (p95 ${formatMs(d.rollup.p95)})`,
      ratio: `${(d.api.median / d.rollup.median).toFixed(1)}×`,
      note: `naive scan of raw values via closure table: ${formatMs(d.naive.median)} (p95 ${formatMs(d.naive.p95)}, ${(d.naive.median / d.rollup.median).toFixed(1)}× rollups SQL); ~${fmtInt(d.cells)} cells; ${d.provinces}`,
    });
    rows.push({
      name: `Province dashboard, secondary: the same cells through ${d.requests} single GET /analytics requests (${opts.browserConcurrency} at a time)`,
      scale: valuesLabel(s),
      app: `${formatMs(d.singleReads.median)} (p95 ${formatMs(d.singleReads.p95)})`,
      floor: `one SQL query over rollups: ${formatMs(d.rollup.median)}`,
      ratio: `${(d.singleReads.median / d.rollup.median).toFixed(0)}×`,
      note: `what a client had to do before the table read; ${(d.singleReads.median / d.api.median).toFixed(0)}× the table read`,
    });
    rows.push({
      name: 'Country view, SQL only (20 indicators × 34 provinces × 12 months)',
      scale: valuesLabel(s),
      app: '—',
      floor: `rollups: ${formatMs(d.country.rollup.median)} (p95 ${formatMs(d.country.rollup.p95)})`,
      ratio: '—',
      note: `naive scan: ${formatMs(d.country.naive.median)} (p95 ${formatMs(d.country.naive.p95)}), ${(d.country.naive.median / d.country.rollup.median).toFixed(0)}× rollups; ${fmtInt(d.country.cells)} cells`,
    });
  }
  for (const fresh of freshness) {
    const how = fresh.thinkMaxMs ? `each submission after a random 0–${fresh.thinkMaxMs / 1000} s pause` : 'all at once, no pause';
    rows.push({
      name: `Freshness, ${fresh.label}: commit → visible at the province (${fresh.submitters} submitters × ${opts.submissionsEach}, ${how}, ${fresh.rowsPerSubmission} values each)`,
      scale: valuesLabel(first),
      app: `p95 ${fmtLatency(fresh.visible.p95)} (median ${fmtLatency(fresh.visible.median)}, max ${fmtLatency(fresh.maxVisibleMs)})`,
      floor: '—',
      ratio: fresh.visible.p95 < 1000 ? 'aim < 1 s: met' : 'aim < 1 s: missed',
      note: `${fresh.submissions} submissions in ${fmtS(fresh.wallMs)} (${(fresh.submissions / (fresh.wallMs / 1000)).toFixed(0)}/s); POST latency median ${fmtLatency(fresh.submit.median)}, p95 ${fmtLatency(fresh.submit.p95)}` +
        (fresh.beforeResponse ? `; ${fresh.beforeResponse} visible before their response arrived (counted 0 ms)` : ''),
    });
  }
  // The headline is the paced phase: 300 submitters each submitting at moments of their own (~60
  // forms/s in all). The burst — all 300 at once, no pause — is a saturation test of the worker.
  const burst = freshness.find((f) => f.label === 'burst')!;
  const paced = freshness.find((f) => f.label === 'paced') ?? burst;
  const perScale = Object.fromEntries(
    scales.map((s) => [
      s.scale.name,
      {
        values: s.values,
        generateMs: Math.round(s.generateMs),
        rollupBuildMs: Math.round(s.build.markMs + s.build.drainMs),
        rollupBuildComplete: s.build.complete,
        ...(s.build.complete ? {} : { rollupBuildEstimatedMs: Math.round(s.build.markMs + (s.build.drainMs * s.build.marks) / Math.max(1, s.build.drained)) }),
        rollupRows: s.build.rollupRows,
        ...(s.dashboard
          ? {
              dashboardMs: round(s.dashboard.api.median),
              dashboardP95Ms: round(s.dashboard.api.p95),
              dashboardVsRollupSql: round(s.dashboard.api.median / s.dashboard.rollup.median),
              dashboardSingleReadsMs: round(s.dashboard.singleReads.median),
              rollupSqlMs: round(s.dashboard.rollup.median),
              naiveScanMs: round(s.dashboard.naive.median),
              countryRollupSqlMs: round(s.dashboard.country.rollup.median),
              countryNaiveScanMs: round(s.dashboard.country.naive.median),
            }
          : {}),
      },
    ]),
  );
  const firstDash = first.dashboard;
  const json: Record<string, unknown> = {
    importVsCopy: round(importRatio, 3),
    dashboardMs: firstDash ? round(firstDash.api.median) : null,
    dashboardVsRollupSql: firstDash ? round(firstDash.api.median / firstDash.rollup.median) : null,
    dashboardSingleReadsMs: firstDash ? round(firstDash.singleReads.median) : null,
    rollupSqlMs: firstDash ? round(firstDash.rollup.median) : null,
    naiveScanMs: firstDash ? round(firstDash.naive.median) : null,
    freshnessP95Ms: round(paced.visible.p95),
    freshnessMedianMs: round(paced.visible.median),
    freshnessBurstP95Ms: round(burst.visible.p95),
    freshnessBurstMedianMs: round(burst.visible.median),
    importRowsPerSec: Math.round(imp.apiRowsPerSec),
    copyRowsPerSec: Math.round(imp.copyRowsPerSec),
    importBatchMs: round(imp.api.median),
    importDrainRowsPerSec: drainRate,
    importDrainComplete: imp.drain.complete,
    importDrainAfterAnalyzeRowsPerSec: analyzedRate,
    rollupBuildMs: Math.round(first.build.markMs + first.build.drainMs),
    submitP95Ms: round(paced.submit.p95),
    submitBurstP95Ms: round(burst.submit.p95),
    submissions: freshness.reduce((n, f) => n + f.submissions, 0),
    values: first.values,
    scales: perScale,
  };
  return { rows, json };
}

function drainWords(imp: ImportResult): string {
  const d = imp.drain;
  const first = `${fmtInt(rate(d.marks, d.ms))} marks/s${d.autoAnalyzed ? ' (autovacuum analyzed data_values meanwhile)' : ''}`;
  if (d.complete) return `${fmtS(d.ms)}, ${first}`;
  const a = imp.afterAnalyze!;
  return `${first} for ${fmtS(d.ms)} (${fmtInt(d.marks)} marks, then stopped); after ANALYZE data_values the other ${fmtInt(a.marks)} in ${fmtS(a.ms)}, ${fmtInt(rate(a.marks, a.ms))} marks/s`;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
