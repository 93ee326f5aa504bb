/**
 * Xếp hạng in real Chromium: the leader (lanhdao) sees the demo's commune ranking with its change
 * arrows, a model with a shared rank (15, 15, 17) and a unit's pillar breakdown, without the
 * coordinator's buttons; the coordinator (dieuphoi) edits a pillar's weight and sees the ranking
 * change, is told in Vietnamese why a weight of 0 is refused, and publishes the year; at 360 px the
 * page does not overflow. Screenshots go to test-results/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { apiSession, noHorizontalOverflow, shot, watchErrors } from '../helpers/pages.ts';

describe('rankings page', () => {
  let h: BrowserHarness;
  let tieModel: number;
  let demoModel: number;

  before(async () => {
    h = await startBrowserHarness();
    const db = h.database.db;
    const city = await db.selectFrom('org_units').select('id').where('code', '=', '31').where('closed_on', 'is', null).executeTakeFirstOrThrow();
    const indicator = await db.selectFrom('indicators').select('id').where('code', '=', 'ATTT.HTTT_CAP_DO').executeTakeFirstOrThrow();
    demoModel = (await db.selectFrom('index_models').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    // Stepwise points give many communes the same score: a shared rank is certain.
    const coordinator = await apiSession(h.baseUrl, 'dieuphoi', DEMO_PASSWORD);
    const res = await coordinator.call('POST', '/api/v1/index-models', {
      name: 'Xếp hạng thử theo ngưỡng an toàn thông tin',
      anchorUnitId: city.id,
      unitKinds: ['commune', 'ward', 'special_zone'],
      pillars: [{ name: 'An toàn thông tin mạng', weight: 1, components: [{ indicatorId: indicator.id, maxPoints: 100, normalisation: 'thresholds', params: { steps: [{ from: 50, points: 50 }, { from: 100, points: 100 }] } }] }],
    });
    assert.equal(res.status, 201, JSON.stringify(res.json));
    tieModel = res.json.id;
  });
  after(() => h?.close());

  const rows = (page: Page) => page.getByTestId('ranking-row');
  const rowData = async (page: Page) =>
    page.$$eval('[data-testid="ranking-row"]', (els) =>
      els.map((e) => ({ unit: e.getAttribute('data-unit')!, rank: Number(e.getAttribute('data-rank')), score: e.querySelector('[data-testid="ranking-score"]')!.textContent! })),
    );
  const weightInput = (page: Page, n: number) => page.locator('input[data-testid="model-pillar-weight"], [data-testid="model-pillar-weight"] input').nth(n);

  it('shows the leader the ranking, a shared rank and a unit breakdown', async () => {
    const page = await h.newPage();
    await h.login(page, 'lanhdao', DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.goto(`${h.baseUrl}/rankings`);
    await rows(page).first().waitFor();
    assert.match((await page.getByTestId('ranking-model').textContent()) ?? '', /cấp xã/);
    assert.match((await page.getByTestId('ranking-year').textContent()) ?? '', /2025/);
    assert.equal(await page.getByTestId('ranking-status').getAttribute('data-published'), 'false');
    const first = await rowData(page);
    assert.equal(first.length, 50, 'first page of 114');
    assert.equal(first[0]!.rank, 1);
    assert.ok(first.every((r, i) => i === 0 || r.rank >= first[i - 1]!.rank));
    assert.ok((await page.locator('[data-testid="ranking-change"][data-change]:not([data-change=""])').count()) > 0, 'changes against 2024');
    assert.equal(await page.getByTestId('ranking-publish').count(), 0, 'leaders do not publish');
    assert.equal(await page.getByTestId('model-edit').count(), 0);
    await shot(page, 'rankings-leader');

    // The published 2024 ranking.
    await page.goto(`${h.baseUrl}/rankings?model=${demoModel}&year=2024`);
    await page.locator('[data-testid="ranking-status"][data-published="true"]').waitFor();

    // A model where scores tie: equal ranks, and the next rank skips.
    await page.goto(`${h.baseUrl}/rankings?model=${tieModel}&year=2025`);
    await rows(page).first().waitFor();
    await page.waitForFunction(`document.querySelector('[data-testid="ranking-model"]')?.textContent?.includes('ngưỡng')`);
    const tied = await rowData(page);
    const shared = tied.filter((r) => tied.filter((x) => x.rank === r.rank).length > 1);
    assert.ok(shared.length >= 2, 'two units share a rank');
    const ranks = [...new Set(tied.map((r) => r.rank))];
    const n = tied.filter((r) => r.rank === ranks[0]).length;
    if (ranks.length > 1) assert.equal(ranks[1], 1 + n, 'competition ranking skips');

    // A unit's breakdown: pillars against the average.
    await page.goto(`${h.baseUrl}/rankings?model=${demoModel}&year=2025`);
    await rows(page).nth(2).click();
    const unit = await rows(page).nth(2).getAttribute('data-unit');
    const breakdown = page.getByTestId('ranking-breakdown');
    await breakdown.waitFor();
    assert.equal(await breakdown.getAttribute('data-unit'), unit);
    await breakdown.getByTestId('ranking-chart').waitFor();
    assert.equal(await breakdown.getByTestId('ranking-component').count(), 12);
    await shot(page, 'rankings-breakdown');
    assert.deepEqual(errors, []);
  });

  it('lets the coordinator change a weight, refuses a bad one in Vietnamese, and publish', async () => {
    const page = await h.newPage();
    await h.login(page, 'dieuphoi', DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.goto(`${h.baseUrl}/rankings?model=${demoModel}&year=2025`);
    await rows(page).first().waitFor();
    const before = await rowData(page);

    // A weight of 0 is refused with the server's Vietnamese message; nothing changes.
    await page.getByTestId('model-edit').click();
    await page.getByTestId('model-editor').waitFor();
    await weightInput(page, 0).fill('0');
    await page.getByTestId('model-save').click();
    const error = page.getByTestId('model-form-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /Trọng số của trụ cột «Nhận thức số» phải lớn hơn 0\./);
    await shot(page, 'rankings-editor-error');

    // Nhận thức số weighs 5 instead of 0,1: the ranking changes.
    await weightInput(page, 0).fill('5');
    await page.getByTestId('model-save').click();
    await page.getByTestId('model-editor').waitFor({ state: 'detached' });
    // The first row's unit or score is no longer what it was.
    const was = JSON.stringify(before[0]!);
    await page.waitForFunction(`(() => {
      const b = ${was};
      const first = document.querySelector('[data-testid="ranking-row"]');
      const score = first?.querySelector('[data-testid="ranking-score"]')?.textContent;
      return !!first && (first.getAttribute('data-unit') !== b.unit || score !== b.score);
    })()`);
    const after = await rowData(page);
    assert.notDeepEqual(after.map((r) => [r.unit, r.score]), before.map((r) => [r.unit, r.score]));

    // Publish 2025: the status says so and the button becomes "Hủy công bố".
    await page.getByTestId('ranking-publish').click();
    await page.getByTestId('ranking-publish-ok').click();
    await page.locator('[data-testid="ranking-status"][data-published="true"]').waitFor();
    await page.getByTestId('ranking-unpublish').waitFor();
    await shot(page, 'rankings-published');
    assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), [], 'only the refused save failed');
  });

  it('fits a 360 px phone', async () => {
    const page = await h.newPage({ width: 360, height: 780 });
    await h.login(page, 'lanhdao', DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.goto(`${h.baseUrl}/rankings?model=${demoModel}&year=2025`);
    await rows(page).first().waitFor();
    await noHorizontalOverflow(page);
    await rows(page).first().click();
    await page.getByTestId('ranking-breakdown').waitFor();
    await noHorizontalOverflow(page);
    await shot(page, 'rankings-360');
    assert.deepEqual(errors, []);
  });
});
