/**
 * The demo's report forms (biểu mẫu) and their reporting history, on top of the values of
 * demoValues.ts:
 *
 * - `BM-CDS-XA`, the monthly report of the 114 communes, wards and special zones (assigned by level),
 *   with the 13 indicators the demo reports per commune, cross-indicator rules, and the data cut-off of
 *   Nghị định 09/2019/NĐ-CP (15th of the previous month to the 14th), due three days after it, on the 17th;
 * - `BM-CDS-SO`, the monthly report of the city's 14 departments (assigned by the group `SO-BAN-NGANH`),
 *   with the two indicators the demo reports per department, due on the 19th. It is monthly, not
 *   quarterly, because a form's items must be indicators of its period type (commands/forms.ts) and the
 *   departments' indicators are monthly: a quarterly form would need quarterly indicators and values the
 *   demo does not have.
 *
 * The story stops on Monday 20/10/2025 (DEMO_NOW), while October's reports come in:
 * - January–September: nearly every unit's report approved, most sent on time, some late (more in
 *   February, the month of Tết, and in July, the first month of the two-level communes), a few returned
 *   once and corrected. An approved report is what put its unit's figures into data_values, so its staged
 *   values are copied from the stored values (one INSERT … SELECT): the report agrees with the cell, and
 *   the values and rollups of demoValues.ts stay exactly as they are (their source stays 'demo').
 * - October: reports awaiting approval, a few returned with a reason, drafts, and units that have not
 *   started — Phường Dương Kinh (11692) among them, so that its reporter `baocao` can fill and submit it.
 *
 * Who: Dương Kinh's reports are sent by `baocao` and decided by `pheduyet.duongkinh`; Sở KH&CN's are
 * decided by `pheduyet`; every other report is decided by `dieuphoi` (Văn phòng BCĐ) and was sent by an
 * officer who has no demo account (submitted_by null). Times are Vietnamese office hours (a few reports
 * go out on the evening of the due day, still on time). Everything comes from the hash-based `rand` of
 * demoValues.ts: the same database every time. Each planned report is checked with the domain's own
 * validation (types, required items, rules) before anything is written, so an approver can act on every
 * submitted demo report.
 *
 * Set-based: the forms, then one INSERT per table (submissions, staged values, events) — about ten
 * statements for some 1.200 reports and 6.000 events.
 */
import { sql } from 'kysely';
import { normalizeValue } from '../../domain/dataValues.ts';
import {
  checkRule,
  dueDate,
  reportingDate,
  validateSubmission,
  type FormItemRules,
  type FormSchedule,
  type SubmissionStatus,
} from '../../domain/forms.ts';
import { addDays, parsePeriod, reportingWindow, type Period } from '../../domain/periods.ts';
import type { Db, Tx } from '../db/database.ts';
import { replaceAssignments, replaceItems, replaceMembers, replaceRules } from '../store/forms.ts';
import { DEMO_INDICATORS, IND, type DemoIndicator } from './demoIndicators.ts';
import { COMMUNE_SERIES, DEMO_MONTHS, DEPARTMENT_SERIES, rand } from './demoValues.ts';

export const COMMUNE_FORM = 'BM-CDS-XA';
export const DEPARTMENT_FORM = 'BM-CDS-SO';
export const DEPARTMENT_GROUP = 'SO-BAN-NGANH';
/** The month whose reports are coming in when the demo's story stops. */
export const OPEN_MONTH = '2025-10';
/** When the demo's story stops: Monday 20/10/2025, 10:00 in Vietnam. Nothing seeded happens later. */
export const DEMO_NOW = new Date('2025-10-20T10:00:00+07:00');
/** The ward of the demo reporter `baocao`: no report for OPEN_MONTH, so a test can send it. */
export const DEMO_REPORTER_UNIT = '11692';

export interface DemoFormDef {
  code: string;
  name: string;
  description: string;
  schedule: FormSchedule;
  firstPeriod: string;
  items: { indicator: string; required: boolean }[];
  rules: { expression: string; message: string }[];
  assignment: 'communes' | 'departmentGroup';
  /** When the coordinating office defined it (Vietnamese time). */
  createdAt: string;
}

const ND09 = { periodType: 'month', cutoff: 'nd09', deadlineFrom: 'windowEnd' } as const;

