/**
 * Official reports (issue 6, points 3–4): "Báo cáo tình hình thực hiện [kế hoạch] [kỳ]" as DOCX in
 * the format of Nghị định 30/2020/NĐ-CP, with an XLSX appendix and, when LibreOffice is installed, a
 * PDF.
 *
 * - The numbers are read at generation time from the same commands as the API shows them: task
 *   statistics (taskStatistics, as of the period's end or today), the plan's targets with the
 *   period's figure of the target's unit (the rollup GET /analytics reads), the plan's budget by
 *   source (planBudget) and the local-budget share (localShare). They are never stored.
 * - What a person writes (header, signature, recipients, narratives) is a draft per plan × period
 *   (official_report_drafts); without one, the draft is prefilled from the data (domain/officialReport.ts).
 * - Generation runs as a job with progress (thu thập số liệu → tạo DOCX → tạo phụ lục XLSX →
 *   chuyển PDF). The registry is in the server process (a Map, jobs kept for an hour, 200 at most):
 *   a job is a few seconds of work whose outputs are downloaded at once, so surviving a restart is
 *   not worth a pg-boss queue and stored files; a poll after a restart answers 404 and the page
 *   offers to generate again.
 *
 * Rights: who may read plans ('plan.read') reads the draft; who holds 'plan.write' over the plan's
 * issuer (the top of the tree for a plan without one) saves drafts and generates. Tasks are counted
 * within the caller's 'task.read' scope, as GET /tasks/statistics counts them.
 */
import { randomUUID } from 'node:crypto';
import {
  checkDraft,
  defaultDraft,
  NARRATIVE_KEYS,
  reportContent,
  reportPeriodChoices,
  type NarrativeKey,
  type ReportDraft,
  type ReportFacts,
  type ReportTarget,
  type ReportTaskRow,
} from '../../domain/officialReport.ts';
import { nextPeriod, periodLabel, tryParsePeriod, type Period } from '../../domain/periods.ts';
import { PLAN_KIND_LABEL_KEY, type PlanKind } from '../../domain/plans.ts';
import { classifyTask, type TaskClass, type TaskState, type TaskStatus } from '../../domain/tasks.ts';
import type { Db, Tx } from '../db/database.ts';
import { translate, type Locale, type MessageKey } from '../http/messages.ts';
import { badRequest, notFound, unprocessable } from '../http/problem.ts';
import { writeOfficialReportDocx } from '../reports/officialReportDocx.ts';
import { writeOfficialReportWorkbook } from '../reports/officialReportWorkbook.ts';
import { docxToPdf, pdfAvailable } from '../reports/pdf.ts';
import type { PlanRow } from '../store/schema.ts';
import * as taskStore from '../store/tasks.ts';
import { audit, type CommandContext } from './context.ts';
import { holdsTopLevel, requireTopLevel } from './indicators.ts';
import { localShare } from './planBudgetYears.ts';
import { todayInVietnam } from './reportingClock.ts';
import { findPlanOr404, planBudget, taskStatistics } from './tasks.ts';

type Q = Db | Tx;

/** Report periods: a quarter, a half or a year ("2025Q3", "2025S1", "2025"). */
const REPORT_PERIOD_TYPES = new Set(['quarter', 'half', 'year']);

/** The period asked for, checked: a quarter, half or year that has begun, within the plan's years. */
export function reportPeriod(plan: PlanRow, id: string, today = todayInVietnam()): Period {
  const p = tryParsePeriod(id);
  if (!p || !REPORT_PERIOD_TYPES.has(p.type)) throw badRequest('officialReport.badPeriod', { period: id });
  if (p.start > today) throw unprocessable('officialReport.futurePeriod', { period: periodLabel(p) });
  const year = Number(p.start.slice(0, 4));
  const from = plan.horizon_from ?? (plan.issued_on ? Number(plan.issued_on.slice(0, 4)) : null);
  const to = plan.horizon_year;
  if ((from !== null && year < from) || (to !== null && year > to)) {
    throw unprocessable('officialReport.periodOutsidePlan', { period: periodLabel(p), number: plan.number, from: from ?? '…', to: to ?? '…' });
  }
  return p;
}

