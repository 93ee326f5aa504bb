/**
 * The task appendix officials attach to plans and reports ("PHỤ LỤC … DANH MỤC NHIỆM VỤ": STT,
 * nhiệm vụ, cơ quan chủ trì, cơ quan phối hợp, thời gian hoàn thành, sản phẩm, kinh phí, tình
 * trạng) — the pure part of reading one back: column titles in any order, with or without
 * diacritics; the "thời gian hoàn thành" cell, which holds a date, two dates, a period ("Quý
 * IV/2025", "Năm 2025") or words ("Thường xuyên"); agency names matched to units. No I/O.
 */
import { numberFromText } from './spreadsheetText.ts';
import { foldVietnamese } from './text.ts';

export const APPENDIX_COLUMNS = ['stt', 'title', 'lead', 'cooperating', 'schedule', 'deliverable', 'budget', 'status'] as const;
export type AppendixColumn = (typeof APPENDIX_COLUMNS)[number];

/** A title as a key: folded, without spaces or punctuation ("Cơ quan chủ trì" → "coquanchutri"). */
export const titleKey = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]/g, '');

/**
 * Titles hand-made appendices use for each column (folded keys). The export's own titles (vi, en)
 * are added by the reader; a title that starts with "kinhphi" is the budget whatever its unit.
 */
const SYNONYMS: Record<AppendixColumn, string[]> = {
  stt: ['stt', 'tt', 'sothutu', 'no', 'so'],
  title: ['nhiemvu', 'tennhiemvu', 'noidung', 'noidungnhiemvu', 'nhiemvugiaiphap', 'task', 'title'],
  lead: ['coquanchutri', 'donvichutri', 'chutri', 'coquandonvichutri', 'leadunit', 'leadagency'],
  cooperating: ['coquanphoihop', 'donviphoihop', 'phoihop', 'coquandonviphoihop', 'cooperatingunits', 'cooperatingagencies'],
  schedule: ['thoigianhoanthanh', 'thoihanhoanthanh', 'thoihan', 'hanhoanthanh', 'thoigianthuchien', 'tiendohoanthanh', 'duedate', 'deadline'],
  deliverable: ['sanpham', 'sanphamdaura', 'ketquasanpham', 'sanphamketqua', 'deliverable'],
  budget: ['kinhphi', 'budget'],
  status: ['tinhtrang', 'trangthai', 'status'],
};

export function columnOfTitle(title: string, extra: ReadonlyMap<string, AppendixColumn> = new Map()): AppendixColumn | undefined {
  const key = titleKey(title);
  if (!key) return undefined;
  const hit = extra.get(key) ?? APPENDIX_COLUMNS.find((c) => SYNONYMS[c].includes(key));
  if (hit) return hit;
  if (key.startsWith('kinhphi') || key.startsWith('budget')) return 'budget';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// "Thời gian hoàn thành"

export interface Schedule {
  startDate: string | null;
  dueDate: string | null;
  scheduleNote: string | null;
}
export type ScheduleRead = ({ ok: true } & Schedule) | { ok: false; reason: 'badDate' | 'datesOrder'; text: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}
export const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** An Excel serial day number (1900 system) as a date. */
export function excelSerialDate(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 120000) return null;
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}

const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * Reads the completion-time cell: an ISO date (what a date cell becomes), "31/12/2025" (one date: the
 * due date), "01/03/2025 - 31/12/2025" (start and due), a period whose last day is the due date
 * ("Quý IV/2025", "Tháng 6/2025", "6/2025", "Năm 2025", "2025", "2025-2026"; the words are kept as the
 * schedule note) or words alone ("Thường xuyên", "Hằng năm": the note, no due date). Words around
 * dates stay as the note ("Thường xuyên (31/12/2025)").
 */
export function parseSchedule(content: string | number | null): ScheduleRead {
  const none: ScheduleRead = { ok: true, startDate: null, dueDate: null, scheduleNote: null };
  if (content === null) return none;
  if (typeof content === 'number') {
    const d = excelSerialDate(content);
    if (d) return { ...none, dueDate: d };
    if (Number.isInteger(content) && content >= 1900 && content <= 2200) return { ...none, dueDate: `${content}-12-31`, scheduleNote: `Năm ${content}` };
    return { ok: false, reason: 'badDate', text: String(content) };
  }
  const text = content.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text) return none;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const iso = isoDate(y, m, d);
    return iso ? { ...none, dueDate: iso } : { ok: false, reason: 'badDate', text };
  }
  // Full dates: dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy.
  const dates: string[] = [];
  let bad = false;
  const rest = text.replace(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/g, (_m, d: string, mo: string, y: string) => {
    const iso = isoDate(Number(y), Number(mo), Number(d));
    if (iso) dates.push(iso);
    else bad = true;
    return ' ';
  });
  if (bad || dates.length > 2) return { ok: false, reason: 'badDate', text };
  if (dates.length) {
    const note = rest.replace(/[()\s–—,;:-]+/g, ' ').replace(/\b(tu|den|từ|đến|ngay|ngày)\b/gi, ' ').replace(/\s+/g, ' ').trim();
    const [start, due] = dates.length === 2 ? [dates[0]!, dates[1]!] : [null, dates[0]!];
    if (start && start > due) return { ok: false, reason: 'datesOrder', text };
    return { ok: true, startDate: start, dueDate: due, scheduleNote: note || null };
  }
  const f = foldVietnamese(text);
  let m: RegExpExecArray | null;
  if ((m = /^quy (i{1,3}|iv|[1-4]) (?:nam )?(\d{4})$/.exec(f))) {
    const q = ROMAN_QUARTER[m[1]!]!;
    const y = Number(m[2]);
    return { ok: true, startDate: null, dueDate: isoDate(y, q * 3, lastDay(y, q * 3)), scheduleNote: text };
  }
  if ((m = /^(?:thang )?(\d{1,2}) (?:nam )?(\d{4})$/.exec(f))) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return { ok: false, reason: 'badDate', text };
    return { ok: true, startDate: null, dueDate: isoDate(y, mo, lastDay(y, mo)), scheduleNote: text };
  }
  if ((m = /^(?:nam )?(\d{4})$/.exec(f))) return { ok: true, startDate: null, dueDate: `${m[1]}-12-31`, scheduleNote: text };
  if ((m = /^(?:giai doan |nam )?(\d{4}) (?:den )?(\d{4})$/.exec(f))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > b) return { ok: false, reason: 'datesOrder', text };
    return { ok: true, startDate: `${a}-01-01`, dueDate: `${b}-12-31`, scheduleNote: text };
  }
  if (/\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/.test(text)) return { ok: false, reason: 'badDate', text };
  return { ok: true, startDate: null, dueDate: null, scheduleNote: text };
}

