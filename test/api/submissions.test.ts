/**
 * A report from a ward to the city dashboard: the reporter of Phường Dương Kinh sees the form in the
 * inbox, saves a draft, submits; an approver at the city approves; the numbers reach the city total
 * within a second; the approved cells are locked until a coordinator reopens the report (leaving a
 * trace); compliance counts who reported on time. Then the offline XLSX round trip, and bad input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { dueDate, reportingDate } from '../../domain/forms.ts';
import { addDays, nextPeriod, parsePeriod } from '../../domain/periods.ts';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';
import { auditSince, dbState, maxAuditId } from '../helpers/dbState.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('submissions: draft, submit, approve, reopen', () => {
  let api: TestApi;
  let admin: Session;
  let coordinator: Session; // dieuphoi, coordinator at the city
  let reporter: Session; // baocao, reporter at Phường Dương Kinh (11692)
  let approver: Session; // created below: approver at the city
  let deptApprover: Session; // pheduyet, approver at Sở KH&CN only
  const period = reportingDate(new Date()).slice(0, 7); // the current month in Vietnam
  const due = dueDate({ periodType: 'month', cutoff: 'calendar', deadlineOffsetDays: 10, deadlineFrom: 'periodEnd' }, parsePeriod(period));
  const url = (unit = '11692', p = period, form = 'BM-TH') => `/api/v1/submissions/${form}/${unit}/${p}`;

  const problem = (res: LightMyRequestResponse, status: number) => {
    assert.equal(res.statusCode, status, res.body);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    return res.json() as { detail: string; errors?: { path: string; message: string }[]; conflicts?: { index: number; message: string }[] };
  };
  const ok = (res: LightMyRequestResponse, status = 200) => {
    assert.equal(res.statusCode, status, res.body);
    return res.json();
  };
  const cityTotal = async (indicator = 'S_HS_TONG') => {
    await api.rollupsIdle();
    return ok(await api.call('GET', `/api/v1/analytics?indicator=${indicator}&orgUnit=31&period=${period}`, { as: admin })).value;
  };

  before(async () => {
    api = await startTestApi({ rollups: true });
    admin = await api.login('admin', TEST_ADMIN_PASSWORD);
    coordinator = await api.login('dieuphoi', DEMO_PASSWORD);
    reporter = await api.login('baocao', DEMO_PASSWORD);
    deptApprover = await api.login('pheduyet', DEMO_PASSWORD);
    const city = await api.database.db.selectFrom('org_units').select('id').where('code', '=', '31').where('closed_on', 'is', null).executeTakeFirstOrThrow();
    ok(
      await api.call('POST', '/api/v1/users', {
        as: admin,
        body: { username: 'duyet.thanhpho', fullName: 'Hoàng Văn Duyệt (Văn phòng UBND thành phố)', password: 'Duyet@2025', memberships: [{ orgUnitId: city.id, role: 'approver' }] },
      }),
      201,
    );
    approver = await api.login('duyet.thanhpho', 'Duyet@2025');
    for (const body of [
      { code: 'S_HS_TONG', name: 'Tổng số hồ sơ thủ tục hành chính tiếp nhận', unit: 'count', spaceAggregation: 'sum', timeAggregation: 'sum' },
      { code: 'S_HS_TT', name: 'Số hồ sơ tiếp nhận trực tuyến', unit: 'count', spaceAggregation: 'sum', timeAggregation: 'sum' },
      { code: 'S_TK_TT', name: 'Tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử', unit: '%', spaceAggregation: 'ratio', timeAggregation: 'latest' },
    ])
      ok(await api.call('POST', '/api/v1/indicators', { as: admin, body }), 201);
    // Another ward's figure, entered through the API: the city total starts from it.
    ok(await api.call('POST', '/api/v1/data-values', { as: admin, body: { dataValues: [{ indicator: 'S_HS_TONG', orgUnit: '11413', period, value: 50 }] } }));
    ok(
      await api.call('POST', '/api/v1/forms', {
        as: coordinator,
        body: {
          code: 'BM-TH',
          name: 'Báo cáo tháng kết quả giải quyết thủ tục hành chính trực tuyến',
          periodType: 'month',
          deadlineOffsetDays: 10,
          items: [{ indicator: 'S_HS_TONG' }, { indicator: 'S_HS_TT' }, { indicator: 'S_TK_TT', required: false }],
          rules: [{ expression: 'S_HS_TT <= S_HS_TONG' }, { expression: 'S_TK_TT_num <= S_TK_TT_den', message: 'Tử số không vượt mẫu số' }],
          assignments: [{ kind: 'level', orgUnit: '31', level: 'commune' }],
        },
      }),
      201,
    );
  });
  after(() => api.close());

  // The demo's own forms (server/seed/demoForms.ts) are in the same inboxes and queues: these tests look at BM-TH.
  it('lists the report in the reporter’s inbox, due ten days after the month', async () => {
    const inbox = ok(await api.call('GET', '/api/v1/inbox?form=BM-TH', { as: reporter }));
    assert.equal(inbox.total, 1);
    const [item] = inbox.items;
    assert.equal(item.form.code, 'BM-TH');
    assert.equal(item.orgUnit.code, '11692');
    assert.equal(item.period.id, period);
    assert.match(item.period.label, /^Tháng \d+\/\d{4}$/);
    assert.equal(item.status, 'not_started');
    assert.equal(item.dueDate, due);
    assert.equal(item.overdue, false);
    problem(await api.call('GET', '/api/v1/inbox?orgUnit=11413', { as: reporter }), 403);
    const city = ok(await api.call('GET', '/api/v1/inbox?orgUnit=31&form=BM-TH&limit=5', { as: coordinator }));
    assert.equal(city.total, 114, 'a coordinator at the city reports for every commune');
  });

  it('shows a report without creating anything', async () => {
    const before = await dbState(api.database.db);
    const view = ok(await api.call('GET', url(), { as: reporter }));
    assert.equal(view.status, 'not_started');
    assert.deepEqual(view.actions, ['save', 'submit']);
    assert.deepEqual(view.items.map((i: { indicator: { code: string }; staged: unknown }) => [i.indicator.code, i.staged]), [
      ['S_HS_TONG', null],
      ['S_HS_TT', null],
      ['S_TK_TT', null],
    ]);
    assert.equal(view.validation.valid, false);
    assert.deepEqual(view.validation.problems.map((p: { message: string }) => p.message), [
      'Chỉ tiêu «S_HS_TONG» là bắt buộc nhưng chưa có số liệu.',
      'Chỉ tiêu «S_HS_TT» là bắt buộc nhưng chưa có số liệu.',
    ]);
    assert.equal(view.items[0].history, `/api/v1/data-values/history?indicator=S_HS_TONG&orgUnit=11692&period=${period}`);
    assert.deepEqual(await dbState(api.database.db), before);
  });

  it('refuses a draft with bad values, listing every problem, and stores nothing', async () => {
    const before = await dbState(api.database.db);
    const res = await api.call('PUT', url(), {
      as: reporter,
      body: {
        values: [
          { indicator: 'S_HS_TONG', value: -5 },
          { indicator: 'S_HS_TT', value: 3 },
          { indicator: 'S_TK_TT', numerator: 120, denominator: 100 },
          { indicator: 'KHONG_CO', value: 1 },
        ],
      },
    });
    const body = problem(res, 422);
    assert.equal(body.detail, 'Không lưu giá trị nào: 3 lỗi.');
    assert.deepEqual(body.errors, [
      { path: 'values[0]', message: 'Chỉ tiêu «S_HS_TONG» không nhận giá trị âm.' },
      { path: 'values[2]', message: 'Chỉ tiêu «S_TK_TT»: tử số 120 lớn hơn mẫu số 100.' },
      { path: 'values[3]', message: 'Chỉ tiêu «KHONG_CO» không thuộc biểu mẫu «BM-TH».' },
    ]);
    assert.deepEqual(await dbState(api.database.db), before);
  });

  it('saves a draft that breaks a rule, and refuses to submit it, keeping the draft', async () => {
    const view = ok(
      await api.call('PUT', url(), {
        as: reporter,
        body: {
          values: [
            { indicator: 'S_HS_TONG', value: 100 },
            { indicator: 'S_HS_TT', value: 120 },
            { indicator: 'S_TK_TT', numerator: 900, denominator: 1000, comment: 'Theo số liệu ngân hàng' },
          ],
        },
      }),
    );
    assert.equal(view.status, 'draft');
    assert.equal(view.items[2].staged.value, 90, 'a % ratio is 100 × numerator / denominator');
    assert.deepEqual(view.validation.problems, [{ path: 'rules[0]', message: 'Vi phạm quy tắc «S_HS_TT <= S_HS_TONG» (S_HS_TT = 120; S_HS_TONG = 100).' }]);
    assert.deepEqual(view.events.map((e: { action: string }) => e.action), ['created', 'saved']);
    assert.equal(view.events[1].actor.username, 'baocao');

    const before = await dbState(api.database.db);
    const refused = problem(await api.call('POST', `${url()}/submit`, { as: reporter }), 422);
    assert.equal(refused.detail, 'Chưa nộp được báo cáo: 1 lỗi cần sửa; không lưu thay đổi nào.');
    const withValues = problem(
      await api.call('POST', `${url()}/submit`, { as: reporter, body: { values: [{ indicator: 'S_HS_TT', value: 80 }, { indicator: 'S_HS_TONG', value: -1 }] } }),
      422,
    );
    assert.deepEqual(withValues.errors, [{ path: 'values[1]', message: 'Chỉ tiêu «S_HS_TONG» không nhận giá trị âm.' }]);
    assert.deepEqual(await dbState(api.database.db), before, 'nothing new is stored and the report stays a draft');
  });

  it('submits, which locks the report: no more saves, and the bulk API may not write its cells', async () => {
    const since = await maxAuditId(api.database.db);
    const view = ok(await api.call('POST', `${url()}/submit`, { as: reporter, body: { values: [{ indicator: 'S_HS_TT', value: 80 }] } }));
    assert.equal(view.status, 'submitted');
    assert.equal(view.locked, true);
    assert.deepEqual(view.actions, [], 'the reporter has nothing left to do');
    assert.equal(view.submittedBy.username, 'baocao');
    assert.equal(view.timeliness, 'on_time');
    assert.deepEqual((await auditSince(api.database.db, since)).map((e) => e.action), ['submission.submit']);

    const locked = problem(await api.call('PUT', url(), { as: reporter, body: { values: [{ indicator: 'S_HS_TONG', value: 1 }] } }), 409);
    assert.match(locked.detail, /Báo cáo «BM-TH» của «Phường Dương Kinh» kỳ «\d{4}-\d{2}» đã nộp, chờ phê duyệt, số liệu đã khóa/);
    const api409 = problem(await api.call('POST', '/api/v1/data-values', { as: admin, body: { dataValues: [{ indicator: 'S_HS_TONG', orgUnit: '11692', period, value: 7 }] } }), 409);
    assert.match(api409.conflicts![0]!.message, /Ô số liệu «S_HS_TONG» của «Phường Dương Kinh» kỳ «.*» thuộc báo cáo «BM-TH» đã nộp, chờ phê duyệt nên đã khóa/);
    assert.equal(await cityTotal(), 50, 'submitted numbers are not published yet');
  });

  it('queues the report for approvers of the city, and no one else may decide', async () => {
    const queue = ok(await api.call('GET', '/api/v1/approvals?form=BM-TH', { as: approver }));
    assert.deepEqual(queue.items.map((i: { form: { code: string }; orgUnit: { code: string }; period: { id: string } }) => [i.form.code, i.orgUnit.code, i.period.id]), [['BM-TH', '11692', period]]);
    assert.equal(queue.items[0].submittedBy.username, 'baocao');
    assert.equal(ok(await api.call('GET', '/api/v1/approvals?form=BM-TH', { as: deptApprover })).items.length, 0, 'an agency’s approver does not see the wards');
    const before = await dbState(api.database.db);
    problem(await api.call('POST', `${url()}/approve`, { as: reporter }), 403);
    problem(await api.call('POST', `${url()}/approve`, { as: deptApprover }), 403);
    problem(await api.call('POST', `${url()}/reopen`, { as: approver, body: { reason: 'Thử' } }), 403);
    assert.deepEqual(await dbState(api.database.db), before);
  });

  it('approves: the numbers become the ward’s figures under the reporter’s name and reach the city total', async () => {
    const since = await maxAuditId(api.database.db);
    const view = ok(await api.call('POST', `${url()}/approve`, { as: approver }));
    assert.equal(view.status, 'approved');
    assert.equal(view.decidedBy.username, 'duyet.thanhpho');
    assert.deepEqual(view.items.map((i: { stored: { value: number; source: string } }) => [i.stored.value, i.stored.source]), [
      [100, 'form'],
      [80, 'form'],
      [90, 'form'],
    ]);
    const audits = await auditSince(api.database.db, since);
    assert.deepEqual(audits.map((e) => [e.action, e.actor_username]), [['submission.approve', 'duyet.thanhpho']]);

    assert.equal(await cityTotal(), 150, 'the ward’s 100 joins the 50 already at the city');
    const ratio = await api.call('GET', `/api/v1/analytics?indicator=S_TK_TT&orgUnit=31&period=${period}`, { as: admin });
    assert.equal(ratio.json().value, 90);

    const history = ok(await api.call('GET', `/api/v1/data-values/history?indicator=S_HS_TONG&orgUnit=11692&period=${period}`, { as: reporter }));
    assert.equal(history.current.value, 100);
    assert.equal(history.current.updatedBy.username, 'baocao');
    assert.deepEqual(history.items.map((h: { action: string; value: number; previousValue: number | null; source: string; changedBy: { username: string } }) => [h.action, h.value, h.previousValue, h.source, h.changedBy.username]), [
      ['insert', 100, null, 'form', 'baocao'],
    ]);
  });

  it('measures compliance: one report on time, the other 113 communes missing once the deadline has passed', async () => {
    const late = ok(await api.call('GET', `/api/v1/compliance?form=BM-TH&period=${period}&orgUnit=31&asOf=${addDays(due, 1)}`, { as: coordinator }));
    assert.equal(late.dueDate, due);
    assert.deepEqual(late.totals, { expected: 114, received: 1, approved: 1, onTime: 1, late: 0, missing: 113, pending: 0, completeness: 0.88, timeliness: 0.88 });
    const dk = late.items.find((i: { orgUnit: { code: string } }) => i.orgUnit.code === '11692');
    assert.equal(dk.status, 'approved');
    assert.equal(dk.timeliness, 'on_time');
    const now = ok(await api.call('GET', `/api/v1/compliance?form=BM-TH&period=${period}&orgUnit=31`, { as: coordinator }));
    assert.equal(now.totals.pending, 113, 'before the deadline the others are pending, not missing');
    const ward = ok(await api.call('GET', `/api/v1/compliance?form=BM-TH&period=${period}&orgUnit=11692`, { as: reporter }));
    assert.equal(ward.totals.expected, 1);
    problem(await api.call('GET', `/api/v1/compliance?form=BM-TH&period=${period}&orgUnit=31`, { as: reporter }), 403);
  });

  it('keeps approved cells locked against the bulk API until a coordinator reopens the report, leaving a trace', async () => {
    const partial = ok(
      await api.call('POST', '/api/v1/data-values?atomic=false', {
        as: admin,
        body: { dataValues: [{ indicator: 'S_HS_TONG', orgUnit: '11692', period, value: 1 }, { indicator: 'S_HS_TONG', orgUnit: '11413', period, value: 60 }] },
      }),
    );
    assert.equal(partial.updated, 1);
    assert.deepEqual(partial.conflicts.map((c: { index: number }) => c.index), [0]);
    assert.match(partial.conflicts[0].message, /thuộc báo cáo «BM-TH» đã phê duyệt nên đã khóa/);
    assert.equal(await cityTotal(), 160);

    const reopened = ok(await api.call('POST', `${url()}/reopen`, { as: coordinator, body: { reason: 'Sở Nội vụ đề nghị rà soát lại tổng số hồ sơ' } }));
    assert.equal(reopened.status, 'returned');
    assert.equal(reopened.locked, false);
    assert.equal(reopened.returnReason, 'Sở Nội vụ đề nghị rà soát lại tổng số hồ sơ');
    const last = reopened.events[reopened.events.length - 1];
    assert.deepEqual([last.action, last.fromStatus, last.toStatus, last.reason, last.actor.username], ['reopened', 'approved', 'returned', 'Sở Nội vụ đề nghị rà soát lại tổng số hồ sơ', 'dieuphoi']);
    assert.equal(await cityTotal(), 160, 'the approved figures stand until the next approval');
    const inbox = ok(await api.call('GET', '/api/v1/inbox?form=BM-TH', { as: reporter }));
    assert.deepEqual([inbox.items[0].status, inbox.items[0].returnReason], ['returned', 'Sở Nội vụ đề nghị rà soát lại tổng số hồ sơ']);
    await assert.rejects(
      api.database.db.updateTable('submission_events').set({ reason: 'sửa vết' }).execute(),
      /append-only/,
      'the trace cannot be rewritten',
    );
  });

  it('returns a corrected report with a reason, then approves the resubmission: the history shows each version', async () => {
    const saved = ok(await api.call('PUT', url(), { as: reporter, body: { values: [{ indicator: 'S_HS_TONG', value: 110 }] } }));
    assert.equal(saved.status, 'returned', 'a returned report stays returned while it is corrected');
    ok(await api.call('POST', `${url()}/submit`, { as: reporter }));
    const returned = ok(await api.call('POST', `${url()}/return`, { as: approver, body: { reason: 'Số hồ sơ trực tuyến chưa khớp với Cổng dịch vụ công' } }));
    assert.equal(returned.status, 'returned');
    assert.equal(returned.returnReason, 'Số hồ sơ trực tuyến chưa khớp với Cổng dịch vụ công');
    problem(await api.call('POST', `${url()}/return`, { as: approver, body: { reason: 'Lần nữa' } }), 409);
    ok(await api.call('POST', `${url()}/submit`, { as: reporter, body: { values: [{ indicator: 'S_HS_TT', value: 85 }] } }));
    const approved = ok(await api.call('POST', `${url()}/approve`, { as: approver }));
    assert.deepEqual(approved.events.map((e: { action: string }) => e.action), ['created', 'saved', 'saved', 'submitted', 'approved', 'reopened', 'saved', 'submitted', 'returned', 'saved', 'submitted', 'approved']);
    assert.equal(approved.firstSubmittedAt !== approved.submittedAt, true, 'timeliness keeps the first submission');
    assert.equal(await cityTotal(), 170);
    const history = ok(await api.call('GET', `/api/v1/data-values/history?indicator=S_HS_TONG&orgUnit=11692&period=${period}`, { as: coordinator }));
    assert.deepEqual(history.items.map((h: { action: string; value: number; previousValue: number | null; source: string }) => [h.action, h.value, h.previousValue, h.source]), [
      ['update', 110, 100, 'form'],
      ['insert', 100, null, 'form'],
    ]);
  });
});

describe('submissions: the XLSX template round trip and bad input', () => {
  let api: TestApi;
  let coordinator: Session;
  let reporter: Session;
  const period = reportingDate(new Date()).slice(0, 7);
  const url = (unit = '11413', p = period, form = 'BM-XL') => `/api/v1/submissions/${form}/${unit}/${p}`;
  const problem = (res: LightMyRequestResponse, status: number) => {
    assert.equal(res.statusCode, status, res.body);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    return res.json() as { detail: string; errors?: { path: string; message: string }[] };
  };
  const upload = (target: string, bytes: Buffer, as = coordinator) =>
    api.app.inject({ method: 'POST', url: `${target}/upload`, headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken, 'content-type': XLSX }, payload: bytes });
  const template = async (target: string, as = coordinator) => {
    const res = await api.call('GET', `${target}/template.xlsx`, { as });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return workbook;
  };
  const bytesOf = async (workbook: ExcelJS.Workbook) => Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);

  before(async () => {
    api = await startTestApi();
    const admin = await api.login('admin', TEST_ADMIN_PASSWORD);
    coordinator = await api.login('dieuphoi', DEMO_PASSWORD);
    reporter = await api.login('baocao', DEMO_PASSWORD);
    for (const body of [
      { code: 'X_HS_TONG', name: 'Tổng số hồ sơ', unit: 'count', spaceAggregation: 'sum', timeAggregation: 'sum' },
      { code: 'X_TK_TT', name: 'Tỷ lệ tài khoản thanh toán điện tử', unit: '%', spaceAggregation: 'ratio', timeAggregation: 'latest' },
      { code: 'X_QUY', name: 'Chỉ tiêu quý', unit: 'count', spaceAggregation: 'sum', timeAggregation: 'sum', periodType: 'quarter' },
    ])
      assert.equal((await api.call('POST', '/api/v1/indicators', { as: admin, body })).statusCode, 201);
    const form = await api.call('POST', '/api/v1/forms', {
      as: coordinator,
      body: {
        code: 'BM-XL',
        name: 'Báo cáo tháng nhập từ Excel',
        periodType: 'month',
        cutoff: 'nd09',
        deadlineOffsetDays: 2,
        deadlineFrom: 'windowEnd',
        items: [{ indicator: 'X_HS_TONG' }, { indicator: 'X_TK_TT' }],
        assignments: [{ kind: 'level', orgUnit: '31', level: 'commune' }],
      },
    });
    assert.equal(form.statusCode, 201, form.body);
  });
  after(() => api.close());

  it('downloads a protected template naming the report, with unlocked, validated input cells', async () => {
    const workbook = await template(url());
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.name, 'Báo cáo');
    assert.equal(sheet.getCell('A1').value, 'BÁO CÁO: Báo cáo tháng nhập từ Excel');
    assert.deepEqual([sheet.getCell('A2').value, sheet.getCell('B2').value], ['Mã biểu mẫu', 'BM-XL']);
    assert.deepEqual([sheet.getCell('A3').value, sheet.getCell('B3').value, sheet.getCell('C3').value], ['Đơn vị báo cáo', '11413', 'Phường Hải An']);
    assert.deepEqual([sheet.getCell('A4').value, sheet.getCell('B4').value], ['Kỳ báo cáo', period]);
    assert.match(String(sheet.getCell('B5').value), /^15\/\d{2}\/\d{4} – 14\/\d{2}\/\d{4}$/, 'the Nghị định 09 cut-off window');
    assert.equal(sheet.getCell('A6').value, 'Hạn nộp');
    assert.deepEqual(
      (sheet.getRow(10).values as unknown[]).slice(1),
      ['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Đơn vị tính', 'Bắt buộc', 'Giá trị', 'Tử số', 'Mẫu số', 'Ghi chú'],
    );
    assert.deepEqual([sheet.getCell('A11').value, sheet.getCell('A12').value], ['X_HS_TONG', 'X_TK_TT']);
    assert.equal(sheet.getCell('A11').protection?.locked ?? true, true, 'labels are locked');
    assert.equal(sheet.getCell('E11').protection?.locked, false, 'a count takes its value');
    assert.equal(sheet.getCell('E11').dataValidation?.type, 'decimal');
    assert.equal(sheet.getCell('F12').protection?.locked, false, 'a ratio takes numerator and denominator');
    assert.equal(sheet.getCell('E12').protection?.locked ?? true, true, 'a ratio’s value is computed');
    assert.ok((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection?.sheet, 'the sheet is protected');
  });

  it('uploads the filled template as a draft, and downloads it again with the values', async () => {
    const workbook = await template(url());
    const sheet = workbook.worksheets[0]!;
    sheet.getCell('E11').value = 1234;
    sheet.getCell('H11').value = 'Số liệu từ Bộ phận một cửa';
    sheet.getCell('F12').value = '3.658.476'; // typed as text with Vietnamese grouping
    sheet.getCell('G12').value = 3_670_241;
    const res = await upload(url(), await bytesOf(workbook));
    assert.equal(res.statusCode, 200, res.body);
    const view = res.json();
    assert.equal(view.status, 'draft');
    assert.deepEqual(view.items.map((i: { staged: { value: number; numerator: number | null; comment: string | null } }) => [i.staged.value, i.staged.numerator, i.staged.comment]), [
      [1234, null, 'Số liệu từ Bộ phận một cửa'],
      [(100 * 3_658_476) / 3_670_241, 3_658_476, null],
    ]);
    assert.equal(view.events[1].detail.via, 'upload');
    const again = (await template(url())).worksheets[0]!;
    assert.equal(again.getCell('E11').value, 1234);
    assert.equal(again.getCell('F12').value, 3_658_476);
  });

  it('reads numbers typed as text the way the uploader’s language writes them', async () => {
    const send = async (text: string, language: string) => {
      const workbook = await template(url());
      const sheet = workbook.worksheets[0]!;
      sheet.getCell('E11').value = text;
      const res = await api.app.inject({
        method: 'POST',
        url: `${url()}/upload`,
        headers: { cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrfToken, 'content-type': XLSX, 'accept-language': language },
        payload: await bytesOf(workbook),
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items[0].staged.value as number;
    };
    assert.equal(await send('1.234', 'vi'), 1234, 'a Vietnamese 1.234 is one thousand two hundred thirty-four');
    assert.equal(await send('1.234', 'en'), 1.234);
    assert.equal(await send('1.234,5', 'vi'), 1234.5);
    assert.equal(await send('1,234.5', 'en'), 1234.5);
  });

  it('refuses a file with bad cells, listing each by row, and stores nothing', async () => {
    const workbook = await template(url());
    const sheet = workbook.worksheets[0]!;
    sheet.getCell('E11').value = 'một nghìn';
    sheet.getCell('F12').value = 5;
    sheet.getCell('G12').value = 4;
    const before = await dbState(api.database.db);
    const body = problem(await upload(url(), await bytesOf(workbook)), 422);
    assert.deepEqual(body.errors, [
      { path: 'row 11', message: 'Dòng 11, cột «Giá trị»: «một nghìn» không phải là số.' },
      { path: 'row 12', message: 'Chỉ tiêu «X_TK_TT»: tử số 5 lớn hơn mẫu số 4.' },
    ]);
    assert.deepEqual(await dbState(api.database.db), before);
  });

  it('refuses a malformed file (400), a file that is no template (400) and the template of another report (422)', async () => {
    const before = await dbState(api.database.db);
    assert.equal(problem(await upload(url(), Buffer.from('PK\u0003\u0004 không phải excel')), 400).detail, 'Tệp gửi lên không phải là tệp Excel (.xlsx) hợp lệ.');
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').addRow(['Mã', 'Giá trị']);
    assert.match(problem(await upload(url(), await bytesOf(plain)), 400).detail, /không phải mẫu báo cáo của DX Pulse/);
    const dk = await template(url('11692'));
    assert.equal(
      problem(await upload(url(), await bytesOf(dk)), 422).detail,
      `Tệp Excel là mẫu của biểu mẫu «BM-XL», đơn vị «11692», kỳ «${period}» — không phải báo cáo này.`,
    );
    const json = await api.call('POST', `${url()}/upload`, { as: coordinator, body: { values: [] } });
    assert.equal(json.statusCode, 415, json.body);
    assert.deepEqual(await dbState(api.database.db), before);
  });

  it('answers bad references with clear problems and changes nothing', async () => {
    const before = await dbState(api.database.db);
    const next = nextPeriod(parsePeriod(period)).id;
    const cases: [string, string, Session, number, RegExp][] = [
      ['GET', url('11413', period, 'KHONG'), coordinator, 404, /Không có biểu mẫu mã «KHONG»/],
      ['GET', url('99999'), coordinator, 404, /Không có đơn vị mã «99999»/],
      ['GET', url('11413', '2025-13'), coordinator, 400, /Kỳ «2025-13» không hợp lệ/],
      ['GET', url('11413', '2025Q3'), coordinator, 422, /Biểu mẫu «BM-XL» báo cáo theo tháng; kỳ «2025Q3» là quý/],
      ['PUT', url('11413'), reporter, 403, /Phường Hải An.*ngoài phạm vi/],
      ['PUT', url('31-SKHCN'), coordinator, 422, /không được giao cho «Sở Khoa học và Công nghệ/],
      ['PUT', url('11413', next), coordinator, 422, new RegExp(`Kỳ «${next}» chưa bắt đầu`)],
      ['POST', `${url('11692')}/approve`, coordinator, 409, /trạng thái «chưa bắt đầu»; không thể phê duyệt/],
    ];
    for (const [method, target, as, status, message] of cases) {
      const res = await api.call(method as 'GET', target, { as, ...(method === 'PUT' ? { body: { values: [{ indicator: 'X_HS_TONG', value: 1 }] } } : {}) });
      assert.match(problem(res, status).detail, message, `${method} ${target}`);
    }
    const noReason = await api.call('POST', `${url()}/return`, { as: coordinator, body: { reason: '   ' } });
    problem(noReason, 400);
    assert.deepEqual(await dbState(api.database.db), before);
  });
});
