/**
 * The offline template of a report (form × unit × period) as an Excel workbook, and reading it back.
 *
 * Layout (Vietnamese): a header block naming the form, the unit, the period, the data cut-off and
 * the deadline — the codes in column B identify the report, so a file filled for another form, unit
 * or period is recognised — then a table with one row per item: mã chỉ tiêu, tên, đơn vị tính,
 * bắt buộc, giá trị, tử số, mẫu số, ghi chú. The sheet is protected (without a password: against
 * slips, not people); only the input cells — yellow — are unlocked, and they carry number
 * validation. A ratio item takes numerator and denominator (its value is a formula); any other
 * item takes the value.
 */
import ExcelJS from 'exceljs';
import { defaultRange } from '../../domain/indicators.ts';
import { foldVietnamese } from '../../domain/text.ts';
import { translate, type Locale, type MessageKey } from '../http/messages.ts';
import { optionLabel } from '../presenters/indicatorLabels.ts';
import { numberFromText, type NumberLanguage } from '../../domain/spreadsheetText.ts';
import { cellContent, parseNumber, type CellContent } from './indicatorWorkbook.ts';

export { XLSX_TYPE } from './indicatorWorkbook.ts';

export interface TemplateItem {
  code: string;
  name: string;
  unit: string;
  ratio: boolean;
  required: boolean;
  minValue: number | null;
  maxValue: number | null;
  staged: { value: number | null; numerator: number | null; denominator: number | null; comment: string | null } | null;
}

export interface TemplateInput {
  form: { code: string; name: string };
  unit: { code: string; name: string };
  period: { id: string; label: string };
  window: { start: string; end: string };
  dueDate: string;
  status: string;
  items: TemplateItem[];
}

const COLUMNS = ['code', 'name', 'unit', 'required', 'value', 'numerator', 'denominator', 'comment'] as const;
type Column = (typeof COLUMNS)[number];
const WIDTHS: Record<Column, number> = { code: 18, name: 60, unit: 14, required: 10, value: 16, numerator: 16, denominator: 16, comment: 40 };
const col = (c: Column) => COLUMNS.indexOf(c) + 1;
const letter = (c: Column) => String.fromCharCode(64 + col(c));

const HEADER_FIELDS = ['form', 'unit', 'period', 'window', 'dueDate', 'status'] as const;
type HeaderField = (typeof HEADER_FIELDS)[number];
const FIRST_HEADER_ROW = 2;
const TABLE_HEADER_ROW = 10;

const t = (locale: Locale, key: string, params: Record<string, string | number> = {}) => translate(locale, `submission.xlsx.${key}` as MessageKey, params);
const dmy = (date: string) => date.split('-').reverse().join('/');
const fold = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]/g, '');

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const OFF_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

function numberValidation(locale: Locale, min: number | null, max: number | null): ExcelJS.DataValidation {
  const lo = min ?? -1e15;
  const hi = max ?? 1e15;
  const range = min !== null && max !== null ? t(locale, 'rangeBetween', { min, max }) : min !== null ? t(locale, 'rangeAtLeast', { min }) : t(locale, 'rangeAny');
  return {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [lo, hi],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: t(locale, 'invalidTitle'),
    error: range ? t(locale, 'invalidNumber', { range }) : t(locale, 'invalidNumberAny'),
  };
}

