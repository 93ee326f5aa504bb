/**
 * A task's deadline as plans write it: "trước ngày 30/6/2026", "trong Quý IV/2026", "tháng 9 năm
 * 2026", "năm 2026", or an appendix table's "Thời gian hoàn thành" cell. The end of the period
 * named is the deadline; "thường xuyên" and "hằng năm" have none.
 */
import { foldKeepLength } from './fold.ts';
import { romanToNumber } from './blocks.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function iso(year: number, month: number, day?: number): string | null {
  if (year < 2000 || year > 2100 || month < 1 || month > 12) return null;
  const d = day ?? lastDay(year, month);
  return d >= 1 && d <= lastDay(year, month) ? `${year}-${pad(month)}-${pad(d)}` : null;
}

const W = '[a-z0-9&$@]';
const DATE = [
  // ngày 30/6/2026, 30-6-2026
  { re: /\b(\d{1,2})[/.-](\d{1,2})[/.-](20\d\d)\b/, at: (m: RegExpExecArray) => iso(Number(m[3]), Number(m[2]), Number(m[1])) },
  // ngày 30 tháng 6 năm 2026
  { re: new RegExp(`ng${W}{1,2}y\\s+(\\d{1,2})\\s+th${W}{1,2}ng\\s+(\\d{1,2})\\s+n${W}{1,2}m\\s+(20\\d\\d)`), at: (m: RegExpExecArray) => iso(Number(m[3]), Number(m[2]), Number(m[1])) },
  // quý IV/2026, quý 4 năm 2026
  { re: new RegExp(`qu${W}\\s+([ivx]{1,3}|[1-4])\\s*(?:/|n${W}{1,2}m)\\s*(20\\d\\d)`), at: (m: RegExpExecArray) => iso(Number(m[2]), (/^\d$/.test(m[1]!) ? Number(m[1]) : romanToNumber(m[1]!.toUpperCase())) * 3) },
  // 6 tháng đầu năm 2026, 6 tháng cuối năm 2026
  { re: new RegExp(`6 th${W}{1,2}ng (d${W}{1,2}u|cu${W}{1,2}i) n${W}{1,2}m (20\\d\\d)`), at: (m: RegExpExecArray) => iso(Number(m[2]), /^d/.test(m[1]!) ? 6 : 12) },
  // tháng 9/2026, tháng 9 năm 2026
  { re: new RegExp(`th${W}{1,2}ng\\s+(\\d{1,2})\\s*(?:/|n${W}{1,2}m)\\s*(20\\d\\d)`), at: (m: RegExpExecArray) => iso(Number(m[2]), Number(m[1])) },
  // năm 2026
  { re: new RegExp(`(?:^|\\s)(?:n${W}{1,2}m\\s+)?(20\\d\\d)\\s*$`), at: (m: RegExpExecArray) => iso(Number(m[1]), 12) },
];

/** The deadline a table cell ("Quý IV/2026", "30/6/2026", "2026") gives, if any. */
export function deadlineOfCell(cell: string): string | null {
  const folded = foldKeepLength(cell.trim());
  if (!folded || /thuong xuyen|hang nam|hằng năm|lien tuc/.test(folded)) return null;
  for (const { re, at } of DATE) {
    const m = re.exec(folded);
    if (m) return at(m);
  }
  return null;
}

const LEAD_IN = new RegExp(`(?:tr${W}{1,2}c|trong|ho${W}n th${W}nh(?: trong| tr${W}{1,2}c)?|th${W}{1,2}i gian(?: ho${W}n th${W}nh)?:?|th${W}{1,2}i h${W}n:?)\\s+`, 'g');

/** The deadline a task's own text states ("… hoàn thành trước ngày 30/6/2026"), if any. */
export function deadlineInText(text: string): string | null {
  const folded = foldKeepLength(text);
  for (const m of folded.matchAll(LEAD_IN)) {
    const rest = folded.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40);
    // "trước ngày 30/6/2026" and "trước ngày 15 tháng 10 năm 2026": try with and without "ngày".
    const withoutDay = rest.replace(new RegExp(`^ng${W}{1,2}y\\s+`), '');
    for (const { re, at } of DATE.slice(0, 5)) {
      const anchored = new RegExp(`^${re.source.replace(/^\\b/, '')}`);
      const found = anchored.exec(rest) ?? anchored.exec(withoutDay);
      if (found) return at(found);
    }
    const year = /^n\S{1,2}m\s+(20\d\d)\b/.exec(rest);
    if (year) return iso(Number(year[1]), 12);
  }
  return null;
}
