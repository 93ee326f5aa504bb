/**
 * An uploaded plan document (bytes + file name) → Unicode text for the extraction pipeline.
 * Accepts .txt/.md (UTF-8, UTF-16 with or without BOM, TCVN3, VNI, windows-1258 or else
 * windows-1252), .docx and PDF with a text layer. The text is NFC with "\n" line ends and one blank line
 * between blocks (paragraphs; a table is one block with one row per line, cells joined by " | "),
 * so the structure parser sees one paragraph per block. Anything that cannot give text — empty,
 * too large, unsupported, damaged, password-protected or scanned — is a ProblemError with a
 * message that says what to do, never an empty result.
 */
import path from 'node:path';
import { convertLegacy, detectLegacyEncoding, isVietnameseSyllable, repairLegacyBlocks, type LegacyEncoding } from '../../domain/extract/legacyEncodings.ts';
import type { Locale, MessageKey, MessageParams } from '../http/messages.ts';
import { translate } from '../http/messages.ts';
import { ProblemError } from '../http/problem.ts';
import { readDocxBlocks } from './readDocx.ts';
import { readPdfPages } from './readPdf.ts';

export interface ReadDocument {
  text: string;
  format: 'txt' | 'md' | 'docx' | 'pdf';
  /** How the text was stored: the file's encoding, or the legacy encoding its text was converted from */
  encoding: 'utf-8' | 'utf-16' | 'tcvn3' | 'vni' | 'windows-1252' | 'windows-1258';
  pages?: number;
  warnings: string[];
}

export const MAX_PLAN_DOCUMENT_BYTES = 10 * 1024 * 1024;

const FORMATS: Record<string, ReadDocument['format']> = { '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.docx': 'docx', '.pdf': 'pdf' };
const LEGACY_NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' };
/** A page with fewer letters and digits than this has no text layer worth the name. */
const MIN_PAGE_CHARS = 30;
/** Below this many letters and digits per page on average, the PDF is a scan. */
const MIN_AVERAGE_PAGE_CHARS = 100;

export async function readPlanDocument(bytes: Buffer, filename: string, locale: Locale = 'vi'): Promise<ReadDocument> {
  const name = path.basename(filename.trim().replaceAll('\\', '/')).normalize('NFC');
  const fail = (status: number, key: MessageKey, params: MessageParams = {}) => new ProblemError(status, key, { name, ...params });
  if (bytes.length === 0) throw fail(422, 'extract.read.empty');
  if (bytes.length > MAX_PLAN_DOCUMENT_BYTES) throw fail(413, 'extract.read.tooLarge', { limit: `${MAX_PLAN_DOCUMENT_BYTES / 1024 / 1024} MB` });
  const extension = path.extname(name).toLowerCase();
  if (extension === '.doc') throw fail(415, 'extract.read.oldWord');
  const format = FORMATS[extension];
  if (!format) throw fail(415, 'extract.read.unsupported');

  const warnings: string[] = [];
  const warn = (key: MessageKey, params: MessageParams = {}) => warnings.push(translate(locale, key, params));
  /** Legacy repair over the blocks; the encoding the text came in if any block was converted. */
  const repair = (blocks: string[], alreadyConverted: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 }) => {
    const found = alreadyConverted.tcvn3 + alreadyConverted.vni;
    const prior = found ? (alreadyConverted.tcvn3 >= alreadyConverted.vni ? 'tcvn3' : 'vni') : null;
    const repaired = repairLegacyBlocks(blocks, { prior });
    const counts = { tcvn3: alreadyConverted.tcvn3 + repaired.converted.tcvn3, vni: alreadyConverted.vni + repaired.converted.vni };
    for (const enc of ['tcvn3', 'vni'] as const) if (counts[enc]) warn('extract.read.warn.legacy', { count: counts[enc], encoding: LEGACY_NAMES[enc] });
    const legacy: LegacyEncoding | null = counts.tcvn3 + counts.vni === 0 ? null : counts.tcvn3 >= counts.vni ? 'tcvn3' : 'vni';
    return { blocks: repaired.blocks, legacy };
  };
  const finish = (text: string, encoding: ReadDocument['encoding'], pages?: number): ReadDocument => {
    const clean = normalizeText(text);
    if (!clean) throw fail(422, 'extract.read.noText');
    return { text: clean, format, encoding, ...(pages === undefined ? {} : { pages }), warnings };
  };

  if (format === 'txt' || format === 'md') {
    const decoded = decodeText(bytes);
    if (!decoded) throw fail(422, 'extract.read.notText');
    let text = decoded.text.replace(/\r\n?/g, '\n');
    if (format === 'md') text = markdownToText(text);
    if (decoded.encoding === 'windows-1252') {
      // The whole file is in one 8-bit encoding: decide once, on all of it.
      const legacy = detectLegacyEncoding(text);
      if (legacy) {
        warn('extract.read.warn.legacy', { count: splitBlocks(text).length, encoding: LEGACY_NAMES[legacy] });
        return finish(convertLegacy(text, legacy), legacy);
      }
      // Notepad's "ANSI" on a Vietnamese Windows is windows-1258: base letters plus combining tones.
      const vietnameseAnsi = new TextDecoder('windows-1258').decode(bytes).replace(/\r\n?/g, '\n');
      if (looksVietnamese(vietnameseAnsi)) return finish(format === 'md' ? markdownToText(vietnameseAnsi) : vietnameseAnsi, 'windows-1258');
      warn('extract.read.warn.windows1252');
      return finish(text, 'windows-1252');
    }
    // Unicode text can still hold pasted legacy paragraphs ("Céng hoµ…" copied out of a .VnTime document).
    const { blocks, legacy } = repair(splitBlocks(text));
    return finish(blocks.join('\n\n'), legacy ?? decoded.encoding);
  }

  if (format === 'docx') {
    if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
      // An OLE container under a .docx name: an encrypted Word file or a renamed .doc.
      throw fail(422, startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]) ? 'extract.read.protectedDocx' : 'extract.read.malformedDocx');
    }
    let docx;
    try {
      docx = await readDocxBlocks(bytes);
    } catch {
      throw fail(422, 'extract.read.malformedDocx');
    }
    if (docx.blocks.length === 0 && docx.images) throw fail(422, 'extract.read.imagesOnly');
    const { blocks, legacy } = repair(docx.blocks, docx.fontConverted);
    if (docx.autoNumbered) warn('extract.read.warn.autoNumbering', { count: docx.autoNumbered });
    if (docx.images) warn('extract.read.warn.images', { count: docx.images });
    return finish(blocks.join('\n\n'), legacy ?? 'utf-8');
  }

  // PDF
  if (!bytes.subarray(0, 1024).includes('%PDF-')) throw fail(422, 'extract.read.malformedPdf');
  const pdf = await readPdfPages(bytes);
  if (pdf.kind === 'encrypted') throw fail(422, 'extract.read.encryptedPdf');
  if (pdf.kind === 'malformed' || pdf.pages.length === 0 || pdf.pages.every((page) => page === null)) throw fail(422, 'extract.read.malformedPdf');
  const pageCount = pdf.pages.length;
  const chars = pdf.pages.reduce((n, page) => n + (page?.chars ?? 0), 0);
  if (chars < MIN_AVERAGE_PAGE_CHARS * pageCount) throw fail(422, 'extract.read.scannedPdf');
  const unreadable = pdf.pages.flatMap((page, i) => (page === null ? [i + 1] : []));
  const textless = pdf.pages.flatMap((page, i) => (page !== null && page.chars < MIN_PAGE_CHARS ? [i + 1] : []));
  if (unreadable.length) warn('extract.read.warn.unreadablePages', { pages: unreadable.join(', ') });
  if (textless.length) warn('extract.read.warn.pagesWithoutText', { pages: textless.join(', ') });
  const { blocks, legacy } = repair(pdf.pages.flatMap((page) => page?.blocks ?? []));
  return finish(blocks.join('\n\n'), legacy ?? 'utf-8', pageCount);
}

