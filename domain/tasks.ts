/**
 * Tasks (nhiệm vụ) with the "6 rõ" of seed 004: states people set, the status everyone sees
 * (overdue and late are computed from the dates and "today" in Vietnam, never typed), the allowed
 * state changes, the statistics of seed 004's sentences ("được giao 25 nhiệm vụ, đã hoàn thành 17,
 * đang thực hiện 8 trong hạn …"), the order of plan references ("II.1.c.(2)") and the checks of
 * evidence files. Pure: no I/O.
 */

// ---------------------------------------------------------------------------------------------
// States and the computed status

/** What people set. 'cancelled' is "không thực hiện" (seed 004: not in the pilot). */
export const TASK_STATES = ['not_started', 'in_progress', 'completed', 'paused', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** What everyone sees: the state refined by the dates. */
export const TASK_STATUSES = [
  'not_started',
  'in_progress_on_time',
  'in_progress_overdue',
  'completed_on_time',
  'completed_late',
  'paused',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskDates {
  state: TaskState;
  dueDate: string | null;
  completedOn: string | null;
}

/** A task still to be done whose due date has passed (the due day itself is still in time). */
export function isOverdue(t: TaskDates, today: string): boolean {
  return (t.state === 'not_started' || t.state === 'in_progress') && t.dueDate !== null && today > t.dueDate;
}

export function taskStatus(t: TaskDates, today: string): TaskStatus {
  switch (t.state) {
    case 'not_started':
      return 'not_started';
    case 'in_progress':
      return isOverdue(t, today) ? 'in_progress_overdue' : 'in_progress_on_time';
    case 'completed':
      return t.dueDate !== null && t.completedOn !== null && t.completedOn > t.dueDate ? 'completed_late' : 'completed_on_time';
    case 'paused':
      return 'paused';
    case 'cancelled':
      return 'cancelled';
  }
}

// ---------------------------------------------------------------------------------------------
// State changes

/**
 * Allowed changes. Pausing, cancelling ("không thực hiện") and reopening a completed or cancelled
 * task need a reason; cancelling and reopening are decisions of the coordinator ('task.write'),
 * the rest is the lead unit's report ('task.report').
 */
const TRANSITIONS: Record<TaskState, readonly TaskState[]> = {
  not_started: ['in_progress', 'completed', 'paused', 'cancelled'],
  in_progress: ['completed', 'paused', 'cancelled'],
  paused: ['in_progress', 'completed', 'cancelled'],
  completed: ['in_progress'],
  cancelled: ['not_started', 'in_progress'],
};

export function canTransition(from: TaskState, to: TaskState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: TaskState): readonly TaskState[] {
  return TRANSITIONS[from];
}

export function transitionNeedsReason(from: TaskState, to: TaskState): boolean {
  return to === 'paused' || to === 'cancelled' || from === 'completed' || from === 'cancelled';
}

/** Cancelling and reopening are the coordinator's; the lead unit reports the rest. */
export function transitionAction(from: TaskState, to: TaskState): 'task.write' | 'task.report' {
  return to === 'cancelled' || from === 'completed' || from === 'cancelled' ? 'task.write' : 'task.report';
}

/** Progress is reported on open tasks; a completed or cancelled one is reopened first. */
export function acceptsProgress(state: TaskState): boolean {
  return state !== 'completed' && state !== 'cancelled';
}

/** What a caller may do on a task now, as the task payload's `actions` lists it. */
export const TASK_ACTIONS = ['edit', 'report', 'comment', 'state', 'budget', 'cancel', 'reopen'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/**
 * The actions from the caller's grants on the task ('task.write' over the plan's issuer,
 * 'task.report' over the lead unit, 'task.comment' over an involved unit) and the task's state:
 * the same rules the commands enforce. 'state' is a change the lead unit reports (start, pause,
 * complete); 'cancel' and 'reopen' are the coordinator's changes.
 */
export function taskActions(state: TaskState, grants: { write: boolean; report: boolean; comment: boolean }): TaskAction[] {
  const by = (action: 'task.write' | 'task.report') => allowedTransitions(state).filter((to) => transitionAction(state, to) === action);
  const out: TaskAction[] = [];
  if (grants.write) out.push('edit');
  if (grants.report && acceptsProgress(state)) out.push('report');
  if (grants.comment) out.push('comment');
  if (grants.report && by('task.report').length > 0) out.push('state');
  if (grants.write) out.push('budget');
  if (grants.write && by('task.write').includes('cancelled')) out.push('cancel');
  if (grants.write && by('task.write').some((to) => to !== 'cancelled')) out.push('reopen');
  return out;
}

export type StateChangeProblem = 'sameState' | 'notAllowed' | 'reasonRequired' | 'completedInFuture' | 'completedBeforeStart' | 'completedOnWithoutCompletion';

/** Checks a requested change; the first problem, or null when it may go ahead. */
export function checkStateChange(
  task: { state: TaskState; startDate: string | null },
  change: { to: TaskState; reason?: string | null; completedOn?: string | null },
  today: string,
): StateChangeProblem | null {
  if (task.state === change.to) return 'sameState';
  if (!canTransition(task.state, change.to)) return 'notAllowed';
  if (transitionNeedsReason(task.state, change.to) && !change.reason?.trim()) return 'reasonRequired';
  if (change.to !== 'completed' && change.completedOn) return 'completedOnWithoutCompletion';
  if (change.to === 'completed' && change.completedOn) {
    if (change.completedOn > today) return 'completedInFuture';
    if (task.startDate && change.completedOn < task.startDate) return 'completedBeforeStart';
  }
  return null;
}

/** Start before (or on) the due date. */
export function datesInOrder(startDate: string | null | undefined, dueDate: string | null | undefined): boolean {
  return !startDate || !dueDate || startDate <= dueDate;
}

// ---------------------------------------------------------------------------------------------
// Statistics (seed 004's sentences)

export type TaskClass = 'completed_on_time' | 'completed_late' | 'in_progress_on_time' | 'in_progress_overdue' | 'not_started' | 'paused' | 'not_carried_out';

export interface TaskFacts extends TaskDates {
  /** Calendar date (Vietnam) the task was created; a task created after asOf does not count. */
  createdOn: string;
}

/**
 * The class of a task as of a date. A task completed after asOf was still in progress then; its
 * other states are taken as they are now (the timeline holds the history, the counts do not
 * replay it).
 */
export function classifyTask(t: TaskFacts, asOf: string): TaskClass | null {
  if (t.createdOn > asOf) return null;
  if (t.state === 'completed' && t.completedOn !== null && t.completedOn > asOf) {
    return t.dueDate !== null && asOf > t.dueDate ? 'in_progress_overdue' : 'in_progress_on_time';
  }
  switch (taskStatus(t, asOf)) {
    case 'completed_on_time':
      return 'completed_on_time';
    case 'completed_late':
      return 'completed_late';
    case 'in_progress_on_time':
      return 'in_progress_on_time';
    case 'in_progress_overdue':
      return 'in_progress_overdue';
    case 'not_started':
      return 'not_started';
    case 'paused':
      return 'paused';
    case 'cancelled':
      return 'not_carried_out';
  }
}

export interface TaskCounts {
  /** "được giao": every task counted, whatever its state. */
  assigned: number;
  completed: { total: number; onTime: number; late: number };
  inProgress: { total: number; onTime: number; overdue: number };
  notStarted: number;
  /** "tạm dừng". */
  paused: number;
  /** "không thực hiện". */
  notCarriedOut: number;
  /** "đã và đang thực hiện" = completed + in progress + paused. */
  doneOrInProgress: number;
  /** Not started yet overdue, as well as in progress overdue: what leaders chase. */
  overdue: number;
}

export function emptyCounts(): TaskCounts {
  return { assigned: 0, completed: { total: 0, onTime: 0, late: 0 }, inProgress: { total: 0, onTime: 0, overdue: 0 }, notStarted: 0, paused: 0, notCarriedOut: 0, doneOrInProgress: 0, overdue: 0 };
}

/** Adds one task of the class to the counts (mutates and returns them). */
export function addToCounts(counts: TaskCounts, cls: TaskClass, overdueNotStarted = false): TaskCounts {
  counts.assigned++;
  switch (cls) {
    case 'completed_on_time':
      counts.completed.total++, counts.completed.onTime++, counts.doneOrInProgress++;
      break;
    case 'completed_late':
      counts.completed.total++, counts.completed.late++, counts.doneOrInProgress++;
      break;
    case 'in_progress_on_time':
      counts.inProgress.total++, counts.inProgress.onTime++, counts.doneOrInProgress++;
      break;
    case 'in_progress_overdue':
      counts.inProgress.total++, counts.inProgress.overdue++, counts.doneOrInProgress++, counts.overdue++;
      break;
    case 'not_started':
      counts.notStarted++;
      if (overdueNotStarted) counts.overdue++;
      break;
    case 'paused':
      counts.paused++, counts.doneOrInProgress++;
      break;
    case 'not_carried_out':
      counts.notCarriedOut++;
      break;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Plan references: "II.1.c.(2)"

/** The Vietnamese alphabet as plans letter their points (điểm a, b, c, d, đ, e …). */
const VIETNAMESE_LETTERS = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'x', 'y'];
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function romanValue(s: string): number | null {
  if (!/^[IVXLC]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = i + 1 < s.length ? ROMAN[s[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total;
}

type RefPart = [kind: number, value: number | string];

/** Segments of a reference: upper-case Roman numerals, numbers, "(2)", and letters in Vietnamese order. */
export function parseRef(ref: string): RefPart[] {
  return ref
    .normalize('NFC')
    .trim()
    .split(/[.\s]+/)
    .filter(Boolean)
    .map((seg): RefPart => {
      const bare = seg.replace(/^\((.*)\)$/, '$1');
      const roman = seg === seg.toUpperCase() ? romanValue(bare) : null;
      if (roman !== null) return [0, roman];
      if (/^\d+$/.test(bare)) return [0, Number(bare)];
      const letter = VIETNAMESE_LETTERS.indexOf(bare.toLowerCase());
      if (letter >= 0) return [0, letter + 1];
      return [1, bare.toLowerCase()];
    });
}

/** Orders references as a plan reads: I < II < IV, 1 < 2 < 10, c < d < đ < e, "II.1" before "II.1.a". Blank last. */
export function compareRefs(a: string | null, b: string | null): number {
  if (!a?.trim()) return b?.trim() ? 1 : 0;
  if (!b?.trim()) return -1;
  const [pa, pb] = [parseRef(a), parseRef(b)];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i]!, pb[i]!];
    if (x[0] !== y[0]) return x[0] - y[0];
    if (x[1] !== y[1]) return typeof x[1] === 'number' && typeof y[1] === 'number' ? x[1] - y[1] : String(x[1]).localeCompare(String(y[1]), 'vi');
  }
  return pa.length - pb.length;
}

// ---------------------------------------------------------------------------------------------
// Evidence files

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const FILE_TYPES = {
  pdf: { extensions: ['pdf'], contentType: 'application/pdf' },
  png: { extensions: ['png'], contentType: 'image/png' },
  jpeg: { extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg' },
  docx: { extensions: ['docx'], contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { extensions: ['xlsx'], contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
} as const;
export type FileKind = keyof typeof FILE_TYPES;

export type FileCheck =
  | { ok: true; kind: FileKind; contentType: string }
  | { ok: false; reason: 'empty' | 'tooLarge' | 'badName' | 'extension' | 'unrecognised' | 'mismatch' | 'macro' };

/** Names of the entries of a ZIP's central directory, or null when the bytes are not a readable ZIP. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 bytes (its comment is at most 64 KB).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The type the first bytes announce (a ZIP is told apart by checkEvidenceFile). */
export function sniff(bytes: Uint8Array): FileKind | 'zip' | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x50, 0x4b, 0x03, 0x04])) return 'zip';
  return null;
}

/**
 * Whether an uploaded evidence file may be stored: its extension is one we take, its first bytes
 * are that type's signature (so an executable or an HTML page renamed .pdf is refused), a DOCX or
 * XLSX is a ZIP whose central directory holds the Word or Excel parts, without macros, and its
 * size is within the limit.
 */
export function checkEvidenceFile(name: string, bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): FileCheck {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: 'tooLarge' };
  const base = name.trim();
  if (!base || /[\\/\u0000-\u001f]/.test(base) || base.length > 255) return { ok: false, reason: 'badName' };
  const ext = /\.([A-Za-z0-9]+)$/.exec(base)?.[1]?.toLowerCase();
  const claimed = (Object.keys(FILE_TYPES) as FileKind[]).find((k) => (FILE_TYPES[k].extensions as readonly string[]).includes(ext ?? ''));
  if (!claimed) return { ok: false, reason: 'extension' };
  let actual = sniff(bytes);
  if (actual === 'zip') {
    const names = zipEntryNames(bytes);
    if (!names) return { ok: false, reason: 'unrecognised' };
    if (names.some((n) => /vbaProject\.bin$/i.test(n))) return { ok: false, reason: 'macro' };
    const hasTypes = names.includes('[Content_Types].xml');
    if (hasTypes && names.some((n) => n.startsWith('word/'))) actual = 'docx';
    else if (hasTypes && names.some((n) => n.startsWith('xl/'))) actual = 'xlsx';
    else return { ok: false, reason: 'unrecognised' };
  }
  if (actual === null) return { ok: false, reason: 'unrecognised' };
  if (actual !== claimed) return { ok: false, reason: 'mismatch' };
  return { ok: true, kind: actual, contentType: FILE_TYPES[actual].contentType };
}

// ---------------------------------------------------------------------------------------------
// Budgets

export const BUDGET_SOURCES = ['chi_thuong_xuyen', 'su_nghiep_cntt', 'dau_tu_cong', 'quy_phat_trien', 'xa_hoi_hoa', 'khac'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

/**
 * Money paid out cannot exceed what was allocated on the same line. The other stages are not
 * ordered: seed 004's approved estimate (223 bn) is for the whole task while the year's need (207 bn)
 * and allocation (37 bn) are for 2025, so no other inequality holds in general.
 */
export function disbursedWithinAllocated(line: { allocated?: number | null; disbursed?: number | null }): boolean {
  return line.allocated == null || line.disbursed == null || line.disbursed <= line.allocated;
}
