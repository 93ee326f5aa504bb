/**
 * The write path and the aggregation engine together: values posted by wards roll up to the city,
 * across months into quarters and years, exactly once each, even when many submit at the same time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { foldVietnamese } from '../../domain/text.ts';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';
import { dbState } from '../helpers/dbState.ts';

describe('data values and rollups', () => {
  let api: TestApi;
  let admin: Session;
  let reporter: Session; // baocao, reporter at Phường Dương Kinh (11692)
  const wards = ['11692', '11413', '11557']; // Dương Kinh, Hải An, and a third ward

  async function indicator(code: string, unit: string, space: string, time: string, periodType = 'month') {
    await api.database.db
      .insertInto('indicators')
      .values({ code, name: `Chỉ tiêu ${code}`, unit, space_aggregation: space as 'sum', time_aggregation: time as 'sum', period_type: periodType as 'month', search_key: foldVietnamese(code) })
      .execute();
  }
  const post = (as: Session, dataValues: unknown[], query = '', headers: Record<string, string> = {}) =>
    api.call('POST', `/api/v1/data-values${query}`, { as, body: { dataValues }, headers });
  const read = async (indicatorCode: string, orgUnit: string, period: string, by = '') => {
    await api.rollupsIdle();
    const res = await api.call('GET', `/api/v1/analytics?indicator=${indicatorCode}&orgUnit=${orgUnit}&period=${period}${by}`, { as: admin });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  before(async () => {
    api = await startTestApi({ rollups: true });
    admin = await api.login('admin', TEST_ADMIN_PASSWORD);
    reporter = await api.login('baocao', DEMO_PASSWORD);
    await indicator('HS_TT', 'count', 'sum', 'sum'); // a flow: records handled online
    await indicator('TK_TT', '%', 'ratio', 'latest'); // a stock: share of people with e-payment accounts
    await indicator('DIEM', 'index', 'avg', 'avg');
    await indicator('NAM', 'count', 'sum', 'sum', 'year');
  });
  after(() => api.close());

  it('rolls a flow up the tree and across months into the quarter and year', async () => {
    const rows = wards.flatMap((w, i) => ['2025-07', '2025-08', '2025-09'].map((m, j) => ({ indicator: 'HS_TT', orgUnit: w, period: m, value: 100 * (i + 1) + j })));
    const res = await post(admin, rows);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { imported: 9, updated: 0, ignored: 0, conflicts: [] });

    assert.equal((await read('HS_TT', '31', '2025-08')).value, 101 + 201 + 301);
    const quarter = await read('HS_TT', '31', '2025Q3');
    assert.equal(quarter.value, 100 + 101 + 102 + 200 + 201 + 202 + 300 + 301 + 302);
    assert.equal(quarter.count, 3, 'three wards reported');
    assert.equal((await read('HS_TT', '31', '2025')).value, quarter.value);
    assert.equal((await read('HS_TT', '11692', '2025Q3')).value, 303);

    const children = await read('HS_TT', '31', '2025Q3', '&by=children');
    const dk = children.items.find((r: { orgUnit: { code: string } }) => r.orgUnit.code === '11692');
    assert.equal(dk.value, 303);
    assert.ok(children.items.length >= 114, 'every open unit under the city is listed');
  });

  it('takes the latest month of a stock and computes % as 100 × Σnumerator / Σdenominator', async () => {
    const res = await post(admin, [
      { indicator: 'TK_TT', orgUnit: '11692', period: '2025-08', numerator: 10, denominator: 100 },
      { indicator: 'TK_TT', orgUnit: '11692', period: '2025-09', numerator: 3_000_000, denominator: 3_010_000 },
      { indicator: 'TK_TT', orgUnit: '11413', period: '2025-09', numerator: 658_476, denominator: 660_241 },
    ]);
    assert.equal(res.statusCode, 200, res.body);
    const city = await read('TK_TT', '31', '2025Q3');
    assert.equal(city.numerator, 3_658_476);
    assert.equal(city.denominator, 3_670_241);
    assert.equal(Math.round(city.value * 100) / 100, 99.68);
  });

  it('evaluates the figure against the target that applies, and reads a series and the overview', async () => {
    const city = await api.database.db.selectFrom('org_units').select('id').where('code', '=', '31').executeTakeFirstOrThrow();
    const tk = await api.database.db.selectFrom('indicators').select('id').where('code', '=', 'TK_TT').executeTakeFirstOrThrow();
    await api.database.db.insertInto('targets').values([
      { indicator_id: tk.id, scope: 'unit', org_unit_id: city.id, year: 2025, comparator: '>=', value: 90 },
      { indicator_id: tk.id, scope: 'level', level: 'commune', org_unit_id: city.id, year: 2025, comparator: '>=', value: 95 },
    ]).execute();
    const atCity = await read('TK_TT', '31', '2025Q3');
    assert.equal(atCity.target.value, 90);
    assert.equal(Math.round(atCity.attainment * 10000) / 10000, Math.round((99.6794 / 90) * 10000) / 10000);
    assert.equal(atCity.status, 'achieved');
    const wardsQ3 = await read('TK_TT', '31', '2025Q3', '&by=children');
    const dk = wardsQ3.items.find((r: { orgUnit: { code: string } }) => r.orgUnit.code === '11692');
    assert.equal(dk.target.value, 95, 'a ward gets the level target for communes, not the city’s own');
    assert.equal(dk.status, 'achieved');

    const res = await api.call('GET', '/api/v1/analytics/series?indicator=TK_TT&orgUnit=11692&from=2025-07&to=2025-09', { as: admin });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().items.map((r: { period: string; value: number | null }) => [r.period, r.value === null ? null : Math.round(r.value * 100) / 100]), [
      ['2025-07', null],
      ['2025-08', 10],
      ['2025-09', 99.67],
    ]);
    const ov = await api.call('GET', '/api/v1/analytics/overview?orgUnit=31&year=2025', { as: admin });
    assert.equal(ov.statusCode, 200, ov.body);
    const row = ov.json().items.find((r: { indicator: { code: string } }) => r.indicator.code === 'TK_TT');
    assert.equal(row.latestPeriod, '2025-09');
    assert.equal(row.target.value, 90);
    assert.equal(Math.round(row.value * 100) / 100, 99.68);
  });

  it('updates a value: the rollup follows, and the cell keeps its history', async () => {
    const res = await post(admin, [{ indicator: 'HS_TT', orgUnit: '11692', period: '2025-07', value: 150, comment: 'Sửa theo báo cáo chính thức' }]);
    assert.deepEqual(res.json(), { imported: 0, updated: 1, ignored: 0, conflicts: [] });
    assert.equal((await read('HS_TT', '11692', '2025Q3')).value, 353);
    const unchanged = await post(admin, [{ indicator: 'HS_TT', orgUnit: '11692', period: '2025-07', value: 150, comment: 'Sửa theo báo cáo chính thức' }]);
    assert.deepEqual(unchanged.json(), { imported: 0, updated: 0, ignored: 1, conflicts: [] });
    const history = await api.database.db
      .selectFrom('data_value_history as h')
      .innerJoin('org_units as u', 'u.id', 'h.org_unit_id')
      .innerJoin('indicators as i', 'i.id', 'h.indicator_id')
      .select(['h.action', 'h.value', 'h.previous_value', 'h.source', 'h.changed_by', 'h.comment'])
      .where('i.code', '=', 'HS_TT')
      .where('u.code', '=', '11692')
      .where('h.period_id', '=', '2025-07')
      .orderBy('h.id')
      .execute();
    assert.deepEqual(
      history.map((h) => [h.action, h.value, h.previous_value, h.source]),
      [['insert', 100, null, 'api'], ['update', 150, 100, 'api']],
    );
    assert.equal(history[1]!.changed_by, admin.user.id);
  });

  it('rejects a batch atomically, listing every problem, and stores nothing', async () => {
    const before = await dbState(api.database.db);
    const res = await post(reporter, [
      { indicator: 'HS_TT', orgUnit: '11692', period: '2025-10', value: 5 },
      { indicator: 'KHONG_CO', orgUnit: '11692', period: '2025-10', value: 5 },
      { indicator: 'HS_TT', orgUnit: '99999', period: '2025-10', value: 5 },
      { indicator: 'HS_TT', orgUnit: '11692', period: '2025Q4', value: 5 },
      { indicator: 'HS_TT', orgUnit: '11413', period: '2025-10', value: 5 },
      { indicator: 'HS_TT', orgUnit: '11692', period: '2025-11', value: -1 },
      { indicator: 'TK_TT', orgUnit: '11692', period: '2025-10', numerator: 120, denominator: 100 },
      { indicator: 'TK_TT', orgUnit: '11692', period: '2025-11', value: 50 },
      { indicator: 'HS_TT', orgUnit: '11692', period: '2025-13', value: 5 },
    ]);
    assert.equal(res.statusCode, 409, res.body);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    const body = res.json();
    assert.equal(body.imported, 0);
    assert.equal(body.ignored, 9);
    const messages = Object.fromEntries(body.conflicts.map((c: { index: number; message: string }) => [c.index, c.message]));
    assert.equal(messages[1], 'Không có chỉ tiêu mã «KHONG_CO».');
    assert.equal(messages[2], 'Không có đơn vị mã «99999».');
    assert.equal(messages[3], 'Chỉ tiêu «HS_TT» báo cáo theo tháng; kỳ «2025Q4» là quý.');
    assert.match(messages[4], /Phường Hải An.*ngoài phạm vi/);
    assert.equal(messages[5], 'Chỉ tiêu «HS_TT» không nhận giá trị âm.');
    assert.equal(messages[6], 'Chỉ tiêu «TK_TT»: tử số 120 lớn hơn mẫu số 100.');
    assert.match(messages[7], /cần cả tử số/);
    assert.match(messages[8], /Kỳ «2025-13» không hợp lệ/);
    assert.equal(messages[0], undefined, 'the valid row has no conflict');
    assert.equal(body.detail, 'Không lưu giá trị nào: 8 dòng có lỗi.');
    assert.deepEqual(await dbState(api.database.db), before);
  });

  it('with atomic=false stores the valid rows and reports the rest', async () => {
    const res = await post(reporter, [
      { indicator: 'HS_TT', orgUnit: '11692', period: '2025-10', value: 7 },
      { indicator: 'HS_TT', orgUnit: '11413', period: '2025-10', value: 9 },
    ], '?atomic=false');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.imported, 1);
    assert.equal(body.ignored, 1);
    assert.deepEqual(body.conflicts.map((c: { index: number }) => c.index), [1]);
    assert.equal((await read('HS_TT', '31', '2025-10')).value, 7);
  });

  it('answers a replay with the same Idempotency-Key from the first response, and refuses the key for another body', async () => {
    const rows = [{ indicator: 'HS_TT', orgUnit: '11692', period: '2025-11', value: 11 }];
    const first = await post(admin, rows, '', { 'idempotency-key': 'lo-2025-11' });
    const second = await post(admin, rows, '', { 'idempotency-key': 'lo-2025-11' });
    assert.deepEqual(first.json(), { imported: 1, updated: 0, ignored: 0, conflicts: [] });
    assert.deepEqual(second.json(), first.json(), 'the replay is answered, not re-applied');
    const history = await api.database.db.selectFrom('data_value_history').select('id').where('period_id', '=', '2025-11').execute();
    assert.equal(history.length, 1);
    const other = await post(admin, [{ ...rows[0], value: 12 }], '', { 'idempotency-key': 'lo-2025-11' });
    assert.equal(other.statusCode, 422);
    assert.match(other.json().detail, /Idempotency-Key «lo-2025-11»/);
  });

  it('counts every one of many concurrent submissions exactly once', async () => {
    const units = (await api.database.db.selectFrom('org_units').select('code').where('kind', 'in', ['commune', 'ward', 'special_zone']).where('closed_on', 'is', null).execute()).map((u) => u.code);
    assert.equal(units.length, 114);
    await Promise.all(units.map((code, i) => post(admin, [{ indicator: 'NAM', orgUnit: code, period: '2025', value: i + 1 }])));
    await Promise.all(units.slice(0, 50).map((code, i) => post(admin, [{ indicator: 'NAM', orgUnit: code, period: '2025', value: 2 * (i + 1) }])));
    const expected = (114 * 115) / 2 + (50 * 51) / 2; // the first 50 doubled
    const city = await read('NAM', '31', '2025');
    assert.equal(city.value, expected);
    assert.equal(city.count, 114);
  });

  it('moves a unit with its history: totals follow the tree', async () => {
    const haiAn = await api.database.db.selectFrom('org_units').select('id').where('code', '=', '11413').where('closed_on', 'is', null).executeTakeFirstOrThrow();
    const dk = await api.database.db.selectFrom('org_units').select('id').where('code', '=', '11692').where('closed_on', 'is', null).executeTakeFirstOrThrow();
    const cityBefore = (await read('HS_TT', '31', '2025Q3')).value;
    const merged = await api.call('POST', '/api/v1/org-units/merge', { as: admin, body: { sourceIds: [haiAn.id], targetId: dk.id, effectiveDate: '2025-12-31' } });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.equal((await read('HS_TT', '11692', '2025Q3')).value, 353 + 603, 'the merged ward’s values aggregate under its successor');
    assert.equal((await read('HS_TT', '31', '2025Q3')).value, cityBefore, 'nothing counted twice at the city');
  });

  it('reads analytics only inside the caller’s scope, and explains bad parameters', async () => {
    const outside = await api.call('GET', '/api/v1/analytics?indicator=HS_TT&orgUnit=31&period=2025Q3', { as: reporter });
    assert.equal(outside.statusCode, 403);
    const unknown = await api.call('GET', '/api/v1/analytics?indicator=KHONG&orgUnit=31&period=2025Q3', { as: admin });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().detail, 'Không có chỉ tiêu mã «KHONG».');
    const badPeriod = await api.call('GET', '/api/v1/analytics?indicator=HS_TT&orgUnit=31&period=Q3-2025', { as: admin });
    assert.equal(badPeriod.statusCode, 400);
  });
});
