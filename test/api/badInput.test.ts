/** Malformed requests get RFC 9457 problems in Vietnamese, and never change anything stored. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, afterEach, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';
import { dbState, type DbState } from '../helpers/dbState.ts';

describe('bad input', () => {
  let api: TestApi;
  let admin: Session;
  let duongKinhId: number;
  let state: DbState;

  const assertProblem = (res: LightMyRequestResponse, status: number) => {
    assert.equal(res.statusCode, status, res.body);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    const body = res.json();
    assert.equal(body.status, status);
    assert.equal(typeof body.title, 'string');
    assert.equal(typeof body.type, 'string');
    assert.equal(typeof body.detail, 'string');
    assert.ok(!('stack' in body), 'no stack trace leaks');
    return body as { detail: string; title: string; instance: string; errors?: { path: string; message: string }[] };
  };

  before(async () => {
    api = await startTestApi();
    admin = await api.login('admin', TEST_ADMIN_PASSWORD);
    duongKinhId = (await api.database.db.selectFrom('org_units').select('id').where('code', '=', '11692').where('closed_on', 'is', null).executeTakeFirstOrThrow()).id;
  });
  after(() => api.close());
  beforeEach(async () => {
    state = await dbState(api.database.db);
  });
  afterEach(async () => {
    assert.deepEqual(await dbState(api.database.db), state, 'nothing stored changed');
  });

  const valid = () => ({ code: 'BI-1', name: 'Tổ thử dữ liệu', kind: 'organization', parentId: duongKinhId });

  it('answers malformed JSON with 400 problem+json in Vietnamese', async () => {
    const res = await api.call('POST', '/api/v1/org-units', { as: admin, raw: '{"code": "BI-1", "name": ', headers: { 'content-type': 'application/json' } });
    const body = assertProblem(res, 400);
    assert.equal(body.detail, 'Nội dung gửi lên không phải JSON hợp lệ.');
    assert.equal(body.title, 'Yêu cầu không hợp lệ');
    assert.equal(body.instance, '/api/v1/org-units');
  });

  it('answers malformed JSON on the public login route too', async () => {
    const res = await api.call('POST', '/api/v1/auth/login', { raw: '{username: admin}', headers: { 'content-type': 'application/json' } });
    assert.equal(assertProblem(res, 400).detail, 'Nội dung gửi lên không phải JSON hợp lệ.');
  });

  it('answers an empty JSON body with 400', async () => {
    const res = await api.call('POST', '/api/v1/org-units', { as: admin, raw: '', headers: { 'content-type': 'application/json' } });
    assertProblem(res, 400);
  });

  it('names an unknown field in errors[].path', async () => {
    const res = await api.call('POST', '/api/v1/org-units', { as: admin, body: { ...valid(), color: 'red' } });
    const body = assertProblem(res, 400);
    assert.equal(body.detail, 'Dữ liệu gửi lên không hợp lệ.');
    assert.deepEqual(body.errors, [{ path: 'body.color', message: 'Trường «color» không được chấp nhận.' }]);
  });

  it('names an unknown query parameter', async () => {
    const res = await api.call('GET', '/api/v1/org-units?sort=name', { as: admin });
    const body = assertProblem(res, 400);
    assert.deepEqual(body.errors, [{ path: 'querystring.sort', message: 'Trường «sort» không được chấp nhận.' }]);
  });

  it('names a missing required field', async () => {
    const { name: _name, ...rest } = valid();
    const body = assertProblem(await api.call('POST', '/api/v1/org-units', { as: admin, body: rest }), 400);
    assert.deepEqual(body.errors, [{ path: 'body.name', message: 'Thiếu trường bắt buộc «name».' }]);
  });

  it('refuses wrong types with 400 naming the field', async () => {
    const objectName = assertProblem(await api.call('POST', '/api/v1/org-units', { as: admin, body: { ...valid(), name: { vi: 'Tổ' } } }), 400);
    assert.deepEqual(objectName.errors, [{ path: 'body.name', message: '«name» phải có kiểu string.' }]);

    const textParent = assertProblem(await api.call('POST', '/api/v1/org-units', { as: admin, body: { ...valid(), parentId: 'Dương Kinh' } }), 400);
    assert.ok(textParent.errors!.length >= 1);
    for (const e of textParent.errors!) assert.equal(e.path, 'body.parentId');

    const kind = assertProblem(await api.call('POST', '/api/v1/org-units', { as: admin, body: { ...valid(), kind: 'village' } }), 400);
    assert.equal(kind.errors![0]!.path, 'body.kind');
    assert.match(kind.errors![0]!.message, /phải là một trong các giá trị: province, district, commune, ward/);

    const date = assertProblem(await api.call('POST', '/api/v1/org-units', { as: admin, body: { ...valid(), validFrom: '01/07/2025' } }), 400);
    assert.ok(date.errors!.some((e) => e.path === 'body.validFrom' && e.message === '«validFrom» không đúng định dạng date.'), JSON.stringify(date.errors));

    const isActive = assertProblem(await api.call('PATCH', `/api/v1/users/${admin.user.id}`, { as: admin, body: { isActive: 'maybe' } }), 400);
    assert.equal(isActive.errors![0]!.path, 'body.isActive');

    const badId = assertProblem(await api.call('GET', '/api/v1/org-units/abc', { as: admin }), 400);
    assert.equal(badId.errors![0]!.path, 'params.id');

    const badLimit = assertProblem(await api.call('GET', '/api/v1/org-units?parent=1&limit=0', { as: admin }), 400);
    assert.deepEqual(badLimit.errors, [{ path: 'querystring.limit', message: '«limit» phải lớn hơn hoặc bằng 1.' }]);
  });

  it('refuses names and codes that are only whitespace', async () => {
    const unit = assertProblem(await api.call('POST', '/api/v1/org-units', { as: admin, body: { ...valid(), code: '   ', name: ' \n ' } }), 400);
    assert.deepEqual(unit.errors!.map((e) => e.path).sort(), ['body.code', 'body.name']);
    const rename = assertProblem(await api.call('PATCH', `/api/v1/org-units/${duongKinhId}`, { as: admin, body: { name: '  ' } }), 400);
    assert.deepEqual(rename.errors!.map((e) => e.path), ['body.name']);
    const user = assertProblem(await api.call('POST', '/api/v1/users', { as: admin, body: { username: 'trang.ten', fullName: '   ', password: 'Du-Dai-Roi-2025' } }), 400);
    assert.deepEqual(user.errors!.map((e) => e.path), ['body.fullName']);
  });

  it('answers values the database cannot hold with 400, not 500', async () => {
    const nul = assertProblem(await api.call('POST', '/api/v1/org-units', { as: admin, body: { ...valid(), name: 'Tổ\u0000 ẩn' } }), 400);
    assert.equal(nul.detail, 'Dữ liệu gửi lên không hợp lệ.');
    assertProblem(await api.call('GET', '/api/v1/users?q=%00', { as: admin }), 400);
    assertProblem(await api.call('GET', '/api/v1/org-units/99999999999999999999', { as: admin }), 400);
    assertProblem(await api.call('GET', '/api/v1/org-units?parent=9223372036854775808', { as: admin }), 400);
    const date = assertProblem(await api.call('GET', '/api/v1/audit-events?from=2025-99-99', { as: admin }), 400);
    assert.deepEqual(date.errors, [{ path: 'querystring.from', message: '«from» không đúng định dạng date.' }]);
  });

  it('treats a cursor of the wrong shape as no cursor on every list', async () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const firstUnits = (await api.call('GET', `/api/v1/org-units?parent=${duongKinhId}&includeClosed=true`, { as: admin })).json();
    for (const bad of [5, 'x', ['a', 'b'], [1, 2], { a: 1 }, null]) {
      const units = await api.call('GET', `/api/v1/org-units?parent=${duongKinhId}&includeClosed=true&cursor=${cursor(bad)}`, { as: admin });
      assert.equal(units.statusCode, 200, `org-units ${JSON.stringify(bad)}: ${units.body}`);
      assert.deepEqual(units.json(), firstUnits);
      const users = await api.call('GET', `/api/v1/users?limit=1&cursor=${cursor(typeof bad === 'string' ? 5 : bad)}`, { as: admin });
      assert.equal(users.statusCode, 200, `users ${JSON.stringify(bad)}: ${users.body}`);
      assert.equal(users.json().items[0].username, 'admin');
      const audit = await api.call('GET', `/api/v1/audit-events?limit=1&cursor=${cursor(bad === 5 ? 1.5 : bad)}`, { as: admin });
      assert.equal(audit.statusCode, 200, `audit ${JSON.stringify(bad)}: ${audit.body}`);
      assert.equal(audit.json().items.length, 1);
    }
  });

  it('refuses a body over 1 MB with 413', async () => {
    const raw = JSON.stringify({ ...valid(), name: 'x'.repeat(1024 * 1024 + 10) });
    const res = await api.call('POST', '/api/v1/org-units', { as: admin, raw, headers: { 'content-type': 'application/json' } });
    const body = assertProblem(res, 413);
    assert.equal(body.detail, 'Dữ liệu gửi lên quá lớn (tối đa 1 MB).');
    assert.equal(body.title, 'Dữ liệu quá lớn');
  });

  it('refuses an unsupported content type with 415', async () => {
    const res = await api.call('POST', '/api/v1/org-units', { as: admin, raw: '<unit/>', headers: { 'content-type': 'application/xml' } });
    assert.equal(assertProblem(res, 415).detail, 'Kiểu nội dung «application/xml» không được hỗ trợ.');
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const res = await api.call('GET', '/api/v1/does-not-exist?x=1', { as: admin });
    const body = assertProblem(res, 404);
    assert.equal(body.detail, 'Không có đường dẫn API «GET /api/v1/does-not-exist».');
    const post = await api.call('POST', '/api/v2/org-units', { body: valid() });
    assert.equal(assertProblem(post, 404).detail, 'Không có đường dẫn API «POST /api/v2/org-units».');
  });

  it('answers a write without a session with 401 before reading the body', async () => {
    const res = await api.call('POST', '/api/v1/org-units', { body: valid() });
    assert.equal(assertProblem(res, 401).detail, 'Bạn cần đăng nhập để tiếp tục.');
  });

  it('speaks English when the client asks for it', async () => {
    const res = await api.call('POST', '/api/v1/org-units', { as: admin, raw: '{', headers: { 'content-type': 'application/json', 'accept-language': 'en-US,en;q=0.9' } });
    const body = assertProblem(res, 400);
    assert.notEqual(body.detail, 'Nội dung gửi lên không phải JSON hợp lệ.');
    assert.match(body.detail, /JSON/);
  });
});
