/**
 * Bulk import through the API against COPY of the very same rows.
 *
 * The app side is `POST /api/v1/data-values` through the whole Fastify app (app.inject), signed in as
 * admin, one atomic batch per request: JSON parsing and schema validation, resolving indicator and
 * unit codes, the scope check, per-row validation, the upsert, and — in the same transaction, from
 * the data_values trigger — one history row and one rollup dirty mark per row, plus the audit event.
 * The rollup worker does not run meanwhile; the drain of the marks the import left is timed after.
 *
 * The floor is `COPY … FROM STDIN` of the same rows (codes already resolved to ids, periods already
 * expanded to their dates, the COPY text prepared beforehand) into a bare copy of data_values: same
 * columns, primary key and index, prefilled with the same rows data_values holds, but no trigger,
 * no foreign keys, no history, no marks.
 */
import { performance } from 'node:perf_hooks';
import { parsePeriod } from '../../domain/periods.ts';
import { drainAll, drainBatch } from '../jobs/rollupWorker.ts';
import type { Db } from '../db/database.ts';
import type { App } from '../http/types.ts';
import type pg from 'pg';
import { copyFrom, copyValue } from './copyIn.ts';
import type { BenchIndicator, Commune } from './dataset.ts';
import { sample } from './dataset.ts';
import { summarize, timed, type Summary } from './stats.ts';

export interface WriteSession {
  app: App;
  cookie: string;
  csrfToken: string;
}

export interface ImportResult {
  rows: number;
  batchSize: number;
  api: Summary;
  copy: Summary;
  apiRowsPerSec: number;
  copyRowsPerSec: number;
  /** Marks the import left for the rollup worker (one per row). */
  drainMarks: number;
  /** The worker's drain right after the import, bounded: marks consumed and time taken. */
  drain: { marks: number; ms: number; complete: boolean; autoAnalyzed: boolean };
  /** If that drain hit its bound: the rest, after ANALYZE data_values. */
  afterAnalyze?: { marks: number; ms: number };
}

interface Batch {
  body: string;
  copy: Buffer;
  rows: number;
}

const COPY_COLUMNS = ['indicator_id', 'org_unit_id', 'period_id', 'period_type', 'period_start', 'period_end', 'value', 'numerator', 'denominator', 'source'];

/** Rows for months no scale generates, month by month, indicator by indicator, commune by commune. */
function batches(indicators: readonly BenchIndicator[], communes: readonly Commune[], months: readonly string[], batchSize: number, count: number): Batch[] {
  const out: Batch[] = [];
  let json: unknown[] = [];
  let lines: string[] = [];
  const flush = () => {
    out.push({ body: JSON.stringify({ dataValues: json }), copy: Buffer.from(lines.join('')), rows: json.length });
    json = [];
    lines = [];
  };
  for (const month of months) {
    const period = parsePeriod(month);
    const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    for (const ind of indicators) {
      for (const unit of communes) {
        const s = sample(ind.g, unit.id, year, m);
        const ratio = s.numerator !== null;
        json.push(ratio ? { indicator: ind.code, orgUnit: unit.code, period: month, numerator: s.numerator, denominator: s.denominator } : { indicator: ind.code, orgUnit: unit.code, period: month, value: s.value });
        const stored = ratio ? (100 * s.numerator!) / s.denominator! : s.value;
        lines.push([ind.id, unit.id, month, 'month', period.start, period.end, stored, s.numerator, s.denominator, 'api'].map((v) => copyValue(v)).join('\t') + '\n');
        if (json.length === batchSize) {
          flush();
          if (out.length === count) return out;
        }
      }
    }
  }
  if (json.length) flush();
  return out.slice(0, count);
}

