/**
 * Báo cáo in real Chromium, end to end: the reporter of Phường Dương Kinh finds the report due in
 * the inbox, fills the entry grid with the keyboard and a block pasted from Excel, is stopped by an
 * inline error (numerator above denominator) and by the refusal to submit, fixes it and submits; an
 * approver approves it from the queue; the cell history shows the change; and a city leader sees the
 * city total grow by exactly what the ward entered (the rollup worker runs) and the ward counted in
 * the compliance page. Then the coordinator reopens it, the reporter sends it again through the Excel
 * template (a bad file first: its rows listed, nothing stored), and the approver returns it with a
 * reason the reporter reads in the inbox. Desktop (1280 px) and phone (360 px) screenshots go to
 * test-results/.
 *
 * The form: the demo's BM-CDS-XA when the demo has it, else one the test defines through the API.
 * Either way the figures asserted are computed from the API before and after, never assumed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { reportingDate } from '../../domain/forms.ts';
import { parsePeriod, previousPeriod } from '../../domain/periods.ts';
import { numberFromText } from '../../domain/spreadsheetText.ts';
import { startRollupWorker, type RollupWorker } from '../../server/jobs/rollupWorker.ts';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { apiSession, noHorizontalOverflow, shot, watchErrors, type ApiSession } from '../helpers/pages.ts';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';

const WARD = '11692'; // Phường Dương Kinh
const WARD_NAME = 'Phường Dương Kinh';
const CITY = '31';
const DEMO_FORM = 'BM-CDS-XA';
const DEMO_PERIOD = '2025-10';

async function pasteInto(page: Page, selector: string, text: string) {
  await page.locator(selector).focus();
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    document.querySelector(${JSON.stringify(selector)}).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

const cellSel = (code: string, column: string) => `input[data-testid="cell-${column}"][data-indicator="${code}"]`;
const activeCell = (page: Page) => page.evaluate<string>("document.activeElement ? `${document.activeElement.dataset.indicator}:${document.activeElement.dataset.testid}` : ''");

interface Item {
  indicator: { code: string; name: string; unit: string; spaceAggregation: string };
  required: boolean;
}

const vi = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);
/** The figures the test enters: the first item's are the ones the city total is checked against. */
const FIRST = { numerator: 1234, denominator: 1300 };
const POPULATION = 45_678; // one denominator for the others, so rules tying denominators together hold
const figuresOf = (index: number) => (index === 0 ? FIRST : { numerator: 40_000 + 111 * index, denominator: POPULATION });

/** "3.658.476 / 3.670.241" as shown under a ratio's figure → its two numbers. */
function parts(text: string): { numerator: number; denominator: number } {
  const [n, d] = text.split('/').map((s) => numberFromText(s.trim(), 'vi'));
  assert.ok(typeof n === 'number' && typeof d === 'number' && !Number.isNaN(n) && !Number.isNaN(d), `«${text}» is two numbers`);
  return { numerator: n, denominator: d };
}

