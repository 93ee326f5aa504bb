/**
 * Importing a plan document end to end through the API: a small plan in the words of seed 002
 * (Kế hoạch 227/KH-UBND) is uploaded as .txt, read and extracted into a draft (targets with their
 * spans, indicator suggestions, tasks led by the agency the 2020 text names — Sở Thông tin và
 * Truyền thông, today Sở Khoa học và Công nghệ); the review is checked, saved with edits and
 * rejections, refused for publishing while incomplete or when a command refuses an item half-way
 * (nothing stored), then published as a plan whose targets and tasks the plans, targets and tasks
 * APIs show. Scope: only 'plan.write' over the issuing unit works on an import. Seed 002 itself
 * imports whole and is flagged as already in the catalogue.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { auditSince, maxAuditId, expectRefused } from '../helpers/dbState.ts';

/** The seeds, copied into test/fixtures/plans so that a clone without ../shared runs these tests. */
const SEED_002 = path.resolve(import.meta.dirname, '../fixtures/plans/002_dcadec23ff545f46.txt');

/** A small plan written like seed 002: header, targets by level, numbered tasks, and who leads them. */
const SMALL_PLAN = `ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG

Số: 99/KH-UBND

Hải Phòng, ngày 15 tháng 3 năm 2025

**KẾ HOẠCH**
**Chuyển đổi số thành phố Hải Phòng đến năm 2026**

Ủy ban nhân dân thành phố ban hành Kế hoạch chuyển đổi số thành phố Hải Phòng đến năm 2026, cụ thể như sau:

**I. MỤC TIÊU**

**1. Mục tiêu đến năm 2026:**

a) Phát triển Chính quyền số:

- 90% hồ sơ công việc tại cấp thành phố và 70% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng;

- Tỷ lệ dân số có tài khoản thanh toán điện tử trên 80%.

- 100% cơ sở y tế có bộ phận khám chữa bệnh từ xa.

**II. NHIỆM VỤ, GIẢI PHÁP**

**1. Nhiệm vụ, giải pháp tạo nền móng chuyển đổi số:**

a) Về chuyển đổi nhận thức:

(1). Xây dựng chuyên mục “Chuyển đổi số” trên các trang thông tin điện tử của các sở, ngành và phường, xã.

(2). Tổ chức tập huấn kỹ năng số cơ bản cho người dân.

b) Về phát triển hạ tầng số:

(1). Hình thành trung tâm dữ liệu của thành phố dựa trên công nghệ điện toán đám mây.

(2). Số hóa hồ sơ sức khỏe điện tử của người dân.

**III. TỔ CHỨC THỰC HIỆN**

**1. Sở Thông tin và Truyền thông:**

Chủ trì triển khai các nhiệm vụ, giải pháp được nêu tại điểm a, b khoản 1 phần II của Kế hoạch.

**2. Sở Y tế:**

Phối hợp triển khai các nhiệm vụ tại điểm b khoản 1 phần II của Kế hoạch.
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read the fields they check
type Json = any;

describe('plan imports', () => {
  let api: TestApi;
  let coordinator: Session; // dieuphoi, coordinator at the city
  let reporter: Session; // baocao, reporter at Phường Dương Kinh
  let wardAdmin: Session; // quantri.duongkinh, admin (plan.write) at Phường Dương Kinh
  let cityId: number;
  let scienceId: number; // Sở Khoa học và Công nghệ, successor of Sở Thông tin và Truyền thông
  let healthId: number;
  let importId: number;
  let draft: Json;

  const idOf = async (code: string) =>
    (await api.database.db.selectFrom('org_units').select('id').where('code', '=', code).where('closed_on', 'is', null).executeTakeFirstOrThrow()).id;
  const upload = async (name: string, bytes: Buffer, as: Session, purpose = 'plan') => {
    const res = await api.app.inject({
      method: 'POST',
      url: `/api/v1/files?name=${encodeURIComponent(name)}${purpose ? `&purpose=${purpose}` : ''}`,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken, 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
    return res;
  };
  const send = async (status: number, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, as = coordinator): Promise<Json> => {
    const res = await api.call(method, url, { as, body });
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
    return status === 204 ? undefined : res.json();
  };
  /** Refused with problem+json, and nothing stored (audit included) changed. */
  const refused = async (status: number, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, as = coordinator, headers: Record<string, string> = {}) => {
    return expectRefused(api.database.db, status, () => api.call(method, url, { as, body, headers }), `${method} ${url}`);
  };
  const review = () => structuredClone(draft.review);

  before(async () => {
    api = await startTestApi();
    [coordinator, reporter, wardAdmin] = [
      await api.login('dieuphoi', DEMO_PASSWORD),
      await api.login('baocao', DEMO_PASSWORD),
      await api.login('quantri.duongkinh', DEMO_PASSWORD),
    ];
    cityId = await idOf('31');
    scienceId = await idOf('31-SKHCN');
    healthId = await idOf('31-SYT');
  });
  after(() => api.close());

  it('takes plain-text plans as plan documents only, and still refuses what is not a document', async () => {
    const text = Buffer.from(SMALL_PLAN, 'utf8');
    // Evidence uploads are as before: no text files.
    assert.equal((await upload('Kế hoạch 99.txt', text, coordinator, '')).statusCode, 415);
    const image = await upload('Kế hoạch.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), coordinator);
    assert.equal(image.statusCode, 415);
    assert.match(image.json().detail, /^Không nhận tệp «Kế hoạch\.png» làm văn bản kế hoạch/);
    const renamed = await upload('Kế hoạch.txt', Buffer.from('%PDF-1.4\n%%EOF\n'), coordinator);
    assert.equal(renamed.statusCode, 415);
    assert.match(renamed.json().detail, /không khớp với đuôi tệp/);
    const ok = await upload('Kế hoạch 99.md', text, coordinator);
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().contentType, 'text/markdown');
  });

  it('reads an uploaded plan into a draft: document, targets with spans and suggested indicators, tasks with their lead units', async () => {
    const file = await upload('Kế hoạch 99-KH-UBND.txt', Buffer.from(SMALL_PLAN, 'utf8'), coordinator);
    assert.equal(file.statusCode, 201, file.body);
    const since = await maxAuditId(api.database.db);
    draft = await send(201, 'POST', '/api/v1/plan-imports', { fileId: file.json().id });
    importId = draft.id;
    assert.equal(draft.status, 'draft');
    assert.equal(draft.format, 'txt');
    assert.deepEqual(draft.review.document, { kind: 'KH', number: '99/KH-UBND', title: 'Chuyển đổi số thành phố Hải Phòng đến năm 2026', issuedOn: '2025-03-15', horizonFrom: null, horizonYear: 2026, issuerUnitId: cityId });
    assert.equal(draft.issuer.code, '31', 'the issuer the document names, in the coordinator’s scope');
    assert.equal(draft.defaultDueDate, '2026-12-31');
    assert.equal(draft.duplicate, null);

    const { source, targets, tasks } = draft.extraction;
    assert.equal(source, SMALL_PLAN.normalize('NFC').trim());
    assert.deepEqual(
      targets.map((t: Json) => [t.value, t.comparator, t.year, source.slice(t.valueSpan.start, t.valueSpan.end)]),
      [
        [90, '>=', 2026, '90%'],
        [70, '>=', 2026, '70%'],
        [80, '>', 2026, '80%'],
        [100, '>=', 2026, '100%'],
      ],
    );
    assert.ok(source.slice(targets[3].span.start, targets[3].span.end).includes('cơ sở y tế có bộ phận khám chữa bệnh từ xa'));
    // By level: the city's 90% stays at the issuing unit, the communes' 70% is a level target.
    assert.deepEqual(draft.review.targets.map((t: Json) => [t.value, t.level, t.comparator, t.unit, t.decision]), [
      [90, null, '>=', '%', 'accepted'],
      [70, 'commune', '>=', '%', 'accepted'],
      [80, null, '>', '%', 'accepted'],
      [100, null, '>=', '%', 'accepted'],
    ]);
    // The catalogue's "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng" is suggested first and chosen.
    assert.equal(draft.suggestions[0][0].code, 'CQS.HSCV_MOI_TRUONG_MANG');
    assert.equal(draft.suggestions[0][0].score, 1);
    assert.ok(draft.suggestions[0].length <= 3);
    assert.deepEqual(draft.review.targets[0].indicator, { kind: 'existing', id: draft.suggestions[0][0].id });
    assert.ok(draft.indicators.some((i: Json) => i.code === 'CQS.HSCV_MOI_TRUONG_MANG'));
    // Nothing in the catalogue measures remote consultations: a new indicator is proposed.
    assert.deepEqual(draft.review.targets[3].indicator, { kind: 'new', name: 'Tỷ lệ cơ sở y tế có bộ phận khám chữa bệnh từ xa', unit: '%' });

    assert.deepEqual(
      tasks.map((t: Json) => t.ref),
      ['II.1.a.(1)', 'II.1.a.(2)', 'II.1.b.(1)', 'II.1.b.(2)'],
    );
    assert.ok(source.slice(tasks[1].span.start, tasks[1].span.end).includes('Tổ chức tập huấn kỹ năng số cơ bản cho người dân'));
    assert.deepEqual(tasks[0].leadUnits.map((m: Json) => [m.name, m.unitCode]), [['Sở Thông tin và Truyền thông', '31-SKHCN']]);
    assert.deepEqual(draft.review.tasks.map((t: Json) => [t.leadUnitId, t.cooperatingUnitIds, t.dueDate]), [
      [scienceId, [], null],
      [scienceId, [], null],
      [scienceId, [healthId], null],
      [scienceId, [healthId], null],
    ]);
    assert.ok(draft.units.some((u: Json) => u.id === scienceId && u.name === 'Sở Khoa học và Công nghệ'));
    assert.equal(draft.review.tasks[0].group, 'Nhiệm vụ, giải pháp tạo nền móng chuyển đổi số');

    const events = await auditSince(api.database.db, since);
    assert.deepEqual(events.map((e) => e.action), ['planImport.create']);

    const list = await send(200, 'GET', '/api/v1/plan-imports');
    assert.deepEqual(list.items.map((i: Json) => i.id), [importId]);
    assert.deepEqual(list.items[0].counts.targets, { total: 4, accepted: 4, edited: 0, rejected: 0 });
    // One file, one import.
    const again = await refused(409, 'POST', '/api/v1/plan-imports', { fileId: draft.fileId });
    assert.match(again.detail, /đang được nhập \(bản nháp \d+\)/);
  });

  it('keeps an import to those who may write plans of its issuing unit', async () => {
    await refused(403, 'POST', '/api/v1/plan-imports', { fileId: draft.fileId }, reporter);
    await refused(403, 'GET', `/api/v1/plan-imports/${importId}`, undefined, reporter);
    const ward = await refused(403, 'GET', `/api/v1/plan-imports/${importId}`, undefined, wardAdmin);
    assert.match(ward.detail, /Thành phố Hải Phòng/);
    await refused(403, 'PATCH', `/api/v1/plan-imports/${importId}/review`, draft.review, wardAdmin);
    await refused(403, 'POST', `/api/v1/plan-imports/${importId}/publish`, undefined, wardAdmin);
    await refused(403, 'DELETE', `/api/v1/plan-imports/${importId}`, undefined, wardAdmin);
    assert.deepEqual((await send(200, 'GET', '/api/v1/plan-imports', undefined, wardAdmin)).items, []);
    // A ward's admin cannot start an import for the city either, nor from someone else's file.
    const own = await upload('Kế hoạch phường.txt', Buffer.from(SMALL_PLAN, 'utf8'), wardAdmin);
    await refused(403, 'POST', '/api/v1/plan-imports', { fileId: own.json().id, issuerUnitId: cityId }, wardAdmin);
    const notYours = await refused(422, 'POST', '/api/v1/plan-imports', { fileId: own.json().id });
    assert.match(notYours.detail, /do người khác tải lên/);
    await refused(404, 'GET', '/api/v1/plan-imports/999999');
  });

  it('refuses a review that does not fit the extraction, listing each problem', async () => {
    const url = `/api/v1/plan-imports/${importId}/review`;
    const short = review();
    short.targets.pop();
    assert.match((await refused(422, 'PATCH', url, short)).errors![0]!.message, /đúng 4 chỉ tiêu và 4 nhiệm vụ/);
    const bad = review();
    bad.targets[2] = { ...bad.targets[2], comparator: 'between', value: 90, max: 80 };
    bad.tasks[3].cooperatingUnitIds = [scienceId];
    bad.tasks[0].leadUnitId = 999999;
    const problem = await refused(422, 'PATCH', url, bad);
    assert.equal(problem.detail, 'Bản rà soát chưa lưu được: 3 điểm cần sửa.');
    assert.deepEqual(problem.errors!.map((e) => e.path).sort(), ['body.targets[2].max', 'body.tasks[0].leadUnitId', 'body.tasks[3].cooperatingUnitIds'].sort());
    assert.ok(problem.errors!.some((e) => e.message === 'Nhiệm vụ II.1.b.(2): đơn vị chủ trì không đồng thời là đơn vị phối hợp.'));
    // The schema itself: an unknown comparator, a decision that is not one.
    const wrong = review();
    wrong.targets[0].comparator = '≥';
    wrong.tasks[0].decision = 'maybe';
    await refused(400, 'PATCH', url, wrong);
    const en = await refused(422, 'PATCH', url, short, coordinator, { 'accept-language': 'en' });
    assert.match(en.detail, /^The review was not saved/);
  });

  it('saves the reviewer’s edits: rejected, edited and accepted items, a new indicator, a due date', async () => {
    const next = review();
    next.targets[1].value = 75; // edited
    next.targets[2].decision = 'rejected';
    next.targets[3].indicator = { kind: 'new', name: 'Tỷ lệ cơ sở y tế có bộ phận khám, chữa bệnh từ xa', unit: '%' };
    next.tasks[0].dueDate = '2025-12-31'; // edited
    next.tasks[2].decision = 'rejected';
    const since = await maxAuditId(api.database.db);
    draft = await send(200, 'PATCH', `/api/v1/plan-imports/${importId}/review`, next);
    assert.deepEqual(draft.review.targets.map((t: Json) => t.decision), ['accepted', 'edited', 'rejected', 'accepted']);
    assert.deepEqual(draft.review.tasks.map((t: Json) => t.decision), ['edited', 'accepted', 'rejected', 'accepted']);
    assert.deepEqual(draft.counts, { targets: { total: 4, accepted: 2, edited: 1, rejected: 1 }, tasks: { total: 4, accepted: 2, edited: 1, rejected: 1 } });
    assert.deepEqual((await auditSince(api.database.db, since)).map((e) => e.action), ['planImport.review']);
    // Reading it back gives the same review.
    assert.deepEqual((await send(200, 'GET', `/api/v1/plan-imports/${importId}`)).review, draft.review);
  });

  it('refuses to publish an incomplete review, naming every item, and stores nothing', async () => {
    const next = review();
    next.tasks[1].leadUnitId = null;
    next.targets[0].indicator = null;
    next.document.kind = null;
    draft = await send(200, 'PATCH', `/api/v1/plan-imports/${importId}/review`, next);
    const problem = await refused(422, 'POST', `/api/v1/plan-imports/${importId}/publish`);
    assert.equal(problem.detail, 'Chưa công bố được: 3 điểm cần hoàn thiện trong bản rà soát.');
    assert.deepEqual(
      problem.errors!.map((e) => e.message),
      ['Chọn loại văn bản.', 'Chỉ tiêu I.1.a (90%): chọn chỉ tiêu trong danh mục hoặc tạo chỉ tiêu mới.', 'Nhiệm vụ II.1.a.(2): chọn đơn vị chủ trì.'],
    );
    const fixed = review();
    fixed.tasks[1].leadUnitId = scienceId;
    fixed.targets[0].indicator = { kind: 'existing', id: draft.suggestions[0][0].id };
    fixed.document.kind = 'KH';
    draft = await send(200, 'PATCH', `/api/v1/plan-imports/${importId}/review`, fixed);
  });

  it('leaves nothing behind when a command refuses an item half-way through publishing', async () => {
    // The new indicator's code is taken: the plan and the first targets are written before the
    // indicator is refused, and all of it must roll back.
    const taken = review();
    taken.targets[3].indicator = { ...taken.targets[3].indicator, code: 'CQS.HSCV_MOI_TRUONG_MANG' };
    draft = await send(200, 'PATCH', `/api/v1/plan-imports/${importId}/review`, taken);
    const problem = await refused(409, 'POST', `/api/v1/plan-imports/${importId}/publish`);
    assert.match(problem.detail, /^Chỉ tiêu I\.1\.a \(100%\): .*CQS\.HSCV_MOI_TRUONG_MANG/);
    assert.equal(problem.errors![0]!.path, 'review.targets[3].indicator');
    assert.equal(await api.database.db.selectFrom('plans').select('id').where('number', '=', '99/KH-UBND').executeTakeFirst(), undefined, 'no plan');
    // A closed lead unit is refused by the task command, with the task named.
    const closed = review();
    closed.targets[3].indicator.code = null;
    closed.tasks[3].leadUnitId = await api.database.db.selectFrom('org_units').select('id').where('code', '=', '31-STTTT').executeTakeFirstOrThrow().then((u) => u.id);
    closed.tasks[3].cooperatingUnitIds = [];
    draft = await send(200, 'PATCH', `/api/v1/plan-imports/${importId}/review`, closed);
    const unit = await refused(422, 'POST', `/api/v1/plan-imports/${importId}/publish`);
    assert.match(unit.detail, /^Nhiệm vụ II\.1\.b\.\(2\): .*Sở Thông tin và Truyền thông/);
    const restored = review();
    restored.tasks[3].leadUnitId = scienceId;
    restored.tasks[3].cooperatingUnitIds = [healthId];
    draft = await send(200, 'PATCH', `/api/v1/plan-imports/${importId}/review`, restored);
  });

  it('publishes the plan, its accepted targets and tasks in one go, visible through the plans, targets and tasks APIs', async () => {
    const since = await maxAuditId(api.database.db);
    const published = await send(201, 'POST', `/api/v1/plan-imports/${importId}/publish`);
    assert.deepEqual(published.created, { targets: 3, tasks: 3, indicators: 1 });
    assert.deepEqual(published.rejected, { targets: 1, tasks: 1 });
    assert.equal(published.tasksDueAtHorizon, 2);
    assert.equal(published.dueDateDefault, '2026-12-31');
    const planId = published.plan.id;
    assert.deepEqual([published.plan.kind, published.plan.number, published.plan.issuer.code, published.plan.issuedOn, published.plan.horizonYear], ['KH', '99/KH-UBND', '31', '2025-03-15', 2026]);

    const plan = await send(200, 'GET', `/api/v1/plans/${planId}`);
    assert.equal(plan.document.name, 'Kế hoạch 99-KH-UBND.txt');
    assert.deepEqual(
      plan.targets.map((t: Json) => [t.indicator.code, t.scope, t.level, t.year, t.comparator, t.value]).sort(),
      [
        ['99-KH-UBND-01', 'unit', null, 2026, '>=', 100],
        ['CQS.HSCV_MOI_TRUONG_MANG', 'level', 'commune', 2026, '>=', 75],
        ['CQS.HSCV_MOI_TRUONG_MANG', 'unit', null, 2026, '>=', 90],
      ].sort(),
    );
    assert.match(plan.targets.find((t: Json) => t.value === 90).note, /^Kế hoạch 99\/KH-UBND, I\.1\.a: «90% hồ sơ công việc/);
    assert.deepEqual(
      plan.tasks.map((t: Json) => [t.ref, t.leadUnit.code, t.cooperatingUnits.map((u: Json) => u.code), t.dueDate, t.group]),
      [
        ['II.1.a.(1)', '31-SKHCN', [], '2025-12-31', 'Nhiệm vụ, giải pháp tạo nền móng chuyển đổi số'],
        ['II.1.a.(2)', '31-SKHCN', [], '2026-12-31', 'Nhiệm vụ, giải pháp tạo nền móng chuyển đổi số'],
        ['II.1.b.(2)', '31-SKHCN', ['31-SYT'], '2026-12-31', 'Nhiệm vụ, giải pháp tạo nền móng chuyển đổi số'],
      ],
    );
    const document = await api.call('GET', `/api/v1/plans/${planId}/document`, { as: reporter });
    assert.equal(document.statusCode, 200);
    assert.equal(document.body, SMALL_PLAN);
    const tasks = await send(200, 'GET', `/api/v1/tasks?plan=${planId}`);
    assert.equal(tasks.items.length, 3);
    const targets = await send(200, 'GET', `/api/v1/targets?plan=${planId}`);
    assert.equal(targets.items.length, 3);
    const indicator = await send(200, 'GET', '/api/v1/indicators/99-KH-UBND-01');
    assert.deepEqual([indicator.name, indicator.unit, indicator.spaceAggregation, indicator.timeAggregation], ['Tỷ lệ cơ sở y tế có bộ phận khám, chữa bệnh từ xa', '%', 'ratio', 'latest']);

    const events = (await auditSince(api.database.db, since)).map((e) => e.action);
    assert.equal(events[0], 'plan.create');
    assert.equal(events.at(-1), 'planImport.publish');
    assert.equal(events.filter((a) => a === 'target.create').length, 3);
    assert.equal(events.filter((a) => a === 'task.create').length, 3);
    assert.equal(events.filter((a) => a === 'indicator.create').length, 1);

    const after = await send(200, 'GET', `/api/v1/plan-imports/${importId}`);
    assert.deepEqual([after.status, after.publishedPlan.id], ['published', planId]);
    // Published is final.
    assert.match((await refused(409, 'POST', `/api/v1/plan-imports/${importId}/publish`)).detail, /đã được công bố thành kế hoạch 99\/KH-UBND/);
    await refused(409, 'PATCH', `/api/v1/plan-imports/${importId}/review`, after.review);
    await refused(409, 'DELETE', `/api/v1/plan-imports/${importId}`);
    assert.deepEqual((await send(200, 'GET', '/api/v1/plan-imports')).items, []);
    assert.deepEqual((await send(200, 'GET', '/api/v1/plan-imports?status=published')).items.map((i: Json) => i.id), [importId]);
  });

  it('imports seed 002 whole, says the plan is already in the catalogue, and discards the draft', async () => {
    const file = await upload('227-KH-UBND.txt', fs.readFileSync(SEED_002), coordinator);
    assert.equal(file.statusCode, 201, file.body);
    const seed = await send(201, 'POST', '/api/v1/plan-imports', { fileId: file.json().id });
    assert.equal(seed.review.document.number, '227/KH-UBND');
    assert.equal(seed.review.document.horizonYear, 2030);
    assert.ok(seed.extraction.targets.length >= 20, `${seed.extraction.targets.length} targets`);
    assert.ok(seed.extraction.tasks.length >= 50, `${seed.extraction.tasks.length} tasks`);
    assert.equal(seed.review.targets.length, seed.extraction.targets.length);
    assert.equal(seed.duplicate?.number, '227/KH-UBND');
    // Tasks the document gives to "Các Sở, ban, ngành" match no single unit: the reviewer chooses.
    const unmatched = seed.review.tasks.filter((t: Json) => t.leadUnitId === null).length;
    assert.ok(unmatched > 0 && unmatched < seed.review.tasks.length / 2, `${unmatched} tasks without a lead`);
    await send(204, 'DELETE', `/api/v1/plan-imports/${seed.id}`);
    assert.equal((await send(200, 'GET', `/api/v1/plan-imports/${seed.id}`)).status, 'discarded');
    assert.deepEqual((await send(200, 'GET', '/api/v1/plan-imports')).items, []);
    // A discarded draft frees its file.
    const again = await send(201, 'POST', '/api/v1/plan-imports', { fileId: file.json().id });
    assert.notEqual(again.id, seed.id);
  });

  it('refuses files the reader cannot use with a message that says what to do', async () => {
    const scanned = await upload('Ban quet.pdf', Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1'), coordinator);
    assert.equal(scanned.statusCode, 201, scanned.body);
    const problem = await refused(422, 'POST', '/api/v1/plan-imports', { fileId: scanned.json().id });
    assert.ok(problem.detail.length > 20, problem.detail);
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await api.call('GET', '/api/v1/openapi.json')).json();
    for (const [path, methods] of Object.entries({
      '/api/v1/plan-imports': ['get', 'post'],
      '/api/v1/plan-imports/{id}': ['get', 'delete'],
      '/api/v1/plan-imports/{id}/review': ['patch'],
      '/api/v1/plan-imports/{id}/publish': ['post'],
    })) {
      for (const m of methods) assert.ok(doc.paths[path]?.[m], `${m} ${path}`);
    }
  });
});
