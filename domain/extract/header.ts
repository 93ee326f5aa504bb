/**
 * The document's identity from its header (Nghị định 30/2020 layout): number and symbol
 * ("Số: 227/KH-UBND", OCR "S6 03-NQ/TU"), place and date ("Hải Phòng, ngày 21 tháng 9 năm 2020"),
 * kind and title (the line in capitals and the lines under it), and the issuing body.
 */
import { foldKeepLength } from './fold.ts';
import type { DocumentKind, ExtractedDocument, Span } from './types.ts';

/** Symbols of the kinds of document (Phụ lục III, Nghị định 30/2020). */
const KIND_BY_SYMBOL: Record<string, DocumentKind> = {
  NQ: 'NQ', KH: 'KH', QD: 'QD', QĐ: 'QD', CT: 'CT', BC: 'BC', TB: 'TB', KL: 'KL', CTR: 'CTr', CTr: 'CTr', DA: 'DA', ĐA: 'DA', HD: 'HD', HĐ: 'HD',
};

const KIND_BY_TITLE: [RegExp, DocumentKind][] = [
  [/^nghi quy\S{1,3}t\b/, 'NQ'],
  [/^k\S{1,2} ho\S{1,2}ch\b/, 'KH'],
  [/^quy\S{1,2}t d\S{1,2}nh\b/, 'QD'],
  [/^ch\S{1,2} th\S{1,2}\b/, 'CT'],
  [/^b\S{1,2}o c\S{1,2}o\b/, 'BC'],
  [/^ch\S{1,2}\S{1,2}ng trinh\b/, 'CTr'],
  [/^th\S{1,2}ng b\S{1,2}o\b/, 'TB'],
  [/^k\S{1,2}t lu\S{1,2}n\b/, 'KL'],
  [/^d\S{1,2} \S{1,2}n\b/, 'DA'],
  [/^h\S{1,2}\S{1,2}ng d\S{1,2}n\b/, 'HD'],
];

const KIND_NAME: Partial<Record<DocumentKind, string>> = {
  NQ: 'Nghị quyết', KH: 'Kế hoạch', QD: 'Quyết định', CT: 'Chỉ thị', BC: 'Báo cáo', CTr: 'Chương trình', TB: 'Thông báo', KL: 'Kết luận', DA: 'Đề án', HD: 'Hướng dẫn',
};

export function kindName(kind: DocumentKind | null): string | null {
  return kind ? (KIND_NAME[kind] ?? null) : null;
}

// "227/KH-UBND", "03-NQ/TU", "35 /KH-UBND", "12/2024/NQ-HĐND"
const NUMBER = /(?<![\d/])(\d{1,4})\s*([-/])\s*((?:\d{4}\/)?[A-ZĐ]{1,5}(?:[-/][A-ZĐ&]{1,10}){1,2})\b/u;

export interface HeaderOptions {
  restore: (text: string) => string;
}