/** The periods the page offers for a plan (domain/officialReport.ts). */
export function reportPeriods(plan: PlanRow, today = todayInVietnam()): { id: string; label: string }[] {
  return reportPeriodChoices({ horizonFrom: plan.horizon_from, horizonYear: plan.horizon_year, issuedOn: plan.issued_on }, today);
}

async function requireReportWrite(q: Q, ctx: CommandContext, plan: PlanRow): Promise<void> {
  if (plan.issuer_unit_id === null) return requireTopLevel(q, ctx, 'plan.write');
  await ctx.access.requireUnit(q, 'plan.write', plan.issuer_unit_id);
}

async function mayWrite(q: Q, ctx: CommandContext, plan: PlanRow): Promise<boolean> {
  if (plan.issuer_unit_id === null) return holdsTopLevel(q, ctx, 'plan.write');
  return ctx.access.unitInScope(q, 'plan.write', plan.issuer_unit_id);
}

const STATUS_OF_CLASS: Record<TaskClass, TaskStatus> = {
  completed_on_time: 'completed_on_time',
  completed_late: 'completed_late',
  in_progress_on_time: 'in_progress_on_time',
  in_progress_overdue: 'in_progress_overdue',
  not_started: 'not_started',
  paused: 'paused',
  not_carried_out: 'cancelled',
};

const LEVEL_LABELS: Record<string, string> = { province: 'cấp tỉnh/thành phố', district: 'cấp huyện (cũ)', commune: 'cấp xã', department: 'sở, ban, ngành' };

