/** CSV import of units: parents defined in the same file, and all-or-nothing on any bad row. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';
import { auditSince, countRows, dbState, maxAuditId } from '../helpers/dbState.ts';

describe('org units: CSV import', () => {
  let api: TestApi;
  let admin: Session;
  let duongKinhId: number;

  const importCsv = (csv: string, as: Session = admin) =>
    api.call('POST', '/api/v1/org-units/import', { as, raw: csv, headers: { 'content-type': 'text/csv; charset=utf-8' } });
  const unitByCode = (code: string) =>
    api.database.db.selectFrom('org_units').selectAll().where('code', '=', code).where('closed_on', 'is', null).executeTakeFirst();

  before(async () => {
    api = await startTestApi();
    admin = await api.login('admin', TEST_ADMIN_PASSWORD);
    duongKinhId = (await unitByCode('11692'))!.id;
  });
  after(() => api.close());

  it('creates units whose parents are defined later in the same file, with Vietnamese kind words', async () => {
    const before = await countRows(api.database.db, 'org_units');
    const since = await maxAuditId(api.database.db);
    const csv = [
      '\uFEFFcode,name,kind,parent_code,short_name,valid_from',
      'IMP-TDP1,Tổ dân phố 1,organization,IMP-KHOI,,2025-07-01',
      'IMP-TDP2,"Tổ dân phố\n 2",organization,IMP-KHOI,TDP 2,',
      'IMP-KHOI,Khối dân cư Dương Kinh,khối,11692,,',
      'IMP-SO,Sở Thử nghiệm,sở,31,STN,',
    ].join('\n');
    const res = await importCsv(csv);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { created: 4, updated: 0, errors: [] });
    assert.equal(await countRows(api.database.db, 'org_units'), before + 4);

    const khoi = (await unitByCode('IMP-KHOI'))!;
    assert.equal(khoi.kind, 'block');
    assert.equal(khoi.parent_id, duongKinhId);
    const tdp1 = (await unitByCode('IMP-TDP1'))!;
    assert.equal(tdp1.parent_id, khoi.id);
    assert.equal(tdp1.valid_from, '2025-07-01');
    const tdp2 = (await unitByCode('IMP-TDP2'))!;
    assert.equal(tdp2.name, 'Tổ dân phố 2');
    assert.equal(tdp2.short_name, 'TDP 2');
    assert.equal((await unitByCode('IMP-SO'))!.kind, 'department');

    // The closure knows the new units: the city's subtree reaches them at the right depth.
    const subtree = await api.call('GET', `/api/v1/org-units/${duongKinhId}/subtree`, { as: admin });
    const depths = new Map(subtree.json().items.map((u: { code: string; depth: number }) => [u.code, u.depth]));
    assert.equal(depths.get('IMP-KHOI'), 1);
    assert.equal(depths.get('IMP-TDP1'), 2);
    assert.equal(depths.get('IMP-TDP2'), 2);

    const events = await auditSince(api.database.db, since);
    assert.equal(events.length, 4);
    for (const e of events) {
      assert.equal(e.action, 'orgUnit.import');
      assert.equal(e.actor_username, 'admin');
    }
  });

  it('updates a unit whose code already exists instead of duplicating it', async () => {
    const before = await countRows(api.database.db, 'org_units');
    const res = await importCsv('code,name,kind,parent_code\nIMP-TDP1,Tổ dân phố số Một,organization,IMP-KHOI\n');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { created: 0, updated: 1, errors: [] });
    assert.equal(await countRows(api.database.db, 'org_units'), before);
    assert.equal((await unitByCode('IMP-TDP1'))!.name, 'Tổ dân phố số Một');
    const search = await api.call('GET', '/api/v1/org-units?q=to%20dan%20pho%20so%20mot', { as: admin });
    assert.deepEqual(search.json().items.map((u: { code: string }) => u.code), ['IMP-TDP1']);
  });

  it('rejects a file with an unknown kind and an unknown parent with 422 listing each row, importing nothing', async () => {
    const before = await dbState(api.database.db);
    const csv = [
      'code,name,kind,parent_code',
      'BAD-1,Tổ tốt một,organization,11692',
      'BAD-2,Tổ loại lạ,lang-xa,11692',
      'BAD-3,Tổ tốt hai,organization,BAD-1',
      'BAD-4,Tổ mồ côi,organization,KHONG-CO',
    ].join('\n');
    const res = await importCsv(csv);
    assert.equal(res.statusCode, 422, res.body);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    const body = res.json();
    assert.equal(body.detail, 'Tệp CSV có 2 dòng lỗi; không dòng nào được nhập.');
    assert.deepEqual(
      body.errors.map((e: { path: string; message: string }) => [e.path, e.message]),
      [
        ['row 3', 'Loại đơn vị «lang-xa» không hợp lệ.'],
        ['row 5', 'Không tìm thấy đơn vị cấp trên có mã «KHONG-CO».'],
      ],
    );
    assert.deepEqual(await dbState(api.database.db), before, 'the good rows were not imported either');
    assert.equal(await unitByCode('BAD-1'), undefined);
  });

  it('reports a missing name, a bad date and missing columns', async () => {
    const before = await dbState(api.database.db);
    const rows = await importCsv('code,name,kind,parent_code,valid_from\nNN-1,,ward,31,\nNN-2,Phường Ngày Sai,phường,31,01/07/2025\n');
    assert.equal(rows.statusCode, 422, rows.body);
    assert.deepEqual(
      rows.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]),
      [
        ['row 2', 'Thiếu tên đơn vị.'],
        ['row 3', 'Ngày «01/07/2025» không đúng định dạng YYYY-MM-DD.'],
      ],
    );
    const columns = await importCsv('code,name\nX,Y\n');
    assert.equal(columns.statusCode, 400);
    assert.equal(columns.json().detail, 'Tệp CSV thiếu cột bắt buộc: kind, parent_code.');
    const empty = await importCsv('code,name,kind,parent_code\n');
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().detail, 'Tệp CSV không có dòng dữ liệu nào.');
    assert.deepEqual(await dbState(api.database.db), before);
  });

  it('refuses a file that lists the same code twice', async () => {
    const before = await dbState(api.database.db);
    const res = await importCsv('code,name,kind,parent_code\nDUP-1,Tổ thứ nhất,organization,11692\nDUP-2,Tổ khác,organization,11692\nDUP-1,Tổ thứ hai,organization,11692\n');
    assert.equal(res.statusCode, 422, res.body);
    assert.deepEqual(res.json().errors, [{ path: 'row 4', message: 'Mã «DUP-1» đã có ở dòng 2 của tệp.' }]);
    assert.deepEqual(await dbState(api.database.db), before);
  });

  it('refuses a file that would move a unit under its own descendant, changing nothing', async () => {
    const before = await dbState(api.database.db);
    const res = await importCsv('code,name,kind,parent_code\nIMP-KHOI,Khối dân cư Dương Kinh,block,IMP-TDP1\n');
    assert.equal(res.statusCode, 422, res.body);
    assert.deepEqual(res.json().errors, [{ path: 'row 2', message: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.' }]);
    assert.deepEqual(await dbState(api.database.db), before);
    assert.equal((await unitByCode('IMP-KHOI'))!.parent_id, duongKinhId);
  });

  it('lets a ward admin import under the ward but not under the city (403, nothing imported)', async () => {
    const wardAdmin = await api.login('quantri.duongkinh', DEMO_PASSWORD);
    const ok = await importCsv('code,name,kind,parent_code\nWA-1,Tổ của phường,organization,11692\n', wardAdmin);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await unitByCode('WA-1'))!.parent_id, duongKinhId);

    const before = await dbState(api.database.db);
    const res = await importCsv('code,name,kind,parent_code\nWA-2,Tổ của phường,organization,11692\nWA-3,Sở tự lập,department,31\n', wardAdmin);
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(res.json().detail, 'Đơn vị «Thành phố Hải Phòng» nằm ngoài phạm vi được phân quyền của bạn.');
    assert.deepEqual(await dbState(api.database.db), before);
  });
});
