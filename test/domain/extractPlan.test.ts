import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { agencyMatcher, splitAgencies } from '../../domain/extract/agencies.ts';
import { expandReferences, parseReferences } from '../../domain/extract/assignments.ts';
import { evaluateExtraction, normaliseRef, type GoldDocument } from '../../domain/extract/evaluation.ts';
import { extractPlan } from '../../domain/extract/extractPlan.ts';
import { toOutput } from '../../domain/extract/output.ts';
import { deadlineInText, deadlineOfCell } from '../../domain/extract/deadlines.ts';
import { buildSectionTree } from '../../domain/extract/structure.ts';
import { staticRegistry } from '../../server/extract/staticRegistry.ts';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures', 'plans');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const registry = staticRegistry();

describe('plan extraction on KH 227/KH-UBND (clean text)', () => {
  const result = extractPlan(read('002_dcadec23ff545f46.txt'), { agencies: registry.agencies, places: registry.places });

  it('reads the header', () => {
    assert.deepEqual(toOutput(result).document, {
      number: '227/KH-UBND',
      kind: 'KH',
      issuer: 'Ủy ban nhân dân thành phố Hải Phòng',
      date: '2020-09-21',
      title: 'Chuyển đổi số thành phố Hải Phòng đến năm 2025, định hướng đến năm 2030',
    });
    assert.equal(result.source.slice(result.document.spans.number!.start, result.document.spans.number!.end), '227/KH-UBND');
  });

  it('splits a sentence by administrative level into three targets, and points at each number', () => {
    const split = result.targets.filter((t) => t.ref === 'I.1.a' && t.bullet === 2);
    assert.deepEqual(split.map((t) => [t.value, t.scope, t.year]), [[90, 'city', 2025], [80, 'district', 2025], [60, 'commune', 2025]]);
    assert.equal(split[0]!.indicator, 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng');
    for (const t of split) assert.equal(result.source.slice(t.valueSpan.start, t.valueSpan.end), `${t.value}%`);
  });

  it('reads comparators: "trên" is >, a ranking group is ≤ rank, bare values are ≥', () => {
    const above = result.targets.find((t) => t.ref === 'I.1.c' && t.value === 50)!;
    assert.equal(above.comparator, '>');
    const rank = result.targets.find((t) => t.unit === 'rank')!;
    assert.deepEqual([rank.value, rank.comparator, rank.year], [15, '<=', 2025]);
    assert.match(rank.indicator, /chỉ số phát triển Chính quyền số/);
    assert.equal(result.targets.find((t) => t.ref === 'I.1.b' && t.value === 7)!.indicator, 'Tốc độ tăng năng suất lao động hàng năm');
  });

  it('does not take references, dates, levels of service or "5G" for targets', () => {
    assert.equal(result.targets.length, 25);
    assert.ok(!result.targets.some((t) => [749, 14, 45, 3, 4, 5].includes(t.value) && t.unit !== 'rank'));
  });

  it('finds the 54 tasks at the finest numbered level, with đ after d and the Latin f and j', () => {
    const refs = result.tasks.map((t) => t.ref);
    assert.equal(refs.length, 54);
    for (const ref of ['II.1.a.(1)', 'II.1.đ.(4)', 'II.2.j', 'II.3.đ', 'II.5.đ', 'II.5.i']) assert.ok(refs.includes(ref), ref);
    assert.equal(new Set(refs.map(normaliseRef)).size, 54);
  });

  it('resolves "Tổ chức thực hiện" into leads and partners, and follows lineage to today\'s unit', () => {
    const task = (ref: string) => result.tasks.find((t) => t.ref === ref)!;
    assert.deepEqual(task('II.1.đ.(2)').lead, ['Sở Thông tin và Truyền thông']);
    assert.deepEqual(task('II.1.đ.(2)').leadUnits.map((u) => [u.unitCode, u.currentName]), [['31-SKHCN', 'Sở Khoa học và Công nghệ']]);
    assert.deepEqual(task('II.1.a.(5)').lead, ['Các Sở, ban, ngành thành phố', 'Ủy ban nhân dân các quận, huyện']);
    assert.deepEqual(task('II.4.d').cooperating, ['Sở Thông tin và Truyền thông', 'Sở Giáo dục và Đào tạo']);
    assert.deepEqual(task('II.5.c').lead, ['Sở Tài chính', 'Ngân hàng Nhà nước Việt Nam, Chi nhánh thành phố Hải Phòng']);
    assert.deepEqual(task('II.5.i').lead, ['Sở Ngoại vụ']);
  });

  it('scores at least the aims against the answer key', () => {
    const gold = JSON.parse(read('002_dcadec23ff545f46.json')) as GoldDocument;
    const score = evaluateExtraction(toOutput(result), gold);
    assert.ok(score.targets.f1 >= 0.95, `targets F1 ${score.targets.f1}`);
    assert.ok(score.leads.accuracy >= 0.9, `lead accuracy ${score.leads.accuracy}`);
    assert.equal(score.tasks.f1, 1);
  });
});

describe('pieces of the extractor', () => {
  it('reads cross-references in Vietnamese letter order, from the original letters', () => {
    const [first, second] = parseReferences('Chủ trì triển khai các nhiệm vụ được nêu tại điểm c, d, đ, e khoản 1 phần II; điểm a, b khoản 2 phần II của Kế hoạch.', null);
    assert.deepEqual(first!.refs, ['II.1.c', 'II.1.d', 'II.1.đ', 'II.1.e']);
    assert.deepEqual(second!.refs, ['II.2.a', 'II.2.b']);
    assert.deepEqual(parseReferences('tại mục (2) điểm b khoản 1 phần II', null)[0]!.refs, ['II.1.b.(2)']);
    assert.deepEqual(parseReferences('tại điểm I khoản 5 phần II', null)[0]!.refs, ['II.5.i']);
    assert.deepEqual(expandReferences(['II.1.d'], ['II.1.d.(1)', 'II.1.đ.(1)', 'II.1.d.(2)']), ['II.1.d.(1)', 'II.1.d.(2)']);
  });

  it('splits subject phrases into bodies without cutting "Các Sở, ban, ngành"', () => {
    assert.deepEqual(splitAgencies('Các Sở, ban, ngành thành phố, Ủy ban nhân dân các quận, huyện:'), ['Các Sở, ban, ngành thành phố', 'Ủy ban nhân dân các quận, huyện']);
    assert.deepEqual(splitAgencies('Sở Thông tin và Truyền thông, Sở Giáo dục và Đào tạo'), ['Sở Thông tin và Truyền thông', 'Sở Giáo dục và Đào tạo']);
  });

  it('matches OCR-damaged agency names and follows their successor', () => {
    const match = agencyMatcher(registry.agencies).match('S& Thong tin va Truyén théng');
    assert.equal(match.name, 'Sở Thông tin và Truyền thông');
    assert.equal(match.unitCode, '31-SKHCN');
    assert.equal(match.currentName, 'Sở Khoa học và Công nghệ');
    assert.ok(match.confidence > 0.8 && match.confidence < 1);
    assert.equal(agencyMatcher(registry.agencies).match('Ban Tuyên giáo Thành ủy').unitCode, null);
    assert.equal(agencyMatcher(registry.agencies).match('Ban Thường vụ Thành ủy Hải Phòng').unitCode, '31-TU');
  });

  it('builds the section tree and reads a second "d)" as đ', () => {
    const tree = buildSectionTree('II. NHIỆM VỤ\n\n1. Khoản một:\n\nd) Điểm d.\n\nd) Điểm đ in sai.\n\ne) Điểm e.\n');
    assert.deepEqual(tree.nodes.map((n) => n.ref), ['II', 'II.1', 'II.1.d', 'II.1.đ', 'II.1.e']);
  });

  it('reads ranges, "trên", and leaves parenthesised comparisons and decree numbers alone', () => {
    const text = [
      'Số: 12/KH-UBND', '', 'Hải Phòng, ngày 5 tháng 3 năm 2024', '', 'KẾ HOẠCH', 'Chuyển đổi số năm 2024', '',
      'I. MỤC TIÊU', '',
      '- Tỷ lệ hồ sơ được số hóa đạt 80% - 90%;', '',
      '- Tỷ lệ người dân có tài khoản định danh điện tử trên 70%;', '',
      '- Tăng tỷ trọng kinh tế số, cao hơn mức bình quân cả nước (20%);', '',
      '- Thực hiện Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 và mức độ 4.', '',
      '- Phấn đấu có ít nhất 1.000 doanh nghiệp công nghệ số; triển khai Đề án 06 tại 114 xã, phường.', '',
      // Debris of an OCR'd table: a value with nothing to measure is no target.
      '- 75% & phuong >', '',
    ].join('\n');
    const result = extractPlan(text);
    assert.deepEqual(result.targets.map((t) => [t.value, t.max, t.comparator, t.year]), [[80, 90, 'between', 2024], [70, null, '>', 2024], [1000, null, '>=', 2024]]);
    assert.deepEqual(result.targets.slice(2).map((t) => [t.unit, t.indicator]), [['doanh nghiệp công nghệ số', 'Số doanh nghiệp công nghệ số']]);
    assert.deepEqual(toOutput(result).document, { number: '12/KH-UBND', kind: 'KH', issuer: 'Ủy ban nhân dân thành phố Hải Phòng', date: '2024-03-05', title: 'Chuyển đổi số năm 2024' });
  });

  it('takes the bullets under the deepest heading as tasks when a part numbers only its clauses', () => {
    const text = [
      'III. NHIỆM VỤ, GIẢI PHÁP', '', '1. Phát triển hạ tầng số', '',
      '- Xây dựng trung tâm dữ liệu thành phố.', '', '- Phủ sóng 5G khu đô thị.', '',
      '2. Phát triển nguồn nhân lực', '', 'Đào tạo kỹ năng số cho cán bộ, công chức.', '',
      '3. Phát triển kinh tế số', '', 'Thúc đẩy doanh nghiệp số.', '', 'Một số lĩnh vực ưu tiên:', '', '- Du lịch thông minh.', '',
    ].join('\n');
    assert.deepEqual(extractPlan(text).tasks.map((t) => t.ref), ['III.1.1', 'III.1.2', 'III.2', 'III.3.1', 'III.3.2']);
  });

  it('reads target tables by level column and task tables with their lead and partner columns', () => {
    const text = [
      'Số: 15/KH-UBND', '', 'Hải Phòng, ngày 10 tháng 1 năm 2026', '', 'KẾ HOẠCH', 'Chuyển đổi số năm 2026', '',
      'I. MỤC TIÊU', '',
      'STT | Chỉ tiêu | Cấp thành phố | Cấp xã',
      '1 | Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng | 95% | ≥ 85%',
      '', 'II. NHIỆM VỤ, GIẢI PHÁP', '',
      'STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành',
      'I | Hạ tầng số | | |',
      '1 | Nâng cấp Trung tâm dữ liệu thành phố | Sở Thông tin và Truyền thông | Sở Tài chính; Văn phòng UBND thành phố | Quý IV/2026',
    ].join('\n');
    const result = extractPlan(text, { agencies: registry.agencies });
    assert.deepEqual(result.targets.map((t) => [t.value, t.scope, t.year, t.indicator]), [
      [95, 'city', 2026, 'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng'],
      [85, 'commune', 2026, 'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng'],
    ]);
    const [task] = result.tasks;
    assert.deepEqual([task!.ref, task!.lead, task!.cooperating, task!.leadBasis, task!.deadline], ['II.I.1', ['Sở Thông tin và Truyền thông'], ['Sở Tài chính', 'Văn phòng UBND thành phố'], 'table', '2026-12-31']);
    assert.equal(task!.leadUnits[0]!.currentName, 'Sở Khoa học và Công nghệ');
    assert.equal(result.source.slice(result.targets[1]!.valueSpan.start, result.targets[1]!.valueSpan.end), '85%');
  });

  it('reads a plan laid out in PHẦN parts with sub-clause cross-references, the finest reference deciding the lead', () => {
    const result = extractPlan(read('synthetic-ninh-binh-88.md'), { agencies: registry.agencies, places: registry.places });
    assert.equal(result.document.issuer, 'Ủy ban nhân dân tỉnh Ninh Bình');
    assert.deepEqual(result.targets.map((t) => [t.ref, t.value, t.max, t.unit, t.comparator]), [
      ['II.1', 100, null, '%', '>='],
      ['II.1', 70, 80, '%', 'between'],
      ['II.1', 20, null, 'rank', '<='],
      ['II.2', 12, null, '%', '>='],
      ['II.2', 500, null, 'doanh nghiệp công nghệ số', '>='],
    ]);
    const lead = Object.fromEntries(result.tasks.map((t) => [t.ref, [t.lead, t.cooperating]]));
    assert.deepEqual(lead, {
      'III.1.1': [['Sở Khoa học và Công nghệ'], ['Sở Tài chính']],
      'III.1.2': [['Sở Tư pháp'], []],
      'III.2.1': [['Sở Khoa học và Công nghệ'], ['Sở Tài chính']],
      // A partner named at a finer reference does not erase the leads of the coarser one.
      'III.2.2': [['Các sở, ban, ngành', 'Ủy ban nhân dân các xã, phường'], ['Sở Nội vụ']],
    });
    // A plural body is never taken for one commune that looks alike.
    assert.deepEqual(result.tasks.find((t) => t.ref === 'III.2.2')!.leadUnits.map((u) => u.unitCode), [null, null]);
  });

  it('reads deadlines from a time column or the task text, and none from references or "thường xuyên"', () => {
    assert.deepEqual(['Quý IV/2026', '30/6/2026', 'Năm 2026', 'Tháng 9/2026', '6 tháng đầu năm 2026', 'Thường xuyên', 'Hằng năm'].map(deadlineOfCell), [
      '2026-12-31', '2026-06-30', '2026-12-31', '2026-09-30', '2026-06-30', null, null,
    ]);
    assert.equal(deadlineInText('Xây dựng kho dữ liệu dùng chung, hoàn thành trước ngày 30/6/2026.'), '2026-06-30');
    assert.equal(deadlineInText('Ban hành quy chế trước ngày 15 tháng 10 năm 2026'), '2026-10-15');
    assert.equal(deadlineInText('Triển khai trong Quý III/2026'), '2026-09-30');
    assert.equal(deadlineInText('Thực hiện Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ'), null);
  });
});