/** Every number of the report, read now. */
export async function reportFacts(ctx: CommandContext, plan: PlanRow, period: Period): Promise<ReportFacts> {
  const today = todayInVietnam();
  const asOf = period.end < today ? period.end : today;
  const year = Number(period.start.slice(0, 4));
  const issuer = plan.issuer_unit_id === null ? undefined : await ctx.db.selectFrom('org_units').select(['name', 'kind']).where('id', '=', plan.issuer_unit_id).executeTakeFirst();

  const [stats, rows, targets, budget] = await Promise.all([
    taskStatistics(ctx, { plan: plan.id, asOf }),
    taskStore.allTasks(ctx.db, { roots: ctx.access.scopeRoots('task.read'), planId: plan.id, today }),
    ctx.db
      .selectFrom('targets as t')
      .innerJoin('indicators as i', 'i.id', 't.indicator_id')
      .innerJoin('org_units as u', 'u.id', 't.org_unit_id')
      .leftJoin('rollups as r', (j) => j.onRef('r.indicator_id', '=', 't.indicator_id').onRef('r.org_unit_id', '=', 't.org_unit_id').on('r.period_id', '=', period.id))
      .select(['t.id', 't.comparator', 't.value', 't.value_max', 't.year', 't.scope', 't.level', 'i.code', 'i.name as indicator_name', 'i.unit', 'i.decimals', 'i.direction', 'u.name as unit_name', 'r.value as actual'])
      .where('t.plan_id', '=', plan.id)
      .where('t.year', '=', year)
      .orderBy('t.id')
      .execute(),
    planBudget(ctx, plan.id, year),
  ]);
  const share = await localShare(ctx.db, plan.id, year, budget.total.disbursedYear);

  const taskRows: ReportTaskRow[] = [];
  for (const t of rows) {
    const cls = classifyTask({ state: t.state as TaskState, dueDate: t.due_date, completedOn: t.completed_on, createdOn: todayInVietnam(new Date(t.created_at)) }, asOf);
    if (!cls) continue;
    taskRows.push({ ref: t.ref, title: t.title, lead: t.current_lead_name, dueDate: t.due_date, progress: cls.startsWith('completed') ? 100 : Number(t.progress), status: STATUS_OF_CLASS[cls] });
  }

  const reportTargets: ReportTarget[] = targets.map((t) => ({
    code: t.code,
    name: t.indicator_name,
    unit: t.unit,
    decimals: t.decimals,
    direction: t.direction,
    comparator: t.comparator,
    value: Number(t.value),
    valueMax: t.value_max === null ? null : Number(t.value_max),
    year: t.year,
    scope: t.scope === 'level' && t.level ? `${LEVEL_LABELS[t.level] ?? t.level} thuộc ${t.unit_name}` : t.unit_name,
    actual: t.actual === null || t.actual === undefined ? null : Number(t.actual),
  }));

  const kind = plan.kind as PlanKind;
  return {
    plan: {
      kind: plan.kind,
      kindLabel: PLAN_KIND_LABEL_KEY[kind] ? translate('vi', PLAN_KIND_LABEL_KEY[kind] as MessageKey) : plan.kind,
      number: plan.number,
      title: plan.title,
      issuedOn: plan.issued_on,
      issuerName: issuer?.name ?? null,
      issuerKind: issuer?.kind ?? null,
    },
    period,
    asOf,
    tasks: {
      assigned: stats.total.assigned,
      completed: stats.total.completed,
      inProgress: stats.total.inProgress,
      notStarted: stats.total.notStarted,
      paused: stats.total.paused,
      notCarriedOut: stats.total.notCarriedOut,
      doneOrInProgress: stats.total.doneOrInProgress,
      overdue: stats.total.overdue,
    },
    taskRows,
    targets: reportTargets,
    budget: {
      year,
      bySource: budget.bySource.map((b) => ({ source: b.source, tasks: b.tasks, approved: b.approved, allocatedYear: b.allocatedYear, disbursedYear: b.disbursedYear })),
      localShare: share ? { share: share.share, targetShare: share.targetShare, spent: share.spent, localBudgetTotal: share.localBudgetTotal } : null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Drafts

async function savedDraft(q: Q, planId: number, periodId: string) {
  return q.selectFrom('official_report_drafts as d').leftJoin('users as u', 'u.id', 'd.updated_by').selectAll('d').select(['u.username', 'u.full_name']).where('d.plan_id', '=', planId).where('d.period_id', '=', periodId).executeTakeFirst();
}

function draftOfRow(row: NonNullable<Awaited<ReturnType<typeof savedDraft>>>, prefilled: ReportDraft): ReportDraft {
  const stored = row.narratives ?? {};
  const narratives = Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, typeof stored[k] === 'string' ? stored[k] : prefilled.narratives[k]])) as Record<NarrativeKey, string>;
  return {
    issuerParent: row.issuer_parent,
    issuerName: row.issuer_name,
    numberSymbol: row.number_symbol,
    place: row.place,
    reportDate: row.report_date,
    signingForm: row.signing_form,
    collective: row.collective,
    authorityTitle: row.authority_title,
    signerTitle: row.signer_title,
    signerName: row.signer_name,
    recipients: row.recipients,
    narratives,
  };
}

/** The draft to write the report with: the saved one, or the one prefilled from the data. */
async function draftFor(ctx: CommandContext, plan: PlanRow, period: Period, facts: ReportFacts) {
  const prefilled = defaultDraft(facts, todayInVietnam());
  const row = await savedDraft(ctx.db, plan.id, period.id);
  return { row, prefilled, draft: row ? draftOfRow(row, prefilled) : prefilled };
}

export async function getReportDraft(ctx: CommandContext, planId: number, periodId: string) {
  const plan = await findPlanOr404(ctx.db, planId);
  const period = reportPeriod(plan, periodId);
  const facts = await reportFacts(ctx, plan, period);
  const { row, prefilled, draft } = await draftFor(ctx, plan, period, facts);
  const content = reportContent(facts, draft);
  return {
    plan: { id: plan.id, number: plan.number, kind: plan.kind, title: plan.title },
    period: { id: period.id, label: periodLabel(period), next: periodLabel(nextPeriod(period)) },
    periods: reportPeriods(plan),
    saved: row !== undefined,
    updatedAt: row ? row.updated_at.toISOString() : null,
    updatedBy: row ? (row.full_name ?? row.username ?? null) : null,
    canWrite: await mayWrite(ctx.db, ctx, plan),
    pdfAvailable: await pdfAvailable(),
    draft,
    prefilled: prefilled.narratives,
    preview: {
      subject: content.subject,
      placeDate: content.header.placeDate,
      signature: content.signature.lines,
      sections: content.sections.map((s) => ({ heading: s.heading, blocks: s.blocks })),
    },
  };
}