export async function benchImport(options: {
  session: WriteSession;
  db: Db;
  pool: pg.Pool;
  indicators: readonly BenchIndicator[];
  communes: readonly Commune[];
  months: readonly string[];
  batchSize: number;
  batchCount: number;
  drainLimitMs: number;
  checkpoint: () => Promise<void>;
  log: (line: string) => void;
}): Promise<ImportResult> {
  const { session, pool } = options;
  const work = batches(options.indicators, options.communes, options.months, options.batchSize, options.batchCount);
  if (work.length < options.batchCount) throw new Error(`only ${work.length} import batches available`);

  await pool.query('DROP TABLE IF EXISTS bench_values_floor');
  await pool.query('CREATE TABLE bench_values_floor (LIKE data_values INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)');
  await pool.query('INSERT INTO bench_values_floor SELECT * FROM data_values');
  await pool.query('VACUUM ANALYZE bench_values_floor');
  await pool.query('DELETE FROM rollup_dirty'); // nothing pending: the drain below is the import's alone

  const post = async (batch: Batch) => {
    const res = await session.app.inject({
      method: 'POST',
      url: '/api/v1/data-values',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      payload: batch.body,
    });
    if (res.statusCode !== 200) throw new Error(`POST /data-values: ${res.statusCode} ${res.body.slice(0, 500)}`);
    const summary = res.json<{ imported: number }>();
    if (summary.imported !== batch.rows) throw new Error(`POST /data-values imported ${summary.imported} of ${batch.rows} rows`);
  };
  const client = await pool.connect();
  const apiTimes: number[] = [];
  const copyTimes: number[] = [];
  try {
    const copy = (batch: Batch) => copyFrom(client, `COPY bench_values_floor (${COPY_COLUMNS.join(', ')}) FROM STDIN`, batch.copy);
    // One checkpoint before the loop, not one per batch: right after a checkpoint the first change to
    // each page logs the whole page, and a batch of 10,000 scattered keys touches ~10,000 index pages,
    // so per-batch checkpoints would time mostly full-page writes on both sides.
    await options.checkpoint();
    for (const [i, batch] of work.entries()) {
      // Alternate which side goes first.
      for (const side of i % 2 === 0 ? ['api', 'copy'] : ['copy', 'api']) {
        if (side === 'api') apiTimes.push(await timed(() => post(batch)));
        else copyTimes.push(await timed(() => copy(batch)));
      }
      options.log(`    batch ${i + 1}/${work.length}: API ${apiTimes.at(-1)!.toFixed(0)} ms, COPY ${copyTimes.at(-1)!.toFixed(0)} ms`);
    }
  } finally {
    client.release();
  }
  await pool.query('DROP TABLE bench_values_floor');

  // The worker's drain, as it finds the database right after the import: the new month lies beyond
  // what PostgreSQL's statistics on data_values know, unless autovacuum has analyzed it since.
  const marks = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM rollup_dirty')).rows[0]!.n);
  const analyzedAt = async () =>
    (await pool.query<{ t: Date | null }>(`SELECT last_autoanalyze AS t FROM pg_stat_user_tables WHERE relname = 'data_values'`)).rows[0]?.t?.getTime() ?? 0;
  const analyzedBefore = await analyzedAt();
  const drainStart = performance.now();
  let drained = 0;
  let complete = false;
  while (performance.now() - drainStart < options.drainLimitMs) {
    const n = await drainBatch(options.db);
    if (n === 0) {
      complete = true;
      break;
    }
    drained += n;
  }
  const drain = { marks: drained, ms: performance.now() - drainStart, complete, autoAnalyzed: (await analyzedAt()) !== analyzedBefore };
  let afterAnalyze: ImportResult['afterAnalyze'];
  if (!complete) {
    options.log(`    drain: ${drained.toLocaleString('en')} of ${marks.toLocaleString('en')} marks in ${(drain.ms / 1000).toFixed(0)} s; ANALYZE data_values, then the rest…`);
    await pool.query('ANALYZE data_values');
    const rest = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM rollup_dirty')).rows[0]!.n);
    afterAnalyze = { marks: rest, ms: await timed(() => drainAll(options.db)) };
  }
  const api = summarize(apiTimes);
  const copyStats = summarize(copyTimes);
  return {
    rows: work.reduce((n, b) => n + b.rows, 0),
    batchSize: options.batchSize,
    api,
    copy: copyStats,
    apiRowsPerSec: (options.batchSize * 1000) / api.median,
    copyRowsPerSec: (options.batchSize * 1000) / copyStats.median,
    drainMarks: marks,
    drain,
    afterAnalyze,
  };
}
