/**
 * GET /api/v1/analytics/table: a whole dashboard in one read. Every cell must say exactly what the
 * single read GET /api/v1/analytics says for it — figure, parts, target, attainment, status — under
 * the same scope rules, and bad input gets problem+json in Vietnamese.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { foldVietnamese } from '../../domain/text.ts';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';

interface UnitRef {
  id: number;
  code: string;
  name: string;
  kind: string;
  closedOn: string | null;
}
interface TargetRef {
  id: number;
  comparator: string;
  value: number;
  valueMax: number | null;
}
interface Table {
  indicators: { id: number; code: string; name: string; unit: string }[];
  orgUnits: UnitRef[];
  periods: string[];
  targets: TargetRef[];
  columns: string[];
  rows: unknown[][];
}
/** A row as an object, with its target looked up, in the shape of a single read's cell. */
interface Row {
  indicatorId: number;
  orgUnitId: number;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  count: number;
  target: TargetRef | null;
  attainment: number | null;
  status: string | null;
}

function objects(t: Table): Row[] {
  const targets = new Map(t.targets.map((x) => [x.id, x]));
  return t.rows.map((r) => {
    const o = Object.fromEntries(t.columns.map((c, k) => [c, r[k]])) as Record<string, unknown>;
    const { targetId, ...rest } = o;
    return { ...rest, target: targetId === null ? null : targets.get(targetId as number)! } as unknown as Row;
  });
}

