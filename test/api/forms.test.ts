/**
 * Report forms and unit groups: definitions with items, cross-indicator rules and assignments by
 * unit, level or group; every problem of a definition listed at once; scope by the owner unit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';
import { auditSince, dbState, maxAuditId } from '../helpers/dbState.ts';

describe('report forms', () => {
  let api: TestApi;
  let admin: Session;
  let coordinator: Session; // dieuphoi, coordinator at the city
  let reporter: Session; // baocao, reporter at Phường Dương Kinh
  let wardAdmin: Session; // quantri.duongkinh, admin at Phường Dương Kinh

  const problem = (res: LightMyRequestResponse, status: number) => {
    assert.equal(res.statusCode, status, res.body);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    return res.json() as { detail: string; errors?: { path: string; message: string }[] };
  };
  const indicator = (body: Record<string, unknown>) => api.call('POST', '/api/v1/indicators', { as: admin, body });

  before(async () => {
    api = await startTestApi();
    admin = await api.login('admin', TEST_ADMIN_PASSWORD);
    coordinator = await api.login('dieuphoi', DEMO_PASSWORD);
    reporter = await api.login('baocao', DEMO_PASSWORD);
    wardAdmin = await api.login('quantri.duongkinh', DEMO_PASSWORD);
    for (const body of [
      { code: 'F_HS_TONG', name: 'Tổng số hồ sơ tiếp nhận', unit: 'count', spaceAggregation: 'sum', timeAggregation: 'sum' },
      { code: 'F_HS_TT', name: 'Số hồ sơ tiếp nhận trực tuyến', unit: 'count', spaceAggregation: 'sum', timeAggregation: 'sum' },
      { code: 'F_TK_TT', name: 'Tỷ lệ dân số có tài khoản thanh toán điện tử', unit: '%', spaceAggregation: 'ratio', timeAggregation: 'latest' },
      { code: 'F_QUY', name: 'Chỉ tiêu báo cáo quý', unit: 'count', spaceAggregation: 'sum', timeAggregation: 'sum', periodType: 'quarter' },
    ]) {
      const res = await indicator(body);
      assert.equal(res.statusCode, 201, res.body);
    }
  });
  after(() => api.close());

  const form = {
    code: 'BM-01',
    name: 'Báo cáo tháng về dịch vụ công trực tuyến',
    periodType: 'month',
    cutoff: 'nd09',
    deadlineOffsetDays: 2,
    deadlineFrom: 'windowEnd',
    items: [{ indicator: 'F_HS_TONG' }, { indicator: 'f_hs_tt' }, { indicator: 'F_TK_TT', required: false }],
    rules: [{ expression: 'F_HS_TT <= F_HS_TONG', message: 'Hồ sơ trực tuyến không vượt tổng số hồ sơ' }, { expression: 'F_TK_TT_num <= F_TK_TT_den' }],
    assignments: [{ kind: 'level', orgUnit: '31', level: 'commune' }],
  };

  it('creates a form assigned by level to every commune of the city, and audits it', async () => {
    const since = await maxAuditId(api.database.db);
    const res = await api.call('POST', '/api/v1/forms', { as: coordinator, body: form });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.code, 'BM-01');
    assert.equal(body.ownerUnit.code, '31', 'the owner defaults to the unit of the caller’s grant');
    assert.equal(body.assignedUnitCount, 114, 'the city’s 114 communes, wards and special zones');
    assert.deepEqual(body.items.map((i: { indicator: { code: string }; required: boolean }) => [i.indicator.code, i.required]), [
      ['F_HS_TONG', true],
      ['F_HS_TT', true],
      ['F_TK_TT', false],
    ]);
    assert.equal(body.rules.length, 2);
    assert.deepEqual(body.assignments, [{ kind: 'level', orgUnit: { id: body.assignments[0].orgUnit.id, code: '31', name: body.assignments[0].orgUnit.name }, level: 'commune', group: null }]);
    assert.match(body.firstPeriod, /^\d{4}-\d{2}$/, 'the first period defaults to the current one');
    const events = await auditSince(api.database.db, since);
    assert.deepEqual(events.map((e) => e.action), ['form.create']);

    const read = await api.call('GET', '/api/v1/forms/bm-01', { as: reporter });
    assert.equal(read.statusCode, 200, 'every role reads forms; codes are case-insensitive');
    const list = await api.call('GET', '/api/v1/forms?q=dịch vụ', { as: reporter });
    assert.deepEqual(list.json().items.map((f: { code: string }) => f.code), ['BM-01']);
  });

  it('lists every problem of a definition at once and stores nothing', async () => {
    const before = await dbState(api.database.db);
    const res = await api.call('POST', '/api/v1/forms', {
      as: coordinator,
      body: {
        code: 'BM-SAI',
        name: 'Biểu mẫu sai',
        periodType: 'month',
        firstPeriod: '2025Q1',
        items: [{ indicator: 'F_HS_TONG' }, { indicator: 'KHONG_CO' }, { indicator: 'F_QUY' }, { indicator: 'F_HS_TONG' }],
        rules: [{ expression: 'F_HS_TONG >= ' }, { expression: 'F_HS_TONG + 1' }, { expression: 'F_HS_TT <= F_HS_TONG' }],
        assignments: [{ kind: 'unit', orgUnit: '99999' }, { kind: 'level', orgUnit: '31' }, { kind: 'group', group: 'KHONG_CO' }, { kind: 'unit', orgUnit: '11692', level: 'commune' }],
      },
    });
    const body = problem(res, 422);
    assert.equal(body.detail, 'Biểu mẫu có 11 lỗi; chưa lưu gì.');
    const messages = Object.fromEntries(body.errors!.map((e) => [e.path, e.message]));
    assert.equal(messages['body.firstPeriod'], 'Kỳ đầu tiên «2025Q1» phải là kỳ tháng như biểu mẫu.');
    assert.equal(messages['body.items[1]'], 'Không có chỉ tiêu mã «KHONG_CO».');
    assert.equal(messages['body.items[2]'], 'Chỉ tiêu «F_QUY» báo cáo theo quý, khác kỳ báo cáo của biểu mẫu (tháng).');
    assert.equal(messages['body.items[3]'], 'Chỉ tiêu «F_HS_TONG» đã có trong biểu mẫu (mục 1).');
    assert.equal(messages['body.rules[0]'], 'Quy tắc «F_HS_TONG >=», vị trí 13: biểu thức kết thúc khi còn thiếu toán hạng.');
    assert.equal(messages['body.rules[1]'], 'Quy tắc «F_HS_TONG + 1», vị trí 11: cần một điều kiện (phép so sánh như A <= B), không phải một số.');
    assert.match(messages['body.rules[2]']!, /«F_HS_TT» không phải là mã chỉ tiêu của biểu mẫu/);
    assert.equal(messages['body.assignments[0]'], 'Không có đơn vị mã «99999».');
    assert.match(messages['body.assignments[1]']!, /cần đơn vị neo \(orgUnit\) và cấp \(level\)/);
    assert.equal(messages['body.assignments[2]'], 'Không có nhóm đơn vị mã «KHONG_CO».');
    assert.match(messages['body.assignments[3]']!, /Giao theo đơn vị/);
    assert.deepEqual(await dbState(api.database.db), before);
  });

  it('refuses a duplicate code, unknown forms, and writers without the right over the owner', async () => {
    const before = await dbState(api.database.db);
    assert.equal(problem(await api.call('POST', '/api/v1/forms', { as: coordinator, body: { ...form, code: 'bm-01' } }), 409).detail, 'Mã biểu mẫu «BM-01» đã được dùng.');
    assert.equal(problem(await api.call('GET', '/api/v1/forms/KHONG', { as: coordinator }), 404).detail, 'Không có biểu mẫu mã «KHONG».');
    problem(await api.call('POST', '/api/v1/forms', { as: reporter, body: { ...form, code: 'BM-R' } }), 403);
    problem(await api.call('PATCH', '/api/v1/forms/BM-01', { as: wardAdmin, body: { name: 'Đổi tên' } }), 403);
    // A ward's admin may define forms for the ward, never assign them above it.
    const ward = await api.call('POST', '/api/v1/forms', { as: wardAdmin, body: { ...form, code: 'BM-W', assignments: [{ kind: 'unit', orgUnit: '11413' }] } });
    assert.match(problem(ward, 422).errors![0]!.message, /Phường Hải An.*ngoài phạm vi của đơn vị chủ quản «Phường Dương Kinh»/);
    assert.deepEqual(await dbState(api.database.db), before);
  });

  it('groups units and assigns a form to a group', async () => {
    const group = await api.call('POST', '/api/v1/org-unit-groups', {
      as: coordinator,
      body: { code: 'SO-DVC', name: 'Các sở có dịch vụ công trực tuyến', members: ['31-SKHCN', '11692'] },
    });
    assert.equal(group.statusCode, 201, group.body);
    assert.deepEqual(group.json().members.map((m: { code: string }) => m.code).sort(), ['11692', '31-SKHCN']);
    const bad = await api.call('POST', '/api/v1/org-unit-groups', { as: coordinator, body: { code: 'SO-2', name: 'Sai', members: ['99999', '11692', '11692'] } });
    assert.equal(problem(bad, 422).errors!.length, 2);

    const res = await api.call('PATCH', '/api/v1/forms/BM-01', {
      as: coordinator,
      body: { assignments: [{ kind: 'group', group: 'so-dvc' }, { kind: 'unit', orgUnit: '11413' }] },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().assignedUnitCount, 3);
    assert.equal(res.json().items.length, 3, 'items not in the patch are kept');
    const inUse = await api.call('DELETE', '/api/v1/org-unit-groups/SO-DVC', { as: coordinator });
    assert.match(problem(inUse, 409).detail, /đang được dùng để giao 1 biểu mẫu/);

    const back = await api.call('PATCH', '/api/v1/forms/BM-01', { as: coordinator, body: { assignments: form.assignments } });
    assert.equal(back.json().assignedUnitCount, 114);
    assert.equal((await api.call('DELETE', '/api/v1/org-unit-groups/SO-DVC', { as: coordinator })).statusCode, 204);
  });

  it('checks the rules again when the items change, and refuses a period type that does not fit the items', async () => {
    const before = await dbState(api.database.db);
    const res = await api.call('PATCH', '/api/v1/forms/BM-01', { as: coordinator, body: { items: [{ indicator: 'F_HS_TONG' }] } });
    const body = problem(res, 422);
    assert.deepEqual(body.errors!.map((e) => e.path), ['body.rules[0]', 'body.rules[1]']);
    const quarter = await api.call('PATCH', '/api/v1/forms/BM-01', { as: coordinator, body: { periodType: 'quarter' } });
    assert.deepEqual(problem(quarter, 422).errors!.map((e) => e.path), ['body.items[0]', 'body.items[1]', 'body.items[2]'], 'the first period follows to its quarter');
    assert.deepEqual(await dbState(api.database.db), before);

    const since = await maxAuditId(api.database.db);
    const renamed = await api.call('PATCH', '/api/v1/forms/BM-01', { as: coordinator, body: { name: 'Báo cáo tháng về dịch vụ công trực tuyến (sửa đổi)', deadlineOffsetDays: 3 } });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(renamed.json().deadlineOffsetDays, 3);
    const [event] = await auditSince(api.database.db, since);
    assert.equal(event!.action, 'form.update');
    assert.deepEqual([(event!.before as { deadlineOffsetDays: number }).deadlineOffsetDays, (event!.after as { deadlineOffsetDays: number }).deadlineOffsetDays], [2, 3]);
  });

  it('answers in English when asked', async () => {
    const res = await api.call('GET', '/api/v1/forms/KHONG', { as: coordinator, headers: { 'accept-language': 'en' } });
    assert.equal(problem(res, 404).detail, 'There is no form with code “KHONG”.');
  });

  it('deletes a form without reports', async () => {
    const created = await api.call('POST', '/api/v1/forms', { as: coordinator, body: { ...form, code: 'BM-TAM' } });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal((await api.call('DELETE', '/api/v1/forms/BM-TAM', { as: coordinator })).statusCode, 204);
    assert.equal((await api.call('GET', '/api/v1/forms/BM-TAM', { as: coordinator })).statusCode, 404);
  });

  it('publishes the form and submission routes in the OpenAPI document', async () => {
    const doc = (await api.call('GET', '/api/v1/openapi.json')).json();
    for (const path of [
      '/api/v1/forms',
      '/api/v1/forms/{code}',
      '/api/v1/org-unit-groups',
      '/api/v1/inbox',
      '/api/v1/approvals',
      '/api/v1/compliance',
      '/api/v1/data-values/history',
      '/api/v1/submissions/{form}/{orgUnit}/{period}',
      '/api/v1/submissions/{form}/{orgUnit}/{period}/submit',
      '/api/v1/submissions/{form}/{orgUnit}/{period}/approve',
      '/api/v1/submissions/{form}/{orgUnit}/{period}/return',
      '/api/v1/submissions/{form}/{orgUnit}/{period}/reopen',
      '/api/v1/submissions/{form}/{orgUnit}/{period}/template.xlsx',
      '/api/v1/submissions/{form}/{orgUnit}/{period}/upload',
    ]) {
      assert.ok(doc.paths[path], path);
    }
    assert.ok(doc.paths['/api/v1/submissions/{form}/{orgUnit}/{period}'].put);
  });
});