export function extractHeader(source: string, options: HeaderOptions): ExtractedDocument {
  const head = source.slice(0, 3000);
  const spans: ExtractedDocument['spans'] = {};
  const lines = lineIndex(head);

  // The number sits on the "Số" line, before the body starts citing other documents.
  let number: string | null = null;
  for (const line of lines.slice(0, 30)) {
    const folded = foldKeepLength(line.text);
    if (/\bs[o0-9&$]\s*\d|\bs[o0-9&$]\s*:|^\s*\$\S*\s*:?/.test(folded) || /(?:^|\s)s\S{0,2}\s*[:.]?\s*\d/.test(folded)) {
      const m = NUMBER.exec(line.text);
      if (m && !/(?:quy\S{1,2}t d\S{1,2}nh|ngh\S{1,2} (?:quy|d)|thong tu|ch\S th\S)\s+s\S{0,2}\s*$/.test(foldKeepLength(line.text.slice(0, m.index)))) {
        number = `${m[1]}${m[2]}${m[3]}`.replace(/\s+/g, '');
        spans.number = { start: line.start + (m.index ?? 0), end: line.start + (m.index ?? 0) + m[0].length };
        break;
      }
    }
  }

  // "Hải Phòng, ngày 21 tháng 9 năm 2020"
  let date: string | null = null;
  let place: string | null = null;
  const dateRe = /([\p{L}][\p{L}\s.'’]{1,40}?),\s*ng\S{1,3}\s+(\d{1,2})\s+th\S{1,3}ng\s+(\d{1,2})\s+n\S{1,3}m\s+(\d{4})/u;
  for (const line of lines.slice(0, 40)) {
    const m = dateRe.exec(line.text);
    if (!m) continue;
    const [d, mo, y] = [Number(m[2]), Number(m[3]), Number(m[4])];
    if (d < 1 || d > 31 || mo < 1 || mo > 12) continue;
    date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    place = options.restore(m[1]!.replace(/^.*\b(?:UBND|TU|HĐND|HDND|[A-ZĐ]{2,})\s+/u, '').trim());
    spans.date = { start: line.start + (m.index ?? 0), end: line.start + (m.index ?? 0) + m[0].length };
    break;
  }

  // The kind line ("KẾ HOẠCH", "NGHỊ QUYẾT") in capitals, then the title lines under it.
  let kind: DocumentKind | null = null;
  const symbol = number?.match(/[-/]([A-ZĐ]{1,4})(?:[-/]|$)/u)?.[1];
  if (symbol) kind = KIND_BY_SYMBOL[symbol] ?? null;
  let title: string | null = null;
  let issuerFromTitle: string | null = null;
  const kindLine = lines.findIndex((l, i) => i < 40 && isKindLine(l.text));
  if (kindLine >= 0) {
    const kl = lines[kindLine]!;
    const folded = foldKeepLength(clean(kl.text));
    kind ??= KIND_BY_TITLE.find(([re]) => re.test(folded))?.[1] ?? null;
    const parts: string[] = [];
    let start = -1;
    let end = -1;
    // The kind line may carry the title itself ("KẾ HOẠCH Chuyển đổi số …" once joined).
    const restOfKind = clean(kl.text).replace(/^\S+\s+\S+\s*/u, '');
    if (restOfKind && restOfKind !== clean(kl.text)) { parts.push(restOfKind); start = kl.start; end = kl.end; }
    for (let i = kindLine + 1; i < Math.min(lines.length, kindLine + 8); i++) {
      const t = clean(lines[i]!.text);
      if (!t) { if (parts.length) break; continue; }
      if (/^(?:thực hiện|thuc hien|căn cứ|can cu|th\S{1,3}c hi\S{1,3}n|c\S{1,2}n c\S{1,2})\b/iu.test(t) || t.length > 160 || /^[-_=]+$/.test(t)) break;
      const f = foldKeepLength(t);
      // "CỦA BAN THƯỜNG VỤ THÀNH ỦY" names the issuer, not the subject.
      if (/^c\S{1,2}a\s/.test(f) && t === t.toUpperCase()) { issuerFromTitle = t.replace(/^\S+\s+/u, ''); continue; }
      if (start < 0) start = lines[i]!.start;
      end = lines[i]!.end;
      parts.push(t);
    }
    if (parts.length) {
      title = options.restore(parts.join(' ').replace(/\s+/g, ' ').replace(/^(?:v\S{1,2}|về việc|ve viec)\s+/iu, '').replace(/^(?:V\S{0,2})\s+/u, ''));
      title = title.replace(/^về\s+/iu, '');
      title = title[0] ? title[0].toUpperCase() + title.slice(1) : title;
      spans.title = { start, end };
    }
  }

  const issuer = issuerOf({ head, lines, number, place, issuerFromTitle, restore: options.restore });
  if (issuer.span) spans.issuer = issuer.span;
  const horizon = /n\S{1,3}m (20\d\d)/.exec(foldKeepLength(title ?? ''))?.[1];
  return { number, kind, issuer: issuer.name, place, date, title, horizon: horizon ? Number(horizon) : null, spans };
}

function clean(text: string): string {
  return text.replace(/[*#_]/g, '').replace(/\s+/g, ' ').trim();
}

function isKindLine(text: string): boolean {
  const t = clean(text);
  if (!t || t !== t.toUpperCase() && !/^\S+\s+\S+/.test(t)) return false;
  const first = clean(text).split(/\s+/).slice(0, 2).join(' ');
  if (first !== first.toUpperCase()) return false;
  return KIND_BY_TITLE.some(([re]) => re.test(foldKeepLength(t)));
}

function lineIndex(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ text: line, start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
}

/** Party and council organs that name themselves in the title block ("CỦA BAN THƯỜNG VỤ THÀNH ỦY"). */
const KNOWN_ORGANS: Record<string, string> = {
  'ban thuong vu thanh uy': 'Ban Thường vụ Thành ủy',
  'ban thuong vu tinh uy': 'Ban Thường vụ Tỉnh ủy',
  'ban chap hanh dang bo thanh pho': 'Ban Chấp hành Đảng bộ thành phố',
  'ban chap hanh dang bo tinh': 'Ban Chấp hành Đảng bộ tỉnh',
  'thanh uy': 'Thành ủy',
  'tinh uy': 'Tỉnh ủy',
  'hoi dong nhan dan thanh pho': 'Hội đồng nhân dân thành phố',
  'hoi dong nhan dan tinh': 'Hội đồng nhân dân tỉnh',
  'uy ban nhan dan thanh pho': 'Ủy ban nhân dân thành phố',
  'uy ban nhan dan tinh': 'Ủy ban nhân dân tỉnh',
};

function titleCase(upper: string): string {
  // "BAN THƯỜNG VỤ THÀNH ỦY" → "Ban Thường vụ Thành ủy": capitalise the organ's head words only.
  const lower = upper.toLowerCase();
  return lower
    .replace(/^\p{L}/u, (c) => c.toUpperCase())
    .replace(/\b(thành ủy|tỉnh ủy|thường vụ|ủy ban|hội đồng)\b/gu, (w) => w[0]!.toUpperCase() + w.slice(1))
    .replace(/ ủy ban/gu, ' Ủy ban');
}

function issuerOf(input: {
  head: string;
  lines: { text: string; start: number; end: number }[];
  number: string | null;
  place: string | null;
  issuerFromTitle: string | null;
  restore: (t: string) => string;
}): { name: string | null; span?: Span } {
  const place = input.place && !/^\d/.test(input.place) ? input.place : null;
  if (input.issuerFromTitle) {
    const known = KNOWN_ORGANS[foldKeepLength(input.issuerFromTitle).replace(/[^a-z ]/g, '').replace(/\s+/g, ' ').trim()];
    const organ = known ?? titleCase(input.restore(input.issuerFromTitle));
    return { name: /(?:Thành ủy|Tỉnh ủy|thành phố|tỉnh)$/u.test(organ) && place ? `${organ} ${place}` : organ };
  }
  // The header's left column: "ỦY BAN NHÂN DÂN / PHƯỜNG DƯƠNG KINH" or "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG".
  for (const line of input.lines.slice(0, 12)) {
    if (/^(?:th\S{1,3}c hi\S{1,3}n|c\S{1,2}n c\S{1,2})\b/.test(foldKeepLength(line.text.trim())) || line.text.length > 120) break;
    const folded = foldKeepLength(line.text);
    const m = /(?:^|\s)(?:uy|[u\u00fc]y) ban nhan dan\b/.exec(folded);
    if (!m) continue;
    const after = folded.slice(m.index + m[0].length).replace(/cong hoa.*$/, '').trim();
    const nextFolded = foldKeepLength(input.lines[input.lines.indexOf(line) + 1]?.text ?? '');
    const unitWords = after || nextFolded.replace(/d\S{1,2}c l\S{1,2}p.*$/, '').trim();
    const unit = /^(phuong|xa|dac khu|thanh pho|tinh|quan|huyen)\s+(.+)$/.exec(unitWords.split(/\s{2,}/)[0] ?? '');
    if (unit) {
      const level = { phuong: 'phường', xa: 'xã', 'dac khu': 'đặc khu', 'thanh pho': 'thành phố', tinh: 'tỉnh', quan: 'quận', huyen: 'huyện' }[unit[1] as 'xa'];
      const name = input.restore(unit[2]!.replace(/\b\w/g, (c) => c.toUpperCase()));
      return { name: `Ủy ban nhân dân ${level} ${name}` };
    }
  }
  const symbol = input.number?.split(/[-/]/).pop() ?? '';
  if (/^UBND$/.test(symbol)) {
    const body = foldKeepLength(input.head);
    const level = /uy ban nhan dan (thanh pho|tinh|phuong|xa)\b/.exec(body)?.[1];
    const levelName = level ? ({ 'thanh pho': 'thành phố', tinh: 'tỉnh', phuong: 'phường', xa: 'xã' } as Record<string, string>)[level] : 'thành phố';
    return { name: `Ủy ban nhân dân ${levelName}${place ? ` ${place}` : ''}` };
  }
  if (/^(?:BCĐ|BCD)$/.test(symbol)) return { name: 'Ban Chỉ đạo' };
  if (/^(?:TU|TưU)$/.test(symbol)) return { name: `Thành ủy${place ? ` ${place}` : ''}` };
  if (/^(?:HĐND|HDND)$/.test(symbol)) return { name: `Hội đồng nhân dân thành phố${place ? ` ${place}` : ''}` };
  return { name: null };
}
