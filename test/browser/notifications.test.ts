/**
 * The bell in real Chromium: reminders created by a run of the job show as an unread count, the
 * list opens (a popover on a desktop, a drawer at 360 px), and opening one marks it read and goes
 * to its task.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runReminders } from '../../server/commands/reminders.ts';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { DUONG_KINH, addPlan, addTask, clearTasks, unitByCode } from '../helpers/taskFixtures.ts';

describe('notifications bell', () => {
  let h: BrowserHarness;
  let overdueId: number;
  before(async () => {
    h = await startBrowserHarness();
    const db = h.database.db;
    await clearTasks(db);
    const planId = await addPlan(db);
    const dk = await unitByCode(db, DUONG_KINH);
    overdueId = await addTask(db, { planId, title: 'Xây dựng kho dữ liệu dùng chung của phường', leadUnitId: dk.id, dueDate: '2025-10-10' });
    await addTask(db, { planId, title: 'Triển khai chữ ký số cho cán bộ', leadUnitId: dk.id, dueDate: '2025-10-21' });
    await runReminders(db, { today: '2025-10-20' });
  });
  after(() => h?.close());

  it('shows the unread count and the list on a desktop', async () => {
    const page = await h.newPage();
    await h.login(page, 'baocao', DEMO_PASSWORD);
    const bell = page.getByTestId('notifications-bell');
    await bell.getByText('2').waitFor();
    await bell.click();
    const list = page.getByTestId('notifications-list');
    await list.getByText('Quá hạn 10 ngày: Xây dựng kho dữ liệu dùng chung của phường').waitFor();
    await list.getByText('Đến hạn ngày mai: Triển khai chữ ký số cho cán bộ').waitFor();
    await page.context().close();
  });

  it('works at 360 px: the drawer fits, and opening a reminder marks it read and goes to the task', async () => {
    const page = await h.newPage({ width: 360, height: 740 });
    await h.login(page, 'baocao', DEMO_PASSWORD);
    await page.getByTestId('notifications-bell').click();
    const list = page.getByTestId('notifications-list');
    await list.getByText('Quá hạn 10 ngày', { exact: false }).waitFor();
    const box = await list.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `list at ${JSON.stringify(box)}`);
    fs.mkdirSync('test-results', { recursive: true });
    await page.waitForTimeout(600); // the drawer's slide-in
    await page.screenshot({ path: path.join('test-results', 'notifications-360.png') });
    await list.getByText('Quá hạn 10 ngày', { exact: false }).click();
    await page.waitForURL((url) => url.pathname === `/tasks/${overdueId}`);
    await page.getByTestId('notifications-bell').getByText('1').waitFor();
    const row = await h.database.db.selectFrom('notifications as n').innerJoin('users as u', 'u.id', 'n.user_id')
      .select('n.read_at').where('u.username', '=', 'baocao').where('n.task_id', '=', overdueId).executeTakeFirstOrThrow();
    assert.ok(row.read_at);
    await page.context().close();
  });
});
