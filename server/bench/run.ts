/**
 * `dxpulse bench` / `npm run bench`. Speed is reported as ratios against the raw-PostgreSQL floor
 * measured in the same run on the same server, so the figures say what the application adds and
 * survive a change of machine; nothing here asserts a time. See docs/benchmarks.md.
 *
 * Benchmarks 1–5 (reads of the unit tree, seeding, login) are here; the values engine (bulk import
 * vs COPY, the full rollup build, a province dashboard vs SQL over the rollups vs a naive scan, and
 * freshness under concurrent submitters) is in engine.ts, on the same scratch database afterwards.
 *
 * The run owns its database: a throw-away embedded PostgreSQL with durable settings (fsync on, so
 * commits cost what they cost in production), or, when DATABASE_URL is set, a scratch database
 * created on that server and dropped afterwards. Every loop is bounded; everything is loopback.
 * Progress goes to stderr; stdout carries the results, and with --json one JSON object only.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { verify } from '@node-rs/argon2';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../config.ts';
import { ensureDatabase } from '../db/connect.ts';
import { createDb, type Db } from '../db/database.ts';
import { startEmbeddedPostgres } from '../db/embeddedPostgres.ts';
import { migrate } from '../db/migrate.ts';
import { buildApp } from '../http/app.ts';
import type { App } from '../http/types.ts';
import { ADMIN_USERNAME, ensureAdmin } from '../seed/bootstrap.ts';
import { seedUnits } from '../seed/units.ts';
import { copyFrom, copyValue } from './copyIn.ts';
import { childrenFloor, searchFloor, subtreeFloor, type RawQuery } from './floors.ts';
import type { ScaleName } from './dataset.ts';
import { runEngine, type EngineResults } from './engine.ts';
import { consoleEngine, consoleTable, markdownSection, writeSection, type Machine, type ResultRow } from './report.ts';
import { summarize, timed } from './stats.ts';

const DOC_FILE = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const API = '/api/v1';
/** The API's default page size; the store asks PostgreSQL for one more row to know whether a next page exists. */
const PAGE = 50;
const SUBTREE_MAX_DEPTH = 20;

/**
 * What people type into the unit picker: names without diacritics (wards, communes, former
 * districts and provinces that now live on as closed units), half-typed words, broad prefixes that
 * match thousands of rows, and two official codes.
 */
const SEARCHES = [
  'duong kinh', 'hai phong', 'ba dinh', 'hoan kiem', 'cau giay', 'long bien', 'hong bang', 'le chan', 'ngo quyen',
  'kien an', 'do son', 'thuy nguyen', 'an duong', 'tien lang', 'vinh bao', 'cat hai', 'bach long vi', 'thu duc',
  'ben thanh', 'tan dinh', 'sai gon', 'hoi an', 'hue', 'nha trang', 'vung tau', 'can tho', 'ha long', 'mong cai',
  'sa pa', 'dien bien', 'phu quoc', 'dong da', 'tay ho', 'ha dong', 'son tay', 'thai nguyen', 'viet tri', 'ninh binh',
  'da lat', 'buon ma thuot', 'quy nhon', 'lang son', 'my tho', 'bien hoa', 'thu dau mot',
  'duong k', 'hai ph', 'xa tan', 'phuong an', 'vinh', 'trung', '11692', '26743',
];

/** Progress goes to stderr, so that stdout carries only the results (and with --json only the JSON). */
const log = (line: string) => console.error(line);

interface Scratch {
  db: Db;
  pool: pg.Pool;
  source: string;
  url: string;
}

/** A database nobody else uses, and the undo steps to remove it, run in reverse order. */
async function openScratch(cleanups: (() => Promise<void>)[]): Promise<Scratch> {
  let serverUrl = process.env.DATABASE_URL;
  let source = 'external server from DATABASE_URL, scratch database';
  if (!serverUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxpulse-bench-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    // fastUnsafe off: fsync and synchronous commit stay on, so writes are timed honestly.
    const server = await startEmbeddedPostgres({ dataDir, fastUnsafe: false });
    cleanups.push(() => server.stop());
    serverUrl = server.url;
    source = 'embedded, throw-away';
  }
  const name = `dxpulse_bench_${randomBytes(5).toString('hex')}`;
  const url = await ensureDatabase(serverUrl, name);
  cleanups.push(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  });
  const { db, pool } = createDb(url, 4);
  cleanups.push(() => db.destroy());
  return { db, pool, source, url };
}

