/** The indicator catalogue through the API: create with defaults, search, change, archive; scope; bad input changes nothing. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { auditSince, countRows, dbState, maxAuditId, expectRefused } from '../helpers/dbState.ts';

describe('indicators', () => {
  let api: TestApi;
  let coordinator: Session; // dieuphoi, coordinator at the city
  let reporter: Session; // baocao, reporter at Phường Dương Kinh
  let wardAdmin: Session; // quantri.duongkinh, admin at Phường Dương Kinh
  let leader: Session; // lanhdao, leader at the city

  const ONLINE_RATE = {
    code: 'CQS-HSCV',
    name: 'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng',
    unit: '%',
    spaceAggregation: 'ratio',
    timeAggregation: 'latest',
    pillar: 'chinh_quyen_so',
  };
  const FILES = {
    code: 'CQS-HSTT',
    name: 'Số hồ sơ thủ tục hành chính tiếp nhận trực tuyến',
    unit: 'count',
    spaceAggregation: 'sum',
    timeAggregation: 'sum',
    pillar: 'chinh_quyen_so',
    description: 'Theo Báo cáo 01-BC/BCĐ: 3.658.476 hồ sơ trực tuyến.',
    decimals: 0,
  };

  const create = async (body: Record<string, unknown>, as = coordinator) => {
    const res = await api.call('POST', '/api/v1/indicators', { as, body });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const get = async (url: string, as = coordinator) => {
    const res = await api.call('GET', url, { as });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json();
  };
  /** The request must be refused with problem+json, and nothing stored (audit included) may change. */
  const refused = async (status: number, method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, as = coordinator) => {
    return expectRefused(api.database.db, status, () => api.call(method, url, { as, body }), `${method} ${url}`);
  };
  const codes = (page: { items: { code: string }[] }) => page.items.map((i) => i.code);

  before(async () => {
    api = await startTestApi({ catalogue: 'empty' }); // counts what it creates: without the demo's catalogue
    [coordinator, reporter, wardAdmin, leader] = [
      await api.login('dieuphoi', DEMO_PASSWORD),
      await api.login('baocao', DEMO_PASSWORD),
      await api.login('quantri.duongkinh', DEMO_PASSWORD),
      await api.login('lanhdao', DEMO_PASSWORD),
    ];
  });
  after(() => api.close());

  describe('create', () => {
    it('creates a % ratio indicator with defaults (monthly, higher is better, 0–100) and audits it', async () => {
      const since = await maxAuditId(api.database.db);
      const created = await create(ONLINE_RATE);
      assert.equal(typeof created.id, 'number');
      assert.deepEqual(
        { ...created, id: 0, createdAt: '', updatedAt: '' },
        {
          id: 0,
          code: 'CQS-HSCV',
          name: 'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng',
          description: null,
          unit: '%',
          pillar: 'chinh_quyen_so',
          direction: 'higher',
          spaceAggregation: 'ratio',
          timeAggregation: 'latest',
          periodType: 'month',
          decimals: 2,
          minValue: 0,
          maxValue: 100,
          isDemo: false,
          archivedAt: null,
          createdAt: '',
          updatedAt: '',
        },
      );
      const events = await auditSince(api.database.db, since);
      assert.equal(events.length, 1);
      assert.equal(events[0]!.action, 'indicator.create');
      assert.equal(events[0]!.actor_username, 'dieuphoi');
      assert.equal(events[0]!.entity_id, String(created.id));
      assert.deepEqual((events[0]!.after as { code: string; unit: string }).code, 'CQS-HSCV');
      assert.equal(events[0]!.before, null);
    });

    it('keeps given values, trims and cleans text; a count is never negative by default', async () => {
      const created = await create({ ...FILES, name: '  Số hồ sơ thủ tục hành chính\n tiếp nhận trực tuyến ', direction: 'higher', periodType: 'quarter' });
      assert.equal(created.name, 'Số hồ sơ thủ tục hành chính tiếp nhận trực tuyến');
      assert.equal(created.periodType, 'quarter');
      assert.equal(created.decimals, 0);
      assert.equal(created.minValue, 0);
      assert.equal(created.maxValue, null);
      assert.equal(created.description, 'Theo Báo cáo 01-BC/BCĐ: 3.658.476 hồ sơ trực tuyến.');
    });

    it('lets a % growth rate drop the 0–100 bounds with explicit nulls', async () => {
      const created = await create({
        code: 'KTS-TT',
        name: 'Tốc độ tăng trưởng kinh tế số',
        unit: '%',
        spaceAggregation: 'avg',
        timeAggregation: 'latest',
        pillar: 'kinh_te_so',
        periodType: 'year',
        minValue: null,
        maxValue: null,
      });
      assert.equal(created.minValue, null);
      assert.equal(created.maxValue, null);
      assert.equal(created.periodType, 'year');
    });

    it('refuses a duplicate code, whatever its case, with 409 and a Vietnamese detail', async () => {
      const problem = await refused(409, 'POST', '/api/v1/indicators', { ...ONLINE_RATE, code: 'cqs-hscv', name: 'Bản sao' });
      assert.equal(problem.title, 'Xung đột dữ liệu');
      assert.equal(problem.detail, 'Mã chỉ tiêu «CQS-HSCV» đã được dùng cho chỉ tiêu «Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng».');
    });

    it('refuses unknown fields, wrong enums and missing fields with 400 naming each', async () => {
      const unknown = await refused(400, 'POST', '/api/v1/indicators', { ...FILES, code: 'X-1', target: 80 });
      assert.equal(unknown.detail, 'Dữ liệu gửi lên không hợp lệ.');
      assert.deepEqual(unknown.errors, [{ path: 'body.target', message: 'Trường «target» không được chấp nhận.' }]);

      const unit = await refused(400, 'POST', '/api/v1/indicators', { ...FILES, code: 'X-2', unit: 'kg' });
      assert.equal(unit.errors?.[0]?.path, 'body.unit');
      assert.match(unit.errors![0]!.message, /^«unit» phải là một trong các giá trị: %, count, VND, million VND, billion VND, rank, index, days, hours, people, other\.$/);

      const aggregation = await refused(400, 'POST', '/api/v1/indicators', { ...FILES, code: 'X-3', spaceAggregation: 'median', timeAggregation: 'last' });
      assert.deepEqual(aggregation.errors?.map((e) => e.path), ['body.spaceAggregation', 'body.timeAggregation']);

      const missing = await refused(400, 'POST', '/api/v1/indicators', { code: 'X-4', name: 'Thiếu' });
      assert.ok(missing.errors?.some((e) => e.message === 'Thiếu trường bắt buộc «unit».'), JSON.stringify(missing.errors));

      const pillar = await refused(400, 'POST', '/api/v1/indicators', { ...FILES, code: 'X-5', pillar: 'kinh_te' });
      assert.equal(pillar.errors?.[0]?.path, 'body.pillar');
    });

    it('refuses definitions that break the rules with 400 and a Vietnamese detail', async () => {
      const code = await refused(400, 'POST', '/api/v1/indicators', { ...FILES, code: 'Mã có dấu' });
      assert.match(code.detail, /^Mã chỉ tiêu «Mã có dấu» không hợp lệ/);
      assert.deepEqual(code.errors?.map((e) => e.path), ['body.code']);
      const digits = await refused(400, 'POST', '/api/v1/indicators', { ...FILES, code: '12345' });
      assert.match(digits.detail, /có ít nhất một chữ cái/);

      const summedPercent = await refused(400, 'POST', '/api/v1/indicators', { ...ONLINE_RATE, code: 'X-6', spaceAggregation: 'sum' });
      assert.equal(
        summedPercent.detail,
        'Chỉ tiêu có đơn vị «%» không thể tổng hợp bằng phép cộng; hãy dùng tỷ lệ, trung bình, nhỏ nhất, lớn nhất hoặc kỳ gần nhất.',
      );

      const inverted = await refused(400, 'POST', '/api/v1/indicators', { ...FILES, code: 'X-7', minValue: 10, maxValue: 5 });
      assert.equal(inverted.detail, 'Giá trị nhỏ nhất (10) lớn hơn giá trị lớn nhất (5).');

      const two = await refused(400, 'POST', '/api/v1/indicators', { ...ONLINE_RATE, code: 'X-8', spaceAggregation: 'avg', timeAggregation: 'sum', minValue: 100, maxValue: 0 });
      assert.equal(two.detail, 'Định nghĩa chỉ tiêu có 2 lỗi.');
      assert.deepEqual(two.errors?.map((e) => e.path).sort(), ['body.maxValue', 'body.timeAggregation']);
    });

    it('answers in English when asked', async () => {
      const before = await countRows(api.database.db, 'audit_events');
      const res = await api.call('POST', '/api/v1/indicators', { as: coordinator, body: { ...FILES }, headers: { 'accept-language': 'en' } });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().detail, 'Indicator code “CQS-HSTT” is already used by “Số hồ sơ thủ tục hành chính tiếp nhận trực tuyến”.');
      assert.equal(await countRows(api.database.db, 'audit_events'), before);
    });
  });

  describe('read', () => {
    it('finds an indicator by id or by code in any case', async () => {
      const byCode = await get('/api/v1/indicators/cqs-hscv');
      assert.equal(byCode.code, 'CQS-HSCV');
      const byId = await get(`/api/v1/indicators/${byCode.id}`);
      assert.deepEqual(byId, byCode);
      const missing = await api.call('GET', '/api/v1/indicators/KHONG-CO', { as: coordinator });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().detail, 'Không tìm thấy chỉ tiêu «KHONG-CO».');
      assert.equal((await api.call('GET', '/api/v1/indicators/999999', { as: coordinator })).statusCode, 404);
    });

    it('lists by code, searches code and name without diacritics, filters by pillar and pages with a cursor', async () => {
      assert.deepEqual(codes(await get('/api/v1/indicators')), ['CQS-HSCV', 'CQS-HSTT', 'KTS-TT']);
      assert.deepEqual(codes(await get('/api/v1/indicators?q=ho%20so%20cong%20viec')), ['CQS-HSCV']);
      assert.deepEqual(codes(await get(`/api/v1/indicators?q=${encodeURIComponent('HỒ SƠ')}`)), ['CQS-HSCV', 'CQS-HSTT']);
      assert.deepEqual(codes(await get('/api/v1/indicators?q=kts')), ['KTS-TT']);
      assert.deepEqual(codes(await get('/api/v1/indicators?q=tang%20truong%20kinh%20te')), ['KTS-TT']);
      assert.deepEqual(codes(await get('/api/v1/indicators?pillar=kinh_te_so')), ['KTS-TT']);
      assert.deepEqual(codes(await get('/api/v1/indicators?q=50%25')), [], 'a % in the query is not a wildcard');

      const first = await get('/api/v1/indicators?limit=2');
      assert.deepEqual(codes(first), ['CQS-HSCV', 'CQS-HSTT']);
      assert.ok(first.nextCursor);
      const second = await get(`/api/v1/indicators?limit=2&cursor=${first.nextCursor}`);
      assert.deepEqual(codes(second), ['KTS-TT']);
      assert.equal(second.nextCursor, null);

      const bad = await api.call('GET', '/api/v1/indicators?pillar=khac', { as: coordinator });
      assert.equal(bad.statusCode, 400);
    });

    it('lists the options with Vietnamese labels', async () => {
      const options = await get('/api/v1/indicators/options');
      assert.deepEqual(options.units.find((u: { value: string }) => u.value === 'million VND'), { value: 'million VND', label: 'Triệu đồng' });
      assert.deepEqual(options.pillars.map((p: { label: string }) => p.label), [
        'Chính quyền số',
        'Kinh tế số',
        'Xã hội số',
        'Hạ tầng số',
        'Nhân lực số',
        'An toàn thông tin',
        'Thể chế số',
        'Nhận thức số',
      ]);
      assert.equal(options.timeAggregations.find((t: { value: string }) => t.value === 'latest').label, 'Kỳ gần nhất');
      assert.equal(options.periodTypes.find((t: { value: string }) => t.value === 'half').label, '6 tháng');
    });
  });

  describe('change', () => {
    it('renames and re-describes, auditing before and after', async () => {
      const since = await maxAuditId(api.database.db);
      const res = await api.call('PATCH', '/api/v1/indicators/CQS-HSTT', {
        as: coordinator,
        body: { name: 'Số hồ sơ TTHC tiếp nhận trực tuyến', description: null, decimals: 1 },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().name, 'Số hồ sơ TTHC tiếp nhận trực tuyến');
      assert.equal(res.json().description, null);
      assert.equal(res.json().decimals, 1);
      const [event] = await auditSince(api.database.db, since);
      assert.equal(event?.action, 'indicator.update');
      assert.deepEqual(
        [(event?.before as { name: string }).name, (event?.after as { name: string }).name],
        ['Số hồ sơ thủ tục hành chính tiếp nhận trực tuyến', 'Số hồ sơ TTHC tiếp nhận trực tuyến'],
      );
      assert.deepEqual(codes(await get('/api/v1/indicators?q=tthc')), ['CQS-HSTT'], 'the search key follows the new name');
    });

    it('changes the aggregation while there are no values, and writes no audit for a no-op', async () => {
      const res = await api.call('PATCH', '/api/v1/indicators/CQS-HSTT', { as: coordinator, body: { periodType: 'month' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().periodType, 'month');
      const since = await maxAuditId(api.database.db);
      const same = await api.call('PATCH', '/api/v1/indicators/CQS-HSTT', { as: coordinator, body: { periodType: 'month' } });
      assert.equal(same.statusCode, 200);
      assert.equal((await auditSince(api.database.db, since)).length, 0);
    });

    it('refuses to change unit, aggregations or period type once values exist (409), but allows the name', async () => {
      const indicator = await get('/api/v1/indicators/CQS-HSTT');
      const ward = await api.database.db.selectFrom('org_units').select('id').where('code', '=', '11692').where('closed_on', 'is', null).executeTakeFirstOrThrow();
      await api.database.db
        .insertInto('data_values')
        .values({ indicator_id: indicator.id, org_unit_id: ward.id, period_id: '2025-09', period_type: 'month', period_start: '2025-09-01', period_end: '2025-09-30', value: 1200, source: 'api' })
        .execute();

      const problem = await refused(409, 'PATCH', '/api/v1/indicators/CQS-HSTT', { timeAggregation: 'latest', periodType: 'quarter' });
      assert.equal(
        problem.detail,
        'Chỉ tiêu «CQS-HSTT» đã có số liệu báo cáo nên không thể đổi cách tổng hợp theo thời gian, kỳ báo cáo: việc này sẽ làm thay đổi ý nghĩa của các số liệu đã lưu. Hãy tạo chỉ tiêu mới nếu cần cách tính khác.',
      );
      assert.deepEqual(problem.errors?.map((e) => e.path), ['body.timeAggregation', 'body.periodType']);
      await refused(409, 'PATCH', '/api/v1/indicators/CQS-HSTT', { unit: 'people' });
      await refused(409, 'PATCH', '/api/v1/indicators/CQS-HSTT', { spaceAggregation: 'max' });

      const rename = await api.call('PATCH', '/api/v1/indicators/CQS-HSTT', { as: coordinator, body: { name: 'Số hồ sơ trực tuyến', maxValue: 10_000_000 } });
      assert.equal(rename.statusCode, 200, rename.body);
      assert.equal(rename.json().maxValue, 10_000_000);
    });

    it('refuses a code taken by another indicator, an empty patch and a definition that breaks the rules', async () => {
      const taken = await refused(409, 'PATCH', '/api/v1/indicators/KTS-TT', { code: 'cqs-hscv' });
      assert.match(taken.detail, /^Mã chỉ tiêu «CQS-HSCV» đã được dùng/);
      const empty = await refused(400, 'PATCH', '/api/v1/indicators/KTS-TT', {});
      assert.equal(empty.detail, 'Dữ liệu gửi lên không hợp lệ.');
      const sum = await refused(400, 'PATCH', '/api/v1/indicators/CQS-HSCV', { spaceAggregation: 'avg', timeAggregation: 'sum' });
      assert.match(sum.detail, /không thể tổng hợp bằng phép cộng/);
      await refused(404, 'PATCH', '/api/v1/indicators/KHONG-CO', { name: 'X' });
    });

    it('archives (DELETE) and restores, keeping the values and the code', async () => {
      const since = await maxAuditId(api.database.db);
      const archived = await api.call('DELETE', '/api/v1/indicators/CQS-HSTT', { as: coordinator });
      assert.equal(archived.statusCode, 200, archived.body);
      assert.ok(archived.json().archivedAt);
      assert.deepEqual(codes(await get('/api/v1/indicators')), ['CQS-HSCV', 'KTS-TT']);
      assert.deepEqual(codes(await get('/api/v1/indicators?includeArchived=true')), ['CQS-HSCV', 'CQS-HSTT', 'KTS-TT']);
      assert.ok((await get('/api/v1/indicators/CQS-HSTT')).archivedAt, 'still readable');
      assert.equal(await countRows(api.database.db, 'indicators'), 3);
      const values = await api.database.db.selectFrom('data_values').select('value').where('indicator_id', '=', archived.json().id).execute();
      assert.deepEqual(values, [{ value: 1200 }]);

      const edit = await refused(422, 'PATCH', '/api/v1/indicators/CQS-HSTT', { name: 'Sửa khi đã lưu trữ' });
      assert.equal(edit.detail, 'Chỉ tiêu «CQS-HSTT» đã được lưu trữ; hãy khôi phục trước khi sửa.');
      const reuse = await refused(409, 'POST', '/api/v1/indicators', { ...FILES });
      assert.match(reuse.detail, /đã lưu trữ «Số hồ sơ trực tuyến»; hãy khôi phục/);
      const again = await api.call('DELETE', '/api/v1/indicators/CQS-HSTT', { as: coordinator });
      assert.equal(again.statusCode, 200, 'archiving twice is harmless');

      const restored = await api.call('POST', '/api/v1/indicators/CQS-HSTT/restore', { as: coordinator });
      assert.equal(restored.statusCode, 200);
      assert.equal(restored.json().archivedAt, null);
      assert.deepEqual(codes(await get('/api/v1/indicators')), ['CQS-HSCV', 'CQS-HSTT', 'KTS-TT']);
      assert.deepEqual((await auditSince(api.database.db, since)).map((e) => e.action), ['indicator.archive', 'indicator.restore']);
    });
  });

  describe('scope', () => {
    it('lets a reporter of Phường Dương Kinh read indicators but not write them', async () => {
      assert.deepEqual(codes(await get('/api/v1/indicators', reporter)), ['CQS-HSCV', 'CQS-HSTT', 'KTS-TT']);
      assert.equal((await get('/api/v1/indicators/CQS-HSCV', reporter)).code, 'CQS-HSCV');
      const detail = 'Bạn không có quyền thực hiện thao tác này.';
      assert.equal((await refused(403, 'POST', '/api/v1/indicators', { ...FILES, code: 'R-1' }, reporter)).detail, detail);
      assert.equal((await refused(403, 'PATCH', '/api/v1/indicators/CQS-HSCV', { name: 'Đổi' }, reporter)).detail, detail);
      await refused(403, 'DELETE', '/api/v1/indicators/CQS-HSCV', undefined, reporter);
      await refused(403, 'POST', '/api/v1/indicators/CQS-HSTT/restore', undefined, reporter);
    });

    it('refuses the admin of a ward: the catalogue belongs to the whole city', async () => {
      const problem = await refused(403, 'POST', '/api/v1/indicators', { ...FILES, code: 'W-1' }, wardAdmin);
      assert.equal(problem.detail, 'Danh mục này dùng chung cho toàn bộ hệ thống; chỉ điều phối viên hoặc quản trị viên ở đơn vị cấp cao nhất được thay đổi.');
      await refused(403, 'PATCH', '/api/v1/indicators/CQS-HSCV', { name: 'Đổi' }, wardAdmin);
      await refused(403, 'DELETE', '/api/v1/indicators/CQS-HSCV', undefined, wardAdmin);
    });

    it('lets a leader read but not write', async () => {
      assert.equal((await get('/api/v1/indicators/KTS-TT', leader)).code, 'KTS-TT');
      await refused(403, 'POST', '/api/v1/indicators', { ...FILES, code: 'L-1' }, leader);
    });

    it('requires a session and a CSRF token', async () => {
      assert.equal((await api.call('GET', '/api/v1/indicators')).statusCode, 401);
      const before = await dbState(api.database.db);
      const noCsrf = await api.call('POST', '/api/v1/indicators', { as: coordinator, body: { ...FILES, code: 'C-1' }, headers: { 'x-csrf-token': 'sai' } });
      assert.equal(noCsrf.statusCode, 403);
      assert.deepEqual(await dbState(api.database.db), before);
    });
  });
});
