/**
 * GET /api/v1/dashboard on the demo: every figure must say what the API it summarises says — a tile's
 * actual what GET /analytics says for the indicator, unit and year; the task counts what
 * GET /tasks/statistics says summed over the plan tree for the unit; the compliance counts what
 * GET /compliance says summed over the forms and periods — within the caller's scope, and bad input
 * gets problem+json in Vietnamese.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';

interface Tile {
  id: number;
  mode: 'unit' | 'level';
  indicator: { code: string };
  target: { comparator: string; value: number; year: number; level: string | null };
  actual: number | null;
  gap: number | null;
  forecast: number | null;
  forecastMethod: string;
  status: string;
  level: { units: number; meeting: number; share: number | null } | null;
}
interface Counts {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
}
interface Dashboard {
  asOf: string;
  year: number;
  plan: { id: number; number: string } | null;
  planTree: number[];
  unit: { id: number; code: string; name: string };
  path: { id: number; name: string }[];
  pillars: { pillar: string; tiles: Tile[] }[];
  tasks: { total: Record<string, unknown> & { assigned: number; overdue: number }; byLeadUnit: { unit: { id: number }; assigned: number }[]; overdueCount: number; overdue: { id: number; daysOverdue: number; leadUnit: { id: number } }[] };
  compliance: { totals: Counts; forms: ({ code: string; periods: string[] } & Counts)[]; units: ({ unit: { id: number; code: string } } & Counts)[] };
  children: { id: number; code: string; name: string; kind: string; overdueTasks: number; complianceRate: number | null }[];
}

const DUONG_KINH = 22;

describe('GET /api/v1/dashboard', () => {
  let api: TestApi;
  let leader: Session;
  let reporter: Session;
  let city: Dashboard;

  const get = async <T,>(url: string, as: Session): Promise<T> => {
    const res = await api.call('GET', url, { as });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json() as T;
  };
  const assertProblem = (res: LightMyRequestResponse, status: number) => {
    assert.equal(res.statusCode, status, res.body);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    const body = res.json();
    assert.equal(body.status, status);
    return body as { detail: string; errors?: unknown[] };
  };
  const tiles = (d: Dashboard) => d.pillars.flatMap((p) => p.tiles);

  before(async () => {
    api = await startTestApi();
    leader = await api.login('lanhdao', DEMO_PASSWORD);
    reporter = await api.login('baocao', DEMO_PASSWORD);
    city = await get<Dashboard>('/api/v1/dashboard', leader);
  });
  after(() => api?.close());

  it("opens on the city's plan 227/KH-UBND (with the plans implementing it), the demo year and the user's root", () => {
    assert.equal(city.plan?.number, '227/KH-UBND');
    assert.ok(city.planTree.length >= 3, 'KH 215 and the ward plan KH 35 implement it');
    assert.equal(city.year, 2025);
    assert.equal(city.unit.name, 'Thành phố Hải Phòng');
    assert.deepEqual(city.path.map((u) => u.id), [city.unit.id]);
    const pillars = city.pillars.map((p) => p.pillar);
    assert.ok(pillars.includes('chinh_quyen_so') && pillars.includes('xa_hoi_so'), pillars.join());
    for (const t of tiles(city)) assert.ok(['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'].includes(t.status));
  });

  it("a tile's actual is the analytics API's figure for the indicator, unit and year", async () => {
    const own = tiles(city).filter((t) => t.mode === 'unit');
    assert.ok(own.length >= 5, `${own.length} unit tiles`);
    for (const t of own) {
      const a = await get<{ value: number | null }>(`/api/v1/analytics?indicator=${t.indicator.code}&orgUnit=${city.unit.code}&period=${city.year}`, leader);
      assert.equal(t.actual, a.value, t.indicator.code);
      if (t.actual !== null && t.forecastMethod !== 'final') assert.ok(t.forecast !== null, `${t.indicator.code} has a forecast`);
    }
    // A level target over the communes: the share of communes meeting it, from their own figures.
    const level = tiles(city).find((t) => t.mode === 'level' && t.target.level === 'commune');
    assert.ok(level?.level, 'a commune-level target is summarised over the communes');
    const children = await get<{ items: { orgUnit: { kind: string }; value: number | null }[] }>(
      `/api/v1/analytics?indicator=${level.indicator.code}&orgUnit=${city.unit.code}&period=${city.year}&by=children`,
      leader,
    );
    const communes = children.items.filter((i) => ['commune', 'ward', 'special_zone'].includes(i.orgUnit.kind));
    assert.equal(level.level.units, communes.length);
    const meets = communes.filter((i) => i.value !== null && (level.target.comparator === '>=' ? i.value >= level.target.value : i.value > level.target.value)).length;
    assert.equal(level.level.meeting, meets);
  });

  it("task counts are the task statistics API's, summed over the plan tree, for tasks led within the unit", async () => {
    let assigned = 0;
    let overdue = 0;
    let completed = 0;
    for (const planId of city.planTree) {
      const s = await get<{ total: { assigned: number; overdue: number; completed: { total: number } } }>(`/api/v1/tasks/statistics?plan=${planId}&leadUnit=${city.unit.id}`, leader);
      assigned += s.total.assigned;
      overdue += s.total.overdue;
      completed += s.total.completed.total;
    }
    assert.equal(city.tasks.total.assigned, assigned);
    assert.equal(city.tasks.total.overdue, overdue);
    assert.equal((city.tasks.total.completed as { total: number }).total, completed);
    assert.equal(city.tasks.overdueCount, overdue);
    assert.equal(city.tasks.byLeadUnit.reduce((s, u) => s + u.assigned, 0), assigned);
    assert.ok(city.tasks.overdue.length > 0 && city.tasks.overdue.length <= 10);
    const days = city.tasks.overdue.map((t) => t.daysOverdue);
    assert.deepEqual(days, [...days].sort((a, b) => b - a), 'most overdue first');
  });

  it("compliance counts are the compliance API's, summed over the forms and the year's periods", async () => {
    const sum = { expected: 0, onTime: 0, late: 0, missing: 0, pending: 0 };
    const byUnit = new Map<string, typeof sum>();
    const under = new Map<number, number>(); // unit id → the child row it counts under
    for (const c of city.children) under.set(c.id, c.id);
    assert.ok(city.compliance.forms.length >= 2, 'both demo forms');
    for (const form of city.compliance.forms) {
      for (const period of form.periods) {
        const c = await get<{ totals: typeof sum; items: { orgUnit: { id: number; code: string }; timeliness: string }[] }>(
          `/api/v1/compliance?form=${form.code}&period=${period}&orgUnit=${city.unit.code}&asOf=${city.asOf}`,
          leader,
        );
        for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += c.totals[k];
        for (const item of c.items) {
          // The demo's reporting units are the city's children themselves.
          const row = byUnit.get(item.orgUnit.code) ?? { expected: 0, onTime: 0, late: 0, missing: 0, pending: 0 };
          row.expected++;
          const key = ({ on_time: 'onTime', late: 'late', missing: 'missing', pending: 'pending' } as const)[item.timeliness as 'on_time']!;
          row[key]++;
          byUnit.set(item.orgUnit.code, row);
        }
      }
    }
    const { rate: _rate, ...totals } = city.compliance.totals as typeof sum & { rate: number | null };
    assert.deepEqual(totals, sum);
    assert.equal(city.compliance.units.length, byUnit.size);
    for (const u of city.compliance.units) {
      const { unit, rate: _r, ...counts } = u as typeof u & { rate: number | null };
      assert.deepEqual(counts, byUnit.get(unit.code), unit.code);
    }
  });

  it('drills down to a ward: breadcrumb from the city, the ward\'s own figures', async () => {
    const child = city.children.find((c) => c.id === DUONG_KINH)!;
    assert.ok(child, 'Dương Kinh is a child of the city');
    const ward = await get<Dashboard>(`/api/v1/dashboard?planId=${city.plan!.id}&year=2025&unitId=${DUONG_KINH}`, leader);
    assert.deepEqual(ward.path.map((u) => u.id), [city.unit.id, DUONG_KINH]);
    assert.equal(ward.unit.name, 'Phường Dương Kinh');
    assert.equal(ward.compliance.units.length, 1);
    assert.equal(ward.compliance.units[0]!.unit.id, DUONG_KINH);
    const cityRow = city.compliance.units.find((u) => u.unit.id === DUONG_KINH)!;
    assert.deepEqual(ward.compliance.totals.expected, cityRow.expected);
    for (const t of ward.tasks.overdue) assert.equal(t.leadUnit.id, DUONG_KINH);
    assert.equal(ward.tasks.overdueCount, child.overdueTasks);
    for (const t of tiles(ward)) {
      assert.equal(t.mode, 'unit', 'a ward has no level below it');
      const a = await get<{ value: number | null }>(`/api/v1/analytics?indicator=${t.indicator.code}&orgUnit=${ward.unit.code}&period=2025`, leader);
      assert.equal(t.actual, a.value, t.indicator.code);
    }
  });

  it('a ward user gets their own ward and its plan, never the city', async () => {
    const own = await get<Dashboard>('/api/v1/dashboard', reporter);
    assert.equal(own.unit.id, DUONG_KINH);
    assert.deepEqual(own.path.map((u) => u.id), [DUONG_KINH]);
    assert.equal(own.plan?.number, '35/KH-UBND');
    assert.ok(tiles(own).length > 0, 'the ward plan has targets for the ward');
    const res = await api.call('GET', `/api/v1/dashboard?unitId=${city.unit.id}`, { as: reporter });
    assert.match(assertProblem(res, 403).detail, /Thành phố Hải Phòng/);
  });

  it('bad parameters get Vietnamese problem+json', async () => {
    assert.equal(assertProblem(await api.call('GET', '/api/v1/dashboard?year=abc', { as: leader }), 400).detail, 'Dữ liệu gửi lên không hợp lệ.');
    assert.equal(assertProblem(await api.call('GET', '/api/v1/dashboard?year=1800', { as: leader }), 400).detail, 'Dữ liệu gửi lên không hợp lệ.');
    assert.equal(assertProblem(await api.call('GET', '/api/v1/dashboard?foo=1', { as: leader }), 400).detail, 'Dữ liệu gửi lên không hợp lệ.');
    assert.equal(assertProblem(await api.call('GET', '/api/v1/dashboard?planId=99999', { as: leader }), 404).detail, 'Không tìm thấy kế hoạch 99999.');
    assert.match(assertProblem(await api.call('GET', '/api/v1/dashboard?unitId=99999999', { as: leader }), 404).detail, /99999999/);
    assertProblem(await api.call('GET', '/api/v1/dashboard'), 401);
  });
});
