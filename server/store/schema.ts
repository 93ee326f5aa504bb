/** Kysely's view of the tables (see server/migrations). Ids are bigint in SQL and numbers here. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { OrgUnitKind, LineageShare } from '../../domain/orgUnits.ts';
import type { Role } from '../../domain/roles.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface OrgUnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string | null;
  kind: OrgUnitKind;
  parent_id: number | null;
  valid_from: string | null;
  closed_on: string | null;
  search_key: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgUnitClosureTable {
  ancestor_id: number;
  descendant_id: number;
  depth: number;
}

export interface OrgUnitLineageTable {
  id: Generated<number>;
  predecessor_id: number;
  successor_id: number;
  share: LineageShare;
  effective_date: string | null;
  note: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  email: string | null;
  password_hash: string;
  is_active: Generated<boolean>;
  locale: Generated<'vi' | 'en'>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  id: Generated<number>;
  user_id: number;
  org_unit_id: number;
  role: Role;
  created_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Date;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string | null;
  success: boolean;
  at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_unit_id: number | null;
  before: Json;
  after: Json;
  ip: string | null;
  request_id: string | null;
}

export interface IndicatorsTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: string | null;
  unit: string;
  pillar: string | null;
  direction: Generated<'higher' | 'lower'>;
  space_aggregation: 'sum' | 'ratio' | 'avg' | 'min' | 'max';
  time_aggregation: 'sum' | 'latest' | 'avg' | 'min' | 'max';
  period_type: Generated<'day' | 'week' | 'month' | 'quarter' | 'half' | 'year'>;
  decimals: Generated<number>;
  min_value: number | null;
  max_value: number | null;
  is_demo: Generated<boolean>;
  search_key: string;
  archived_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlansTable {
  id: Generated<number>;
  kind: string;
  number: string;
  issuer_unit_id: number | null;
  issued_on: string | null;
  title: string;
  horizon_year: number | null;
  parent_plan_id: number | null;
  horizon_from: number | null;
  summary: string | null;
  document_file_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FilesTable {
  id: Generated<number>;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
}

export type TaskState = 'not_started' | 'in_progress' | 'completed' | 'paused' | 'cancelled';

export interface TasksTable {
  id: Generated<number>;
  plan_id: number;
  parent_task_id: number | null;
  ref: string | null;
  group_name: string | null;
  title: string;
  description: string | null;
  lead_unit_id: number;
  responsible_user_id: number | null;
  responsible_name: string | null;
  deliverable: string | null;
  approving_authority: string | null;
  start_date: string | null;
  due_date: string | null;
  schedule_note: string | null;
  state: Generated<TaskState>;
  state_reason: string | null;
  progress: Generated<number>;
  completed_on: string | null;
  sort_order: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TaskCooperatingUnitsTable {
  task_id: number;
  org_unit_id: number;
}

export interface TaskTargetsTable {
  task_id: number;
  target_id: number;
}

export interface TaskUpdatesTable {
  id: Generated<number>;
  task_id: number;
  kind: 'progress' | 'comment' | 'state' | 'edit';
  body: string | null;
  progress: number | null;
  state_from: string | null;
  state_to: string | null;
  detail: Json;
  author_id: number | null;
  created_at: Generated<Date>;
}

export interface TaskUpdateFilesTable {
  update_id: number;
  file_id: number;
}

export type BudgetSource = 'chi_thuong_xuyen' | 'su_nghiep_cntt' | 'dau_tu_cong' | 'quy_phat_trien' | 'xa_hoi_hoa' | 'khac';

/** Amounts are numeric(20,0) VND, read as numbers (exact up to 9·10^15 VND). */
export interface BudgetLinesTable {
  id: Generated<number>;
  task_id: number;
  source: BudgetSource;
  year: number | null;
  requested: number | null;
  approved: number | null;
  allocated: number | null;
  disbursed: number | null;
  note: string | null;
}

/** 0008: a form's task sets (plan_id NULL: every plan). */
export interface ReportFormTaskSetsTable {
  id: Generated<number>;
  form_id: number;
  plan_id: number | null;
  position: number;
}

