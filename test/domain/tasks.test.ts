import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addToCounts,
  checkEvidenceFile,
  checkStateChange,
  classifyTask,
  compareRefs,
  datesInOrder,
  disbursedWithinAllocated,
  emptyCounts,
  isOverdue,
  taskStatus,
  transitionAction,
  zipEntryNames,
  type TaskFacts,
} from '../../domain/tasks.ts';

/** A minimal stored ZIP (no compression) holding the named empty entries. */
export function zipOf(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n);
    centrals.push(central, n);
    offset += 30 + n.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(names.length, 8);
  eocd.writeUInt16LE(names.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const DOCX = zipOf(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
const XLSX = zipOf(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);

describe('task status', () => {
  const t = (state: TaskFacts['state'], dueDate: string | null, completedOn: string | null = null) => ({ state, dueDate, completedOn });

  it('is overdue only after the due day, and only while still to be done', () => {
    assert.equal(isOverdue(t('in_progress', '2025-09-30'), '2025-09-30'), false);
    assert.equal(isOverdue(t('in_progress', '2025-09-30'), '2025-10-01'), true);
    assert.equal(isOverdue(t('not_started', '2025-09-30'), '2025-10-01'), true);
    assert.equal(isOverdue(t('paused', '2025-09-30'), '2025-10-01'), false);
    assert.equal(isOverdue(t('in_progress', null), '2099-01-01'), false);
  });

  it('refines the state by the dates', () => {
    assert.equal(taskStatus(t('not_started', '2025-01-01'), '2025-06-01'), 'not_started');
    assert.equal(taskStatus(t('in_progress', '2025-12-31'), '2025-06-01'), 'in_progress_on_time');
    assert.equal(taskStatus(t('in_progress', '2025-05-31'), '2025-06-01'), 'in_progress_overdue');
    assert.equal(taskStatus(t('completed', '2025-05-31', '2025-05-31'), '2025-06-01'), 'completed_on_time');
    assert.equal(taskStatus(t('completed', '2025-05-31', '2025-06-01'), '2025-06-01'), 'completed_late');
    assert.equal(taskStatus(t('completed', null, '2025-06-01'), '2025-06-01'), 'completed_on_time');
    assert.equal(taskStatus(t('paused', '2025-01-01'), '2025-06-01'), 'paused');
    assert.equal(taskStatus(t('cancelled', '2025-01-01'), '2025-06-01'), 'cancelled');
  });
});

describe('state changes', () => {
  const task = { state: 'in_progress' as const, startDate: '2025-03-01' };
  const today = '2025-06-01';
  it('needs a reason to pause, cancel or reopen', () => {
    assert.equal(checkStateChange(task, { to: 'paused' }, today), 'reasonRequired');
    assert.equal(checkStateChange(task, { to: 'paused', reason: '  ' }, today), 'reasonRequired');
    assert.equal(checkStateChange(task, { to: 'paused', reason: 'Chờ kinh phí' }, today), null);
    assert.equal(checkStateChange(task, { to: 'cancelled', reason: 'Không thuộc diện thí điểm' }, today), null);
    assert.equal(checkStateChange({ state: 'completed', startDate: null }, { to: 'in_progress' }, today), 'reasonRequired');
  });
  it('refuses changes that make no sense', () => {
    assert.equal(checkStateChange(task, { to: 'in_progress' }, today), 'sameState');
    assert.equal(checkStateChange(task, { to: 'not_started' }, today), 'notAllowed');
    assert.equal(checkStateChange({ state: 'completed', startDate: null }, { to: 'paused', reason: 'x' }, today), 'notAllowed');
    assert.equal(checkStateChange(task, { to: 'completed', completedOn: '2025-06-02' }, today), 'completedInFuture');
    assert.equal(checkStateChange(task, { to: 'completed', completedOn: '2025-02-28' }, today), 'completedBeforeStart');
    assert.equal(checkStateChange(task, { to: 'paused', reason: 'x', completedOn: '2025-05-01' }, today), 'completedOnWithoutCompletion');
    assert.equal(checkStateChange(task, { to: 'completed', completedOn: '2025-06-01' }, today), null);
  });
  it('leaves cancelling and reopening to the coordinator', () => {
    assert.equal(transitionAction('in_progress', 'completed'), 'task.report');
    assert.equal(transitionAction('in_progress', 'paused'), 'task.report');
    assert.equal(transitionAction('in_progress', 'cancelled'), 'task.write');
    assert.equal(transitionAction('completed', 'in_progress'), 'task.write');
  });
  it('checks date order', () => {
    assert.equal(datesInOrder('2025-01-01', '2025-01-01'), true);
    assert.equal(datesInOrder('2025-01-02', '2025-01-01'), false);
    assert.equal(datesInOrder(null, '2025-01-01'), true);
  });
});

describe('statistics classes (seed 004)', () => {
  const f = (state: TaskFacts['state'], dueDate: string | null, completedOn: string | null = null, createdOn = '2025-01-01'): TaskFacts => ({ state, dueDate, completedOn, createdOn });
  const asOf = '2025-09-30';
  it('classifies as of a date', () => {
    assert.equal(classifyTask(f('completed', '2025-06-30', '2025-06-01'), asOf), 'completed_on_time');
    assert.equal(classifyTask(f('completed', '2025-06-30', '2025-07-01'), asOf), 'completed_late');
    assert.equal(classifyTask(f('completed', '2025-12-31', '2025-10-15'), asOf), 'in_progress_on_time', 'completed after asOf: in progress then');
    assert.equal(classifyTask(f('completed', '2025-09-01', '2025-10-15'), asOf), 'in_progress_overdue');
    assert.equal(classifyTask(f('in_progress', '2025-12-31'), asOf), 'in_progress_on_time');
    assert.equal(classifyTask(f('in_progress', '2025-09-29'), asOf), 'in_progress_overdue');
    assert.equal(classifyTask(f('not_started', null), asOf), 'not_started');
    assert.equal(classifyTask(f('cancelled', null), asOf), 'not_carried_out');
    assert.equal(classifyTask(f('in_progress', null, null, '2025-10-01'), asOf), null, 'created after asOf');
  });
  it('adds up to the sentence "được giao 25, đã và đang thực hiện 24, chưa triển khai 01"', () => {
    const counts = emptyCounts();
    for (let i = 0; i < 17; i++) addToCounts(counts, 'completed_on_time');
    for (let i = 0; i < 7; i++) addToCounts(counts, 'in_progress_on_time');
    addToCounts(counts, 'not_carried_out');
    assert.equal(counts.assigned, 25);
    assert.equal(counts.doneOrInProgress, 24);
    assert.equal(counts.notCarriedOut, 1);
    addToCounts(counts, 'not_started', true);
    assert.equal(counts.overdue, 1);
  });
});

describe('plan references', () => {
  it('sorts as a plan reads, with the Vietnamese letter order', () => {
    const refs = ['II.1.đ', 'IV', 'II.1.c.(2)', 'I.2', 'II.1.e', 'II.1.c', 'II.10', 'II.2', 'II.1.d', 'II.1.c.(10)', 'I', null, 'II.1.c.(1)', 'IX', 'V'];
    assert.deepEqual([...refs].sort(compareRefs), ['I', 'I.2', 'II.1.c', 'II.1.c.(1)', 'II.1.c.(2)', 'II.1.c.(10)', 'II.1.d', 'II.1.đ', 'II.1.e', 'II.2', 'II.10', 'IV', 'V', 'IX', null]);
  });
});

describe('evidence files', () => {
  it('takes PDF, PNG, JPEG, DOCX and XLSX by their content', () => {
    assert.deepEqual(checkEvidenceFile('Báo cáo.pdf', PDF), { ok: true, kind: 'pdf', contentType: 'application/pdf' });
    assert.equal(checkEvidenceFile('anh.PNG', PNG).ok, true);
    assert.equal(checkEvidenceFile('anh.jpg', JPEG).ok, true);
    assert.equal(checkEvidenceFile('anh.jpeg', JPEG).ok, true);
    assert.deepEqual(checkEvidenceFile('bien-ban.docx', DOCX), { ok: true, kind: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    assert.equal(checkEvidenceFile('so-lieu.xlsx', XLSX).ok, true);
    assert.deepEqual(zipEntryNames(XLSX), ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
  });
  it('refuses executables, HTML, other extensions, mismatches, macros and oversize files', () => {
    const reason = (name: string, bytes: Uint8Array, max?: number) => {
      const r = checkEvidenceFile(name, bytes, max);
      return r.ok ? 'ok' : r.reason;
    };
    assert.equal(reason('setup.exe', Buffer.from('MZ\x90\x00')), 'extension');
    assert.equal(reason('bao-cao.pdf', Buffer.from('MZ\x90\x00\x03')), 'unrecognised', 'an executable renamed .pdf');
    assert.equal(reason('bao-cao.pdf', Buffer.from('<!DOCTYPE html><script>alert(1)</script>')), 'unrecognised');
    assert.equal(reason('trang.html', Buffer.from('<html>')), 'extension');
    assert.equal(reason('anh.png', PDF), 'mismatch');
    assert.equal(reason('so-lieu.xlsx', DOCX), 'mismatch');
    assert.equal(reason('nen.docx', zipOf(['a.txt'])), 'unrecognised', 'a plain ZIP is no DOCX');
    assert.equal(reason('macro.xlsx', zipOf(['[Content_Types].xml', 'xl/workbook.xml', 'xl/vbaProject.bin'])), 'macro');
    assert.equal(reason('hong.docx', Buffer.from('PK\x03\x04broken')), 'unrecognised');
    assert.equal(reason('rong.pdf', Buffer.alloc(0)), 'empty');
    assert.equal(reason('lon.pdf', PDF, 10), 'tooLarge');
    assert.equal(reason('khong-duoi', PDF), 'extension');
    assert.equal(reason('../x.pdf', PDF), 'badName');
  });
  it('checks money paid against money allocated', () => {
    assert.equal(disbursedWithinAllocated({ allocated: 100, disbursed: 100 }), true);
    assert.equal(disbursedWithinAllocated({ allocated: 100, disbursed: 101 }), false);
    assert.equal(disbursedWithinAllocated({ allocated: null, disbursed: 101 }), true);
  });
});
