/** Five wrong passwords lock an account for 15 minutes; the lock is answered with 429 and audited. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApi, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';

describe('login lockout', () => {
  let api: TestApi;
  const attempt = (username: string, password: string) => api.call('POST', '/api/v1/auth/login', { body: { username, password } });

  before(async () => {
    api = await startTestApi();
  });
  after(() => api.close());

  it('locks the account on the fifth wrong password with 429, Retry-After and a Vietnamese message', async () => {
    for (let i = 1; i <= 4; i++) {
      const res = await attempt('pheduyet', `sai-lan-${i}`);
      assert.equal(res.statusCode, 401, `attempt ${i}`);
      assert.equal(res.json().detail, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    const fifth = await attempt('pheduyet', 'sai-lan-5');
    assert.equal(fifth.statusCode, 429);
    assert.match(fifth.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(fifth.headers['retry-after'], '900');
    assert.equal(fifth.json().title, 'Quá nhiều yêu cầu');
    assert.match(fifth.json().detail, /^Tài khoản tạm thời bị khóa/);
    assert.equal(fifth.json().detail, 'Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.');
    assert.equal(fifth.cookies.length, 0);

    const row = await api.database.db.selectFrom('users').select(['locked_until']).where('username', '=', 'pheduyet').executeTakeFirstOrThrow();
    const minutes = (row.locked_until!.getTime() - Date.now()) / 60_000;
    assert.ok(minutes > 14 && minutes <= 15, `locked for ~15 minutes, got ${minutes}`);
  });

  it('refuses even the right password while locked, without a session', async () => {
    const res = await attempt('pheduyet', DEMO_PASSWORD);
    assert.equal(res.statusCode, 429);
    assert.ok(Number(res.headers['retry-after']) > 0 && Number(res.headers['retry-after']) <= 900);
    assert.match(res.json().detail, /^Tài khoản tạm thời bị khóa/);
    assert.equal(res.cookies.length, 0);
    const sessions = await api.database.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('sessions.user_id')
      .where('users.username', '=', 'pheduyet')
      .execute();
    assert.equal(sessions.length, 0);
  });

  it('audits the failures and the lock, never a successful login', async () => {
    const events = await api.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_username', 'entity_type', 'after', 'ip'])
      .where('actor_username', '=', 'pheduyet')
      .orderBy('id')
      .execute();
    assert.deepEqual(events.map((e) => e.action), ['auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.locked']);
    assert.deepEqual(events[4]!.after, { failedLogins: 5 });
    assert.equal(events[4]!.entity_type, 'session');
    assert.equal(events[4]!.ip, '127.0.0.1');
    const attempts = await api.database.db.selectFrom('login_attempts').select(['success']).where('username', '=', 'pheduyet').execute();
    assert.equal(attempts.length, 6);
    assert.ok(attempts.every((a) => a.success === false));
  });

  it('does not lock other accounts', async () => {
    const session = await api.login('dieuphoi', DEMO_PASSWORD);
    assert.equal(session.user.username, 'dieuphoi');
  });

  it('unlocks once an admin resets the password', async () => {
    const root = await api.login('admin', TEST_ADMIN_PASSWORD);
    const id = (await api.database.db.selectFrom('users').select('id').where('username', '=', 'pheduyet').executeTakeFirstOrThrow()).id;
    const before = await api.call('GET', `/api/v1/users/${id}`, { as: root });
    assert.notEqual(before.json().lockedUntil, null, 'the API shows the lock');
    const reset = await api.call('PATCH', `/api/v1/users/${id}`, { as: root, body: { password: 'Mo-Khoa-2025-Moi' } });
    assert.equal(reset.statusCode, 200, reset.body);
    assert.equal(reset.json().lockedUntil, null);
    const session = await api.login('pheduyet', 'Mo-Khoa-2025-Moi');
    assert.equal(session.user.username, 'pheduyet');
  });
});