export const DEMO_FORMS: DemoFormDef[] = [
  {
    code: COMMUNE_FORM,
    name: 'Báo cáo tháng chỉ tiêu chuyển đổi số cấp xã',
    description:
      'Ủy ban nhân dân các xã, phường, đặc khu báo cáo hằng tháng các chỉ tiêu chuyển đổi số của Nghị quyết 03-NQ/TU, ' +
      'Kế hoạch 227/KH-UBND và Kế hoạch 215/KH-UBND. Số liệu chốt từ ngày 15 tháng trước đến ngày 14 tháng báo cáo ' +
      '(Nghị định 09/2019/NĐ-CP); hạn gửi ngày 17 hằng tháng. Số liệu BHXH, BHYT, sổ sức khỏe điện tử và hạ tầng cáp quang ' +
      'do cơ quan, doanh nghiệp chuyên ngành cung cấp nên không bắt buộc.',
    schedule: { ...ND09, deadlineOffsetDays: 3 },
    firstPeriod: '2025-01',
    items: [
      { indicator: IND.HS_TRUC_TUYEN, required: true },
      { indicator: IND.HSCV_MANG, required: true },
      { indicator: IND.SO_HOA_KQ, required: true },
      { indicator: IND.HAI_LONG, required: true },
      { indicator: IND.VB_KY_SO, required: true },
      { indicator: IND.BAO_CAO, required: true },
      { indicator: IND.BHXH_XAC_THUC, required: false },
      { indicator: IND.TK_THANH_TOAN, required: true },
      { indicator: IND.DANH_TINH_SO, required: true },
      { indicator: IND.SO_SUC_KHOE, required: false },
      { indicator: IND.CAP_QUANG, required: false },
      { indicator: IND.CBCC_KY_NANG, required: true },
      { indicator: IND.HTTT_CAP_DO, required: true },
    ],
    rules: [
      {
        expression: `${IND.DANH_TINH_SO}_den = ${IND.TK_THANH_TOAN}_den`,
        message: 'Dân số (mẫu số) của chỉ tiêu danh tính số và chỉ tiêu tài khoản thanh toán điện tử phải là cùng một số.',
      },
      {
        expression: `${IND.SO_SUC_KHOE}_den = ${IND.TK_THANH_TOAN}_den`,
        message: 'Dân số (mẫu số) của chỉ tiêu sổ sức khỏe điện tử phải bằng dân số của chỉ tiêu tài khoản thanh toán điện tử.',
      },
      {
        expression: `${IND.BHXH_XAC_THUC}_den <= ${IND.TK_THANH_TOAN}_den`,
        message: 'Số người tham gia BHXH, BHYT không vượt quá dân số của đơn vị.',
      },
    ],
    assignment: 'communes',
    createdAt: '2024-12-23T09:00:00+07:00',
  },
  {
    code: DEPARTMENT_FORM,
    name: 'Báo cáo tháng chỉ tiêu chuyển đổi số của các sở, ban, ngành',
    description:
      'Các sở, ban, ngành thuộc Ủy ban nhân dân thành phố báo cáo hằng tháng tỷ lệ hồ sơ công việc xử lý trên môi trường mạng ' +
      '(mục tiêu 90% ở cấp thành phố) và tỷ lệ hoạt động kiểm tra thực hiện thông qua môi trường số (mục tiêu 50%) của ' +
      'Kế hoạch 227/KH-UBND và Nghị quyết 03-NQ/TU. Số liệu chốt theo Nghị định 09/2019/NĐ-CP; hạn gửi ngày 19 hằng tháng.',
    schedule: { ...ND09, deadlineOffsetDays: 5 },
    firstPeriod: '2025-01',
    items: [
      { indicator: IND.HSCV_MANG, required: true },
      { indicator: IND.KIEM_TRA_SO, required: true },
    ],
    rules: [
      {
        expression: `${IND.KIEM_TRA_SO}_den <= ${IND.HSCV_MANG}_den`,
        message: 'Mỗi cuộc kiểm tra có hồ sơ công việc: số cuộc kiểm tra không vượt quá tổng số hồ sơ công việc.',
      },
    ],
    assignment: 'departmentGroup',
    createdAt: '2024-12-23T09:30:00+07:00',
  },
];

/** Why an approver sent a report back (October's returned reports, and the January–September ones returned once). */
export const RETURN_REASONS: Record<string, string[]> = {
  [COMMUNE_FORM]: [
    'Số hồ sơ xử lý trực tuyến toàn trình chưa khớp với số liệu trên Cổng dịch vụ công của thành phố; đề nghị rà soát lại.',
    'Số hồ sơ thủ tục hành chính tiếp nhận trong kỳ chênh lệch lớn so với tháng trước; đề nghị kiểm tra và giải trình.',
    'Dân số dùng làm mẫu số chưa cập nhật theo số liệu dân cư sau sắp xếp đơn vị hành chính; đề nghị cập nhật.',
    'Số cán bộ, công chức được bồi dưỡng kỹ năng số chưa khớp với danh sách học viên các lớp tập huấn; đề nghị rà soát lại.',
  ],
  [DEPARTMENT_FORM]: ['Số hồ sơ công việc chưa khớp với Hệ thống quản lý văn bản và điều hành của thành phố; đề nghị rà soát lại.'],
};

