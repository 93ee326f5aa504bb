/**
 * Quantitative targets (chỉ tiêu): every percentage, range or "nhóm N … đứng đầu" rank in the
 * target and task parts of a plan, with its comparator, deadline year and — when one sentence
 * splits the value by administrative level — its scope. Figures in parentheses are comparisons
 * ("cao hơn mức bình quân cả nước (20%)"), and numbers that are not percentages or ranks
 * (decree numbers, dates, "mức độ 4", "5G") are never targets.
 */
import { foldKeepLength } from './fold.ts';
import { KW, levelIn, type Level, type LevelMention } from './keywords.ts';
import type { PartRoles } from './roles.ts';
import type { SectionTree } from './structure.ts';
import type { Comparator, ExtractedTarget, SectionNode, Span } from './types.ts';

export interface TargetOptions {
  restore: (text: string) => string;
  /** The plan's horizon ("đến năm 2025") for targets whose headings name no year */
  defaultYear: number | null;
}

interface Value {
  start: number;
  end: number;
  value: number;
  max: number | null;
  unit: string;
  /** Where the number itself starts, for the comparator look-behind */
  numberStart: number;
}

const NUMBER = String.raw`\d{1,3}(?:[.,]\d{1,2})?`;
const PERCENT = new RegExp(String.raw`(?<![\d.,/])(?:(${NUMBER})\s*%?\s*[-–]\s*)?(${NUMBER})\s*%`, 'g');

function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

