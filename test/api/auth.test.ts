import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApi, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';

describe('auth', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
  });
  after(() => api.close());

  it('logs in with JSON credentials and returns the user, a CSRF token and an httpOnly cookie', async () => {
    const res = await api.call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: TEST_ADMIN_PASSWORD } });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.user.username, 'admin');
    assert.ok(body.csrfToken.length >= 20);
    const cookie = res.cookies.find((c) => c.name === 'dxp_session');
    assert.ok(cookie?.httpOnly, 'session cookie is httpOnly');
    assert.equal(cookie?.sameSite, 'Lax');
  });

  it('answers a wrong password with 401 problem+json in Vietnamese', async () => {
    const res = await api.call('POST', '/api/v1/auth/login', { body: { username: 'lanhdao', password: 'sai-mat-khau' } });
    assert.equal(res.statusCode, 401);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(res.json().detail, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    assert.equal(res.cookies.length, 0);
  });

  it('stores passwords as argon2id', async () => {
    const row = await api.database.db.selectFrom('users').select('password_hash').where('username', '=', 'lanhdao').executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$/);
  });

  it('rejects a cookie-authenticated write without the CSRF token', async () => {
    const session = await api.login('lanhdao', DEMO_PASSWORD);
    const res = await api.call('POST', '/api/v1/auth/logout', { headers: { cookie: session.cookie } });
    assert.equal(res.statusCode, 403);
    assert.match(res.json().detail, /X-CSRF-Token/);
    const ok = await api.call('POST', '/api/v1/auth/logout', { as: session });
    assert.equal(ok.statusCode, 204);
    const after = await api.call('GET', '/api/v1/auth/session', { as: session });
    assert.equal(after.statusCode, 401);
  });
});
