/**
 * The official report as DOCX, in the format of Nghị định 30/2020/NĐ-CP (Phụ lục I, Mẫu 1.4):
 *
 * - A4 portrait (11906 × 16838 twips); margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm
 *   (the lower ends of NĐ 30's ranges 20–25 / 20–25 / 30–35 / 15–20, the usual choice of offices);
 * - Times New Roman throughout, body 14 pt, justified, first-line indent 1,27 cm, 6 pt after;
 * - the header as a borderless two-column table: issuing body (capitals, bold, a short rule under
 *   it) and "Số: …/BC-…" on the left; quốc hiệu (bold caps 12 pt), tiêu ngữ (bold 13 pt, a rule as
 *   long as the text under it) and the place and date (italic 14 pt) on the right;
 * - "BÁO CÁO" (bold 14 pt), the trích yếu (bold 14 pt) and a short rule; numbered sections; tables
 *   with thin borders and a bold header row (12 pt);
 * - "Nơi nhận:" (bold italic 12 pt) with its list (11 pt) beside the signature block (bold caps
 *   14 pt, room for the signature, the name bold), in one borderless table;
 * - page numbers centred in the top margin from page 2 on.
 *
 * Rules are paragraph bottom borders narrowed with indents, so Word and LibreOffice draw them the same.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { ReportBlock, ReportContent } from '../../domain/officialReport.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const FONT = 'Times New Roman';
/** Millimetres, as chosen within NĐ 30's ranges. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
const PAGE_MM = { width: 210, height: 297 };
/** A4 as Word writes it (210 × 297 mm rounded to twips). */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;
/** The margins in twips, as w:pgMar carries them. */
export const marginTwips = () => ({ top: convertMillimetersToTwip(MARGINS_MM.top), bottom: convertMillimetersToTwip(MARGINS_MM.bottom), left: convertMillimetersToTwip(MARGINS_MM.left), right: convertMillimetersToTwip(MARGINS_MM.right) });
const CONTENT_MM = PAGE_MM.width - MARGINS_MM.left - MARGINS_MM.right;
const tw = convertMillimetersToTwip;
const pt = (size: number) => size * 2;

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}
const run = (text: string, s: RunStyle = {}) => new TextRun({ text, font: FONT, size: pt(s.size ?? 14), bold: s.bold, italics: s.italics });

function centered(text: string, s: RunStyle = {}, after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after, line: 240 }, children: [run(text, s)] });
}

/** A centred horizontal rule of about `widthMm`, inside a box `boxMm` wide. */
function rule(widthMm: number, boxMm: number, after = 0): Paragraph {
  const side = Math.max(0, (boxMm - widthMm) / 2);
  return new Paragraph({
    spacing: { before: 0, after, line: 120 },
    indent: { left: tw(side), right: tw(side) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

function body(text: string, options: { bold?: boolean; italics?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 0, after: 120, line: 276 },
    indent: options.indent === false ? undefined : { firstLine: tw(12.7) },
    children: [run(text, { bold: options.bold, italics: options.italics })],
  });
}

const cell = (children: (Paragraph | Table)[], widthMm: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
  new TableCell({ children, width: { size: tw(widthMm), type: WidthType.DXA }, ...extra });

function borderless(columnsMm: number[], rows: (Paragraph | Table)[][][]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: tw(columnsMm.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: columnsMm.map(tw),
    borders: TableBorders.NONE,
    rows: rows.map((r) => new TableRow({ children: r.map((content, i) => cell(content, columnsMm[i]!, { borders: TableBorders.NONE as never })) })),
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** A data table: thin borders, bold header row repeated on each page, numbers right-aligned. */
function dataTable(columns: string[], rows: string[][], widthsMm: number[], numeric: (col: number) => boolean): Table {
  const p = (text: string, bold: boolean, align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Paragraph({ alignment: align, spacing: { before: 40, after: 40, line: 240 }, children: [run(text, { size: 12, bold })] });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: tw(CONTENT_MM), type: WidthType.DXA },
    columnWidths: widthsMm.map(tw),
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((c, i) => cell([p(c, true, AlignmentType.CENTER)], widthsMm[i]!, { verticalAlign: VerticalAlign.CENTER })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) => cell([p(v, false, numeric(i) ? AlignmentType.RIGHT : i === 0 && columns[0] === 'STT' ? AlignmentType.CENTER : AlignmentType.LEFT)], widthsMm[i]!, { verticalAlign: VerticalAlign.CENTER })),
          }),
      ),
    ],
  });
}

/** Column widths (mm) that add up to the text width. */
function widthsFor(id: string, count: number): number[] {
  const scale = (w: number[]) => {
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((x) => (x * CONTENT_MM) / total);
  };
  if (id === 'targets') return scale([12, 56, 17, 22, 22, 18, 18]);
  if (id === 'budget') return scale([40, 16, 30, 30, 30, 19]);
  return scale(Array.from({ length: count }, () => 1));
}

function blockElements(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [body(block.text, { bold: true })];
    case 'paragraphs':
      return block.lines.map((l) => body(l));
    case 'table': {
      const numeric = (col: number) => (block.id === 'tasks' ? true : block.id === 'targets' ? col >= 3 && col <= 5 : col >= 1);
      return [dataTable(block.columns, block.rows, widthsFor(block.id, block.columns.length), numeric), new Paragraph({ spacing: { after: 120 }, children: [] })];
    }
  }
}

export async function writeOfficialReportDocx(content: ReportContent): Promise<Buffer> {
  const left = 62;
  const right = CONTENT_MM - left;
  const h = content.header;
  const leftTop: Paragraph[] = [
    ...h.issuerParentLines.map((l) => centered(l, { size: 13 })),
    ...h.issuerNameLines.map((l) => centered(l, { size: 13, bold: true })),
    rule(22, left),
  ];
  const rightTop: Paragraph[] = [centered(h.quocHieu, { size: 12, bold: true }), centered(h.tieuNgu, { size: 13, bold: true }), rule(62, right)];
  const header = borderless(
    [left, right],
    [
      [leftTop, rightTop],
      [[new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120 }, children: [run(h.numberLine, { size: 13 })] })], [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120 }, children: [run(h.placeDate, { size: 14, italics: true })] })]],
    ],
  );

  const title = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 }, children: [run(content.title, { bold: true })] }),
    centered(content.subject, { bold: true }),
    rule(40, CONTENT_MM, 240),
  ];

  const sections = content.sections.flatMap((s) => [body(s.heading, { bold: true }), ...s.blocks.flatMap(blockElements)]);

  const recipientsCell: Paragraph[] = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })] }),
    ...content.recipients.map((r) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(`- ${r}`, { size: 11 })] })),
  ];
  const signatureCell: Paragraph[] = [
    ...content.signature.lines.map((l) => centered(l, { bold: true })),
    ...Array.from({ length: 4 }, () => new Paragraph({ spacing: { before: 0, after: 0, line: 360 }, children: [] })),
    centered(content.signature.name || ' ', { bold: true }),
  ];
  const footer = borderless([left + 8, right - 8], [[recipientsCell, signatureCell]]);

  const pageNumber = new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(14) })] })] });

  const doc = new Document({
    creator: 'DX Pulse',
    title: `${content.title} ${content.subject}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: tw(MARGINS_MM.top), bottom: tw(MARGINS_MM.bottom), left: tw(MARGINS_MM.left), right: tw(MARGINS_MM.right), header: tw(10), footer: tw(10) },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children: [
          header,
          ...title,
          ...content.intro.map((l) => body(l)),
          ...sections,
          body(content.closing),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          footer,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
