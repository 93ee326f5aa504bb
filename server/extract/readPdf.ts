/**
 * PDF text layer → lines and blocks, with pdf.js (through unpdf). pdf.js gives positioned text
 * items in drawing order, which for the PDFs Word and browsers produce is reading order, column
 * by column; sorting by position would interleave a header's two columns, so the order is kept
 * and lines are rebuilt from it: an item ends a line when the next one sits on another baseline
 * (or back to the left). A gap wider than two letters inside a line separates table cells
 * or the two halves of a header ("Số: 227/KH-UBND | Hải Phòng, ngày …") and becomes " | ", as in
 * DOCX tables. A vertical gap clearly wider than the usual line pitch, or a jump back up the
 * page, starts a new block.
 */
import { getDocumentProxy } from 'unpdf';

export interface PdfPage {
  /** Blocks of lines; the page's own line breaks are kept */
  blocks: string[];
  /** Letters and digits on the page, to tell a text layer from a scan */
  chars: number;
}

export type PdfResult = { kind: 'ok'; pages: (PdfPage | null)[] } | { kind: 'encrypted' } | { kind: 'malformed' };

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Line {
  text: string;
  y: number;
  height: number;
  end: number;
}

export async function readPdfPages(bytes: Buffer): Promise<PdfResult> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: pdf.js may take over (detach) the buffer it is given, and Node buffers share pools.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, stopAtErrors: false });
  } catch (error) {
    return (error as { name?: string })?.name === 'PasswordException' ? { kind: 'encrypted' } : { kind: 'malformed' };
  }
  try {
    const pages: (PdfPage | null)[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      try {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent();
        const items: Item[] = [];
        for (const item of content.items) {
          if (!('str' in item)) continue; // marked-content markers
          items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height });
        }
        pages.push(pageBlocks(items));
        page.cleanup();
      } catch {
        pages.push(null); // one broken page; the caller reports it
      }
    }
    return { kind: 'ok', pages };
  } finally {
    await pdf.destroy();
  }
}

function pageBlocks(items: Item[]): PdfPage {
  const lines: Line[] = [];
  let line: Line | null = null;
  let pendingSpace = '';
  const endLine = () => {
    if (line && line.text.trim()) lines.push({ ...line, text: line.text.trim() });
    line = null;
    pendingSpace = '';
  };
  for (const item of items) {
    const size = Math.max(item.height, 1);
    if (!item.str.trim()) {
      // pdf.js reports gaps as whitespace items as wide as the gap; zero-width ones mean nothing
      if (!line || item.width < 0.1 * line.height) continue;
      // (their width is not reliable enough to move the line's end: it can reach past the next item)
      if (item.width > 2 * line.height) pendingSpace = ' | ';
      else pendingSpace ||= ' ';
      continue;
    }
    const current = line as Line | null;
    // hasEOL is not used: pdf.js also sets it inside words where the font changes ("H" | "ải").
    if (current && (Math.abs(item.y - current.y) > 0.5 * Math.max(size, current.height) || item.x < current.end - 2 * size)) endLine();
    if (!line) {
      line = { text: item.str, y: item.y, height: item.height, end: item.x + item.width };
      continue;
    }
    const gap = item.x - line.end;
    const separator = pendingSpace || (gap > 2 * line.height ? ' | ' : gap > 0.2 * line.height && !/\s$/.test(line.text) && !/^\s/.test(item.str) ? ' ' : '');
    line.text += separator + item.str;
    line.end = item.x + item.width;
    line.height = Math.max(line.height, item.height);
    pendingSpace = '';
  }
  endLine();

  // The usual pitch between the lines of a paragraph, in line heights: the lower quartile, since
  // gaps between paragraphs are wider and, in short documents, may be half of all gaps. A clearly
  // wider gap starts a block.
  const ratios = lines
    .slice(1)
    .map((l, i) => (lines[i]!.y - l.y) / Math.max(l.height, 1))
    .filter((r) => r > 0)
    .sort((a, b) => a - b);
  const pitch = ratios[Math.floor(ratios.length / 4)] ?? 1.2;
  const blocks: string[][] = [];
  lines.forEach((l, i) => {
    const previous = lines[i - 1];
    const ratio = previous ? (previous.y - l.y) / Math.max(l.height, 1) : 0;
    if (!previous || ratio <= 0 || ratio > pitch * 1.3) blocks.push([]);
    blocks.at(-1)!.push(l.text);
  });
  return {
    blocks: blocks.map((b) => b.join('\n')),
    chars: lines.reduce((n, l) => n + (l.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0),
  };
}
