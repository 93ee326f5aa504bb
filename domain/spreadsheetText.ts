/**
 * Numbers and blocks of cells as people type or paste them from a spreadsheet: pure, no I/O, used
 * by the entry grid of the web app (and usable by any importer).
 *
 * Numbers. Vietnamese writes "3.658.476" and "99,68"; English writes "3,658,476" and "99.68"; Excel
 * copies the number as it displays it. `parseNumberText` understands both:
 *  - with both "." and ",", the last one is the decimal separator and the other groups thousands
 *    ("1.234,5" and "1,234.5" are both 1234.5);
 *  - with one kind only, several of them always group thousands ("1.234.567", "1,234,567");
 *  - a single separator followed by exactly three digits, after a first group of 1–3 digits that is
 *    not 0, is ambiguous ("1.234", "1,234"): it groups thousands when it is the thousands separator
 *    of the preferred language (vi: ".", en: ","), and is the decimal separator otherwise;
 *  - any other single separator is the decimal separator ("1234.5", "12,5", "0.125").
 * Spaces (also non-breaking) may group thousands; a leading sign and a trailing "%" are allowed.
 *
 * Blocks. `parseTable` reads what a spreadsheet puts on the clipboard: rows separated by newlines,
 * cells by tabs, cells holding a tab, newline or quote enclosed in double quotes (quotes doubled).
 * The line break Excel adds after the last row is not a row.
 */

export type NumberLanguage = 'vi' | 'en';

export type ParsedNumber = { kind: 'blank' } | { kind: 'number'; value: number } | { kind: 'invalid'; text: string };

const GROUPED = (sep: '.' | ',') => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);
const DIGITS = /^\d+$/;

/** The integer and fraction parts of an unsigned number text, or undefined when it is none. */
function split(body: string, lang: NumberLanguage): { int: string; frac: string } | undefined {
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots === 0 && commas === 0) return DIGITS.test(body) ? { int: body, frac: '' } : undefined;
  if (dots > 0 && commas > 0) {
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if (body.split(decimal).length - 1 !== 1) return undefined;
    const [int, frac] = body.split(decimal) as [string, string];
    if (!GROUPED(group).test(int) || !DIGITS.test(frac)) return undefined;
    return { int: int.split(group).join(''), frac };
  }
  const sep = dots > 0 ? '.' : ',';
  const count = dots + commas;
  if (count > 1) return GROUPED(sep).test(body) ? { int: body.split(sep).join(''), frac: '' } : undefined;
  const [int, frac] = body.split(sep) as [string, string];
  if (!DIGITS.test(int) && int !== '') return undefined;
  if (!DIGITS.test(frac)) return undefined;
  const thousands = lang === 'vi' ? '.' : ',';
  const ambiguous = frac.length === 3 && /^[1-9]\d{0,2}$/.test(int);
  if (ambiguous && sep === thousands) return { int: int + frac, frac: '' };
  return { int: int || '0', frac };
}

/**
 * A number typed or pasted as text, read as described above. Blank text (or a lone "-", as some
 * reports write for "no figure") is blank; anything else that is not a number is invalid.
 */
export function parseNumberText(text: string, lang: NumberLanguage = 'vi'): ParsedNumber {
  let body = text.normalize('NFKC').replace(/[\s\u00a0\u202f]/g, '');
  if (body === '' || body === '-' || body === '–' || body === '—') return { kind: 'blank' };
  let sign = 1;
  if (body.startsWith('-') || body.startsWith('−')) {
    sign = -1;
    body = body.slice(1);
  } else if (body.startsWith('+')) body = body.slice(1);
  if (body.endsWith('%')) body = body.slice(0, -1);
  // Accounting negatives: (1.234)
  if (sign === 1 && /^\(.+\)$/.test(body)) {
    sign = -1;
    body = body.slice(1, -1);
  }
  const parts = body ? split(body, lang) : undefined;
  if (!parts) return { kind: 'invalid', text };
  const value = sign * Number(parts.frac ? `${parts.int}.${parts.frac}` : parts.int);
  return Number.isFinite(value) ? { kind: 'number', value: value === 0 ? 0 : value } : { kind: 'invalid', text };
}

/** Text → number, null for blank, NaN for text that is not a number. */
export function numberFromText(text: string, lang: NumberLanguage = 'vi'): number | null {
  const p = parseNumberText(text, lang);
  return p.kind === 'number' ? p.value : p.kind === 'blank' ? null : Number.NaN;
}

/** A number as the grid writes it back for editing: the language's separators, up to 6 decimals, no exponent. */
export function numberToText(value: number, lang: NumberLanguage = 'vi'): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 6, useGrouping: true }).format(value);
}

/** The rows and cells of a block copied from a spreadsheet (tab-separated, Excel quoting). */
export function parseTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const c = s[i]!;
    if (atCellStart && c === '"') {
      // A quoted cell: up to the closing quote; "" is a quote.
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += s[j];
        j++;
      }
      if (closed && (j >= s.length || s[j] === '\t' || s[j] === '\n')) {
        cell = value;
        i = j;
        atCellStart = false;
        continue;
      }
      // Not a well-formed quoted cell: read the quote as an ordinary character.
    }
    atCellStart = false;
    if (c === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else cell += c;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Whether pasted text is a block of several cells (rather than one value to type into a cell). */
export const isBlock = (text: string): boolean => /[\t\n\r]/.test(text.replace(/(\r\n|\r|\n)$/, ''));