const BHXH_PENDING = 'Đang chờ số liệu của Bảo hiểm xã hội cơ sở.';

export interface DemoFormsResult {
  forms: number;
  groups: number;
  submissions: number;
  byStatus: Record<SubmissionStatus, number>;
  values: number;
  events: number;
}

// ---------------------------------------------------------------------------------------------
// Time

const MINUTE = 60_000;
/** The instant of a Vietnamese wall-clock time: `minutes` after midnight of `date`. */
const vnTime = (date: string, minutes: number) => new Date(Date.parse(`${date}T00:00:00+07:00`) + Math.round(minutes) * MINUTE);
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
function workdayFrom(date: string, step: 1 | -1): string {
  let d = date;
  while (isWeekend(d)) d = addDays(d, step);
  return d;
}
/** Office hours, 07:30–16:30, as minutes after midnight. */
const office = (q: number) => 7 * 60 + 30 + q * 9 * 60;
const later = (t: Date, minutes: number) => new Date(t.getTime() + Math.round(minutes) * MINUTE);

type Rk = (key: string) => number;

/**
 * When a report is first sent: on time, on a working day between the data cut-off and the due date,
 * mostly in its last days; or a few days late.
 */
function sendMoment(rk: Rk, due: string, cutoff: string, late: boolean): Date {
  if (late) return vnTime(workdayFrom(addDays(due, 1 + Math.floor(rk('lateDays') ** 2 * 6)), 1), office(rk('lateTime')));
  const back = [0, 0, 0, 1, 1, 1, 2, 2, 3][Math.floor(rk('early') * 9)]!;
  let day = workdayFrom(addDays(due, -back), -1);
  if (day < cutoff) day = workdayFrom(cutoff, 1);
  // Some finish in the evening of the due day: on time by the Vietnamese calendar.
  if (day === due && rk('evening') < 0.15) return vnTime(day, 19 * 60 + 30 + rk('eveningTime') * 230);
  return vnTime(day, office(rk('time')));
}

/** A decision one to three days after `t` (moved off a weekend), in office hours. */
const decisionAfter = (rk: Rk, t: Date, key: string) =>
  vnTime(workdayFrom(addDays(reportingDate(t), 1 + Math.floor(rk(`${key}Days`) * 3)), 1), office(rk(`${key}Time`)));

// ---------------------------------------------------------------------------------------------
// Plans of reports

interface PlannedEvent {
  action: 'created' | 'saved' | 'submitted' | 'approved' | 'returned';
  from: SubmissionStatus | null;
  to: SubmissionStatus;
  reason?: string;
  detail?: unknown;
  actor: number | null;
  at: Date;
}

interface StagedRow {
  indicatorId: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
}

interface Planned {
  formId: number;
  unitId: number;
  period: Period;
  status: SubmissionStatus;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
  submittedBy: number | null;
  decidedAt: Date | null;
  decidedBy: number | null;
  returnReason: string | null;
  /** The staged values: copied from data_values ('mirror', approved reports) or given. */
  staged: 'mirror' | StagedRow[];
  /** When the staged values were last saved. */
  valuesAt: Date;
  events: PlannedEvent[];
}

interface Unit {
  id: number;
  code: string;
  kind: string;
}

interface People {
  reporter: number | null;
  decider: number | null;
}

/** How a unit keeps its deadlines, 0–1: the same unit is punctual month after month. */
const diligence = (code: string) => rand(code, 'reporting-diligence');

/** Chance of sending month m (0 = January) late: Tết Ất Tỵ in February, the new two-level communes in July. */
const LATE_BY_MONTH = [0.06, 0.14, 0.06, 0.05, 0.05, 0.05, 0.16, 0.08, 0.05];

const savedDetail = (rk: Rk, changed: number) => ({ changed, via: rk('via') < 0.3 ? 'upload' : 'api' });

/**
 * A report of January–September: approved (rarely after one return), or none at all for a few units
 * (`undefined`). Its events trace each step as the commands write them.
 */