export async function saveReportDraft(ctx: CommandContext, planId: number, periodId: string, input: ReportDraft) {
  await ctx.db.transaction().execute(async (tx) => {
    const plan = await findPlanOr404(tx, planId);
    await requireReportWrite(tx, ctx, plan);
    const period = reportPeriod(plan, periodId);
    const problems = checkDraft(input);
    if (problems.length === 1) throw unprocessable('officialReport.draftInvalidOne', { message: problems[0]!.message }, problems);
    if (problems.length) throw unprocessable('officialReport.draftInvalid', { count: problems.length }, problems);
    const before = await savedDraft(tx, planId, period.id);
    const values = {
      issuer_parent: input.issuerParent.trim(),
      issuer_name: input.issuerName.trim(),
      number_symbol: input.numberSymbol.trim(),
      place: input.place.trim(),
      report_date: input.reportDate,
      signing_form: input.signingForm,
      collective: input.collective.trim(),
      authority_title: input.authorityTitle.trim(),
      signer_title: input.signerTitle.trim(),
      signer_name: input.signerName.trim(),
      recipients: JSON.stringify(input.recipients.map((r) => r.trim()).filter(Boolean)),
      narratives: JSON.stringify(Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, input.narratives[k] ?? '']))),
      updated_by: ctx.access.signedIn.userId,
      updated_at: new Date(),
    };
    await tx
      .insertInto('official_report_drafts')
      .values({ plan_id: planId, period_id: period.id, ...values })
      .onConflict((oc) => oc.columns(['plan_id', 'period_id']).doUpdateSet(values))
      .execute();
    await audit(tx, ctx, {
      action: 'officialReport.draft',
      entityType: 'plan',
      entityId: planId,
      orgUnitId: plan.issuer_unit_id,
      before: before ? { period: period.id, numberSymbol: before.number_symbol, signerName: before.signer_name } : null,
      after: { period: period.id, numberSymbol: values.number_symbol, signerName: values.signer_name },
    });
  });
  return getReportDraft(ctx, planId, periodId);
}

// ---------------------------------------------------------------------------------------------
// Generation jobs (in-process registry, see the module note)

export const REPORT_STEPS = ['collect', 'docx', 'xlsx', 'pdf', 'done'] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];
export type OutputKind = 'docx' | 'xlsx' | 'pdf';

const CONTENT_TYPES: Record<OutputKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

interface ReportJob {
  id: string;
  userId: number;
  planId: number;
  periodId: string;
  status: 'running' | 'done' | 'failed';
  progress: number;
  step: ReportStep;
  error: string | null;
  files: Partial<Record<OutputKind, { name: string; bytes: Buffer }>>;
  createdAt: number;
}

const JOBS = new Map<string, ReportJob>();
const JOB_TTL_MS = 60 * 60 * 1000;
const MAX_JOBS = 200;

function prune() {
  const now = Date.now();
  for (const [id, job] of JOBS) if (now - job.createdAt > JOB_TTL_MS) JOBS.delete(id);
  while (JOBS.size > MAX_JOBS) JOBS.delete(JOBS.keys().next().value!);
}

