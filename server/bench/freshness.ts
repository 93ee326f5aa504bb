/**
 * Freshness: how long after a committed submission its value shows in the province's rollup, while
 * hundreds of communes submit and the rollup worker runs as in production (startRollupWorker on the
 * app's own connection pool, woken by the trigger's NOTIFY). Two phases, each with its own months:
 * `paced`, every submitter pausing a random 0…pace seconds before each of its submissions (the
 * headline: 300 people at work at once), and `burst`, all submissions fired with no pause at all (a
 * saturation test: it measures how far the worker falls behind when offered more than it drains).
 *
 * Each submitter is a reporter of one distinct commune (spread over every province), signed in with
 * their own session. A submission is that commune's monthly form: the 20 dashboard indicators for a
 * month plus a tracer indicator whose value is 2^j, j being the submitter's rank among the province's
 * submitters. The province's tracer rollup for that month is then the sum of the bits of the
 * submissions it reflects, so the moment each bit appears identifies exactly which submission became
 * visible — no guessing among concurrent ones.
 *
 * Commit time is when the POST's response is received (after the transaction committed). Visibility
 * is observed by a poller on its own connection in a worker thread (its own event loop, so the 300
 * in-flight requests on the main thread cannot delay it), reading the province rows every few
 * milliseconds; a bit's time is the arrival of the first poll that shows it, an upper bound that
 * errs by at most one poll (interval + query time, a few ms). Both clocks are
 * performance.timeOrigin + performance.now(), comparable across threads.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type pg from 'pg';
import { hashPassword } from '../commands/auth.ts';
import type { Db } from '../db/database.ts';
import type { App } from '../http/types.ts';
import type { RollupWorker } from '../jobs/rollupWorker.ts';
import type { BenchIndicator, Commune } from './dataset.ts';
import { sample, TRACER_CODE } from './dataset.ts';
import { summarize, type Summary } from './stats.ts';

export interface FreshnessResult {
  label: string;
  /** Each submitter waits a random 0…thinkMaxMs before each of its submissions (0: all at once). */
  thinkMaxMs: number;
  submitters: number;
  submissions: number;
  rowsPerSubmission: number;
  wallMs: number;
  submit: Summary;
  visible: Summary;
  /** Visible before the client had its response (commit precedes the response): counted as 0 ms. */
  beforeResponse: number;
  maxVisibleMs: number;
}

const now = () => performance.timeOrigin + performance.now();

