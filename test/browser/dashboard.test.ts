/**
 * Tổng quan in real Chromium on the demo: the leader (lanhdao) opens the dashboard and sees the
 * target tiles by pillar with their status colours, the overdue tasks and the compliance chart;
 * clicks a unit (a compliance bar, then a row of the units below) to drill down — the breadcrumb
 * and the ward's own figures follow, and the back button climbs back up; a ward user (baocao) sees
 * only their ward; at 360 px nothing overflows. Screenshots go to test-results/ (dashboard.png is the
 * README's).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { apiSession, noHorizontalOverflow, shot, watchErrors, type ApiSession } from '../helpers/pages.ts';

const STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'];

/** The dashboard has loaded the figures of `unitId` (when given) and is not fetching. */
async function loaded(page: Page, unitId?: number) {
  const sel = unitId === undefined ? '[data-testid="dashboard"][data-unit]:not([data-loading])' : `[data-testid="dashboard"][data-unit="${unitId}"]:not([data-loading])`;
  await page.locator(sel).waitFor();
}

const crumbs = async (page: Page) => (await page.getByTestId('dashboard-crumb').allTextContents()).map((s) => s.trim());
/** Real (non-benign) page errors: a missing rankings module answers 404, which the card handles. */
const realErrors = (errors: string[]) => errors.filter((e) => !/status of (401|404)/.test(e));

