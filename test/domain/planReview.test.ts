import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  draftProblems,
  horizonDueDate,
  indicatorUnitOf,
  newIndicatorCode,
  newIndicatorDefinition,
  normaliseReview,
  planHorizon,
  planKindOf,
  proposeReview,
  publishProblems,
  reviewCounts,
} from '../../domain/extract/planReview.ts';
import type { ExtractionResult } from '../../domain/extract/types.ts';

const span = { start: 0, end: 1 };
const match = (name: string, unitCode: string | null) => ({ name, unitCode, currentName: null, confidence: unitCode ? 1 : 0 });

const RESULT: ExtractionResult = {
  document: { number: '227/KH-UBND', kind: 'KH', issuer: 'Ủy ban nhân dân thành phố Hải Phòng', place: 'Hải Phòng', date: '2020-09-21', title: 'Chuyển đổi số thành phố Hải Phòng đến năm 2025, định hướng đến năm 2030', horizon: 2025, spans: {} },
  sections: [{ id: 1, parentId: null, level: 'clause', label: '1', ref: 'II.1', text: 'Nhiệm vụ, giải pháp tạo nền móng chuyển đổi số:', span }],
  targets: [
    { ref: 'I.1.a', text: '90% hồ sơ công việc tại cấp thành phố', indicator: 'tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', value: 90, max: null, unit: '%', comparator: '>=', year: 2025, scope: 'city', span, valueSpan: span, confidence: 0.9 },
    { ref: 'I.1.a', text: '60% hồ sơ công việc tại cấp xã', indicator: 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', value: 60, max: null, unit: '%', comparator: '>=', year: 2025, scope: 'commune', span, valueSpan: span, confidence: 0.9 },
    { ref: 'II.5.a', text: '100% các cơ sở y tế có bộ phận khám chữa bệnh từ xa', indicator: 'Tỷ lệ cơ sở y tế có bộ phận khám chữa bệnh từ xa', value: 100, max: null, unit: '%', comparator: '>=', year: null, scope: null, span, valueSpan: span, confidence: 0.8 },
  ],
  tasks: [
    { ref: 'II.1.a.(1)', title: 'Tổ chức phổ biến', lead: [], cooperating: [], leadUnits: [match('Các Sở, ban, ngành thành phố', null)], cooperatingUnits: [], leadBasis: 'cross-reference', deadline: null, span },
    { ref: 'II.1.c.(1)', title: 'Hình thành trung tâm dữ liệu', lead: [], cooperating: [], leadUnits: [match('Sở Thông tin và Truyền thông', '31-SKHCN'), match('Sở Tài chính', '31-STC')], cooperatingUnits: [match('Sở Khoa học và Công nghệ', '31-SKHCN'), match('Sở Y tế', '31-SYT')], leadBasis: 'cross-reference', deadline: '2026-06-30', span },
  ],
  assignments: [],
  corrections: [],
  warnings: [],
  source: 'x',
  ocr: false,
};
const UNITS: Record<string, number> = { '31-SKHCN': 10, '31-STC': 11, '31-SYT': 12 };
const propose = (suggestions = [[{ id: 7, code: 'HSCV', name: 'Tỷ lệ hồ sơ công việc', unit: '%', score: 0.9 }], [{ id: 7, code: 'HSCV', name: 'x', unit: '%', score: 0.55 }], []]) =>
  proposeReview(RESULT, { issuerUnitId: 1, unitIdOf: (c) => UNITS[c] ?? null, suggestions });
const refs = { targets: RESULT.targets.map((t) => t.ref) };

describe('plan review: the proposal', () => {
  it('maps the document: kind, horizon from the title, the issuing unit', () => {
    const p = propose();
    assert.deepEqual(p.document, { kind: 'KH', number: '227/KH-UBND', title: RESULT.document.title, issuedOn: '2020-09-21', horizonFrom: null, horizonYear: 2030, issuerUnitId: 1 });
    assert.equal(planKindOf('QD'), 'QĐ');
    assert.equal(planKindOf('DA'), 'ĐA');
    assert.equal(planKindOf('other'), null);
    assert.deepEqual(planHorizon('Kế hoạch giai đoạn 2021 – 2025', []), { from: 2021, to: 2025 });
    assert.deepEqual(planHorizon('Kế hoạch 6 tháng cuối năm 2025', [2026]), { from: null, to: 2026 });
    assert.deepEqual(planHorizon(null, [null]), { from: null, to: null });
    assert.equal(horizonDueDate(2030), '2030-12-31');
  });

  it('keeps the city level at the issuing unit, turns "cấp xã" into a level target, and fills a missing year from the horizon', () => {
    const [city, commune, health] = propose().targets;
    assert.deepEqual([city!.level, commune!.level, health!.level], [null, 'commune', null]);
    assert.equal(health!.year, 2030);
    assert.equal(city!.decision, 'accepted');
  });

  it('chooses a suggestion only when it scores well, otherwise proposes a new indicator named by the phrase', () => {
    const [city, commune, health] = propose().targets;
    assert.deepEqual(city!.indicator, { kind: 'existing', id: 7 });
    assert.deepEqual(commune!.indicator, { kind: 'new', name: 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', unit: '%' });
    assert.deepEqual(health!.indicator, { kind: 'new', name: 'Tỷ lệ cơ sở y tế có bộ phận khám chữa bệnh từ xa', unit: '%' });
  });

  it('leads a task by the first resolved agency; the others cooperate; the group is the clause heading', () => {
    const [unmatched, matched] = propose().tasks;
    assert.deepEqual([unmatched!.leadUnitId, unmatched!.cooperatingUnitIds], [null, []]);
    assert.deepEqual([matched!.leadUnitId, matched!.cooperatingUnitIds, matched!.dueDate], [10, [11, 12], '2026-06-30']);
    assert.equal(matched!.group, 'Nhiệm vụ, giải pháp tạo nền móng chuyển đổi số');
  });

  it('maps units of measure as documents write them', () => {
    assert.equal(indicatorUnitOf('%'), '%');
    assert.equal(indicatorUnitOf('rank'), 'rank');
    assert.equal(indicatorUnitOf('doanh nghiệp'), 'count');
    assert.equal(indicatorUnitOf('tỷ đồng'), 'billion VND');
    assert.equal(indicatorUnitOf('người'), 'people');
    assert.equal(indicatorUnitOf('lượt truy cập'), 'other');
  });
});

describe('plan review: decisions and checks', () => {
  it('tells edited from accepted by comparison with the proposal', () => {
    const proposal = propose();
    const review = structuredClone(proposal);
    review.targets[0]!.value = 95;
    review.targets[1]!.decision = 'rejected';
    review.targets[2]!.indicator = { kind: 'existing', id: 3 }; // choosing an indicator is not an edit
    review.tasks[1]!.cooperatingUnitIds = [12, 11, 12]; // same units, another order, a duplicate
    review.tasks[0]!.dueDate = '2025-12-31';
    const next = normaliseReview(review, proposal);
    assert.deepEqual(next.targets.map((t) => t.decision), ['edited', 'rejected', 'accepted']);
    assert.deepEqual(next.tasks.map((t) => t.decision), ['edited', 'accepted']);
    assert.deepEqual(next.tasks[1]!.cooperatingUnitIds, [12, 11]);
    assert.deepEqual(reviewCounts(next).targets, { total: 3, accepted: 1, edited: 1, rejected: 1 });
  });

  it('refuses a draft that does not fit the extraction, an upside-down range, a lead that cooperates', () => {
    const review = propose();
    assert.deepEqual(draftProblems(review, { targets: 3, tasks: 2 }, refs), []);
    assert.deepEqual(draftProblems(review, { targets: 4, tasks: 2 }, refs).map((p) => p.key), ['planImport.reviewCounts']);
    review.targets[0] = { ...review.targets[0]!, comparator: 'between', value: 90, max: 80 };
    review.tasks[1]!.cooperatingUnitIds.push(10);
    assert.deepEqual(
      draftProblems(review, { targets: 3, tasks: 2 }, refs).map((p) => [p.path, p.params.item]),
      [
        ['targets[0].max', 'I.1.a (90%)'],
        ['tasks[1].cooperatingUnitIds', 'II.1.c.(1)'],
      ],
    );
  });

  it('lists what publishing still needs, ignoring rejected items', () => {
    const review = propose();
    assert.deepEqual(publishProblems(review, refs).map((p) => p.path), ['tasks[0].leadUnitId']);
    review.tasks[0]!.decision = 'rejected';
    assert.deepEqual(publishProblems(review, refs), []);
    review.document.kind = null;
    review.document.horizonYear = null;
    review.targets[2]!.year = null;
    review.targets[1]!.indicator = null;
    // The second task states its own deadline, so it needs no horizon…
    assert.deepEqual(publishProblems(review, refs).map((p) => p.key), ['planImport.kindMissing', 'planImport.targetIndicatorMissing', 'planImport.targetYearMissing']);
    // …until the reviewer clears it.
    review.tasks[1]!.dueDate = null;
    assert.deepEqual(publishProblems(review, refs).map((p) => p.key), ['planImport.kindMissing', 'planImport.targetIndicatorMissing', 'planImport.targetYearMissing', 'planImport.taskDueMissing']);
  });

  it('defines and codes the indicators a review creates', () => {
    assert.deepEqual(newIndicatorDefinition('%', '>='), { spaceAggregation: 'ratio', timeAggregation: 'latest', direction: 'higher' });
    assert.deepEqual(newIndicatorDefinition('count', '>='), { spaceAggregation: 'sum', timeAggregation: 'sum', direction: 'higher' });
    assert.deepEqual(newIndicatorDefinition('rank', '<='), { spaceAggregation: 'avg', timeAggregation: 'latest', direction: 'lower' });
    assert.equal(newIndicatorCode('227/KH-UBND', 1), '227-KH-UBND-01');
    assert.equal(newIndicatorCode('03-NQ/TU', 12), '03-NQ-TU-12');
    assert.equal(newIndicatorCode('123', 2), 'KH-123-02');
  });
});
