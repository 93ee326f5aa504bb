/**
 * Submissions: a unit's report of a form for a period (form × unit × period), its draft values,
 * and the workflow draft → submitted → approved | returned, with a coordinator's reopen.
 *
 * - A draft's values are staged in submission_values; only approval copies them into data_values
 *   (and so into the rollups), in the approving transaction, with source 'form' and the reporter who
 *   submitted as the author the cell history shows (dxpulse.actor_id). The audit trail records the
 *   approver.
 * - While a submission is submitted or approved its cells are locked: the bulk API refuses them
 *   (see submitDataValues) and the submission itself takes no more values until returned/reopened.
 * - Every write is atomic: an input problem, a required item without value or a broken rule on
 *   submit stores nothing and lists every problem at once (422).
 * - Scope: reporters write submissions of units in their subtree ('submission.write'); approvers
 *   decide on those in theirs ('submission.approve'); coordinators reopen ('submission.reopen');
 *   reading needs 'data.read' over the unit.
 */
import { sql } from 'kysely';
import {
  allowedActions,
  dueDate,
  isBlank,
  isLocked,
  isOverdue,
  nextStatus,
  reportingDate,
  timeliness,
  validateSubmission,
  type FormItemRules,
  type InboxStatus,
  type SubmissionAction,
  type SubmissionStatus,
} from '../../domain/forms.ts';
import { normalizeValue, validateValue } from '../../domain/dataValues.ts';
import { reportingWindow, tryParsePeriod, type Period } from '../../domain/periods.ts';
import type { Action } from '../../domain/roles.ts';
import type { Tx, Db } from '../db/database.ts';
import { translate, type Locale, type MessageKey } from '../http/messages.ts';
import { ProblemError, badRequest, conflict, notFound, unprocessable, type FieldProblem } from '../http/problem.ts';
import { isoOrNull, presentPeriod, presentUnitRef, presentUser } from '../presenters/forms.ts';
import * as forms from '../store/forms.ts';
import type { SubmissionRow } from '../store/schema.ts';
import * as store from '../store/submissions.ts';
import { audit, type CommandContext } from './context.ts';
import { periodWord } from './forms.ts';
import { todayInVietnam } from './reportingClock.ts';
import { applyTaskRows, completionDate, loadTaskReport, planTaskRows, presentTaskRows, stagedTaskProblems, writeTaskPlan, type TaskReport, type TaskRowInput } from './taskReports.ts';

export interface SubmissionRef {
  form: string;
  orgUnit: string;
  period: string;
}

export interface ValueRow {
  indicator: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  comment?: string | null;
}

/** Everything a use case needs about one form × unit × period. */
export interface Opened {
  form: forms.FormView;
  items: forms.FormItemView[];
  rules: forms.FormRuleRow[];
  unit: forms.UnitRef;
  period: Period;
  submission: SubmissionRow | undefined;
  today: string;
}

export const statusWord = (locale: Locale, status: InboxStatus) => translate(locale, `submissionStatus.${status}` as MessageKey);
const actionWord = (locale: Locale, action: SubmissionAction) => translate(locale, `submissionAction.${action}` as MessageKey);

export const scheduleOf = (form: forms.FormView) => ({
  periodType: form.period_type,
  cutoff: form.cutoff,
  deadlineOffsetDays: form.deadline_offset_days,
  deadlineFrom: form.deadline_from,
});

/**
 * Resolve and check the reference: 404 for an unknown form or unit, 400 for a malformed period,
 * 403 outside the caller's scope for `action`, 422 for a period of another type or a unit the form
 * is not assigned to (unless it already has this submission).
 */
