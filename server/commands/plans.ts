/**
 * Plan records: the document (kind, number, issuer, date, title, horizon) that targets come from.
 * A plan with an issuer is written by those with 'plan.write' over the issuer; one without an
 * issuer belongs to the shared catalogue (top-level grant). The full plan and task model comes later.
 */
import type { PlanKind } from '../../domain/plans.ts';
import { cleanName } from '../../domain/text.ts';
import type { Tx } from '../db/database.ts';
import { conflict, notFound } from '../http/problem.ts';
import { decodeCursor, encodeCursor, isCursorId } from '../presenters/cursor.ts';
import { auditPlan, presentPlan, presentTarget } from '../presenters/plans.ts';
import * as store from '../store/plans.ts';
import { listTargets } from '../store/targets.ts';
import { audit, type CommandContext } from './context.ts';
import { requireTopLevel } from './indicators.ts';

export interface PlanInput {
  kind: PlanKind;
  number: string;
  issuerUnitId?: number | null;
  issuedOn?: string | null;
  title: string;
  horizonYear?: number | null;
}

async function requirePlanWrite(tx: Tx, ctx: CommandContext, issuerUnitId: number | null) {
  if (issuerUnitId === null) return requireTopLevel(tx, ctx, 'plan.write');
  const unit = await tx.selectFrom('org_units').select('id').where('id', '=', issuerUnitId).executeTakeFirst();
  if (!unit) throw notFound('plan.issuerNotFound', { id: issuerUnitId });
  await ctx.access.requireUnit(tx, 'plan.write', issuerUnitId);
}

async function assertNumberFree(tx: Tx, number: string, issuerUnitId: number | null, exceptId?: number) {
  const holder = await store.findPlanByNumber(tx, number, issuerUnitId);
  if (holder && holder.id !== exceptId) throw conflict('plan.numberTaken', { number: holder.number });
}

async function viewOf(ctx: Pick<CommandContext, 'db'>, id: number) {
  const plan = await store.findPlanView(ctx.db, id);
  if (!plan) throw notFound('plan.notFound', { id });
  return presentPlan(plan);
}

export async function createPlan(ctx: CommandContext, input: PlanInput) {
  const id = await ctx.db.transaction().execute(async (tx) => {
    const issuer = input.issuerUnitId ?? null;
    await requirePlanWrite(tx, ctx, issuer);
    const number = input.number.trim();
    await assertNumberFree(tx, number, issuer);
    const row = await store.insertPlan(tx, {
      kind: input.kind,
      number,
      issuer_unit_id: issuer,
      issued_on: input.issuedOn ?? null,
      title: cleanName(input.title),
      horizon_year: input.horizonYear ?? null,
    });
    await audit(tx, ctx, { action: 'plan.create', entityType: 'plan', entityId: row.id, orgUnitId: issuer, after: auditPlan(row) });
    return row.id;
  });
  return viewOf(ctx, id);
}

export async function updatePlan(ctx: CommandContext, id: number, input: Partial<PlanInput>) {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await store.findPlan(tx, id);
    if (!before) throw notFound('plan.notFound', { id });
    await requirePlanWrite(tx, ctx, before.issuer_unit_id);
    const issuer = input.issuerUnitId !== undefined ? input.issuerUnitId : before.issuer_unit_id;
    if (issuer !== before.issuer_unit_id) await requirePlanWrite(tx, ctx, issuer);
    const number = input.number !== undefined ? input.number.trim() : before.number;
    if (number.toLowerCase() !== before.number.toLowerCase() || issuer !== before.issuer_unit_id) await assertNumberFree(tx, number, issuer, id);
    const after = await store.updatePlan(tx, id, {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      number,
      issuer_unit_id: issuer,
      ...(input.issuedOn !== undefined ? { issued_on: input.issuedOn } : {}),
      ...(input.title !== undefined ? { title: cleanName(input.title) } : {}),
      ...(input.horizonYear !== undefined ? { horizon_year: input.horizonYear } : {}),
    });
    const [b, a] = [auditPlan(before), auditPlan(after)];
    if (JSON.stringify(b) === JSON.stringify(a)) return;
    await audit(tx, ctx, { action: 'plan.update', entityType: 'plan', entityId: id, orgUnitId: after.issuer_unit_id, before: b, after: a });
  });
  return viewOf(ctx, id);
}

/** The plan with all its targets. */
export async function getPlan(ctx: CommandContext, id: number) {
  const plan = await viewOf(ctx, id);
  const targets = await listTargets(ctx.db, { planId: id, limit: 10_000 });
  return { ...plan, targets: targets.map(presentTarget) };
}

export interface ListPlansInput {
  q?: string;
  kind?: string;
  year?: number;
  issuer?: number;
  limit?: number;
  cursor?: string;
}

export async function listPlans(ctx: CommandContext, input: ListPlansInput) {
  const limit = input.limit ?? 50;
  const rows = await store.listPlans(ctx.db, {
    text: input.q?.trim() || undefined,
    kind: input.kind,
    horizonYear: input.year,
    issuerUnitId: input.issuer,
    limit: limit + 1,
    beforeId: decodeCursor(input.cursor, isCursorId),
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(presentPlan), nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