describe('analytics table', () => {
  let api: TestApi;
  let admin: Session;
  let reporter: Session; // baocao, reporter at Phường Dương Kinh (11692)
  const wards = ['11692', '11413', '11557'];
  const months = ['2025-07', '2025-08', '2025-09'];

  const qs = (params: Record<string, string | string[]>) =>
    Object.entries(params)
      .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}=${encodeURIComponent(x)}`))
      .join('&');
  const table = (params: Record<string, string | string[]>, as: Session = admin, headers: Record<string, string> = {}) =>
    api.call('GET', `/api/v1/analytics/table?${qs(params)}`, { as, headers });
  const okTable = async (params: Record<string, string | string[]>, as: Session = admin): Promise<Table & { cells: Row[] }> => {
    const res = await table(params, as);
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    const t: Table = res.json();
    assert.equal(t.rows.every((r) => r.length === t.columns.length), true, 'every row has a value per column');
    return { ...t, cells: objects(t) };
  };
  const problem = (res: LightMyRequestResponse, status: number) => {
    assert.equal(res.statusCode, status, res.body.slice(0, 500));
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    return res.json() as { detail: string; errors?: { path: string; message: string }[] };
  };

  /** The table's cells for one indicator and period, in the single read's shape. */
  function asSingle(t: Table & { cells: Row[] }, indicatorCode: string, period: string) {
    const indicator = t.indicators.find((i) => i.code === indicatorCode)!;
    const units = new Map(t.orgUnits.map((u) => [u.id, u]));
    return t.cells
      .filter((r) => r.indicatorId === indicator.id && r.period === period)
      .map(({ indicatorId: _i, orgUnitId, ...rest }) => ({ orgUnit: units.get(orgUnitId)!, ...rest }));
  }

  /** Every cell of the table equals the single read of its indicator, unit (or children) and period. */
  async function sameAsSingleReads(t: Table & { cells: Row[] }, indicators: string[], orgUnits: string[], periods: string[], by?: 'children') {
    let compared = 0;
    for (const indicator of indicators) {
      for (const period of periods) {
        const expected = [];
        for (const orgUnit of orgUnits) {
          const res = await api.call('GET', `/api/v1/analytics?${qs({ indicator, orgUnit, period, ...(by ? { by } : {}) })}`, { as: admin });
          assert.equal(res.statusCode, 200, res.body);
          const body = res.json();
          if (by) expected.push(...body.items);
          else {
            const { indicator: _i, ...cell } = body;
            expected.push(cell);
          }
        }
        assert.deepEqual(asSingle(t, indicator, period), expected, `${indicator} ${period}`);
        compared += expected.length;
      }
    }
    assert.equal(t.rows.length, compared, 'no row beyond the single reads');
  }

  before(async () => {
    api = await startTestApi({ rollups: true, catalogue: 'empty' });
    admin = await api.login('admin', TEST_ADMIN_PASSWORD);
    reporter = await api.login('baocao', DEMO_PASSWORD);
    const db = api.database.db;
    const add = (code: string, unit: string, space: string, time: string) =>
      db
        .insertInto('indicators')
        .values({ code, name: `Chỉ tiêu ${code}`, unit, space_aggregation: space as 'sum', time_aggregation: time as 'sum', period_type: 'month', search_key: foldVietnamese(code) })
        .returning('id')
        .executeTakeFirstOrThrow();
    const hs = await add('HS_TT', 'count', 'sum', 'sum'); // a flow
    const tk = await add('TK_TT', '%', 'ratio', 'latest'); // a stock in %
    await add('DIEM', 'index', 'avg', 'avg'); // a score
    await add('NAM', 'count', 'sum', 'sum'); // nothing reported
    const rows = wards.flatMap((w, i) =>
      months.flatMap((m, j) => [
        { indicator: 'HS_TT', orgUnit: w, period: m, value: 100 * (i + 1) + j },
        { indicator: 'TK_TT', orgUnit: w, period: m, numerator: 900 + 10 * i + j, denominator: 1000 + 5 * j },
        ...(j === 2 && i === 2 ? [] : [{ indicator: 'DIEM', orgUnit: w, period: m, value: 60 + 5 * i + j }]),
      ]),
    );
    const res = await api.call('POST', '/api/v1/data-values', { as: admin, body: { dataValues: rows } });
    assert.equal(res.statusCode, 200, res.body);
    const city = await db.selectFrom('org_units').select('id').where('code', '=', '31').executeTakeFirstOrThrow();
    const dk = await db.selectFrom('org_units').select('id').where('code', '=', '11692').where('closed_on', 'is', null).executeTakeFirstOrThrow();
    await db
      .insertInto('targets')
      .values([
        { indicator_id: tk.id, scope: 'unit', org_unit_id: city.id, year: 2025, comparator: '>=', value: 90 },
        { indicator_id: tk.id, scope: 'level', level: 'commune', org_unit_id: city.id, year: 2025, comparator: '>=', value: 91 },
        { indicator_id: hs.id, scope: 'unit', org_unit_id: dk.id, year: 2025, comparator: 'between', value: 250, value_max: 400 },
        { indicator_id: hs.id, scope: 'level', level: 'commune', org_unit_id: city.id, year: 2025, comparator: '>=', value: 500 },
      ])
      .execute();
    await api.rollupsIdle();
  });
  after(() => api.close());

  const INDICATORS = ['HS_TT', 'TK_TT', 'DIEM'];
  const PERIODS = ['2025-07', '2025-08', '2025-09', '2025Q3', '2025', '2025-10'];

  it('gives by=children the same cells as the single read, for a flow, a ratio with latest, and an average', async () => {
    const t = await okTable({ indicator: INDICATORS, orgUnit: '31', period: PERIODS, by: 'children' });
    assert.deepEqual(t.indicators.map((i) => i.code), INDICATORS);
    assert.deepEqual(t.periods, PERIODS);
    assert.ok(t.orgUnits.length >= 114, 'every open unit under the city');
    assert.equal(t.rows.length, INDICATORS.length * t.orgUnits.length * PERIODS.length, 'one row per cell, empty cells included');
    await sameAsSingleReads(t, INDICATORS, ['31'], PERIODS, 'children');

    // Spot checks of what the comparison relies on.
    const dk = t.orgUnits.find((u) => u.code === '11692')!;
    const cellOf = (code: string, unitId: number, period: string) =>
      t.cells.find((r) => r.indicatorId === t.indicators.find((i) => i.code === code)!.id && r.orgUnitId === unitId && r.period === period)!;
    const stock = cellOf('TK_TT', dk.id, '2025Q3');
    assert.equal(stock.numerator, 902, 'a stock takes its latest month');
    assert.equal(stock.denominator, 1010);
    assert.equal(stock.target?.value, 91, 'the level target for communes');
    const flow = cellOf('HS_TT', dk.id, '2025-08');
    assert.equal(flow.value, 101);
    assert.equal(flow.target?.value, 250, 'a unit’s own target wins over the level target');
    assert.deepEqual(t.targets.map((x) => x.value).sort((a, b) => a - b), [91, 250, 500], 'each target once; the city’s own does not apply to its wards');
    assert.equal(flow.status, 'not_achieved');
    assert.equal(cellOf('HS_TT', dk.id, '2025').value, 303);
    assert.equal(cellOf('HS_TT', dk.id, '2025-10').value, null);
    assert.equal(cellOf('HS_TT', dk.id, '2025-10').status, 'no_data');
  });

  it('reads the units themselves without by, in the order asked, with the unit’s own target', async () => {
    const t = await okTable({ indicator: INDICATORS, orgUnit: ['31', '11692', '11413'], period: PERIODS });
    assert.deepEqual(t.orgUnits.map((u) => u.code), ['31', '11692', '11413']);
    await sameAsSingleReads(t, INDICATORS, ['31', '11692', '11413'], PERIODS);
    const city = t.orgUnits[0]!;
    const tk = t.indicators[1]!;
    const row = t.cells.find((r) => r.indicatorId === tk.id && r.orgUnitId === city.id && r.period === '2025Q3')!;
    assert.equal(row.numerator, 902 + 912 + 922);
    assert.equal(row.target?.value, 90);
    assert.equal(row.status, 'achieved');
  });

  it('orders rows by indicator, then unit, then period, and ignores repeated parameters', async () => {
    const t = await okTable({ indicator: ['DIEM', 'hs_tt', 'DIEM'], orgUnit: ['11692', '11557', '11692'], period: ['2025-09', '2025-07', '2025-09'] });
    assert.deepEqual(t.indicators.map((i) => i.code), ['DIEM', 'HS_TT'], 'codes match regardless of case');
    assert.deepEqual(t.periods, ['2025-09', '2025-07']);
    const code = new Map(t.orgUnits.map((u) => [u.id, u.code]));
    const ind = new Map(t.indicators.map((i) => [i.id, i.code]));
    assert.deepEqual(
      t.cells.map((r) => `${ind.get(r.indicatorId)} ${code.get(r.orgUnitId)} ${r.period} ${r.value}`),
      [
        'DIEM 11692 2025-09 62', 'DIEM 11692 2025-07 60', 'DIEM 11557 2025-09 null', 'DIEM 11557 2025-07 70',
        'HS_TT 11692 2025-09 102', 'HS_TT 11692 2025-07 100', 'HS_TT 11557 2025-09 302', 'HS_TT 11557 2025-07 300',
      ],
    );
  });

  it('takes a single value of each parameter as a list of one', async () => {
    const t = await okTable({ indicator: 'HS_TT', orgUnit: '11692', period: '2025Q3' });
    assert.equal(t.rows.length, 1);
    assert.deepEqual(t.columns, ['indicatorId', 'orgUnitId', 'period', 'value', 'numerator', 'denominator', 'count', 'targetId', 'attainment', 'status']);
    assert.deepEqual(t.rows, [[t.indicators[0]!.id, t.orgUnits[0]!.id, '2025Q3', 303, null, null, 1, t.targets[0]!.id, t.cells[0]!.attainment, 'achieved']]);
    assert.equal(t.targets[0]!.comparator, 'between');
  });

  it('shows a former unit under its successor only in the cells where it carries data', async () => {
    const db = api.database.db;
    const haiAn = await db.selectFrom('org_units').select('id').where('code', '=', '11413').where('closed_on', 'is', null).executeTakeFirstOrThrow();
    const dk = await db.selectFrom('org_units').select('id').where('code', '=', '11692').where('closed_on', 'is', null).executeTakeFirstOrThrow();
    const merged = await api.call('POST', '/api/v1/org-units/merge', { as: admin, body: { sourceIds: [haiAn.id], targetId: dk.id, effectiveDate: '2025-12-31' } });
    assert.equal(merged.statusCode, 200, merged.body);
    await api.rollupsIdle();
    const t = await okTable({ indicator: INDICATORS, orgUnit: '11692', period: PERIODS, by: 'children' });
    const former = t.orgUnits.find((u) => u.id === haiAn.id);
    assert.ok(former?.closedOn, 'the merged ward is listed, closed');
    assert.ok(t.cells.some((r) => r.orgUnitId === haiAn.id && r.period === '2025-08'));
    assert.ok(!t.cells.some((r) => r.orgUnitId === haiAn.id && r.period === '2025-10'), 'no empty cells of a former unit');
    await sameAsSingleReads(t, INDICATORS, ['11692'], PERIODS, 'children');
    const city = await okTable({ indicator: 'HS_TT', orgUnit: '31', period: '2025Q3' });
    assert.equal(city.cells[0]!.value, 100 + 101 + 102 + 200 + 201 + 202 + 300 + 301 + 302, 'nothing counted twice at the city');
  });

  it('reads only inside the caller’s scope', async () => {
    const own = await okTable({ indicator: ['HS_TT', 'TK_TT'], orgUnit: '11692', period: months }, reporter);
    assert.equal(own.rows.length, 6);
    const outside = problem(await table({ indicator: 'HS_TT', orgUnit: '31', period: '2025Q3', by: 'children' }, reporter), 403);
    assert.match(outside.detail, /Thành phố Hải Phòng/);
    problem(await table({ indicator: 'HS_TT', orgUnit: ['11692', '11557'], period: '2025Q3' }, reporter), 403);
    const anonymous = await api.call('GET', `/api/v1/analytics/table?${qs({ indicator: 'HS_TT', orgUnit: '11692', period: '2025Q3' })}`);
    problem(anonymous, 401);
  });

  it('names unknown indicators and units, and malformed periods, in Vietnamese', async () => {
    const indicator = problem(await table({ indicator: ['HS_TT', 'KHONG_CO', 'CUNG_KHONG'], orgUnit: '31', period: '2025Q3' }), 404);
    assert.equal(indicator.detail, 'Không có chỉ tiêu mã «KHONG_CO».');
    assert.deepEqual(indicator.errors?.map((e) => e.message), ['Không có chỉ tiêu mã «KHONG_CO».', 'Không có chỉ tiêu mã «CUNG_KHONG».']);
    const unit = problem(await table({ indicator: 'HS_TT', orgUnit: ['31', '99999'], period: '2025Q3' }), 404);
    assert.equal(unit.detail, 'Không có đơn vị mã «99999».');
    const period = problem(await table({ indicator: 'HS_TT', orgUnit: '31', period: ['2025Q3', 'Q3-2025', '2025-13'] }), 400);
    assert.equal(period.detail, 'Kỳ «Q3-2025» không hợp lệ.');
    assert.equal(period.errors?.length, 2);
    const english = await table({ indicator: 'KHONG_CO', orgUnit: '31', period: '2025Q3' }, admin, { 'accept-language': 'en' });
    assert.equal(problem(english, 404).detail, 'No indicator with code “KHONG_CO”.');
  });

  it('refuses missing parameters, unknown ones and too many values', async () => {
    problem(await table({ indicator: 'HS_TT', orgUnit: '31' }), 400);
    problem(await table({ indicator: 'HS_TT', orgUnit: '31', period: '2025', by: 'parent' }), 400);
    problem(await table({ indicator: 'HS_TT', orgUnit: '31', period: '2025', level: '2' }), 400);
    const many = Array.from({ length: 101 }, (_, k) => `X${k}`);
    const tooMany = problem(await table({ indicator: many, orgUnit: '31', period: '2025' }), 400);
    assert.ok(tooMany.errors?.some((e) => e.path.includes('indicator')), JSON.stringify(tooMany));
  });

  it('refuses a table of more cells than one read may return, before reading them', async () => {
    // 4 indicators × ~130 units under the city × 120 months > 50,000 cells.
    const periods = Array.from({ length: 120 }, (_, k) => `${2016 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
    const body = problem(await table({ indicator: [...INDICATORS, 'NAM'], orgUnit: '31', period: periods, by: 'children' }), 400);
    assert.match(body.detail, /^Bảng số liệu có [\d.]+ ô, vượt giới hạn 50\.000 ô/);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await api.call('GET', '/api/v1/openapi.json')).json();
    const op = doc.paths['/api/v1/analytics/table']?.get;
    assert.ok(op, 'GET /api/v1/analytics/table is documented');
    assert.deepEqual(op.parameters.map((p: { name: string }) => p.name).sort(), ['by', 'indicator', 'orgUnit', 'period']);
    assert.ok(op.responses['200'] && op.responses['404'] && op.responses['403']);
  });
});
