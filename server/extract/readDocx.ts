/**
 * DOCX → blocks of text, through mammoth's document model rather than its HTML: mammoth already
 * resolves what makes Word XML hard (fields, hyperlinks, content controls, vertically merged
 * cells, deleted text), and its model keeps the two things the HTML loses: each run's font, which
 * tells TCVN3 (".VnTime") and VNI ("VNI-Times") runs apart from Unicode ones, and each paragraph's
 * numbering. We capture the model with the `transformDocument` hook (the HTML mammoth then builds
 * is thrown away; images are not decoded for it).
 *
 * Limitation: mammoth tells whether a paragraph is in an ordered list and at which level, but not
 * the number format ("1.", "a)", "I."), so automatic numbers cannot be rebuilt faithfully; they
 * are left out with a warning rather than guessed. Bulleted paragraphs get "- ". Headers, footers,
 * footnotes and comments are not read.
 */
import mammoth from 'mammoth';
import { convertLegacy, legacyFontEncoding, lettersFitCp1252, type LegacyEncoding } from '../../domain/extract/legacyEncodings.ts';

/** The parts of mammoth's document model we read. */
interface DocElement {
  type: string;
  children?: DocElement[];
  value?: string;
  font?: string | null;
  numbering?: { isOrdered: boolean; level: string } | null;
  colSpan?: number;
  rowSpan?: number;
}

export interface DocxBlocks {
  /** Paragraphs, and tables as one line per row with cells joined by " | " */
  blocks: string[];
  /** Paragraphs converted because their runs were in a legacy font */
  fontConverted: Record<LegacyEncoding, number>;
  autoNumbered: number;
  images: number;
}

export async function readDocxBlocks(bytes: Buffer): Promise<DocxBlocks> {
  let model: DocElement | undefined;
  await mammoth.convertToHtml(
    { buffer: bytes },
    {
      transformDocument: (document: DocElement) => (model = document),
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    },
  );
  if (!model) throw new Error('mammoth returned no document');

  const out: DocxBlocks = { blocks: [], fontConverted: { tcvn3: 0, vni: 0 }, autoNumbered: 0, images: 0 };

  /** A paragraph's text; legacy-font runs converted, consecutive runs of one font converted together. */
  const paragraphText = (paragraph: DocElement): string => {
    const segments: { text: string; font: ReturnType<typeof legacyFontEncoding> }[] = [];
    const visit = (element: DocElement, font: ReturnType<typeof legacyFontEncoding>) => {
      switch (element.type) {
        case 'text': {
          const last = segments.at(-1);
          if (last && last.font?.encoding === font?.encoding && last.font?.allCaps === font?.allCaps) last.text += element.value ?? '';
          else segments.push({ text: element.value ?? '', font });
          return;
        }
        case 'tab':
          segments.push({ text: ' ', font: null });
          return;
        case 'break':
          segments.push({ text: '\n', font: null });
          return;
        case 'image':
          out.images++;
          return;
        case 'run':
          for (const child of element.children ?? []) visit(child, legacyFontEncoding(element.font));
          return;
        default: // hyperlinks and other wrappers; references, bookmarks and checkboxes have no children
          for (const child of element.children ?? []) visit(child, font);
      }
    };
    visit(paragraph, null);
    let converted: LegacyEncoding | null = null;
    const text = segments
      .map(({ text, font }) => {
        // Trust the font, unless the run already holds Unicode Vietnamese (a converted document
        // that kept its old font name).
        if (!font || !lettersFitCp1252(text)) return text;
        const unicode = convertLegacy(text, font.encoding, { allCaps: font.allCaps });
        if (unicode !== text) converted = font.encoding;
        return unicode;
      })
      .join('')
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .trim();
    if (converted && text) out.fontConverted[converted]++;
    return text;
  };

  /** Everything inside a table cell on one line: its paragraphs (and nested tables) joined by spaces. */
  const cellText = (cell: DocElement): string =>
    (cell.children ?? [])
      .map((child) => (child.type === 'paragraph' ? paragraphText(child) : child.type === 'table' ? tableLines(child).join(' ') : ''))
      .filter(Boolean)
      .join(' ')
      .replace(/\s+/g, ' ');

  /**
   * One line per row. mammoth drops the cells a vertical merge covers; an empty cell keeps the
   * later cells in their columns ("1 |  | 100%" rather than "1 | 100%" under the wrong heading).
   */
  const tableLines = (table: DocElement): string[] => {
    const lines: string[] = [];
    const covered: number[] = []; // rows still covered by a merge, per grid column
    for (const row of table.children ?? []) {
      if (row.type !== 'tableRow') continue;
      const cells: string[] = [];
      let column = 0;
      const skipCovered = () => {
        while ((covered[column] ?? 0) > 0) {
          covered[column]!--;
          cells.push('');
          column++;
        }
      };
      for (const cell of row.children ?? []) {
        if (cell.type !== 'tableCell') continue;
        skipCovered();
        cells.push(cellText(cell));
        const span = cell.colSpan ?? 1;
        for (let k = 0; k < span; k++) covered[column + k] = (cell.rowSpan ?? 1) - 1;
        column += span;
      }
      skipCovered();
      while (cells.length && !cells.at(-1)) cells.pop();
      if (cells.length) lines.push(cells.join(' | '));
    }
    return lines;
  };

  for (const element of model.children ?? []) {
    if (element.type === 'table') {
      const lines = tableLines(element);
      if (lines.length) out.blocks.push(lines.join('\n'));
    } else if (element.type === 'paragraph') {
      const text = paragraphText(element);
      if (!text) continue;
      if (element.numbering?.isOrdered) out.autoNumbered++;
      out.blocks.push(element.numbering && !element.numbering.isOrdered ? `- ${text}` : text);
    }
  }
  return out;
}