export async function openSubmission(q: Db | Tx, ctx: CommandContext, ref: SubmissionRef, action: Action, locale: Locale, lock = false): Promise<Opened> {
  const form = await forms.findFormByCode(q, ref.form);
  if (!form) throw notFound('form.notFound', { code: ref.form });
  const period = tryParsePeriod(ref.period);
  if (!period) throw badRequest('submission.invalidPeriod', { period: ref.period });
  const unit = (await forms.unitsByCodes(q, [ref.orgUnit])).get(ref.orgUnit);
  if (!unit) throw notFound('submission.unknownUnit', { code: ref.orgUnit });
  await ctx.access.requireUnit(q, action, unit.id);
  if (period.type !== form.period_type)
    throw unprocessable('submission.wrongPeriodType', { form: form.code, period: period.id, expected: periodWord(locale, form.period_type), actual: periodWord(locale, period.type) });
  const submission = await store.findSubmission(q, form.id, unit.id, period.id, { lock });
  if (!submission && !(await forms.isAssigned(q, form.id, unit.id))) throw unprocessable('submission.notAssigned', { form: form.code, unit: unit.name });
  const [items, rules] = await Promise.all([forms.itemsOf(q, [form.id]), forms.rulesOf(q, [form.id])]);
  return { form, items, rules, unit, period, submission, today: todayInVietnam() };
}

const statusOf = (o: Opened): InboxStatus => o.submission?.status ?? 'not_started';

const itemRules = (items: forms.FormItemView[]): FormItemRules[] =>
  items.map((i) => ({ code: i.code, unit: i.unit, spaceAggregation: i.space_aggregation, minValue: i.min_value, maxValue: i.max_value, required: i.required }));

const rulesOf = (o: Opened) => o.rules.map((r, index) => ({ index, expression: r.expression, message: r.message }));

/** Staged values keyed by indicator code (as the domain validation wants them). */
function byCode(o: Opened, staged: Map<number, store.StagedValue>): Map<string, store.StagedValue> {
  const out = new Map<string, store.StagedValue>();
  for (const item of o.items) {
    const v = staged.get(item.indicator_id);
    if (v) out.set(item.code, v);
  }
  return out;
}

/** The problems that block submitting (and approving) the values, worded, with the item or rule as path. */
function submitProblems(o: Opened, values: Map<string, store.StagedValue>, locale: Locale, mode: 'save' | 'submit' = 'submit'): FieldProblem[] {
  return validateSubmission(itemRules(o.items), rulesOf(o), values, mode).map((p) => ({
    path: p.kind === 'rule' ? `rules[${p.rule}]` : `items.${p.indicator}`,
    message: translate(locale, p.key as MessageKey, p.params),
  }));
}

interface Plan {
  problems: FieldProblem[];
  /** The staged values after the change, by code. */
  next: Map<string, store.StagedValue>;
  upserts: ({ indicatorId: number } & store.StagedValue)[];
  deletes: number[];
}

/**
 * What a save of `rows` would do to the staged values: each row names an item of the form; a row
 * holding nothing (no number, no comment) clears the item; others must pass the value checks.
 * `pathOf` names a row in problems (`values[3]`, or a spreadsheet row).
 */
function planValues(o: Opened, staged: Map<number, store.StagedValue>, rows: ValueRow[], locale: Locale, pathOf: (index: number) => string): Plan {
  const problems: FieldProblem[] = [];
  const say = (index: number, key: MessageKey, params: Record<string, string | number>) => problems.push({ path: pathOf(index), message: translate(locale, key, params) });
  const itemByCode = new Map(o.items.map((i) => [i.code.toLowerCase(), i]));
  const next = byCode(o, staged);
  const upserts: Plan['upserts'] = [];
  const deletes: number[] = [];
  const seen = new Map<number, number>();
  rows.forEach((row, index) => {
    const item = itemByCode.get(row.indicator.trim().toLowerCase());
    if (!item) return say(index, 'submission.notAnItem', { code: row.indicator, form: o.form.code });
    const first = seen.get(item.indicator_id);
    if (first !== undefined) return say(index, 'submission.duplicateValue', { code: item.code, other: pathOf(first).replace(/^row /, locale === 'vi' ? 'dòng ' : 'row ') });
    seen.set(item.indicator_id, index);
    const comment = row.comment?.trim() || null;
    const input = { value: row.value ?? null, numerator: row.numerator ?? null, denominator: row.denominator ?? null, comment };
    if (isBlank(input)) {
      next.delete(item.code);
      if (staged.has(item.indicator_id)) deletes.push(item.indicator_id);
      return;
    }
    const rules = { code: item.code, unit: item.unit, spaceAggregation: item.space_aggregation, minValue: item.min_value, maxValue: item.max_value };
    const hasNumber = input.value !== null || input.numerator !== null || input.denominator !== null;
    if (hasNumber) {
      const found = validateValue(rules, input);
      for (const p of found) say(index, p.key, p.params);
      if (found.length) return;
    }
    const normalized = hasNumber ? normalizeValue(rules, input) : { value: null, numerator: null, denominator: null };
    const value = { ...normalized, comment };
    next.set(item.code, value);
    upserts.push({ indicatorId: item.indicator_id, ...value });
  });
  return { problems, next, upserts, deletes };
}