describe('Tổng quan (dashboard)', () => {
  let h: BrowserHarness;
  let leaderApi: ApiSession;
  let cityId: number;
  let wardId: number;

  before(async () => {
    h = await startBrowserHarness();
    leaderApi = await apiSession(h.baseUrl, 'lanhdao', DEMO_PASSWORD);
    cityId = (await h.database.db.selectFrom('org_units').select('id').where('name', '=', 'Thành phố Hải Phòng').executeTakeFirstOrThrow()).id;
    wardId = (await h.database.db.selectFrom('org_units').select('id').where('name', '=', 'Phường Dương Kinh').where('closed_on', 'is', null).executeTakeFirstOrThrow()).id;
  });
  after(() => h?.close());

  it('the leader sees pillar tiles with status colours, the overdue list and the compliance chart; drills down and back', async () => {
    const page = await h.newPage({ width: 1280, height: 900 });
    const errors = watchErrors(page);
    await h.login(page, 'lanhdao', DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}/`);
    await loaded(page, cityId);
    assert.deepEqual(await crumbs(page), ['Thành phố Hải Phòng']);
    await page.getByTestId('dashboard-plan').getByText('227/KH-UBND').waitFor();

    // Pillars and tiles with a status colour.
    const pillars = await page.getByTestId('dashboard-pillar').evaluateAll((els) => els.map((e) => e.getAttribute('data-pillar')));
    assert.ok(pillars.includes('chinh_quyen_so') && pillars.includes('xa_hoi_so'), pillars.join());
    await page.getByTestId('dashboard-pillar').first().getByText('Chính quyền số').waitFor();
    const tiles = page.getByTestId('dashboard-tile');
    assert.ok((await tiles.count()) >= 8, `${await tiles.count()} tiles`);
    // A string, as the test project's types have no DOM: each tile's status and its left border's colour.
    const statuses = (await page.evaluate(
      '[...document.querySelectorAll(\'[data-testid="dashboard-tile"]\')].map((e) => [e.getAttribute("data-status"), getComputedStyle(e).borderLeftColor])',
    )) as [string | null, string][];
    for (const [status, colour] of statuses) {
      assert.ok(STATUSES.includes(status!), String(status));
      assert.notEqual(colour, 'rgba(0, 0, 0, 0)');
    }
    assert.ok(statuses.some(([s]) => s === 'achieved') && statuses.some(([s]) => s !== 'achieved'), 'a mix of statuses');
    // The tile's figure is the API's, written the Vietnamese way.
    const api = (await leaderApi.call('GET', '/api/v1/dashboard')).json;
    const first = api.pillars[0].tiles.find((t: { mode: string; actual: number | null }) => t.mode === 'unit' && t.actual !== null);
    const tile = page.locator(`[data-testid="dashboard-tile"][data-indicator="${first.indicator.code}"]`).first();
    const shown = (await tile.getByTestId('dashboard-tile-actual').textContent())!;
    assert.equal(shown, `${first.actual.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`);
    await tile.getByTestId('dashboard-tile-forecast').hover();
    await page.locator('.ant-tooltip').getByText(/xu hướng|giá trị gần nhất|đủ đến hạn/).waitFor();

    // Tasks, the overdue list, compliance and the ranking card (or its calm empty state).
    assert.equal(Number(await page.getByTestId('dashboard-tasks-summary').getAttribute('data-assigned')), api.tasks.total.assigned);
    await page.getByTestId('dashboard-tasks-donut').locator('canvas').waitFor();
    const overdue = page.getByTestId('dashboard-overdue-item');
    assert.equal(await overdue.count(), Math.min(10, api.tasks.overdueCount));
    assert.match((await overdue.first().textContent())!, /Quá hạn \d+ ngày/);
    await page.getByTestId('dashboard-compliance-chart').locator('canvas').waitFor();
    assert.equal(Number(await page.getByTestId('dashboard-compliance-summary').getAttribute('data-missing')), api.compliance.totals.missing);
    await page.getByTestId('dashboard-ranking').waitFor();
    await page.locator('[data-testid="dashboard-ranking-empty"], [data-testid="dashboard-ranking-top"]').first().waitFor();
    await page.mouse.move(0, 0);
    await page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').waitFor({ state: 'hidden' }).catch(() => {});
    await page.waitForTimeout(400); // charts settle before the picture
    await shot(page, 'dashboard');

    // Drill down through the compliance chart's unit (the bar's button twin).
    const bar = page.getByTestId('dashboard-compliance-unit').first();
    const barUnit = Number(await bar.getAttribute('data-unit'));
    await bar.click();
    await loaded(page, barUnit);
    assert.equal(new URL(page.url()).searchParams.get('unit'), String(barUnit));
    assert.equal((await crumbs(page)).length, 2);
    await page.goBack();
    await loaded(page, cityId);
    assert.deepEqual(await crumbs(page), ['Thành phố Hải Phòng']);

    // Drill down through the table of units below: Phường Dương Kinh, its own figures.
    await page.locator('input[data-testid="dashboard-child-search"], [data-testid="dashboard-child-search"] input').first().fill('duong kinh');
    await page.locator(`[data-testid="dashboard-child"][data-unit="${wardId}"]`).getByTestId('dashboard-child-link').click();
    await loaded(page, wardId);
    assert.deepEqual(await crumbs(page), ['Thành phố Hải Phòng', 'Phường Dương Kinh']);
    const ward = (await leaderApi.call('GET', `/api/v1/dashboard?unitId=${wardId}&planId=${api.plan.id}&year=${api.year}`)).json;
    assert.equal(Number(await page.getByTestId('dashboard-tasks-summary').getAttribute('data-assigned')), ward.tasks.total.assigned);
    assert.equal(Number(await page.getByTestId('dashboard-compliance-summary').getAttribute('data-on-time')), ward.compliance.totals.onTime);
    for (const item of await page.getByTestId('dashboard-overdue-item').all()) assert.match((await item.textContent())!, /Phường Dương Kinh/);
    await shot(page, 'dashboard-ward');
    // The breadcrumb climbs back, and so does the back button.
    await page.goBack();
    await loaded(page, cityId);
    await page.goForward();
    await loaded(page, wardId);
    await page.getByTestId('dashboard-crumb').first().click();
    await loaded(page, cityId);
    assert.deepEqual(realErrors(errors), []);
    await page.context().close();
  });

  it('a ward user sees only their own ward', async () => {
    const page = await h.newPage();
    await h.login(page, 'baocao', DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}/`);
    await loaded(page, wardId);
    assert.deepEqual(await crumbs(page), ['Phường Dương Kinh']);
    await page.getByTestId('dashboard-plan').getByText('35/KH-UBND').waitFor();
    assert.ok((await page.getByTestId('dashboard-tile').count()) > 0);
    // Asking for the city shows the refusal, not the city's figures.
    await page.goto(`${h.baseUrl}/?unit=${cityId}`);
    await page.getByText(/không có quyền|ngoài phạm vi|Thành phố Hải Phòng/i).first().waitFor();
    assert.equal(await page.locator(`[data-testid="dashboard"][data-unit="${cityId}"]`).count(), 0);
    await page.context().close();
  });

  it('fits a 360-px phone: tiles stack, charts shrink, no horizontal overflow', async () => {
    const page = await h.newPage({ width: 360, height: 740 });
    await h.login(page, 'lanhdao', DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}/`);
    await loaded(page, cityId);
    await page.getByTestId('dashboard-compliance-chart').locator('canvas').waitFor();
    await page.waitForTimeout(300);
    await noHorizontalOverflow(page);
    const boxes = await page.getByTestId('dashboard-tile').evaluateAll((els) => els.slice(0, 3).map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, w: r.width })));
    assert.ok(boxes.every((b) => b.x === boxes[0]!.x), 'tiles stack in one column');
    assert.ok(boxes.every((b) => b.w <= 360), 'a tile fits the screen');
    await shot(page, 'dashboard-360');
    const child = page.getByTestId('dashboard-child').first();
    const childId = Number(await child.getAttribute('data-unit'));
    await child.getByTestId('dashboard-child-link').click();
    await loaded(page, childId);
    assert.equal((await crumbs(page)).length, 2);
    await noHorizontalOverflow(page);
    await page.context().close();
  });
});