/**
 * Time the app and its floor over the same inputs. The two alternate within each pair and the order
 * flips every time, so neither side systematically runs on caches the other just warmed, and slow
 * drift of the machine (thermal, background work) lands on both sides alike.
 */
async function paired<T>(
  inputs: readonly T[],
  rounds: number,
  app: (input: T) => Promise<unknown>,
  floor: (input: T) => Promise<unknown>,
): Promise<{ app: number[]; floor: number[] }> {
  const out = { app: [] as number[], floor: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const [i, input] of inputs.entries()) {
      if ((round + i) % 2 === 0) {
        out.app.push(await timed(() => app(input)));
        out.floor.push(await timed(() => floor(input)));
      } else {
        out.floor.push(await timed(() => floor(input)));
        out.app.push(await timed(() => app(input)));
      }
    }
  }
  return out;
}

/** Fewer checkpoints landing inside a timed write: start each one from a clean slate. Needs superuser or pg_checkpoint; skipped otherwise. */
async function checkpoint(pool: pg.Pool): Promise<void> {
  await pool.query('CHECKPOINT').catch(() => {});
}

/** Benchmark 4. Leaves the whole country loaded for the read benchmarks. */
async function benchSeeding(s: Scratch, runs: number): Promise<ResultRow> {
  const reset = () => sql`TRUNCATE org_unit_closure, org_unit_lineage, memberships, org_units RESTART IDENTITY CASCADE`.execute(s.db);
  const seedTimes: number[] = [];
  for (let run = 0; run <= runs; run++) {
    await reset();
    await checkpoint(s.pool);
    const ms = await timed(() => seedUnits(s.db, 'all'));
    if (run > 0) seedTimes.push(ms); // run 0 warms the JIT, the CSV parser and the page cache
  }

  // The floor: the very org_units rows the seed produced, as COPY text prepared in memory beforehand,
  // into a table of the same shape without indexes, constraints or the closure and lineage tables.
  const rows = await s.pool.query<Record<string, string | number | null>>(
    'SELECT code, name, kind, parent_id, valid_from, closed_on, search_key FROM org_units ORDER BY id',
  );
  const columns = ['code', 'name', 'kind', 'parent_id', 'valid_from', 'closed_on', 'search_key'];
  const data = Buffer.from(rows.rows.map((r) => columns.map((c) => copyValue(r[c] ?? null)).join('\t') + '\n').join(''));
  await s.pool.query('CREATE TABLE bench_copy_floor (LIKE org_units INCLUDING DEFAULTS INCLUDING IDENTITY)');
  const copyTimes: number[] = [];
  const client = await s.pool.connect();
  try {
    // The COPY takes ~15 ms, mostly one fsync, so disk jitter swings it; it is cheap, so sample it 5× as often.
    for (let run = 0; run <= runs * 5; run++) {
      await client.query('TRUNCATE bench_copy_floor');
      await checkpoint(s.pool);
      const ms = await timed(() => copyFrom(client, `COPY bench_copy_floor (${columns.join(', ')}) FROM STDIN`, data));
      if (run > 0) copyTimes.push(ms);
    }
  } finally {
    client.release();
  }
  await s.pool.query('DROP TABLE bench_copy_floor');
  return {
    name: `Seed whole country (${rows.rowCount} units)`,
    app: summarize(seedTimes),
    floor: summarize(copyTimes),
    floorLabel: 'COPY units into bare table',
  };
}

interface SignedIn {
  app: App;
  cookie: string;
  roots: number[];
}

async function apiGet(api: SignedIn, url: string): Promise<string> {
  const res = await api.app.inject({ method: 'GET', url, headers: { cookie: api.cookie } });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.body;
}

