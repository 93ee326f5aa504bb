/**
 * Plans and tasks in real Chromium, end to end: the coordinator (dieuphoi) assigns a task to Phường
 * Dương Kinh through the "Giao nhiệm vụ" form of the plan page (dates in the wrong order refused in
 * Vietnamese first), and a bad appendix is refused row by row with nothing stored; the ward's reporter (baocao) finds it under "Việc của đơn vị tôi",
 * reports progress with a PDF and sees it in the timeline, and is told in Vietnamese why an .exe and
 * a renamed file are refused; then the due date passes, the reminder run puts a notification in the
 * bell and the statistics count one more overdue task. Plans: the list and a plan page with its
 * budget. Screenshots at 1280 and 360 px go to test-results/.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
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
    const plan = await h.database.db.selectFrom('plans').select('id').where('number', '=', '215/KH-UBND').executeTakeFirstOrThrow();
    planId = plan.id;
  });
  after(() => h?.close());

  const dmy = (iso: string) => iso.split('-').reverse().join('/');
  const pickDate = async (page: Page, testId: string, iso: string) => {
    const input = page.getByTestId(testId).locator('input').or(page.locator(`input[data-testid="${testId}"]`)).first();
    await input.click();
    await input.fill(dmy(iso));
    await input.press('Tab');
  };

  it('lets the coordinator assign a task with the 6 rõ through the plan page form', async () => {
    const page = await h.newPage();
    await h.login(page, 'dieuphoi', DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}/plans/${planId}`);
    await page.getByTestId('task-create').click();
    const form = page.getByTestId('task-form');
    await form.waitFor();
    await page.getByTestId('task-form-ref').fill('III.9');
    await page.getByTestId('task-form-title').fill(TITLE);
    await page.getByTestId('task-form-lead').click();
    await page.keyboard.type('Dương Kinh');
    await page.locator('.ant-select-item-option').filter({ hasText: 'Phường Dương Kinh' }).first().click();
    await page.getByTestId('task-form-responsible').fill('Chủ tịch UBND phường Dương Kinh');
    await page.getByTestId('task-form-deliverable').fill('Hệ thống camera vận hành, kết nối trung tâm giám sát');
    await page.getByTestId('task-form-authority').fill('UBND thành phố');
    // Dates in the wrong order are refused in Vietnamese before anything is sent.
    await pickDate(page, 'task-form-start', day(10));
    await pickDate(page, 'task-form-due', day(-20));
    await page.locator('button[form="task-form"]').click();
    await form.getByText(`Hạn hoàn thành (${dmy(day(-20))}) không được trước ngày bắt đầu (${dmy(day(10))})`).waitFor();
    const count = async () => (await h.database.db.selectFrom('tasks').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    await pickDate(page, 'task-form-start', day(-20));
    await pickDate(page, 'task-form-due', day(10));
    await shot(page, 'task-form-1280');
    await page.locator('button[form="task-form"]').click();
    await page.waitForURL((url) => /^\/tasks\/\d+$/.test(url.pathname));
    taskId = Number(new URL(page.url()).pathname.split('/').pop());
    assert.equal(Number(await count()), Number(before) + 1);
    const stored = await h.database.db.selectFrom('tasks as t').innerJoin('org_units as u', 'u.id', 't.lead_unit_id').select(['u.code', 't.ref', 't.start_date', 't.due_date', 't.plan_id', 't.responsible_name']).where('t.id', '=', taskId).executeTakeFirstOrThrow();
    assert.deepEqual(
      [stored.code, stored.ref, stored.start_date, stored.due_date, stored.plan_id, stored.responsible_name],
      ['11692', 'III.9', day(-20), day(10), planId, 'Chủ tịch UBND phường Dương Kinh'],
    );
    await page.getByTestId('task-six').getByText('Hệ thống camera vận hành', { exact: false }).waitFor();
    // The coordinator edits and budgets; reporting is the ward's.
    await page.getByTestId('task-edit').waitFor();
    await page.getByTestId('task-budget-edit').waitFor();
    await page.context().close();
  });

  it('refuses a bad appendix row by row in the import dialog, storing nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Phu luc');
    for (const r of [
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành'],
      ['III.10', 'Nhiệm vụ hợp lệ', 'Phường Dương Kinh', null, '31/12/2025'],
      ['III.11', 'Nhiệm vụ giao cho cơ quan lạ', 'Sở Không Tồn Tại', null, '31/12/2025'],
    ])
      sheet.addRow(r);
    const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
    const count = async () => Number((await h.database.db.selectFrom('tasks').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();

    const page = await h.newPage();
    await h.login(page, 'dieuphoi', DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}/plans/${planId}`);
    assert.match((await page.getByTestId('plan-export').getAttribute('href')) ?? '', new RegExp(`^/api/v1/tasks/export\\.xlsx\\?plan=${planId}$`));
    await page.getByTestId('task-import-button').click();
    await page.getByTestId('task-import-file').locator('input[type="file"]').setInputFiles({ name: 'Phu luc sai.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    const errors = page.getByTestId('task-import-dialog').getByTestId('import-errors');
    await errors.getByText('Sở Không Tồn Tại', { exact: false }).waitFor();
    await page.getByTestId('task-import-error').getByText('Chưa lưu nhiệm vụ nào', { exact: false }).waitFor();
    await page.getByTestId('task-import-progress').waitFor({ state: 'detached' });
    await shot(page, 'plan-import-1280');
    assert.equal(await count(), before, 'nothing stored');
    await page.context().close();
  });

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

    // Seed 004, I.10: 407,28 tỷ of 71.429 tỷ local budget spending is 0,57%, against the 3% target.
    const nq57 = await h.database.db.selectFrom('plans').select('id').where('number', '=', '57-NQ/TW').executeTakeFirstOrThrow();
    await page.goto(`${h.baseUrl}/plans/${nq57.id}`);
    const year = page.getByTestId('plan-budget-year');
    await year.fill('2025');
    await year.press('Enter');
    const share = page.getByTestId('plan-local-share');
    await share.getByText('bằng 0,57% tổng chi ngân sách địa phương', { exact: false }).waitFor();
    await share.getByText('Mục tiêu 3%; còn thiếu 2,43 điểm phần trăm.').waitFor();
    await shot(page, 'plan-local-share-1280');
    await page.context().close();
  });
});
