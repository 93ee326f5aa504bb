/**
 * Periodic task reporting through report forms (issue 4, item 3) and the share of the local budget
 * (item 4). A daily form with a task set is assigned to Phường Dương Kinh; its reporter fills the
 * progress of the ward's open tasks, submits; the ward's approver approves; the tasks' progress,
 * state and timeline show it, naming the submission. A task of another unit, or progress taken back,
 * is refused with nothing stored. Seed 004's 0,57% of the local budget against the 3% target.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { todayInVietnam } from '../../server/commands/reportingClock.ts';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { auditSince, dbState, maxAuditId, expectRefused } from '../helpers/dbState.ts';

describe('task progress through a daily report form', () => {
  let api: TestApi;
  let coordinator: Session; // dieuphoi, coordinator at the city
  let reporter: Session; // baocao, reporter at Phường Dương Kinh
  let approver: Session; // pheduyet.duongkinh, approver at Phường Dương Kinh
  let planId: number;
  let started: number; // Dương Kinh, in progress at 30%
  let fresh: number; // Dương Kinh, not started
  let done: number; // Dương Kinh, completed: not in the report
  let otherWard: number; // Hải An
  const today = todayInVietnam();
  const url = `/api/v1/submissions/BC-NGAY/11692/${today}`;

  const idOf = async (code: string) => (await api.database.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const send = async (status: number, method: 'POST' | 'PATCH' | 'PUT' | 'GET', path: string, body?: unknown, as = coordinator) => {
    const res = await api.call(method, path, { as, body });
    assert.equal(res.statusCode, status, `${method} ${path}: ${res.body}`);
    return res.json();
  };
  const refused = async (status: number, method: 'POST' | 'PUT', path: string, body: unknown, as: Session) => {
    return expectRefused(api.database.db, status, () => api.call(method, path, { as, body }), `${method} ${path}`);
  };

  before(async () => {
    api = await startTestApi();
    coordinator = await api.login('dieuphoi', DEMO_PASSWORD);
    reporter = await api.login('baocao', DEMO_PASSWORD);
    approver = await api.login('pheduyet.duongkinh', DEMO_PASSWORD);
    const [city, duongKinh, haiAn] = [await idOf('31'), await idOf('11692'), await idOf('11413')];
    planId = (await send(201, 'POST', '/api/v1/plans', { kind: 'KH', number: '999/KH-UBND-NGAY', issuerUnitId: city, title: 'Kế hoạch thử báo cáo hằng ngày', horizonYear: 2026 })).id;
    const task = async (title: string, lead: number) => (await send(201, 'POST', '/api/v1/tasks', { planId, title, leadUnitId: lead, startDate: '2025-01-01', dueDate: '2099-12-31' })).id as number;
    started = await task('Số hóa hồ sơ hộ tịch của phường', duongKinh);
    fresh = await task('Triển khai camera giám sát an ninh trật tự', duongKinh);
    done = await task('Ban hành kế hoạch chuyển đổi số của phường', duongKinh);
    otherWard = await task('Phủ sóng wifi công cộng tại trung tâm phường Hải An', haiAn);
    await send(200, 'POST', `/api/v1/tasks/${started}/progress`, { body: 'Đã số hóa 30% sổ hộ tịch', progress: 30 }, reporter);
    await send(200, 'POST', `/api/v1/tasks/${done}/state`, { state: 'completed' }, reporter);
  });
  after(() => api.close());

  it('creates a daily form of tasks only, with a task set on the plan', async () => {
    const bad = await api.call('POST', '/api/v1/forms', { as: coordinator, body: { code: 'BC-RONG', name: 'Biểu mẫu rỗng', periodType: 'day', items: [] } });
    assert.equal(bad.statusCode, 422, bad.body);
    assert.match(JSON.stringify(bad.json()), /ít nhất một chỉ tiêu hoặc một nhóm nhiệm vụ/);
    const form = await send(201, 'POST', '/api/v1/forms', {
      code: 'BC-NGAY',
      name: 'Báo cáo hằng ngày tiến độ nhiệm vụ',
      periodType: 'day',
      deadlineOffsetDays: 0,
      items: [],
      taskSets: [{ plan: planId }],
      assignments: [{ kind: 'unit', orgUnit: '11692' }],
    });
    assert.deepEqual(form.taskSets, [{ plan: { id: planId, number: '999/KH-UBND-NGAY', title: 'Kế hoạch thử báo cáo hằng ngày' } }]);
    assert.equal(form.periodType, 'day');
    const inbox = await send(200, 'GET', '/api/v1/inbox?form=BC-NGAY', undefined, reporter);
    assert.deepEqual(
      inbox.items.map((i: { period: { id: string }; dueDate: string; status: string }) => [i.period.id, i.dueDate, i.status]),
      [[today, today, 'not_started']],
    );
  });

  it('lists the open tasks the ward leads, and nothing else', async () => {
    const view = await send(200, 'GET', url, undefined, reporter);
    assert.deepEqual(
      view.tasks.map((t: { task: { id: number; progress: number; status: string }; progress: number | null }) => [t.task.id, t.task.progress, t.task.status, t.progress]),
      [
        [started, 30, 'in_progress_on_time', null],
        [fresh, 0, 'not_started', null],
      ],
    );
    assert.equal(view.status, 'not_started');
  });

  it('refuses a task of another unit, progress taken back, and a pause without reason — storing nothing', async () => {
    const other = await refused(422, 'PUT', url, { tasks: [{ task: started, progress: 40 }, { task: otherWard, progress: 50 }] }, reporter);
    assert.deepEqual(other.errors?.map((e) => e.path), ['tasks[1]']);
    assert.match(other.errors![0]!.message, new RegExp(`Nhiệm vụ ${otherWard} không thuộc báo cáo này`));
    const closed = await refused(422, 'PUT', url, { tasks: [{ task: done, progress: 100 }] }, reporter);
    assert.match(closed.errors![0]!.message, /đã hoàn thành/);
    const back = await refused(422, 'PUT', url, { tasks: [{ task: started, progress: 20 }, { task: fresh, state: 'paused' }] }, reporter);
    assert.deepEqual(
      back.errors?.map((e) => e.message),
      [
        'Nhiệm vụ 999/KH-UBND-NGAY «Số hóa hồ sơ hộ tịch của phường»: tiến độ 20% thấp hơn tiến độ hiện tại 30%.',
        'Nhiệm vụ 999/KH-UBND-NGAY «Triển khai camera giám sát an ninh trật tự»: tạm dừng cần ghi lý do ở phần ghi chú.',
      ],
    );
    const english = await api.call('PUT', url, { as: reporter, body: { tasks: [{ task: otherWard, progress: 5 }] }, headers: { 'accept-language': 'en' } });
    assert.equal(english.statusCode, 422);
    assert.match(english.body, /is not part of this report/);
    await refused(400, 'PUT', url, { tasks: [{ task: started, progress: 101 }] }, reporter);
    // The approver of the ward cannot write the report.
    await refused(403, 'PUT', url, { tasks: [{ task: started, progress: 40 }] }, approver);
  });

  it('saves a draft that leaves the tasks alone; submit; approve applies it to the tasks, naming the submission', async () => {
    const draft = await send(200, 'PUT', url, { tasks: [{ task: started, progress: 55, note: 'Số hóa thêm 250 sổ hộ tịch' }, { task: fresh, state: 'completed', note: 'Đã lắp 12 camera' }] }, reporter);
    assert.equal(draft.status, 'draft');
    assert.deepEqual(
      draft.tasks.map((t: { progress: number | null; state: string | null; note: string | null }) => [t.progress, t.state, t.note]),
      [
        [55, null, 'Số hóa thêm 250 sổ hộ tịch'],
        [null, 'completed', 'Đã lắp 12 camera'],
      ],
    );
    assert.equal(draft.validation.valid, true);
    assert.equal((await send(200, 'GET', `/api/v1/tasks/${started}`, undefined, reporter)).progress, 30, 'a draft does not touch the task');

    const submitted = await send(200, 'POST', `${url}/submit`, {}, reporter);
    assert.equal(submitted.status, 'submitted');
    await refused(409, 'PUT', url, { tasks: [{ task: started, progress: 60 }] }, reporter);

    const since = await maxAuditId(api.database.db);
    const approved = await send(200, 'POST', `${url}/approve`, undefined, approver);
    assert.equal(approved.status, 'approved');
    const submissionId = (await api.database.db.selectFrom('submissions').select('id').where('period_id', '=', today).executeTakeFirstOrThrow()).id;

    const a = await send(200, 'GET', `/api/v1/tasks/${started}`, undefined, approver);
    assert.deepEqual([a.progress, a.state, a.status], [55, 'in_progress', 'in_progress_on_time']);
    const b = await send(200, 'GET', `/api/v1/tasks/${fresh}`, undefined, approver);
    assert.deepEqual([b.progress, b.state, b.completedOn], [100, 'completed', today]);

    const timeline = await send(200, 'GET', `/api/v1/tasks/${started}/timeline`, undefined, reporter);
    const last = timeline.items.at(-1);
    assert.deepEqual([last.kind, last.progress, last.body, last.detail, last.author.username], ['progress', 55, 'Số hóa thêm 250 sổ hộ tịch', { submissionId }, 'baocao']);
    const stateEntry = (await send(200, 'GET', `/api/v1/tasks/${fresh}/timeline`, undefined, reporter)).items.at(-1);
    assert.deepEqual([stateEntry.kind, stateEntry.stateFrom, stateEntry.stateTo, stateEntry.body, stateEntry.detail], ['state', 'not_started', 'completed', 'Đã lắp 12 camera', { completedOn: today, submissionId }]);

    const trail = await auditSince(api.database.db, since);
    assert.deepEqual(
      trail.map((e) => [e.action, e.entity_id, e.actor_username, (e.after as { submissionId?: number } | null)?.submissionId ?? null]),
      [
        ['task.progress', String(started), 'pheduyet.duongkinh', submissionId],
        ['task.state', String(fresh), 'pheduyet.duongkinh', submissionId],
        ['submission.approve', String(submissionId), 'pheduyet.duongkinh', null],
      ],
    );
    // The approved report still shows its rows, the completed task included.
    const view = await send(200, 'GET', url, undefined, reporter);
    assert.deepEqual(view.tasks.map((t: { task: { id: number; status: string } }) => [t.task.id, t.task.status]), [
      [started, 'in_progress_on_time'],
      [fresh, 'completed_on_time'],
    ]);
    assert.equal(view.validation.valid, true);
    assert.deepEqual(approved.events.at(-1).detail, { written: 0, tasks: 2 });
  });

  it('documents the task rows in the OpenAPI document', async () => {
    const doc = (await api.call('GET', '/api/v1/openapi.json')).json();
    const put = doc.paths['/api/v1/submissions/{form}/{orgUnit}/{period}'].put;
    const body = put.requestBody.content['application/json'].schema;
    assert.ok(body.properties.tasks, 'PUT accepts tasks');
    assert.ok(doc.paths['/api/v1/plans/{id}/budget-years/{year}'].put);
  });
});

describe('share of the local budget', () => {
  let api: TestApi;
  let coordinator: Session;
  let leader: Session;
  let reporter: Session;
  before(async () => {
    api = await startTestApi();
    coordinator = await api.login('dieuphoi', DEMO_PASSWORD);
    leader = await api.login('lanhdao', DEMO_PASSWORD);
    reporter = await api.login('baocao', DEMO_PASSWORD);
  });
  after(() => api.close());

  it('shows seed 004’s 0,57% (407,28 tỷ / 71.429 tỷ) against the 3% target on 57-NQ/TW', async () => {
    const plan = await api.database.db.selectFrom('plans').select('id').where('number', '=', '57-NQ/TW').executeTakeFirstOrThrow();
    const res = await api.call('GET', `/api/v1/plans/${plan.id}/budget?year=2025`, { as: leader });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().localShare, {
      year: 2025,
      spent: 407_280_000_000,
      spentSource: 'reported',
      localBudgetTotal: 71_429_000_000_000,
      share: 0.57,
      targetShare: 3,
      gap: 2.43,
      note: 'Báo cáo 01-BC/BCĐ, mục I.10: 407,28 tỷ đồng (chi thường xuyên 352,82 tỷ đồng, chi đầu tư 54,46 tỷ đồng) / 71.429 tỷ đồng tổng chi ngân sách địa phương = 0,57%; mục tiêu 3%.',
    });
    const otherYear = await api.call('GET', `/api/v1/plans/${plan.id}/budget?year=2024`, { as: leader });
    assert.equal(otherYear.json().localShare, null);
  });

  it('computes the share from the plan’s disbursed money when no spending is reported; only plan writers set it', async () => {
    const plan = await api.database.db.selectFrom('plans').select('id').where('number', '=', '215/KH-UBND').executeTakeFirstOrThrow();
    const budget = (await api.call('GET', `/api/v1/plans/${plan.id}/budget?year=2025`, { as: leader })).json();
    const disbursed = budget.total.disbursedYear as number;
    assert.ok(disbursed > 0);
    const before = await dbState(api.database.db);
    const denied = await api.call('PUT', `/api/v1/plans/${plan.id}/budget-years/2025`, { as: reporter, body: { localBudgetTotal: 71_429_000_000_000, targetShare: 3 } });
    assert.equal(denied.statusCode, 403, denied.body);
    assert.deepEqual(await dbState(api.database.db), before);
    const res = await api.call('PUT', `/api/v1/plans/${plan.id}/budget-years/2025`, { as: coordinator, body: { localBudgetTotal: 71_429_000_000_000, targetShare: 3 } });
    assert.equal(res.statusCode, 200, res.body);
    const share = res.json().localShare;
    assert.equal(share.spentSource, 'budgetLines');
    assert.equal(share.spent, disbursed);
    assert.equal(share.share, Math.round((10_000 * disbursed) / 71_429_000_000_000) / 100);
    const del = await api.call('DELETE', `/api/v1/plans/${plan.id}/budget-years/2025`, { as: coordinator });
    assert.equal(del.statusCode, 204, del.body);
    assert.equal((await api.call('GET', `/api/v1/plans/${plan.id}/budget?year=2025`, { as: leader })).json().localShare, null);
  });
});
