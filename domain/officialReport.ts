/**
 * The official report "Báo cáo tình hình thực hiện [kế hoạch] [kỳ]" (issue 6, points 3–4): its whole
 * content from the data and the editable draft, as the DOCX and XLSX writers and the web page use
 * it. Pure functions, no I/O.
 *
 * - Header texts of Nghị định 30/2020/NĐ-CP (Phụ lục I): quốc hiệu, tiêu ngữ, "Số: …/BC-…",
 *   "Hải Phòng, ngày 07 tháng 10 năm 2025" (day < 10 and months 1, 2 padded with 0).
 * - The task statistics sentence in seed 004's wording ("Tại Kế hoạch số 02-KH/BCĐTW, thành phố được
 *   giao 25 nhiệm vụ, đã hoàn thành 17 nhiệm vụ, đang thực hiện 8 nhiệm vụ trong hạn").
 * - The targets table (indicator, unit, target, actual, attainment, status), budget lines per
 *   source, and the prefilled narratives: results, shortcomings (overdue tasks, targets not
 *   achieved or without data), causes, priorities (tasks due in the next period, targets still open).
 *
 * Numbers are written the Vietnamese way with Intl (vi-VN), as the web app's `formatNumberIn` and
 * `numberToText` in domain/spreadsheetText.ts do: 3.658.476 and 99,68%.
 */
import { nextPeriod, parsePeriod, periodLabel, type Period } from './periods.ts';
import { attainmentOf, evaluateTarget, type Comparator, type TargetStatus } from './targets.ts';
import type { TaskCounts, TaskStatus } from './tasks.ts';

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

export const SIGNING_FORMS = ['TM', 'KT', 'Q', 'none'] as const;
export type SigningForm = (typeof SIGNING_FORMS)[number];

export const NARRATIVE_KEYS = ['intro', 'results', 'shortcomings', 'causes', 'priorities', 'proposals'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export type Narratives = Record<NarrativeKey, string>;

/** Limits shared by the API schema and the page. */
export const DRAFT_LIMITS = { line: 300, narrative: 20_000, recipients: 30 } as const;

/** What a person edits: header, signature, recipients and narratives. Numbers are never stored here. */
export interface ReportDraft {
  /** Tên cơ quan chủ quản (upright), optional, one line or two. */
  issuerParent: string;
  /** Tên cơ quan ban hành (bold), one line or two ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG"). */
  issuerName: string;
  /** "…/BC-UBND": the number is left blank until the document is registered. */
  numberSymbol: string;
  place: string;
  /** YYYY-MM-DD. */
  reportDate: string;
  signingForm: SigningForm;
  /** The collective signed for with TM. ("ỦY BAN NHÂN DÂN"); also printed above KT./Q. when set. */
  collective: string;
  /** The head's title that KT. or Q. stands for ("CHỦ TỊCH"). */
  authorityTitle: string;
  /** The signer's own title ("PHÓ CHỦ TỊCH"). */
  signerTitle: string;
  signerName: string;
  /** One line each, without the leading "- ". */
  recipients: string[];
  narratives: Narratives;
}

export interface ReportTaskRow {
  ref: string | null;
  title: string;
  lead: string;
  dueDate: string | null;
  progress: number;
  status: TaskStatus;
}

export interface ReportTarget {
  code: string;
  name: string;
  unit: string;
  decimals: number;
  direction: 'higher' | 'lower';
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  year: number;
  /** Who the target is for: the unit's name, or "cấp xã" with the anchor. */
  scope: string;
  /** The figure of the report's period at the target's unit (its whole subtree); null without data. */
  actual: number | null;
}

export interface ReportBudgetSource {
  source: string;
  tasks: number;
  approved: number;
  allocatedYear: number;
  disbursedYear: number;
}

export interface ReportFacts {
  plan: { kind: string; kindLabel: string; number: string; title: string; issuedOn: string | null; issuerName: string | null; issuerKind: string | null };
  period: Period;
  /** The day the figures are read at: the period's end, or today when it has not ended. */
  asOf: string;
  tasks: TaskCounts;
  taskRows: ReportTaskRow[];
  targets: ReportTarget[];
  budget: { year: number; bySource: ReportBudgetSource[]; localShare: { share: number; targetShare: number | null; spent: number; localBudgetTotal: number } | null };
}

// ---------------------------------------------------------------------------------------------
// Words and numbers

const formatters = new Map<number, Intl.NumberFormat>();
/** 3.658.476; 99,68 (at most `decimals` decimals). */
export function viNumber(value: number, decimals = 2): string {
  const d = Math.max(0, Math.min(6, decimals));
  let f = formatters.get(d);
  if (!f) formatters.set(d, (f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: d })));
  return f.format(value);
}

