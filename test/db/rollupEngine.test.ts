/**
 * The rollup engine against its specification. The worker recomputes cells in SQL; the pure functions
 * of domain/aggregation.ts and domain/periods.ts say what every cell must hold. Random writes —
 * multi-row upserts mixing inserts, updates and unchanged rows, deletes, values of every period type
 * (days, an ISO week across the new year, months, a quarter, a half-year, a year), ratios with a zero
 * or missing denominator, a unit moved to another parent — are applied through SQL (so the
 * statement-level triggers do the marking), the worker drains, and the whole rollups table of the
 * test's 25 indicators (every space × time aggregation) must equal the reference computed in JS.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { EMPTY_SUMMARY, mergeSummaries, SPACE_AGGREGATIONS, summarize, timeCombine, TIME_AGGREGATIONS, valueOf, type SpaceAggregation, type Summary, type TimeAggregation } from '../../domain/aggregation.ts';
import { containingPeriods, contains, parsePeriod } from '../../domain/periods.ts';
import { foldVietnamese } from '../../domain/text.ts';
import { drainAll } from '../../server/jobs/rollupWorker.ts';
import { markUnitMoved } from '../../server/store/rollups.ts';
import { moveOrgUnit } from '../../server/store/orgUnits.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';

const PERIODS = [
  ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
  '2026-01', '2025Q2', '2025S2', '2025', '2025-12-30', '2026-01-02', '2025-07-15', '2026W01', '2025W30',
];

interface Ind { id: number; space: SpaceAggregation; time: TimeAggregation; scale: number }
interface Cell { i: number; u: number; p: string; value: number | null; numerator: number | null; denominator: number | null }

describe('rollup engine (set-based SQL) against the domain functions', () => {
  let database: TestDatabase;
  const inds: Ind[] = [];
  let units: number[] = [];
  let seed = 20251;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

  before(async () => {
    database = await freshDatabase();
    const { db } = database;
    for (const space of SPACE_AGGREGATIONS) {
      for (const time of TIME_AGGREGATIONS) {
        const code = `T_${space}_${time}`;
        const unit = space === 'ratio' ? (time === 'avg' ? 'hộ' : '%') : 'count';
        const row = await db
          .insertInto('indicators')
          .values({ code, name: code, unit, space_aggregation: space, time_aggregation: time, period_type: 'month', search_key: foldVietnamese(code) })
          .returning('id')
          .executeTakeFirstOrThrow();
        inds.push({ id: row.id, space, time, scale: unit === '%' ? 100 : 1 });
      }
    }
    // Hải Phòng, eight of its units, and a closed former unit hanging under one of them.
    const city = await db.selectFrom('org_units').select('id').where('code', '=', '31').where('closed_on', 'is', null).executeTakeFirstOrThrow();
    const kids = await db.selectFrom('org_units').select('id').where('parent_id', '=', city.id).orderBy('id').limit(8).execute();
    const grandchild = await db
      .selectFrom('org_units as g')
      .innerJoin('org_units as p', 'p.id', 'g.parent_id')
      .select('g.id')
      .where('p.parent_id', '=', city.id)
      .orderBy('g.id')
      .limit(1)
      .executeTakeFirst();
    units = [city.id, ...kids.map((k) => k.id), ...(grandchild ? [grandchild.id] : [])];
    assert.ok(units.length >= 8);
  });
  after(() => database?.drop());

  function randomCell(at?: Pick<Cell, 'i' | 'u' | 'p'>): Cell {
    const ind = at ? inds.find((x) => x.id === at.i)! : pick(inds);
    const p = at?.p ?? pick(PERIODS);
    const u = at?.u ?? pick(units);
    const r = random();
    if (ind.space === 'ratio') {
      if (r < 0.1) return { i: ind.id, u, p, value: null, numerator: Math.round(random() * 50), denominator: null };
      if (r < 0.15) return { i: ind.id, u, p, value: null, numerator: 0, denominator: 0 };
      const d = 1 + Math.round(random() * 200);
      return { i: ind.id, u, p, value: null, numerator: Math.round(random() * d), denominator: d };
    }
    if (r < 0.08) return { i: ind.id, u, p, value: null, numerator: null, denominator: null };
    return { i: ind.id, u, p, value: Math.round(random() * 1000) / (r < 0.5 ? 10 : 1), numerator: null, denominator: null };
  }

  async function upsert(cells: Cell[]) {
    const unique = [...new Map(cells.map((c) => [`${c.i}|${c.u}|${c.p}`, c])).values()];
    const spans = unique.map((c) => parsePeriod(c.p));
    await database.db.transaction().execute(async (tx) => {
      await sql`SELECT set_config('dxpulse.source', 'import', true)`.execute(tx);
      await sql`
        INSERT INTO data_values (indicator_id, org_unit_id, period_id, period_type, period_start, period_end, value, numerator, denominator, source)
        SELECT *, 'import' FROM unnest(${unique.map((c) => c.i)}::bigint[], ${unique.map((c) => c.u)}::bigint[], ${unique.map((c) => c.p)}::text[],
          ${spans.map((s) => s.type)}::text[], ${spans.map((s) => s.start)}::date[], ${spans.map((s) => s.end)}::date[],
          ${unique.map((c) => c.value)}::float8[], ${unique.map((c) => c.numerator)}::float8[], ${unique.map((c) => c.denominator)}::float8[])
        ON CONFLICT (indicator_id, org_unit_id, period_id) DO UPDATE SET value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator`.execute(tx);
    });
  }

  async function stored(): Promise<Cell[]> {
    const rows = await database.db
      .selectFrom('data_values')
      .select(['indicator_id', 'org_unit_id', 'period_id', 'value', 'numerator', 'denominator'])
      .where('indicator_id', 'in', inds.map((i) => i.id))
      .execute();
    return rows.map((r) => ({ i: r.indicator_id, u: r.org_unit_id, p: r.period_id, value: r.value, numerator: r.numerator, denominator: r.denominator }));
  }

  /** Every rollup cell the stored values imply, computed with the domain functions. */
  async function reference(): Promise<Map<string, Summary & { value: number | null; parent: number | null }>> {
    const parents = new Map<number, number | null>();
    for (const r of await database.db.selectFrom('org_units').select(['id', 'parent_id']).execute()) parents.set(r.id, r.parent_id);
    const values = await stored();
    const children = new Map<number, Set<number>>();
    const cells = new Set<string>();
    for (const v of values) {
      for (let a: number | null = v.u, below: number | null = null; a !== null; below = a, a = parents.get(a) ?? null) {
        if (below !== null) {
          if (!children.has(a)) children.set(a, new Set());
          children.get(a)!.add(below);
        }
        for (const P of containingPeriods(parsePeriod(v.p))) cells.add(`${v.i}|${a}|${P.id}`);
      }
    }
    const memo = new Map<string, Summary>();
    const summaryOf = (ind: Ind, u: number, P: string): Summary => {
      const key = `${ind.id}|${u}|${P}`;
      if (!cells.has(key)) return { ...EMPTY_SUMMARY };
      const hit = memo.get(key);
      if (hit) return hit;
      const outer = parsePeriod(P);
      const points = values
        .filter((v) => v.i === ind.id && v.u === u && contains(outer, parsePeriod(v.p)))
        .map((v) => ({ periodId: v.p, start: parsePeriod(v.p).start, obs: v }));
      const own = timeCombine(ind.time, points);
      const s = mergeSummaries(own ? summarize(own) : EMPTY_SUMMARY, ...[...(children.get(u) ?? [])].map((c) => summaryOf(ind, c, P)));
      memo.set(key, s);
      return s;
    };
    const out = new Map<string, Summary & { value: number | null; parent: number | null }>();
    for (const key of cells) {
      const [i, u, P] = key.split('|');
      const ind = inds.find((x) => x.id === Number(i))!;
      const s = summaryOf(ind, Number(u), P!);
      if (s.count > 0) out.set(key, { ...s, value: valueOf(ind.space, s, ind.scale), parent: parents.get(Number(u)) ?? null });
    }
    return out;
  }

  const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

  async function assertRollupsMatch(label: string) {
    await drainAll(database.db);
    const expected = await reference();
    const rows = await database.db.selectFrom('rollups').selectAll().where('indicator_id', 'in', inds.map((i) => i.id)).execute();
    const actual = new Map(rows.map((r) => [`${r.indicator_id}|${r.org_unit_id}|${r.period_id}`, r]));
    const missing = [...expected.keys()].filter((k) => !actual.has(k));
    const extra = [...actual.keys()].filter((k) => !expected.has(k));
    assert.deepEqual({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }, { missing: [], extra: [] }, `${label}: the set of rollup cells`);
    for (const [key, e] of expected) {
      const a = actual.get(key)!;
      for (const f of ['sum', 'count', 'min', 'max', 'numerator', 'denominator', 'value'] as const) {
        assert.ok(close(a[f], e[f]), `${label}: ${key} ${f} = ${a[f]}, expected ${e[f]}`);
      }
      assert.equal(a.parent_id, e.parent, `${label}: ${key} parent`);
    }
    assert.ok(expected.size > 100, `${label}: a meaningful number of cells (${expected.size})`);
  }

  it('equals the reference after random inserts, updates, unchanged rewrites and deletes, round after round', async () => {
    for (let round = 1; round <= 4; round++) {
      const fresh = Array.from({ length: 250 }, () => randomCell());
      const existing = await stored();
      const rewrites = existing.filter(() => random() < 0.15); // unchanged: no history, no mark
      const changes = existing.filter(() => random() < 0.2).map((c) => randomCell(c));
      await upsert([...rewrites, ...changes, ...fresh]);
      const doomed = (await stored()).filter(() => random() < 0.1);
      if (doomed.length) {
        await sql`DELETE FROM data_values v USING unnest(${doomed.map((d) => d.i)}::bigint[], ${doomed.map((d) => d.u)}::bigint[], ${doomed.map((d) => d.p)}::text[]) AS k(i, u, p)
                  WHERE v.indicator_id = k.i AND v.org_unit_id = k.u AND v.period_id = k.p`.execute(database.db);
      }
      await assertRollupsMatch(`round ${round}`);
    }
  });

  it('follows a unit moved under another parent, and a value deleted back to nothing', async () => {
    const [moved, newParent] = [units[1]!, units[2]!];
    await database.db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('org_units').select('parent_id').where('id', '=', moved).executeTakeFirstOrThrow();
      await moveOrgUnit(tx, moved, newParent);
      await markUnitMoved(tx, moved, before.parent_id);
    });
    await assertRollupsMatch('after the move');
    await sql`DELETE FROM data_values WHERE indicator_id = ANY(${inds.map((i) => i.id)}::bigint[]) AND org_unit_id = ${units[3]!}::bigint`.execute(database.db);
    await assertRollupsMatch('after deleting a unit’s values');
  });

  it('refuses values whose indicator, unit or author does not exist, and parents that values still reference', async () => {
    const code = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return 'no error';
    };
    const [one] = await stored();
    const insert = (i: number, u: number, by: number | null) =>
      sql`INSERT INTO data_values (indicator_id, org_unit_id, period_id, period_type, period_start, period_end, value, source, updated_by)
          VALUES (${i}, ${u}, '2024-01', 'month', '2024-01-01', '2024-01-31', 1, 'api', ${by})`.execute(database.db);
    assert.equal(await code(() => insert(999_999, units[0]!, null)), '23503');
    assert.equal(await code(() => insert(inds[0]!.id, 999_999, null)), '23503');
    assert.equal(await code(() => insert(inds[0]!.id, units[0]!, 999_999)), '23503');
    assert.equal(await code(() => sql`DELETE FROM indicators WHERE id = ${one!.i}`.execute(database.db)), '23503');
    assert.equal(await code(() => sql`DELETE FROM org_units WHERE id = ${one!.u}`.execute(database.db)), '23503');
    const unused = await database.db.insertInto('indicators').values({ code: 'T_UNUSED', name: 'T_UNUSED', unit: 'count', space_aggregation: 'sum', time_aggregation: 'sum', period_type: 'month', search_key: 't_unused' }).returning('id').executeTakeFirstOrThrow();
    assert.equal(await code(() => sql`DELETE FROM indicators WHERE id = ${unused.id}`.execute(database.db)), 'no error', 'an indicator without values can go');
  });

  it('keeps one history row per changed value and none for an unchanged rewrite', async () => {
    const [a, b] = (await stored()).filter((c) => c.value !== null).slice(0, 2);
    const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM data_value_history`.execute(database.db)).rows[0]!.n;
    const before = await count();
    await upsert([a!, { ...b!, value: b!.value! + 1 }]);
    assert.equal(await count(), before + 1);
    const last = await database.db.selectFrom('data_value_history').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.deepEqual([last.action, last.value, last.previous_value, last.source], ['update', b!.value! + 1, b!.value, 'import']);
    const dirty = await sql<{ n: number }>`SELECT count(*)::int AS n FROM rollup_dirty`.execute(database.db);
    assert.equal(dirty.rows[0]!.n, 1, 'only the changed cell is marked');
    await assertRollupsMatch('after the rewrite');
  });
});
