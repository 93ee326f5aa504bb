/**
 * The reporting views around submissions: a unit's inbox (what is owed, by when), an approver's
 * queue, compliance of a form for a period (completeness and timeliness per unit), and the history
 * of one stored value.
 */
import { sql } from 'kysely';
import { carriedOver, dueDate, inboxPeriods, isOverdue, isReceived, reportingDate, timeliness, type InboxStatus, type Timeliness } from '../../domain/forms.ts';
import { comparePeriods, parsePeriod, periodLabel, tryParsePeriod, type Period } from '../../domain/periods.ts';
import type { Action } from '../../domain/roles.ts';
import type { Locale } from '../http/messages.ts';
import { badRequest, forbidden, notFound, unprocessable } from '../http/problem.ts';
import { presentUser } from '../presenters/forms.ts';
import * as forms from '../store/forms.ts';
import type { CommandContext } from './context.ts';
import { periodWord } from './forms.ts';
import { todayInVietnam } from './reportingClock.ts';
import { scheduleOf } from './submissions.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The unit a listing is narrowed to (404 unknown, 403 outside the scope of `action`), or none. */
async function anchorUnit(ctx: CommandContext, code: string | undefined, action: Action) {
  if (code === undefined) return undefined;
  const unit = (await forms.unitsByCodes(ctx.db, [code])).get(code);
  if (!unit) throw notFound('submission.unknownUnit', { code });
  await ctx.access.requireUnit(ctx.db, action, unit.id);
  return unit;
}

/** Units in the caller's scope for the action (and under the anchor, when given), as an SQL condition on `column`. */
function inScope(column: string, roots: number[], anchorId: number | undefined) {
  const rootsCond = sql`${sql.ref(column)} IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ANY(${roots}::bigint[]))`;
  return anchorId === undefined
    ? rootsCond
    : sql`${rootsCond} AND ${sql.ref(column)} IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ${anchorId}::bigint)`;
}

const STATUS_ORDER: Record<InboxStatus, number> = { returned: 0, not_started: 1, draft: 2, submitted: 3, approved: 4 };

export interface InboxInput {
  orgUnit?: string;
  form?: string;
  status?: InboxStatus;
  limit?: number;
}

/**
 * Every report the caller owes or has sent: each active form assigned to a unit the caller reports
 * for (in its 'submission.write' scope, under `orgUnit` when given) × each period that has begun and
 * is due this year, or was due last year and is still owed (domain/forms.ts inboxPeriods,
 * carriedOver), with its status, due date and whether it is overdue. Overdue first, then by due date.
 */