/** Most words with diacritics are Vietnamese syllables (windows-1258 decoded right), and there are some. */
function looksVietnamese(text: string): boolean {
  const accented = (text.normalize('NFC').match(/\p{L}+/gu) ?? []).filter((word) => /[^a-z]/i.test(word));
  return accented.length >= 3 && accented.filter(isVietnameseSyllable).length >= 0.8 * accented.length;
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/**
 * Bytes → text: a BOM decides; UTF-16 without BOM shows as zero bytes in every other position;
 * other zero bytes mean the file is not text at all; valid UTF-8 is UTF-8; anything else is read
 * as windows-1252 (which every legacy Vietnamese encoding file decodes under).
 */
function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'utf-16' | 'windows-1252' } | null {
  const decode = (label: string, body: Buffer) => new TextDecoder(label).decode(body);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16' };
  const head = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 ? oddZeros++ : evenZeros++;
  const half = head.length / 2;
  if (oddZeros > 0.3 * half && evenZeros < 0.05 * half) return { text: decode('utf-16le', bytes), encoding: 'utf-16' };
  if (evenZeros > 0.3 * half && oddZeros < 0.05 * half) return { text: decode('utf-16be', bytes), encoding: 'utf-16' };
  if (bytes.includes(0)) return null;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decode('windows-1252', bytes), encoding: 'windows-1252' };
  }
}

/**
 * Markdown → the same plain shape as the other formats: heading marks and emphasis dropped,
 * table rows as "a | b | c" without the outer pipes, separator rows removed, "*"/"+" bullets as "-".
 */
function markdownToText(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line))
    .map((line) => {
      let out = line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
      if (/^\s*\|.*\|\s*$/.test(out)) out = out.trim().slice(1, -1).split('|').map((cell) => cell.trim()).join(' | ');
      return out
        .replace(/^(\s*)[*+]\s+/, '$1- ')
        .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
        .replace(/(^|[\s(])[*_](?=\S)([^*_\n]+?)(?<=\S)[*_](?=[\s).,;:!?]|$)/g, '$1$2');
    })
    .join('\n');
}

function splitBlocks(text: string): string[] {
  return text.split(/\n[ \t\u00a0]*\n/).filter((block) => block.trim());
}

/** NFC, "\n" line ends, no invisible characters, trailing spaces trimmed, one blank line between blocks. */
function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u000b]/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, '')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
