/**
 * Splits a plan document into blocks (one heading, numbered item, bullet or paragraph each), with
 * offsets into the source. OCR text wraps every ~80 characters, so a block runs until a blank line
 * or a line that opens with a list marker; Markdown decoration (#, **, *) is looked through.
 */
import type { Span } from './types.ts';

export type MarkerKind = 'part' | 'roman' | 'clause' | 'subclause' | 'point' | 'item' | 'bullet' | 'star' | 'row' | 'none';

export interface Block {
  /** Text without the marker and decoration, lines joined by single spaces */
  text: string;
  marker: MarkerKind;
  /** Raw label as printed: "II", "1", "2.1", "a", "(1)", "-" */
  label: string;
  /** Numeric value of the label for sequence checks (roman/clause/item), or the letter */
  span: Span;
  /** Offset of `text`'s first character in the source */
  textStart: number;
  /** The block's first line is short and has no sentence end: a heading line */
  headingLike: boolean;
}

interface Line {
  start: number;
  end: number;
  raw: string;
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= source.length; i++) {
    if (i === source.length || source[i] === '\n') {
      lines.push({ start, end: i, raw: source.slice(start, i) });
      start = i + 1;
    }
  }
  return lines;
}

/** Markdown and OCR noise at the start of a line: heading hashes, emphasis, stray quotes. */
const DECORATION = /^[\s#>*_]*(?=\S)/;
const TRAILING_DECORATION = /[\s*_]+$/;

// Roman numerals as OCR prints them: "IL" and "Il" for II, "Ill" for III, "1V" for IV.
const ROMAN = /^(?:PHẦN|PHAN|Phần|Phan)?\s*([IVXLl1]{1,5})\s*[.\-–)]\s+(?=\S)/;
const CLAUSE = /^(\d{1,2})\s*[.)]\s*(?=\S)/;
const SUBCLAUSE = /^(\d{1,2}(?:\.\d{1,2}){1,2})\s*\.?\s+(?=\S)/;
const POINT = /^([a-zđA-ZĐ])\s*\)\s*(?=\S)/;
const ITEM = /^\(\s*(\d{1,2}|[a-zđ])\s*\)\s*[.:]?\s*(?=\S)/;
const ITEM_BARE = /^(\d{1,2})\s*\)\s*(?=\S)/;
const BULLET = /^([-–—+•·~])\s*(?=\S)/;
const STAR = /^\*\s+(?=\S)/;
const PART = /^(?:PHẦN|PHAN|Phần)\s+(THỨ\s+\S+|[IVX\d]+)\s*[.:\-–]?\s*/i;