/**
 * Run once untimed and compare the ids the API returns with the floor's: the floor must be the
 * same query, or the ratio means nothing.
 */
async function checkSameRows(label: string, apiBody: string, floorRows: { id: number }[]): Promise<void> {
  const apiIds = (JSON.parse(apiBody) as { items: { id: number }[] }).items.map((i) => i.id);
  const floorIds = floorRows.slice(0, apiIds.length).map((r) => Number(r.id));
  if (apiIds.length === 0 && floorRows.length > 0) throw new Error(`${label}: API returned nothing, floor returned ${floorRows.length} rows`);
  if (apiIds.join() !== floorIds.join()) {
    throw new Error(`${label}: the floor query no longer matches the API (ids ${floorIds.slice(0, 5).join()}… vs ${apiIds.slice(0, 5).join()}…); update server/bench/floors.ts`);
  }
}

/** Benchmarks 1–3: one GET through the whole Fastify app against its query sent straight to PostgreSQL. */
async function benchRead<T>(
  s: Scratch,
  api: SignedIn,
  name: string,
  floorLabel: string,
  inputs: readonly T[],
  rounds: number,
  url: (input: T) => string,
  floor: (input: T) => RawQuery,
): Promise<ResultRow> {
  const viaApi = (input: T) => apiGet(api, url(input));
  const viaPg = (input: T) => {
    const q = floor(input);
    return s.pool.query(q.text, q.values);
  };
  for (const input of inputs) await checkSameRows(`${name} ${url(input)}`, await viaApi(input), (await viaPg(input)).rows);
  await paired(inputs, 1, viaApi, viaPg); // warm-up: plans cached, pages in shared buffers, JIT settled
  const times = await paired(inputs, rounds, viaApi, viaPg);
  const row = { name, app: summarize(times.app), floor: summarize(times.floor), floorLabel };
  log(`  ${name}: ${row.app.median.toFixed(2)} ms vs ${row.floor.median.toFixed(2)} ms`);
  return row;
}

/** Benchmark 5. Argon2id is slow on purpose (it is what makes stolen hashes expensive to crack). */
async function benchLogin(s: Scratch, app: App, password: string, samples: number): Promise<ResultRow> {
  const hash = (await s.db.selectFrom('users').select('password_hash').where('username', '=', ADMIN_USERNAME).executeTakeFirstOrThrow()).password_hash;
  const viaApi = async () => {
    const res = await app.inject({ method: 'POST', url: `${API}/auth/login`, payload: { username: ADMIN_USERNAME, password } });
    if (res.statusCode !== 200) throw new Error(`login: ${res.statusCode} ${res.body.slice(0, 300)}`);
  };
  const argon = async () => {
    if (!(await verify(hash, password))) throw new Error('argon2 verify failed');
  };
  await paired([0, 1, 2], 1, viaApi, argon);
  const times = await paired(Array.from({ length: samples }, (_, i) => i), 1, viaApi, argon);
  return { name: 'Login (POST /auth/login)', app: summarize(times.app), floor: summarize(times.floor), floorLabel: 'argon2id verify alone' };
}

async function describeMachine(s: Scratch, source: string): Promise<Machine> {
  const setting = async (name: string) => (await s.pool.query<{ v: string }>(`SELECT current_setting('${name}') AS v`)).rows[0]!.v;
  const counts = (
    await s.pool.query<{ units: number; open: number; closure: number; lineage: number }>(
      `SELECT (SELECT count(*)::int FROM org_units) AS units, (SELECT count(*)::int FROM org_units WHERE closed_on IS NULL) AS open,
              (SELECT count(*)::int FROM org_unit_closure) AS closure, (SELECT count(*)::int FROM org_unit_lineage) AS lineage`,
    )
  ).rows[0]!;
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: await setting('server_version'),
    postgresSource: source,
    durability: `fsync=${await setting('fsync')}, synchronous_commit=${await setting('synchronous_commit')}, shared_buffers=${await setting('shared_buffers')}`,
    data: `${counts.units} units (${counts.open} open), ${counts.closure} closure rows, ${counts.lineage} lineage links`,
  };
}