/** The template of one report, with the values already staged, as xlsx bytes. */
export async function writeSubmissionTemplate(input: TemplateInput, locale: Locale = 'vi'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'DX Pulse';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(t(locale, 'sheetName'), {
    views: [{ state: 'frozen', ySplit: TABLE_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = WIDTHS[c]));

  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  const title = sheet.getCell(1, 1);
  title.value = t(locale, 'title', { name: input.form.name });
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = 36;

  const header: Record<HeaderField, [string, string]> = {
    form: [input.form.code, input.form.name],
    unit: [input.unit.code, input.unit.name],
    period: [input.period.id, input.period.label],
    window: [`${dmy(input.window.start)} – ${dmy(input.window.end)}`, ''],
    dueDate: [dmy(input.dueDate), ''],
    status: [input.status, ''],
  };
  HEADER_FIELDS.forEach((field, i) => {
    const r = FIRST_HEADER_ROW + i;
    const label = sheet.getCell(r, 1);
    label.value = t(locale, `label.${field}`);
    label.font = { bold: true };
    label.fill = LABEL_FILL;
    sheet.getCell(r, 2).value = header[field][0];
    sheet.getCell(r, 2).font = { bold: field !== 'window' && field !== 'status' };
    if (header[field][1]) {
      sheet.mergeCells(r, 3, r, COLUMNS.length);
      sheet.getCell(r, 3).value = header[field][1];
    }
  });
  const help = FIRST_HEADER_ROW + HEADER_FIELDS.length + 1;
  sheet.mergeCells(help, 1, help, COLUMNS.length);
  const helpCell = sheet.getCell(help, 1);
  helpCell.value = t(locale, 'instructions');
  helpCell.font = { italic: true, color: { argb: 'FF595959' } };
  helpCell.alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(help).height = 32;

  const head = sheet.getRow(TABLE_HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = t(locale, `column.${c}`);
    cell.font = { bold: true };
    cell.fill = LABEL_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  head.height = 30;

  input.items.forEach((item, i) => {
    const r = TABLE_HEADER_ROW + 1 + i;
    const row = sheet.getRow(r);
    const bounds = defaultRange(item.unit);
    const min = item.minValue ?? bounds.min;
    const max = item.maxValue ?? bounds.max;
    row.getCell(col('code')).value = item.code;
    row.getCell(col('name')).value = item.name;
    row.getCell(col('name')).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(col('unit')).value = optionLabel(locale, 'unit', item.unit);
    row.getCell(col('required')).value = item.required ? t(locale, 'yes') : '';
    row.getCell(col('required')).alignment = { horizontal: 'center' };
    const input = (c: Column, value: number | string | null, validation?: ExcelJS.DataValidation) => {
      const cell = row.getCell(col(c));
      cell.value = value;
      cell.fill = INPUT_FILL;
      cell.protection = { locked: false };
      if (validation) cell.dataValidation = validation;
      if (c !== 'comment') cell.numFmt = '#,##0.######';
    };
    if (item.ratio) {
      const n = `${letter('numerator')}${r}`;
      const d = `${letter('denominator')}${r}`;
      const scale = item.unit === '%' ? '*100' : '';
      const value = row.getCell(col('value'));
      value.value = { formula: `IF(AND(ISNUMBER(${n}),ISNUMBER(${d}),${d}<>0),${n}/${d}${scale},"")`, result: item.staged?.value ?? '' } as ExcelJS.CellFormulaValue;
      value.fill = OFF_FILL;
      value.numFmt = '#,##0.00';
      input('numerator', item.staged?.numerator ?? null, numberValidation(locale, 0, null));
      input('denominator', item.staged?.denominator ?? null, numberValidation(locale, 0, null));
    } else {
      input('value', item.staged?.value ?? null, numberValidation(locale, min, max));
      row.getCell(col('numerator')).fill = OFF_FILL;
      row.getCell(col('denominator')).fill = OFF_FILL;
    }
    input('comment', item.staged?.comment ?? null);
    row.getCell(col('comment')).alignment = { wrapText: true, vertical: 'top' };
    for (let c = 1; c <= COLUMNS.length; c++) row.getCell(c).border = BORDER;
  });

  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as unknown as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface UploadRow {
  /** The row number Excel shows. */
  row: number;
  code: string;
  value: CellContent;
  numerator: CellContent;
  denominator: CellContent;
  comment: string | null;
}

export type UploadRead =
  | { ok: true; identity: { form: string; unit: string; period: string }; rows: UploadRow[] }
  | { ok: false; reason: 'malformed' | 'notTemplate' };

/** Header labels and column titles in either language, folded, to the field they name. */
const HEADER_LABELS = new Map<string, HeaderField>(HEADER_FIELDS.flatMap((f) => (['vi', 'en'] as const).map((l) => [fold(t(l, `label.${f}`)), f] as [string, HeaderField])));
const COLUMN_TITLES = new Map<string, Column>(COLUMNS.flatMap((c) => (['vi', 'en'] as const).map((l) => [fold(t(l, `column.${c}`)), c] as [string, Column])));

export const MAX_TEMPLATE_ROWS = 2000;

/** Parse an uploaded template: the report it is for and its item rows. Checks only the file's shape. */
export async function readSubmissionTemplate(bytes: Buffer): Promise<UploadRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, reason: 'notTemplate' };

  const identity: Partial<Record<HeaderField, string>> = {};
  let headerRow = 0;
  const columns = new Map<Column, number>();
  const lastScan = Math.min(sheet.rowCount, 40);
  for (let r = 1; r <= lastScan && !headerRow; r++) {
    const row = sheet.getRow(r);
    const first = cellContent(row.getCell(1).value);
    const key = first === null ? '' : fold(String(first));
    const field = HEADER_LABELS.get(key);
    if (field) {
      const v = cellContent(row.getCell(2).value);
      if (v !== null) identity[field] = String(v).trim();
      continue;
    }
    if (COLUMN_TITLES.get(key) === 'code') {
      headerRow = r;
      row.eachCell((cell, c) => {
        const content = cellContent(cell.value);
        const column = content === null ? undefined : COLUMN_TITLES.get(fold(String(content)));
        if (column && !columns.has(column)) columns.set(column, c);
      });
    }
  }
  if (!identity.form || !identity.unit || !identity.period || !headerRow || !columns.has('code')) return { ok: false, reason: 'notTemplate' };

  const rows: UploadRow[] = [];
  const get = (row: ExcelJS.Row, c: Column) => {
    const index = columns.get(c);
    return index === undefined ? null : cellContent(row.getCell(index).value);
  };
  const last = Math.min(sheet.rowCount, headerRow + MAX_TEMPLATE_ROWS);
  for (let r = headerRow + 1; r <= last; r++) {
    const row = sheet.getRow(r);
    const code = get(row, 'code');
    if (code === null) continue;
    const comment = get(row, 'comment');
    rows.push({
      row: r,
      code: String(code).trim(),
      value: get(row, 'value'),
      numerator: get(row, 'numerator'),
      denominator: get(row, 'denominator'),
      comment: comment === null ? null : String(comment),
    });
  }
  return { ok: true, identity: { form: identity.form, unit: identity.unit, period: identity.period }, rows };
}

/**
 * A number cell, or a number typed as text, read as the grid reads a paste (domain/spreadsheetText):
 * "1234.5", "0,5", "3.658.476", "3.658.476,5"; an ambiguous "1.234" is 1234 for a Vietnamese
 * uploader and 1.234 for an English one. Null when blank, NaN when it is not a number.
 */
export function parseCellNumber(content: CellContent, lang: NumberLanguage = 'vi'): number | null {
  if (typeof content === 'string') return numberFromText(content, lang);
  return parseNumber(content);
}