function closedMonthReport(form: DemoFormDef, formId: number, unit: Unit, month: number, people: People, itemCount: number): Planned | undefined {
  const period = parsePeriod(DEMO_MONTHS[month]!);
  const rk: Rk = (key) => rand(form.code, unit.code, period.id, key);
  const d = diligence(unit.code);
  if (unit.code !== DEMO_REPORTER_UNIT && rk('missing') < (0.004 + 0.01 * (1 - d)) * (month === 6 ? 2 : 1)) return undefined;
  const due = dueDate(form.schedule, period);
  const late = rk('late') < LATE_BY_MONTH[month]! * (0.4 + 1.2 * (1 - d));
  const first = sendMoment(rk, due, reportingWindow(period, form.schedule.cutoff).end, late);
  const opened = later(first, -(40 + rk('opened') ** 2 * 3 * 24 * 60));
  const events: PlannedEvent[] = [
    { action: 'created', from: null, to: 'draft', actor: people.reporter, at: opened },
    { action: 'saved', from: null, to: 'draft', detail: savedDetail(rk, itemCount), actor: people.reporter, at: later(opened, 0.02) },
    { action: 'saved', from: 'draft', to: 'draft', detail: { changed: 1 + Math.floor(rk('edits') * 3), via: 'api' }, actor: people.reporter, at: later(first, -5) },
    { action: 'submitted', from: 'draft', to: 'submitted', actor: people.reporter, at: first },
  ];
  let last = first;
  if (rk('returnedOnce') < 0.035) {
    const reasons = RETURN_REASONS[form.code]!;
    const reason = reasons[Math.floor(rk('reason') * reasons.length)]!;
    const returned = decisionAfter(rk, first, 'returned');
    last = later(returned, 60 + rk('fix') * 26 * 60);
    events.push(
      { action: 'returned', from: 'submitted', to: 'returned', reason, actor: people.decider, at: returned },
      { action: 'saved', from: 'returned', to: 'returned', detail: { changed: 1 + Math.floor(rk('fixes') * 2), via: 'api' }, actor: people.reporter, at: later(last, -5) },
      { action: 'submitted', from: 'returned', to: 'submitted', actor: people.reporter, at: last },
    );
  }
  const decided = decisionAfter(rk, last, 'approved');
  events.push({ action: 'approved', from: 'submitted', to: 'approved', detail: { written: itemCount }, actor: people.decider, at: decided });
  return {
    formId,
    unitId: unit.id,
    period,
    status: 'approved',
    createdBy: people.reporter,
    createdAt: opened,
    updatedAt: decided,
    firstSubmittedAt: first,
    submittedAt: last,
    submittedBy: people.reporter,
    decidedAt: decided,
    decidedBy: people.decider,
    returnReason: null, // a report returned once and approved since keeps the reason in its trace
    staged: 'mirror',
    valuesAt: later(last, -5),
    events,
  };
}

type OpenState = 'submitted' | 'returned' | 'draft' | 'not_started';

/** October: where each unit stands on DEMO_NOW. More diligent units are further along. */
function openMonthState(form: DemoFormDef, unit: Unit): OpenState {
  if (unit.code === DEMO_REPORTER_UNIT) return 'not_started';
  if (unit.code === '31-SKHCN') return 'submitted'; // so that pheduyet, the approver of Sở KH&CN, has a report to decide
  const q = 0.75 * rand(form.code, unit.code, OPEN_MONTH, 'state') + 0.25 * (1 - diligence(unit.code));
  if (form.code === DEPARTMENT_FORM) return q < 0.35 ? 'submitted' : q < 0.5 ? 'draft' : 'not_started';
  return q < 0.4 ? 'submitted' : q < 0.43 ? 'returned' : q < 0.6 ? 'draft' : 'not_started';
}