/** The outputs of one report, in order; `onStep` hears each step before it runs (progress bars, logs). */
export async function buildReportFiles(
  ctx: CommandContext,
  plan: PlanRow,
  period: Period,
  options: { pdf: boolean; onStep?: (step: ReportStep, progress: number) => void },
): Promise<{ stem: string; docx: Buffer; xlsx: Buffer; pdf: Buffer | null }> {
  options.onStep?.('collect', 5);
  const facts = await reportFacts(ctx, plan, period);
  const { draft } = await draftFor(ctx, plan, period, facts);
  const content = reportContent(facts, draft);
  options.onStep?.('docx', 30);
  const docx = await writeOfficialReportDocx(content);
  options.onStep?.('xlsx', 55);
  const xlsx = await writeOfficialReportWorkbook(facts, content);
  let pdf: Buffer | null = null;
  if (options.pdf) {
    options.onStep?.('pdf', 75);
    pdf = await docxToPdf(docx);
  }
  options.onStep?.('done', 100);
  return { stem: content.fileStem, docx, xlsx, pdf };
}

export async function startReportGeneration(ctx: CommandContext, planId: number, periodId: string, input: { pdf?: boolean }) {
  const plan = await findPlanOr404(ctx.db, planId);
  await requireReportWrite(ctx.db, ctx, plan);
  const period = reportPeriod(plan, periodId);
  if (input.pdf && !(await pdfAvailable())) throw unprocessable('officialReport.pdfUnavailable');
  await audit(ctx.db, ctx, { action: 'officialReport.generate', entityType: 'plan', entityId: planId, orgUnitId: plan.issuer_unit_id, after: { period: period.id, pdf: Boolean(input.pdf) } });
  prune();
  const job: ReportJob = { id: randomUUID(), userId: ctx.access.signedIn.userId, planId, periodId: period.id, status: 'running', progress: 0, step: 'collect', error: null, files: {}, createdAt: Date.now() };
  JOBS.set(job.id, job);
  void buildReportFiles(ctx, plan, period, {
    pdf: Boolean(input.pdf),
    onStep: (step, progress) => {
      job.step = step;
      job.progress = progress;
    },
  }).then(
    (out) => {
      job.files.docx = { name: `${out.stem}.docx`, bytes: out.docx };
      job.files.xlsx = { name: `${out.stem}-phu-luc.xlsx`, bytes: out.xlsx };
      if (out.pdf) job.files.pdf = { name: `${out.stem}.pdf`, bytes: out.pdf };
      job.status = 'done';
      job.progress = 100;
      job.step = 'done';
    },
    (error: Error) => {
      job.status = 'failed';
      job.error = error.message;
    },
  );
  return job;
}

function ownJob(ctx: CommandContext, id: string): ReportJob {
  const job = JOBS.get(id);
  if (!job || job.userId !== ctx.access.signedIn.userId) throw notFound('officialReport.jobNotFound');
  return job;
}

export function presentJob(job: ReportJob, locale: Locale) {
  return {
    id: job.id,
    planId: job.planId,
    period: job.periodId,
    status: job.status,
    progress: job.progress,
    step: job.step,
    stepText: translate(locale, `officialReport.step.${job.step}` as MessageKey),
    error: job.status === 'failed' ? translate(locale, 'officialReport.failed', { reason: job.error ?? '' }) : null,
    files: (Object.keys(job.files) as OutputKind[]).map((kind) => ({ kind, name: job.files[kind]!.name, size: job.files[kind]!.bytes.length, url: `/api/v1/report-jobs/${job.id}/${kind}` })),
  };
}

export function getReportJob(ctx: CommandContext, id: string) {
  return ownJob(ctx, id);
}

export function reportJobFile(ctx: CommandContext, id: string, kind: OutputKind) {
  const job = ownJob(ctx, id);
  const file = job.files[kind];
  if (!file) throw notFound(job.status === 'running' ? 'officialReport.jobRunning' : 'officialReport.noFile', { kind: kind.toUpperCase() });
  return { name: file.name, contentType: CONTENT_TYPES[kind], bytes: file.bytes };
}

/** For tests: wait until a job leaves 'running'. */
export async function settledJob(id: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (JOBS.get(id)?.status === 'running' && Date.now() - start < timeoutMs) await new Promise((r) => setTimeout(r, 20));
}
