/**
 * The indicator catalogue as an Excel workbook: one header row of Vietnamese column titles and one
 * row per indicator, options written as their Vietnamese labels (with drop-down lists), so that the
 * coordinating office can edit the catalogue offline and upload it back. Reading accepts the
 * Vietnamese or English titles or the API's field names in any column order (unknown columns are
 * ignored), and for options the value itself or its Vietnamese or English label, with or without
 * diacritics.
 */
import ExcelJS from 'exceljs';
import { foldVietnamese } from '../../domain/text.ts';
import { translate, type MessageKey } from '../http/messages.ts';
import { OPTION_VALUES, optionLabel, type OptionField } from '../presenters/indicatorLabels.ts';
import type { IndicatorRow } from '../store/schema.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows beyond this are refused: the catalogue holds hundreds of indicators, not tens of thousands. */
export const MAX_IMPORT_ROWS = 5000;

export const COLUMNS = [
  { field: 'code', required: true, width: 18 },
  { field: 'name', required: true, width: 60 },
  { field: 'unit', required: true, width: 14 },
  { field: 'pillar', required: false, width: 22 },
  { field: 'direction', required: false, width: 20 },
  { field: 'spaceAggregation', required: true, width: 32 },
  { field: 'timeAggregation', required: true, width: 24 },
  { field: 'periodType', required: false, width: 12 },
  { field: 'description', required: false, width: 60 },
  { field: 'decimals', required: false, width: 12 },
  { field: 'minValue', required: false, width: 14 },
  { field: 'maxValue', required: false, width: 14 },
] as const;
export type ColumnField = (typeof COLUMNS)[number]['field'];

export const columnTitle = (field: ColumnField, locale: 'vi' | 'en' = 'vi') => translate(locale, `indicator.xlsx.column.${field}` as MessageKey);

const OPTION_FIELDS = new Set<string>(['unit', 'pillar', 'direction', 'spaceAggregation', 'timeAggregation', 'periodType']);
const isOptionField = (f: string): f is OptionField => OPTION_FIELDS.has(f);