export async function inbox(ctx: CommandContext, input: InboxInput, locale: Locale) {
  const roots = ctx.access.scopeRoots('submission.write');
  if (roots.length === 0) throw forbidden();
  const anchor = await anchorUnit(ctx, input.orgUnit, 'submission.write');
  const today = todayInVietnam();
  let formRows = (await forms.listForms(ctx.db, { includeInactive: false, limit: 10_000 })).filter((f) => !input.form || f.code.toLowerCase() === input.form.toLowerCase());
  if (input.form && formRows.length === 0) throw notFound('form.notFound', { code: input.form });
  const periodsByForm = new Map<number, Period[]>();
  for (const f of formRows) {
    const first = f.first_period ? (tryParsePeriod(f.first_period) ?? null) : null;
    periodsByForm.set(f.id, inboxPeriods(scheduleOf(f), first, today));
  }
  formRows = formRows.filter((f) => periodsByForm.get(f.id)!.length > 0);
  const pairs = formRows.flatMap((f) => periodsByForm.get(f.id)!.map((p) => [f.id, p.id] as const));
  if (pairs.length === 0) return { today, total: 0, items: [] };
  const rows = await sql<{
    form_id: number;
    org_unit_id: number;
    code: string;
    name: string;
    period_id: string;
    status: InboxStatus | null;
    submitted_at: Date | null;
    first_submitted_at: Date | null;
    updated_at: Date | null;
    return_reason: string | null;
  }>`
    SELECT a.form_id, a.org_unit_id, u.code, u.name, p.period_id, s.status, s.submitted_at, s.first_submitted_at, s.updated_at, s.return_reason
      FROM (${forms.assignedUnits({ formIds: formRows.map((f) => f.id) })}) a
      JOIN unnest(${pairs.map((p) => p[0])}::bigint[], ${pairs.map((p) => p[1])}::text[]) AS p(form_id, period_id) ON p.form_id = a.form_id
      JOIN org_units u ON u.id = a.org_unit_id
      LEFT JOIN submissions s ON s.form_id = a.form_id AND s.org_unit_id = a.org_unit_id AND s.period_id = p.period_id
     WHERE ${inScope('a.org_unit_id', roots, anchor?.id)}`.execute(ctx.db);
  const formById = new Map(formRows.map((f) => [f.id, f]));
  const periodById = new Map(formRows.flatMap((f) => periodsByForm.get(f.id)!.map((p) => [p.id, p] as const)));
  const items = rows.rows
    .map((r) => {
      const f = formById.get(r.form_id)!;
      const p = periodById.get(r.period_id)!;
      const status: InboxStatus = r.status ?? 'not_started';
      const due = dueDate(scheduleOf(f), p);
      return {
        form: { id: f.id, code: f.code, name: f.name, periodType: f.period_type },
        orgUnit: { id: r.org_unit_id, code: r.code, name: r.name },
        period: { id: p.id, label: periodLabel(p, locale), start: p.start, end: p.end },
        status,
        dueDate: due,
        overdue: isOverdue(status, due, today),
        submittedAt: iso(r.submitted_at),
        updatedAt: iso(r.updated_at),
        returnReason: r.return_reason,
        _period: p,
      };
    })
    .filter((i) => !(isReceived(i.status) && carriedOver(scheduleOf(formById.get(i.form.id)!), i._period, today)))
    .filter((i) => !input.status || i.status === input.status)
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) ||
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        a.form.code.localeCompare(b.form.code) ||
        a.orgUnit.name.localeCompare(b.orgUnit.name, 'vi') ||
        comparePeriods(a._period, b._period),
    );
  const limit = input.limit ?? 500;
  return {
    today,
    total: items.length,
    overdue: items.filter((i) => i.overdue).length,
    items: items.slice(0, limit).map(({ _period, ...rest }) => rest),
  };
}

export interface ApprovalsInput {
  orgUnit?: string;
  form?: string;
  limit?: number;
}

/** Submitted reports waiting for a decision in the caller's 'submission.approve' scope, oldest first. */
export async function approvals(ctx: CommandContext, input: ApprovalsInput, locale: Locale) {
  const roots = ctx.access.scopeRoots('submission.approve');
  if (roots.length === 0) throw forbidden();
  const anchor = await anchorUnit(ctx, input.orgUnit, 'submission.approve');
  const today = todayInVietnam();
  const limit = input.limit ?? 200;
  const rows = await sql<{
    id: number;
    form_id: number;
    org_unit_id: number;
    unit_code: string;
    unit_name: string;
    period_id: string;
    submitted_at: Date;
    first_submitted_at: Date;
    submitted_by: number | null;
    username: string | null;
    full_name: string | null;
  }>`
    SELECT s.id, s.form_id, s.org_unit_id, u.code AS unit_code, u.name AS unit_name, s.period_id, s.submitted_at, s.first_submitted_at,
           s.submitted_by, us.username, us.full_name
      FROM submissions s
      JOIN org_units u ON u.id = s.org_unit_id
      JOIN report_forms f ON f.id = s.form_id
      LEFT JOIN users us ON us.id = s.submitted_by
     WHERE s.status = 'submitted' AND ${inScope('s.org_unit_id', roots, anchor?.id)}
       ${input.form ? sql`AND lower(f.code) = ${input.form.toLowerCase()}` : sql``}
     ORDER BY s.submitted_at, s.id
     LIMIT ${limit + 1}`.execute(ctx.db);
  const formIds = [...new Set(rows.rows.map((r) => r.form_id))];
  const formViews = new Map<number, forms.FormView>();
  for (const id of formIds) formViews.set(id, (await forms.findFormView(ctx.db, id))!);
  const page = rows.rows.slice(0, limit);
  return {
    items: page.map((r) => {
      const f = formViews.get(r.form_id)!;
      const p = parsePeriod(r.period_id);
      const due = dueDate(scheduleOf(f), p);
      return {
        form: { id: f.id, code: f.code, name: f.name, periodType: f.period_type },
        orgUnit: { id: r.org_unit_id, code: r.unit_code, name: r.unit_name },
        period: { id: p.id, label: periodLabel(p, locale), start: p.start, end: p.end },
        dueDate: due,
        submittedAt: iso(r.submitted_at)!,
        submittedBy: presentUser({ id: r.submitted_by, username: r.username, full_name: r.full_name }),
        timeliness: timeliness(reportingDate(new Date(r.first_submitted_at)), due, today),
      };
    }),
    truncated: rows.rows.length > limit,
  };
}

