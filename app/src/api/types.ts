/**
 * Shapes of the DX Pulse REST API (/api/v1), mirroring the server's route schemas
 * (server/routes/schemas.ts, published as /api/v1/openapi.json).
 */

// The vocabularies live in domain/, shared by server and app, so the two cannot drift apart.
export { ROLES, type Role } from '../../../domain/roles';
export { ORG_UNIT_KINDS, type OrgUnitKind, type LineageShare } from '../../../domain/orgUnits';
export {
  DIRECTIONS,
  INDICATOR_PERIOD_TYPES,
  INDICATOR_UNITS,
  PILLARS,
  SPACE_AGGREGATIONS,
  TIME_AGGREGATIONS,
  type Direction,
  type IndicatorPeriodType,
  type IndicatorSpaceAggregation,
  type IndicatorTimeAggregation,
  type IndicatorUnit,
  type Pillar,
} from '../../../domain/indicators';
export { COMPARATORS, TARGET_LEVELS, TARGET_STATUSES, type Comparator, type TargetLevel, type TargetScope, type TargetStatus } from '../../../domain/targets';
import type { Role } from '../../../domain/roles';
import type { OrgUnitKind, LineageShare } from '../../../domain/orgUnits';
import type { Direction, IndicatorPeriodType, IndicatorSpaceAggregation, IndicatorTimeAggregation, Pillar } from '../../../domain/indicators';
import type { Comparator, TargetLevel, TargetScope, TargetStatus } from '../../../domain/targets';

export type Locale = 'vi' | 'en';

/** RFC 9457 problem details as the server sends them (detail is already localised). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
}
export interface FieldProblem {
  path: string;
  message: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ---- auth & users ---------------------------------------------------------

export interface Membership {
  id: number;
  orgUnitId: number;
  orgUnitCode: string;
  orgUnitName: string;
  role: Role;
}

export interface User {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  isActive: boolean;
  locale: Locale;
  lastLoginAt: string | null;
  lockedUntil?: string | null;
  memberships: Membership[];
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface LoginInput {
  username: string;
  password: string;
}

export interface Grant {
  orgUnitId: number;
  role: Role;
}

export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string | null;
  password: string;
  locale?: Locale;
  memberships?: Grant[];
}

export interface UpdateUserInput {
  fullName?: string;
  email?: string | null;
  isActive?: boolean;
  password?: string;
  locale?: Locale;
}

// ---- organisation units -----------------------------------------------------

export interface OrgUnitSummary {
  id: number;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId: number | null;
  closedOn: string | null;
  childCount: number;
}

export interface OrgUnitPathItem {
  id: number;
  code: string;
  name: string;
}

export interface LineageLink {
  id: number;
  code: string;
  name: string;
  kind?: OrgUnitKind;
  share: LineageShare;
  effectiveDate: string | null;
  closedOn?: string | null;
}

export interface OrgUnitDetail {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgUnitKind;
  parentId: number | null;
  validFrom: string | null;
  closedOn: string | null;
  childCount: number;
  /** Ancestors from the root down to the parent. */
  path: OrgUnitPathItem[];
  predecessors: LineageLink[];
  successors: LineageLink[];
}

export interface OrgUnitListQuery {
  q?: string;
  parent?: number;
  kind?: OrgUnitKind;
  includeClosed?: boolean;
  limit?: number;
  cursor?: string;
}

export interface CreateOrgUnitInput {
  code: string;
  name: string;
  shortName?: string | null;
  kind: OrgUnitKind;
  parentId: number | null;
  validFrom?: string | null;
}

export interface UpdateOrgUnitInput {
  name?: string;
  shortName?: string | null;
  code?: string;
  validFrom?: string | null;
}

export interface CloseOrgUnitInput {
  closedOn: string;
  successorId?: number | null;
}

export interface MergeOrgUnitsInput {
  sourceIds: number[];
  targetId: number;
  effectiveDate: string;
}

/** One problem row of a CSV import; the server names the row in `path` ("row 3") or `row`. */
export interface ImportRowError {
  row?: number;
  path?: string;
  message: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  errors: ImportRowError[];
}

// ---- audit ------------------------------------------------------------------

