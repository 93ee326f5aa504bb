/**
 * Task progress through a daily report form, in real Chromium (issue 4, item 3). The coordinator
 * (dieuphoi) defines, through the API, a plan with a task Phường Dương Kinh leads (already at 30%) and
 * a daily form whose task set is that plan, assigned to the ward. The ward's reporter (baocao) opens
 * today's report, types 20% (below the task's 30%: an inline Vietnamese error, saving refused), fixes
 * it to 60% with a note and submits; the ward's approver approves through the API; the task's page
 * shows 60% and the timeline entry with the note. Screenshots at 1280 and 360 px go to test-results/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { todayInVietnam } from '../../server/commands/reportingClock.ts';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { apiSession, noHorizontalOverflow, shot, watchErrors, type ApiSession } from '../helpers/pages.ts';

const WARD = '11692'; // Phường Dương Kinh
const FORM = 'E2E-BC-NGAY';
const TITLE = 'Số hóa hồ sơ hộ tịch của phường (kiểm thử)';
const NOTE = 'Đã số hóa thêm 300 sổ hộ tịch';

describe('task progress through a daily report, in Chromium', () => {
  let h: BrowserHarness;
  let coordinator: ApiSession;
  let reporter: ApiSession;
  let approver: ApiSession;
  let taskId: number;
  const today = todayInVietnam();
  const reportPath = `/reports/${FORM}/${WARD}/${today}`;

  const ok = async (session: ApiSession, status: number, method: string, url: string, body?: unknown) => {
    const res = await session.call(method, url, body);
    assert.equal(res.status, status, `${method} ${url}: ${JSON.stringify(res.json)}`);
    return res.json;
  };

  before(async () => {
    h = await startBrowserHarness();
    coordinator = await apiSession(h.baseUrl, 'dieuphoi', DEMO_PASSWORD);
    reporter = await apiSession(h.baseUrl, 'baocao', DEMO_PASSWORD);
    approver = await apiSession(h.baseUrl, 'pheduyet.duongkinh', DEMO_PASSWORD);
    const unitId = async (code: string) => (await h.database.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const [city, ward] = [await unitId('31'), await unitId(WARD)];
    const plan = await ok(coordinator, 201, 'POST', '/api/v1/plans', { kind: 'KH', number: '998/KH-UBND-E2E', issuerUnitId: city, title: 'Kế hoạch thử báo cáo tiến độ hằng ngày', horizonYear: 2026 });
    taskId = (await ok(coordinator, 201, 'POST', '/api/v1/tasks', { planId: plan.id, title: TITLE, leadUnitId: ward, startDate: '2025-01-01', dueDate: '2099-12-31' })).id;
    await ok(reporter, 200, 'POST', `/api/v1/tasks/${taskId}/progress`, { body: 'Đã số hóa 30% sổ hộ tịch', progress: 30 });
    await ok(coordinator, 201, 'POST', '/api/v1/forms', {
      code: FORM,
      name: 'Báo cáo hằng ngày tiến độ nhiệm vụ (kiểm thử)',
      periodType: 'day',
      deadlineOffsetDays: 0,
      items: [],
      taskSets: [{ plan: plan.id }],
      assignments: [{ kind: 'unit', orgUnit: WARD }],
    });
  });
  after(() => h?.close());

  it('lets the reporter fill the task progress, stops a value below the current one, and submits', async () => {
    const page = await h.newPage();
    await h.login(page, 'baocao', DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.goto(`${h.baseUrl}${reportPath}`);
    const section = page.getByTestId('task-report');
    await section.getByText('Tiến độ nhiệm vụ (1 nhiệm vụ)').waitFor();
    const row = section.locator(`[data-testid="task-report-row"][data-task="${taskId}"]`);
    await row.getByTestId('task-report-link').getByText(TITLE).waitFor();
    assert.equal(await row.getByTestId('task-report-link').getAttribute('href'), `/tasks/${taskId}`);
    await row.getByTestId('task-status').getByText('Đang thực hiện').first().waitFor();
    await row.getByTestId('task-progress').getByText('30%').waitFor();

    const progress = row.getByTestId('task-report-progress').locator('input').or(row.locator('input[data-testid="task-report-progress"]')).first();
    await progress.fill('20');
    await row.getByTestId('task-report-note').fill(NOTE);
    await row.getByTestId('task-report-progress-error').getByText('Tiến độ 20% thấp hơn tiến độ hiện tại 30%.').waitFor();
    await page.getByTestId('save-draft').click();
    await page.getByTestId('save-refused').waitFor();
    const untouched = await ok(reporter, 200, 'GET', `/api/v1/submissions/${FORM}/${WARD}/${today}`);
    assert.equal(untouched.status, 'not_started', 'nothing was saved');
    await shot(page, 'task-report-error-desktop');

    await progress.fill('60');
    await row.getByTestId('task-report-progress-error').waitFor({ state: 'detached' });
    await page.getByTestId('save-draft').click();
    await page.getByText('Đang soạn').first().waitFor();
    const draft = await ok(reporter, 200, 'GET', `/api/v1/submissions/${FORM}/${WARD}/${today}`);
    assert.deepEqual(draft.tasks.map((t: { progress: number; note: string }) => [t.progress, t.note]), [[60, NOTE]]);

    await page.getByTestId('submit-report').click();
    await page.getByTestId('submit-confirm').click();
    await page.getByTestId('entry-note').waitFor();
    assert.ok(await progress.isDisabled(), 'locked once submitted');
    await shot(page, 'task-report-desktop');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('shows the report as cards on a phone', async () => {
    const page = await h.newPage({ width: 360, height: 780 });
    await h.login(page, 'baocao', DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}${reportPath}`);
    await page.locator('.task-report-mobile [data-testid="task-report-row"]').first().waitFor();
    await noHorizontalOverflow(page);
    await shot(page, 'task-report-mobile');
    await page.context().close();
  });

  it('after approval the task page shows 60% and the timeline entry', async () => {
    const approved = await ok(approver, 200, 'POST', `/api/v1/submissions/${FORM}/${WARD}/${today}/approve`);
    assert.equal(approved.status, 'approved');
    const page = await h.newPage();
    await h.login(page, 'baocao', DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}/tasks/${taskId}`);
    await page.getByTestId('task-header').getByTestId('task-progress').getByText('60%').waitFor();
    const entry = page.getByTestId('task-timeline').getByTestId('timeline-entry').filter({ hasText: NOTE });
    await entry.waitFor();
    assert.equal(await entry.getAttribute('data-kind'), 'progress');
    await shot(page, 'task-report-task-page');
    await page.context().close();
  });
});
