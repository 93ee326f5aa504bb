/** Changing the unit tree as the city admin: create, rename, move, close, merge — each audited, refusals change nothing. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';
import { auditSince, maxAuditId, expectRefused } from '../helpers/dbState.ts';

describe('org units: changes', () => {
  let api: TestApi;
  let admin: Session;
  let cityId: number;
  let duongKinhId: number;
  let haiAnId: number;

  const idOf = async (code: string) =>
    (await api.database.db.selectFrom('org_units').select('id').where('code', '=', code).where('closed_on', 'is', null).executeTakeFirstOrThrow()).id;
  const get = async (url: string) => {
    const res = await api.call('GET', url, { as: admin });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json();
  };
  const create = async (body: Record<string, unknown>) => {
    const res = await api.call('POST', '/api/v1/org-units', { as: admin, body });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const subtreeIds = async (id: number) => new Map<number, number>((await get(`/api/v1/org-units/${id}/subtree`)).items.map((u: { id: number; depth: number }) => [u.id, u.depth]));
  /** Run a request that must be refused and prove that nothing stored changed. */
  const refused = async (status: number, method: 'POST' | 'PATCH', url: string, body: unknown) => {
    return expectRefused(api.database.db, status, () => api.call(method, url, { as: admin, body }), 'the request');
  };

  before(async () => {
    api = await startTestApi();
    admin = await api.login('admin', TEST_ADMIN_PASSWORD);
    cityId = await idOf('31');
    duongKinhId = await idOf('11692');
    haiAnId = await idOf('11413');
  });
  after(() => api.close());

  it('creates a unit (201) that appears under its parent and in the closure of every ancestor, and audits it', async () => {
    const since = await maxAuditId(api.database.db);
    const unit = await create({ code: 'DK-TDP1', name: '  Tổ dân phố\n Số 1 ', kind: 'organization', parentId: duongKinhId, validFrom: '2025-07-01' });
    assert.equal(unit.code, 'DK-TDP1');
    assert.equal(unit.name, 'Tổ dân phố Số 1', 'name is cleaned');
    assert.equal(unit.kind, 'organization');
    assert.equal(unit.parentId, duongKinhId);
    assert.equal(unit.validFrom, '2025-07-01');
    assert.deepEqual(unit.path.map((p: { id: number }) => p.id), [cityId, duongKinhId]);

    const children = await get(`/api/v1/org-units?parent=${duongKinhId}`);
    assert.deepEqual(children.items.map((u: { id: number }) => u.id), [unit.id]);
    assert.equal((await get(`/api/v1/org-units/${duongKinhId}`)).childCount, 1);
    assert.equal((await subtreeIds(cityId)).get(unit.id), 2, 'depth 2 below the city');
    assert.equal((await subtreeIds(duongKinhId)).get(unit.id), 1);

    const events = await auditSince(api.database.db, since);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.action, 'orgUnit.create');
    assert.equal(events[0]!.actor_username, 'admin');
    assert.equal(events[0]!.entity_type, 'orgUnit');
    assert.equal(events[0]!.entity_id, String(unit.id));
    assert.equal(events[0]!.org_unit_id, unit.id);
    assert.equal(events[0]!.before, null);
    assert.deepEqual(events[0]!.after, {
      code: 'DK-TDP1',
      name: 'Tổ dân phố Số 1',
      shortName: null,
      kind: 'organization',
      parentId: duongKinhId,
      validFrom: '2025-07-01',
      closedOn: null,
    });
  });

  it('refuses a code already used by an open unit with 409 and stores nothing', async () => {
    const body = await refused(409, 'POST', '/api/v1/org-units', { code: '11692', name: 'Phường Trùng Mã', kind: 'ward', parentId: cityId });
    assert.equal(body.detail, 'Mã đơn vị «11692» đã được dùng cho một đơn vị đang hoạt động.');
  });

  it('allows a closed unit’s code to be reused (codes are unique among open units only)', async () => {
    // 11707 belongs to the closed Phường Hoà Nghĩa.
    const unit = await create({ code: '11707', name: 'Đơn vị thử mã cũ', kind: 'organization', parentId: cityId });
    assert.equal(unit.code, '11707');
  });

  it('refuses a missing parent with 404 and a closed parent with 422', async () => {
    await refused(404, 'POST', '/api/v1/org-units', { code: 'X-1', name: 'Không cha', kind: 'ward', parentId: 999999 });
    const stttt = (await api.database.db.selectFrom('org_units').select('id').where('code', '=', '31-STTTT').executeTakeFirstOrThrow()).id;
    const body = await refused(422, 'POST', '/api/v1/org-units', { code: 'X-2', name: 'Phòng thuộc sở cũ', kind: 'organization', parentId: stttt });
    assert.equal(body.detail, 'Đơn vị cấp trên «Sở Thông tin và Truyền thông» đã giải thể.');
  });

  it('renames a unit: search finds the new name without diacritics, not the old one; audit keeps both names', async () => {
    const unit = await create({ code: 'DK-KP', name: 'Khu phố Thống Nhất', kind: 'organization', parentId: duongKinhId });
    assert.equal((await get('/api/v1/org-units?q=thong%20nhat')).items[0]?.id, unit.id);
    const since = await maxAuditId(api.database.db);
    const res = await api.call('PATCH', `/api/v1/org-units/${unit.id}`, { as: admin, body: { name: 'Khu đô thị Ánh Dương', shortName: 'KĐT Ánh Dương' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().name, 'Khu đô thị Ánh Dương');
    assert.equal(res.json().shortName, 'KĐT Ánh Dương');
    assert.equal(res.json().id, unit.id, 'a rename keeps the id');

    const found = await get('/api/v1/org-units?q=khu%20do%20thi%20anh%20duong');
    assert.deepEqual(found.items.map((u: { id: number; name: string }) => [u.id, u.name]), [[unit.id, 'Khu đô thị Ánh Dương']]);
    assert.deepEqual((await get('/api/v1/org-units?q=thong%20nhat')).items, []);

    const events = await auditSince(api.database.db, since);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.action, 'orgUnit.update');
    assert.equal(events[0]!.actor_username, 'admin');
    assert.equal((events[0]!.before as { name: string }).name, 'Khu phố Thống Nhất');
    assert.equal((events[0]!.after as { name: string }).name, 'Khu đô thị Ánh Dương');
    assert.equal((events[0]!.after as { shortName: string }).shortName, 'KĐT Ánh Dương');
  });

  it('refuses re-coding a unit to a taken code (409) and an empty patch (400)', async () => {
    const unit = await create({ code: 'DK-RC', name: 'Đơn vị đổi mã', kind: 'organization', parentId: duongKinhId });
    await refused(409, 'PATCH', `/api/v1/org-units/${unit.id}`, { code: '31-SKHCN' });
    await refused(400, 'PATCH', `/api/v1/org-units/${unit.id}`, {});
  });

  it('moves a unit with its children: the closure follows, the path changes, and it is audited', async () => {
    const parent = await create({ code: 'MV-A', name: 'Khối di chuyển A', kind: 'block', parentId: duongKinhId });
    const child = await create({ code: 'MV-B', name: 'Tổ di chuyển B', kind: 'organization', parentId: parent.id });
    const grandchild = await create({ code: 'MV-C', name: 'Nhóm di chuyển C', kind: 'organization', parentId: child.id });

    const since = await maxAuditId(api.database.db);
    const res = await api.call('POST', `/api/v1/org-units/${parent.id}/move`, { as: admin, body: { parentId: haiAnId } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().parentId, haiAnId);
    assert.deepEqual(res.json().path.map((p: { id: number }) => p.id), [cityId, haiAnId]);

    const underHaiAn = await subtreeIds(haiAnId);
    assert.equal(underHaiAn.get(parent.id), 1);
    assert.equal(underHaiAn.get(child.id), 2);
    assert.equal(underHaiAn.get(grandchild.id), 3);
    const underDuongKinh = await subtreeIds(duongKinhId);
    for (const id of [parent.id, child.id, grandchild.id]) assert.equal(underDuongKinh.has(id), false, 'gone from the old parent');
    assert.equal((await subtreeIds(cityId)).get(grandchild.id), 4);
    assert.deepEqual((await get(`/api/v1/org-units/${grandchild.id}`)).path.map((p: { id: number }) => p.id), [cityId, haiAnId, parent.id, child.id]);

    const closure = await api.database.db.selectFrom('org_unit_closure').select(['ancestor_id', 'depth']).where('descendant_id', '=', grandchild.id).orderBy('depth').execute();
    assert.deepEqual(closure.map((r) => [r.ancestor_id, r.depth]), [[grandchild.id, 0], [child.id, 1], [parent.id, 2], [haiAnId, 3], [cityId, 4]]);

    const events = await auditSince(api.database.db, since);
    assert.deepEqual(events.map((e) => [e.action, e.entity_id, e.before, e.after]), [['orgUnit.move', String(parent.id), { parentId: duongKinhId }, { parentId: haiAnId }]]);
  });

  it('refuses to move a unit under itself or its own descendant with 422, leaving the tree as it was', async () => {
    const parent = await create({ code: 'CY-A', name: 'Vòng A', kind: 'block', parentId: duongKinhId });
    const child = await create({ code: 'CY-B', name: 'Vòng B', kind: 'organization', parentId: parent.id });
    const grandchild = await create({ code: 'CY-C', name: 'Vòng C', kind: 'organization', parentId: child.id });
    const body = await refused(422, 'POST', `/api/v1/org-units/${parent.id}/move`, { parentId: grandchild.id });
    assert.equal(body.detail, 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.');
    await refused(422, 'POST', `/api/v1/org-units/${parent.id}/move`, { parentId: parent.id });
    await refused(422, 'POST', `/api/v1/org-units/${cityId}/move`, { parentId: duongKinhId });
    assert.equal((await get(`/api/v1/org-units/${grandchild.id}`)).parentId, child.id);
  });

  it('refuses to close a unit with open children (422) and closes it once they are gone', async () => {
    const parent = await create({ code: 'CL-A', name: 'Khối giải thể', kind: 'block', parentId: duongKinhId });
    const child = await create({ code: 'CL-B', name: 'Tổ giải thể', kind: 'organization', parentId: parent.id });
    const body = await refused(422, 'POST', `/api/v1/org-units/${parent.id}/close`, { closedOn: '2025-12-31' });
    assert.equal(body.detail, 'Đơn vị «Khối giải thể» còn 1 đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc giải thể chúng trước.');

    const since = await maxAuditId(api.database.db);
    const closedChild = await api.call('POST', `/api/v1/org-units/${child.id}/close`, { as: admin, body: { closedOn: '2025-12-31' } });
    assert.equal(closedChild.statusCode, 200, closedChild.body);
    assert.equal(closedChild.json().closedOn, '2025-12-31');
    const closedParent = await api.call('POST', `/api/v1/org-units/${parent.id}/close`, { as: admin, body: { closedOn: '2025-12-31' } });
    assert.equal(closedParent.statusCode, 200, closedParent.body);
    assert.deepEqual((await get(`/api/v1/org-units?parent=${duongKinhId}`)).items.filter((u: { id: number }) => u.id === parent.id), []);

    const events = await auditSince(api.database.db, since);
    assert.deepEqual(events.map((e) => [e.action, e.entity_id]), [['orgUnit.close', String(child.id)], ['orgUnit.close', String(parent.id)]]);
    assert.equal((events[1]!.before as { closedOn: string | null }).closedOn, null);
    assert.equal((events[1]!.after as { closedOn: string }).closedOn, '2025-12-31');

    // A closed unit cannot be changed any more.
    await refused(422, 'PATCH', `/api/v1/org-units/${parent.id}`, { name: 'Tên mới' });
    await refused(422, 'POST', `/api/v1/org-units/${parent.id}/close`, { closedOn: '2026-01-01' });
  });

  it('closes a unit with a successor: both sides show the lineage link', async () => {
    const old = await create({ code: 'SC-OLD', name: 'Trung tâm cũ', kind: 'organization', parentId: duongKinhId });
    const heir = await create({ code: 'SC-NEW', name: 'Trung tâm mới', kind: 'organization', parentId: duongKinhId });
    const since = await maxAuditId(api.database.db);
    const res = await api.call('POST', `/api/v1/org-units/${old.id}/close`, { as: admin, body: { closedOn: '2025-09-30', successorId: heir.id } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().closedOn, '2025-09-30');
    assert.deepEqual(
      res.json().successors.map((s: { id: number; share: string; effectiveDate: string }) => [s.id, s.share, s.effectiveDate]),
      [[heir.id, 'full', '2025-09-30']],
    );
    const heirDetail = await get(`/api/v1/org-units/${heir.id}`);
    assert.deepEqual(
      heirDetail.predecessors.map((p: { id: number; name: string; closedOn: string }) => [p.id, p.name, p.closedOn]),
      [[old.id, 'Trung tâm cũ', '2025-09-30']],
    );
    const events = await auditSince(api.database.db, since);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.action, 'orgUnit.close');
    assert.equal((events[0]!.after as { successorId: number }).successorId, heir.id);
  });

  it('refuses a closing date before the unit began (400) and a successor that is itself (422)', async () => {
    const unit = await create({ code: 'SC-BAD', name: 'Đơn vị ngày sai', kind: 'organization', parentId: duongKinhId, validFrom: '2025-07-01' });
    await refused(400, 'POST', `/api/v1/org-units/${unit.id}/close`, { closedOn: '2025-06-30' });
    await refused(422, 'POST', `/api/v1/org-units/${unit.id}/close`, { closedOn: '2025-08-01', successorId: unit.id });
  });

  it('merges units: sources closed on the date, the target lists them as full predecessors', async () => {
    const a = await create({ code: 'MG-A', name: 'Điểm bưu điện A', kind: 'organization', parentId: duongKinhId });
    const b = await create({ code: 'MG-B', name: 'Điểm bưu điện B', kind: 'organization', parentId: duongKinhId });
    const target = await create({ code: 'MG-T', name: 'Bưu cục hợp nhất', kind: 'organization', parentId: duongKinhId });
    const since = await maxAuditId(api.database.db);
    const res = await api.call('POST', '/api/v1/org-units/merge', { as: admin, body: { sourceIds: [a.id, b.id], targetId: target.id, effectiveDate: '2025-10-01' } });
    assert.equal(res.statusCode, 200, res.body);
    const merged = res.json();
    assert.equal(merged.id, target.id);
    assert.equal(merged.closedOn, null);
    assert.deepEqual(
      merged.predecessors.map((p: { id: number; share: string; effectiveDate: string; closedOn: string }) => [p.id, p.share, p.effectiveDate, p.closedOn]).sort(),
      [[a.id, 'full', '2025-10-01', '2025-10-01'], [b.id, 'full', '2025-10-01', '2025-10-01']].sort(),
    );
    for (const id of [a.id, b.id]) {
      const source = await get(`/api/v1/org-units/${id}`);
      assert.equal(source.closedOn, '2025-10-01');
      assert.deepEqual(source.successors.map((s: { id: number }) => s.id), [target.id]);
    }
    const events = await auditSince(api.database.db, since);
    assert.deepEqual(events.map((e) => [e.action, e.entity_id]), [['orgUnit.merge', String(a.id)], ['orgUnit.merge', String(b.id)]]);
    assert.equal((events[0]!.after as { successorId: number }).successorId, target.id);
  });

  it('refuses to merge a unit into itself, rolling back every source', async () => {
    const a = await create({ code: 'MS-A', name: 'Nguồn gộp', kind: 'organization', parentId: duongKinhId });
    const t = await create({ code: 'MS-T', name: 'Đích gộp', kind: 'organization', parentId: duongKinhId });
    await refused(422, 'POST', '/api/v1/org-units/merge', { sourceIds: [a.id, t.id], targetId: t.id, effectiveDate: '2025-10-01' });
    // A source with open children fails after an earlier source was processed: all or nothing.
    const withChild = await create({ code: 'MS-P', name: 'Nguồn có con', kind: 'block', parentId: duongKinhId });
    await create({ code: 'MS-C', name: 'Con của nguồn', kind: 'organization', parentId: withChild.id });
    await refused(422, 'POST', '/api/v1/org-units/merge', { sourceIds: [a.id, withChild.id], targetId: t.id, effectiveDate: '2025-10-01' });
    assert.equal((await get(`/api/v1/org-units/${a.id}`)).closedOn, null);
  });
});
