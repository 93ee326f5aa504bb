/**
 * The official report in real Chromium (issue 6, points 3–4): the coordinator opens "Lập báo cáo"
 * from the page of KH 215/KH-UBND, picks quý III/2025, edits a narrative, saves the draft (reloaded:
 * the text stays), generates the report with the progress bar showing, and downloads the DOCX (its
 * file name, and it unzips with the narrative inside). The page has no horizontal overflow at 360 px.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { choose, noHorizontalOverflow, shot, watchErrors } from '../helpers/pages.ts';

const NOTE = 'Một số xã chưa cập nhật số liệu kịp thời (kiểm thử trình duyệt).';

describe('official report, in Chromium', () => {
  let h: BrowserHarness;
  let planId: number;

  before(async () => {
    h = await startBrowserHarness();
    planId = (await h.database.db.selectFrom('plans').select('id').where('number', '=', '215/KH-UBND').executeTakeFirstOrThrow()).id;
  });
  after(() => h?.close());

  it('edits, saves, generates with a progress bar and downloads the DOCX', async () => {
    const page = await h.newPage();
    await h.login(page, 'dieuphoi', DEMO_PASSWORD);
    const errors = watchErrors(page);
    await page.goto(`${h.baseUrl}/plans/${planId}`);
    await page.getByTestId('plan-official-report').click();
    await page.waitForURL(`**/plans/${planId}/report**`);
    await choose(page, 'official-report-period', 'Quý III/2025');
    await page.getByTestId('official-report-saved').getByText('Bản nháp điền sẵn từ số liệu').waitFor();

    const shortcomings = page.getByTestId('official-report-narrative-shortcomings');
    assert.match(await shortcomings.inputValue(), /\S/, 'prefilled from the data');
    await shortcomings.fill(NOTE);
    await page.getByTestId('official-report-signer').fill('Trần Thị Kiểm');
    await page.getByTestId('official-report-save').click();
    await page.getByText('Đã lưu nháp báo cáo.').waitFor();
    await page.reload();
    await page.getByTestId('official-report-saved').getByText('Đã lưu nháp bởi').waitFor();
    assert.equal(await page.getByTestId('official-report-narrative-shortcomings').inputValue(), NOTE);

    await page.getByTestId('official-report-generate').click();
    await page.getByTestId('official-report-progress').waitFor();
    await page.locator('[data-testid="official-report-job"][data-status="done"]').waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('official-report-step').textContent(), 'Hoàn tất');
    await shot(page, 'official-report-1280');

    const download = page.waitForEvent('download');
    await page.getByTestId('official-report-download-docx').click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'Bao-cao-215-KH-UBND-2025Q3.docx');
    const zip = await JSZip.loadAsync(fs.readFileSync((await file.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.ok(xml.includes(NOTE));
    assert.ok(xml.includes('Trần Thị Kiểm'));
    assert.deepEqual(errors, []);
  });

  it('fits a 360-px phone', async () => {
    const page = await h.newPage({ width: 360, height: 780 });
    await h.login(page, 'dieuphoi', DEMO_PASSWORD);
    await page.goto(`${h.baseUrl}/plans/${planId}/report?period=2025Q3`);
    await page.getByTestId('official-report-form').waitFor();
    await page.getByTestId('official-report-generate').waitFor();
    await noHorizontalOverflow(page);
    await shot(page, 'official-report-360');
  });
});
