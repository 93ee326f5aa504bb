/** The audit trail: readable by admins with filters, scoped for a ward admin, and append-only in the database itself. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';
import { countRows, dbState } from '../helpers/dbState.ts';

interface Event {
  id: number;
  at: string;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgUnitId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
}

describe('audit events', () => {
  let api: TestApi;
  let admin: Session;
  let duongKinhId: number;
  let haiAnId: number;
  let wardUnitId: number;

  before(async () => {
    api = await startTestApi();
    admin = await api.login('admin', TEST_ADMIN_PASSWORD);
    const idOf = async (code: string) =>
      (await api.database.db.selectFrom('org_units').select('id').where('code', '=', code).where('closed_on', 'is', null).executeTakeFirstOrThrow()).id;
    duongKinhId = await idOf('11692');
    haiAnId = await idOf('11413');
    // Two renames, one inside Phường Dương Kinh and one in Phường Hải An.
    const created = await api.call('POST', '/api/v1/org-units', { as: admin, body: { code: 'AU-1', name: 'Tổ kiểm toán', kind: 'organization', parentId: duongKinhId } });
    assert.equal(created.statusCode, 201);
    wardUnitId = created.json().id;
    for (const [id, name] of [[wardUnitId, 'Tổ kiểm toán mới'], [haiAnId, 'Phường Hải An Mới']] as const) {
      const res = await api.call('PATCH', `/api/v1/org-units/${id}`, { as: admin, body: { name } });
      assert.equal(res.statusCode, 200, res.body);
    }
  });
  after(() => api.close());

  it('lists events newest first with actor, action and before/after', async () => {
    const res = await api.call('GET', '/api/v1/audit-events?limit=5', { as: admin });
    assert.equal(res.statusCode, 200);
    const items: Event[] = res.json().items;
    assert.deepEqual(items.slice(0, 3).map((e) => [e.action, e.entityId]), [
      ['orgUnit.update', String(haiAnId)],
      ['orgUnit.update', String(wardUnitId)],
      ['orgUnit.create', String(wardUnitId)],
    ]);
    const rename = items[0]!;
    assert.equal(rename.actorUsername, 'admin');
    assert.equal(rename.entityType, 'orgUnit');
    assert.equal(rename.orgUnitId, haiAnId);
    assert.equal(rename.before?.name, 'Phường Hải An');
    assert.equal(rename.after?.name, 'Phường Hải An Mới');
    assert.equal(rename.ip, '127.0.0.1');
    assert.ok(!Number.isNaN(Date.parse(rename.at)));
    const ids = items.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
  });

  it('filters by action', async () => {
    const res = await api.call('GET', '/api/v1/audit-events?action=orgUnit.update', { as: admin });
    assert.equal(res.statusCode, 200);
    const items: Event[] = res.json().items;
    assert.deepEqual(items.map((e) => e.entityId), [String(haiAnId), String(wardUnitId)]);
    for (const e of items) assert.equal(e.action, 'orgUnit.update');
    const logins = await api.call('GET', '/api/v1/audit-events?action=auth.login&actor=admin', { as: admin });
    assert.ok(logins.json().items.length >= 1);
    for (const e of logins.json().items as Event[]) {
      assert.equal(e.action, 'auth.login');
      assert.equal(e.actorUsername, 'admin');
    }
    const entity = await api.call('GET', `/api/v1/audit-events?entityType=orgUnit&entityId=${wardUnitId}`, { as: admin });
    assert.deepEqual(entity.json().items.map((e: Event) => e.action), ['orgUnit.update', 'orgUnit.create']);
    const none = await api.call('GET', '/api/v1/audit-events?action=no.such.action', { as: admin });
    assert.deepEqual(none.json().items, []);
  });

  it('pages by cursor without repeats', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await api.call('GET', `/api/v1/audit-events?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { as: admin });
      assert.equal(res.statusCode, 200);
      seen.push(...res.json().items.map((e: Event) => e.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length);
    assert.equal(seen.length, await countRows(api.database.db, 'audit_events'));
  });

  it('refuses non-admins with 403', async () => {
    for (const username of ['lanhdao', 'dieuphoi', 'pheduyet', 'baocao']) {
      const session = await api.login(username, DEMO_PASSWORD);
      const res = await api.call('GET', '/api/v1/audit-events', { as: session });
      assert.equal(res.statusCode, 403, username);
      assert.equal(res.json().detail, 'Bạn không có quyền thực hiện thao tác này.');
    }
    const anonymous = await api.call('GET', '/api/v1/audit-events');
    assert.equal(anonymous.statusCode, 401);
  });

  it('shows a ward admin only the events about units in the ward', async () => {
    const wardAdmin = await api.login('quantri.duongkinh', DEMO_PASSWORD);
    const res = await api.call('GET', '/api/v1/audit-events', { as: wardAdmin });
    assert.equal(res.statusCode, 200);
    const items: Event[] = res.json().items;
    assert.deepEqual(items.map((e) => [e.action, e.orgUnitId]), [['orgUnit.update', wardUnitId], ['orgUnit.create', wardUnitId]]);
  });

  describe('append-only in the database', () => {
    it('rejects UPDATE, DELETE and TRUNCATE, leaving every row in place', async () => {
      const db = api.database.db;
      const before = await dbState(db);
      assert.ok(before.counts.audit_events > 3);
      await assert.rejects(sql`UPDATE audit_events SET action = 'tampered'`.execute(db), /append-only/);
      await assert.rejects(db.updateTable('audit_events').set({ actor_username: 'ke-gian' }).where('action', '=', 'orgUnit.update').execute(), /append-only/);
      await assert.rejects(sql`DELETE FROM audit_events`.execute(db), /append-only/);
      await assert.rejects(db.deleteFrom('audit_events').where('id', '=', 1).execute(), /append-only/);
      await assert.rejects(sql`TRUNCATE audit_events`.execute(db), /append-only/);
      assert.deepEqual(await dbState(db), before);
      const stillThere = await db.selectFrom('audit_events').select('actor_username').where('action', '=', 'orgUnit.update').execute();
      assert.deepEqual(stillThere.map((r) => r.actor_username), ['admin', 'admin']);
    });

    it('still accepts new events', async () => {
      const before = await countRows(api.database.db, 'audit_events');
      const res = await api.call('PATCH', `/api/v1/org-units/${wardUnitId}`, { as: admin, body: { name: 'Tổ kiểm toán lần ba' } });
      assert.equal(res.statusCode, 200);
      assert.equal(await countRows(api.database.db, 'audit_events'), before + 1);
    });
  });
});