/** The workbook of the given indicators, as xlsx bytes. */
export async function writeIndicatorWorkbook(rows: readonly IndicatorRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'DX Pulse';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(translate('vi', 'indicator.xlsx.sheetName'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: columnTitle(c.field), key: c.field, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

  const label = (field: OptionField, value: string | null) => (value === null ? null : optionLabel('vi', field, value));
  for (const row of rows) {
    sheet.addRow({
      code: row.code,
      name: row.name,
      unit: label('unit', row.unit),
      pillar: label('pillar', row.pillar),
      direction: label('direction', row.direction),
      spaceAggregation: label('spaceAggregation', row.space_aggregation),
      timeAggregation: label('timeAggregation', row.time_aggregation),
      periodType: label('periodType', row.period_type),
      description: row.description,
      decimals: row.decimals,
      minValue: row.min_value,
      maxValue: row.max_value,
    });
  }

  // Drop-down lists of the labels on the filled rows and some empty ones below them. A value typed
  // by hand (a code, an English label) is only warned about: the importer accepts it.
  const lastRow = rows.length + 200;
  COLUMNS.forEach((column, index) => {
    if (!isOptionField(column.field)) return;
    const labels = OPTION_VALUES[column.field].map((v) => optionLabel('vi', column.field as OptionField, v).replace(/"/g, "'"));
    const formula = `"${labels.join(',')}"`;
    if (formula.length > 255) return; // Excel's limit for an inline list
    for (let r = 2; r <= lastRow; r++) {
      sheet.getCell(r, index + 1).dataValidation = {
        type: 'list',
        allowBlank: !column.required,
        formulae: [formula],
        showErrorMessage: true,
        errorStyle: 'warning',
      };
    }
  });
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as unknown as ArrayBuffer);
}

export type CellContent = string | number | null;

/** The text or number a cell holds, whatever form exceljs gives it in (rich text, formula result, hyperlink…). */
export function cellContent(value: ExcelJS.CellValue): CellContent {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return cellContent(value.richText.map((t) => t.text).join(''));
    if ('result' in value) return cellContent((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return cellContent(value.text);
    if ('error' in value) return null;
  }
  return null;
}

export interface SheetRow {
  /** The row number Excel shows. */
  row: number;
  cells: Partial<Record<ColumnField, CellContent>>;
}

export type ReadResult =
  | { ok: true; rows: SheetRow[] }
  | { ok: false; reason: 'malformed' | 'noSheet' | 'empty' | 'tooManyRows' }
  | { ok: false; reason: 'columns'; missing: ColumnField[] };

const fold = (s: string) => foldVietnamese(s).replace(/ /g, '');

/** Header cell → column, by its Vietnamese or English title or the API field name. */
const TITLE_TO_FIELD = new Map<string, ColumnField>(
  COLUMNS.flatMap((c) => [
    [fold(columnTitle(c.field, 'vi')), c.field],
    [fold(columnTitle(c.field, 'en')), c.field],
    [fold(c.field), c.field],
  ]),
);

/** Parse the bytes of a workbook into rows keyed by column; checks nothing but the sheet's shape. */
export async function readIndicatorWorkbook(bytes: Buffer): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const sheet = workbook.worksheets.find((s) => fold(s.name) === fold(translate('vi', 'indicator.xlsx.sheetName'))) ?? workbook.worksheets[0];
  if (!sheet) return { ok: false, reason: 'noSheet' };
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) return { ok: false, reason: 'tooManyRows' };

  const columnOf = new Map<number, ColumnField>();
  sheet.getRow(1).eachCell((cell, col) => {
    const title = cellContent(cell.value);
    const field = title === null ? undefined : TITLE_TO_FIELD.get(fold(String(title)));
    if (field && ![...columnOf.values()].includes(field)) columnOf.set(col, field);
  });
  if (columnOf.size === 0 && sheet.actualRowCount === 0) return { ok: false, reason: 'empty' };
  const present = new Set(columnOf.values());
  const missing = COLUMNS.filter((c) => c.required && !present.has(c.field)).map((c) => c.field);
  if (missing.length) return { ok: false, reason: 'columns', missing };

  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: SheetRow['cells'] = {};
    let any = false;
    for (const [col, field] of columnOf) {
      const content = cellContent(row.getCell(col).value);
      cells[field] = content;
      if (content !== null) any = true;
    }
    if (any) rows.push({ row: rowNumber, cells });
  });
  if (rows.length === 0) return { ok: false, reason: 'empty' };
  return { ok: true, rows };
}

/** Option lookup: value, folded value, and the folded Vietnamese and English labels. */
const OPTION_LOOKUP = new Map<OptionField, Map<string, string>>(
  (Object.keys(OPTION_VALUES) as OptionField[]).map((field) => {
    const map = new Map<string, string>();
    for (const value of OPTION_VALUES[field]) {
      for (const text of [value, optionLabel('vi', field, value), optionLabel('en', field, value)]) {
        map.set(text.trim().toLowerCase(), value);
        const folded = fold(text);
        if (folded) map.set(folded, value);
      }
    }
    return [field, map];
  }),
);

/** The option value a cell names, or undefined when it names none. */
export function parseOption(field: OptionField, content: CellContent): string | undefined {
  if (content === null) return undefined;
  const text = String(content).normalize('NFC').trim();
  const map = OPTION_LOOKUP.get(field)!;
  return map.get(text.toLowerCase()) ?? map.get(fold(text));
}

/** A number cell, or a text such as "100" or "0,5" (decimal comma). NaN when it is not a number. */
export function parseNumber(content: CellContent): number | null {
  if (content === null) return null;
  if (typeof content === 'number') return content;
  const text = content.replace(/\s/g, '');
  if (!/^[-+]?\d+([.,]\d+)?$/.test(text)) return Number.NaN;
  return Number(text.replace(',', '.'));
}