function insideParentheses(text: string, at: number): boolean {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/**
 * Counts that plans commit to ("có ít nhất 1.000 doanh nghiệp công nghệ số", "đào tạo 5.000 lượt
 * người"): a number with a countable noun after it and a commitment verb shortly before it. Only
 * read in target parts, where a bare number is not a reference.
 */
const COUNT_UNIT = String.raw`(doanh nghiep(?: cong nghe so| so)?|hop tac xa|luot nguoi|nguoi|can bo|hoc vien|sinh vien|ho gia dinh|ho|san pham|nen tang|ung dung|co so du lieu|dich vu|tram|km|ty dong|trieu dong|tai khoan|diem|chuong trinh|de tai|mo hinh|khoa dao tao|lop)`;
const COUNT = new RegExp(String.raw`(?<![\d./,-])(\d{1,3}(?:\.\d{3})+|\d{1,6})\s+${COUNT_UNIT}\b`, 'g');
const COMMITMENT = /(?:\bdat|\bco|phan dau|toi thieu|it nhat|\btren|dao tao|ho tro|xay dung|phat trien|thu hut|\btang|hoan thanh|trien khai|cap|boi duong)\s*(?:duoc|khoang|tu|len)?\s*$/;

function findCounts(sentence: string, folded: string): Value[] {
  const values: Value[] = [];
  for (const m of folded.matchAll(COUNT)) {
    const at = m.index ?? 0;
    const n = Number(m[1]!.replace(/\./g, ''));
    if (insideParentheses(sentence, at) || (n >= 1900 && n <= 2100) || n === 0) continue;
    const before = folded.slice(Math.max(0, at - 30), at);
    if (!COMMITMENT.test(before) || /\bs[o0-9]\s*$/.test(before)) continue;
    values.push({ start: at, end: at + m[0].length, value: n, max: null, unit: sentence.slice(at + m[1]!.length, at + m[0].length).trim(), numberStart: at });
  }
  return values;
}

function findValues(sentence: string, folded: string, counts = false): Value[] {
  const values: Value[] = counts ? findCounts(sentence, folded) : [];
  for (const m of sentence.matchAll(PERCENT)) {
    const at = m.index ?? 0;
    if (insideParentheses(sentence, at)) continue;
    const low = m[1] ? toNumber(m[1]) : null;
    const high = toNumber(m[2]!);
    if (high > 1000) continue;
    // "từ 80% đến 90%" is a range too.
    const between = /\bt[a-z0-9]\s*$/.test(folded.slice(Math.max(0, at - 4), at));
    values.push({ start: at, end: at + m[0].length, value: low ?? high, max: low !== null && low < high ? high : null, unit: '%', numberStart: at });
    void between;
  }
  // "từ 80% đến 90%": merge two percentages joined by "đến".
  for (let i = 0; i + 1 < values.length; i++) {
    const a = values[i]!;
    const b = values[i + 1]!;
    if (a.max === null && /^\s*(?:den|toi)\s*$/.test(folded.slice(a.end, b.start)) && a.value < b.value) {
      values.splice(i, 2, { ...a, end: b.end, max: b.value });
    }
  }
  const rank = KW.rankGroup.exec(folded);
  if (rank) {
    const numberAt = folded.indexOf(rank[1]!, rank.index);
    values.push({ start: rank.index, end: numberAt + rank[1]!.length, value: Number(rank[1]), max: null, unit: 'rank', numberStart: numberAt });
  }
  return values.sort((a, b) => a.start - b.start);
}

function comparatorBefore(folded: string, value: Value, clauseStart: number): Comparator {
  if (value.unit === 'rank') return '<=';
  if (value.max !== null) return 'between';
  const before = folded.slice(Math.max(clauseStart, value.numberStart - 40), value.numberStart);
  if (/>\s*=?\s*$|≥\s*$/.test(before)) return /[>]\s*$/.test(before) && !/=/.test(before) ? '>' : '>=';
  if (/[<≤]\s*=?\s*$/.test(before)) return '<=';
  if (KW.above.test(before)) return '>';
  if (KW.atMost.test(before)) return '<=';
  return '>=';
}

/** Sentences of a node's text, with their offsets in it. */
function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /(?:[^.!?]|[.!?](?=\d))+(?:[.!?]|$)/g;
  let pending: { text: string; start: number } | null = null;
  for (const m of text.matchAll(re)) {
    const piece = { text: m[0], start: m.index ?? 0 };
    // "4.0", "TP. Hải Phòng", "v.v." do not end sentences: only a full stop before a capital does.
    if (pending) {
      pending.text += piece.text;
    } else pending = piece;
    const next = text.slice(piece.start + piece.text.length).trimStart();
    if (next === '' || /^[\p{Lu}\d(“"-]/u.test(next)) {
      out.push(pending);
      pending = null;
    }
  }
  if (pending) out.push(pending);
  return out;
}

const LEADING_FILLER = new RegExp(
  String.raw`^(?:\s|[-–:;,]|ph\S{1,2}n d\S{1,2}u|\bd\S{1,2}n n\S{1,3}m 20\d\d,?|\bd\S{1,2}m b\S{1,2}o|\bn\S{1,2}m 20\d\d,?)+`,
);
const TRAILING_VERB = new RegExp(
  String.raw`(?:\s|[:,]|t\S{1,2}i thi\S{0,2}u|it nh\S{1,2}t|tr\S{1,2}n|\bd\S{1,2}t|chi\S{1,2}m|\bt\S{1,2}ng|gi\S{1,2}m|\bla|\bbang|\bo muc|\bmuc|\bcho|\bvoi|\btu|\bph\S{1,2}n d\S{1,2}u|\bkhong duoi|\bdat ty le|\bty le)+$`,
);
const MEASURE_START = /^(?:ty le|ty trong|toc do|chi so|so luong|so\b|muc|thu hang|diem|ti le)/;

function clean(text: string): string {
  return text
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.\-–]+|[\s,;:.\-–]+$/g, '')
    .trim();
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function lowerFirst(text: string): string {
  // Keep proper nouns ("Hệ thống", "GRDP", "Chính quyền số") as written, lower only a plain first word.
  if (/^[\p{Lu}][\p{Ll}]/u.test(text) && !/^(?:Internet|Hải|Chính|Nhà|Đảng|Trung)/u.test(text)) return text[0]!.toLowerCase() + text.slice(1);
  return text;
}

/** The indicator a value measures, from the clause around it; `context` is a sibling clause's subject. */
function indicatorFor(clause: string, folded: string, value: Value, restore: (s: string) => string, context: { subject: string }): string {
  if (value.unit === 'rank') {
    const about = /\bv[a-z0-9]{1,2}\s+(.+)$/.exec(folded.slice(value.end));
    const topic = about ? clause.slice(value.end + about.index + about[0].length - about[1]!.length) : clause.slice(value.end);
    return capitalise(clean(`Thứ hạng ${lowerFirst(restore(clean(topic)))}`));
  }
  if (value.unit !== '%') {
    // "ít nhất 1.000 doanh nghiệp công nghệ số tham gia sàn": the count of what follows the number.
    const rest = (clause.slice(value.end).split(/[;(,.]/)[0] ?? '').trim();
    return capitalise(restore(`Số ${clause.slice(value.numberStart, value.end).replace(/^[\d.]+\s*/, '')}${rest ? ` ${rest}` : ''}`).replace(/\s+/g, ' ').trim());
  }
  let before = clause.slice(0, value.start);
  let foldedBefore = folded.slice(0, value.start);
  const verb = /(t\S{1,2}ng|gi\S{1,2}m|chi\S{1,2}m)\s*(?:t\S{1,2}i thi\S{0,2}u|it nh\S{1,2}t)?\s*$/.exec(foldedBefore)?.[1] ?? '';
  // "…, giảm 30% thủ tục hành chính": an action verb starts its own clause.
  if (/^(?:t|gi)\S{1,2}(?:ng|m)$/.test(verb)) {
    const cut = Math.max(foldedBefore.lastIndexOf(','), foldedBefore.lastIndexOf(';'));
    if (cut >= 0) {
      before = before.slice(cut + 1);
      foldedBefore = foldedBefore.slice(cut + 1);
    }
  }
  const lead = LEADING_FILLER.exec(foldedBefore)?.[0].length ?? 0;
  const trail = TRAILING_VERB.exec(foldedBefore)?.[0].length ?? 0;
  before = lead < before.length - trail ? before.slice(lead, before.length - trail) : '';
  foldedBefore = foldKeepLength(before);
  let after = clause.slice(value.end).split(/[;(]/)[0] ?? '';
  after = after.replace(/^\s*(?:tr\S{1,2}n|so v\S{1,2}i)\b.*$/u, '');
  // "Phổ cập điện thoại …, tỷ lệ dân số có tài khoản … trên 50%": the measure word starts the phrase.
  const measureAt = [...foldKeepLength(before).matchAll(/(?:^|[,;]\s*)(ty (?:le|trong)|toc do|chi so)\b/g)].pop();
  if (measureAt) before = before.slice((measureAt.index ?? 0) + measureAt[0].length - measureAt[1]!.length);
  const b = clean(before);
  const a = clean(after);
  if (b) context.subject = b;
  const isIncrease = /^t\S{1,2}ng$/.test(verb);
  const isDecrease = /^gi\S{1,2}m$/.test(verb);
  let phrase: string;
  if (!b) phrase = `${isIncrease ? 'Mức tăng' : isDecrease ? 'Tỷ lệ giảm' : 'Tỷ lệ'} ${lowerFirst(a)}${context.subject ? ` (${lowerFirst(context.subject)})` : ''}`;
  else if (!a || a.split(' ').length <= 1) {
    const whole = a ? `${b} ${a}` : b;
    if (isIncrease) phrase = `Tốc độ tăng ${lowerFirst(whole)}`;
    else phrase = MEASURE_START.test(foldKeepLength(b)) ? whole : /^chi/.test(verb) ? `Tỷ trọng ${lowerFirst(b)}${a ? ` trong ${a}` : ''}` : `Tỷ lệ ${lowerFirst(whole)}`;
  } else if (/^chi/.test(verb)) phrase = `Tỷ trọng ${lowerFirst(b)} trong ${a}`;
  else phrase = MEASURE_START.test(foldKeepLength(b)) ? `${b} ${a}` : `Tỷ lệ ${lowerFirst(a)} (${lowerFirst(b)})`;
  return capitalise(restore(phrase).replace(/\s+/g, ' ').trim());
}

/** "90% … tại cấp thành phố; 80% … cấp huyện và 60% … cấp xã được xử lý …": one indicator for all three. */
function splitIndicator(sentence: string, values: Value[], mentions: LevelMention[], restore: (s: string) => string): string {
  const first = values[0]!;
  const firstMention = mentions[0]!;
  const lastValue = values[values.length - 1]!;
  const lastMention = mentions[mentions.length - 1]!;
  const noun = sentence.slice(first.end, first.end + firstMention.at).replace(/\s*\b(?:tại|tai|ở|o|&|của|cua|trong)\s*(?:các\s*|cac\s*)?(?:cơ quan\s*|co quan\s*)?$/iu, '');
  const predicate = sentence.slice(lastValue.end + lastMention.end).split(/[;(]/)[0] ?? '';
  return capitalise(clean(restore(`Tỷ lệ ${clean(noun)} ${clean(predicate)}`)));
}

interface Clause {
  text: string;
  start: number;
}

/** Cut a sentence so that each value gets the clause that carries it (";" first, then ","). */
function clausesFor(sentence: string, values: Value[]): Clause[] {
  if (values.length <= 1) return values.map(() => ({ text: sentence, start: 0 }));
  const cuts: number[] = [0];
  for (let i = 1; i < values.length; i++) {
    const gap = sentence.slice(values[i - 1]!.end, values[i]!.start);
    const semi = gap.lastIndexOf(';');
    const comma = gap.search(/,|\svà\s|\sva\s/);
    const at = semi >= 0 ? semi : comma >= 0 ? comma : -1;
    cuts.push(at >= 0 ? values[i - 1]!.end + at + 1 : values[i]!.start);
  }
  cuts.push(sentence.length);
  return values.map((_, i) => ({ text: sentence.slice(cuts[i], cuts[i + 1]), start: cuts[i]! }));
}

function yearOf(sentenceFolded: string, ancestors: SectionNode[], defaultYear: number | null): number | null {
  const own = /(?:d\S{1,2}n|trong|vao) n\S{1,3}m (20\d\d)/.exec(sentenceFolded);
  if (own) return Number(own[1]);
  for (const node of ancestors) {
    const years = [...foldKeepLength(node.text.slice(0, 200)).matchAll(KW.year)].map((m) => Number(m[1]));
    if (years.length) return years[years.length - 1]!;
  }
  return defaultYear;
}

function numberedRef(node: SectionNode, tree: SectionTree): { ref: string; bullet?: number } {
  if (node.level !== 'bullet' && node.level !== 'paragraph') return { ref: node.ref };
  const parent = node.parentId === null ? null : tree.nodes[node.parentId]!;
  const siblings = tree.children(parent?.id ?? null).filter((s) => s.level === 'bullet' && s.label === '-');
  const index = siblings.indexOf(node);
  return index >= 0 ? { ref: node.ref, bullet: index + 1 } : { ref: node.ref };
}

export interface SentenceContext {
  ref: string;
  bullet?: number;
  year: number | null;
  restore: (text: string) => string;
  confidence: number;
  /** A table column's level ("cấp xã") when the sentence itself names none */
  scope?: Level | null;
  /** The row's indicator when a cell holds only the value ("≥ 90%") */
  indicator?: string;
  /** Read committed counts too (target parts only) */
  counts?: boolean;
}

/** The targets of one sentence whose first character sits at `start` in the source. */
export function targetsInSentence(text: string, start: number, ctx: SentenceContext): ExtractedTarget[] {
  const folded = foldKeepLength(text);
  const values = findValues(text, folded, ctx.counts ?? false);
  if (!values.length) return [];
  const year = ctx.year;
  const mentions = values.map((v, i) => levelIn(folded.slice(v.end, values[i + 1]?.start ?? folded.length)));
  const levels = new Set(mentions.map((m) => m?.level));
  const split = values.length >= 2 && mentions.every(Boolean) && levels.size >= 2 && values.every((v) => v.unit === '%');
  const clauses = split ? values.map(() => ({ text, start: 0 })) : clausesFor(text, values);
  const context = { subject: '' };
  const sharedIndicator = split ? splitIndicator(text, values, mentions as LevelMention[], ctx.restore) : null;
  return values.map((value, i) => {
    const clause = clauses[i]!;
    const local: Value = { ...value, start: value.start - clause.start, end: value.end - clause.start, numberStart: value.numberStart - clause.start };
    const clauseFolded = foldKeepLength(clause.text);
    const bare = clause.text.replace(/[\s\d.,%<>≥≤=:-]/g, '').length < 12 && ctx.indicator;
    const indicator = sharedIndicator ?? (bare ? ctx.indicator! : indicatorFor(clause.text, clauseFolded, local, ctx.restore, context));
    const clauseStart = start + clause.start;
    return {
      ref: ctx.ref,
      ...(ctx.bullet !== undefined ? { bullet: ctx.bullet } : {}),
      text: clean(ctx.restore(clause.text.trim())).replace(/\s+/g, ' '),
      indicator,
      value: value.value,
      max: value.max,
      unit: value.unit,
      comparator: comparatorBefore(clauseFolded, local, 0),
      year,
      scope: split ? ((mentions[i]!.level as Level) ?? null) : (ctx.scope ?? null),
      span: { start: clauseStart, end: clauseStart + clause.text.trimEnd().length },
      valueSpan: { start: start + value.numberStart, end: start + value.end },
      confidence: ctx.confidence,
    };
  });
}

/**
 * A value whose clause names nothing to measure ("Tỷ lệ >", "Tỷ lệ & phuong" — the debris of an
 * OCR'd table whose cells ran together) is no target a reviewer could use.
 */
function measuresSomething(indicator: string): boolean {
  const words = foldKeepLength(indicator.replace(/\([^)]*\)/g, ' '))
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 2 && !['ty', 'le', 'trong', 'muc', 'so', 'toc', 'do', 'tang', 'giam'].includes(w));
  return words.length >= 2;
}

export function extractTargets(tree: SectionTree, roles: PartRoles, options: TargetOptions): ExtractedTarget[] {
  const targets: ExtractedTarget[] = [];
  for (const node of tree.nodes) {
    const role = roles.roleOf(node);
    // Table rows are read column by column in ./tables.ts.
    if ((role !== 'targets' && role !== 'tasks') || node.level === 'row') continue;
    const raw = tree.rawOf(node);
    const ancestors = tree.ancestors(node);
    for (const sentence of sentences(raw.text)) {
      const year = yearOf(foldKeepLength(sentence.text), [node, ...ancestors], options.defaultYear);
      const found = targetsInSentence(sentence.text, raw.start + sentence.start, { ...numberedRef(node, tree), year, restore: options.restore, confidence: role === 'targets' ? 0.9 : 0.6, counts: role === 'targets' });
      targets.push(...found.filter((t) => measuresSomething(t.indicator)));
    }
  }
  return targets;
}

export { yearOf };
