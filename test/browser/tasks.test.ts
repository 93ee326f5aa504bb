/**
 * Plans and tasks in real Chromium, end to end: the coordinator (dieuphoi) assigns a task to Phường
 * Dương Kinh through the API; the ward's reporter (baocao) finds it under "Việc của đơn vị tôi",
 * reports progress with a PDF and sees it in the timeline, and is told in Vietnamese why an .exe and
 * a renamed file are refused; then the due date passes, the reminder run puts a notification in the
 * bell and the statistics count one more overdue task. Plans: the list and a plan page with its
 * budget. Screenshots at 1280 and 360 px go to test-results/.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { runReminders } from '../../server/commands/reminders.ts';
import { todayInVietnam } from '../../server/commands/reportingClock.ts';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';

const SHOTS = 'test-results';
const DAY = 86_400_000;
const day = (offset: number) => todayInVietnam(new Date(Date.now() + offset * DAY));
const TITLE = 'Triển khai hệ thống camera an ninh kết nối trung tâm giám sát của phường';
/** A tiny but valid PDF (header, one empty page, trailer). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

async function shot(page: Page, name: string, fullPage = true) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

async function overdueTile(page: Page): Promise<number> {
  await page.locator('[data-testid="task-stats"]:not([data-loading])').waitFor();
  const tile = page.getByTestId('task-stats-overdue');
  return Number(await tile.getAttribute('data-value'));
}

describe('plans and tasks pages', () => {
  let h: BrowserHarness;
  let taskId: number;
  let planId: number;

  before(async () => {
    h = await startBrowserHarness();
    const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'dieuphoi', password: DEMO_PASSWORD } });
    assert.equal(login.statusCode, 200, login.body);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = login.json().csrfToken as string;
    const db = h.database.db;
    const ward = await db.selectFrom('org_units').select('id').where('code', '=', '11692').executeTakeFirstOrThrow();
    const plan = await db.selectFrom('plans').select('id').where('number', '=', '215/KH-UBND').executeTakeFirstOrThrow();
    planId = plan.id;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/tasks',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: {
        planId,
        ref: 'III.9',
        title: TITLE,
        leadUnitId: ward.id,
        responsibleName: 'Chủ tịch UBND phường Dương Kinh',
        deliverable: 'Hệ thống camera vận hành, kết nối trung tâm giám sát',
        approvingAuthority: 'UBND thành phố',
        startDate: day(-20),
        dueDate: day(10),
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    taskId = res.json().id;
  });
  after(() => h?.close());

  let overdueBefore = 0;

  it('lets the ward find its task under "Việc của đơn vị tôi" and report progress with a PDF', async () => {
    const page = await h.newPage();
    await h.login(page, 'baocao', DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}/tasks`);
    await page.getByTestId('tasks-tab-mine').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'mine');
    await page.locator('[data-testid="task-export"][href*="leadUnit="]').waitFor();
    overdueBefore = await overdueTile(page);
    const exportHref = await page.getByTestId('task-export').getAttribute('href');
    assert.match(exportHref ?? '', /^\/api\/v1\/tasks\/export\.xlsx\?leadUnit=\d+$/);
    await page.getByTestId('task-search').locator('input').fill('camera an ninh');
    const row = page.locator(`[data-testid="task-row"][data-task="${taskId}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'not_started');
    await shot(page, 'tasks-1280');
    await row.getByTestId('task-link').click();
    await page.waitForURL((url) => url.pathname === `/tasks/${taskId}`);
    await page.getByTestId('task-six').getByText('Chủ tịch UBND phường Dương Kinh').waitFor();
    await page.getByTestId('task-units').getByText('Phường Dương Kinh').waitFor();

    await page.getByTestId('progress-body').fill('Đã lắp đặt 40% camera tại các tổ dân phố');
    await page.getByRole('spinbutton', { name: 'Tiến độ (%)' }).fill('40');
    await page.getByTestId('evidence-input').setInputFiles({ name: 'Biên bản nghiệm thu đợt 1.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('[data-testid="evidence-entry"][data-state="done"]').waitFor();
    await page.getByTestId('progress-submit').click();
    const entry = page.locator('[data-testid="timeline-entry"][data-kind="progress"]');
    await entry.getByText('Đã lắp đặt 40% camera tại các tổ dân phố').waitFor();
    const file = entry.getByTestId('timeline-file');
    await file.getByText('Biên bản nghiệm thu đợt 1.pdf').waitFor();
    assert.match((await file.getAttribute('href')) ?? '', /^\/api\/v1\/files\/\d+$/);
    await page.getByTestId('task-header').locator('[data-status="in_progress_on_time"]').waitFor();
    // The evidence downloads as the same bytes.
    const download = await page.evaluate(async (href) => {
      const r = await fetch(href);
      return { status: r.status, size: (await r.arrayBuffer()).byteLength };
    }, (await file.getAttribute('href'))!);
    assert.deepEqual(download, { status: 200, size: PDF.length });

    // A forbidden type is refused before upload, a renamed program by the server; both in Vietnamese.
    await page.getByTestId('evidence-input').setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00\x03\x00', 'latin1') });
    await page.getByTestId('evidence-error').getByText('Không nhận tệp «setup.exe»: chỉ nhận PDF', { exact: false }).waitFor();
    await page.getByTestId('evidence-input').setInputFiles({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00 not a pdf', 'latin1') });
    await page.getByTestId('evidence-error').getByText('Nội dung tệp «bao-cao.pdf» không phải PDF', { exact: false }).waitFor();
    await shot(page, 'task-1280');
    const stored = await h.database.db.selectFrom('files').select('name').execute();
    assert.ok(!stored.some((f) => f.name === 'setup.exe' || f.name === 'bao-cao.pdf'), 'refused files are not stored');
    await page.context().close();
  });

  it('delivers the overdue reminder to the bell, and the statistics count one more overdue task', async () => {
    const db = h.database.db;
    await db.updateTable('tasks').set({ due_date: day(-3) }).where('id', '=', taskId).execute();
    await runReminders(db, { today: day(0) });

    const page = await h.newPage();
    await h.login(page, 'baocao', DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}/tasks?tab=mine`);
    await page.waitForFunction(`Number(document.querySelector('[data-testid="task-stats-overdue"]')?.getAttribute('data-value')) === ${overdueBefore + 1}`);
    await page.getByTestId('task-view').getByText('Bảng theo tình trạng').click();
    await page.locator(`[data-testid="task-board-column"][data-status="in_progress_overdue"] [data-task="${taskId}"]`).waitFor();
    await shot(page, 'tasks-board-1280');

    await page.getByTestId('notifications-bell').click();
    const list = page.getByTestId('notifications-list');
    await list.getByText(`Quá hạn 3 ngày: ${TITLE}`, { exact: false }).click();
    await page.waitForURL((url) => url.pathname === `/tasks/${taskId}`);
    await page.getByTestId('task-header').locator('[data-status="in_progress_overdue"]').waitFor();
    await page.context().close();
  });

  it('works at 360 px: cards, the task page and the plan page fit the screen', async () => {
    const page = await h.newPage({ width: 360, height: 740 });
    await h.login(page, 'baocao', DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}/tasks?tab=mine`);
    await page.locator(`[data-testid="task-card"][data-task="${taskId}"]`).waitFor();
    const fits = () => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
    assert.ok(await fits(), 'the task list fits 360 px');
    await shot(page, 'tasks-360', false);
    await page.getByTestId('task-filters').scrollIntoViewIfNeeded();
    await shot(page, 'tasks-360-list', false);
    await page.locator(`[data-testid="task-card"][data-task="${taskId}"]`).getByTestId('task-link').click();
    await page.getByTestId('task-timeline').getByText('Biên bản nghiệm thu đợt 1.pdf').waitFor();
    assert.ok(await fits(), 'the task page fits 360 px');
    await shot(page, 'task-360', false);
    await page.getByTestId('task-actions').scrollIntoViewIfNeeded();
    await shot(page, 'task-360-actions', false);
    await page.goto(`${h.baseUrl}/plans/${planId}`);
    await page.getByTestId('plan-budget-sentence').waitFor();
    assert.ok(await fits(), 'the plan page fits 360 px');
    await shot(page, 'plan-360', false);
    await page.getByTestId('plan-budget').scrollIntoViewIfNeeded();
    await shot(page, 'plan-360-budget', false);
    await page.context().close();
  });

  it('lists plans and shows a plan with its tree, tasks and budget per source', async () => {
    const page = await h.newPage();
    await h.login(page, 'dieuphoi', DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}/plans`);
    await page.getByTestId('plans-table').getByText('215/KH-UBND').click();
    await page.waitForURL((url) => url.pathname === `/plans/${planId}`);
    await page.getByTestId('plan-budget-sentence').getByText('nhu cầu kinh phí', { exact: false }).waitFor();
    await page.getByTestId('plan-budget-sources').waitFor();
    await page.getByTestId('plan-tasks').getByText(TITLE).waitFor();
    await page.getByTestId('plan-budget-chart').waitFor();
    await shot(page, 'plan-1280');
    await page.getByTestId('plan-tasks-link').click();
    await page.waitForURL((url) => url.pathname === '/tasks' && url.searchParams.get('plan') === String(planId));
    await page.getByTestId('tasks-table').waitFor();
    await page.goto(`${h.baseUrl}/plans`);
    await page.getByTestId('plans-table').waitFor();
    await shot(page, 'plans-1280');
    await page.context().close();
  });
});