/** Writes need an active form and a period that has begun, and a status that takes the action. */
function checkWritable(o: Opened, action: SubmissionAction, locale: Locale): SubmissionStatus {
  const status = statusOf(o);
  const next = nextStatus(status, action);
  if (!next) {
    if ((action === 'save' || action === 'submit') && isLocked(status))
      throw conflict('submission.locked', { form: o.form.code, unit: o.unit.name, period: o.period.id, status: statusWord(locale, status) });
    throw conflict('submission.wrongStatus', { status: statusWord(locale, status), action: actionWord(locale, action) });
  }
  if (action === 'save' || action === 'submit') {
    if (!o.form.active) throw unprocessable('form.inactive', { code: o.form.code });
    if (o.period.start > o.today) throw unprocessable('submission.futurePeriod', { period: o.period.id });
  }
  return next;
}

/**
 * The submission row, created on the first save. When a concurrent request created it first, its
 * status is checked again (a report submitted meanwhile is locked).
 */
async function ensureRow(tx: Tx, o: Opened, actorId: number, action: 'save' | 'submit', locale: Locale): Promise<SubmissionRow> {
  if (o.submission) return o.submission;
  const { row, created } = await store.ensureSubmission(tx, o.form.id, o.unit.id, o.period, actorId);
  o.submission = row;
  if (created) await store.appendEvent(tx, { submissionId: row.id, action: 'created', fromStatus: null, toStatus: row.status, actorId });
  else checkWritable(o, action, locale);
  return row;
}

const auditRef = (o: Opened) => ({ form: o.form.code, orgUnit: o.unit.code, period: o.period.id });

// ---------------------------------------------------------------------------------------------
// Read

