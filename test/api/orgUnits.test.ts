/** Reading the unit tree: search without diacritics, children by kind, pagination, detail with path and lineage, subtree. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';

interface Summary {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  closedOn: string | null;
  childCount: number;
}

describe('org units: reading', () => {
  let api: TestApi;
  let admin: Session;
  let cityId: number;
  let duongKinhId: number;

  const get = async (url: string) => {
    const res = await api.call('GET', url, { as: admin });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json();
  };
  /** Follow nextCursor to the end; fails on a page that repeats a unit. */
  const allPages = async (base: string, limit: number) => {
    const items: Summary[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Summary[]; nextCursor: string | null } = await get(`${base}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.items.length <= limit);
      if (page.nextCursor) assert.equal(page.items.length, limit, 'only the last page is short');
      items.push(...page.items);
      cursor = page.nextCursor;
      pages++;
      assert.ok(pages < 100, 'pagination terminates');
    } while (cursor);
    return { items, pages };
  };

  before(async () => {
    api = await startTestApi();
    admin = await api.login('admin', TEST_ADMIN_PASSWORD);
    const db = api.database.db;
    cityId = (await db.selectFrom('org_units').select('id').where('code', '=', '31').where('closed_on', 'is', null).executeTakeFirstOrThrow()).id;
    duongKinhId = (await db.selectFrom('org_units').select('id').where('code', '=', '11692').where('closed_on', 'is', null).executeTakeFirstOrThrow()).id;
  });
  after(() => api.close());

  it('lists the top of the admin’s scope: the city alone', async () => {
    const body = await get('/api/v1/org-units');
    assert.deepEqual(
      body.items.map((u: Summary) => [u.code, u.name, u.kind, u.parentId]),
      [['31', 'Thành phố Hải Phòng', 'province', null]],
    );
    assert.equal(body.items[0].childCount, 136, '114 communes/wards/special zones + 22 open agencies');
    assert.equal(body.nextCursor, null);
  });

  it('finds "Phường Dương Kinh" first when searching "duong kinh" without diacritics', async () => {
    const body = await get('/api/v1/org-units?q=duong%20kinh');
    assert.ok(body.items.length >= 1);
    const first = body.items[0];
    assert.equal(first.name, 'Phường Dương Kinh');
    assert.equal(first.code, '11692');
    assert.equal(first.kind, 'ward');
    assert.equal(first.parentId, cityId);
    assert.equal(first.closedOn, null);
  });

  it('finds the same unit when the query has diacritics, upper case or extra spaces', async () => {
    for (const q of ['Dương Kinh', 'DUONG   KINH', '  duong kinh  ']) {
      const body = await get(`/api/v1/org-units?q=${encodeURIComponent(q)}`);
      assert.equal(body.items[0]?.name, 'Phường Dương Kinh', q);
    }
  });

  it('finds a unit by its official code', async () => {
    const body = await get('/api/v1/org-units?q=11692');
    assert.deepEqual(body.items.map((u: Summary) => u.name), ['Phường Dương Kinh']);
  });

  it('finds "Thành phố Hải Phòng" first for "hai phong", and agencies named after it after', async () => {
    const body = await get('/api/v1/org-units?q=hai%20phong');
    assert.equal(body.items[0].name, 'Thành phố Hải Phòng');
    assert.equal(body.items[0].kind, 'province');
    const names = body.items.map((u: Summary) => u.name);
    assert.ok(names.includes('Báo Hải Phòng'));
    assert.ok(names.includes('Công an thành phố Hải Phòng'));
    for (const u of body.items as Summary[]) assert.equal(u.closedOn, null, 'closed units stay out unless asked for');
  });

  it('finds a closed unit spelt with the old tone placement ("Hoà") from a query with the new one ("Hòa")', async () => {
    const without = await get(`/api/v1/org-units?q=${encodeURIComponent('Phường Hòa Nghĩa')}`);
    assert.deepEqual(without.items, [], 'closed units are hidden by default');
    const body = await get(`/api/v1/org-units?q=${encodeURIComponent('Phường Hòa Nghĩa')}&includeClosed=true`);
    assert.deepEqual(body.items.map((u: Summary) => [u.code, u.name, u.closedOn]), [['11707', 'Phường Hoà Nghĩa', '2025-06-30']]);
  });

  it('lists the city’s 114 open administrative units and its open agencies as children', async () => {
    const { items } = await allPages(`/api/v1/org-units?parent=${cityId}`, 500);
    const byKind: Record<string, number> = {};
    for (const u of items) byKind[u.kind] = (byKind[u.kind] ?? 0) + 1;
    assert.deepEqual(byKind, { ward: 45, commune: 67, special_zone: 2, department: 14, organization: 5, block: 3 });
    assert.equal(byKind.ward! + byKind.commune! + byKind.special_zone!, 114);
    for (const u of items) {
      assert.deepEqual(Object.keys(u).sort(), ['childCount', 'closedOn', 'code', 'id', 'kind', 'name', 'parentId']);
      assert.equal(typeof u.id, 'number');
      assert.equal(u.parentId, cityId);
      assert.equal(u.closedOn, null);
      assert.ok(u.code.length > 0 && u.name.length > 0);
    }
    const names = items.map((u) => u.name);
    assert.ok(names.includes('Phường Dương Kinh'));
    assert.ok(names.includes('Đặc khu Cát Hải'));
    assert.ok(names.includes('Đặc khu Bạch Long Vĩ'));
    assert.ok(names.includes('Sở Khoa học và Công nghệ'));
    assert.ok(!names.includes('Sở Thông tin và Truyền thông'), 'closed agency hidden');
  });

  it('filters children by kind', async () => {
    const body = await get(`/api/v1/org-units?parent=${cityId}&kind=special_zone`);
    assert.deepEqual(body.items.map((u: Summary) => u.name).sort(), ['Đặc khu Bạch Long Vĩ', 'Đặc khu Cát Hải']);
  });

  it('adds the closed former units and agencies with includeClosed=true', async () => {
    const open = await allPages(`/api/v1/org-units?parent=${cityId}`, 500);
    const all = await allPages(`/api/v1/org-units?parent=${cityId}&includeClosed=true`, 200);
    const closed = all.items.filter((u) => u.closedOn !== null);
    const expected = await sql<{ n: number }>`SELECT count(*)::int AS n FROM org_units WHERE parent_id = ${cityId} AND closed_on IS NOT NULL`.execute(api.database.db);
    assert.equal(closed.length, expected.rows[0]!.n);
    assert.equal(closed.length, 73, '72 former communes split between several new units, and Tỉnh Hải Dương');
    assert.equal(all.items.length, open.items.length + closed.length);
    // A department merged wholly into another hangs under its successor, like a merged commune.
    const skhcn = open.items.find((u) => u.code === '31-SKHCN')!;
    const underSkhcn = await allPages(`/api/v1/org-units?parent=${skhcn.id}&includeClosed=true`, 50);
    const stttt = underSkhcn.items.find((u) => u.code === '31-STTTT');
    assert.equal(stttt?.name, 'Sở Thông tin và Truyền thông');
    assert.equal(stttt?.closedOn, '2025-02-28');
    assert.deepEqual(new Set(all.items.filter((u) => u.closedOn === null).map((u) => u.id)), new Set(open.items.map((u) => u.id)));
  });

  it('pages children with a cursor: no duplicates, no gaps, same set as one big page', async () => {
    const whole = await allPages(`/api/v1/org-units?parent=${cityId}&includeClosed=true`, 100);
    assert.equal(whole.pages, 3, '209 children need three pages of 100');
    const paged = await allPages(`/api/v1/org-units?parent=${cityId}&includeClosed=true`, 37);
    const ids = paged.items.map((u) => u.id);
    assert.equal(new Set(ids).size, ids.length, 'no unit twice');
    assert.deepEqual(ids, whole.items.map((u) => u.id), 'same units in the same order');
    assert.equal(paged.pages, Math.ceil(ids.length / 37));
  });

  it('gives no cursor when everything fits, and ignores a garbage cursor', async () => {
    const page = await get(`/api/v1/org-units?parent=${cityId}&kind=special_zone&limit=2`);
    assert.equal(page.items.length, 2);
    assert.equal(page.nextCursor, null);
    const garbage = await get(`/api/v1/org-units?parent=${cityId}&kind=special_zone&cursor=not-a-cursor`);
    assert.equal(garbage.items.length, 2);
  });

  it('shows Phường Dương Kinh with its path and the former wards it was formed from', async () => {
    const body = await get(`/api/v1/org-units/${duongKinhId}`);
    assert.equal(body.name, 'Phường Dương Kinh');
    assert.equal(body.code, '11692');
    assert.equal(body.kind, 'ward');
    assert.equal(body.validFrom, '2025-07-01');
    assert.equal(body.closedOn, null);
    assert.deepEqual(body.path, [{ id: cityId, code: '31', name: 'Thành phố Hải Phòng' }]);
    const preds = new Map<string, { share: string; closedOn: string; effectiveDate: string; code: string }>(
      body.predecessors.map((p: { name: string }) => [p.name, p]),
    );
    // Listed in folded-name order: "hai thanh" before "hoa nghia".
    assert.deepEqual([...preds.keys()], ['Phường Anh Dũng', 'Phường Hải Thành', 'Phường Hoà Nghĩa', 'Phường Tân Thành']);
    assert.equal(preds.get('Phường Hoà Nghĩa')!.share, 'full');
    assert.equal(preds.get('Phường Hoà Nghĩa')!.code, '11707');
    assert.equal(preds.get('Phường Anh Dũng')!.share, 'partial');
    assert.equal(preds.get('Phường Hải Thành')!.share, 'partial');
    assert.equal(preds.get('Phường Hải Thành')!.code, '11692', 'the new ward kept an old ward’s code');
    assert.equal(preds.get('Phường Tân Thành')!.share, 'partial');
    for (const p of preds.values()) {
      assert.equal(p.closedOn, '2025-06-30');
      assert.equal(p.effectiveDate, '2025-07-01');
    }
    assert.deepEqual(body.successors, []);
  });

  it('shows the closed Sở Thông tin và Truyền thông with Sở Khoa học và Công nghệ as its successor, and the reverse link', async () => {
    const db = api.database.db;
    const stttt = await db.selectFrom('org_units').select('id').where('code', '=', '31-STTTT').executeTakeFirstOrThrow();
    const body = await get(`/api/v1/org-units/${stttt.id}`);
    assert.equal(body.name, 'Sở Thông tin và Truyền thông');
    assert.equal(body.closedOn, '2025-02-28');
    assert.equal(body.successors.length, 1);
    assert.equal(body.successors[0].name, 'Sở Khoa học và Công nghệ');
    assert.equal(body.successors[0].code, '31-SKHCN');
    assert.equal(body.successors[0].share, 'full');
    assert.equal(body.successors[0].closedOn, null);
    const skhcn = await get(`/api/v1/org-units/${body.successors[0].id}`);
    assert.ok(skhcn.predecessors.some((p: { code: string }) => p.code === '31-STTTT'));
  });

  it('answers an unknown unit with a 404 problem', async () => {
    const res = await api.call('GET', '/api/v1/org-units/999999', { as: admin });
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(res.json().detail, 'Không tìm thấy đơn vị có mã định danh 999999.');
  });

  it('returns the subtree with depths, limited by maxDepth', async () => {
    const zero = await get(`/api/v1/org-units/${cityId}/subtree?maxDepth=0`);
    assert.deepEqual(zero.items.map((u: { id: number; depth: number }) => [u.id, u.depth]), [[cityId, 0]]);
    const one = await get(`/api/v1/org-units/${cityId}/subtree?maxDepth=1`);
    assert.equal(one.items.length, 137);
    assert.equal(one.items[0].id, cityId);
    assert.equal(one.items.filter((u: { depth: number }) => u.depth === 1).length, 136);
    const leaf = await get(`/api/v1/org-units/${duongKinhId}/subtree`);
    assert.deepEqual(leaf.items.map((u: { name: string; depth: number }) => [u.name, u.depth]), [['Phường Dương Kinh', 0]]);
    const withClosed = await get(`/api/v1/org-units/${cityId}/subtree?maxDepth=1&includeClosed=true`);
    assert.equal(withClosed.items.length, 137 + 73);
    // Former units that went wholly into one new unit hang under it, so its subtree carries their history.
    const duongKinh = await get(`/api/v1/org-units/${duongKinhId}/subtree?includeClosed=true`);
    assert.deepEqual(
      duongKinh.items.filter((u: { depth: number }) => u.depth === 1).map((u: { name: string; closedOn: string }) => [u.name, u.closedOn]),
      [['Phường Hoà Nghĩa', '2025-06-30']],
    );
  });
});