export interface ComplianceInput {
  form: string;
  period: string;
  orgUnit: string;
  asOf?: string;
}

/**
 * Reporting compliance of a form for a period under a unit: each unit expected to report (assigned
 * and open) with its status, first submission and timeliness, and the totals — completeness (reports
 * received, i.e. submitted or approved, over reports expected) and timeliness (received on time over
 * expected), in %. `asOf` (default today) is the date at which an unsent report counts as missing.
 */
export async function compliance(ctx: CommandContext, input: ComplianceInput, locale: Locale) {
  const form = await forms.findFormByCode(ctx.db, input.form);
  if (!form) throw notFound('form.notFound', { code: input.form });
  const period = tryParsePeriod(input.period);
  if (!period) throw badRequest('submission.invalidPeriod', { period: input.period });
  const anchor = (await anchorUnit(ctx, input.orgUnit, 'data.read'))!;
  if (period.type !== form.period_type)
    throw unprocessable('submission.wrongPeriodType', { form: form.code, period: period.id, expected: periodWord(locale, form.period_type), actual: periodWord(locale, period.type) });
  const asOf = input.asOf ?? todayInVietnam();
  const due = dueDate(scheduleOf(form), period);
  const rows = await sql<{
    org_unit_id: number;
    code: string;
    name: string;
    kind: string;
    status: InboxStatus | null;
    first_submitted_at: Date | null;
    submitted_at: Date | null;
    decided_at: Date | null;
  }>`
    SELECT a.org_unit_id, u.code, u.name, u.kind, s.status, s.first_submitted_at, s.submitted_at, s.decided_at
      FROM (${forms.assignedUnits({ formIds: [form.id] })}) a
      JOIN org_units u ON u.id = a.org_unit_id
      LEFT JOIN submissions s ON s.form_id = a.form_id AND s.org_unit_id = a.org_unit_id AND s.period_id = ${period.id}
     WHERE a.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ${anchor.id}::bigint)
     ORDER BY u.search_key`.execute(ctx.db);
  const counts: Record<Timeliness, number> = { on_time: 0, late: 0, missing: 0, pending: 0 };
  let received = 0;
  let approved = 0;
  const items = rows.rows.map((r) => {
    const status: InboxStatus = r.status ?? 'not_started';
    const got = isReceived(status);
    const firstOn = got && r.first_submitted_at ? reportingDate(new Date(r.first_submitted_at)) : null;
    const t = timeliness(firstOn, due, asOf);
    counts[t]++;
    if (got) received++;
    if (status === 'approved') approved++;
    return {
      orgUnit: { id: r.org_unit_id, code: r.code, name: r.name, kind: r.kind },
      status,
      firstSubmittedAt: iso(r.first_submitted_at),
      submittedAt: iso(r.submitted_at),
      decidedAt: iso(r.decided_at),
      timeliness: t,
    };
  });
  const expected = items.length;
  const pct = (n: number) => (expected === 0 ? null : Math.round((10_000 * n) / expected) / 100);
  return {
    form: { id: form.id, code: form.code, name: form.name, periodType: form.period_type },
    period: { id: period.id, label: periodLabel(period, locale), start: period.start, end: period.end },
    orgUnit: { id: anchor.id, code: anchor.code, name: anchor.name },
    dueDate: due,
    asOf,
    totals: {
      expected,
      received,
      approved,
      onTime: counts.on_time,
      late: counts.late,
      missing: counts.missing,
      pending: counts.pending,
      completeness: pct(received),
      timeliness: pct(counts.on_time),
    },
    items,
  };
}