/** The submission as the entry grid shows it; creates nothing. */
export async function submissionView(q: Db | Tx, ctx: CommandContext, o: Opened, locale: Locale) {
  const s = o.submission;
  const staged = s ? await store.stagedValues(q, s.id) : new Map<number, store.StagedValue>();
  const stored = await store.storedValues(q, o.items.map((i) => i.indicator_id), o.unit.id, o.period.id);
  const events = s ? await store.eventsOf(q, s.id) : [];
  const users = await store.usersByIds(q, [s?.submitted_by ?? null, s?.decided_by ?? null]);
  const values = byCode(o, staged);
  const taskReport = await loadTaskReport(q, o.form.id, o.unit.id, s);
  // Approved task rows are applied history: they are not judged again against the tasks they changed.
  const taskProblems = s?.status === 'approved' ? [] : stagedTaskProblems(taskReport, o.unit.name, completionDate(s, o.today), locale);
  const problems = [...submitProblems(o, values, locale), ...taskProblems];
  const status = statusOf(o);
  const due = dueDate(scheduleOf(o.form), o.period);
  const window = reportingWindow(o.period, o.form.cutoff);
  const holds = new Map<Action, boolean>();
  for (const a of ['submission.write', 'submission.approve', 'submission.reopen'] as const) holds.set(a, await ctx.access.unitInScope(q, a, o.unit.id));
  const writable = o.form.active && o.period.start <= o.today;
  const actions = allowedActions(status, (a) => holds.get(a) === true).filter((a) => writable || (a !== 'save' && a !== 'submit'));
  const user = (id: number | null | undefined) => {
    const u = id ? users.get(id) : undefined;
    return u ? presentUser(u) : null;
  };
  const historyUrl = (code: string) =>
    `/api/v1/data-values/history?indicator=${encodeURIComponent(code)}&orgUnit=${encodeURIComponent(o.unit.code)}&period=${encodeURIComponent(o.period.id)}`;
  const received = s?.first_submitted_at ? reportingDate(new Date(s.first_submitted_at)) : null;
  return {
    form: { id: o.form.id, code: o.form.code, name: o.form.name, periodType: o.form.period_type, active: o.form.active },
    orgUnit: presentUnitRef(o.unit),
    period: presentPeriod(o.period, locale),
    window,
    dueDate: due,
    overdue: isOverdue(status, due, o.today),
    timeliness: timeliness(isLocked(status) ? received : null, due, o.today),
    status,
    locked: isLocked(status),
    actions,
    createdAt: isoOrNull(s?.created_at ?? null),
    updatedAt: isoOrNull(s?.updated_at ?? null),
    firstSubmittedAt: isoOrNull(s?.first_submitted_at ?? null),
    submittedAt: isoOrNull(s?.submitted_at ?? null),
    submittedBy: user(s?.submitted_by),
    decidedAt: isoOrNull(s?.decided_at ?? null),
    decidedBy: user(s?.decided_by),
    returnReason: s?.return_reason ?? null,
    items: o.items.map((i) => {
      const v = staged.get(i.indicator_id);
      const d = stored.get(i.indicator_id);
      return {
        indicator: { id: i.indicator_id, code: i.code, name: i.name, unit: i.unit, spaceAggregation: i.space_aggregation, decimals: i.decimals, minValue: i.min_value, maxValue: i.max_value },
        required: i.required,
        staged: v ? { value: v.value, numerator: v.numerator, denominator: v.denominator, comment: v.comment } : null,
        stored: d
          ? {
              value: d.value,
              numerator: d.numerator,
              denominator: d.denominator,
              comment: d.comment,
              source: d.source,
              updatedAt: new Date(d.updated_at).toISOString(),
              updatedBy: presentUser({ id: d.updated_by, username: d.username, full_name: d.full_name }),
            }
          : null,
        problems: problems.filter((p) => p.path === `items.${i.code}`).map((p) => p.message),
        history: historyUrl(i.code),
      };
    }),
    rules: o.rules.map((r, index) => ({
      id: r.id,
      expression: r.expression,
      message: r.message,
      problems: problems.filter((p) => p.path === `rules[${index}]`).map((p) => p.message),
    })),
    tasks: presentTaskRows(taskReport, problems, o.today),
    validation: { valid: problems.length === 0, problems },
    events: events.map((e) => ({
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      reason: e.reason,
      detail: e.detail ?? null,
      at: new Date(e.at).toISOString(),
      actor: presentUser({ id: e.actor_id, username: e.username, full_name: e.full_name }),
    })),
  };
}

export async function getSubmission(ctx: CommandContext, ref: SubmissionRef, locale: Locale) {
  const o = await openSubmission(ctx.db, ctx, ref, 'data.read', locale);
  return submissionView(ctx.db, ctx, o, locale);
}

// ---------------------------------------------------------------------------------------------
// Save and submit

async function applyPlan(tx: Tx, o: Opened, plan: Plan, actorId: number, action: 'save' | 'submit', locale: Locale): Promise<number> {
  const row = await ensureRow(tx, o, actorId, action, locale);
  return store.writeStaged(tx, row.id, plan.upserts, plan.deletes, actorId);
}

/**
 * Save draft values (the entry grid, the API, an uploaded template). Rows name items; a row with
 * nothing in it clears the item; items not named keep their value. Bad rows reject the whole save
 * (422, every problem listed). Missing required items and broken rules do not block a draft: the
 * answer's `validation` shows them, and submitting refuses them.
 */
