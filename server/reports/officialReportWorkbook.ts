/**
 * The report's XLSX appendix: sheet "Nhiệm vụ" (every task of the plan with its lead unit, due date,
 * progress and status as of the report's date, under the statistics sentence) and sheet "Chỉ tiêu"
 * (the targets table of the report, with the figures as number cells). Same numbers as the DOCX:
 * both come from one ReportFacts. A4 landscape, Times New Roman, thin borders, header row frozen and
 * repeated on printed pages, like server/reports/taskWorkbook.ts.
 */
import ExcelJS from 'exceljs';
import { addA4LandscapeSheet } from './sheetLayout.ts';
import { TASK_STATUS_LABELS, evaluateReportTarget, taskSentence, type ReportContent, type ReportFacts } from '../../domain/officialReport.ts';

export { XLSX_TYPE } from './indicatorWorkbook.ts';

const FONT = 'Times New Roman';
const BORDER: Partial<ExcelJS.Borders> = Object.fromEntries(['top', 'left', 'bottom', 'right'].map((s) => [s, { style: 'thin', color: { argb: 'FF000000' } }]));
export const TASK_HEADER_ROW = 5;
export const TARGET_HEADER_ROW = 4;
export const TASK_COLUMNS = ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ (%)', 'Tình trạng'] as const;
export const TARGET_COLUMNS = ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', 'Giá trị kế hoạch', 'Thực hiện', 'Tỷ lệ đạt (%)', 'Đánh giá'] as const;

function sheetOf(workbook: ExcelJS.Workbook, name: string, headerRow: number, widths: number[]) {
  const sheet = addA4LandscapeSheet(workbook, name, headerRow, 'Trang &P/&N');
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const title = (r: number, text: string, font: Partial<ExcelJS.Font>, height?: number) => {
    sheet.mergeCells(r, 1, r, widths.length);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 13, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (height) sheet.getRow(r).height = height;
  };
  const header = (columns: readonly string[]) => {
    const row = sheet.getRow(headerRow);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = c;
      cell.font = { name: FONT, size: 12, bold: true };
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    });
    row.height = 32;
  };
  const body = (row: ExcelJS.Row, count: number, align: (i: number) => 'left' | 'center' | 'right') => {
    for (let i = 1; i <= count; i++) {
      const cell = row.getCell(i);
      cell.font = { name: FONT, size: 12 };
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: align(i) };
    }
  };
  return { sheet, title, header, body };
}

export async function writeOfficialReportWorkbook(facts: ReportFacts, content: ReportContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'DX Pulse';
  workbook.created = new Date();

  const tasks = sheetOf(workbook, 'Nhiệm vụ', TASK_HEADER_ROW, [9, 60, 30, 13, 12, 26]);
  tasks.title(1, 'PHỤ LỤC', { bold: true });
  tasks.title(2, 'DANH MỤC NHIỆM VỤ VÀ TIẾN ĐỘ THỰC HIỆN', { bold: true });
  tasks.title(3, `(${content.appendix.heading})`, { italic: true, size: 12 }, 30);
  tasks.title(4, taskSentence(facts.plan, facts.tasks), { size: 12 }, 30);
  tasks.header(TASK_COLUMNS);
  facts.taskRows.forEach((t, i) => {
    const row = tasks.sheet.getRow(TASK_HEADER_ROW + 1 + i);
    row.getCell(1).value = t.ref ?? String(i + 1);
    row.getCell(2).value = t.title;
    row.getCell(3).value = t.lead;
    if (t.dueDate) {
      const [y, m, d] = t.dueDate.split('-').map(Number) as [number, number, number];
      row.getCell(4).value = new Date(Date.UTC(y, m - 1, d));
      row.getCell(4).numFmt = 'dd/mm/yyyy';
    }
    row.getCell(5).value = t.progress;
    row.getCell(6).value = TASK_STATUS_LABELS[t.status];
    tasks.body(row, TASK_COLUMNS.length, (c) => (c === 5 ? 'right' : c === 1 || c === 4 ? 'center' : 'left'));
  });

  const targets = sheetOf(workbook, 'Chỉ tiêu', TARGET_HEADER_ROW, [7, 60, 13, 16, 14, 14, 14, 22]);
  targets.title(1, 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', { bold: true });
  targets.title(2, `(${content.appendix.heading})`, { italic: true, size: 12 }, 30);
  targets.header(TARGET_COLUMNS);
  facts.targets.forEach((t, i) => {
    const text = content.appendix.targets[i]!;
    const { attainment } = evaluateReportTarget(t);
    const row = targets.sheet.getRow(TARGET_HEADER_ROW + 1 + i);
    const decimals = '0' + (t.decimals > 0 ? '.' + '0'.repeat(Math.min(t.decimals, 6)) : '');
    row.getCell(1).value = text.stt;
    row.getCell(2).value = text.name;
    row.getCell(3).value = text.unit;
    row.getCell(4).value = text.target;
    row.getCell(5).value = t.value;
    row.getCell(6).value = t.actual === null ? null : Math.round(t.actual * 10 ** t.decimals) / 10 ** t.decimals;
    row.getCell(7).value = attainment === null ? null : Math.round(attainment * 10000) / 100;
    for (const c of [5, 6]) row.getCell(c).numFmt = `#,##${decimals}`;
    row.getCell(7).numFmt = '0.00';
    row.getCell(8).value = text.statusText;
    targets.body(row, TARGET_COLUMNS.length, (c) => (c >= 5 && c <= 7 ? 'right' : c === 1 || c === 3 || c === 4 ? 'center' : 'left'));
  });

  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as unknown as ArrayBuffer);
}
