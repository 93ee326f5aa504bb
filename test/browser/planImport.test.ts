/**
 * Importing a plan document in real Chromium: the coordinator (dieuphoi) opens Kế hoạch → Nhập
 * văn bản, drops seed 002 (Kế hoạch 227/KH-UBND) as a .txt file, sees the upload's progress bar,
 * then the review: the source text beside the extracted targets and tasks. A click on a target
 * highlights its sentence in the source, a click on a highlighted task opens it; one target is
 * dropped, one matched to an indicator of the catalogue; the tasks the document gives to "các Sở,
 * ban, ngành" get the city as lead; the plan is already in the catalogue, so the number is changed
 * (the page says so); publishing lands on the new plan page with its tasks. The review also works
 * at 360 px (panes stacked). Screenshots go to test-results/.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { choose, noHorizontalOverflow, shot, watchErrors } from '../helpers/pages.ts';

const SEED_002 = path.resolve(import.meta.dirname, '../fixtures/plans/002_dcadec23ff545f46.txt');
/** Nghị quyết 03-NQ/TU: OCR text that lost its diacritics. */
const SEED_000 = path.resolve(import.meta.dirname, '../fixtures/plans/000_15f6ee404bd8efc4.txt');
const NUMBER = '228/KH-UBND';

describe('plan document import page', () => {
  let h: BrowserHarness;
  let reviewUrl: string;

  before(async () => {
    h = await startBrowserHarness();
  });
  after(() => h?.close());

  it('uploads seed 002 with a progress bar, reviews it beside its source and publishes it as a plan', async () => {
    const page = await h.newPage();
    await h.login(page, 'dieuphoi', DEMO_PASSWORD);
    const errors = watchErrors(page); // from here on (before sign-in, the session check answers 401)
    await page.goto(`${h.baseUrl}/plans`);
    await page.getByTestId('plan-import-button').click();
    await page.waitForURL((url) => url.pathname === '/plans/import');
    await page.getByTestId('plan-import-drafts').getByText('Chưa có bản nháp nào').waitFor();

    // Hold the upload a moment so that its progress bar is there to be seen.
    await page.route('**/api/v1/files?**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    await page
      .getByTestId('plan-import-file')
      .locator('input[type="file"]')
      .setInputFiles({ name: '227-KH-UBND.txt', mimeType: 'text/plain', buffer: fs.readFileSync(SEED_002) });
    await page.getByTestId('plan-import-progress').waitFor();
    await shot(page, 'plan-import-upload-1280');
    await page.waitForURL((url) => /^\/plans\/import\/\d+$/.test(url.pathname), { timeout: 30_000 });
    reviewUrl = page.url();

    // The split view: the source on the left, the targets tab on the right with counts.
    const source = page.getByTestId('import-source');
    await source.getByText('Chuyển đổi số thành phố Hải Phòng', { exact: false }).first().waitFor();
    const targetsTab = page.getByTestId('import-tab-targets');
    const total = Number(await targetsTab.getAttribute('data-total'));
    assert.ok(total >= 20, `${total} targets`);
    assert.equal(Number(await targetsTab.getAttribute('data-kept')), total);
    const [sourceBox, tabsBox] = [await source.boundingBox(), await page.getByTestId('import-tabs').boundingBox()];
    assert.ok(sourceBox && tabsBox && tabsBox.x > sourceBox.x + sourceBox.width - 1, 'the panes sit side by side');
    // 227/KH-UBND is already in the demo catalogue: the page says so.
    await page.getByTestId('import-duplicate-banner').getByText('227/KH-UBND', { exact: false }).waitFor();

    // A click on a target highlights its sentence in the source.
    const cards = page.getByTestId('import-target');
    const first = cards.nth(0);
    await first.getByTestId('import-target-text').click();
    await page.locator('[data-testid="import-source"][data-active-item="target-0"]').waitFor();
    const highlighted = source.locator('mark[data-active="true"]');
    await highlighted.first().waitFor();
    assert.match((await highlighted.allTextContents()).join(''), /^80% dịch vụ công trực tuyến mức độ 4/);
    assert.equal(await first.getAttribute('data-active'), 'true');
    await shot(page, 'plan-import-review-1280', false);

    // A click on a highlighted task in the source opens it in the tasks tab.
    await source.locator('mark.src-task').first().click();
    const activeTask = page.locator('[data-testid="import-task"][data-active="true"]');
    await activeTask.waitFor();
    assert.equal(await activeTask.getAttribute('data-index'), '0');
    await activeTask.getByText('Các Sở, ban, ngành thành phố', { exact: false }).waitFor();

    // Drop the second target; match the first to the catalogue's indicator.
    await page.getByTestId('import-tab-targets').click();
    const second = cards.nth(1);
    await second.getByTestId('import-item-reject').click();
    assert.equal(await second.getAttribute('data-decision'), 'rejected');
    assert.equal(Number(await targetsTab.getAttribute('data-kept')), total - 1);
    await choose(page, 'import-target-indicator', 'CQS.DVCTT_TOAN_TRINH', first);
    await first.getByTestId('import-target-chosen').waitFor();

    // Tasks given to "các Sở, ban, ngành" have no single lead: the city leads them.
    await page.getByTestId('import-tab-tasks').click();
    await page.getByTestId('import-tasks-leaderless').waitFor();
    await page.getByTestId('import-tasks-fill-lead').click();
    await page.getByTestId('import-tasks-leaderless').waitFor({ state: 'detached' });
    await page.getByTestId('import-task').nth(0).getByTestId('import-task-default-due').getByText('31/12/2030', { exact: false }).waitFor();
    await shot(page, 'plan-import-tasks-1280', false);

    // Publishing as 227/KH-UBND would clash with the plan already there: the server refuses, nothing is stored.
    await page.getByTestId('import-publish').click();
    await page.getByTestId('import-publish-ok').click();
    await page.getByTestId('import-error').getByText('227/KH-UBND', { exact: false }).first().waitFor();
    const plans = async () => Number((await h.database.db.selectFrom('plans').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const plansBefore = await plans();

    await page.getByTestId('import-tab-document').click();
    await page.getByTestId('import-doc-number').fill(NUMBER);
    await page.getByTestId('import-save').click();
    await page.getByTestId('import-dirty').waitFor({ state: 'detached' });
    assert.equal(await plans(), plansBefore, 'saving a draft stores no plan');

    await page.getByTestId('import-publish').click();
    await page.getByTestId('import-publish-dialog').getByText(NUMBER, { exact: false }).waitFor();
    await page.getByTestId('import-publish-ok').click();
    // Publishing lands on the new plan; if the server refused, say why instead of timing out.
    const landed = page.waitForURL((url) => /^\/plans\/\d+$/.test(url.pathname), { timeout: 60_000 }).then(() => null);
    const refused = page.getByTestId('import-error').waitFor({ timeout: 60_000 }).then(async () => page.getByTestId('import-error').innerText());
    const outcome = await Promise.race([landed, refused]).catch(async (error: Error) => {
      // Say what the page shows instead of a bare time-out.
      await shot(page, 'plan-import-publish-stuck', false);
      throw new Error(`${error.message}\nThe page shows: ${(await page.locator('body').innerText()).slice(0, 1500)}`);
    });
    assert.equal(outcome, null, `publishing was refused: ${outcome}`);
    const planId = Number(new URL(page.url()).pathname.split('/').pop());

    // The plan page: the plan, its tasks in the document's order, its targets.
    await page.getByRole('heading', { name: `KH ${NUMBER}` }).waitFor();
    const tasksCard = page.getByTestId('plan-tasks');
    await tasksCard.getByText('Tổ chức phổ biến, quán triệt chủ trương', { exact: false }).waitFor();
    await page.getByTestId('plan-document').getByText('227-KH-UBND.txt').waitFor();
    await page.getByTestId('plan-targets').waitFor();
    const stored = await h.database.db
      .selectFrom('plans as p')
      .select((eb) => [
        eb.selectFrom('targets').select(eb.fn.countAll<string>().as('n')).whereRef('plan_id', '=', 'p.id').as('targets'),
        eb.selectFrom('tasks').select(eb.fn.countAll<string>().as('n')).whereRef('plan_id', '=', 'p.id').as('tasks'),
      ])
      .where('p.id', '=', planId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(stored.targets), total - 1);
    assert.ok(Number(stored.tasks) >= 50, `${stored.tasks} tasks`);
    const matched = await h.database.db
      .selectFrom('targets as t')
      .innerJoin('indicators as i', 'i.id', 't.indicator_id')
      .select(['t.value', 't.year'])
      .where('t.plan_id', '=', planId)
      .where('i.code', '=', 'CQS.DVCTT_TOAN_TRINH')
      .execute();
    assert.deepEqual(matched.map((m) => [m.value, m.year]), [[80, 2025]]);
    await shot(page, 'plan-import-published-1280');
    assert.deepEqual(errors.filter((e) => !/status of 409/.test(e)), [], 'nothing but the refused number');
    await page.context().close();
  });

  it('shows the OCR corrections of a text without diacritics, the original on hover', async () => {
    const page = await h.newPage();
    await h.login(page, 'dieuphoi', DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.goto(`${h.baseUrl}/plans/import`);
    await page.getByTestId('plan-import-file').locator('input[type="file"]').setInputFiles({ name: '03-NQ-TU.txt', mimeType: 'text/plain', buffer: fs.readFileSync(SEED_000) });
    await page.waitForURL((url) => /^\/plans\/import\/\d+$/.test(url.pathname), { timeout: 30_000 });
    await page.getByTestId('import-ocr').waitFor();
    const fix = page.getByTestId('import-source').getByTestId('source-fix').first();
    await fix.waitFor();
    assert.match((await fix.getAttribute('title')) ?? '', /^Bản gốc: /);
    assert.notEqual(await fix.textContent(), (await fix.getAttribute('title'))!.replace('Bản gốc: ', ''));
    // The document's own header, restored: the number and the issuer the draft proposes.
    assert.equal(await page.getByTestId('import-tab-document').isVisible(), true);
    await page.getByTestId('import-tab-document').click();
    assert.equal(await page.getByTestId('import-doc-number').inputValue(), '03-NQ/TU');
    await shot(page, 'plan-import-ocr-1280', false);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('shows the review on a 360-px phone with the panes stacked', async () => {
    const page = await h.newPage({ width: 360, height: 780 });
    await h.login(page, 'dieuphoi', DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.goto(reviewUrl);
    await page.getByTestId('import-status').waitFor();
    const [source, tabs] = [await page.getByTestId('import-source').boundingBox(), await page.getByTestId('import-tabs').boundingBox()];
    assert.ok(source && tabs && tabs.y >= source.y + source.height, 'the review sits under the source');
    await noHorizontalOverflow(page);
    // Published, the review is read-only, and still shows where each item comes from.
    assert.equal(await page.getByTestId('import-target').nth(0).getByTestId('import-target-text').isDisabled(), true);
    await page.getByTestId('import-target').nth(0).getByTestId('import-item-ref').click();
    await page.locator('[data-testid="import-source"] mark[data-active="true"]').first().waitFor();
    await shot(page, 'plan-import-review-360', false);
    await page.goto(`${h.baseUrl}/plans/import`);
    await page.getByTestId('plan-import-upload').waitFor();
    await noHorizontalOverflow(page);
    await shot(page, 'plan-import-upload-360');
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