describe('Báo cáo pages in Chromium', () => {
  let h: BrowserHarness;
  let worker: RollupWorker;
  let admin: ApiSession;
  let reporterApi: ApiSession;
  let form: string;
  let period: string;
  let year: number;
  let approver: string;
  let items: Item[];
  let first: Item;
  /** The city's figure of the first item for the year, before: from the API, and as the leader saw it. */
  let cityBefore = { numerator: 0, denominator: 0 };
  let seenBefore = { numerator: 0, denominator: 0 };

  const submissionUrl = () => `/api/v1/submissions/${form}/${WARD}/${period}`;
  const monthLabel = () => `Tháng ${Number(period.slice(5, 7))}/${period.slice(0, 4)}`;
  const cityFigure = async () => {
    const res = await admin.call('GET', `/api/v1/analytics?indicator=${encodeURIComponent(first.indicator.code)}&orgUnit=${CITY}&period=${year}`);
    assert.equal(res.status, 200, JSON.stringify(res.json));
    return { value: res.json.value as number | null, numerator: (res.json.numerator as number | null) ?? 0, denominator: (res.json.denominator as number | null) ?? 0 };
  };
  const indicatorPage = () => `${h.baseUrl}/indicators/${encodeURIComponent(first.indicator.code)}?unit=${CITY}&year=${year}`;

  before(async () => {
    h = await startBrowserHarness();
    worker = await startRollupWorker(h.database.db, h.database.pool, { pollMs: 200 });
    admin = await apiSession(h.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    reporterApi = await apiSession(h.baseUrl, 'baocao', DEMO_PASSWORD);
    const coordinator = await apiSession(h.baseUrl, 'dieuphoi', DEMO_PASSWORD);

    const users = await admin.call('GET', '/api/v1/users?q=pheduyet.duongkinh');
    approver = users.json.items.some((u: { username: string }) => u.username === 'pheduyet.duongkinh') ? 'pheduyet.duongkinh' : 'dieuphoi';

    const demo = await coordinator.call('GET', `/api/v1/forms/${DEMO_FORM}`);
    if (demo.status === 200) {
      form = DEMO_FORM;
    } else {
      // No demo form: a monthly form of the test's own, like the demo's, assigned to every commune and ward.
      form = 'E2E-BM-XA';
      const current = reportingDate(new Date()).slice(0, 7);
      const start = previousPeriod(previousPeriod(parsePeriod(current))).id; // two earlier months are overdue
      const pct = { unit: '%', spaceAggregation: 'ratio', periodType: 'month', pillar: 'chinh_quyen_so' };
      for (const body of [
        { code: 'E2E.HS_TT', name: 'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình (kiểm thử)', timeAggregation: 'sum' },
        { code: 'E2E.HSCV', name: 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng (kiểm thử)', timeAggregation: 'sum' },
        { code: 'E2E.TK_TT', name: 'Tỷ lệ dân số có tài khoản thanh toán điện tử (kiểm thử)', timeAggregation: 'latest' },
        { code: 'E2E.DANH_TINH', name: 'Tỷ lệ người dân được cung cấp danh tính số (kiểm thử)', timeAggregation: 'latest' },
      ]) {
        const res = await admin.call('POST', '/api/v1/indicators', { ...pct, ...body });
        assert.equal(res.status, 201, JSON.stringify(res.json));
      }
      const created = await coordinator.call('POST', '/api/v1/forms', {
        code: form,
        name: 'Báo cáo tháng chỉ tiêu chuyển đổi số cấp xã (kiểm thử)',
        periodType: 'month',
        deadlineOffsetDays: 10,
        firstPeriod: start,
        items: [{ indicator: 'E2E.HS_TT' }, { indicator: 'E2E.HSCV' }, { indicator: 'E2E.TK_TT' }, { indicator: 'E2E.DANH_TINH', required: false }],
        rules: [{ expression: 'E2E.DANH_TINH_den = E2E.TK_TT_den', message: 'Dân số (mẫu số) của hai chỉ tiêu phải là cùng một số.' }],
        assignments: [{ kind: 'level', orgUnit: CITY, level: 'commune' }],
      });
      assert.equal(created.status, 201, JSON.stringify(created.json));
    }

    // The report due: the demo's October 2025 when the inbox lists it (on the demo's days), else the newest not started.
    const inbox = await reporterApi.call('GET', `/api/v1/inbox?form=${form}&orgUnit=${WARD}`);
    assert.equal(inbox.status, 200, JSON.stringify(inbox.json));
    const open = inbox.json.items.filter((i: { status: string }) => i.status === 'not_started');
    const due = open.find((i: { period: { id: string } }) => i.period.id === DEMO_PERIOD) ?? open[open.length - 1];
    assert.ok(due, `the inbox of ${WARD} lists a report of ${form} not started`);
    period = due.period.id;
    year = Number(period.slice(0, 4));

    const view = await reporterApi.call('GET', submissionUrl());
    assert.equal(view.status, 200, JSON.stringify(view.json));
    items = view.json.items;
    assert.ok(items.length >= 2 && items.every((i) => i.indicator.spaceAggregation === 'ratio' && i.indicator.unit === '%'), `${form}: the test fills % ratios`);
    first = items[0]!;
    const definition = await admin.call('GET', `/api/v1/indicators/${encodeURIComponent(first.indicator.code)}`);
    assert.equal(definition.json.timeAggregation, 'sum', 'the first item is a flow: its year figure at the city adds up every report');

    await worker.idle();
    let before = await cityFigure();
    if (before.denominator === 0) {
      // Away from the demo's days the year may hold no figure yet: another ward reports first, so the
      // city's figure starts above zero.
      const other = await admin.call('POST', '/api/v1/data-values', { dataValues: [{ indicator: first.indicator.code, orgUnit: '11413', period, numerator: 500, denominator: 800 }] });
      assert.equal(other.status, 200, JSON.stringify(other.json));
      for (let i = 0; i < 50 && before.denominator === 0; i++) {
        await worker.idle();
        before = await cityFigure();
      }
    }
    cityBefore = { numerator: before.numerator, denominator: before.denominator };
  });

  after(async () => {
    await worker?.stop();
    await h?.close();
  });

  it('shows the city leader the year’s figure before the ward reports', async () => {
    const page = await h.newPage();
    await h.login(page, 'lanhdao', DEMO_PASSWORD);
    await page.goto(indicatorPage());
    await page.getByTestId('indicator-unit-name').getByText('Thành phố Hải Phòng').waitFor();
    const kpis = page.getByTestId('indicator-kpis');
    if (cityBefore.denominator > 0) {
      await kpis.getByTestId('indicator-kpi-parts').getByText(`${vi(cityBefore.numerator)} / ${vi(cityBefore.denominator)}`).waitFor();
      seenBefore = parts(await kpis.getByTestId('indicator-kpi-parts').innerText());
    } else {
      await kpis.locator('.indicator-kpi-value').first().getByText('—').waitFor();
    }
    await page.context().close();
  });

  it('lets the reporter find the report, fill it with the keyboard and a paste from Excel, and submit once valid', async () => {
    const page = await h.newPage();
    await h.login(page, 'baocao', DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.getByTestId('side-menu').getByText('Báo cáo', { exact: true }).click();
    await page.waitForURL(/\/reports$/);
    await page.getByRole('heading', { name: 'Hộp báo cáo' }).waitFor();
    const row = page.locator(`[data-testid="inbox-row"][data-report="${form}|${WARD}|${period}"]`);
    await row.waitFor();
    await row.getByText('Chưa bắt đầu').waitFor();
    await row.getByText(WARD_NAME).waitFor();
    await row.getByText(monthLabel()).waitFor();
    await page.getByTestId('inbox-counts').getByText(/^\d+ báo cáo$/).waitFor();
    await shot(page, 'reports-inbox-desktop');

    await row.getByTestId('inbox-link').click();
    await page.waitForURL(new RegExp(`/reports/${form}/${WARD}/${period}$`));
    await page.getByTestId('entry-unit').getByText(WARD_NAME).waitFor();
    await page.getByTestId('entry-period').getByText(monthLabel()).waitFor();
    await page.getByTestId('entry-header').getByTestId('submission-status').getByText('Chưa bắt đầu').waitFor();

    // The keyboard: the first item with a numerator above its denominator, Tab across.
    const code = (i: number) => items[i]!.indicator.code;
    await page.locator(cellSel(code(0), 'numerator')).click();
    await page.keyboard.type('1.500');
    await page.keyboard.press('Tab');
    assert.equal(await activeCell(page), `${code(0)}:cell-denominator`, 'Tab moves across');
    await page.keyboard.type(vi(FIRST.denominator));
    const firstError = page.locator(`[data-testid="cell-error"][data-indicator="${code(0)}"][data-column="numerator"]`);
    await firstError.getByText('Tử số lớn hơn mẫu số').waitFor();
    // Enter goes down, arrows move, Tab runs on to the next row.
    await page.keyboard.press('Enter');
    assert.equal(await activeCell(page), `${code(1)}:cell-denominator`, 'Enter moves down');
    await page.keyboard.press('ArrowUp');
    assert.equal(await activeCell(page), `${code(0)}:cell-denominator`, 'ArrowUp moves up');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await activeCell(page), `${code(0)}:cell-numerator`, 'ArrowLeft moves left');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    assert.equal(await activeCell(page), `${code(1)}:cell-numerator`, 'Tab after the comment goes to the next row');
    const half = Math.ceil(items.length / 2);
    for (let i = 1; i < half; i++) {
      const f = figuresOf(i);
      await page.keyboard.type(vi(f.numerator));
      await page.keyboard.press('Tab');
      await page.keyboard.type(vi(f.denominator));
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
    }
    assert.equal(await activeCell(page), `${code(half)}:cell-numerator`);

    // The rest pasted as a block copied from Excel (Tử số, Mẫu số, Ghi chú), numbers in both formats.
    const block = items
      .slice(half)
      .map((_item, j) => {
        const f = figuresOf(half + j);
        const n = j % 2 === 0 ? vi(f.numerator) : String(f.numerator); // "40.777" and plain "40888"
        return `${n}\t${vi(f.denominator)}\t${j === 0 ? 'Theo số liệu của Công an phường' : ''}`;
      })
      .join('\r\n');
    await pasteInto(page, cellSel(code(half), 'numerator'), `${block}\r\n`);
    assert.equal(await page.locator(cellSel(code(half), 'numerator')).inputValue(), vi(figuresOf(half).numerator));
    assert.equal(await page.locator(cellSel(code(half), 'comment')).inputValue(), 'Theo số liệu của Công an phường');
    const last = items.length - 1;
    assert.equal(await page.locator(cellSel(code(last), 'denominator')).inputValue(), vi(figuresOf(last).denominator));

    // Submitting is refused while a cell is wrong, and nothing is sent.
    await page.getByTestId('submit-report').click();
    await page.getByTestId('submit-refused').getByText('Chưa nộp được báo cáo: 1 lỗi cần sửa.').waitFor();
    assert.equal(await activeCell(page), `${code(0)}:cell-numerator`, 'the wrong cell takes the focus');
    await page.getByTestId('entry-header').getByTestId('submission-status').getByText('Chưa bắt đầu').waitFor();
    assert.equal((await reporterApi.call('GET', submissionUrl())).json.status, 'not_started', 'nothing was stored');
    await shot(page, 'reports-entry-error-desktop');

    // Fix it: the error goes, the % is computed. (The full-page screenshot may take the focus away.)
    await page.locator(cellSel(code(0), 'numerator')).fill(vi(FIRST.numerator));
    await firstError.waitFor({ state: 'detached' });
    const percent = `${vi(Math.round((10_000 * FIRST.numerator) / FIRST.denominator) / 100)}%`;
    await page.locator(`[data-testid="cell-computed"][data-indicator="${code(0)}"]`).getByText(percent).waitFor();

    // Save the draft, then submit.
    await page.getByTestId('save-draft').click();
    await page.getByTestId('entry-header').getByTestId('submission-status').getByText('Đang soạn').waitFor();
    const draft = await reporterApi.call('GET', submissionUrl());
    assert.equal(draft.json.status, 'draft');
    const staged = draft.json.items.map((i: { staged: { numerator: number; denominator: number } }) => [i.staged.numerator, i.staged.denominator]);
    assert.deepEqual(staged, items.map((_i, index) => [figuresOf(index).numerator, figuresOf(index).denominator]));
    assert.equal(draft.json.items[half].staged.comment, 'Theo số liệu của Công an phường');

    await page.getByTestId('submit-report').click();
    await page.getByTestId('submit-confirm').click();
    await page.getByTestId('entry-header').getByTestId('submission-status').getByText('Đã nộp, chờ duyệt').waitFor();
    await page.getByTestId('entry-note').getByText('đang chờ phê duyệt; số liệu đã khóa', { exact: false }).waitFor();
    assert.equal(await page.locator('input[data-testid="cell-numerator"]').count(), 0, 'a submitted report is read-only');
    await page.getByTestId('submission-events').getByText('Nộp báo cáo').waitFor();
    assert.equal((await reporterApi.call('GET', submissionUrl())).json.status, 'submitted');
    await shot(page, 'reports-entry-submitted-desktop');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('lets the approver approve from the queue; the cell history shows the change', async () => {
    const page = await h.newPage();
    await h.login(page, approver, DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.goto(`${h.baseUrl}/reports/approvals`);
    const row = page.locator(`[data-testid="approval-row"][data-report="${form}|${WARD}|${period}"]`);
    await row.waitFor();
    await row.getByText('Phạm Thị Báo').waitFor();
    await shot(page, 'reports-approvals-desktop');
    await row.getByTestId('approval-link').click();
    await page.waitForURL(new RegExp(`/reports/${form}/${WARD}/${period}$`));
    const c = first.indicator.code;
    await page.locator(`[data-testid="cell-numerator"][data-indicator="${c}"]`).getByText(vi(FIRST.numerator)).waitFor();

    // Before the approval the figure is a draft only: nothing in the cell's history yet.
    const history = page.locator(`[data-testid="cell-history-button"][data-indicator="${c}"]`);
    await history.click();
    const drawer = page.getByTestId('cell-history');
    await drawer.getByTestId('history-draft').getByText(`${vi(FIRST.numerator)} / ${vi(FIRST.denominator)}`, { exact: false }).waitFor();
    await drawer.getByTestId('history-current').getByText('Chưa có').waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    await page.getByTestId('approve-report').click();
    await page.getByTestId('approve-confirm').click();
    await page.getByTestId('entry-header').getByTestId('submission-status').getByText('Đã phê duyệt').waitFor();
    await page.locator(`[data-testid="grid-row"][data-indicator="${c}"] [data-testid="cell-stored"]`).getByText(`${vi(FIRST.numerator)} / ${vi(FIRST.denominator)}`).waitFor();

    await history.click();
    await drawer.getByTestId('history-current').getByText(`${vi(FIRST.numerator)} / ${vi(FIRST.denominator)}`, { exact: false }).waitFor();
    const change = drawer.getByTestId('history-item').first();
    await change.getByText('Thêm mới').waitFor();
    await change.getByText(`${vi(FIRST.numerator)} / ${vi(FIRST.denominator)}`, { exact: false }).waitFor();
    await change.getByText('Biểu mẫu báo cáo', { exact: false }).waitFor();
    await change.getByText('Phạm Thị Báo', { exact: false }).waitFor();
    await shot(page, 'reports-history-desktop', false);
    await page.keyboard.press('Escape');
    assert.equal((await reporterApi.call('GET', submissionUrl())).json.status, 'approved');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('shows the city leader the new figure, exactly the ward’s numbers more, and the ward in the compliance page', async () => {
    // The rollup worker carries the approved figures to the city.
    let after = await cityFigure();
    for (let i = 0; i < 50 && after.numerator === cityBefore.numerator; i++) {
      await worker.idle();
      await new Promise((r) => setTimeout(r, 100));
      after = await cityFigure();
    }
    assert.deepEqual([after.numerator - cityBefore.numerator, after.denominator - cityBefore.denominator], [FIRST.numerator, FIRST.denominator], 'the API’s city figure');

    const page = await h.newPage();
    await h.login(page, 'lanhdao', DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.goto(indicatorPage());
    await page.getByTestId('indicator-unit-name').getByText('Thành phố Hải Phòng').waitFor();
    const kpis = page.getByTestId('indicator-kpis');
    const shown = kpis.getByTestId('indicator-kpi-parts');
    await shown.getByText(`${vi(after.numerator)} / ${vi(after.denominator)}`).waitFor();
    const seen = parts(await shown.innerText());
    assert.deepEqual([seen.numerator - seenBefore.numerator, seen.denominator - seenBefore.denominator], [FIRST.numerator, FIRST.denominator], 'what the leader sees grew by what the ward entered');
    await kpis.locator('.indicator-kpi-value').first().getByText(`${vi(Math.round(after.value! * 100) / 100)}%`, { exact: true }).waitFor();
    // The ward's own figure for the month, in the table by unit.
    await page.goto(`${indicatorPage()}&period=${period}`);
    await page.getByTestId('breakdown-period').getByText(monthLabel()).waitFor();
    await page.getByTestId('unit-breakdown').locator(`tr[data-unit="${WARD}"]`).getByText(`${vi(FIRST.numerator)} / ${vi(FIRST.denominator)}`).waitFor();
    await shot(page, 'reports-city-figure-desktop', false);

    // Compliance: Báo cáo opens there for a leader; the ward's report is approved.
    await page.getByTestId('side-menu').getByText('Báo cáo', { exact: true }).click();
    await page.waitForURL(/\/reports\/compliance/);
    await page.goto(`${h.baseUrl}/reports/compliance?form=${form}&period=${period}&unit=${CITY}`);
    const wardRow = page.getByTestId('compliance-table').locator(`tr[data-unit="${WARD}"]`);
    await page.getByTestId('compliance-search').fill('duong kinh');
    await wardRow.getByText('Đã phê duyệt').waitFor();
    const compliance = await admin.call('GET', `/api/v1/compliance?form=${form}&period=${period}&orgUnit=${CITY}`);
    await page.getByTestId('compliance-expected').getByText(String(compliance.json.totals.expected), { exact: true }).waitFor();
    await page.getByTestId('compliance-approved').getByText(String(compliance.json.totals.approved), { exact: true }).waitFor();
    await page.getByTestId('compliance-chart').locator('canvas').first().waitFor();
    await page.getByTestId('compliance-search').fill('');
    await page.waitForTimeout(500); // the chart's entry animation, for the screenshot
    await shot(page, 'reports-compliance-desktop');
    await page.getByTestId('compliance-search').fill('duong kinh');
    await wardRow.click();
    await page.waitForURL(new RegExp(`/reports/${form}/${WARD}/${period}$`));
    await page.getByTestId('entry-header').getByTestId('submission-status').getByText('Đã phê duyệt').waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('reopens the approved report (coordinator), takes it back filled offline through the Excel template, and returns it with a reason', async () => {
    const reportPath = `${h.baseUrl}/reports/${form}/${WARD}/${period}`;
    const c = first.indicator.code;

    // The coordinator reopens the approved report, with a reason.
    const coordinator = await h.newPage();
    await h.login(coordinator, 'dieuphoi', DEMO_PASSWORD);
    const coordinatorErrors = watchErrors(coordinator);
    await coordinator.goto(reportPath);
    await coordinator.getByTestId('reopen-report').click();
    await coordinator.getByTestId('reason-input').fill('Sở Nội vụ đề nghị rà soát lại số hồ sơ xử lý trực tuyến.');
    await coordinator.locator('.ant-modal-footer').getByRole('button', { name: 'Mở lại' }).click();
    await coordinator.getByTestId('entry-header').getByTestId('submission-status').getByText('Bị trả lại').waitFor();
    await coordinator.getByTestId('submission-events').getByText('Sở Nội vụ đề nghị rà soát lại', { exact: false }).waitFor();
    assert.deepEqual(coordinatorErrors, []);
    await coordinator.context().close();

    // The reporter sees why in the inbox, downloads the template, fills it offline and uploads it.
    const page = await h.newPage();
    await h.login(page, 'baocao', DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.goto(`${h.baseUrl}/reports`);
    const row = page.locator(`[data-testid="inbox-row"][data-report="${form}|${WARD}|${period}"]`);
    await row.getByTestId('inbox-return-reason').getByText('Sở Nội vụ đề nghị rà soát lại', { exact: false }).waitFor();
    await row.getByTestId('inbox-link').click();
    await page.getByTestId('entry-note').getByText('Sở Nội vụ đề nghị rà soát lại', { exact: false }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('download-template').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.getCell('A11').value, c, 'the first item on row 11');
    assert.equal(sheet.getCell('F11').value, FIRST.numerator, 'the template holds the report’s figures');
    const xlsx = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dxpulse-xlsx-')), 'bao-cao.xlsx');
    sheet.getCell('F11').value = 2000; // above the denominator: refused
    await workbook.xlsx.writeFile(xlsx);

    await page.getByTestId('upload-template').click();
    await page.getByTestId('upload-file').locator('input[type=file]').setInputFiles(xlsx);
    await page.getByTestId('upload-error').waitFor();
    await page.getByTestId('import-errors').getByText('2000', { exact: false }).waitFor();
    await page.getByTestId('import-errors').getByText('11', { exact: true }).waitFor();
    assert.equal((await reporterApi.call('GET', submissionUrl())).json.items[0].staged.numerator, FIRST.numerator, 'nothing was stored');
    await shot(page, 'reports-upload-errors-desktop', false);
    sheet.getCell('F11').value = 1250;
    await workbook.xlsx.writeFile(xlsx);
    await page.getByTestId('upload-file').locator('input[type=file]').setInputFiles(xlsx);
    await page.getByTestId('upload-file').waitFor({ state: 'detached' });
    await page.waitForFunction(`document.querySelector(${JSON.stringify(cellSel(c, 'numerator'))})?.value === '1.250'`);
    await page.getByTestId('entry-header').getByTestId('submission-status').getByText('Bị trả lại').waitFor();
    await page.getByTestId('submission-events').getByText('Tải lên tệp Excel', { exact: false }).waitFor();
    await page.getByTestId('submit-report').click();
    await page.getByTestId('submit-confirm').click();
    await page.getByTestId('entry-header').getByTestId('submission-status').getByText('Đã nộp, chờ duyệt').waitFor();
    assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), [], 'nothing but the refused upload');

    // The approver returns it with a reason; the reporter reads it in the inbox.
    const approverPage = await h.newPage();
    await h.login(approverPage, approver, DEMO_PASSWORD);
    await approverPage.goto(reportPath);
    await approverPage.getByTestId('return-report').click();
    await approverPage.locator('.ant-modal-footer').getByRole('button', { name: 'Trả lại' }).click();
    await approverPage.getByText('Hãy nhập lý do.').waitFor(); // a reason is required
    await approverPage.getByTestId('reason-input').fill('Số hồ sơ trực tuyến chưa khớp với Cổng dịch vụ công của thành phố.');
    await approverPage.locator('.ant-modal-footer').getByRole('button', { name: 'Trả lại' }).click();
    await approverPage.getByTestId('entry-header').getByTestId('submission-status').getByText('Bị trả lại').waitFor();
    await approverPage.context().close();
    await page.goto(`${h.baseUrl}/reports`);
    await row.getByTestId('inbox-return-reason').getByText('chưa khớp với Cổng dịch vụ công', { exact: false }).waitFor();
    await row.getByText('Bị trả lại').waitFor();
    await page.context().close();
  });

  it('fits a 360-px phone: inbox cards, the entry grid as cards, compliance', async () => {
    const page = await h.newPage({ width: 360, height: 740 });
    page.on('dialog', (d) => void d.accept()); // leaving a typed grid: the browser asks first
    await h.login(page, 'baocao', DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.goto(`${h.baseUrl}/reports`);
    await page.getByTestId('inbox-cards').waitFor();
    await page.getByTestId('inbox-card').first().waitFor();
    await noHorizontalOverflow(page);
    await shot(page, 'reports-inbox-360');

    // Another report of the form not started: the grid as cards, typed on the phone.
    const inbox = await reporterApi.call('GET', `/api/v1/inbox?form=${form}&orgUnit=${WARD}`);
    const next = inbox.json.items.find((i: { status: string; period: { id: string } }) => i.status === 'not_started' && i.period.id !== period);
    await page.goto(`${h.baseUrl}/reports/${form}/${WARD}/${next ? next.period.id : period}`);
    await page.getByTestId('entry-grid').waitFor();
    // (Without another report due, the one returned above takes values again.)
    const numerator = cellSel(first.indicator.code, 'numerator');
    await page.locator(numerator).fill('1.234,5');
    await page.locator(cellSel(first.indicator.code, 'denominator')).fill('1.000');
    const error = page.locator(`[data-testid="cell-error"][data-indicator="${first.indicator.code}"]`);
    await error.getByText('Tử số lớn hơn mẫu số').waitFor();
    await page.getByTestId('entry-dirty').waitFor();
    // In English the typed numbers follow the switch, and so do the messages.
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.waitForFunction(`document.querySelector(${JSON.stringify(numerator)})?.value === '1,234.5'`);
    await error.getByText('Numerator exceeds denominator').waitFor();
    await page.getByTestId('language-switch').getByText('VI').click();
    await error.getByText('Tử số lớn hơn mẫu số').waitFor();
    assert.equal(await page.locator(numerator).inputValue(), '1.234,5');
    await noHorizontalOverflow(page);
    await shot(page, 'reports-entry-360');
    await page.getByTestId('grid-row').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'reports-entry-360-view', false);
    // Leaving with unsaved changes asks first: stay, then leave.
    const here = page.url();
    await page.getByTestId('entry-back').click();
    const leave = page.locator('.ant-modal-confirm-title').getByText('Rời trang khi chưa lưu?');
    await leave.waitFor();
    await page.getByRole('button', { name: 'Ở lại' }).click();
    await leave.waitFor({ state: 'detached' });
    assert.equal(page.url(), here);
    await page.getByTestId('entry-back').click();
    await page.getByTestId('leave-confirm').click();
    await page.waitForURL((url) => url.pathname === '/reports');

    await page.goto(`${h.baseUrl}/reports/compliance?form=${form}&period=${period}&unit=${WARD}`);
    await page.getByTestId('compliance-table').locator(`tr[data-unit="${WARD}"]`).waitFor();
    await page.getByTestId('compliance-chart').locator('canvas').first().waitFor();
    await page.waitForTimeout(500);
    await noHorizontalOverflow(page);
    await shot(page, 'reports-compliance-360');
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
