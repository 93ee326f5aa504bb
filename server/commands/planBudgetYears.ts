/**
 * The share of the local budget (issue 4, item 4; seed 004 I.10): per plan and year, the local
 * budget's total expenditure (tổng chi ngân sách địa phương) and the target share, against which the
 * money spent is measured — "0,57% (407,28 tỷ đồng/71.429 tỷ đồng) … so với mục tiêu 3%". The amount
 * spent is the figure the report states when one is recorded, otherwise what the plan's budget lines
 * disbursed in the year.
 */
import type { Db, Tx } from '../db/database.ts';
import { notFound } from '../http/problem.ts';
import { audit, type CommandContext } from './context.ts';
import { requireTopLevel } from './indicators.ts';
import { findPlanOr404 } from './tasks.ts';

export interface LocalShare {
  year: number;
  spent: number;
  /** reported: the figure recorded with the year; budgetLines: disbursed by the plan's tasks in the year. */
  spentSource: 'reported' | 'budgetLines';
  localBudgetTotal: number;
  /** spent / localBudgetTotal, in %, two decimals. */
  share: number;
  targetShare: number | null;
  /** targetShare − share, in percentage points, or null without a target. */
  gap: number | null;
  note: string | null;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The plan's local-budget share for the year, or null when no local budget total is recorded. */
export async function localShare(q: Db | Tx, planId: number, year: number, disbursedYear: number): Promise<LocalShare | null> {
  const row = await q.selectFrom('plan_budget_years').selectAll().where('plan_id', '=', planId).where('year', '=', year).executeTakeFirst();
  if (!row) return null;
  const total = Number(row.local_budget_total);
  const reported = num(row.spent);
  const spent = reported ?? disbursedYear;
  const share = round2((100 * spent) / total);
  const target = num(row.target_share);
  return {
    year,
    spent,
    spentSource: reported === null ? 'budgetLines' : 'reported',
    localBudgetTotal: total,
    share,
    targetShare: target,
    gap: target === null ? null : round2(target - share),
    note: row.note,
  };
}

export interface BudgetYearInput {
  localBudgetTotal: number;
  targetShare?: number | null;
  spent?: number | null;
  note?: string | null;
}

/** Record (or replace) the year's local budget total, target and reported spending; 'plan.write' over the plan's issuer. */
export async function setPlanBudgetYear(ctx: CommandContext, planId: number, year: number, input: BudgetYearInput) {
  await ctx.db.transaction().execute(async (tx) => {
    const plan = await findPlanOr404(tx, planId);
    if (plan.issuer_unit_id === null) await requireTopLevel(tx, ctx, 'plan.write');
    else await ctx.access.requireUnit(tx, 'plan.write', plan.issuer_unit_id);
    const before = await tx.selectFrom('plan_budget_years').select(['local_budget_total', 'target_share', 'spent', 'note']).where('plan_id', '=', planId).where('year', '=', year).executeTakeFirst();
    const values = {
      local_budget_total: input.localBudgetTotal,
      target_share: input.targetShare ?? null,
      spent: input.spent ?? null,
      note: input.note?.trim() || null,
      updated_by: ctx.access.signedIn.userId,
      updated_at: new Date(),
    };
    await tx
      .insertInto('plan_budget_years')
      .values({ plan_id: planId, year, ...values })
      .onConflict((oc) => oc.columns(['plan_id', 'year']).doUpdateSet(values))
      .execute();
    await audit(tx, ctx, {
      action: 'plan.budgetYear',
      entityType: 'plan',
      entityId: planId,
      orgUnitId: plan.issuer_unit_id,
      before: before ? { year, localBudgetTotal: Number(before.local_budget_total), targetShare: num(before.target_share), spent: num(before.spent), note: before.note } : null,
      after: { year, localBudgetTotal: input.localBudgetTotal, targetShare: values.target_share, spent: values.spent, note: values.note },
    });
  });
}

/** Remove the year's record; 404 when there is none. */
export async function deletePlanBudgetYear(ctx: CommandContext, planId: number, year: number) {
  await ctx.db.transaction().execute(async (tx) => {
    const plan = await findPlanOr404(tx, planId);
    if (plan.issuer_unit_id === null) await requireTopLevel(tx, ctx, 'plan.write');
    else await ctx.access.requireUnit(tx, 'plan.write', plan.issuer_unit_id);
    const gone = await tx.deleteFrom('plan_budget_years').where('plan_id', '=', planId).where('year', '=', year).returningAll().executeTakeFirst();
    if (!gone) throw notFound('planBudgetYear.notSet', { year });
    await audit(tx, ctx, { action: 'plan.budgetYear.delete', entityType: 'plan', entityId: planId, orgUnitId: plan.issuer_unit_id, before: { year, localBudgetTotal: Number(gone.local_budget_total) } });
  });
}