export interface HistoryInput {
  indicator: string;
  orgUnit: string;
  period: string;
}

/** The history of one stored value (indicator × unit × period), newest first: who, when, what it was, and how it came. */
export async function cellHistory(ctx: CommandContext, input: HistoryInput) {
  const indicator = await ctx.db
    .selectFrom('indicators')
    .select(['id', 'code', 'name', 'unit', 'space_aggregation'])
    .where(sql`lower(code)`, '=', input.indicator.toLowerCase())
    .executeTakeFirst();
  if (!indicator) throw notFound('dataValue.unknownIndicator', { code: input.indicator });
  const period = tryParsePeriod(input.period);
  if (!period) throw badRequest('dataValue.invalidPeriod', { period: input.period });
  const unit = (await forms.unitsByCodes(ctx.db, [input.orgUnit])).get(input.orgUnit);
  if (!unit) throw notFound('dataValue.unknownUnit', { code: input.orgUnit });
  await ctx.access.requireUnit(ctx.db, 'data.read', unit.id);
  const current = await ctx.db
    .selectFrom('data_values as d')
    .leftJoin('users as u', 'u.id', 'd.updated_by')
    .select(['d.value', 'd.numerator', 'd.denominator', 'd.comment', 'd.source', 'd.updated_at', 'd.updated_by', 'u.username', 'u.full_name'])
    .where('d.indicator_id', '=', indicator.id)
    .where('d.org_unit_id', '=', unit.id)
    .where('d.period_id', '=', period.id)
    .executeTakeFirst();
  const history = await ctx.db
    .selectFrom('data_value_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select([
      'h.id',
      'h.action',
      'h.value',
      'h.numerator',
      'h.denominator',
      'h.previous_value',
      'h.previous_numerator',
      'h.previous_denominator',
      'h.comment',
      'h.source',
      'h.changed_at',
      'h.changed_by',
      'u.username',
      'u.full_name',
    ])
    .where('h.indicator_id', '=', indicator.id)
    .where('h.org_unit_id', '=', unit.id)
    .where('h.period_id', '=', period.id)
    .orderBy('h.id', 'desc')
    .limit(1000)
    .execute();
  return {
    indicator: { id: indicator.id, code: indicator.code, name: indicator.name, unit: indicator.unit },
    orgUnit: { id: unit.id, code: unit.code, name: unit.name },
    period: period.id,
    current: current
      ? {
          value: current.value,
          numerator: current.numerator,
          denominator: current.denominator,
          comment: current.comment,
          source: current.source,
          updatedAt: iso(current.updated_at)!,
          updatedBy: presentUser({ id: current.updated_by, username: current.username, full_name: current.full_name }),
        }
      : null,
    items: history.map((h) => ({
      id: h.id,
      action: h.action,
      value: h.value,
      numerator: h.numerator,
      denominator: h.denominator,
      previousValue: h.previous_value,
      previousNumerator: h.previous_numerator,
      previousDenominator: h.previous_denominator,
      comment: h.comment,
      source: h.source,
      changedAt: iso(h.changed_at)!,
      changedBy: presentUser({ id: h.changed_by, username: h.username, full_name: h.full_name }),
    })),
  };
}
