/**
 * What a person sees in real Chromium: sign-in, the unit browser and its diacritic-free search, an
 * admin creating a user, and that user seeing only their own subtree — on a desktop and at 360 px.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser.ts';
import { noHorizontalOverflow, shot } from '../helpers/pages.ts';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';


async function searchUnits(page: Page, text: string) {
  await page.getByTestId('unit-search').fill(text);
}

describe('web app in Chromium', () => {
  let h: BrowserHarness;
  before(async () => {
    h = await startBrowserHarness();
  });
  after(() => h.close());

  it('refuses a wrong password with the Vietnamese message, then signs the admin in', async () => {
    const page = await h.newPage();
    await page.goto(`${h.baseUrl}/admin/units`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('login-error').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await page.getByLabel('Mật khẩu').fill(TEST_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/admin\/units/);
    await page.getByTestId('header-user-name').getByText('Quản trị hệ thống').waitFor();
    for (const area of ['Tổng quan', 'Kế hoạch', 'Chỉ tiêu', 'Nhiệm vụ', 'Báo cáo', 'Xếp hạng', 'Quản trị']) {
      await page.getByTestId('side-menu').getByText(area, { exact: true }).first().waitFor();
    }
    await page.context().close();
  });

  it('browses the tree and finds "Phường Dương Kinh" by typing "duong kinh"', async () => {
    const page = await h.newPage();
    await h.login(page, 'admin', TEST_ADMIN_PASSWORD);
    await page.goto(`${h.baseUrl}/admin/units`);
    const tree = page.getByTestId('unit-tree');
    await tree.getByText('Thành phố Hải Phòng').first().waitFor();
    await searchUnits(page, 'duong kinh');
    const results = page.getByTestId('search-results');
    await results.getByText('Phường Dương Kinh').first().click();
    await page.getByTestId('unit-detail-name').getByText('Phường Dương Kinh').waitFor();
    const detail = page.getByTestId('unit-detail');
    await detail.getByText('11692').first().waitFor();
    await detail.getByText('Phường Hoà Nghĩa').first().waitFor(); // lineage: formed from
    await shot(page, 'units-desktop');
    await page.context().close();
  });

  it('lets the admin create a reporter for Phường Dương Kinh who then sees only that ward', async () => {
    const page = await h.newPage();
    await h.login(page, 'admin', TEST_ADMIN_PASSWORD);
    await page.goto(`${h.baseUrl}/admin/users`);
    await page.getByTestId('users-table').getByText('lanhdao').first().waitFor();
    await page.getByTestId('user-create-button').click();
    const form = page.getByTestId('user-form');
    await form.getByLabel('Tên đăng nhập').fill('canbo.duongkinh');
    await form.getByLabel('Họ và tên').fill('Đỗ Thị Cán Bộ');
    await form.getByLabel('Mật khẩu', { exact: true }).fill('MatKhau-DuongKinh-1');
    const confirm = form.getByLabel('Nhập lại mật khẩu');
    if (await confirm.count()) await confirm.fill('MatKhau-DuongKinh-1');
    await form.getByTestId('user-form-unit').click();
    await page.keyboard.type('duong kinh');
    await page.locator('.ant-select-item-option').filter({ hasText: 'Phường Dương Kinh' }).first().click();
    await form.getByTestId('user-form-role').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Cán bộ báo cáo' }).first().click();
    await page.getByRole('button', { name: /^(Tạo|Lưu|Thêm)/ }).last().click();
    await page.getByTestId('users-table').getByText('canbo.duongkinh').waitFor();
    const stored = await h.database.db.selectFrom('users').select(['full_name', 'password_hash']).where('username', '=', 'canbo.duongkinh').executeTakeFirstOrThrow();
    assert.equal(stored.full_name, 'Đỗ Thị Cán Bộ');
    assert.match(stored.password_hash, /^\$argon2id\$/);
    await page.context().close();

    const reporter = await h.newPage();
    await h.login(reporter, 'canbo.duongkinh', 'MatKhau-DuongKinh-1');
    await reporter.goto(`${h.baseUrl}/admin/units`);
    const tree = reporter.getByTestId('unit-tree');
    await tree.getByText('Phường Dương Kinh').first().waitFor();
    assert.equal(await tree.getByText('Thành phố Hải Phòng').count(), 0, 'the city is outside the reporter’s subtree');
    await searchUnits(reporter, 'hai phong');
    const results = reporter.getByTestId('search-results');
    await results.waitFor();
    await reporter.waitForTimeout(800); // debounce + request
    assert.equal(await results.getByText('Thành phố Hải Phòng').count(), 0);
    assert.equal(await results.getByText('Phường Hải An').count(), 0);
    // Administration pages are not offered to a reporter.
    assert.equal(await reporter.getByTestId('side-menu').getByText('Người dùng').count(), 0);
    await reporter.context().close();
  });

  it('works at 360 px: sign-in, menu drawer and the unit browser fit the screen', async () => {
    const page = await h.newPage({ width: 360, height: 740 });
    await page.goto(`${h.baseUrl}/login`);
    await noHorizontalOverflow(page);
    await page.getByLabel('Tên đăng nhập').fill('lanhdao');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${h.baseUrl}/admin/units`);
    await page.getByTestId('unit-tree').getByText('Thành phố Hải Phòng').first().waitFor();
    await noHorizontalOverflow(page);
    await searchUnits(page, 'duong kinh');
    await page.getByTestId('search-results').getByText('Phường Dương Kinh').first().click();
    await page.getByTestId('unit-detail-name').getByText('Phường Dương Kinh').waitFor();
    await noHorizontalOverflow(page);
    await shot(page, 'units-360');
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-drawer').getByText('Tổng quan').first().waitFor();
    await page.context().close();
  });
});