/** 0008: the staged task rows of a submission. */
export interface SubmissionTaskValuesTable {
  submission_id: number;
  task_id: number;
  progress: number | null;
  state: 'in_progress' | 'completed' | 'paused' | null;
  note: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** 0009: the local budget a plan's spending is compared against, per year (numeric columns come back as strings). */
export interface PlanBudgetYearsTable {
  plan_id: number;
  year: number;
  local_budget_total: ColumnType<string, string | number, string | number>;
  target_share: ColumnType<string | null, string | number | null, string | number | null>;
  spent: ColumnType<string | null, string | number | null, string | number | null>;
  note: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** 0010: plan documents imported for review (server/commands/planImports.ts). */
export interface PlanImportsTable {
  id: Generated<number>;
  file_id: number;
  filename: string;
  format: 'txt' | 'md' | 'docx' | 'pdf';
  reading: ColumnType<unknown, string | undefined, string>;
  org_unit_id: number;
  status: ColumnType<'draft' | 'published' | 'discarded', 'draft' | 'published' | 'discarded' | undefined, 'draft' | 'published' | 'discarded'>;
  result: ColumnType<unknown, string, string>;
  proposal: ColumnType<unknown, string, string>;
  review: ColumnType<unknown, string, string>;
  published_plan_id: number | null;
  created_by: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Date | null;
}

/** 0012: drafts of the official report per plan and period (server/commands/officialReports.ts). */
export interface OfficialReportDraftsTable {
  plan_id: number;
  period_id: string;
  issuer_parent: string;
  issuer_name: string;
  number_symbol: string;
  place: string;
  report_date: ColumnType<string, string, string>;
  signing_form: 'TM' | 'KT' | 'Q' | 'none';
  collective: string;
  authority_title: string;
  signer_title: string;
  signer_name: string;
  recipients: ColumnType<string[], string, string>;
  narratives: ColumnType<Record<string, string>, string, string>;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  task_id: number | null;
  dedup_key: string | null;
  emailed_at: Date | null;
  created_at: Generated<Date>;
  read_at: Date | null;
}

export interface TargetsTable {
  id: Generated<number>;
  plan_id: number | null;
  indicator_id: number;
  scope: 'unit' | 'level';
  org_unit_id: number;
  level: 'province' | 'district' | 'commune' | 'department' | null;
  year: number;
  comparator: Generated<'>=' | '>' | '<=' | '<' | '=' | 'between'>;
  value: number;
  value_max: number | null;
  parent_target_id: number | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DataValuesTable {
  indicator_id: number;
  org_unit_id: number;
  period_id: string;
  period_type: string;
  period_start: string;
  period_end: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  source: 'form' | 'api' | 'import' | 'demo';
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface DataValueHistoryTable {
  id: Generated<number>;
  indicator_id: number;
  org_unit_id: number;
  period_id: string;
  action: 'insert' | 'update' | 'delete';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  previous_value: number | null;
  previous_numerator: number | null;
  previous_denominator: number | null;
  comment: string | null;
  source: string | null;
  changed_by: number | null;
  changed_at: Timestamp;
}

export interface RollupsTable {
  indicator_id: number;
  org_unit_id: number;
  /** The unit's parent, kept with the row so a parent reads its children's rows in one index range. */
  parent_id: number | null;
  period_id: string;
  period_type: string;
  sum: number;
  count: number;
  min: number | null;
  max: number | null;
  numerator: number;
  denominator: number;
  value: number | null;
  updated_at: Timestamp;
}

export interface RollupDirtyTable {
  indicator_id: number;
  org_unit_id: number;
  period_id: string;
  marked_at: Timestamp;
}

export interface IdempotencyKeysTable {
  user_id: number;
  key: string;
  request_hash: string;
  status: number;
  response: Json;
  created_at: Timestamp;
}

export interface ReportFormsTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: string | null;
  period_type: 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year';
  cutoff: Generated<'calendar' | 'nd09'>;
  deadline_offset_days: Generated<number>;
  deadline_from: Generated<'periodEnd' | 'windowEnd'>;
  first_period: string | null;
  owner_unit_id: number;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReportFormItemsTable {
  form_id: number;
  indicator_id: number;
  position: number;
  required: Generated<boolean>;
}

export interface ReportFormRulesTable {
  id: Generated<number>;
  form_id: number;
  position: number;
  expression: string;
  message: string | null;
}

export interface OrgUnitGroupsTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: string | null;
  owner_unit_id: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgUnitGroupMembersTable {
  group_id: number;
  org_unit_id: number;
}

export interface ReportFormAssignmentsTable {
  id: Generated<number>;
  form_id: number;
  kind: 'unit' | 'level' | 'group';
  org_unit_id: number | null;
  level: 'province' | 'district' | 'commune' | 'department' | null;
  group_id: number | null;
}

export interface SubmissionsTable {
  id: Generated<number>;
  form_id: number;
  org_unit_id: number;
  period_id: string;
  period_start: string;
  period_end: string;
  status: Generated<'draft' | 'submitted' | 'approved' | 'returned'>;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  submitted_by: number | null;
  decided_at: Date | null;
  decided_by: number | null;
  return_reason: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SubmissionValuesTable {
  submission_id: number;
  indicator_id: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface SubmissionEventsTable {
  id: Generated<number>;
  submission_id: number;
  action: 'created' | 'saved' | 'submitted' | 'approved' | 'returned' | 'reopened';
  from_status: string | null;
  to_status: string;
  reason: string | null;
  detail: Json;
  actor_id: number | null;
  at: Timestamp;
}

export interface SchemaMigrationsTable {
  version: string;
  applied_at: Timestamp;
}

/** 0011: index models and published rankings (server/commands/rankings.ts). */
export interface IndexModelsTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  anchor_unit_id: number;
  unit_kinds: string[] | null;
  group_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IndexPillarsTable {
  id: Generated<number>;
  model_id: number;
  name: string;
  weight: number;
  position: number;
}

export interface IndexComponentsTable {
  id: Generated<number>;
  pillar_id: number;
  indicator_id: number;
  max_points: number;
  normalisation: 'target' | 'minmax' | 'thresholds';
  params: Json;
  direction: 'higher' | 'lower';
  position: number;
}

export interface IndexPublicationsTable {
  model_id: number;
  year: number;
  published_at: Timestamp;
  published_by: number | null;
  snapshot: Json;
}

export interface Database {
  org_units: OrgUnitsTable;
  org_unit_closure: OrgUnitClosureTable;
  org_unit_lineage: OrgUnitLineageTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
  schema_migrations: SchemaMigrationsTable;
  indicators: IndicatorsTable;
  plans: PlansTable;
  targets: TargetsTable;
  data_values: DataValuesTable;
  data_value_history: DataValueHistoryTable;
  rollups: RollupsTable;
  rollup_dirty: RollupDirtyTable;
  idempotency_keys: IdempotencyKeysTable;
  report_forms: ReportFormsTable;
  report_form_items: ReportFormItemsTable;
  report_form_rules: ReportFormRulesTable;
  org_unit_groups: OrgUnitGroupsTable;
  org_unit_group_members: OrgUnitGroupMembersTable;
  report_form_assignments: ReportFormAssignmentsTable;
  submissions: SubmissionsTable;
  submission_values: SubmissionValuesTable;
  submission_events: SubmissionEventsTable;
  files: FilesTable;
  tasks: TasksTable;
  task_cooperating_units: TaskCooperatingUnitsTable;
  task_targets: TaskTargetsTable;
  task_updates: TaskUpdatesTable;
  task_update_files: TaskUpdateFilesTable;
  budget_lines: BudgetLinesTable;
  notifications: NotificationsTable;
  report_form_task_sets: ReportFormTaskSetsTable;
  submission_task_values: SubmissionTaskValuesTable;
  plan_budget_years: PlanBudgetYearsTable;
  plan_imports: PlanImportsTable;
  index_models: IndexModelsTable;
  index_pillars: IndexPillarsTable;
  index_components: IndexComponentsTable;
  index_publications: IndexPublicationsTable;
  official_report_drafts: OfficialReportDraftsTable;
}

export type OrgUnitRow = Selectable<OrgUnitsTable>;
export type NewOrgUnit = Insertable<OrgUnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type IndicatorRow = Selectable<IndicatorsTable>;
export type TargetRow = Selectable<TargetsTable>;
export type PlanRow = Selectable<PlansTable>;
export type TaskRow = Selectable<TasksTable>;
export type PlanImportRow = Selectable<PlanImportsTable>;
export type ReportFormRow = Selectable<ReportFormsTable>;
export type SubmissionRow = Selectable<SubmissionsTable>;
export type OrgUnitGroupRow = Selectable<OrgUnitGroupsTable>;
