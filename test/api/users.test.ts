/** Managing people as the city admin: create with a grant, duplicates, weak passwords, grants, deactivation. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';
import { auditSince, dbState, maxAuditId } from '../helpers/dbState.ts';

const PASSWORD = 'Ph0ng-Van-2025!';

describe('users', () => {
  let api: TestApi;
  let admin: Session;
  let cityId: number;
  let haiAnId: number;
  let newUserId: number;

  const idOf = async (code: string) =>
    (await api.database.db.selectFrom('org_units').select('id').where('code', '=', code).where('closed_on', 'is', null).executeTakeFirstOrThrow()).id;

  before(async () => {
    api = await startTestApi();
    admin = await api.login('admin', TEST_ADMIN_PASSWORD);
    cityId = await idOf('31');
    haiAnId = await idOf('11413');
  });
  after(() => api.close());

  it('creates a user with a membership (201), stores an argon2id hash and audits it without the password', async () => {
    const since = await maxAuditId(api.database.db);
    const res = await api.call('POST', '/api/v1/users', {
      as: admin,
      body: { username: 'canbo.haian', fullName: 'Đỗ Thị Hải', email: 'hai@haian.haiphong.gov.vn', password: PASSWORD, memberships: [{ orgUnitId: haiAnId, role: 'reporter' }] },
    });
    assert.equal(res.statusCode, 201, res.body);
    const user = res.json();
    newUserId = user.id;
    assert.equal(user.username, 'canbo.haian');
    assert.equal(user.fullName, 'Đỗ Thị Hải');
    assert.equal(user.isActive, true);
    assert.equal(user.locale, 'vi');
    assert.equal(user.password, undefined);
    assert.equal(user.passwordHash, undefined);
    assert.deepEqual(
      user.memberships.map((m: { orgUnitId: number; orgUnitCode: string; orgUnitName: string; role: string }) => [m.orgUnitId, m.orgUnitCode, m.orgUnitName, m.role]),
      [[haiAnId, '11413', 'Phường Hải An', 'reporter']],
    );

    const row = await api.database.db.selectFrom('users').select(['password_hash']).where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$/);
    assert.ok(!row.password_hash.includes(PASSWORD));

    const events = await auditSince(api.database.db, since);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.action, 'user.create');
    assert.equal(events[0]!.actor_username, 'admin');
    assert.equal(events[0]!.entity_id, String(user.id));
    assert.equal((events[0]!.after as { username: string }).username, 'canbo.haian');
    assert.ok(!JSON.stringify(events[0]!.after).includes(PASSWORD), 'the audit trail never holds the password');
    assert.ok(!JSON.stringify(events[0]!.after).includes('argon2'), 'nor its hash');
  });

  it('lets the new user sign in and see only Phường Hải An', async () => {
    const session = await api.login('canbo.haian', PASSWORD);
    assert.deepEqual(session.user.memberships.map((m) => m.orgUnitId), [haiAnId]);
    const top = await api.call('GET', '/api/v1/org-units', { as: session });
    assert.deepEqual(top.json().items.map((u: { name: string }) => u.name), ['Phường Hải An']);
    const search = await api.call('GET', '/api/v1/org-units?q=duong%20kinh', { as: session });
    assert.deepEqual(search.json().items, []);
    const city = await api.call('GET', `/api/v1/org-units/${cityId}`, { as: session });
    assert.equal(city.statusCode, 403);
  });

  it('refuses a taken username with 409, whatever its case', async () => {
    for (const username of ['canbo.haian', 'CanBo.HaiAn', 'lanhdao']) {
      const before = await dbState(api.database.db);
      const res = await api.call('POST', '/api/v1/users', { as: admin, body: { username, fullName: 'Trùng tên', password: PASSWORD } });
      assert.equal(res.statusCode, 409, `${username}: ${res.body}`);
      assert.equal(res.json().detail, `Tên đăng nhập «${username}» đã tồn tại.`);
      assert.deepEqual(await dbState(api.database.db), before);
    }
  });

  it('refuses a weak password with 400 in Vietnamese, on create and on reset', async () => {
    const before = await dbState(api.database.db);
    const res = await api.call('POST', '/api/v1/users', { as: admin, body: { username: 'yeu.matkhau', fullName: 'Mật khẩu yếu', password: '123456' } });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(res.json().detail, 'Mật khẩu phải có ít nhất 10 ký tự.');
    const reset = await api.call('PATCH', `/api/v1/users/${newUserId}`, { as: admin, body: { password: 'short' } });
    assert.equal(reset.statusCode, 400);
    assert.deepEqual(await dbState(api.database.db), before);
  });

  it('refuses an invalid username, email or role with 400', async () => {
    const before = await dbState(api.database.db);
    const bad = [
      { username: 'có dấu cách', fullName: 'X', password: PASSWORD },
      { username: 'ok.name', fullName: 'X', password: PASSWORD, email: 'not-an-email' },
      { username: 'ok.name', fullName: 'X', password: PASSWORD, memberships: [{ orgUnitId: haiAnId, role: 'superuser' }] },
    ];
    for (const body of bad) {
      const res = await api.call('POST', '/api/v1/users', { as: admin, body });
      assert.equal(res.statusCode, 400, res.body);
    }
    assert.deepEqual(await dbState(api.database.db), before);
  });

  it('adds and removes a membership; the user’s scope follows at once, and both are audited', async () => {
    const session = await api.login('canbo.haian', PASSWORD);
    const since = await maxAuditId(api.database.db);
    const added = await api.call('POST', `/api/v1/users/${newUserId}/memberships`, { as: admin, body: { orgUnitId: cityId, role: 'leader' } });
    assert.equal(added.statusCode, 201, added.body);
    const membership = added.json();
    assert.equal(membership.orgUnitId, cityId);
    assert.equal(membership.orgUnitName, 'Thành phố Hải Phòng');
    assert.equal(membership.role, 'leader');

    const top = await api.call('GET', '/api/v1/org-units', { as: session });
    assert.deepEqual(top.json().items.map((u: { name: string }) => u.name), ['Thành phố Hải Phòng']);
    assert.equal((await api.call('GET', `/api/v1/org-units/${cityId}`, { as: session })).statusCode, 200);

    const duplicate = await api.call('POST', `/api/v1/users/${newUserId}/memberships`, { as: admin, body: { orgUnitId: cityId, role: 'leader' } });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.json().detail, 'Người dùng đã có vai trò này tại đơn vị này.');

    const removed = await api.call('DELETE', `/api/v1/users/${newUserId}/memberships/${membership.id}`, { as: admin });
    assert.equal(removed.statusCode, 204, removed.body);
    assert.equal((await api.call('GET', `/api/v1/org-units/${cityId}`, { as: session })).statusCode, 403);
    const view = await api.call('GET', `/api/v1/users/${newUserId}`, { as: admin });
    assert.deepEqual(view.json().memberships.map((m: { orgUnitId: number }) => m.orgUnitId), [haiAnId]);

    const again = await api.call('DELETE', `/api/v1/users/${newUserId}/memberships/${membership.id}`, { as: admin });
    assert.equal(again.statusCode, 404);

    const events = await auditSince(api.database.db, since);
    assert.deepEqual(events.map((e) => [e.action, e.actor_username, e.entity_id, e.org_unit_id]), [
      ['membership.grant', 'admin', String(newUserId), cityId],
      ['membership.revoke', 'admin', String(newUserId), cityId],
    ]);
    assert.deepEqual(events[0]!.after, { orgUnitId: cityId, role: 'leader' });
    assert.deepEqual(events[1]!.before, { orgUnitId: cityId, role: 'leader' });
  });

  it('lists users with a search and pages them by cursor', async () => {
    const search = await api.call('GET', '/api/v1/users?q=haian', { as: admin });
    assert.deepEqual(search.json().items.map((u: { username: string }) => u.username), ['canbo.haian']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { statusCode: number; json(): { items: { username: string }[]; nextCursor: string | null } } = await api.call(
        'GET',
        `/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { as: admin },
      );
      assert.equal(page.statusCode, 200);
      seen.push(...page.json().items.map((u) => u.username));
      cursor = page.json().nextCursor;
    } while (cursor);
    assert.deepEqual(seen, ['admin', 'baocao', 'canbo.haian', 'dieuphoi', 'lanhdao', 'pheduyet', 'pheduyet.duongkinh', 'quantri.duongkinh']);
  });

  it('resets a password: old sessions end, the new password works, the old one does not', async () => {
    const session = await api.login('canbo.haian', PASSWORD);
    const since = await maxAuditId(api.database.db);
    const res = await api.call('PATCH', `/api/v1/users/${newUserId}`, { as: admin, body: { password: 'Mat-Khau-Moi-2025' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await api.call('GET', '/api/v1/auth/session', { as: session })).statusCode, 401);
    const old = await api.call('POST', '/api/v1/auth/login', { body: { username: 'canbo.haian', password: PASSWORD } });
    assert.equal(old.statusCode, 401);
    await api.login('canbo.haian', 'Mat-Khau-Moi-2025');
    const [reset] = await auditSince(api.database.db, since);
    assert.equal(reset!.action, 'user.password_reset');
    assert.equal((reset!.after as { passwordChanged: boolean }).passwordChanged, true);
    assert.ok(!JSON.stringify(reset!.after).includes('Mat-Khau-Moi-2025'));
  });

  it('deactivates a user: the open session stops working (401) and sign-in fails with a Vietnamese message', async () => {
    const session = await api.login('canbo.haian', 'Mat-Khau-Moi-2025');
    assert.equal((await api.call('GET', '/api/v1/org-units', { as: session })).statusCode, 200);
    const since = await maxAuditId(api.database.db);
    const res = await api.call('PATCH', `/api/v1/users/${newUserId}`, { as: admin, body: { isActive: false } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().isActive, false);

    const after = await api.call('GET', '/api/v1/org-units', { as: session });
    assert.equal(after.statusCode, 401);
    assert.match(after.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(after.json().detail, 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
    const sessions = await api.database.db.selectFrom('sessions').select('user_id').where('user_id', '=', newUserId).execute();
    assert.equal(sessions.length, 0, 'the sessions were deleted');

    const login = await api.call('POST', '/api/v1/auth/login', { body: { username: 'canbo.haian', password: 'Mat-Khau-Moi-2025' } });
    assert.equal(login.statusCode, 403);
    assert.equal(login.json().detail, 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên.');
    assert.equal(login.cookies.length, 0);

    const events = await auditSince(api.database.db, since);
    assert.equal(events[0]!.action, 'user.update');
    assert.equal((events[0]!.before as { isActive: boolean }).isActive, true);
    assert.equal((events[0]!.after as { isActive: boolean }).isActive, false);
  });

  it('does not let an admin disable their own account', async () => {
    const adminId = admin.user.id;
    const before = await dbState(api.database.db);
    const res = await api.call('PATCH', `/api/v1/users/${adminId}`, { as: admin, body: { isActive: false } });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().detail, 'Bạn không thể tự vô hiệu hóa tài khoản của mình.');
    assert.deepEqual(await dbState(api.database.db), before);
  });
});