function openMonthReport(form: DemoFormDef, formId: number, unit: Unit, state: Exclude<OpenState, 'not_started'>, people: People, values: StagedRow[]): Planned {
  const period = parsePeriod(OPEN_MONTH);
  const rk: Rk = (key) => rand(form.code, unit.code, period.id, key);
  const due = dueDate(form.schedule, period);
  const windowEnd = reportingWindow(period, form.schedule.cutoff).end;
  const numbers = values.filter((v) => v.value !== null || v.numerator !== null).length;
  const base = {
    formId,
    unitId: unit.id,
    period,
    createdBy: people.reporter,
    staged: values,
    decidedAt: null as Date | null,
    decidedBy: null as number | null,
    returnReason: null as string | null,
  };
  if (state === 'draft') {
    // Opened after the cut-off, not sent by DEMO_NOW.
    const day = workdayFrom(addDays(windowEnd, Math.floor(rk('draftDay') * 6)), 1);
    const opened = day >= reportingDate(DEMO_NOW) ? vnTime(reportingDate(DEMO_NOW), 450 + rk('draftTime') * 120) : vnTime(day, office(rk('draftTime')));
    const events: PlannedEvent[] = [
      { action: 'created', from: null, to: 'draft', actor: people.reporter, at: opened },
      { action: 'saved', from: null, to: 'draft', detail: savedDetail(rk, values.length), actor: people.reporter, at: later(opened, 0.02) },
    ];
    return { ...base, status: 'draft', createdAt: opened, updatedAt: later(opened, 0.02), firstSubmittedAt: null, submittedAt: null, submittedBy: null, valuesAt: later(opened, 0.02), events };
  }
  // Sent on time (by the due date), or late on the morning of DEMO_NOW; a returned one early enough to have been decided.
  const late = state === 'submitted' && due < reportingDate(DEMO_NOW) && rk('late') < 0.25 * (0.4 + 1.2 * (1 - diligence(unit.code)));
  let sent: Date;
  if (late) sent = vnTime(reportingDate(DEMO_NOW), 450 + rk('lateTime') * 130);
  else if (state === 'returned') sent = vnTime(workdayFrom(addDays(windowEnd, Math.floor(rk('sentDay') * 2)), 1), office(rk('sentTime')));
  else sent = sendMoment(rk, due, windowEnd, false);
  const opened = later(sent, -(40 + rk('opened') * 20 * 60));
  const events: PlannedEvent[] = [
    { action: 'created', from: null, to: 'draft', actor: people.reporter, at: opened },
    { action: 'saved', from: null, to: 'draft', detail: savedDetail(rk, numbers), actor: people.reporter, at: later(opened, 0.02) },
    { action: 'submitted', from: 'draft', to: 'submitted', actor: people.reporter, at: sent },
  ];
  const submittedPart = { firstSubmittedAt: sent, submittedAt: sent, submittedBy: people.reporter, valuesAt: later(opened, 0.02) };
  if (state === 'submitted') return { ...base, ...submittedPart, status: 'submitted', createdAt: opened, updatedAt: sent, events };
  const reasons = RETURN_REASONS[form.code]!;
  const reason = reasons[Math.floor(rk('reason') * reasons.length)]!;
  const returned = vnTime(workdayFrom(addDays(reportingDate(sent), 1), 1), office(rk('returnedTime')));
  events.push({ action: 'returned', from: 'submitted', to: 'returned', reason, actor: people.decider, at: returned });
  return { ...base, ...submittedPart, status: 'returned', createdAt: opened, updatedAt: returned, decidedAt: returned, decidedBy: people.decider, returnReason: reason, events };
}

