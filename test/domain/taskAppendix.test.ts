import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agencyIndex, columnOfTitle, matchAgencies, parseAmount, parseSchedule, scheduleText } from '../../domain/taskAppendix.ts';

describe('task appendix', () => {
  it('reads column titles in any case, with or without diacritics', () => {
    assert.equal(columnOfTitle('CƠ QUAN CHỦ TRÌ'), 'lead');
    assert.equal(columnOfTitle('don vi phoi hop'), 'cooperating');
    assert.equal(columnOfTitle('Thời hạn hoàn thành'), 'schedule');
    assert.equal(columnOfTitle('Kinh phí (triệu đồng)'), 'budget');
    assert.equal(columnOfTitle('Ghi chú'), undefined);
  });

  it('reads the completion time', () => {
    const ok = (startDate: string | null, dueDate: string | null, scheduleNote: string | null) => ({ ok: true, startDate, dueDate, scheduleNote });
    assert.deepEqual(parseSchedule('31/12/2025'), ok(null, '2025-12-31', null));
    assert.deepEqual(parseSchedule('2025-12-31'), ok(null, '2025-12-31', null));
    assert.deepEqual(parseSchedule(45657), ok(null, '2024-12-31', null));
    assert.deepEqual(parseSchedule('01/03/2025 - 31/12/2025'), ok('2025-03-01', '2025-12-31', null));
    assert.deepEqual(parseSchedule('Thường xuyên'), ok(null, null, 'Thường xuyên'));
    assert.deepEqual(parseSchedule('Thường xuyên (31/12/2025)'), ok(null, '2025-12-31', 'Thường xuyên'));
    assert.deepEqual(parseSchedule('Quý IV/2025'), ok(null, '2025-12-31', 'Quý IV/2025'));
    assert.deepEqual(parseSchedule('Tháng 6/2025'), ok(null, '2025-06-30', 'Tháng 6/2025'));
    assert.deepEqual(parseSchedule('Năm 2026'), ok(null, '2026-12-31', 'Năm 2026'));
    assert.deepEqual(parseSchedule('2025 - 2026'), ok('2025-01-01', '2026-12-31', '2025 - 2026'));
    assert.equal(parseSchedule('31/12/2025 - 01/03/2025').ok, false);
    assert.deepEqual(parseSchedule('31/12/2025 - 01/03/2025'), { ok: false, reason: 'datesOrder', text: '31/12/2025 - 01/03/2025' });
    assert.deepEqual(parseSchedule('31/02/2025'), { ok: false, reason: 'badDate', text: '31/02/2025' });
  });

  it('writes the time so that it reads back the same', () => {
    for (const s of [
      { startDate: null, dueDate: '2025-12-31', scheduleNote: 'Thường xuyên' },
      { startDate: '2025-03-01', dueDate: '2025-12-31', scheduleNote: null },
      { startDate: null, dueDate: '2025-12-31', scheduleNote: 'Quý IV/2025' },
      { startDate: null, dueDate: null, scheduleNote: 'Hằng năm' },
    ]) {
      assert.deepEqual(parseSchedule(scheduleText(s) ?? s.dueDate), { ok: true, ...s });
    }
  });

  it('reads amounts in Vietnamese', () => {
    assert.equal(parseAmount('1.500.000.000'), 1_500_000_000);
    assert.equal(parseAmount('2.500.000 đồng'), 2_500_000);
    assert.equal(parseAmount(700), 700);
    assert.ok(Number.isNaN(parseAmount('một tỷ')!));
    assert.ok(Number.isNaN(parseAmount(-5)!));
  });

  it('matches agencies by folded name, short name, code, and names with commas', () => {
    const match = agencyIndex([
      { id: 1, code: '31-SKHCN', name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN' },
      { id: 2, code: '31-SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', shortName: null },
      { id: 3, code: '11692', name: 'Phường Dương Kinh', shortName: null },
      { id: 4, code: 'X1', name: 'Xã An Hòa', shortName: null },
      { id: 5, code: 'X2', name: 'Xã An Hoà', shortName: null },
    ]);
    const ids = (cell: string) => matchAgencies(cell, match).map((m) => (m.ok ? m.unit.id : `${m.reason}:${m.name}`));
    assert.deepEqual(ids('so khoa hoc va cong nghe'), [1]);
    assert.deepEqual(ids('Sở KH&CN; UBND phường Dương Kinh'), [1, 3]);
    assert.deepEqual(ids('Sở Văn hóa, Thể thao và Du lịch, Phường Dương Kinh'), [2, 3]);
    assert.deepEqual(ids('11692\nSở Tài chính'), [3, 'unknown:Sở Tài chính']);
    assert.deepEqual(ids('Xã An Hòa'), ['ambiguous:Xã An Hòa']);
  });
});
