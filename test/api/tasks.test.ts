/**
 * Plans and tasks end to end: the coordinator files a plan with its document and assigns tasks with
 * the 6 rõ; the lead ward reports progress with a PDF, the cooperating department comments, the
 * statistics move, the task goes overdue when its due date passes and is completed late; budgets
 * add up per source; a merged ward's task shows under its successor. Bad input is refused with a
 * Vietnamese problem and stores nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { todayInVietnam } from '../../server/commands/reportingClock.ts';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';
import { auditSince, dbState, maxAuditId, expectRefused } from '../helpers/dbState.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const DAY = 86_400_000;
/** Dates relative to the real today (sessions live in real time), and instants to look from. */
const day = (offset: number) => todayInVietnam(new Date(Date.now() + offset * DAY));
const at = (offset: number) => new Date(Date.now() + offset * DAY);

describe('plans and tasks', () => {
  let api: TestApi;
  let coordinator: Session; // dieuphoi, coordinator at the city
  let reporter: Session; // baocao, reporter at Phường Dương Kinh
  let department: Session; // pheduyet, approver at Sở KH&CN
  let leader: Session; // lanhdao, leader at the city
  let cityId: number;
  let duongKinhId: number;
  let haiAnId: number;
  let skhcnId: number;
  let planId: number;
  let taskId: number; // led by Dương Kinh, Sở KH&CN cooperates
  let haiAnTaskId: number;
  let evidenceId: number;

  const idOf = async (code: string) => (await api.database.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const send = async (status: number, method: 'POST' | 'PATCH' | 'PUT' | 'GET', url: string, body?: unknown, as = coordinator) => {
    const res = await api.call(method, url, { as, body });
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
    return res.json();
  };
  const upload = (name: string, bytes: Buffer, as: Session, type = 'application/octet-stream') =>
    api.app.inject({ method: 'POST', url: `/api/v1/files?name=${encodeURIComponent(name)}`, headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken, 'content-type': type }, payload: bytes });
  /** Refused with problem+json in Vietnamese, and nothing stored (audit included) changed. */
  const refused = async (status: number, method: 'POST' | 'PATCH' | 'PUT', url: string, body: unknown, as = coordinator) => {
    return expectRefused(api.database.db, status, () => api.call(method, url, { as, body }), `${method} ${url}`);
  };
  /** Runs the calls as if it were that day (Vietnam time). */
  const on = async <T>(offset: number, fn: () => Promise<T>): Promise<T> => {
    mock.timers.enable({ apis: ['Date'], now: at(offset) });
    try {
      return await fn();
    } finally {
      mock.timers.reset();
    }
  };

  before(async () => {
    api = await startTestApi({ catalogue: 'empty' });
    [coordinator, reporter, department, leader] = [
      await api.login('dieuphoi', DEMO_PASSWORD),
      await api.login('baocao', DEMO_PASSWORD),
      await api.login('pheduyet', DEMO_PASSWORD),
      await api.login('lanhdao', DEMO_PASSWORD),
    ];
    [cityId, duongKinhId, haiAnId, skhcnId] = [await idOf('31'), await idOf('11692'), await idOf('11413'), await idOf('31-SKHCN')];
  });
  after(() => api.close());

  it('files a plan under the resolution it implements, with its original document', async () => {
    const resolution = await send(201, 'POST', '/api/v1/plans', { kind: 'NQ', number: '03-NQ/TU', title: 'Nghị quyết về chuyển đổi số', horizonFrom: 2021, horizonYear: 2030 });
    const res = await upload('Kế hoạch 227.pdf', PDF, coordinator);
    assert.equal(res.statusCode, 201, res.body);
    const doc = res.json();
    assert.equal(doc.contentType, 'application/pdf');
    const plan = await send(201, 'POST', '/api/v1/plans', {
      kind: 'KH',
      number: '227/KH-UBND',
      issuerUnitId: cityId,
      title: 'Kế hoạch chuyển đổi số thành phố Hải Phòng giai đoạn 2021 – 2025',
      horizonFrom: 2021,
      horizonYear: 2025,
      parentPlanId: resolution.id,
      summary: 'Triển khai Nghị quyết 03-NQ/TU',
      documentFileId: doc.id,
    });
    planId = plan.id;
    assert.deepEqual([plan.parentPlan, plan.horizonFrom, plan.document?.name, plan.taskCount], [{ id: resolution.id, number: '03-NQ/TU' }, 2021, 'Kế hoạch 227.pdf', 0]);
    const parent = await send(200, 'GET', `/api/v1/plans/${resolution.id}`, undefined, reporter);
    assert.deepEqual(parent.children.map((c: { number: string }) => c.number), ['227/KH-UBND']);
    const children = await send(200, 'GET', `/api/v1/plans?parent=${resolution.id}`, undefined, reporter);
    assert.deepEqual(children.items.map((c: { id: number }) => c.id), [planId]);

    const file = await api.call('GET', `/api/v1/plans/${planId}/document`, { as: reporter });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.equal(file.headers['content-disposition'], `attachment; filename="Ke hoach 227.pdf"; filename*=UTF-8''${encodeURIComponent('Kế hoạch 227.pdf')}`);
    assert.deepEqual(file.rawPayload, PDF);

    await refused(422, 'PATCH', `/api/v1/plans/${resolution.id}`, { parentPlanId: planId });
    await refused(422, 'PATCH', `/api/v1/plans/${planId}`, { horizonFrom: 2026 });
    const again = await refused(422, 'PATCH', `/api/v1/plans/${resolution.id}`, { documentFileId: doc.id });
    assert.match(again.detail, /đã được đính kèm/);
  });

  it('assigns tasks with the 6 rõ; the plan page lists them in the plan’s order', async () => {
    const since = await maxAuditId(api.database.db);
    const task = await send(201, 'POST', '/api/v1/tasks', {
      planId,
      ref: 'II.1.c.(2)',
      group: 'Nhiệm vụ thường xuyên',
      title: 'Số hóa kết quả giải quyết thủ tục hành chính',
      leadUnitId: duongKinhId,
      cooperatingUnitIds: [skhcnId],
      responsibleName: 'Chủ tịch UBND phường',
      deliverable: 'Kho dữ liệu số hóa',
      approvingAuthority: 'UBND thành phố',
      startDate: day(-30),
      dueDate: day(30),
    });
    taskId = task.id;
    assert.deepEqual(
      [task.state, task.status, task.overdue, task.leadUnit.code, task.currentLeadUnit.code, task.cooperatingUnits.map((u: { code: string }) => u.code), task.responsible.name, task.budget],
      ['not_started', 'not_started', false, '11692', '11692', ['31-SKHCN'], 'Chủ tịch UBND phường', []],
    );
    haiAnTaskId = (await send(201, 'POST', '/api/v1/tasks', { planId, ref: 'II.1.a', title: 'Triển khai nền tảng họp trực tuyến', leadUnitId: haiAnId, dueDate: day(60) })).id;
    const sub = await send(201, 'POST', '/api/v1/tasks', { planId, parentTaskId: taskId, ref: 'II.1.đ', title: 'Số hóa hồ sơ hộ tịch', leadUnitId: duongKinhId });
    const page = await send(200, 'GET', `/api/v1/plans/${planId}`, undefined, leader);
    assert.deepEqual(page.tasks.map((t: { ref: string }) => t.ref), ['II.1.a', 'II.1.c.(2)', 'II.1.đ']);
    assert.equal(page.taskCount, 3);
    assert.equal((await send(200, 'GET', `/api/v1/tasks/${taskId}`)).subTaskCount, 1);
    assert.deepEqual((await send(200, 'GET', `/api/v1/tasks?parent=${taskId}`)).items.map((t: { id: number }) => t.id), [sub.id]);
    const events = await auditSince(api.database.db, since);
    assert.deepEqual(events.map((e) => [e.action, e.actor_username]), [['task.create', 'dieuphoi'], ['task.create', 'dieuphoi'], ['task.create', 'dieuphoi']]);
  });

  it('shows a ward its own tasks and those it cooperates on, never a neighbour’s', async () => {
    const mine = await send(200, 'GET', `/api/v1/tasks?plan=${planId}`, undefined, reporter);
    assert.ok(mine.items.every((t: { leadUnit: { code: string } }) => t.leadUnit.code === '11692'));
    assert.equal((await api.call('GET', `/api/v1/tasks/${haiAnTaskId}`, { as: reporter })).statusCode, 404);
    const cooperating = await send(200, 'GET', '/api/v1/tasks', undefined, department);
    assert.deepEqual(cooperating.items.map((t: { id: number }) => t.id), [taskId]);
    const paged = await send(200, 'GET', `/api/v1/tasks?plan=${planId}&limit=2`);
    const next = await send(200, 'GET', `/api/v1/tasks?plan=${planId}&limit=2&cursor=${paged.nextCursor}`);
    assert.deepEqual([...paged.items, ...next.items].map((t: { ref: string }) => t.ref), ['II.1.a', 'II.1.c.(2)', 'II.1.đ']);
    assert.equal(next.nextCursor, null);
    const found = await send(200, 'GET', `/api/v1/tasks?q=${encodeURIComponent('hộ tịch')}`);
    assert.deepEqual(found.items.map((t: { ref: string }) => t.ref), ['II.1.đ']);
    const inWard = await send(200, 'GET', `/api/v1/tasks?leadUnit=${haiAnId}`);
    assert.deepEqual(inWard.items.map((t: { id: number }) => t.id), [haiAnTaskId]);
  });

  it('lists in `actions` what each caller may do now, by the same checks the commands make', async () => {
    const actions = async (as: Session, id = taskId) => (await send(200, 'GET', `/api/v1/tasks/${id}`, undefined, as)).actions;
    // The lead ward's reporter reports, comments and changes the state, but does not edit the assignment.
    assert.deepEqual(await actions(reporter), ['report', 'comment', 'state']);
    // The cooperating department only comments.
    assert.deepEqual(await actions(department), ['comment']);
    // The city's coordinator assigned it: edits, budgets and may decide it is not carried out.
    const coordinatorActions = await actions(coordinator);
    for (const a of ['edit', 'budget', 'cancel', 'comment']) assert.ok(coordinatorActions.includes(a), a);
    assert.ok(!coordinatorActions.includes('reopen'));
    // The leader reads and comments.
    assert.deepEqual(await actions(leader), ['comment']);
    // List items carry the same list.
    const listed = await send(200, 'GET', `/api/v1/tasks?plan=${planId}`, undefined, reporter);
    assert.deepEqual(listed.items.find((t: { id: number }) => t.id === taskId).actions, ['report', 'comment', 'state']);
    const page = await send(200, 'GET', `/api/v1/plans/${planId}`, undefined, department);
    assert.deepEqual(page.tasks.map((t: { actions: string[] }) => t.actions), [['comment']]);
    const doc = (await api.call('GET', '/api/v1/openapi.json')).json();
    const schema = JSON.stringify(doc.paths['/api/v1/tasks/{id}'].get.responses['200']);
    assert.match(schema, /"actions"/);
    assert.match(schema, /"reopen"/);
  });

  it('takes the lead ward’s progress report with a PDF; the cooperating department comments', async () => {
    const res = await upload('Biên bản nghiệm thu.pdf', PDF, reporter, 'application/pdf');
    assert.equal(res.statusCode, 201, res.body);
    evidenceId = res.json().id;
    const since = await maxAuditId(api.database.db);
    const task = await send(200, 'POST', `/api/v1/tasks/${taskId}/progress`, { body: 'Đã số hóa 60% hồ sơ', progress: 60, fileIds: [evidenceId] }, reporter);
    assert.deepEqual([task.state, task.status, task.progress], ['in_progress', 'in_progress_on_time', 60]);
    const comment = await send(201, 'POST', `/api/v1/tasks/${taskId}/comments`, { body: 'Sở KH&CN đề nghị bổ sung danh mục dữ liệu' }, department);
    assert.equal(comment.author.username, 'pheduyet');
    const timeline = await send(200, 'GET', `/api/v1/tasks/${taskId}/timeline`, undefined, leader);
    assert.deepEqual(
      timeline.items.map((e: { kind: string; stateTo: string | null; progress: number | null; files: { name: string }[] }) => [e.kind, e.stateTo, e.progress, e.files.map((f) => f.name)]),
      [
        ['state', 'in_progress', null, []],
        ['progress', null, 60, ['Biên bản nghiệm thu.pdf']],
        ['comment', null, null, []],
      ],
    );
    // The evidence is readable by whoever sees the task, with its Vietnamese name.
    const file = await api.call('GET', `/api/v1/files/${evidenceId}`, { as: leader });
    assert.equal(file.statusCode, 200);
    assert.match(file.headers['content-disposition'] as string, /filename\*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n/);
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    const events = await auditSince(api.database.db, since);
    assert.deepEqual(events.map((e) => [e.action, e.actor_username]), [['task.progress', 'baocao'], ['task.comment', 'pheduyet']]);
  });

  it('refuses a progress report on another unit’s task, and from a unit that only cooperates', async () => {
    const other = await refused(404, 'POST', `/api/v1/tasks/${haiAnTaskId}/progress`, { body: 'x', progress: 10 }, reporter);
    assert.match(other.detail, /Không tìm thấy nhiệm vụ/);
    await refused(403, 'POST', `/api/v1/tasks/${taskId}/progress`, { body: 'x', progress: 10 }, department);
    const wardAdmin = await api.login('quantri.duongkinh', DEMO_PASSWORD);
    // A ward admin reads the city plan's tasks it leads, but cannot assign one in the city's plan.
    const assign = await refused(403, 'POST', '/api/v1/tasks', { planId, title: 'Việc mới', leadUnitId: duongKinhId }, wardAdmin);
    assert.match(assign.detail, /phạm vi/);
    // Someone else's file cannot be attached.
    const theirs = await refused(422, 'POST', `/api/v1/tasks/${taskId}/comments`, { body: 'x', fileIds: [evidenceId] }, department);
    assert.match(theirs.detail, /người khác/);
  });

  it('refuses files of a forbidden type or size, storing nothing', async () => {
    const cases: [string, Buffer, number, RegExp][] = [
      ['setup.exe', Buffer.from('MZ\x90\x00\x03\x00'), 415, /chỉ nhận PDF/],
      ['bao-cao.pdf', Buffer.from('MZ\x90\x00\x03\x00'), 415, /không phải PDF/],
      ['trang.pdf', Buffer.from('<!DOCTYPE html><script>alert(1)</script>'), 415, /không phải PDF/],
      ['anh.png', PDF, 415, /không khớp/],
      ['lon.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), 413, /quá lớn/],
    ];
    for (const [name, bytes, status, message] of cases) {
      const before = await dbState(api.database.db);
      const res = await upload(name, bytes, reporter);
      assert.equal(res.statusCode, status, `${name}: ${res.body}`);
      assert.match(res.json().detail, message, name);
      assert.deepEqual(await dbState(api.database.db), before, `${name} stored nothing`);
    }
  });

  it('refuses dates in the wrong order, unknown plans and units, and state changes without a reason', async () => {
    const order = await refused(422, 'POST', '/api/v1/tasks', { planId, title: 'Sai ngày', leadUnitId: duongKinhId, startDate: '2025-12-01', dueDate: '2025-11-01' });
    assert.match(order.detail, /Ngày bắt đầu \(2025-12-01\) phải trước hoặc bằng hạn hoàn thành \(2025-11-01\)/);
    await refused(422, 'PATCH', `/api/v1/tasks/${taskId}`, { startDate: day(31) });
    assert.match((await refused(404, 'POST', '/api/v1/tasks', { planId: 999999, title: 'x', leadUnitId: duongKinhId })).detail, /kế hoạch 999999/);
    await refused(404, 'POST', '/api/v1/tasks', { planId, title: 'x', leadUnitId: 999999 });
    await refused(400, 'POST', '/api/v1/tasks', { planId, title: '   ', leadUnitId: duongKinhId });
    const reason = await refused(422, 'POST', `/api/v1/tasks/${taskId}/state`, { state: 'paused' }, reporter);
    assert.match(reason.detail, /lý do/);
    await refused(422, 'POST', `/api/v1/tasks/${taskId}/state`, { state: 'completed', completedOn: day(2) }, reporter);
    // Only the coordinator decides a task is not carried out.
    await refused(403, 'POST', `/api/v1/tasks/${taskId}/state`, { state: 'cancelled', reason: 'x' }, reporter);
    const range = await api.call('GET', '/api/v1/tasks?dueFrom=2025-12-01&dueTo=2025-01-01', { as: reporter });
    assert.equal(range.statusCode, 400);
  });

  it('counts as seed 004 does, goes overdue when the due date passes, and completes late', async () => {
    const stats = await send(200, 'GET', `/api/v1/tasks/statistics?plan=${planId}`, undefined, leader);
    assert.deepEqual(
      [stats.total.assigned, stats.total.inProgress, stats.total.notStarted, stats.total.completed.total],
      [3, { total: 1, onTime: 1, overdue: 0 }, 2, 0],
    );
    assert.deepEqual(stats.total.taskIds.inProgressOnTime, [taskId]);
    assert.deepEqual(stats.byLeadUnit.map((u: { unit: { code: string }; assigned: number }) => [u.unit.code, u.assigned]), [['11413', 1], ['11692', 2]]);

    // Forty days on, the task (due in 30) is overdue, without anyone typing it. (Sessions last an
    // hour of the clock, so people sign in again on that day.)
    const [laterReporter, laterLeader] = await on(40, async () => [await api.login('baocao', DEMO_PASSWORD), await api.login('lanhdao', DEMO_PASSWORD)]);
    const later = await on(40, async () => ({
      task: await send(200, 'GET', `/api/v1/tasks/${taskId}`, undefined, laterReporter),
      overdue: await send(200, 'GET', `/api/v1/tasks?overdue=true`, undefined, laterLeader),
      stats: await send(200, 'GET', `/api/v1/tasks/statistics?plan=${planId}`, undefined, laterLeader),
    }));
    assert.deepEqual([later.task.status, later.task.overdue], ['in_progress_overdue', true]);
    assert.deepEqual(later.overdue.items.map((t: { id: number }) => t.id), [taskId]);
    assert.deepEqual(later.stats.total.inProgress, { total: 1, onTime: 0, overdue: 1 });

    const completedOn = day(35);
    const done = await on(40, () => send(200, 'POST', `/api/v1/tasks/${taskId}/state`, { state: 'completed', completedOn }, laterReporter));
    assert.deepEqual([done.state, done.status, done.progress, done.completedOn], ['completed', 'completed_late', 100, completedOn]);
    const after = await on(40, () => send(200, 'GET', `/api/v1/tasks/statistics?plan=${planId}`, undefined, laterLeader));
    assert.deepEqual(after.total.completed, { total: 1, onTime: 0, late: 1 });
    // As of today the task was still in progress, in time.
    const today = day(0);
    const asOf = await on(40, () => send(200, 'GET', `/api/v1/tasks/statistics?plan=${planId}&asOf=${today}`, undefined, laterLeader));
    assert.deepEqual(asOf.total.inProgress, { total: 1, onTime: 1, overdue: 0 });

    // Not carried out, with the reason, is the coordinator's decision.
    const cancelled = await send(200, 'POST', `/api/v1/tasks/${haiAnTaskId}/state`, { state: 'cancelled', reason: 'Thành phố không thuộc diện thí điểm' });
    assert.deepEqual([cancelled.status, cancelled.stateReason], ['cancelled', 'Thành phố không thuộc diện thí điểm']);
    const final = await send(200, 'GET', `/api/v1/tasks/statistics?plan=${planId}`, undefined, leader);
    assert.deepEqual([final.total.assigned, final.total.notCarriedOut, final.total.doneOrInProgress], [3, 1, 1]);
    const closed = await refused(409, 'POST', `/api/v1/tasks/${taskId}/progress`, { body: 'x', progress: 100 }, reporter);
    assert.match(closed.detail, /mở lại/);
    // Completed: the ward only comments now; the coordinator may reopen it, and reopen the cancelled one.
    assert.deepEqual((await send(200, 'GET', `/api/v1/tasks/${taskId}`, undefined, reporter)).actions, ['comment']);
    assert.deepEqual((await send(200, 'GET', `/api/v1/tasks/${taskId}`)).actions, ['edit', 'comment', 'budget', 'reopen']);
    assert.deepEqual((await send(200, 'GET', `/api/v1/tasks/${haiAnTaskId}`)).actions, ['edit', 'comment', 'budget', 'reopen']);
  });

  it('keeps budget lines per source and year and totals them per plan as seed 004 reports', async () => {
    const year = 2025;
    await send(200, 'PUT', `/api/v1/tasks/${taskId}/budget`, {
      lines: [
        { source: 'su_nghiep_cntt', requested: 700_840_000_000, approved: 223_361_000_000 },
        { source: 'su_nghiep_cntt', year, requested: 207_312_000_000, allocated: 37_193_000_000, disbursed: 10_000_000_000 },
      ],
    });
    await send(200, 'PUT', `/api/v1/tasks/${haiAnTaskId}/budget`, { lines: [{ source: 'dau_tu_cong', requested: 31_236_000_000 }, { source: 'dau_tu_cong', year, requested: 31_056_000_000, allocated: 31_056_000_000 }] });
    const budget = await send(200, 'GET', `/api/v1/plans/${planId}/budget?year=${year}`, undefined, leader);
    assert.deepEqual(budget.total, { tasks: 2, leadUnits: 2, requested: 732_076_000_000, approved: 223_361_000_000, requestedYear: 238_368_000_000, allocatedYear: 68_249_000_000, disbursedYear: 10_000_000_000 });
    assert.deepEqual(budget.bySource.map((s: { source: string; tasks: number }) => [s.source, s.tasks]), [['dau_tu_cong', 1], ['su_nghiep_cntt', 1]]);
    assert.deepEqual(budget.byGroup.map((g: { group: string | null; requested: number }) => [g.group, g.requested]), [[null, 31_236_000_000], ['Nhiệm vụ thường xuyên', 700_840_000_000]]);
    const task = await send(200, 'GET', `/api/v1/tasks/${taskId}`, undefined, reporter);
    assert.equal(task.budget.length, 2);
    await refused(422, 'PUT', `/api/v1/tasks/${taskId}/budget`, { lines: [{ source: 'khac', year, allocated: 1, disbursed: 2 }] });
    await refused(422, 'PUT', `/api/v1/tasks/${taskId}/budget`, { lines: [{ source: 'khac' }, { source: 'khac', year: null }] });
    await refused(403, 'PUT', `/api/v1/tasks/${taskId}/budget`, { lines: [] }, reporter);
  });

  it('shows the task of a merged ward under its successor, where the successor’s people report it', async () => {
    const admin = await api.login('admin', TEST_ADMIN_PASSWORD);
    const task = await send(201, 'POST', '/api/v1/tasks', { planId, ref: 'II.3', title: 'Nhiệm vụ của phường cũ', leadUnitId: haiAnId });
    await send(200, 'POST', '/api/v1/org-units/merge', { sourceIds: [haiAnId], targetId: duongKinhId, effectiveDate: day(0) }, admin);
    const seen = await send(200, 'GET', `/api/v1/tasks/${task.id}`, undefined, reporter);
    assert.deepEqual([seen.leadUnit.code, seen.leadUnit.closedOn, seen.currentLeadUnit.code], ['11413', day(0), '11692']);
    await send(200, 'POST', `/api/v1/tasks/${task.id}/progress`, { body: 'Phường mới tiếp nhận', progress: 10 }, reporter);
    const stats = await send(200, 'GET', `/api/v1/tasks/statistics?plan=${planId}&leadUnit=${duongKinhId}`, undefined, leader);
    assert.ok(stats.total.taskIds.inProgressOnTime.includes(task.id));
    assert.deepEqual(stats.byLeadUnit.map((u: { unit: { code: string } }) => u.unit.code), ['11692']);
    // No new work for a dissolved unit.
    await refused(422, 'POST', '/api/v1/tasks', { planId, title: 'x', leadUnitId: haiAnId });
  });

  it('documents every route under the plans and tasks tags', async () => {
    const doc = (await api.call('GET', '/api/v1/openapi.json')).json();
    for (const path of ['/api/v1/tasks', '/api/v1/tasks/{id}/progress', '/api/v1/tasks/{id}/timeline', '/api/v1/tasks/statistics', '/api/v1/files', '/api/v1/tasks/{id}/budget']) {
      assert.ok(doc.paths[path], path);
    }
    assert.deepEqual(doc.paths['/api/v1/plans/{id}/budget'].get.tags, ['plans']);
    assert.deepEqual(doc.paths['/api/v1/tasks/{id}/state'].post.tags, ['tasks']);
  });
});