function romanValue(label: string): number {
  const fixed = label.toUpperCase().replace(/L|1/g, 'I');
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < fixed.length; i++) {
    const v = values[fixed[i]!] ?? 0;
    const next = values[fixed[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

export function romanToNumber(label: string): number {
  return romanValue(label);
}

export function numberToRoman(n: number): string {
  const table: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

interface MarkerMatch {
  kind: MarkerKind;
  label: string;
  length: number;
}

function matchMarker(text: string): MarkerMatch {
  let m = PART.exec(text);
  if (m) return { kind: 'part', label: m[1]!, length: m[0].length };
  m = SUBCLAUSE.exec(text);
  if (m && !/^\d{1,2}\.\d{1,2}\.\d{2,4}/.test(text)) return { kind: 'subclause', label: m[1]!, length: m[0].length };
  m = ROMAN.exec(text);
  // "I." must be followed by an upper-case heading; "l." or "1." alone are clauses or noise.
  if (m && /[IVX]/.test(m[1]!) && /^\S*\s*[.\-–)]?\s*[\p{Lu}"“]/u.test(text.slice(m[0].length - 1).trimStart() || 'x')) {
    const rest = text.slice(m[0].length);
    if (/^[\p{Lu}\d"“(]/u.test(rest)) return { kind: 'roman', label: m[1]!, length: m[0].length };
  }
  m = ITEM.exec(text);
  if (m) return { kind: 'item', label: `(${m[1]})`, length: m[0].length };
  m = CLAUSE.exec(text);
  if (m && !/^\d{1,2}\s*[.)]\s*\d/.test(text)) return { kind: 'clause', label: m[1]!, length: m[0].length };
  m = ITEM_BARE.exec(text);
  if (m) return { kind: 'item', label: `(${m[1]})`, length: m[0].length };
  m = POINT.exec(text);
  if (m) return { kind: 'point', label: m[1]!.toLowerCase(), length: m[0].length };
  m = BULLET.exec(text);
  if (m) return { kind: 'bullet', label: m[1] === '+' ? '+' : '-', length: m[0].length };
  m = STAR.exec(text);
  if (m) return { kind: 'star', label: '*', length: m[0].length };
  return { kind: 'none', label: '', length: 0 };
}

/** "- 4. Đảm bảo an toàn" (OCR put a dash before a numbered heading): the number wins. */
function unwrapDashedHeading(text: string): MarkerMatch | null {
  const m = /^[-–]\s+(\d{1,2})\.\s+(?=[\p{Lu}])/u.exec(text);
  return m ? { kind: 'clause', label: m[1]!, length: m[0].length } : null;
}

export function splitBlocks(source: string): Block[] {
  const lines = splitLines(source);
  const blocks: Block[] = [];
  let current: { marker: MarkerMatch; start: number; textStart: number; end: number; parts: string[]; firstLine: string } | null = null;

  const flush = () => {
    if (!current) return;
    const text = current.parts.join(' ').replace(/\s+/g, ' ').replace(TRAILING_DECORATION, '').replace(/\*\*/g, '').replace(/^\*(?=\S)/, '').trim();
    if (text || current.marker.kind !== 'none') {
      const first = current.firstLine.replace(/\*\*/g, '').trim();
      blocks.push({
        text,
        marker: current.marker.kind,
        label: current.marker.label,
        span: { start: current.start, end: current.end },
        textStart: current.textStart,
        headingLike: first.length < 160 && !/[.;]$/.test(first),
      });
    }
    current = null;
  };

  for (const line of lines) {
    const lead = DECORATION.exec(line.raw);
    if (!lead || line.raw.trim() === '' || /^[\s*_#>-]*$/.test(line.raw) && !/[-–]\s*\S/.test(line.raw)) {
      flush();
      continue;
    }
    // A table row (the readers join cells with " | ") is a block of its own; OCR'd table borders
    // leave single stray pipes, so a row needs at least three cells.
    if ((line.raw.match(/\s\|\s/g)?.length ?? 0) >= 2 || /^\s*\|.*\|.*\|\s*$/.test(line.raw)) {
      flush();
      const textStart = line.start + (line.raw.length - line.raw.trimStart().length);
      current = { marker: { kind: 'row', label: '', length: 0 }, start: textStart, textStart, end: line.end, parts: [line.raw.trim()], firstLine: line.raw.trim() };
      flush();
      continue;
    }
    // A lone "*" before "b) Về cơ chế" is Markdown emphasis, but "* Một số chỉ tiêu" is a star bullet.
    const decorated = line.raw.slice(lead[0].length);
    const starBullet = /^\s*\*\s+\S/.test(line.raw) && !/^\s*\*\*/.test(line.raw);
    const body = starBullet ? line.raw.trimStart() : decorated;
    const bodyOffset = line.start + (line.raw.length - body.length);
    let marker = unwrapDashedHeading(body) ?? matchMarker(body);
    // A wrapped OCR line may open with "- logistics" or "4. " mid-sentence: a marker starts a new
    // block only after a sentence end, or when what follows it starts like a sentence.
    if (marker.kind !== 'none' && current && !/[.;:!?)"”]\s*$/.test(current.parts[current.parts.length - 1] ?? '')) {
      const after = body.slice(marker.length);
      if (!/^[\p{Lu}\d"“(]/u.test(after)) marker = { kind: 'none', label: '', length: 0 };
    }
    if (marker.kind !== 'none' || !current) {
      flush();
      const textStart = bodyOffset + marker.length;
      const rest = body.slice(marker.length);
      current = { marker, start: bodyOffset, textStart, end: line.end, parts: [rest], firstLine: rest };
    } else {
      current.parts.push(body);
      current.end = line.end;
    }
  }
  flush();
  return mergeBrokenParagraphs(blocks, source);
}

/**
 * Page breaks and stray blank lines in OCR text cut sentences: a page number alone is dropped, and an
 * unmarked block that starts in lower case continues the previous one when that did not end a sentence.
 */
function mergeBrokenParagraphs(blocks: Block[], source: string): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.marker === 'none' && /^\d{1,3}$/.test(block.text)) continue;
    const prev = out[out.length - 1];
    if (prev && prev.marker !== 'row' && block.marker === 'none' && /^[\p{Ll}]/u.test(block.text) && !/:["”]?$/.test(prev.text)) {
      prev.text = `${prev.text} ${block.text}`;
      prev.span = { start: prev.span.start, end: block.span.end };
      void source;
      continue;
    }
    out.push(block);
  }
  return out;
}
