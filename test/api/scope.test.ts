/** Unit scope and policies: a ward's reporter sees only the ward, a ward's admin manages only the ward; every refusal changes nothing. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { dbState } from '../helpers/dbState.ts';

describe('scope and policy', () => {
  let api: TestApi;
  let reporter: Session; // baocao, reporter at Phường Dương Kinh
  let wardAdmin: Session; // quantri.duongkinh, admin at Phường Dương Kinh
  let leader: Session; // lanhdao, leader at the city
  let cityId: number;
  let duongKinhId: number;
  let haiAnId: number;
  let lanhdaoId: number;
  let baocaoId: number;

  const idOf = async (code: string) =>
    (await api.database.db.selectFrom('org_units').select('id').where('code', '=', code).where('closed_on', 'is', null).executeTakeFirstOrThrow()).id;
  const userId = async (username: string) => (await api.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

  /** The request must be refused with 403 problem+json, and no stored row (audit included) may change. */
  const forbidden = async (as: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, raw?: { csv: string }) => {
    const before = await dbState(api.database.db);
    const res = raw
      ? await api.call(method, url, { as, raw: raw.csv, headers: { 'content-type': 'text/csv' } })
      : await api.call(method, url, { as, body });
    assert.equal(res.statusCode, 403, `${method} ${url}: ${res.body}`);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    const problem = res.json();
    assert.equal(problem.status, 403);
    assert.equal(problem.title, 'Không có quyền');
    assert.deepEqual(await dbState(api.database.db), before, `${method} ${url} changed nothing`);
    return problem as { detail: string };
  };

  before(async () => {
    api = await startTestApi();
    [reporter, wardAdmin, leader] = [
      await api.login('baocao', DEMO_PASSWORD),
      await api.login('quantri.duongkinh', DEMO_PASSWORD),
      await api.login('lanhdao', DEMO_PASSWORD),
    ];
    cityId = await idOf('31');
    duongKinhId = await idOf('11692');
    haiAnId = await idOf('11413');
    lanhdaoId = await userId('lanhdao');
    baocaoId = await userId('baocao');
  });
  after(() => api.close());

  describe('a reporter of Phường Dương Kinh', () => {
    it('sees only Phường Dương Kinh at the top of the tree', async () => {
      const res = await api.call('GET', '/api/v1/org-units', { as: reporter });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json().items.map((u: { id: number; name: string }) => [u.id, u.name]), [[duongKinhId, 'Phường Dương Kinh']]);
    });

    it('finds nothing outside its subtree when searching', async () => {
      const haiPhong = await api.call('GET', '/api/v1/org-units?q=hai%20phong', { as: reporter });
      assert.equal(haiPhong.statusCode, 200);
      assert.deepEqual(haiPhong.json().items, []);
      const duongKinh = await api.call('GET', '/api/v1/org-units?q=duong%20kinh', { as: reporter });
      assert.deepEqual(duongKinh.json().items.map((u: { id: number }) => u.id), [duongKinhId]);
      const split = await api.call('GET', '/api/v1/org-units?q=anh%20dung&includeClosed=true', { as: reporter });
      assert.deepEqual(split.json().items, [], 'a former ward split between several new ones hangs under the city, outside the scope');
      const closed = await api.call('GET', '/api/v1/org-units?q=hoa%20nghia&includeClosed=true', { as: reporter });
      assert.deepEqual(closed.json().items.map((u: { name: string }) => u.name), ['Phường Hoà Nghĩa'], 'the former ward wholly merged into Dương Kinh is in scope');
      const children = await api.call('GET', `/api/v1/org-units?parent=${cityId}`, { as: reporter });
      assert.equal(children.statusCode, 200);
      assert.deepEqual(children.json().items.map((u: { id: number }) => u.id), [duongKinhId], 'of the city’s children, only its own ward');
      const byKind = await api.call('GET', '/api/v1/org-units?kind=ward', { as: reporter });
      assert.deepEqual(byKind.json().items.map((u: { id: number }) => u.id), [duongKinhId]);
    });

    it('sees the former ward that went wholly into its own, with its history', async () => {
      const hoaNghia = (await api.database.db.selectFrom('org_units').select('id').where('code', '=', '11707').where('closed_on', 'is not', null).executeTakeFirstOrThrow()).id;
      const res = await api.call('GET', `/api/v1/org-units/${hoaNghia}`, { as: reporter });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().name, 'Phường Hoà Nghĩa');
      assert.deepEqual(res.json().successors.map((u: { name: string; share: string }) => [u.name, u.share]), [['Phường Dương Kinh', 'full']]);
    });

    it('gets 403 with a Vietnamese detail for the city and units beside its own', async () => {
      const city = await forbidden(reporter, 'GET', `/api/v1/org-units/${cityId}`);
      assert.equal(city.detail, 'Đơn vị «Thành phố Hải Phòng» nằm ngoài phạm vi được phân quyền của bạn.');
      const neighbour = await forbidden(reporter, 'GET', `/api/v1/org-units/${haiAnId}`);
      assert.equal(neighbour.detail, 'Đơn vị «Phường Hải An» nằm ngoài phạm vi được phân quyền của bạn.');
      await forbidden(reporter, 'GET', `/api/v1/org-units/${cityId}/subtree`);
      const own = await api.call('GET', `/api/v1/org-units/${duongKinhId}`, { as: reporter });
      assert.equal(own.statusCode, 200);
    });

    it('may not write units, users or read the audit trail', async () => {
      const detail = 'Bạn không có quyền thực hiện thao tác này.';
      assert.equal((await forbidden(reporter, 'POST', '/api/v1/org-units', { code: 'R-1', name: 'Tổ mới', kind: 'organization', parentId: duongKinhId })).detail, detail);
      assert.equal((await forbidden(reporter, 'PATCH', `/api/v1/org-units/${duongKinhId}`, { name: 'Phường Đổi Tên' })).detail, detail);
      await forbidden(reporter, 'POST', `/api/v1/org-units/${duongKinhId}/close`, { closedOn: '2025-12-31' });
      await forbidden(reporter, 'POST', '/api/v1/org-units/import', undefined, { csv: 'code,name,kind,parent_code\nR-2,Tổ,organization,11692\n' });
      await forbidden(reporter, 'GET', '/api/v1/users');
      await forbidden(reporter, 'PATCH', `/api/v1/users/${baocaoId}`, { fullName: 'Tự đổi tên' });
      await forbidden(reporter, 'GET', '/api/v1/audit-events');
    });
  });

  describe('a leader of the city', () => {
    it('reads the whole city but may not change units or users', async () => {
      const res = await api.call('GET', `/api/v1/org-units/${haiAnId}`, { as: leader });
      assert.equal(res.statusCode, 200);
      await forbidden(leader, 'POST', '/api/v1/org-units', { code: 'L-1', name: 'Sở mới', kind: 'department', parentId: cityId });
      await forbidden(leader, 'POST', `/api/v1/org-units/${haiAnId}/move`, { parentId: duongKinhId });
      await forbidden(leader, 'POST', '/api/v1/org-units/merge', { sourceIds: [haiAnId], targetId: duongKinhId, effectiveDate: '2025-12-31' });
      await forbidden(leader, 'POST', '/api/v1/users', { username: 'leader.made', fullName: 'X', password: 'MatKhau-ManhMe-1', memberships: [] });
      await forbidden(leader, 'POST', `/api/v1/users/${baocaoId}/memberships`, { orgUnitId: cityId, role: 'leader' });
    });
  });

  describe('an admin of Phường Dương Kinh', () => {
    it('creates a unit under Phường Dương Kinh but gets 403 under the city or at the root', async () => {
      const res = await api.call('POST', '/api/v1/org-units', { as: wardAdmin, body: { code: 'DK-TO1', name: 'Tổ dân phố Hòa Bình', kind: 'organization', parentId: duongKinhId } });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().parentId, duongKinhId);
      const audit = await api.database.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      assert.equal(audit.action, 'orgUnit.create');
      assert.equal(audit.actor_username, 'quantri.duongkinh');

      const city = await forbidden(wardAdmin, 'POST', '/api/v1/org-units', { code: 'DK-SO', name: 'Sở của phường', kind: 'department', parentId: cityId });
      assert.equal(city.detail, 'Đơn vị «Thành phố Hải Phòng» nằm ngoài phạm vi được phân quyền của bạn.');
      await forbidden(wardAdmin, 'POST', '/api/v1/org-units', { code: 'DK-ROOT', name: 'Gốc mới', kind: 'province', parentId: null });
      await forbidden(wardAdmin, 'PATCH', `/api/v1/org-units/${cityId}`, { name: 'Thành phố Đổi Tên' });
      await forbidden(wardAdmin, 'PATCH', `/api/v1/org-units/${haiAnId}`, { name: 'Phường Hải An Mới' });
      await forbidden(wardAdmin, 'POST', `/api/v1/org-units/${res.json().id}/move`, { parentId: haiAnId });
      await forbidden(wardAdmin, 'POST', `/api/v1/org-units/${res.json().id}/close`, { closedOn: '2025-12-31', successorId: haiAnId });
    });

    it('shapes what lies under the ward but may not rename, move or close the ward itself', async () => {
      const own = await forbidden(wardAdmin, 'PATCH', `/api/v1/org-units/${duongKinhId}`, { name: 'Phường Dương Kinh Mới' });
      assert.equal(own.detail, 'Việc đổi tên, chuyển hoặc giải thể «Phường Dương Kinh» cần quyền quản trị ở đơn vị cấp trên.');
      await forbidden(wardAdmin, 'POST', `/api/v1/org-units/${duongKinhId}/close`, { closedOn: '2025-12-31' });
      const child = await api.call('POST', '/api/v1/org-units', { as: wardAdmin, body: { code: 'DK-TO2', name: 'Tổ dân phố số 2', kind: 'organization', parentId: duongKinhId } });
      assert.equal(child.statusCode, 201, child.body);
      const renamed = await api.call('PATCH', `/api/v1/org-units/${child.json().id}`, { as: wardAdmin, body: { name: 'Tổ dân phố Hải Thành' } });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.equal(renamed.json().name, 'Tổ dân phố Hải Thành');
    });

    it('cannot pull a user from outside its scope into the ward by granting a role', async () => {
      const before = await dbState(api.database.db);
      const res = await api.call('POST', `/api/v1/users/${lanhdaoId}/memberships`, { as: wardAdmin, body: { orgUnitId: duongKinhId, role: 'reporter' } });
      assert.equal(res.statusCode, 404, res.body);
      assert.deepEqual(await dbState(api.database.db), before);
    });

    it('lists only the users inside Phường Dương Kinh', async () => {
      const res = await api.call('GET', '/api/v1/users', { as: wardAdmin });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json().items.map((u: { username: string }) => u.username), ['baocao', 'pheduyet.duongkinh', 'quantri.duongkinh']);
      const search = await api.call('GET', '/api/v1/users?q=lanhdao', { as: wardAdmin });
      assert.deepEqual(search.json().items, []);
      const one = await api.call('GET', `/api/v1/users/${lanhdaoId}`, { as: wardAdmin });
      assert.equal(one.statusCode, 404, 'a user outside the scope is not even shown to exist');
    });

    it('cannot reset the password of the city leader nor grant roles above the ward', async () => {
      await forbidden(wardAdmin, 'PATCH', `/api/v1/users/${lanhdaoId}`, { password: 'MatKhauMoi-2025!' });
      await forbidden(wardAdmin, 'PATCH', `/api/v1/users/${lanhdaoId}`, { isActive: false });
      await forbidden(wardAdmin, 'POST', `/api/v1/users/${baocaoId}/memberships`, { orgUnitId: cityId, role: 'admin' });
      await forbidden(wardAdmin, 'POST', '/api/v1/users', {
        username: 'ke.mao.danh',
        fullName: 'Kẻ mạo danh',
        password: 'MatKhau-ManhMe-1',
        memberships: [{ orgUnitId: cityId, role: 'leader' }],
      });
      await forbidden(wardAdmin, 'POST', '/api/v1/users', { username: 'khong.don.vi', fullName: 'Không đơn vị', password: 'MatKhau-ManhMe-1' });
      // The leader's password still works.
      const again = await api.login('lanhdao', DEMO_PASSWORD);
      assert.equal(again.user.username, 'lanhdao');
    });

    it('manages a user of its own ward', async () => {
      const res = await api.call('PATCH', `/api/v1/users/${baocaoId}`, { as: wardAdmin, body: { fullName: 'Phạm Thị Báo' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().fullName, 'Phạm Thị Báo');
      const audit = await api.database.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      assert.equal(audit.action, 'user.update');
      assert.equal(audit.actor_username, 'quantri.duongkinh');
      assert.equal((audit.before as { fullName: string }).fullName, 'Phạm Thị Báo (Phường Dương Kinh)');
      assert.equal((audit.after as { fullName: string }).fullName, 'Phạm Thị Báo');
    });
  });
});
