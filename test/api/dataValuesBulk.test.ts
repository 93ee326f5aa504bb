/**
 * The bulk write path at batch scale: a batch is resolved with a few set-based queries and stored
 * in one upsert whose rows travel as array literals. These tests pin what that must not change —
 * counts of new, changed and unchanged rows in one batch, history with source and actor, exact
 * round trips of awkward text and numbers, which unit a reused code means, and atomicity of a
 * batch of ten thousand rows with one bad row.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { foldVietnamese } from '../../domain/text.ts';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';
import { dbState } from '../helpers/dbState.ts';

describe('bulk data values', () => {
  let api: TestApi;
  let admin: Session;
  let communes: string[];

  const post = (dataValues: unknown[], query = '') => api.call('POST', `/api/v1/data-values${query}`, { as: admin, body: { dataValues } });
  const history = (indicator: string) =>
    api.database.db
      .selectFrom('data_value_history as h')
      .innerJoin('indicators as i', 'i.id', 'h.indicator_id')
      .select(['h.action', 'h.org_unit_id', 'h.period_id', 'h.value', 'h.previous_value', 'h.comment', 'h.source', 'h.changed_by'])
      .where('i.code', '=', indicator)
      .orderBy('h.id')
      .execute();

  before(async () => {
    api = await startTestApi({ catalogue: 'empty' });
    admin = await api.login('admin', TEST_ADMIN_PASSWORD);
    const add = (code: string, unit: string, space: string) =>
      api.database.db
        .insertInto('indicators')
        .values({ code, name: `Chỉ tiêu ${code}`, unit, space_aggregation: space as 'sum', time_aggregation: 'sum', period_type: 'month', search_key: foldVietnamese(code) })
        .execute();
    for (let k = 1; k <= 10; k++) await add(`B${k}`, 'count', 'sum');
    await add('TL', '%', 'ratio');
    await add('SO', 'điểm', 'avg');
    communes = (
      await api.database.db.selectFrom('org_units').select('code').where('kind', 'in', ['commune', 'ward', 'special_zone']).where('closed_on', 'is', null).orderBy('code').execute()
    ).map((u) => u.code);
  });
  after(() => api.close());

  it('counts new, changed and unchanged rows of one batch, and traces only what changed', async () => {
    const first = await post([
      { indicator: 'B1', orgUnit: '11692', period: '2025-01', value: 10 },
      { indicator: 'B1', orgUnit: '11413', period: '2025-01', value: 20 },
      { indicator: 'B1', orgUnit: '11557', period: '2025-01', value: 30, comment: 'ghi chú' },
    ]);
    assert.deepEqual(first.json(), { imported: 3, updated: 0, ignored: 0, conflicts: [] });
    const second = await post([
      { indicator: 'B1', orgUnit: '11692', period: '2025-01', value: 10 }, // unchanged
      { indicator: 'B1', orgUnit: '11413', period: '2025-01', value: 25 }, // changed value
      { indicator: 'B1', orgUnit: '11557', period: '2025-01', value: 30 }, // comment removed: a change
      { indicator: 'b1', orgUnit: '11692', period: '2025-02', value: 11 }, // new, code in lower case
    ]);
    assert.deepEqual(second.json(), { imported: 1, updated: 2, ignored: 1, conflicts: [] });
    const rows = await history('B1');
    assert.deepEqual(
      rows.map((h) => [h.action, h.period_id, h.value, h.previous_value, h.comment]),
      [
        ['insert', '2025-01', 10, null, null],
        ['insert', '2025-01', 20, null, null],
        ['insert', '2025-01', 30, null, 'ghi chú'],
        ['update', '2025-01', 25, 20, null],
        ['update', '2025-01', 30, 30, null],
        ['insert', '2025-02', 11, null, null],
      ],
    );
    assert.ok(rows.every((h) => h.source === 'api' && h.changed_by === admin.user.id), 'source and actor reach the history');
  });

  it('stores awkward text and numbers exactly as sent', async () => {
    const comments = ['dấu "ngoặc kép", phẩy, {ngoặc nhọn}', 'gạch \\ ngược \\\\ đôi', 'NULL', 'dòng 1\ndòng 2\ttab', "nháy 'đơn'", '  có khoảng trắng  '];
    const values = [0.1, 1e-7, 123456789.123456, 9007199254740991, 1e21, 0];
    const res = await post(comments.map((comment, k) => ({ indicator: 'SO', orgUnit: communes[k]!, period: '2025-03', value: values[k], comment })));
    assert.equal(res.statusCode, 200, res.body);
    const stored = await api.database.db
      .selectFrom('data_values as d')
      .innerJoin('org_units as u', 'u.id', 'd.org_unit_id')
      .innerJoin('indicators as i', 'i.id', 'd.indicator_id')
      .select(['u.code', 'd.value', 'd.comment', 'd.period_start', 'd.period_end', 'd.period_type'])
      .where('i.code', '=', 'SO')
      .execute();
    const byCode = new Map(stored.map((r) => [r.code, r]));
    comments.forEach((comment, k) => {
      const r = byCode.get(communes[k]!)!;
      assert.equal(r.comment, comment.trim());
      assert.equal(r.value, values[k]);
      assert.deepEqual([r.period_type, r.period_start, r.period_end], ['month', '2025-03-01', '2025-03-31']);
    });
    const ratio = await post([{ indicator: 'TL', orgUnit: '11692', period: '2025-03', numerator: 3_658_476, denominator: 3_670_241 }]);
    assert.equal(ratio.statusCode, 200, ratio.body);
    const tl = await api.database.db
      .selectFrom('data_values as d')
      .innerJoin('indicators as i', 'i.id', 'd.indicator_id')
      .select(['d.value', 'd.numerator', 'd.denominator'])
      .where('i.code', '=', 'TL')
      .executeTakeFirstOrThrow();
    assert.deepEqual(tl, { value: (100 * 3_658_476) / 3_670_241, numerator: 3_658_476, denominator: 3_670_241 });
  });

  it('writes a reused code to the open unit, not the former one', async () => {
    const city = await api.database.db.selectFrom('org_units').select('id').where('code', '=', '31').executeTakeFirstOrThrow();
    // 11707 belongs to the closed Phường Hoà Nghĩa; a new open unit takes the code.
    const created = await api.call('POST', '/api/v1/org-units', { as: admin, body: { code: '11707', name: 'Đơn vị thử mã cũ', kind: 'organization', parentId: city.id } });
    assert.equal(created.statusCode, 201, created.body);
    const res = await post([{ indicator: 'B2', orgUnit: '11707', period: '2025-04', value: 5 }]);
    assert.equal(res.statusCode, 200, res.body);
    const row = await api.database.db
      .selectFrom('data_values as d')
      .innerJoin('org_units as u', 'u.id', 'd.org_unit_id')
      .innerJoin('indicators as i', 'i.id', 'd.indicator_id')
      .select(['u.id', 'u.closed_on'])
      .where('i.code', '=', 'B2')
      .executeTakeFirstOrThrow();
    assert.equal(row.id, created.json().id);
    assert.equal(row.closed_on, null);
  });

  it('takes a batch of ten thousand rows (a body over 1 MB) in one request, and replays it as ignored', async () => {
    const rows = [];
    for (let k = 1; k <= 10; k++) for (const orgUnit of communes) for (let m = 1; m <= 9; m++) rows.push({ indicator: `B${k}`, orgUnit, period: `2024-0${m}`, value: k * 1000 + m, comment: 'Số liệu nhập hàng loạt từ hệ thống khác' });
    assert.ok(rows.length >= 10_000, `${rows.length} rows`);
    assert.ok(JSON.stringify({ dataValues: rows }).length > 1024 * 1024, 'larger than the default JSON body limit');
    const res = await post(rows);
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    assert.deepEqual(res.json(), { imported: rows.length, updated: 0, ignored: 0, conflicts: [] });
    const again = await post(rows);
    assert.deepEqual(again.json(), { imported: 0, updated: 0, ignored: rows.length, conflicts: [] });
    const traced = await api.database.db.selectFrom('data_value_history').select((eb) => eb.fn.countAll<string>().as('n')).where('period_id', 'like', '2024-%').executeTakeFirstOrThrow();
    assert.equal(Number(traced.n), rows.length, 'one history row per stored value, none for the replay');
  });

  it('refuses a batch of ten thousand rows with one bad row, naming it, and stores nothing', async () => {
    const rows = [];
    for (let k = 1; k <= 10; k++) for (const orgUnit of communes) for (let m = 1; m <= 9; m++) rows.push({ indicator: `B${k}`, orgUnit, period: `2023-0${m}`, value: m });
    const bad = 7_777;
    rows[bad] = { ...rows[bad]!, value: -1 };
    const before = await dbState(api.database.db);
    const res = await post(rows);
    assert.equal(res.statusCode, 409, res.body.slice(0, 500));
    const body = res.json();
    assert.deepEqual(body.conflicts.map((c: { index: number }) => c.index), [bad]);
    assert.equal(body.ignored, rows.length);
    assert.deepEqual(await dbState(api.database.db), before);
    const partial = await post(rows, '?atomic=false');
    assert.deepEqual(partial.json().imported, rows.length - 1);
  });
});