export interface AuditEvent {
  id: number;
  at: string;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  orgUnitId: number | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

// ---- indicators, plans, targets (server/routes/catalogSchemas.ts) ------------------

export interface Indicator {
  id: number;
  code: string;
  name: string;
  description: string | null;
  /** One of INDICATOR_UNITS (kept a string: the server may know more than this build). */
  unit: string;
  pillar: string | null;
  direction: Direction;
  spaceAggregation: IndicatorSpaceAggregation;
  timeAggregation: IndicatorTimeAggregation;
  periodType: IndicatorPeriodType;
  decimals: number;
  minValue: number | null;
  maxValue: number | null;
  isDemo: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IndicatorInput {
  code: string;
  name: string;
  unit: string;
  spaceAggregation: IndicatorSpaceAggregation;
  timeAggregation: IndicatorTimeAggregation;
  description?: string | null;
  pillar?: Pillar | null;
  direction?: Direction;
  periodType?: IndicatorPeriodType;
  decimals?: number;
  minValue?: number | null;
  maxValue?: number | null;
}

export interface IndicatorListQuery {
  q?: string;
  pillar?: Pillar;
  includeArchived?: boolean;
  limit?: number;
  cursor?: string;
}

export interface IndicatorImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export interface Plan {
  id: number;
  kind: string;
  number: string;
  issuer: UnitRef | null;
  issuedOn: string | null;
  title: string;
  horizonYear: number | null;
  targetCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Target {
  id: number;
  planId: number | null;
  plan: { id: number; kind: string; number: string } | null;
  indicator: { id: number; code: string; name: string; unit: string; direction: Direction };
  scope: TargetScope;
  orgUnit: UnitRef;
  level: TargetLevel | null;
  year: number;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  parentTargetId: number | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TargetQuery {
  indicator?: string;
  plan?: number;
  year?: number;
  orgUnit?: number;
  applicable?: boolean;
  limit?: number;
  cursor?: string;
}

// ---- analytics (server/routes/dataValues.ts) --------------------------------------

/** The target a figure is measured against (the one that applies to the unit for the year). */
export interface TargetRef {
  id: number;
  comparator: string;
  value: number;
  valueMax: number | null;
}

export interface AnalyticsCell {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** How many reports went into the figure. */
  count: number;
  target: TargetRef | null;
  attainment: number | null;
  /** Null when no target applies. */
  status: TargetStatus | null;
}

export interface AnalyticsUnit extends UnitRef {
  kind: OrgUnitKind;
  closedOn: string | null;
}

export interface AnalyticsIndicatorRef {
  id: number;
  code: string;
  name: string;
  unit: string;
}

export interface AnalyticsValue extends AnalyticsCell {
  indicator: AnalyticsIndicatorRef;
  period: string;
  orgUnit: AnalyticsUnit;
}

export interface AnalyticsChildRow extends AnalyticsCell {
  orgUnit: AnalyticsUnit;
  period: string;
}

export interface AnalyticsChildren {
  indicator: AnalyticsIndicatorRef;
  period: string;
  items: AnalyticsChildRow[];
}

export interface SeriesPoint {
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  count: number;
}

export interface Series {
  indicator: AnalyticsIndicatorRef & { periodType: IndicatorPeriodType };
  orgUnit: UnitRef;
  items: SeriesPoint[];
}

export interface OverviewItem extends AnalyticsCell {
  indicator: {
    id: number;
    code: string;
    name: string;
    unit: string;
    pillar: string | null;
    direction: Direction;
    periodType: IndicatorPeriodType;
    decimals: number;
  };
  /** The latest period of the year with a figure, of the indicator's period type. */
  latestPeriod: string | null;
  /** Linear forecast at the year's end (stocks only, while the year runs). */
  forecast: number | null;
}

export interface Overview {
  orgUnit: UnitRef;
  year: number;
  items: OverviewItem[];
}

// ---- report forms and submissions (server/routes/forms.ts, submissions.ts) -------------------

export { INBOX_STATUSES, SUBMISSION_ACTIONS, TIMELINESS, type InboxStatus, type SubmissionAction, type Timeliness } from '../../../domain/forms';
import type { InboxStatus, SubmissionAction, Timeliness } from '../../../domain/forms';

export interface UserRef {
  id: number;
  username: string;
  fullName: string;
}

export interface PeriodRef {
  id: string;
  label: string;
  start: string;
  end: string;
}

export interface FormRef {
  id: number;
  code: string;
  name: string;
  periodType: IndicatorPeriodType;
}

export interface FormSummary extends FormRef {
  description: string | null;
  cutoff: 'calendar' | 'nd09';
  deadlineOffsetDays: number;
  deadlineFrom: 'periodEnd' | 'windowEnd';
  firstPeriod: string | null;
  ownerUnit: UnitRef;
  active: boolean;
  assignedUnitCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface InboxItem {
  form: FormRef;
  orgUnit: UnitRef;
  period: PeriodRef;
  status: InboxStatus;
  dueDate: string;
  overdue: boolean;
  submittedAt: string | null;
  updatedAt: string | null;
  returnReason: string | null;
}

export interface Inbox {
  today: string;
  total: number;
  overdue?: number;
  items: InboxItem[];
}

export interface ApprovalItem {
  form: FormRef;
  orgUnit: UnitRef;
  period: PeriodRef;
  dueDate: string;
  submittedAt: string;
  submittedBy: UserRef | null;
  timeliness: Timeliness;
}

export interface Approvals {
  items: ApprovalItem[];
  truncated: boolean;
}

/** Numbers of one cell (as the API stores them; a % ratio's value is 100 × numerator / denominator). */
export interface CellNumbers {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
}

export interface StoredCell extends CellNumbers {
  source: string;
  updatedAt: string;
  updatedBy: UserRef | null;
}

export interface SubmissionItem {
  indicator: {
    id: number;
    code: string;
    name: string;
    unit: string;
    spaceAggregation: IndicatorSpaceAggregation;
    decimals: number;
    minValue: number | null;
    maxValue: number | null;
  };
  required: boolean;
  staged: CellNumbers | null;
  stored: StoredCell | null;
  problems: string[];
  history: string;
}

export interface SubmissionEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  detail: unknown;
  at: string;
  actor: UserRef | null;
}

export interface Submission {
  form: FormRef & { active: boolean };
  orgUnit: UnitRef;
  period: PeriodRef & { type: string };
  window: { start: string; end: string };
  dueDate: string;
  overdue: boolean;
  timeliness: Timeliness;
  status: InboxStatus;
  locked: boolean;
  actions: SubmissionAction[];
  createdAt: string | null;
  updatedAt: string | null;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  submittedBy: UserRef | null;
  decidedAt: string | null;
  decidedBy: UserRef | null;
  returnReason: string | null;
  items: SubmissionItem[];
  rules: { id: number; expression: string; message: string | null; problems: string[] }[];
  /** Task progress rows, when the form has task sets. */
  tasks?: SubmissionTaskRow[];
  validation: { valid: boolean; problems: FieldProblem[] };
  events: SubmissionEvent[];
}

export type ReportedTaskState = 'in_progress' | 'completed' | 'paused';

/** One task of a report with task sets, with the report's staged row. */
export interface SubmissionTaskRow {
  task: { id: number; ref: string | null; title: string; plan: { id: number; number: string }; dueDate: string | null; status: TaskStatus; progress: number };
  progress: number | null;
  state: string | null;
  note: string | null;
  problems: string[];
}

/** One task row of a save or submit; a row holding nothing clears the task's draft row. */
export interface SubmissionTaskInput {
  task: number;
  progress?: number | null;
  state?: ReportedTaskState | null;
  note?: string | null;
}

/** One row of a save or submit: an item of the form; a row holding nothing clears the item's draft. */
export interface SubmissionValueInput {
  indicator: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  comment?: string | null;
}

export interface ComplianceItem {
  orgUnit: UnitRef & { kind: OrgUnitKind };
  status: InboxStatus;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  timeliness: Timeliness;
}

export interface Compliance {
  form: FormRef;
  period: PeriodRef;
  orgUnit: UnitRef;
  dueDate: string;
  asOf: string;
  totals: {
    expected: number;
    received: number;
    approved: number;
    onTime: number;
    late: number;
    missing: number;
    pending: number;
    /** In % (0–100), null when no unit is expected to report. */
    completeness: number | null;
    timeliness: number | null;
  };
  items: ComplianceItem[];
}

export interface CellHistoryItem {
  id: number;
  action: 'insert' | 'update' | 'delete';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  previousValue: number | null;
  previousNumerator: number | null;
  previousDenominator: number | null;
  comment: string | null;
  source: string | null;
  changedAt: string;
  changedBy: UserRef | null;
}

export interface CellHistory {
  indicator: { id: number; code: string; name: string; unit: string };
  orgUnit: UnitRef;
  period: string;
  current: StoredCell | null;
  items: CellHistoryItem[];
}

// ---- plans and tasks (server/routes/taskSchemas.ts, catalogSchemas.ts) ------------------

export { BUDGET_SOURCES, FILE_TYPES, MAX_FILE_BYTES, TASK_ACTIONS, TASK_STATES, TASK_STATUSES, type BudgetSource, type TaskAction, type TaskState, type TaskStatus } from '../../../domain/tasks';
import type { BudgetSource, TaskAction, TaskState, TaskStatus } from '../../../domain/tasks';

export interface PlanRef {
  id: number;
  kind: string;
  number: string;
  title: string;
}

export interface PlanFull extends Plan {
  horizonFrom: number | null;
  parentPlan: { id: number; number: string } | null;
  summary: string | null;
  document: { id: number; name: string; size: number; url: string } | null;
  taskCount: number;
}

export interface PlanDetail extends PlanFull {
  children: PlanFull[];
  targets: Target[];
  targetsByYearAndLevel: { year: number; level: string | null; count: number }[];
  tasks: Task[];
}

export interface PlanListQuery {
  q?: string;
  kind?: string;
  year?: number;
  issuer?: number;
  parent?: number;
  limit?: number;
  cursor?: string;
}

export interface UnitRefClosed extends UnitRef {
  closedOn: string | null;
}

export interface Task {
  id: number;
  plan: PlanRef;
  parentTaskId: number | null;
  ref: string | null;
  group: string | null;
  title: string;
  description: string | null;
  leadUnit: UnitRefClosed;
  currentLeadUnit: UnitRef;
  cooperatingUnits: UnitRefClosed[];
  responsible: { userId: number | null; name: string | null };
  deliverable: string | null;
  approvingAuthority: string | null;
  startDate: string | null;
  dueDate: string | null;
  scheduleNote: string | null;
  state: TaskState;
  stateReason: string | null;
  status: TaskStatus;
  overdue: boolean;
  progress: number;
  completedOn: string | null;
  targetIds: number[];
  subTaskCount: number;
  createdAt: string;
  updatedAt: string;
  /** What the user may do on the task now (computed by the server with the commands' own checks). */
  actions: TaskAction[];
}

/** POST /tasks (with planId) and PATCH /tasks/:id: the 6 rõ. */
export interface TaskInput {
  planId?: number;
  ref?: string | null;
  group?: string | null;
  title: string;
  description?: string | null;
  leadUnitId: number;
  cooperatingUnitIds?: number[];
  responsibleUserId?: number | null;
  responsibleName?: string | null;
  deliverable?: string | null;
  approvingAuthority?: string | null;
  startDate?: string | null;
  dueDate?: string | null;
  scheduleNote?: string | null;
}

export interface BudgetLineInput {
  source: BudgetSource;
  year: number | null;
  requested: number | null;
  approved: number | null;
  allocated: number | null;
  disbursed: number | null;
  note: string | null;
}

export interface TaskImportResult {
  planId: number;
  created: number;
  updated: number;
  unchanged: number;
  rows: { row: number; id: number; ref: string | null; action: string }[];
}

export interface BudgetLine {
  id: number;
  source: string;
  year: number | null;
  requested: number | null;
  approved: number | null;
  allocated: number | null;
  disbursed: number | null;
  note: string | null;
}

export interface TaskDetail extends Task {
  budget: BudgetLine[];
}

export interface FileMeta {
  id: number;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  url: string;
}

export interface TimelineEntry {
  id: number;
  kind: 'progress' | 'comment' | 'state' | 'edit';
  body: string | null;
  progress: number | null;
  stateFrom: TaskState | null;
  stateTo: TaskState | null;
  detail: unknown;
  author: { id: number; username: string; fullName: string } | null;
  at: string;
  files: FileMeta[];
}

export interface TaskListQuery {
  plan?: number;
  leadUnit?: number;
  parent?: number;
  status?: TaskStatus;
  overdue?: boolean;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface TaskCounts {
  assigned: number;
  completed: { total: number; onTime: number; late: number };
  inProgress: { total: number; onTime: number; overdue: number };
  notStarted: number;
  paused: number;
  notCarriedOut: number;
  doneOrInProgress: number;
  overdue: number;
  taskIds: Record<string, number[]>;
}

export interface TaskStatistics {
  asOf: string;
  total: TaskCounts;
  byPlan: (TaskCounts & { plan: PlanRef })[];
  byLeadUnit: (TaskCounts & { unit: UnitRef })[];
}

export interface BudgetMoney {
  tasks: number;
  leadUnits: number;
  requested: number;
  approved: number;
  requestedYear: number;
  allocatedYear: number;
  disbursedYear: number;
}

export interface PlanBudget {
  planId: number;
  year: number;
  total: BudgetMoney;
  bySource: (BudgetMoney & { source: string })[];
  byGroup: (BudgetMoney & { group: string | null })[];
  /** Spending on S&T, innovation and digital transformation against the year's local budget (seed 004: 0,57% vs 3%). */
  localShare?: {
    year: number;
    spent: number;
    spentSource: 'reported' | 'budgetLines';
    localBudgetTotal: number;
    share: number;
    targetShare: number | null;
    gap: number | null;
    note: string | null;
  } | null;
}