interface Cell {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * October's figures of one item, continuing September's: a flow has a new month's volume and a share
 * a little up or down; a stock keeps its base (people, households, staff, systems) and grows a little.
 */
function octoberCell(unitCode: string, def: DemoIndicator, september: Cell): Cell {
  if (def.spaceAggregation !== 'ratio' || september.numerator === null || !september.denominator)
    throw new Error(`Dữ liệu mẫu: chỉ tiêu ${def.code} của đơn vị ${unitCode} thiếu số liệu tháng 9/2025.`);
  const rk: Rk = (key) => rand(unitCode, def.code, OPEN_MONTH, key);
  const [num, den] = [september.numerator, september.denominator];
  let d: number;
  let n: number;
  if (def.timeAggregation === 'sum') {
    d = Math.max(1, Math.round(den * (0.94 + 0.14 * rk('den'))));
    n = Math.round(d * Math.min(1, Math.max(0, num / den + (rk('share') - 0.35) * 0.03)));
  } else {
    d = def.code === IND.BHXH_XAC_THUC ? Math.round(den * (1.0002 + 0.001 * rk('den'))) : den;
    n = num + Math.round((d - num) * 0.06 * rk('gain'));
  }
  return normalizeValue({ code: def.code, unit: def.unit, spaceAggregation: def.spaceAggregation, minValue: null, maxValue: null }, { numerator: Math.min(n, d), denominator: d });
}

// ---------------------------------------------------------------------------------------------
// Seeding

/** The forms, the group, and the reports above, in one transaction, for a database holding the demo values. */
export async function seedDemoForms(db: Db): Promise<DemoFormsResult> {
  return db.transaction().execute((tx) => seedDemoFormsIn(tx));
}

const defOf = (code: string) => {
  const def = DEMO_INDICATORS.find((d) => d.code === code);
  if (!def) throw new Error(`Dữ liệu mẫu: không có chỉ tiêu ${code}.`);
  return def;
};

function checkItemsMatchValues(): void {
  const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
  const commune = [...COMMUNE_SERIES.map((s) => s.indicator), IND.BHXH_XAC_THUC, IND.SO_SUC_KHOE];
  const department = DEPARTMENT_SERIES.map((s) => s.indicator);
  const items = (code: string) => DEMO_FORMS.find((f) => f.code === code)!.items.map((i) => i.indicator);
  if (!same(items(COMMUNE_FORM), commune) || !same(items(DEPARTMENT_FORM), department))
    throw new Error('Dữ liệu mẫu: chỉ tiêu của biểu mẫu không khớp với các chỉ tiêu có số liệu mẫu (demoValues.ts).');
}

async function seedDemoFormsIn(tx: Tx): Promise<DemoFormsResult> {
  checkItemsMatchValues();
  const city = await tx.selectFrom('org_units').select('id').where('code', '=', '31').where('closed_on', 'is', null).executeTakeFirstOrThrow();
  const children: Unit[] = await tx
    .selectFrom('org_units')
    .select(['id', 'code', 'kind'])
    .where('parent_id', '=', city.id)
    .where('closed_on', 'is', null)
    .orderBy('code')
    .execute();
  const communes = children.filter((u) => ['commune', 'ward', 'special_zone'].includes(u.kind));
  const departments = children.filter((u) => u.kind === 'department');
  const users = new Map(
    (await tx.selectFrom('users').select(['id', 'username']).where('username', 'in', ['baocao', 'pheduyet', 'pheduyet.duongkinh', 'dieuphoi']).execute()).map((u) => [u.username, u.id]),
  );
  const user = (name: string) => users.get(name) ?? null;
  const peopleOf = (unit: Unit): People =>
    unit.code === DEMO_REPORTER_UNIT
      ? { reporter: user('baocao'), decider: user('pheduyet.duongkinh') ?? user('dieuphoi') }
      : { reporter: null, decider: (unit.code === '31-SKHCN' ? user('pheduyet') : null) ?? user('dieuphoi') };
  const indicatorIds = new Map(
    (await tx.selectFrom('indicators').select(['id', 'code']).where('code', 'in', DEMO_FORMS.flatMap((f) => f.items.map((i) => i.indicator))).execute()).map((i) => [i.code, i.id]),
  );

  // The departments' group, and the forms.
  const groupAt = new Date(DEMO_FORMS[1]!.createdAt);
  const group = await tx
    .insertInto('org_unit_groups')
    .values({
      code: DEPARTMENT_GROUP,
      name: 'Các sở, ban, ngành thuộc Ủy ban nhân dân thành phố',
      description: `Các cơ quan chuyên môn thuộc Ủy ban nhân dân thành phố Hải Phòng sau sắp xếp năm 2025 (${departments.length} đơn vị).`,
      owner_unit_id: city.id,
      created_at: groupAt,
      updated_at: groupAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceMembers(tx, group.id, departments.map((u) => u.id));

  const formIds = new Map<string, number>();
  for (const f of DEMO_FORMS) {
    const ruleItems = f.items.map((i) => ({ code: i.indicator, ratio: defOf(i.indicator).spaceAggregation === 'ratio' }));
    for (const r of f.rules) {
      const checked = checkRule(r.expression, ruleItems);
      if (!checked.ok) throw new Error(`Dữ liệu mẫu: quy tắc «${r.expression}» của biểu mẫu ${f.code} không hợp lệ (${checked.error.key}).`);
    }
    if (f.items.some((i) => defOf(i.indicator).periodType !== f.schedule.periodType)) throw new Error(`Dữ liệu mẫu: biểu mẫu ${f.code} có chỉ tiêu khác kỳ báo cáo.`);
    const at = new Date(f.createdAt);
    const row = await tx
      .insertInto('report_forms')
      .values({
        code: f.code,
        name: f.name,
        description: f.description,
        period_type: f.schedule.periodType,
        cutoff: f.schedule.cutoff,
        deadline_offset_days: f.schedule.deadlineOffsetDays,
        deadline_from: f.schedule.deadlineFrom,
        first_period: f.firstPeriod,
        owner_unit_id: city.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    formIds.set(f.code, row.id);
    await replaceItems(tx, row.id, f.items.map((i) => ({ indicatorId: indicatorIds.get(i.indicator)!, required: i.required })));
    await replaceRules(tx, row.id, f.rules);
    await replaceAssignments(tx, row.id, [
      f.assignment === 'communes'
        ? { kind: 'level', orgUnitId: city.id, level: 'commune', groupId: null }
        : { kind: 'group', orgUnitId: null, level: null, groupId: group.id },
    ]);
  }

  // September's stored values, which October's figures continue (one read), by unit × indicator.
  const unitsOf = (f: DemoFormDef) => (f.assignment === 'communes' ? communes : departments);
  const september = DEMO_MONTHS[DEMO_MONTHS.length - 1]!;
  const stored = await sql<Cell & { indicator_id: number; org_unit_id: number }>`
    SELECT indicator_id, org_unit_id, value, numerator, denominator FROM data_values
     WHERE indicator_id = ANY(${[...indicatorIds.values()]}::bigint[])
       AND org_unit_id = ANY(${children.map((u) => u.id)}::bigint[])
       AND period_id = ${september}`.execute(tx);
  const cells = new Map(stored.rows.map((r) => [`${r.org_unit_id}|${r.indicator_id}`, r]));

  // Plan every report. October's new figures are checked here with the domain's validation (types,
  // required items, rules), so that every submitted demo report can be approved; the approved ones
  // copy the stored values and are checked by test/api/demoForms.test.ts.
  const planned: Planned[] = [];
  for (const f of DEMO_FORMS) {
    const formId = formIds.get(f.code)!;
    const itemRules: FormItemRules[] = f.items.map((i) => {
      const def = defOf(i.indicator);
      return { code: def.code, unit: def.unit, spaceAggregation: def.spaceAggregation, minValue: null, maxValue: null, required: i.required };
    });
    const rules = f.rules.map((r, index) => ({ index, expression: r.expression, message: r.message }));
    const check = (p: Planned, unit: Unit, staged: StagedRow[]) => {
      const values = new Map<string, Cell>();
      for (const item of f.items) {
        const v = staged.find((s) => s.indicatorId === indicatorIds.get(item.indicator));
        if (v && (v.value !== null || v.numerator !== null)) values.set(item.indicator, v);
      }
      const problems = validateSubmission(itemRules, rules, values, p.status === 'draft' ? 'save' : 'submit');
      if (problems.length) throw new Error(`Dữ liệu mẫu: báo cáo ${f.code} của ${unit.code} kỳ ${p.period.id} không hợp lệ: ${JSON.stringify(problems[0])}.`);
    };
    for (const unit of unitsOf(f)) {
      const people = peopleOf(unit);
      for (let m = 0; m < DEMO_MONTHS.length; m++) {
        const p = closedMonthReport(f, formId, unit, m, people, f.items.length);
        if (p) planned.push(p);
      }
      const state = openMonthState(f, unit);
      if (state === 'not_started') continue;
      let values: StagedRow[] = f.items.map((item) => {
        const id = indicatorIds.get(item.indicator)!;
        const cell = octoberCell(unit.code, defOf(item.indicator), cells.get(`${unit.id}|${id}`) ?? { value: null, numerator: null, denominator: null });
        return { indicatorId: id, ...cell, comment: null };
      });
      if (state === 'draft') {
        // Half-filled: the first items, and the BHXH figure often still awaited.
        const filled = 3 + Math.floor(rand(f.code, unit.code, OPEN_MONTH, 'filled') * (f.items.length - 2));
        values = values.slice(0, Math.min(filled, f.items.length));
        const bhxh = indicatorIds.get(IND.BHXH_XAC_THUC);
        if (f.code === COMMUNE_FORM && rand(f.code, unit.code, OPEN_MONTH, 'bhxh') < 0.5) {
          values = values.filter((v) => v.indicatorId !== bhxh);
          values.push({ indicatorId: bhxh!, value: null, numerator: null, denominator: null, comment: BHXH_PENDING });
        }
      }
      const p = openMonthReport(f, formId, unit, state, people, values);
      check(p, unit, values);
      planned.push(p);
    }
  }
  for (const p of planned)
    if (p.events.some((e) => e.at > DEMO_NOW) || p.events.some((e, i) => i > 0 && e.at < p.events[i - 1]!.at))
      throw new Error(`Dữ liệu mẫu: thứ tự thời gian của báo cáo ${p.formId}/${p.unitId}/${p.period.id} không hợp lệ.`);

  // The reports, in one statement.
  const col = <T>(f: (p: Planned) => T) => planned.map(f);
  const inserted = await sql<{ id: number; form_id: number; org_unit_id: number; period_id: string }>`
    INSERT INTO submissions (form_id, org_unit_id, period_id, period_start, period_end, status, first_submitted_at, submitted_at, submitted_by,
                             decided_at, decided_by, return_reason, created_by, created_at, updated_at)
    SELECT * FROM unnest(
      ${col((p) => p.formId)}::bigint[], ${col((p) => p.unitId)}::bigint[], ${col((p) => p.period.id)}::text[],
      ${col((p) => p.period.start)}::date[], ${col((p) => p.period.end)}::date[], ${col((p) => p.status)}::text[],
      ${col((p) => p.firstSubmittedAt)}::timestamptz[], ${col((p) => p.submittedAt)}::timestamptz[], ${col((p) => p.submittedBy)}::bigint[],
      ${col((p) => p.decidedAt)}::timestamptz[], ${col((p) => p.decidedBy)}::bigint[], ${col((p) => p.returnReason)}::text[],
      ${col((p) => p.createdBy)}::bigint[], ${col((p) => p.createdAt)}::timestamptz[], ${col((p) => p.updatedAt)}::timestamptz[])
    RETURNING id, form_id, org_unit_id, period_id`.execute(tx);
  const idOf = new Map(inserted.rows.map((r) => [`${r.form_id}|${r.org_unit_id}|${r.period_id}`, r.id]));
  const submissionId = (p: Planned) => idOf.get(`${p.formId}|${p.unitId}|${p.period.id}`)!;

  // Approved reports stage exactly what is stored: the values their approval put into data_values.
  // Fresh statistics first: without them the planner joins the new rows by a scan per row (seconds).
  await sql`ANALYZE submissions, data_values`.execute(tx);
  const mirrored = await sql`
    INSERT INTO submission_values (submission_id, indicator_id, value, numerator, denominator, comment, updated_by, updated_at)
    SELECT s.id, d.indicator_id, d.value, d.numerator, d.denominator, d.comment, s.submitted_by, s.submitted_at - interval '5 minutes'
      FROM submissions s
      JOIN report_form_items fi ON fi.form_id = s.form_id
      JOIN data_values d ON d.indicator_id = fi.indicator_id AND d.org_unit_id = s.org_unit_id AND d.period_id = s.period_id
     WHERE s.form_id = ANY(${[...formIds.values()]}::bigint[]) AND s.status = 'approved'`.execute(tx);
  const expected = planned.filter((p) => p.staged === 'mirror').reduce((n, p) => n + DEMO_FORMS.find((f) => formIds.get(f.code) === p.formId)!.items.length, 0);
  if (Number(mirrored.numAffectedRows ?? 0) !== expected) throw new Error(`Dữ liệu mẫu: ${mirrored.numAffectedRows} số liệu cho các báo cáo đã phê duyệt, cần ${expected}.`);

  // October's staged values.
  const rows = planned.flatMap((p) => (p.staged === 'mirror' ? [] : p.staged.map((v) => ({ id: submissionId(p), by: p.createdBy, at: p.valuesAt, ...v }))));
  const vcol = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  await sql`
    INSERT INTO submission_values (submission_id, indicator_id, value, numerator, denominator, comment, updated_by, updated_at)
    SELECT * FROM unnest(
      ${vcol((r) => r.id)}::bigint[], ${vcol((r) => r.indicatorId)}::bigint[], ${vcol((r) => r.value)}::float8[], ${vcol((r) => r.numerator)}::float8[],
      ${vcol((r) => r.denominator)}::float8[], ${vcol((r) => r.comment)}::text[], ${vcol((r) => r.by)}::bigint[], ${vcol((r) => r.at)}::timestamptz[])`.execute(tx);

  // The trace, in order (identity follows the ORDER BY, so each report's events read in sequence).
  const events = planned.flatMap((p) => p.events.map((e) => ({ id: submissionId(p), ...e })));
  const ecol = <T>(f: (e: (typeof events)[number]) => T) => events.map(f);
  await sql`
    INSERT INTO submission_events (submission_id, action, from_status, to_status, reason, detail, actor_id, at)
    SELECT e.submission_id, e.action, e.from_status, e.to_status, e.reason, e.detail::jsonb, e.actor_id, e.at
      FROM unnest(
        ${ecol((e) => e.id)}::bigint[], ${ecol((e) => e.action)}::text[], ${ecol((e) => e.from)}::text[], ${ecol((e) => e.to)}::text[],
        ${ecol((e) => e.reason ?? null)}::text[], ${ecol((e) => (e.detail === undefined ? null : JSON.stringify(e.detail)))}::text[],
        ${ecol((e) => e.actor)}::bigint[], ${ecol((e) => e.at)}::timestamptz[])
        WITH ORDINALITY AS e(submission_id, action, from_status, to_status, reason, detail, actor_id, at, n)
     ORDER BY e.n`.execute(tx);

  const byStatus: Record<SubmissionStatus, number> = { draft: 0, submitted: 0, approved: 0, returned: 0 };
  for (const p of planned) byStatus[p.status]++;
  return {
    forms: DEMO_FORMS.length,
    groups: 1,
    submissions: planned.length,
    byStatus,
    values: Number(mirrored.numAffectedRows ?? 0) + rows.length,
    events: events.length,
  };
}