export async function runBenchmarks(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean', default: false }, // the 1M case with fewer repeats, a few minutes; implies --no-write
      json: { type: 'boolean', default: false }, // one JSON object on stdout, progress on stderr; implies --no-write
      large: { type: 'boolean', default: false }, // also grow the values to 10M and measure again
      huge: { type: 'boolean', default: false }, // also grow the values to 100M (hours, tens of GB of disk)
      only: { type: 'string' }, // 'reads' (benchmarks 1–5), 'engine' (the values engine) or 'extract' (plan documents, written to its own section)
      rounds: { type: 'string' }, // passes over each input list of the read benchmarks
      'seed-runs': { type: 'string' },
      'login-samples': { type: 'string' },
      'dashboard-rounds': { type: 'string' },
      'import-batches': { type: 'string' },
      'import-batch-size': { type: 'string', default: '10000' },
      submitters: { type: 'string', default: '300' },
      submissions: { type: 'string', default: '3' },
      pace: { type: 'string', default: '10' }, // seconds: the paced freshness phase pauses 0…pace s before each submission
      'build-limit': { type: 'string', default: '60' }, // minutes the full rollup build may take at each scale
      'no-write': { type: 'boolean', default: false }, // print only; leave docs/benchmarks.md alone
    },
  });
  const quick = values.quick;
  const count = (name: string, value: string | undefined, fallback: number, quickFallback: number, max: number) => {
    const n = value === undefined ? (quick ? quickFallback : fallback) : Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be an integer from 1 to ${max}`);
    return n;
  };
  const rounds = count('rounds', values.rounds, 30, 5, 100);
  const seedRuns = count('seed-runs', values['seed-runs'], 10, 3, 20);
  const loginSamples = count('login-samples', values['login-samples'], 50, 10, 200);
  const dashboardRounds = count('dashboard-rounds', values['dashboard-rounds'], 5, 2, 50);
  const importBatches = count('import-batches', values['import-batches'], 10, 5, 100);
  const importBatchSize = count('import-batch-size', values['import-batch-size'], 10_000, 10_000, 200_000);
  const submitters = count('submitters', values.submitters, 300, 300, 1000);
  const submissions = count('submissions', values.submissions, 3, 3, 6);
  const pace = count('pace', values.pace, 10, 10, 120);
  const buildLimit = count('build-limit', values['build-limit'], 60, 60, 24 * 60);
  if (values.only !== undefined && !['reads', 'engine', 'extract'].includes(values.only)) throw new Error("--only must be 'reads', 'engine' or 'extract'");
  if (values.only === 'extract' || values.only === undefined) {
    const { runExtractBench, writeExtractSection } = await import('./extractBench.ts');
    const result = runExtractBench({ rounds: quick ? 3 : 10, log: (line) => console.error(line) });
    console.log(result.text);
    if (!values['no-write'] && !values.json && !quick) writeExtractSection(DOC_FILE, result.markdown);
    if (values.only === 'extract') return;
  }
  const runReads = values.only !== 'engine';
  const runEngineBench = values.only !== 'reads';
  const write = !values['no-write'] && !values.json && !quick && values.only === undefined;
  const scales: ScaleName[] = ['1M', ...(values.large ? (['10M'] as const) : []), ...(values.huge ? (['100M'] as const) : [])];

  // With --json, stdout carries the JSON object and nothing else, whatever a library might print.
  const stdout = (text: string) => process.stdout.write(`${text}\n`);
  const consoleLog = console.log;
  if (values.json) console.log = (...args: unknown[]) => console.error(...args);

  const cleanups: (() => Promise<void>)[] = [];
  const started = Date.now();
  try {
    log('Starting PostgreSQL and a scratch database…');
    const s = await openScratch(cleanups);
    await migrate(s.pool);
    const rows: ResultRow[] = [];

    let seedRow: ResultRow | undefined;
    if (runReads) {
      log(`Seeding the whole country ${seedRuns + 1} times, and the COPY floor ${seedRuns * 5 + 1} times…`);
      seedRow = await benchSeeding(s, seedRuns);
    } else {
      await seedUnits(s.db, 'all');
    }
    const password = randomBytes(12).toString('base64url');
    await ensureAdmin(s.db, password); // admin of every province root, so every unit is in scope
    await sql`VACUUM ANALYZE`.execute(s.db); // steady-state statistics, as autovacuum would leave them

    if (runReads) {
      const app = await buildApp({ db: s.db, config: { ...loadConfig({}), sessionTtlHours: 1 } });
      cleanups.push(() => app.close());
      await app.ready();
      const login = await app.inject({ method: 'POST', url: `${API}/auth/login`, payload: { username: ADMIN_USERNAME, password } });
      if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const roots = (
        await s.db.selectFrom('memberships').select('org_unit_id').where('role', '=', 'admin').execute()
      ).map((r) => r.org_unit_id);
      const api: SignedIn = { app, cookie, roots };
      const provinces = (
        await s.db.selectFrom('org_units').select('id').where('kind', '=', 'province').where('parent_id', 'is', null).where('closed_on', 'is', null).orderBy('code').execute()
      ).map((r) => r.id);

      log(`Read benchmarks, ${rounds} rounds each…`);
      rows.push(
        await benchRead(s, api, `Unit search (${SEARCHES.length} queries)`, 'same LIKE/trigram query via pg', SEARCHES, rounds,
          (q) => `${API}/org-units?q=${encodeURIComponent(q)}`, (q) => searchFloor(q, roots, PAGE + 1)),
      );
      rows.push(
        await benchRead(s, api, `Children of a province (${provinces.length})`, 'same query via pg', provinces, rounds,
          (id) => `${API}/org-units?parent=${id}`, (id) => childrenFloor(id, roots, PAGE + 1)),
      );
      rows.push(
        await benchRead(s, api, `Subtree of a province (${provinces.length})`, 'closure-table join via pg', provinces, rounds,
          (id) => `${API}/org-units/${id}/subtree`, (id) => subtreeFloor(id, SUBTREE_MAX_DEPTH)),
      );
      rows.push(seedRow!);

      log(`Login, ${loginSamples} times…`);
      rows.push(await benchLogin(s, app, password, loginSamples));
    }

    // The machine line describes the org-unit data; read it before the values engine adds users.
    const machine = await describeMachine(s, s.source);
    let engine: EngineResults | undefined;
    if (runEngineBench) {
      engine = await runEngine({
        url: s.url, pool: s.pool, adminPassword: password, scales, buildLimitMs: buildLimit * 60_000, dashboardRounds,
        browserConcurrency: 6, importBatches, importBatchSize, importDrainLimitMs: (quick ? 30 : 60) * 1000, submitters, submissionsEach: submissions, paceMs: pace * 1000,
        checkpoint: () => checkpoint(s.pool), log,
      });
    }

    if (values.json) {
      const reads = Object.fromEntries(
        rows.map((r) => [r.name, { medianMs: r.app.median, p95Ms: r.app.p95, floorMedianMs: r.floor?.median ?? null, ratio: r.floor ? r.app.median / r.floor.median : null }]),
      );
      stdout(JSON.stringify({ ...(engine?.json ?? {}), reads, machine, quick, seconds: Math.round((Date.now() - started) / 1000) }));
      return;
    }
    if (rows.length) stdout(`\n${consoleTable(rows)}\n`);
    if (engine) stdout(`${consoleEngine(engine.rows)}\n`);
    stdout(`${machine.cpus} CPU(s), ${machine.memoryGiB} GiB, Node.js ${machine.node}, PostgreSQL ${machine.postgres}; ${machine.data}.`);
    if (write) {
      writeSection(DOC_FILE, markdownSection(rows, machine, engine?.rows ?? []));
      stdout(`Written to ${path.relative(process.cwd(), DOC_FILE)}.`);
    } else {
      stdout(`Not written to docs/benchmarks.md (${values['no-write'] ? '--no-write' : quick ? '--quick' : '--only'}).`);
    }
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error(`cleanup: ${(error as Error).message}`));
    }
    log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    console.log = consoleLog;
  }
}