/**
 * What the export writes for a task's time, read back to the same by parseSchedule: the note when
 * it already says the due date ("Quý IV/2025"), else the note with the date in brackets, the two
 * dates, or the due date alone (null: the caller writes a date cell).
 */
export function scheduleText(s: Schedule): string | null {
  const dates = s.dueDate ? (s.startDate ? `${dmy(s.startDate)} - ${dmy(s.dueDate)}` : null) : null;
  if (s.scheduleNote) {
    const read = parseSchedule(s.scheduleNote);
    if (!s.dueDate || (read.ok && read.dueDate === s.dueDate && read.startDate === s.startDate)) return s.scheduleNote;
    return `${s.scheduleNote} (${dates ?? dmy(s.dueDate)})`;
  }
  return dates;
}

// ---------------------------------------------------------------------------------------------
// Kinh phí

/** Whole VND: a number cell or Vietnamese text ("1.500.000.000", "1,5 tỷ" is not taken). NaN when not a non-negative integer. */
export function parseAmount(content: string | number | null): number | null {
  if (content === null) return null;
  const n = typeof content === 'number' ? content : numberFromText(content.replace(/\s*(vnd|vnđ|đồng|đ)\.?$/i, ''), 'vi');
  if (n === null) return null;
  return Number.isFinite(n) && n >= 0 && Number.isInteger(n) && n <= 9e15 ? n : Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// Agencies

export interface UnitCandidate {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
}

export type AgencyMatch = { ok: true; unit: UnitCandidate } | { ok: false; reason: 'unknown' | 'ambiguous'; name: string; candidates?: UnitCandidate[] };

/** Prefixes the people's committee of a commune or ward is written with ("UBND phường X" is phường X). */
const COMMITTEE = /^(ubnd|uy ban nhan dan) (?=(xa|phuong|thi tran|dac khu|quan|huyen|thi xa|thanh pho|tinh) )/;
export const agencyKey = (name: string) => foldVietnamese(name).replace(COMMITTEE, '');

/** Index of units by folded name, short name and code; a key two units share is ambiguous. */
export function agencyIndex(units: readonly UnitCandidate[]): (name: string) => AgencyMatch {
  const byKey = new Map<string, UnitCandidate[]>();
  const add = (key: string, u: UnitCandidate) => {
    if (!key) return;
    const list = byKey.get(key) ?? [];
    if (!list.some((x) => x.id === u.id)) list.push(u);
    byKey.set(key, list);
  };
  for (const u of units) {
    add(agencyKey(u.name), u);
    if (u.shortName) add(agencyKey(u.shortName), u);
    add(`#${u.code.toLowerCase()}`, u);
  }
  return (name: string) => {
    const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
    const hits = byKey.get(agencyKey(clean)) ?? byKey.get(`#${clean.toLowerCase()}`) ?? [];
    if (hits.length === 1) return { ok: true, unit: hits[0]! };
    return { ok: false, reason: hits.length ? 'ambiguous' : 'unknown', name: clean, ...(hits.length ? { candidates: hits } : {}) };
  };
}

/**
 * The agencies of a "cơ quan phối hợp" cell: one a line or separated by ";", and within a piece by
 * "," — but names hold commas ("Sở Văn hóa, Thể thao và Du lịch"), so the longest run of
 * comma-separated parts that names a unit wins.
 */
export function matchAgencies(cell: string, match: (name: string) => AgencyMatch): AgencyMatch[] {
  const out: AgencyMatch[] = [];
  for (const piece of cell.split(/[;\n\r]+/).map((s) => s.trim()).filter(Boolean)) {
    const whole = match(piece);
    if (whole.ok || whole.reason === 'ambiguous') {
      out.push(whole);
      continue;
    }
    const parts = piece.split(',').map((s) => s.trim());
    let i = 0;
    while (i < parts.length) {
      if (!parts[i]) {
        i++;
        continue;
      }
      let taken: AgencyMatch | null = null;
      let next = i + 1;
      for (let j = parts.length; j > i; j--) {
        const m = match(parts.slice(i, j).join(', '));
        if (m.ok || m.reason === 'ambiguous') {
          taken = m;
          next = j;
          break;
        }
      }
      out.push(taken ?? match(parts[i]!));
      i = next;
    }
  }
  return out;
}
