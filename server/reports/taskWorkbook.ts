/**
 * The task appendix as an Excel workbook ("PHỤ LỤC … DANH MỤC NHIỆM VỤ"), written the way officials
 * attach it to plans and reports, and read back.
 *
 * Writing: title rows (PHỤ LỤC, DANH MỤC NHIỆM VỤ with the plan's number, "Kèm theo …"), one header
 * row (frozen, repeated on every printed page), then the tasks in the plan's reading order with a
 * merged heading row wherever the group changes (and wherever the plan changes, when several plans
 * are exported). Times New Roman, thin borders, wrapped text, A4 landscape fitted to the page width.
 * Kinh phí is a number cell in VND; its format writes Vietnamese grouping (1.500.000.000) from a
 * million up whatever the reader's Excel locale (Excel allows two conditional sections, so amounts
 * under a million fall back to the locale's own grouping).
 *
 * Reading: the header row is the first of the top 30 rows that names a task column and a lead-agency
 * column; titles are matched folded (any case, with or without diacritics, Vietnamese or English,
 * common synonyms: domain/taskAppendix.ts), in any order; unknown columns are ignored. A row with
 * text but no agency, time, product or amount is a group heading; it names the group of the rows
 * below it.
 */
import ExcelJS from 'exceljs';
import { addA4LandscapeSheet } from './sheetLayout.ts';
import { APPENDIX_COLUMNS, columnOfTitle, titleKey, type AppendixColumn } from '../../domain/taskAppendix.ts';
import { translate, type Locale, type MessageKey } from '../http/messages.ts';
import { cellContent, type CellContent } from './indicatorWorkbook.ts';

export { XLSX_TYPE } from './indicatorWorkbook.ts';

export type AppendixLine =
  | { kind: 'plan'; text: string }
  | { kind: 'group'; text: string }
  | {
      kind: 'task';
      stt: string;
      title: string;
      lead: string;
      cooperating: string[];
      /** A date cell (ISO) or text. */
      schedule: { date: string } | { text: string } | null;
      deliverable: string | null;
      budget: number | null;
      status: string;
    };

export interface AppendixInput {
  heading: string;
  subheading: string | null;
  lines: AppendixLine[];
}

const t = (locale: Locale, key: string, params: Record<string, string | number> = {}) => translate(locale, `task.xlsx.${key}` as MessageKey, params);

const WIDTHS: Record<AppendixColumn, number> = { stt: 8, title: 50, lead: 24, cooperating: 30, schedule: 17, deliverable: 32, budget: 19, status: 20 };
const FONT = 'Times New Roman';
const BORDER: Partial<ExcelJS.Borders> = Object.fromEntries(['top', 'left', 'bottom', 'right'].map((s) => [s, { style: 'thin', color: { argb: 'FF000000' } }]));
export const HEADER_ROW = 5;
/** VND with Vietnamese grouping from a million up (see the module note). */
export const MONEY_FORMAT = '[>=1000000000]#\\.###\\.###\\.##0;[>=1000000]#\\.###\\.##0;#,##0';
const col = (c: AppendixColumn) => APPENDIX_COLUMNS.indexOf(c) + 1;