/** 99,68% */
export const viPercent = (value: number, decimals = 2) => `${viNumber(value, decimals)}%`;

const pad = (n: number) => String(n).padStart(2, '0');

/** "ngày 07 tháng 10 năm 2025": day < 10 and months 1, 2 padded (NĐ 30, Phụ lục I). */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `ngày ${pad(d)} tháng ${m <= 2 ? pad(m) : m} năm ${y}`;
}

export const placeDateLine = (place: string, iso: string) => `${place.trim()}, ${viDate(iso)}`;

/** "21/9/2020", as report bodies cite dates. */
export const shortDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${pad(d!)}/${m}/${y}`;
};

/** "quý III/2025", "6 tháng đầu năm 2025", "năm 2025". */
export function periodPhrase(p: Period): string {
  const label = periodLabel(p, 'vi');
  return label.charAt(0).toLowerCase() + label.slice(1);
}

const UNIT_LABELS: Record<string, string> = {
  '%': '%',
  count: 'Số lượng',
  VND: 'Đồng',
  'million VND': 'Triệu đồng',
  'billion VND': 'Tỷ đồng',
  rank: 'Thứ hạng',
  index: 'Chỉ số',
  days: 'Ngày',
  hours: 'Giờ',
  people: 'Người',
  other: '',
};
export const unitLabel = (unit: string) => UNIT_LABELS[unit] ?? unit;

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  achieved: 'Đạt',
  not_achieved: 'Chưa đạt',
  at_risk: 'Có nguy cơ không đạt',
  no_data: 'Chưa có số liệu',
};

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: 'Chưa triển khai',
  in_progress_on_time: 'Đang thực hiện trong hạn',
  in_progress_overdue: 'Đang thực hiện quá hạn',
  completed_on_time: 'Hoàn thành đúng hạn',
  completed_late: 'Hoàn thành quá hạn',
  paused: 'Tạm dừng',
  cancelled: 'Không thực hiện',
};

export const BUDGET_SOURCE_LABELS: Record<string, string> = {
  chi_thuong_xuyen: 'Chi thường xuyên',
  su_nghiep_cntt: 'Sự nghiệp công nghệ thông tin',
  dau_tu_cong: 'Đầu tư công',
  quy_phat_trien: 'Quỹ phát triển của đơn vị',
  xa_hoi_hoa: 'Xã hội hóa',
  khac: 'Khác',
};

/** A figure with its unit: "99,68%", "3.658.476". */
export function figure(value: number, unit: string, decimals: number): string {
  return unit === '%' ? viPercent(value, decimals) : viNumber(value, decimals);
}

const COMPARATOR_TEXT: Record<Exclude<Comparator, 'between'>, string> = { '>=': '≥ ', '>': '> ', '<=': '≤ ', '<': '< ', '=': '' };

/** "≥ 80%", "80% - 90%". */
export function targetText(t: Pick<ReportTarget, 'comparator' | 'value' | 'valueMax' | 'unit' | 'decimals'>): string {
  if (t.comparator === 'between') return `${figure(t.value, t.unit, t.decimals)} - ${figure(t.valueMax ?? t.value, t.unit, t.decimals)}`;
  return `${COMPARATOR_TEXT[t.comparator]}${figure(t.value, t.unit, t.decimals)}`;
}

/** "thành phố", "phường", "xã" — who "được giao" the tasks in seed 004's sentence. */
function subjectOf(plan: ReportFacts['plan']): string {
  switch (plan.issuerKind) {
    case 'province':
      return /tỉnh/i.test(plan.issuerName ?? '') ? 'tỉnh' : 'thành phố';
    case 'ward':
      return 'phường';
    case 'commune':
      return 'xã';
    case 'special_zone':
      return 'đặc khu';
    default:
      return 'đơn vị';
  }
}

/** "Kế hoạch số 215/KH-UBND". */
export const planRef = (plan: ReportFacts['plan']) => `${plan.kindLabel} số ${plan.number}`;

const n = (x: number) => viNumber(x, 0);

/**
 * Seed 004's sentence: "Tại Kế hoạch số 02-KH/BCĐTW, thành phố được giao 25 nhiệm vụ, đã hoàn thành
 * 17 nhiệm vụ, đang thực hiện 8 nhiệm vụ trong hạn." — with the parts that are not zero.
 */
export function taskSentence(plan: ReportFacts['plan'], c: TaskCounts): string {
  const parts: string[] = [`Tại ${planRef(plan)}, ${subjectOf(plan)} được giao ${n(c.assigned)} nhiệm vụ`];
  if (c.completed.total) {
    const late = c.completed.late ? ` (${n(c.completed.onTime)} nhiệm vụ đúng hạn, ${n(c.completed.late)} nhiệm vụ quá hạn)` : '';
    parts.push(`đã hoàn thành ${n(c.completed.total)} nhiệm vụ${late}`);
  }
  if (c.inProgress.total) {
    parts.push(
      c.inProgress.overdue
        ? `đang thực hiện ${n(c.inProgress.total)} nhiệm vụ (${n(c.inProgress.onTime)} nhiệm vụ trong hạn, ${n(c.inProgress.overdue)} nhiệm vụ quá hạn)`
        : `đang thực hiện ${n(c.inProgress.total)} nhiệm vụ trong hạn`,
    );
  }
  if (c.paused) parts.push(`tạm dừng ${n(c.paused)} nhiệm vụ`);
  if (c.notStarted) parts.push(`chưa triển khai ${n(c.notStarted)} nhiệm vụ`);
  if (c.notCarriedOut) parts.push(`không thực hiện ${n(c.notCarriedOut)} nhiệm vụ`);
  return `${parts.join(', ')}.`;
}

// ---------------------------------------------------------------------------------------------
// Tables

export interface TargetRowText {
  stt: number;
  name: string;
  unit: string;
  target: string;
  actual: string;
  attainment: string;
  status: TargetStatus;
  statusText: string;
}

export function evaluateReportTarget(t: ReportTarget): { attainment: number | null; status: TargetStatus } {
  const rule = { comparator: t.comparator, value: t.value, valueMax: t.valueMax, direction: t.direction };
  const { status } = evaluateTarget(rule, t.actual, null);
  return { attainment: attainmentOf(rule, t.actual), status };
}

export function targetRows(targets: readonly ReportTarget[]): TargetRowText[] {
  return targets.map((t, i) => {
    const { attainment, status } = evaluateReportTarget(t);
    return {
      stt: i + 1,
      name: `${t.name} (${t.scope}, năm ${t.year})`,
      unit: unitLabel(t.unit),
      target: targetText(t),
      actual: t.actual === null ? '—' : figure(t.actual, t.unit, t.decimals),
      attainment: attainment === null ? '—' : viPercent(attainment * 100, 2),
      status,
      statusText: TARGET_STATUS_LABELS[status],
    };
  });
}

/** Columns of the task statistics table, in order, with the counts they show. */
export function taskStatColumns(c: TaskCounts): { label: string; value: number }[] {
  return [
    { label: 'Được giao', value: c.assigned },
    { label: 'Hoàn thành đúng hạn', value: c.completed.onTime },
    { label: 'Hoàn thành quá hạn', value: c.completed.late },
    { label: 'Đang thực hiện trong hạn', value: c.inProgress.onTime },
    { label: 'Đang thực hiện quá hạn', value: c.inProgress.overdue },
    { label: 'Chưa triển khai', value: c.notStarted },
    { label: 'Tạm dừng', value: c.paused },
    { label: 'Không thực hiện', value: c.notCarriedOut },
  ];
}

export interface BudgetRowText {
  source: string;
  tasks: string;
  approved: string;
  allocatedYear: string;
  disbursedYear: string;
  rate: string;
}

const rateOf = (disbursed: number, allocated: number) => (allocated > 0 ? viPercent((100 * disbursed) / allocated, 2) : '—');

/** Per source and a total row; amounts in VND with Vietnamese grouping. */
export function budgetRows(budget: ReportFacts['budget']): BudgetRowText[] {
  const rows = budget.bySource.map((b) => ({
    source: BUDGET_SOURCE_LABELS[b.source] ?? b.source,
    tasks: n(b.tasks),
    approved: n(b.approved),
    allocatedYear: n(b.allocatedYear),
    disbursedYear: n(b.disbursedYear),
    rate: rateOf(b.disbursedYear, b.allocatedYear),
  }));
  if (rows.length > 1) {
    const sum = (k: 'approved' | 'allocatedYear' | 'disbursedYear') => budget.bySource.reduce((s, b) => s + b[k], 0);
    rows.push({
      source: 'Tổng cộng',
      tasks: '',
      approved: n(sum('approved')),
      allocatedYear: n(sum('allocatedYear')),
      disbursedYear: n(sum('disbursedYear')),
      rate: rateOf(sum('disbursedYear'), sum('allocatedYear')),
    });
  }
  return rows;
}

/** "Tỷ lệ chi … so với tổng chi ngân sách địa phương đạt 0,57% (mục tiêu 3%)." or null. */
export function localShareSentence(budget: ReportFacts['budget']): string | null {
  const s = budget.localShare;
  if (!s) return null;
  const target = s.targetShare === null ? '' : `, so với mục tiêu ${viPercent(s.targetShare, 2)}`;
  return `Năm ${budget.year}, tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số so với tổng chi ngân sách địa phương đạt ${viPercent(s.share, 2)} (${n(s.spent)} đồng/${n(s.localBudgetTotal)} đồng)${target}.`;
}

// ---------------------------------------------------------------------------------------------
// Prefilled narratives and the default draft

const dmy = (iso: string) => iso.split('-').reverse().join('/');
const LIST_MAX = 8;

function bullets(items: string[], more: number): string {
  const lines = items.map((x) => `- ${x}`);
  if (more > 0) lines.push(`- Và ${n(more)} nội dung khác (chi tiết tại phụ lục kèm theo).`);
  return lines.join('\n');
}

export function prefillNarratives(facts: ReportFacts): Narratives {
  const { plan, period, tasks: c } = facts;
  const phrase = periodPhrase(period);
  const next = nextPeriod(period);
  const issued = plan.issuedOn ? ` ngày ${shortDate(plan.issuedOn)}` : '';
  const body = issuingBodyPhrase(plan);
  const issuer = body ? ` của ${body}` : '';
  const evaluated = facts.targets.map((t) => ({ t, ...evaluateReportTarget(t) }));
  const achieved = evaluated.filter((e) => e.status === 'achieved').length;
  const missed = evaluated.filter((e) => e.status === 'not_achieved' || e.status === 'at_risk');
  const noData = evaluated.filter((e) => e.status === 'no_data');
  const overdue = facts.taskRows.filter((t) => t.status === 'in_progress_overdue' || (t.status === 'not_started' && t.dueDate !== null && t.dueDate < facts.asOf));
  const dueNext = facts.taskRows.filter((t) => t.dueDate !== null && t.dueDate >= next.start && t.dueDate <= next.end && !t.status.startsWith('completed') && t.status !== 'cancelled');

  const about = lowerFirst(plan.title.replace(new RegExp(`^${plan.kindLabel}\\s+`, 'i'), ''));
  const intro = `Thực hiện ${planRef(plan)}${issued}${issuer} về ${about}, ${body ?? 'cơ quan'} báo cáo tình hình thực hiện ${phrase} như sau:`;

  const doneShare = c.assigned ? viPercent((100 * c.completed.total) / c.assigned, 2) : '0%';
  const results = [
    `Các cơ quan, đơn vị, địa phương đã tập trung triển khai các nhiệm vụ của ${planRef(plan)}. Đến ngày ${shortDate(facts.asOf)}, đã hoàn thành ${n(c.completed.total)}/${n(c.assigned)} nhiệm vụ (${doneShare}), đang thực hiện ${n(c.inProgress.total)} nhiệm vụ.`,
    facts.targets.length
      ? `Trong ${n(facts.targets.length)} chỉ tiêu của kế hoạch, ${[
          achieved ? `${n(achieved)} chỉ tiêu đã đạt` : '',
          missed.length ? `${n(missed.length)} chỉ tiêu chưa đạt` : '',
          noData.length ? `${n(noData.length)} chỉ tiêu chưa có số liệu` : '',
        ]
          .filter(Boolean)
          .join(', ')} ${phrase}.`
      : '',
  ]
    .filter(Boolean)
    .join('\n');

  const shortcomingItems: string[] = [];
  if (overdue.length) shortcomingItems.push(`Còn ${n(overdue.length)} nhiệm vụ chậm tiến độ so với thời hạn được giao: ${overdue.slice(0, LIST_MAX).map((t) => `${t.title} (${t.lead}, hạn ${dmy(t.dueDate!)})`).join('; ')}${overdue.length > LIST_MAX ? '; …' : ''}.`);
  for (const e of missed.slice(0, LIST_MAX)) {
    shortcomingItems.push(`Chỉ tiêu «${e.t.name}» mới đạt ${e.t.actual === null ? '—' : figure(e.t.actual, e.t.unit, e.t.decimals)}, chưa đạt mục tiêu ${targetText(e.t)}.`);
  }
  if (noData.length) shortcomingItems.push(`${n(noData.length)} chỉ tiêu chưa có số liệu báo cáo ${phrase}; việc cập nhật số liệu của một số cơ quan, đơn vị chưa đầy đủ, kịp thời.`);
  const shortcomings = shortcomingItems.length ? bullets(shortcomingItems, Math.max(0, missed.length - LIST_MAX)) : 'Không có tồn tại, hạn chế đáng kể trong kỳ báo cáo.';

  const causes = [
    '- Khách quan: một số nhiệm vụ phụ thuộc vào hướng dẫn của Trung ương và sự phối hợp liên ngành, liên cấp.',
    '- Chủ quan: công tác theo dõi, đôn đốc ở một số cơ quan, đơn vị chưa thường xuyên; nguồn lực cho chuyển đổi số còn hạn chế.',
  ].join('\n');

  const priorityItems: string[] = [];
  for (const t of dueNext.slice(0, LIST_MAX)) priorityItems.push(`Hoàn thành nhiệm vụ «${t.title}» (${t.lead}, hạn ${dmy(t.dueDate!)}).`);
  if (overdue.length) priorityItems.push(`Tập trung đôn đốc, hoàn thành ${n(overdue.length)} nhiệm vụ đang chậm tiến độ.`);
  for (const e of missed.filter((x) => x.t.year >= Number(next.start.slice(0, 4))).slice(0, LIST_MAX)) {
    priorityItems.push(`Có giải pháp để chỉ tiêu «${e.t.name}» đạt mục tiêu ${targetText(e.t)} năm ${e.t.year}.`);
  }
  if (noData.length) priorityItems.push('Các cơ quan, đơn vị cập nhật đầy đủ, kịp thời số liệu các chỉ tiêu trên hệ thống DX Pulse.');
  const priorities = priorityItems.length ? bullets(priorityItems, Math.max(0, dueNext.length - LIST_MAX)) : `Tiếp tục triển khai các nhiệm vụ của ${planRef(plan)} theo kế hoạch.`;

  return { intro, results, shortcomings, causes, priorities, proposals: '' };
}

/** "Ủy ban nhân dân thành phố Hải Phòng" for a committee's plan (…/KH-UBND), else the issuer's name. */
function issuingBodyPhrase(plan: ReportFacts['plan']): string | null {
  if (!plan.issuerName) return null;
  if (/-UBND$/i.test(plan.number)) return `Ủy ban nhân dân ${plan.issuerName.charAt(0).toLowerCase()}${plan.issuerName.slice(1)}`;
  return plan.issuerName;
}

function lowerFirst(s: string): string {
  const t = s.trim().replace(/\.$/, '');
  // "Kế hoạch chuyển đổi số …" keeps its own words; only a leading capital of an ordinary word goes down.
  return t.charAt(0).toLowerCase() + t.slice(1);
}

/** The issuing body as NĐ 30 writes it: "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG" for a city's committee. */
export function issuerNameOf(plan: ReportFacts['plan']): string {
  const name = (plan.issuerName ?? '').toUpperCase();
  if (/-UBND$/i.test(plan.number) && plan.issuerName) return `ỦY BAN NHÂN DÂN\n${name}`;
  return name || 'CƠ QUAN BAN HÀNH';
}

/** "…/BC-UBND": the symbol after the dash of the plan's own number. */
export function numberSymbolOf(plan: ReportFacts['plan']): string {
  const agency = /-([^/-]+)$/.exec(plan.number)?.[1] ?? 'UBND';
  return `   /BC-${agency}`;
}

export function defaultDraft(facts: ReportFacts, today: string): ReportDraft {
  const committee = /-UBND$/i.test(facts.plan.number);
  return {
    issuerParent: '',
    issuerName: issuerNameOf(facts.plan),
    numberSymbol: numberSymbolOf(facts.plan),
    place: 'Hải Phòng',
    reportDate: today,
    signingForm: committee ? 'KT' : 'none',
    collective: committee ? 'ỦY BAN NHÂN DÂN' : '',
    authorityTitle: committee ? 'CHỦ TỊCH' : '',
    signerTitle: committee ? 'PHÓ CHỦ TỊCH' : 'THỦ TRƯỞNG CƠ QUAN',
    signerName: '',
    recipients: committee
      ? ['Thường trực Thành ủy;', 'Thường trực HĐND thành phố;', 'Chủ tịch, các PCT UBND thành phố;', 'Các sở, ban, ngành;', 'UBND các xã, phường, đặc khu;', 'Lưu: VT.']
      : ['Như trên;', 'Lưu: VT.'],
    narratives: prefillNarratives(facts),
  };
}

/**
 * The signer's lines above the signature (NĐ 30, Phụ lục I §II.7): "TM. ỦY BAN NHÂN DÂN",
 * "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"; with Q. "Q. CHỦ TỊCH"; without a form, the signer's title.
 */
export function signatureLines(d: Pick<ReportDraft, 'signingForm' | 'collective' | 'authorityTitle' | 'signerTitle'>): string[] {
  const up = (s: string) => s.trim().toUpperCase();
  const lines: string[] = [];
  const collective = up(d.collective);
  switch (d.signingForm) {
    case 'TM':
      if (collective) lines.push(`TM. ${collective}`);
      if (up(d.signerTitle)) lines.push(up(d.signerTitle));
      break;
    case 'KT':
      if (collective) lines.push(`TM. ${collective}`);
      lines.push(`KT. ${up(d.authorityTitle)}`);
      if (up(d.signerTitle)) lines.push(up(d.signerTitle));
      break;
    case 'Q':
      if (collective) lines.push(`TM. ${collective}`);
      lines.push(`Q. ${up(d.authorityTitle)}`);
      break;
    case 'none':
      if (up(d.signerTitle)) lines.push(up(d.signerTitle));
      break;
  }
  return lines;
}

/** Problems of a draft a person typed, as field → message (Vietnamese); empty when it can be saved. */
export function checkDraft(d: ReportDraft): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (!d.issuerName.trim()) out.push({ path: 'body.issuerName', message: 'Tên cơ quan ban hành không được để trống.' });
  if (!/\/BC-[^\s/]+$/.test(d.numberSymbol.trim())) out.push({ path: 'body.numberSymbol', message: 'Số, ký hiệu phải có dạng «…/BC-<cơ quan>», ví dụ «15/BC-UBND».' });
  if (!d.place.trim()) out.push({ path: 'body.place', message: 'Địa danh không được để trống.' });
  if ((d.signingForm === 'KT' || d.signingForm === 'Q') && !d.authorityTitle.trim()) out.push({ path: 'body.authorityTitle', message: 'Ký thay (KT.) hoặc quyền (Q.) cần chức danh của người đứng đầu, ví dụ «CHỦ TỊCH».' });
  if (d.signingForm === 'TM' && !d.collective.trim()) out.push({ path: 'body.collective', message: 'Thay mặt (TM.) cần tên tập thể, ví dụ «ỦY BAN NHÂN DÂN».' });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The whole report

export interface ReportContent {
  header: { issuerParentLines: string[]; issuerNameLines: string[]; numberLine: string; quocHieu: string; tieuNgu: string; placeDate: string };
  title: string;
  subject: string;
  fileStem: string;
  intro: string[];
  sections: ReportSection[];
  closing: string;
  recipients: string[];
  signature: { lines: string[]; name: string };
  /** The appendix: every task and every target row (same numbers as the tables). */
  appendix: { heading: string; tasks: ReportTaskRow[]; targets: TargetRowText[] };
}

export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraphs'; lines: string[] }
  | { kind: 'table'; id: 'tasks' | 'targets' | 'budget'; columns: string[]; rows: string[][] };

export interface ReportSection {
  heading: string;
  blocks: ReportBlock[];
}

const paragraphs = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

export function reportContent(facts: ReportFacts, draft: ReportDraft): ReportContent {
  const phrase = periodPhrase(facts.period);
  const next = nextPeriod(facts.period);
  const nv = draft.narratives;
  const subject = `Tình hình thực hiện ${planRef(facts.plan)} ${phrase}`;
  const targets = targetRows(facts.targets);
  const budget = budgetRows(facts.budget);
  const share = localShareSentence(facts.budget);

  const results: ReportBlock[] = [
    { kind: 'paragraphs', lines: paragraphs(nv.results) },
    { kind: 'heading', text: '1. Tình hình thực hiện nhiệm vụ' },
    { kind: 'paragraphs', lines: [taskSentence(facts.plan, facts.tasks), '(Có phụ lục thống kê các nhiệm vụ và tiến độ thực hiện kèm theo)'] },
    { kind: 'table', id: 'tasks', columns: taskStatColumns(facts.tasks).map((c) => c.label), rows: [taskStatColumns(facts.tasks).map((c) => n(c.value))] },
    { kind: 'heading', text: '2. Kết quả thực hiện các chỉ tiêu' },
    targets.length
      ? { kind: 'table', id: 'targets', columns: ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', `Thực hiện ${phrase}`, 'Tỷ lệ đạt', 'Đánh giá'], rows: targets.map((r) => [String(r.stt), r.name, r.unit, r.target, r.actual, r.attainment, r.statusText]) }
      : { kind: 'paragraphs', lines: ['Kế hoạch chưa có chỉ tiêu định lượng cho năm báo cáo.'] },
    { kind: 'heading', text: `3. Kinh phí thực hiện năm ${facts.budget.year}` },
    budget.length
      ? { kind: 'table', id: 'budget', columns: ['Nguồn kinh phí', 'Số nhiệm vụ', 'Dự toán được duyệt (đồng)', `Phân bổ năm ${facts.budget.year} (đồng)`, 'Đã giải ngân (đồng)', 'Tỷ lệ giải ngân'], rows: budget.map((r) => [r.source, r.tasks, r.approved, r.allocatedYear, r.disbursedYear, r.rate]) }
      : { kind: 'paragraphs', lines: ['Các nhiệm vụ của kế hoạch chưa được ghi kinh phí.'] },
  ];
  if (share) results.push({ kind: 'paragraphs', lines: [share] });

  const sections: ReportSection[] = [
    { heading: `KẾT QUẢ THỰC HIỆN ${phrase.toUpperCase()}`, blocks: results },
    {
      heading: 'TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
      blocks: [
        { kind: 'heading', text: '1. Tồn tại, hạn chế' },
        { kind: 'paragraphs', lines: paragraphs(nv.shortcomings) },
        { kind: 'heading', text: '2. Nguyên nhân' },
        { kind: 'paragraphs', lines: paragraphs(nv.causes) },
      ],
    },
    { heading: `NHIỆM VỤ TRỌNG TÂM ${periodPhrase(next).toUpperCase()}`, blocks: [{ kind: 'paragraphs', lines: paragraphs(nv.priorities) }] },
  ];
  if (nv.proposals.trim()) sections.push({ heading: 'ĐỀ XUẤT, KIẾN NGHỊ', blocks: [{ kind: 'paragraphs', lines: paragraphs(nv.proposals) }] });
  sections.forEach((s, i) => (s.heading = `${ROMAN[i]}. ${s.heading}`));

  const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const fileStem = `Bao-cao-${facts.plan.number.replace(/[^A-Za-z0-9]+/g, '-')}-${facts.period.id}`;
  return {
    header: {
      issuerParentLines: lines(draft.issuerParent).map((l) => l.toUpperCase()),
      issuerNameLines: lines(draft.issuerName).map((l) => l.toUpperCase()),
      numberLine: `Số: ${draft.numberSymbol.trim()}`,
      quocHieu: QUOC_HIEU,
      tieuNgu: TIEU_NGU,
      placeDate: placeDateLine(draft.place, draft.reportDate),
    },
    title: 'BÁO CÁO',
    subject,
    fileStem,
    intro: paragraphs(nv.intro),
    sections,
    closing: `Trên đây là báo cáo tình hình thực hiện ${planRef(facts.plan)} ${phrase}./.`,
    recipients: draft.recipients.map((r) => r.trim()).filter(Boolean),
    signature: { lines: signatureLines(draft), name: draft.signerName.trim() },
    appendix: { heading: `Kèm theo Báo cáo ${subject.charAt(0).toLowerCase()}${subject.slice(1)}`, tasks: facts.taskRows, targets },
  };
}

/**
 * The periods a report may be made for: every quarter, half and year of the plan's years (from its
 * first year, else the year it was issued; to its horizon, else this year) that has begun, newest first.
 */
export function reportPeriodChoices(plan: { horizonFrom: number | null; horizonYear: number | null; issuedOn: string | null }, today: string): { id: string; label: string }[] {
  const thisYear = Number(today.slice(0, 4));
  const from = plan.horizonFrom ?? (plan.issuedOn ? Number(plan.issuedOn.slice(0, 4)) : thisYear);
  const to = Math.min(plan.horizonYear ?? thisYear, thisYear);
  const out: { id: string; label: string }[] = [];
  for (let y = to; y >= from && y >= to - 10; y--) {
    for (const id of [`${y}`, `${y}S2`, `${y}Q4`, `${y}Q3`, `${y}S1`, `${y}Q2`, `${y}Q1`]) {
      const p = parsePeriod(id);
      if (p.start <= today) out.push({ id, label: periodLabel(p) });
    }
  }
  return out;
}

/** The period a page opens with: the newest quarter that has ended, else the newest choice. */
export function defaultReportPeriod(choices: readonly { id: string }[], today: string): string | undefined {
  const ended = choices.find((c) => /Q\d$/.test(c.id) && parsePeriod(c.id).end < today);
  return ended?.id ?? choices[0]?.id;
}