export async function saveSubmission(
  ctx: CommandContext,
  ref: SubmissionRef,
  rows: ValueRow[],
  locale: Locale,
  options: { source?: 'api' | 'upload'; pathOf?: (index: number) => string; extraProblems?: FieldProblem[]; tasks?: TaskRowInput[] } = {},
) {
  const actor = ctx.access.signedIn;
  return ctx.db.transaction().execute(async (tx) => {
    const o = await openSubmission(tx, ctx, ref, 'submission.write', locale, true);
    const next = checkWritable(o, 'save', locale);
    const staged = o.submission ? await store.stagedValues(tx, o.submission.id) : new Map<number, store.StagedValue>();
    const plan = planValues(o, staged, rows, locale, options.pathOf ?? ((i) => `values[${i}]`));
    const taskRows = options.tasks ?? [];
    const report = await loadTaskReport(tx, o.form.id, o.unit.id, o.submission, taskRows.map((t) => t.task));
    const taskPlan = await planTaskRows(tx, ctx, o.unit, report, taskRows, completionDate(o.submission, o.today), locale);
    const problems = [...(options.extraProblems ?? []), ...plan.problems, ...taskPlan.problems];
    if (problems.length) throw new ProblemError(422, 'submission.invalid', { count: problems.length }, problems);
    const from = statusOf(o);
    const changed = (await applyPlan(tx, o, plan, actor.userId, 'save', locale)) + (await writeTaskPlan(tx, o.submission!.id, taskPlan, actor.userId));
    if (changed > 0 || from === 'not_started') {
      o.submission = await store.updateSubmission(tx, o.submission!.id, { status: next });
      if (changed > 0) await store.appendEvent(tx, { submissionId: o.submission.id, action: 'saved', fromStatus: from === 'not_started' ? null : from, toStatus: next, detail: { changed, via: options.source ?? 'api' }, actorId: actor.userId });
      await audit(tx, ctx, {
        action: options.source === 'upload' ? 'submission.upload' : 'submission.save',
        entityType: 'submission',
        entityId: o.submission.id,
        orgUnitId: o.unit.id,
        after: { ...auditRef(o), changed, status: next },
      });
    }
    return submissionView(tx, ctx, o, locale);
  });
}

/**
 * Submit for approval, optionally saving `rows` first in the same transaction. Every problem —
 * bad rows, required items without value, broken rules — is listed at once, and then nothing is
 * stored and the submission keeps its status.
 */
export async function submitSubmission(ctx: CommandContext, ref: SubmissionRef, rows: ValueRow[], locale: Locale, tasks: TaskRowInput[] = []) {
  const actor = ctx.access.signedIn;
  return ctx.db.transaction().execute(async (tx) => {
    const o = await openSubmission(tx, ctx, ref, 'submission.write', locale, true);
    const next = checkWritable(o, 'submit', locale);
    const staged = o.submission ? await store.stagedValues(tx, o.submission.id) : new Map<number, store.StagedValue>();
    const plan = planValues(o, staged, rows, locale, (i) => `values[${i}]`);
    const report = await loadTaskReport(tx, o.form.id, o.unit.id, o.submission, tasks.map((t) => t.task));
    const taskPlan = await planTaskRows(tx, ctx, o.unit, report, tasks, o.today, locale);
    const after: TaskReport = { tasks: report.tasks, staged: taskPlan.next };
    const problems = [
      ...plan.problems,
      ...taskPlan.problems,
      ...submitProblems(o, plan.next, locale),
      ...(taskPlan.problems.length ? [] : stagedTaskProblems(after, o.unit.name, o.today, locale)),
    ];
    if (problems.length) throw new ProblemError(422, 'submission.rejected', { count: problems.length }, problems);
    const from = statusOf(o);
    const changed = (await applyPlan(tx, o, plan, actor.userId, 'submit', locale)) + (await writeTaskPlan(tx, o.submission!.id, taskPlan, actor.userId));
    if (changed > 0) await store.appendEvent(tx, { submissionId: o.submission!.id, action: 'saved', fromStatus: from === 'not_started' ? null : from, toStatus: from === 'returned' ? 'returned' : 'draft', detail: { changed, via: 'api' }, actorId: actor.userId });
    const now = new Date();
    o.submission = await store.updateSubmission(tx, o.submission!.id, {
      status: next,
      submitted_at: now,
      submitted_by: actor.userId,
      first_submitted_at: o.submission!.first_submitted_at ?? now,
      return_reason: null,
    });
    await store.appendEvent(tx, { submissionId: o.submission.id, action: 'submitted', fromStatus: from === 'not_started' ? 'draft' : from, toStatus: next, actorId: actor.userId });
    await audit(tx, ctx, { action: 'submission.submit', entityType: 'submission', entityId: o.submission.id, orgUnitId: o.unit.id, after: { ...auditRef(o), status: next } });
    return submissionView(tx, ctx, o, locale);
  });
}

