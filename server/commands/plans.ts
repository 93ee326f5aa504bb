/**
 * Plan records: the document (kind, number, issuer, date, title, horizon) that targets come from.
 * A plan with an issuer is written by those with 'plan.write' over the issuer; one without an
 * issuer belongs to the shared catalogue (top-level grant). The full plan and task model comes later.
 */
import type { PlanKind } from '../../domain/plans.ts';
import { cleanName } from '../../domain/text.ts';
import type { Tx } from '../db/database.ts';
import { conflict, notFound, unprocessable } from '../http/problem.ts';
import { decodeCursor, encodeCursor, isCursorId } from '../presenters/cursor.ts';
import { auditPlan, presentPlan, presentTarget } from '../presenters/plans.ts';
import * as store from '../store/plans.ts';
import { listTargets } from '../store/targets.ts';
import { audit, type CommandContext } from './context.ts';
import { downloadFile, requireAttachable } from './files.ts';
import { requireTopLevel } from './indicators.ts';
import { tasksOfPlan } from './tasks.ts';

export interface PlanInput {
  kind: PlanKind;
  number: string;
  issuerUnitId?: number | null;
  issuedOn?: string | null;
  title: string;
  horizonYear?: number | null;
  /** The plan this one implements (a tree: central resolution → city plan → ward plan). */
  parentPlanId?: number | null;
  horizonFrom?: number | null;
  summary?: string | null;
  /** An uploaded file (POST /files) holding the original document. */
  documentFileId?: number | null;
}

/** The parent must exist and must not be the plan itself or one of its descendants. */
async function checkParent(tx: Tx, parentId: number | null | undefined, selfId?: number) {
  if (parentId == null) return;
  let cursor: number | null = parentId;
  for (let hops = 0; cursor !== null && hops < 50; hops++) {
    const row = await store.findPlan(tx, cursor);
    if (!row) throw notFound('plan.notFound', { id: cursor });
    if (row.id === selfId) throw unprocessable('plan.parentCycle');
    cursor = row.parent_plan_id;
  }
}

function checkHorizon(from: number | null | undefined, to: number | null | undefined) {
  if (from != null && to != null && from > to) throw unprocessable('plan.horizonOrder', { from, to });
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
  const id = await ctx.db.transaction().execute((tx) => createPlanIn(tx, ctx, input));
  return viewOf(ctx, id);
}

/**
 * createPlan inside the caller's transaction (publishing an imported document creates the plan, its
 * targets and tasks at once). `documentChecked`: the caller has checked the document file itself
 * (an import's file, uploaded by whoever started the import).
 */
export async function createPlanIn(tx: Tx, ctx: CommandContext, input: PlanInput, options: { documentChecked?: boolean } = {}): Promise<number> {
  const issuer = input.issuerUnitId ?? null;
  await requirePlanWrite(tx, ctx, issuer);
  const number = input.number.trim();
  await assertNumberFree(tx, number, issuer);
  await checkParent(tx, input.parentPlanId);
  checkHorizon(input.horizonFrom, input.horizonYear);
  const document =
    input.documentFileId == null ? null : options.documentChecked ? input.documentFileId : (await requireAttachable(tx, ctx, [input.documentFileId]))[0]!;
  const row = await store.insertPlan(tx, {
    kind: input.kind,
    number,
    issuer_unit_id: issuer,
    issued_on: input.issuedOn ?? null,
    title: cleanName(input.title),
    horizon_year: input.horizonYear ?? null,
    parent_plan_id: input.parentPlanId ?? null,
    horizon_from: input.horizonFrom ?? null,
    summary: input.summary?.trim() || null,
    document_file_id: document,
    created_by: ctx.access.signedIn.userId,
  });
  await audit(tx, ctx, { action: 'plan.create', entityType: 'plan', entityId: row.id, orgUnitId: issuer, after: auditPlan(row) });
  return row.id;
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
    if (input.parentPlanId !== undefined) await checkParent(tx, input.parentPlanId, id);
    checkHorizon(input.horizonFrom !== undefined ? input.horizonFrom : before.horizon_from, input.horizonYear !== undefined ? input.horizonYear : before.horizon_year);
    const document =
      input.documentFileId != null && input.documentFileId !== before.document_file_id ? (await requireAttachable(tx, ctx, [input.documentFileId]))[0]! : input.documentFileId;
    const after = await store.updatePlan(tx, id, {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      number,
      issuer_unit_id: issuer,
      ...(input.issuedOn !== undefined ? { issued_on: input.issuedOn } : {}),
      ...(input.title !== undefined ? { title: cleanName(input.title) } : {}),
      ...(input.horizonYear !== undefined ? { horizon_year: input.horizonYear } : {}),
      ...(input.parentPlanId !== undefined ? { parent_plan_id: input.parentPlanId } : {}),
      ...(input.horizonFrom !== undefined ? { horizon_from: input.horizonFrom } : {}),
      ...(input.summary !== undefined ? { summary: input.summary?.trim() || null } : {}),
      ...(document !== undefined ? { document_file_id: document } : {}),
    });
    const [b, a] = [auditPlan(before), auditPlan(after)];
    if (JSON.stringify(b) === JSON.stringify(a)) return;
    await audit(tx, ctx, { action: 'plan.update', entityType: 'plan', entityId: id, orgUnitId: after.issuer_unit_id, before: b, after: a });
  });
  return viewOf(ctx, id);
}

/**
 * The plan page: the plan, the plan it implements and those implementing it, its targets (also
 * counted by year and level) and its tasks in reading order.
 */
export async function getPlan(ctx: CommandContext, id: number) {
  const plan = await viewOf(ctx, id);
  const [targets, children, tasks] = await Promise.all([
    listTargets(ctx.db, { planId: id, limit: 10_000 }),
    store.childPlans(ctx.db, id),
    tasksOfPlan(ctx, id),
  ]);
  const byYearLevel = new Map<string, { year: number; level: string | null; count: number }>();
  for (const t of targets) {
    const key = `${t.year}/${t.level ?? ''}`;
    const entry = byYearLevel.get(key) ?? { year: t.year, level: t.level, count: 0 };
    entry.count++;
    byYearLevel.set(key, entry);
  }
  return {
    ...plan,
    children: children.map(presentPlan),
    targets: targets.map(presentTarget),
    targetsByYearAndLevel: [...byYearLevel.values()].sort((a, b) => a.year - b.year || String(a.level).localeCompare(String(b.level))),
    tasks,
  };
}

export interface ListPlansInput {
  q?: string;
  kind?: string;
  year?: number;
  issuer?: number;
  parent?: number;
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
    parentPlanId: input.parent,
    limit: limit + 1,
    beforeId: decodeCursor(input.cursor, isCursorId),
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(presentPlan), nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}

/** The original document of the plan, for plan readers. */
export async function planDocument(ctx: CommandContext, id: number) {
  const plan = await store.findPlan(ctx.db, id);
  if (!plan) throw notFound('plan.notFound', { id });
  if (plan.document_file_id === null) throw notFound('plan.noDocument', { number: plan.number });
  return downloadFile(ctx, plan.document_file_id);
}