/** The poller, as plain CommonJS run by a worker thread (no TypeScript loader needed there). */
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const pg = require(workerData.pgPath);
(async () => {
  const client = new pg.Client({ connectionString: workerData.url });
  await client.connect();
  let stop = false;
  parentPort.on('message', (m) => { if (m === 'stop') stop = true; });
  const last = new Map();
  parentPort.postMessage({ type: 'ready' });
  while (!stop) {
    const res = await client.query(
      'SELECT org_unit_id, period_id, sum FROM rollups WHERE indicator_id = $1 AND org_unit_id = ANY($2::bigint[]) AND period_id = ANY($3::text[])',
      [workerData.tracerId, workerData.provinceIds, workerData.months]);
    const at = performance.timeOrigin + performance.now();
    for (const r of res.rows) {
      const k = r.org_unit_id + '|' + r.period_id;
      if (last.get(k) !== r.sum) { last.set(k, r.sum); parentPort.postMessage({ type: 'obs', unit: Number(r.org_unit_id), period: r.period_id, sum: r.sum, at }); }
    }
    await new Promise((resolve) => setTimeout(resolve, workerData.intervalMs));
  }
  await client.end();
  parentPort.postMessage({ type: 'done' });
})().catch((e) => parentPort.postMessage({ type: 'error', message: String((e && e.stack) || e) }));
`;

interface Submitter {
  commune: Commune;
  bit: number;
  cookie: string;
  csrfToken: string;
}

/** `count` communes, round-robin over the provinces, with each one's rank in its province. */
function pickSubmitters(communes: readonly Commune[], count: number): { commune: Commune; bit: number }[] {
  const byProvince = new Map<number, Commune[]>();
  for (const c of communes) {
    if (!byProvince.has(c.provinceId)) byProvince.set(c.provinceId, []);
    byProvince.get(c.provinceId)!.push(c);
  }
  const out: { commune: Commune; bit: number }[] = [];
  for (let rank = 0; out.length < count; rank++) {
    let any = false;
    for (const list of byProvince.values()) {
      const c = list[rank];
      if (!c || out.length >= count) continue;
      any = true;
      out.push({ commune: c, bit: rank });
    }
    if (!any) throw new Error(`only ${out.length} communes for ${count} submitters`);
  }
  if (out.some((s) => s.bit > 50)) throw new Error('too many submitters per province for the tracer bits');
  return out;
}

export interface FreshnessPhase {
  label: string;
  months: string[];
  thinkMaxMs: number;
}

export async function benchFreshness(options: {
  app: App;
  db: Db;
  url: string;
  communes: readonly Commune[];
  indicators: readonly BenchIndicator[];
  tracerId: number;
  submitters: number;
  year: number;
  phases: FreshnessPhase[];
  pollMs: number;
  timeoutMs: number;
  startWorker: () => Promise<RollupWorker>;
  log: (line: string) => void;
}): Promise<FreshnessResult[]> {
  const { app, db } = options;
  const picked = pickSubmitters(options.communes, options.submitters);

  // One reporter per commune. One argon2 hash serves them all (hashing is not what is measured).
  const password = `bench-${Math.random().toString(36).slice(2)}`;
  const hash = await hashPassword(password);
  const users = await db
    .insertInto('users')
    .values(picked.map((p, i) => ({ username: `bench_rep_${String(i).padStart(3, '0')}`, full_name: `Báo cáo viên ${p.commune.code}`, password_hash: hash })))
    .returning(['id', 'username'])
    .execute();
  await db.insertInto('memberships').values(users.map((u, i) => ({ user_id: u.id, org_unit_id: picked[i]!.commune.id, role: 'reporter' as const }))).execute();
  const submitters: Submitter[] = [];
  let nextLogin = 0;
  const loginLane = async () => {
    while (nextLogin < users.length) {
      const i = nextLogin++;
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: users[i]!.username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${users[i]!.username}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      submitters[i] = { ...picked[i]!, cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), csrfToken: res.json<{ csrfToken: string }>().csrfToken };
    }
  };
  await Promise.all(Array.from({ length: 4 }, loginLane));

  const results: FreshnessResult[] = [];
  for (const phase of options.phases) {
    options.log(`    ${phase.label}: ${submitters.length} submitters × ${phase.months.length} submissions${phase.thinkMaxMs ? `, each after a random pause of 0–${phase.thinkMaxMs / 1000} s` : ', no pause'}…`);
    results.push(await runPhase(options, submitters, phase));
  }
  return results;
}

async function runPhase(
  options: Parameters<typeof benchFreshness>[0],
  submitters: Submitter[],
  phase: FreshnessPhase,
): Promise<FreshnessResult> {
  const { app } = options;
  const months = phase.months;
  const provinceIds = [...new Set(submitters.map((s) => s.commune.provinceId))];
  // Every body prepared beforehand: the commune's 20 values for the month, and its tracer bit.
  const bodies = submitters.map((s) =>
    months.map((month) => {
      const m = Number(month.slice(5, 7));
      const rows: unknown[] = options.indicators.map((ind) => {
        const v = sample(ind.g, s.commune.id, options.year, m);
        return v.numerator !== null
          ? { indicator: ind.code, orgUnit: s.commune.code, period: month, numerator: v.numerator, denominator: v.denominator }
          : { indicator: ind.code, orgUnit: s.commune.code, period: month, value: v.value };
      });
      rows.push({ indicator: TRACER_CODE, orgUnit: s.commune.code, period: month, value: 2 ** s.bit });
      return JSON.stringify({ dataValues: rows });
    }),
  );
  // Pauses drawn beforehand too, from a fixed seed, so runs are comparable.
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pauses = submitters.map(() => months.map(() => Math.floor(random() * phase.thinkMaxMs)));
  // The poller first, then the worker, then everyone at once.
  const observations: { unit: number; period: string; sum: number; at: number }[] = [];
  const poller = new Worker(POLLER, {
    eval: true,
    workerData: { pgPath: createRequire(import.meta.url).resolve('pg'), url: options.url, tracerId: options.tracerId, provinceIds, months, intervalMs: options.pollMs },
  });
  let pollerError: string | undefined;
  const pollerDone = new Promise<void>((resolve) => {
    poller.on('message', (m: { type: string; message?: string; unit?: number; period?: string; sum?: number; at?: number }) => {
      if (m.type === 'obs') observations.push({ unit: m.unit!, period: m.period!, sum: m.sum!, at: m.at! });
      else if (m.type === 'error') pollerError = m.message;
      if (m.type === 'done' || m.type === 'error') resolve();
    });
    poller.on('error', (e) => {
      pollerError = String(e);
      resolve();
    });
  });
  await new Promise<void>((resolve, reject) => {
    poller.once('message', (m: { type: string; message?: string }) => (m.type === 'ready' ? resolve() : reject(new Error(`poller: ${m.message}`))));
  });
  const worker = await options.startWorker();

  const commits: { s: number; k: number; sentAt: number; committedAt: number }[] = [];
  const started = now();
  let wallMs = 0;
  try {
    await Promise.all(
      submitters.map(async (s, si) => {
        for (let k = 0; k < months.length; k++) {
          if (pauses[si]![k]) await new Promise((resolve) => setTimeout(resolve, pauses[si]![k]));
          const sentAt = now();
          const res = await app.inject({
            method: 'POST',
            url: '/api/v1/data-values',
            headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' },
            payload: bodies[si]![k]!,
          });
          const committedAt = now();
          if (res.statusCode !== 200) throw new Error(`submitter ${si} month ${months[k]}: ${res.statusCode} ${res.body.slice(0, 300)}`);
          commits.push({ s: si, k, sentAt, committedAt });
        }
      }),
    );
    wallMs = now() - started;
    options.log(`    ${commits.length} submissions committed in ${(wallMs / 1000).toFixed(1)} s; waiting for the province rollups…`);

    // Wait until every submission's bit has been seen at its province, or the time limit.
    const expected = new Map<string, number>(); // province|month → every bit
    for (const s of submitters) for (const m of months) expected.set(`${s.commune.provinceId}|${m}`, (expected.get(`${s.commune.provinceId}|${m}`) ?? 0) + 2 ** s.bit);
    const deadline = now() + options.timeoutMs;
    const latest = () => {
      const seen = new Map<string, number>();
      for (const o of observations) seen.set(`${o.unit}|${o.period}`, o.sum);
      return seen;
    };
    for (;;) {
      const seen = latest();
      if ([...expected].every(([k, v]) => seen.get(k) === v)) break;
      if (now() > deadline || pollerError) throw new Error(pollerError ?? `freshness: not every submission visible at its province ${options.timeoutMs} ms after the last commit`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    poller.postMessage('stop');
    await pollerDone;
    await poller.terminate();
    await worker.stop();
  }

  // For each submission, the first observation of its province and month that carries its bit.
  const byCell = new Map<string, { sum: number; at: number }[]>();
  for (const o of observations) {
    const k = `${o.unit}|${o.period}`;
    if (!byCell.has(k)) byCell.set(k, []);
    byCell.get(k)!.push(o);
  }
  const visible: number[] = [];
  let beforeResponse = 0;
  for (const c of commits) {
    const s = submitters[c.s]!;
    const seen = byCell.get(`${s.commune.provinceId}|${months[c.k]}`) ?? [];
    const first = seen.find((o) => Math.floor(o.sum / 2 ** s.bit) % 2 === 1);
    if (!first) throw new Error(`submission ${c.s}/${c.k} never seen`);
    const lag = first.at - c.committedAt;
    if (lag < 0) beforeResponse++;
    visible.push(Math.max(0, lag));
  }
  const visibleSummary = summarize(visible);
  return {
    label: phase.label,
    thinkMaxMs: phase.thinkMaxMs,
    submitters: submitters.length,
    submissions: commits.length,
    rowsPerSubmission: options.indicators.length + 1,
    wallMs,
    submit: summarize(commits.map((c) => c.committedAt - c.sentAt)),
    visible: visibleSummary,
    beforeResponse,
    maxVisibleMs: Math.max(...visible),
  };
}