// ---------------------------------------------------------------------------------------------
// Decide

/**
 * Approve: the staged values become the unit's figures (data_values), in this transaction, with
 * source 'form' and the reporter who submitted as author; the rollups follow within a second.
 * A submission that no longer passes validation (the form's rules changed) must be returned.
 */
export async function approveSubmission(ctx: CommandContext, ref: SubmissionRef, locale: Locale) {
  const actor = ctx.access.signedIn;
  return ctx.db.transaction().execute(async (tx) => {
    const o = await openSubmission(tx, ctx, ref, 'submission.approve', locale, true);
    const next = checkWritable(o, 'approve', locale);
    const s = o.submission!;
    const report = await loadTaskReport(tx, o.form.id, o.unit.id, s);
    const completedOn = completionDate(s, o.today);
    const problems = [...submitProblems(o, byCode(o, await store.stagedValues(tx, s.id)), locale), ...stagedTaskProblems(report, o.unit.name, completedOn, locale)];
    if (problems.length) throw new ProblemError(422, 'submission.cannotApprove', { count: problems.length }, problems);
    const author = s.submitted_by ?? actor.userId;
    await sql`SELECT set_config('dxpulse.actor_id', ${String(author)}, true), set_config('dxpulse.source', 'form', true)`.execute(tx);
    const { written } = await store.publishStaged(tx, s, o.period, author);
    const defaultNote = translate('vi', 'submissionTask.defaultNote', { form: o.form.code, period: presentPeriod(o.period, 'vi').label });
    const tasks = await applyTaskRows(tx, ctx, s, report, defaultNote, completedOn);
    o.submission = await store.updateSubmission(tx, s.id, { status: next, decided_at: new Date(), decided_by: actor.userId, return_reason: null });
    await store.appendEvent(tx, { submissionId: s.id, action: 'approved', fromStatus: s.status, toStatus: next, detail: { written, tasks }, actorId: actor.userId });
    await audit(tx, ctx, { action: 'submission.approve', entityType: 'submission', entityId: s.id, orgUnitId: o.unit.id, after: { ...auditRef(o), status: next, written, tasks } });
    return submissionView(tx, ctx, o, locale);
  });
}

/** Return a submitted report to its unit with a reason (approver), or reopen an approved one (coordinator). */
async function sendBack(ctx: CommandContext, ref: SubmissionRef, reason: string, action: 'return' | 'reopen', locale: Locale) {
  const actor = ctx.access.signedIn;
  const text = reason.normalize('NFC').trim();
  return ctx.db.transaction().execute(async (tx) => {
    const o = await openSubmission(tx, ctx, ref, action === 'return' ? 'submission.approve' : 'submission.reopen', locale, true);
    const next = checkWritable(o, action, locale);
    const s = o.submission!;
    o.submission = await store.updateSubmission(tx, s.id, { status: next, decided_at: new Date(), decided_by: actor.userId, return_reason: text });
    await store.appendEvent(tx, { submissionId: s.id, action: action === 'return' ? 'returned' : 'reopened', fromStatus: s.status, toStatus: next, reason: text, actorId: actor.userId });
    await audit(tx, ctx, { action: `submission.${action}`, entityType: 'submission', entityId: s.id, orgUnitId: o.unit.id, before: { status: s.status }, after: { ...auditRef(o), status: next, reason: text } });
    return submissionView(tx, ctx, o, locale);
  });
}

export const returnSubmission = (ctx: CommandContext, ref: SubmissionRef, reason: string, locale: Locale) => sendBack(ctx, ref, reason, 'return', locale);
export const reopenSubmission = (ctx: CommandContext, ref: SubmissionRef, reason: string, locale: Locale) => sendBack(ctx, ref, reason, 'reopen', locale);
