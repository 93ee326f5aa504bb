/** domain/officialReport.ts: NĐ 30 header texts, Vietnamese numbers, seed 004's task sentence, signature lines, draft checks, period choices. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDraft, defaultReportPeriod, placeDateLine, reportPeriodChoices, signatureLines, targetText, taskSentence, viNumber, viPercent } from '../../domain/officialReport.ts';
import { addToCounts, emptyCounts } from '../../domain/tasks.ts';

const plan = { kind: 'KH', kindLabel: 'Kế hoạch', number: '02-KH/BCĐTW', title: 'x', issuedOn: null, issuerName: 'Thành phố Hải Phòng', issuerKind: 'province' };

describe('official report content', () => {
  it('writes numbers, dates and targets the Vietnamese way', () => {
    assert.equal(viNumber(3_658_476, 0), '3.658.476');
    assert.equal(viPercent((100 * 3_658_476) / 3_670_241), '99,68%');
    assert.equal(placeDateLine('Hải Phòng', '2025-10-07'), 'Hải Phòng, ngày 07 tháng 10 năm 2025');
    assert.equal(placeDateLine('Hải Phòng', '2026-02-05'), 'Hải Phòng, ngày 05 tháng 02 năm 2026');
    assert.equal(targetText({ comparator: '>=', value: 80, valueMax: null, unit: '%', decimals: 2 }), '≥ 80%');
    assert.equal(targetText({ comparator: 'between', value: 80, valueMax: 90, unit: '%', decimals: 2 }), '80% - 90%');
  });

  it("words the task statistics as seed 004 does", () => {
    const c = emptyCounts();
    for (let i = 0; i < 17; i++) addToCounts(c, 'completed_on_time');
    for (let i = 0; i < 8; i++) addToCounts(c, 'in_progress_on_time');
    assert.equal(taskSentence(plan, c), 'Tại Kế hoạch số 02-KH/BCĐTW, thành phố được giao 25 nhiệm vụ, đã hoàn thành 17 nhiệm vụ, đang thực hiện 8 nhiệm vụ trong hạn.');
  });

  it('builds the signature block and checks a draft', () => {
    assert.deepEqual(signatureLines({ signingForm: 'KT', collective: 'Ủy ban nhân dân', authorityTitle: 'chủ tịch', signerTitle: 'Phó Chủ tịch' }), ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    assert.deepEqual(signatureLines({ signingForm: 'Q', collective: '', authorityTitle: 'CHỦ TỊCH', signerTitle: '' }), ['Q. CHỦ TỊCH']);
    const ok = { issuerParent: '', issuerName: 'ỦY BAN NHÂN DÂN', numberSymbol: '   /BC-UBND', place: 'Hải Phòng', reportDate: '2025-10-07', signingForm: 'KT' as const, collective: 'ỦY BAN NHÂN DÂN', authorityTitle: 'CHỦ TỊCH', signerTitle: 'PHÓ CHỦ TỊCH', signerName: '', recipients: [], narratives: { intro: '', results: '', shortcomings: '', causes: '', priorities: '', proposals: '' } };
    assert.deepEqual(checkDraft(ok), []);
    assert.deepEqual(checkDraft({ ...ok, numberSymbol: '12/KH-UBND', authorityTitle: '' }).map((p) => p.path), ['body.numberSymbol', 'body.authorityTitle']);
  });

  it('offers the quarters, halves and years of the plan that have begun', () => {
    const choices = reportPeriodChoices({ horizonFrom: 2025, horizonYear: 2025, issuedOn: '2025-08-25' }, '2025-10-20');
    assert.deepEqual(choices.map((c) => c.id), ['2025', '2025S2', '2025Q4', '2025Q3', '2025S1', '2025Q2', '2025Q1']);
    assert.equal(choices[3]!.label, 'Quý III/2025');
    assert.equal(defaultReportPeriod(choices, '2025-10-20'), '2025Q3');
  });
});
