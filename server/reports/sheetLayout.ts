/** The print layout every DX Pulse appendix shares: A4 landscape, one page wide, the header row repeated. */
import type ExcelJS from 'exceljs';

export function addA4LandscapeSheet(workbook: ExcelJS.Workbook, name: string, headerRow: number, footer: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: footer },
  });
}
