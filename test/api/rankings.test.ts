/** Rankings: model CRUD and its refusals, scores by hand for 3 units with a tie, publication freezes, scope, /rankings/top. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { expectRefused } from '../helpers/dbState.ts';

describe('rankings', () => {
  let api: TestApi;
  let coordinator: Session; // dieuphoi, coordinator at the city
  let leader: Session; // lanhdao, leader at the city
  let reporter: Session; // baocao, reporter at Phường Dương Kinh
  let wardAdmin: Session; // quantri.duongkinh, admin at Phường Dương Kinh
  let cityId: number;
  let duongKinhId: number;
  let groupId: number;
  let xId: number;
  let yId: number;
  let modelId: number;
  const wards = ['11692', '11413', '11557'];
  const unitIds: Record<string, number> = {};

  const send = async (status: number, method: 'POST' | 'PUT' | 'DELETE' | 'GET', url: string, body?: unknown, as = coordinator) => {
    const res = await api.call(method, url, { as, body });
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
    return status === 204 ? undefined : res.json();
  };
  const refused = async (status: number, method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, as = coordinator) => {
    return expectRefused(api.database.db, status, () => api.call(method, url, { as, body }), `${method} ${url}`);
  };
  const values = async (rows: { indicator: string; orgUnit: string; period: string; value: number }[]) => {
    await send(200, 'POST', '/api/v1/data-values', { dataValues: rows });
    await api.rollupsIdle();
  };
  const model = (over: Record<string, unknown> = {}) => ({
    name: 'Bộ chỉ số thử',
    anchorUnitId: cityId,
    groupId,
    pillars: [
      { name: 'Trụ cột 1', weight: 2, components: [{ indicatorId: xId, maxPoints: 10, normalisation: 'target', params: { target: 10 } }] },
      { name: 'Trụ cột 2', weight: 1, components: [{ indicatorId: yId, maxPoints: 20, normalisation: 'minmax' }] },
    ],
    ...over,
  });
  const byCode = (r: { rows: { unitCode: string; rank: number; score: number; change: unknown }[] }) => Object.fromEntries(r.rows.map((x) => [x.unitCode, x]));

  before(async () => {
    api = await startTestApi({ rollups: true });
    coordinator = await api.login('dieuphoi', DEMO_PASSWORD);
    leader = await api.login('lanhdao', DEMO_PASSWORD);
    reporter = await api.login('baocao', DEMO_PASSWORD);
    wardAdmin = await api.login('quantri.duongkinh', DEMO_PASSWORD);
    const db = api.database.db;
    const id = async (code: string) => (await db.selectFrom('org_units').select('id').where('code', '=', code).where('closed_on', 'is', null).executeTakeFirstOrThrow()).id;
    cityId = await id('31');
    for (const w of wards) unitIds[w] = await id(w);
    duongKinhId = unitIds['11692']!;
    groupId = (await db.insertInto('org_unit_groups').values({ code: 'THU-XH', name: 'Ba phường thử', owner_unit_id: cityId }).returning('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('org_unit_group_members').values(wards.map((w) => ({ group_id: groupId, org_unit_id: unitIds[w]! }))).execute();
    const indicator = async (code: string) =>
      (await send(201, 'POST', '/api/v1/indicators', { code, name: `Chỉ tiêu ${code}`, unit: 'count', spaceAggregation: 'sum', timeAggregation: 'sum', periodType: 'year' })).id as number;
    xId = await indicator('RK.X');
    yId = await indicator('RK.Y');
    // 2024: A (11692) X=5 Y=10; B (11413) X=10 Y=30; C (11557) X=10 Y=20.
    // 2025: A X=8 Y=30; B X=10 Y=10; C X=5 Y=30.
    const year = (period: string, [a, b, c]: [number, number][]) =>
      wards.flatMap((w, k) => [
        { indicator: 'RK.X', orgUnit: w, period, value: [a, b, c][k]![0] },
        { indicator: 'RK.Y', orgUnit: w, period, value: [a, b, c][k]![1] },
      ]);
    await values([...year('2024', [[5, 10], [10, 30], [10, 20]]), ...year('2025', [[8, 30], [10, 10], [5, 30]])]);
  });
  after(() => api.close());

  describe('models', () => {
    it('creates, reads, lists, replaces and deletes a model', async () => {
      const created = await send(201, 'POST', '/api/v1/index-models', model());
      modelId = created.id;
      assert.equal(created.pillars.length, 2);
      assert.deepEqual(created.pillars[0].components[0], { id: created.pillars[0].components[0].id, indicator: { id: xId, code: 'RK.X', name: 'Chỉ tiêu RK.X', unit: 'count' }, maxPoints: 10, normalisation: 'target', params: { target: 10 }, direction: 'higher' });
      assert.equal(created.group.code, 'THU-XH');
      const list = await send(200, 'GET', '/api/v1/index-models', undefined, leader);
      assert.ok(list.items.some((m: { id: number }) => m.id === modelId));
      const other = await send(201, 'POST', '/api/v1/index-models', model({ name: 'Tạm', groupId: null, unitKinds: ['ward'] }));
      const replaced = await send(200, 'PUT', `/api/v1/index-models/${other.id}`, model({ name: 'Tạm 2', pillars: [model().pillars[0]] }));
      assert.equal(replaced.name, 'Tạm 2');
      assert.equal(replaced.pillars.length, 1);
      assert.equal(replaced.unitKinds, null);
      await send(204, 'DELETE', `/api/v1/index-models/${other.id}`);
      await send(404, 'GET', `/api/v1/index-models/${other.id}`);
    });

    it('refuses a bad model in Vietnamese, naming each fault, and stores nothing', async () => {
      const bad = model({
        pillars: [
          { name: 'Trụ cột 1', weight: 0, components: [{ indicatorId: xId, maxPoints: 0, normalisation: 'target', params: {} }] },
          { name: 'Trụ cột 2', weight: 1, components: [{ indicatorId: yId, maxPoints: 10, normalisation: 'thresholds', params: { steps: [{ from: 5, points: 5 }, { from: 3, points: 8 }] } }] },
        ],
      });
      const p = await refused(400, 'POST', '/api/v1/index-models', bad);
      assert.equal(p.detail, 'Trọng số của trụ cột «Trụ cột 1» phải lớn hơn 0.');
      assert.deepEqual(p.errors!.map((e) => e.path), [
        'body.pillars.0.weight',
        'body.pillars.0.components.0.maxPoints',
        'body.pillars.0.components.0.params.target',
        'body.pillars.1.components.0.params.steps.1.from',
      ]);
      assert.match(p.errors![3]!.message, /phải tăng dần/);
      const none = await refused(400, 'POST', '/api/v1/index-models', model({ groupId: null }));
      assert.match(none.detail, /loại đơn vị hoặc nhóm đơn vị/);
      const unknown = await refused(400, 'PUT', `/api/v1/index-models/${modelId}`, model({ pillars: [{ name: 'A', weight: 1, components: [{ indicatorId: 999999, maxPoints: 1, normalisation: 'minmax' }] }] }));
      assert.equal(unknown.detail, 'Không có chỉ tiêu số 999999.');
      const en = await api.call('POST', '/api/v1/index-models', { as: coordinator, body: model({ pillars: [] }), headers: { 'accept-language': 'en' } });
      assert.equal(en.json().detail, 'An index model needs at least one pillar.');
    });

    it('refuses callers without the right over the anchor unit', async () => {
      await refused(403, 'POST', '/api/v1/index-models', model(), leader);
      const ward = await refused(403, 'POST', '/api/v1/index-models', model(), wardAdmin);
      assert.match(ward.detail, /Thành phố Hải Phòng/);
      await refused(403, 'PUT', `/api/v1/index-models/${modelId}`, model(), wardAdmin);
      await refused(403, 'POST', `/api/v1/index-models/${modelId}/publications/2025`, undefined, leader);
      await send(403, 'GET', `/api/v1/index-models/${modelId}/scores?year=2025`, undefined, reporter);
      await send(403, 'GET', `/api/v1/rankings/top?year=2025&unitId=${cityId}`, undefined, reporter);
    });
  });

  describe('scores', () => {
    it('equal a hand computation, with a shared rank and the change since the previous year', async () => {
      // Pillar 1 (weight 2): X / 10 capped at 1. Pillar 2 (weight 1): (Y − 10) / (30 − 10).
      // 2025: A (0.8·2 + 1)/3 = 0.8667 → 1; B (1·2 + 0)/3 = 0.6667 → 2; C (0.5·2 + 1)/3 = 0.6667 → 2.
      // 2024: A (0.5·2 + 0)/3 = 0.3333 → 3; B (2 + 1)/3 = 1 → 1; C (2 + 0.5)/3 = 0.8333 → 2.
      const r = await send(200, 'GET', `/api/v1/index-models/${modelId}/scores?year=2025`, undefined, leader);
      assert.equal(r.published, false);
      assert.deepEqual(r.rows.map((x: { unitCode: string; rank: number; score: number }) => [x.unitCode, x.rank, x.score]), [['11692', 1, 0.8667], ['11413', 2, 0.6667], ['11557', 2, 0.6667]]);
      const rows = byCode(r) as unknown as Record<string, { pillars: { value: number }[]; change: unknown; missing: number }>;
      assert.deepEqual(rows['11692']!.pillars.map((p) => p.value), [0.8, 1]);
      assert.deepEqual(rows['11692']!.change, { score: 0.5334, rank: 2 });
      assert.deepEqual(rows['11413']!.change, { score: -0.3333, rank: -1 });
      assert.deepEqual(rows['11557']!.change, { score: -0.1666, rank: 0 });
      assert.deepEqual(r.previousYear, { year: 2024, published: false });
      assert.equal(r.average.score, 0.7334); // the mean of the published (rounded) scores
      assert.deepEqual(r.pillars.map((p: { maxPoints: number }) => p.maxPoints), [10, 20]);
      // A unit without figures scores 0 and is flagged.
      const r2026 = await send(200, 'GET', `/api/v1/index-models/${modelId}/scores?year=2026`, undefined, leader);
      assert.ok(r2026.rows.every((x: { score: number; missing: number; rank: number }) => x.score === 0 && x.missing === 2 && x.rank === 1));
    });

    it('publishing freezes the ranking; unpublishing returns to live figures', async () => {
      const published = await send(201, 'POST', `/api/v1/index-models/${modelId}/publications/2025`);
      assert.equal(published.published, true);
      assert.match(published.publishedBy, /Nguyễn Thị Điều/);
      await send(409, 'POST', `/api/v1/index-models/${modelId}/publications/2025`);
      await values([{ indicator: 'RK.X', orgUnit: '11692', period: '2025', value: 2 }]); // A: (0.4 + 1)/3 = 0.4667 → 3
      const frozen = await send(200, 'GET', `/api/v1/index-models/${modelId}/scores?year=2025`, undefined, leader);
      assert.equal(frozen.published, true);
      assert.deepEqual([byCode(frozen)['11692']!.score, byCode(frozen)['11692']!.rank], [0.8667, 1]);
      const detail = await send(200, 'GET', `/api/v1/index-models/${modelId}`, undefined, leader);
      assert.deepEqual(detail.publishedYears, [2025]);
      await send(204, 'DELETE', `/api/v1/index-models/${modelId}/publications/2025`);
      await send(404, 'DELETE', `/api/v1/index-models/${modelId}/publications/2025`);
      const live = await send(200, 'GET', `/api/v1/index-models/${modelId}/scores?year=2025`, undefined, leader);
      assert.equal(live.published, false);
      assert.deepEqual(live.rows.map((x: { unitCode: string; rank: number; score: number }) => [x.unitCode, x.rank, x.score]), [['11413', 1, 0.6667], ['11557', 1, 0.6667], ['11692', 3, 0.4667]]);
      const audit = await api.database.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'indexModel').where('entity_id', '=', String(modelId)).execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['indexModel.create', 'indexModel.publish', 'indexModel.unpublish']);
    });
  });

  describe('demo and the dashboard contract', () => {
    it('ships the commune model over 114 units with 2024 published and 2025 live', async () => {
      const list = await send(200, 'GET', '/api/v1/index-models', undefined, leader);
      const communes = list.items[0];
      assert.match(communes.name, /cấp xã.*922\/QĐ-BTTTT/);
      assert.equal(communes.pillars.length, 8);
      assert.equal(Math.round(communes.pillars.reduce((s: number, p: { weight: number }) => s + p.weight, 0) * 100), 100);
      assert.deepEqual(communes.publishedYears, [2024]);
      assert.ok(list.items.some((m: { group: { code: string } | null }) => m.group?.code === 'SO-BAN-NGANH'));
      const r2025 = await send(200, 'GET', `/api/v1/index-models/${communes.id}/scores?year=2025`, undefined, leader);
      assert.equal(r2025.rows.length, 114);
      assert.equal(r2025.published, false);
      assert.deepEqual(r2025.previousYear, { year: 2024, published: true });
      assert.ok(r2025.rows.every((x: { change: unknown; missing: number }) => x.change !== null && x.missing === 0));
      assert.ok(r2025.average.score > 0.5 && r2025.average.score < 1);
      const r2024 = await send(200, 'GET', `/api/v1/index-models/${communes.id}/scores?year=2024`, undefined, leader);
      assert.equal(r2024.published, true);
      assert.ok(r2024.average.score < r2025.average.score, '2024 a bit below 2025');
    });

    it('GET /rankings/top returns the first model under the unit with its top and bottom', async () => {
      const top = await send(200, 'GET', `/api/v1/rankings/top?year=2025&unitId=${cityId}&limit=5`, undefined, leader);
      assert.deepEqual(Object.keys(top).sort(), ['bottom', 'model', 'published', 'top', 'year']);
      assert.deepEqual(Object.keys(top.model).sort(), ['id', 'name']);
      assert.match(top.model.name, /cấp xã/);
      assert.equal(top.year, 2025);
      assert.equal(top.published, false);
      assert.equal(top.top.length, 5);
      assert.equal(top.bottom.length, 5);
      for (const row of [...top.top, ...top.bottom]) {
        assert.deepEqual(Object.keys(row).sort(), ['change', 'rank', 'score', 'unitId', 'unitName']);
        assert.equal(typeof row.change, 'number');
      }
      assert.equal(top.top[0].rank, 1);
      assert.ok(top.bottom[4].rank > top.top[4].rank);
      assert.ok(top.bottom[4].score <= top.bottom[0].score);
      const scores = await send(200, 'GET', `/api/v1/index-models/${top.model.id}/scores?year=2025`, undefined, leader);
      assert.deepEqual(top.top.map((r: { unitId: number }) => r.unitId), scores.rows.slice(0, 5).map((r: { unitId: number }) => r.unitId));
      assert.equal(top.top[0].change, scores.rows[0].change.rank);
      const published = await send(200, 'GET', `/api/v1/rankings/top?year=2024&unitId=${cityId}`, undefined, leader);
      assert.equal(published.published, true);
      assert.deepEqual(await send(200, 'GET', `/api/v1/rankings/top?year=2025&unitId=${duongKinhId}`, undefined, reporter), { model: null, year: 2025, published: false, top: [], bottom: [] });
    });

    it('is in the OpenAPI document', async () => {
      const doc = await send(200, 'GET', '/api/v1/openapi.json', undefined, leader);
      for (const path of ['/api/v1/index-models', '/api/v1/index-models/{id}', '/api/v1/index-models/{id}/scores', '/api/v1/index-models/{id}/publications/{year}', '/api/v1/rankings/top']) {
        assert.ok(doc.paths[path], path);
      }
    });
  });
});
