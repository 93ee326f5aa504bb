/** Plans and targets: the city's 80% cascades to every ward; scope on the target's unit; bad input changes nothing. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { auditSince, maxAuditId, expectRefused } from '../helpers/dbState.ts';

describe('plans and targets', () => {
  let api: TestApi;
  let coordinator: Session; // dieuphoi, coordinator at the city
  let reporter: Session; // baocao, reporter at Phường Dương Kinh
  let wardAdmin: Session; // quantri.duongkinh, admin at Phường Dương Kinh
  let cityId: number;
  let duongKinhId: number;
  let haiAnId: number;
  let cityPlanId: number;
  let wardPlanId: number;
  let cityTargetId: number;
  let levelTargetId: number;

  const idOf = async (code: string) =>
    (await api.database.db.selectFrom('org_units').select('id').where('code', '=', code).where('closed_on', 'is', null).executeTakeFirstOrThrow()).id;
  const send = async (status: number, method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, body?: unknown, as = coordinator) => {
    const res = await api.call(method, url, { as, body });
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
    return status === 204 ? undefined : res.json();
  };
  /** The request must be refused with problem+json, and nothing stored (audit included) may change. */
  const refused = async (status: number, method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, as = coordinator) => {
    return expectRefused(api.database.db, status, () => api.call(method, url, { as, body }), `${method} ${url}`);
  };

  before(async () => {
    api = await startTestApi({ catalogue: 'empty' }); // counts what it creates: without the demo's catalogue
    [coordinator, reporter, wardAdmin] = [
      await api.login('dieuphoi', DEMO_PASSWORD),
      await api.login('baocao', DEMO_PASSWORD),
      await api.login('quantri.duongkinh', DEMO_PASSWORD),
    ];
    cityId = await idOf('31');
    duongKinhId = await idOf('11692');
    haiAnId = await idOf('11413');
    for (const body of [
      { code: 'CQS-DVC', name: 'Tỷ lệ dịch vụ công trực tuyến toàn trình', unit: '%', spaceAggregation: 'ratio', timeAggregation: 'latest', pillar: 'chinh_quyen_so' },
      { code: 'CQS-SOHOA', name: 'Tỷ lệ số hóa kết quả giải quyết TTHC', unit: '%', spaceAggregation: 'ratio', timeAggregation: 'latest', pillar: 'chinh_quyen_so' },
      { code: 'CU-ARCHIVED', name: 'Chỉ tiêu cũ', unit: 'count', spaceAggregation: 'sum', timeAggregation: 'sum' },
    ]) {
      await send(201, 'POST', '/api/v1/indicators', body);
    }
    await send(200, 'DELETE', '/api/v1/indicators/CU-ARCHIVED');
  });
  after(() => api.close());

  describe('plans', () => {
    it('creates the city plan 227/KH-UBND and the ward plan 35/KH-UBND, audited', async () => {
      const since = await maxAuditId(api.database.db);
      const city = await send(201, 'POST', '/api/v1/plans', {
        kind: 'KH',
        number: ' 227/KH-UBND ',
        issuerUnitId: cityId,
        issuedOn: '2020-10-12',
        title: 'Kế hoạch chuyển đổi số thành phố Hải Phòng giai đoạn 2021 – 2025',
        horizonYear: 2025,
      });
      cityPlanId = city.id;
      assert.deepEqual(
        { ...city, id: 0, createdAt: '', updatedAt: '' },
        {
          id: 0,
          kind: 'KH',
          number: '227/KH-UBND',
          issuer: { id: cityId, code: '31', name: 'Thành phố Hải Phòng' },
          issuedOn: '2020-10-12',
          title: 'Kế hoạch chuyển đổi số thành phố Hải Phòng giai đoạn 2021 – 2025',
          horizonYear: 2025,
          horizonFrom: null,
          parentPlan: null,
          summary: null,
          document: null,
          targetCount: 0,
          taskCount: 0,
          createdAt: '',
          updatedAt: '',
        },
      );
      const ward = await send(201, 'POST', '/api/v1/plans', { kind: 'KH', number: '35/KH-UBND', issuerUnitId: duongKinhId, issuedOn: '2025-07-15', title: 'Kế hoạch chuyển đổi số năm 2025 của phường Dương Kinh', horizonYear: 2025 }, wardAdmin);
      wardPlanId = ward.id;
      assert.equal(ward.issuer.name, 'Phường Dương Kinh');
      const resolution = await send(201, 'POST', '/api/v1/plans', { kind: 'NQ', number: '03-NQ/TU', title: 'Nghị quyết về chuyển đổi số thành phố Hải Phòng', issuedOn: '2021-03-17', horizonYear: 2030 });
      assert.equal(resolution.issuer, null);
      const events = await auditSince(api.database.db, since);
      assert.deepEqual(events.map((e) => [e.action, e.actor_username, e.org_unit_id]), [
        ['plan.create', 'dieuphoi', cityId],
        ['plan.create', 'quantri.duongkinh', duongKinhId],
        ['plan.create', 'dieuphoi', null],
      ]);
    });

    it('refuses a number the same issuer already used (any case), but not another issuer’s', async () => {
      const problem = await refused(409, 'POST', '/api/v1/plans', { kind: 'KH', number: '227/kh-ubnd', issuerUnitId: cityId, title: 'Bản sao' });
      assert.equal(problem.detail, 'Văn bản số «227/KH-UBND» của cơ quan ban hành này đã có trong hệ thống.');
      await send(201, 'POST', '/api/v1/plans', { kind: 'KH', number: '227/KH-UBND', issuerUnitId: haiAnId, title: 'Kế hoạch cùng số của phường Hải An' });
    });

    it('lists newest first, filters and searches', async () => {
      const all = await send(200, 'GET', '/api/v1/plans', undefined, reporter);
      assert.deepEqual(all.items.map((p: { number: string }) => p.number), ['227/KH-UBND', '03-NQ/TU', '35/KH-UBND', '227/KH-UBND']);
      const nq = await send(200, 'GET', '/api/v1/plans?kind=NQ');
      assert.deepEqual(nq.items.map((p: { number: string }) => p.number), ['03-NQ/TU']);
      const search = await send(200, 'GET', `/api/v1/plans?q=${encodeURIComponent('dương kinh')}`);
      assert.deepEqual(search.items.map((p: { id: number }) => p.id), [wardPlanId]);
      const byIssuer = await send(200, 'GET', `/api/v1/plans?issuer=${cityId}`);
      assert.deepEqual(byIssuer.items.map((p: { id: number }) => p.id), [cityPlanId]);
      const page = await send(200, 'GET', '/api/v1/plans?limit=3');
      assert.equal(page.items.length, 3);
      const rest = await send(200, 'GET', `/api/v1/plans?limit=3&cursor=${page.nextCursor}`);
      assert.deepEqual(rest.items.map((p: { id: number }) => p.id), [cityPlanId]);
      assert.equal(rest.nextCursor, null);
    });

    it('changes a plan, auditing before and after', async () => {
      const since = await maxAuditId(api.database.db);
      const changed = await send(200, 'PATCH', `/api/v1/plans/${wardPlanId}`, { title: 'Kế hoạch 35/KH-UBND về chuyển đổi số năm 2025', issuedOn: '2025-07-16' }, wardAdmin);
      assert.equal(changed.title, 'Kế hoạch 35/KH-UBND về chuyển đổi số năm 2025');
      assert.equal(changed.issuedOn, '2025-07-16');
      const [event] = await auditSince(api.database.db, since);
      assert.equal(event?.action, 'plan.update');
      assert.equal((event?.before as { issuedOn: string }).issuedOn, '2025-07-15');
      assert.equal((event?.after as { issuedOn: string }).issuedOn, '2025-07-16');
    });

    it('refuses bad input and writes outside the caller’s scope', async () => {
      const kind = await refused(400, 'POST', '/api/v1/plans', { kind: 'XYZ', number: '1/XYZ', title: 'Loại lạ' });
      assert.equal(kind.errors?.[0]?.path, 'body.kind');
      const unknown = await refused(400, 'POST', '/api/v1/plans', { kind: 'KH', number: '2/KH', title: 'Thừa trường', budget: 1 });
      assert.deepEqual(unknown.errors, [{ path: 'body.budget', message: 'Trường «budget» không được chấp nhận.' }]);
      await refused(400, 'POST', '/api/v1/plans', { kind: 'KH', number: '3/KH', title: 'Ngày sai', issuedOn: '15/07/2025' });
      await refused(404, 'POST', '/api/v1/plans', { kind: 'KH', number: '4/KH', title: 'Không có cơ quan', issuerUnitId: 99_999_999 });
      await refused(404, 'PATCH', '/api/v1/plans/99999999', { title: 'Không có' });

      const forbidden = 'Bạn không có quyền thực hiện thao tác này.';
      assert.equal((await refused(403, 'POST', '/api/v1/plans', { kind: 'KH', number: '5/KH', title: 'Báo cáo viên', issuerUnitId: duongKinhId }, reporter)).detail, forbidden);
      const city = await refused(403, 'POST', '/api/v1/plans', { kind: 'KH', number: '6/KH', title: 'Của thành phố', issuerUnitId: cityId }, wardAdmin);
      assert.equal(city.detail, 'Đơn vị «Thành phố Hải Phòng» nằm ngoài phạm vi được phân quyền của bạn.');
      const shared = await refused(403, 'POST', '/api/v1/plans', { kind: 'KH', number: '7/KH', title: 'Không cơ quan ban hành' }, wardAdmin);
      assert.match(shared.detail, /^Danh mục này dùng chung/);
      await refused(403, 'PATCH', `/api/v1/plans/${cityPlanId}`, { title: 'Sửa của thành phố' }, wardAdmin);
      await refused(403, 'PATCH', `/api/v1/plans/${wardPlanId}`, { issuerUnitId: cityId }, wardAdmin);
    });
  });

  describe('targets', () => {
    it('sets the city’s target by indicator code and a level target for every commune and ward', async () => {
      const since = await maxAuditId(api.database.db);
      const city = await send(201, 'POST', '/api/v1/targets', { planId: cityPlanId, indicator: 'cqs-dvc', scope: 'unit', orgUnitId: cityId, year: 2025, value: 80 });
      cityTargetId = city.id;
      assert.deepEqual(
        { ...city, id: 0, createdAt: '', updatedAt: '' },
        {
          id: 0,
          planId: cityPlanId,
          plan: { id: cityPlanId, kind: 'KH', number: '227/KH-UBND' },
          indicator: { id: city.indicator.id, code: 'CQS-DVC', name: 'Tỷ lệ dịch vụ công trực tuyến toàn trình', unit: '%', direction: 'higher' },
          scope: 'unit',
          orgUnit: { id: cityId, code: '31', name: 'Thành phố Hải Phòng' },
          level: null,
          year: 2025,
          comparator: '>=',
          value: 80,
          valueMax: null,
          parentTargetId: null,
          note: null,
          createdAt: '',
          updatedAt: '',
        },
      );
      const level = await send(201, 'POST', '/api/v1/targets', {
        planId: cityPlanId,
        indicator: city.indicator.id,
        scope: 'level',
        level: 'commune',
        orgUnitId: cityId,
        year: 2025,
        comparator: 'between',
        value: 80,
        valueMax: 90,
        note: 'Tỷ lệ hồ sơ xử lý trực tuyến cấp xã: 80% - 90%',
      });
      levelTargetId = level.id;
      assert.deepEqual([level.scope, level.level, level.comparator, level.value, level.valueMax], ['level', 'commune', 'between', 80, 90]);
      const events = await auditSince(api.database.db, since);
      assert.deepEqual(events.map((e) => [e.action, e.org_unit_id]), [['target.create', cityId], ['target.create', cityId]]);
      assert.equal((events[1]!.after as { valueMax: number }).valueMax, 90);
    });

    it('cascades the city’s 80% to every open commune, ward and special zone, once', async () => {
      const expected = await api.database.db
        .selectFrom('org_units')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('parent_id', '=', cityId)
        .where('kind', 'in', ['commune', 'ward', 'special_zone'])
        .where('closed_on', 'is', null)
        .executeTakeFirstOrThrow();
      assert.ok(expected.n > 100, `Hải Phòng has over a hundred communes and wards (${expected.n})`);
      const since = await maxAuditId(api.database.db);
      const cascade = await send(200, 'POST', `/api/v1/targets/${cityTargetId}/cascade`, { level: 'commune' });
      assert.equal(cascade.created, expected.n);
      assert.equal(cascade.skipped, 0);
      const dk = cascade.items.find((t: { orgUnit: { id: number } }) => t.orgUnit.id === duongKinhId);
      assert.deepEqual([dk.value, dk.comparator, dk.year, dk.parentTargetId, dk.planId, dk.scope, dk.indicator.code], [80, '>=', 2025, cityTargetId, cityPlanId, 'unit', 'CQS-DVC']);
      const events = await auditSince(api.database.db, since);
      assert.equal(events.length, 1, 'one audit event for the whole cascade');
      assert.equal(events[0]!.action, 'target.cascade');
      assert.equal((events[0]!.after as { created: unknown[] }).created.length, expected.n);

      const again = await send(200, 'POST', `/api/v1/targets/${cityTargetId}/cascade`, { level: 'commune' });
      assert.deepEqual([again.created, again.skipped], [0, expected.n]);

      const plan = await send(200, 'GET', `/api/v1/plans/${cityPlanId}`);
      assert.equal(plan.targetCount, expected.n + 2);
      assert.equal(plan.targets.length, expected.n + 2);
    });

    it('refuses to cascade to a level with no open unit', async () => {
      const problem = await refused(422, 'POST', `/api/v1/targets/${cityTargetId}/cascade`, { level: 'district' });
      assert.equal(problem.detail, 'Không có đơn vị cấp «cấp huyện (cũ)» đang hoạt động trực thuộc «Thành phố Hải Phòng».');
      await refused(400, 'POST', `/api/v1/targets/${cityTargetId}/cascade`, { level: 'village' });
      await refused(404, 'POST', '/api/v1/targets/99999999/cascade', { level: 'commune' });
    });

    it('lists targets by indicator, plan, year and unit, and those that apply to a unit', async () => {
      const own = await send(200, 'GET', `/api/v1/targets?indicator=CQS-DVC&year=2025&orgUnit=${duongKinhId}`, undefined, reporter);
      assert.deepEqual(own.items.map((t: { parentTargetId: number; value: number }) => [t.parentTargetId, t.value]), [[cityTargetId, 80]]);
      const applicable = await send(200, 'GET', `/api/v1/targets?indicator=CQS-DVC&orgUnit=${duongKinhId}&applicable=true`);
      assert.deepEqual(applicable.items.map((t: { id: number; scope: string }) => t.scope).sort(), ['level', 'unit']);
      assert.ok(applicable.items.some((t: { id: number }) => t.id === levelTargetId));
      const cityOnly = await send(200, 'GET', `/api/v1/targets?orgUnit=${cityId}`);
      assert.deepEqual(cityOnly.items.map((t: { id: number }) => t.id), [cityTargetId, levelTargetId]);
      const none = await send(200, 'GET', '/api/v1/targets?year=2030');
      assert.deepEqual(none.items, []);
      const paged = await send(200, 'GET', `/api/v1/targets?plan=${cityPlanId}&limit=50`);
      assert.equal(paged.items.length, 50);
      assert.ok(paged.nextCursor);
      const unknown = await api.call('GET', '/api/v1/targets?indicator=KHONG-CO', { as: coordinator });
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().detail, 'Không tìm thấy chỉ tiêu «KHONG-CO».');
    });

    it('changes a target’s value and range, auditing before and after', async () => {
      const since = await maxAuditId(api.database.db);
      const changed = await send(200, 'PATCH', `/api/v1/targets/${levelTargetId}`, { value: 85, valueMax: 95 });
      assert.deepEqual([changed.value, changed.valueMax], [85, 95]);
      const single = await send(200, 'PATCH', `/api/v1/targets/${levelTargetId}`, { comparator: '>=' });
      assert.deepEqual([single.comparator, single.value, single.valueMax], ['>=', 85, null], 'leaving "between" drops the upper bound');
      const events = await auditSince(api.database.db, since);
      assert.deepEqual(events.map((e) => e.action), ['target.update', 'target.update']);
      assert.deepEqual([(events[0]!.before as { value: number }).value, (events[0]!.after as { value: number }).value], [80, 85]);
    });

    it('refuses bad input with 400/404/422 and a Vietnamese detail, storing nothing', async () => {
      const base = { indicator: 'CQS-SOHOA', scope: 'unit', orgUnitId: cityId, year: 2025, value: 80 };
      const between = await refused(400, 'POST', '/api/v1/targets', { ...base, comparator: 'between' });
      assert.equal(between.detail, 'So sánh «trong khoảng» (between) cần cả giá trị cận trên (valueMax).');
      assert.deepEqual(between.errors?.map((e) => e.path), ['body.valueMax']);
      const inverted = await refused(400, 'POST', '/api/v1/targets', { ...base, comparator: 'between', valueMax: 70 });
      assert.equal(inverted.detail, 'Cận trên (70) phải lớn hơn hoặc bằng cận dưới (80).');
      await refused(400, 'POST', '/api/v1/targets', { ...base, valueMax: 90 });
      const noLevel = await refused(400, 'POST', '/api/v1/targets', { ...base, scope: 'level' });
      assert.equal(noLevel.detail, 'Chỉ tiêu áp dụng cho một cấp (scope = level) cần nêu cấp (level).');
      await refused(400, 'POST', '/api/v1/targets', { ...base, level: 'commune' });
      const unknownField = await refused(400, 'POST', '/api/v1/targets', { ...base, deadline: '2025-12-31' });
      assert.deepEqual(unknownField.errors, [{ path: 'body.deadline', message: 'Trường «deadline» không được chấp nhận.' }]);
      const comparator = await refused(400, 'POST', '/api/v1/targets', { ...base, comparator: '≥' });
      assert.equal(comparator.errors?.[0]?.message, '«comparator» phải là một trong các giá trị: >=, >, <=, <, =, between.');
      await refused(400, 'POST', '/api/v1/targets', { ...base, year: 1999 });
      await refused(400, 'POST', '/api/v1/targets', { ...base, value: 'tám mươi' });

      const range = await refused(422, 'POST', '/api/v1/targets', { ...base, value: 150 });
      assert.equal(range.detail, 'Giá trị chỉ tiêu 150 nằm ngoài khoảng cho phép của chỉ tiêu «CQS-SOHOA» (0 – 100).');
      const unknown = await refused(404, 'POST', '/api/v1/targets', { ...base, indicator: 'KHONG-CO' });
      assert.equal(unknown.detail, 'Không tìm thấy chỉ tiêu «KHONG-CO».');
      const archived = await refused(422, 'POST', '/api/v1/targets', { ...base, indicator: 'CU-ARCHIVED' });
      assert.equal(archived.detail, 'Chỉ tiêu «CU-ARCHIVED» đã được lưu trữ; không thể đặt chỉ tiêu kế hoạch mới.');
      await refused(404, 'POST', '/api/v1/targets', { ...base, orgUnitId: 99_999_999 });
      await refused(404, 'POST', '/api/v1/targets', { ...base, planId: 99_999_999 });
      const parent = await refused(422, 'POST', '/api/v1/targets', { ...base, orgUnitId: duongKinhId, parentTargetId: cityTargetId });
      assert.equal(parent.detail, `Chỉ tiêu kế hoạch cấp trên ${cityTargetId} thuộc chỉ tiêu khác.`);
      const patch = await refused(400, 'PATCH', `/api/v1/targets/${cityTargetId}`, { comparator: 'between' });
      assert.equal(patch.detail, 'So sánh «trong khoảng» (between) cần cả giá trị cận trên (valueMax).');
      await refused(404, 'PATCH', '/api/v1/targets/99999999', { value: 1 });
    });

    it('lets the admin of Dương Kinh set its own target but not the city’s', async () => {
      const own = await send(201, 'POST', '/api/v1/targets', { planId: wardPlanId, indicator: 'CQS-SOHOA', scope: 'unit', orgUnitId: duongKinhId, year: 2025, value: 100, comparator: '=' }, wardAdmin);
      assert.equal(own.orgUnit.name, 'Phường Dương Kinh');
      const city = await refused(403, 'POST', '/api/v1/targets', { indicator: 'CQS-SOHOA', scope: 'unit', orgUnitId: cityId, year: 2025, value: 80 }, wardAdmin);
      assert.equal(city.detail, 'Đơn vị «Thành phố Hải Phòng» nằm ngoài phạm vi được phân quyền của bạn.');
      await refused(403, 'POST', '/api/v1/targets', { indicator: 'CQS-SOHOA', scope: 'unit', orgUnitId: haiAnId, year: 2025, value: 80 }, wardAdmin);
      await refused(403, 'PATCH', `/api/v1/targets/${cityTargetId}`, { value: 10 }, wardAdmin);
      await refused(403, 'DELETE', `/api/v1/targets/${cityTargetId}`, undefined, wardAdmin);
      await refused(403, 'POST', `/api/v1/targets/${cityTargetId}/cascade`, { level: 'commune' }, wardAdmin);

      const reporterTry = await refused(403, 'POST', '/api/v1/targets', { indicator: 'CQS-SOHOA', scope: 'unit', orgUnitId: duongKinhId, year: 2025, value: 80 }, reporter);
      assert.equal(reporterTry.detail, 'Bạn không có quyền thực hiện thao tác này.');
    });

    it('deletes a target (204), audited; targets derived from it stay, unlinked', async () => {
      const since = await maxAuditId(api.database.db);
      await send(204, 'DELETE', `/api/v1/targets/${cityTargetId}`);
      assert.equal((await api.call('GET', `/api/v1/targets/${cityTargetId}`, { as: coordinator })).statusCode, 404);
      const dk = await send(200, 'GET', `/api/v1/targets?indicator=CQS-DVC&orgUnit=${duongKinhId}`);
      assert.deepEqual(dk.items.map((t: { value: number; parentTargetId: number | null }) => [t.value, t.parentTargetId]), [[80, null]]);
      const [event] = await auditSince(api.database.db, since);
      assert.equal(event?.action, 'target.delete');
      assert.equal((event?.before as { value: number }).value, 80);
      await refused(404, 'DELETE', `/api/v1/targets/${cityTargetId}`);
    });
  });
});