export async function writeTaskAppendix(input: AppendixInput, locale: Locale = 'vi'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'DX Pulse';
  workbook.created = new Date();
  const sheet = addA4LandscapeSheet(workbook, t(locale, 'sheetName'), HEADER_ROW, t(locale, 'footer'));
  const n = APPENDIX_COLUMNS.length;
  APPENDIX_COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = WIDTHS[c]));

  const titleRow = (r: number, text: string, font: Partial<ExcelJS.Font>, height?: number) => {
    sheet.mergeCells(r, 1, r, n);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 13, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (height) sheet.getRow(r).height = height;
  };
  titleRow(1, t(locale, 'appendix'), { bold: true });
  titleRow(2, input.heading, { bold: true }, 36);
  if (input.subheading) titleRow(3, input.subheading, { italic: true, size: 12 }, 32);

  const head = sheet.getRow(HEADER_ROW);
  APPENDIX_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = t(locale, `column.${c}`);
    cell.font = { name: FONT, size: 12, bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  head.height = 34;

  let r = HEADER_ROW;
  for (const line of input.lines) {
    r++;
    const row = sheet.getRow(r);
    if (line.kind !== 'task') {
      sheet.mergeCells(r, 1, r, n);
      const cell = row.getCell(1);
      cell.value = line.text;
      cell.font = { name: FONT, size: 12, bold: true, italic: line.kind === 'plan' };
      cell.alignment = { vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      if (line.kind === 'plan') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      continue;
    }
    const set = (c: AppendixColumn, value: ExcelJS.CellValue) => (row.getCell(col(c)).value = value);
    set('stt', line.stt);
    set('title', line.title);
    set('lead', line.lead);
    set('cooperating', line.cooperating.length ? line.cooperating.join(';\n') : null);
    if (line.schedule && 'date' in line.schedule) {
      const [y, m, d] = line.schedule.date.split('-').map(Number) as [number, number, number];
      set('schedule', new Date(Date.UTC(y, m - 1, d)));
      row.getCell(col('schedule')).numFmt = 'dd/mm/yyyy';
    } else set('schedule', line.schedule?.text ?? null);
    set('deliverable', line.deliverable);
    set('budget', line.budget);
    row.getCell(col('budget')).numFmt = MONEY_FORMAT;
    set('status', line.status);
    for (const c of APPENDIX_COLUMNS) {
      const cell = row.getCell(col(c));
      cell.font = { name: FONT, size: 12 };
      cell.border = BORDER;
      const centre = c === 'stt' || c === 'schedule' || c === 'status';
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: c === 'budget' ? 'right' : centre ? 'center' : 'left' };
    }
  }
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as unknown as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface AppendixRow {
  /** The row number Excel shows. */
  row: number;
  /** The heading above the row, if any. */
  group: string | null;
  cells: Partial<Record<AppendixColumn, CellContent>>;
}

export type AppendixRead = { ok: true; rows: AppendixRow[] } | { ok: false; reason: 'malformed' | 'notAppendix' | 'tooManyRows' };

export const MAX_APPENDIX_ROWS = 5000;

/** The export's own titles in both languages, beside the synonyms of domain/taskAppendix.ts. */
const OWN_TITLES = new Map<string, AppendixColumn>(APPENDIX_COLUMNS.flatMap((c) => (['vi', 'en'] as const).map((l) => [titleKey(t(l, `column.${c}`)), c] as [string, AppendixColumn])));

/** A cell's content; the covered cells of a merge are empty (exceljs would repeat the master's value). */
const own = (cell: ExcelJS.Cell): CellContent => (cell.isMerged && cell.master.address !== cell.address ? null : cellContent(cell.value));

export async function readTaskAppendix(bytes: Buffer): Promise<AppendixRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  for (const sheet of workbook.worksheets) {
    let headerRow = 0;
    const columns = new Map<AppendixColumn, number>();
    for (let r = 1; r <= Math.min(sheet.rowCount, 30) && !headerRow; r++) {
      const found = new Map<AppendixColumn, number>();
      sheet.getRow(r).eachCell((cell, c) => {
        const content = own(cell);
        const column = content === null ? undefined : columnOfTitle(String(content), OWN_TITLES);
        if (column && !found.has(column)) found.set(column, c);
      });
      if (found.has('title') && found.has('lead')) {
        headerRow = r;
        for (const [k, v] of found) columns.set(k, v);
      }
    }
    if (!headerRow) continue;
    if (sheet.rowCount - headerRow > MAX_APPENDIX_ROWS) return { ok: false, reason: 'tooManyRows' };
    const rows: AppendixRow[] = [];
    let group: string | null = null;
    for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: AppendixRow['cells'] = {};
      for (const [c, index] of columns) cells[c] = own(row.getCell(index));
      const first = own(row.getCell(1));
      const data = cells.lead ?? cells.cooperating ?? cells.schedule ?? cells.deliverable ?? cells.budget ?? null;
      if (data === null) {
        // A heading ("I. NHIỆM VỤ THƯỜNG XUYÊN" merged across, or "I" | "Nhiệm vụ thường xuyên"), or blank.
        const text = cells.title ?? first ?? cells.stt ?? null;
        if (text !== null && !/^\(\d+\)$/.test(String(text))) group = String(text).replace(/\s+/g, ' ').trim();
        continue;
      }
      rows.push({ row: r, group, cells });
    }
    return { ok: true, rows };
  }
  return { ok: false, reason: 'notAppendix' };
}
