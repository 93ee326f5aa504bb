/**
 * Targets: create, change, delete and cascade, each in one transaction, scope-checked on the
 * target's unit ('target.write') and audited. A cascade copies a target to every open unit of a
 * level under its unit (the city's 80% becomes each ward's 80%, as in the table of seed 003); the
 * copies point at their parent and are independent afterwards.
 */
import type { Comparator, TargetLevel, TargetScope } from '../../domain/targets.ts';
import type { Tx } from '../db/database.ts';
import { translate, type Locale, type MessageKey } from '../http/messages.ts';
import { ProblemError, notFound, unprocessable, type FieldProblem } from '../http/problem.ts';
import { decodeCursor, encodeCursor, isCursorId } from '../presenters/cursor.ts';
import { auditTarget, presentTarget } from '../presenters/plans.ts';
import { findIndicatorByRef } from '../store/indicators.ts';
import { findPlan } from '../store/plans.ts';
import type { IndicatorRow, TargetRow } from '../store/schema.ts';
import * as store from '../store/targets.ts';
import { audit, type CommandContext } from './context.ts';

export interface TargetInput {
  planId?: number | null;
  indicator: string | number;
  scope: TargetScope;
  orgUnitId: number;
  level?: TargetLevel | null;
  year: number;
  comparator?: Comparator;
  value: number;
  valueMax?: number | null;
  parentTargetId?: number | null;
  note?: string | null;
}

export interface TargetPatch {
  planId?: number | null;
  year?: number;
  comparator?: Comparator;
  value?: number;
  valueMax?: number | null;
  note?: string | null;
}

/** Rules across fields of the body: a range needs its upper bound, a level scope its level. 400 listing each. */
function checkShape(
  t: { scope: TargetScope; level: TargetLevel | null; comparator: Comparator; value: number; valueMax: number | null },
  locale: Locale,
) {
  const problems: FieldProblem[] = [];
  const say = (path: string, key: MessageKey, params: Record<string, string | number> = {}) =>
    problems.push({ path, message: translate(locale, key, params) });
  if (t.comparator === 'between') {
    if (t.valueMax === null) say('body.valueMax', 'target.betweenNeedsMax');
    else if (t.valueMax < t.value) say('body.valueMax', 'target.rangeInverted', { min: t.value, max: t.valueMax });
  } else if (t.valueMax !== null) say('body.valueMax', 'target.maxOnlyForBetween');
  if (t.scope === 'level' && t.level === null) say('body.level', 'target.levelRequired');
  if (t.scope === 'unit' && t.level !== null) say('body.level', 'target.levelOnlyForLevelScope');
  if (problems.length === 1) throw new ProblemError(400, 'validation.detail', { message: problems[0]!.message }, problems);
  if (problems.length) throw new ProblemError(400, 'validation', {}, problems);
}

/** A target's value must be one the indicator can take (a % target of 150 is a typing error). */
function checkRange(indicator: IndicatorRow, value: number, valueMax: number | null) {
  const { min_value: min, max_value: max } = indicator;
  for (const v of valueMax === null ? [value] : [value, valueMax]) {
    if ((min !== null && v < min) || (max !== null && v > max)) {
      throw unprocessable('target.outOfRange', { value: v, code: indicator.code, min: min ?? '−∞', max: max ?? '+∞' });
    }
  }
}

async function requirePlan(tx: Tx, planId: number | null | undefined) {
  if (planId == null) return;
  if (!(await findPlan(tx, planId))) throw notFound('target.planNotFound', { id: planId });
}

async function openTarget(tx: Tx, id: number, lock = false): Promise<TargetRow> {
  const row = await store.findTarget(tx, id, { lock });
  if (!row) throw notFound('target.notFound', { id });
  return row;
}

async function viewOf(ctx: Pick<CommandContext, 'db'>, id: number) {
  const [view] = await store.findTargetViews(ctx.db, [id]);
  if (!view) throw notFound('target.notFound', { id });
  return presentTarget(view);
}

export async function createTarget(ctx: CommandContext, input: TargetInput, locale: Locale) {
  const id = await ctx.db.transaction().execute((tx) => createTargetIn(tx, ctx, input, locale));
  return viewOf(ctx, id);
}

/** createTarget inside the caller's transaction (publishing an imported plan); the new target's id. */
export async function createTargetIn(tx: Tx, ctx: CommandContext, input: TargetInput, locale: Locale): Promise<number> {
  const level = input.level ?? null;
  const comparator = input.comparator ?? '>=';
  const valueMax = input.valueMax ?? null;
  checkShape({ scope: input.scope, level, comparator, value: input.value, valueMax }, locale);
  const indicator = await findIndicatorByRef(tx, input.indicator);
  if (!indicator) throw notFound('target.indicatorNotFound', { ref: input.indicator });
  // 404 for an unknown unit, 403 outside the caller's subtree.
  await ctx.access.requireUnit(tx, 'target.write', input.orgUnitId);
  const unit = await tx.selectFrom('org_units').select(['id', 'name', 'closed_on']).where('id', '=', input.orgUnitId).executeTakeFirstOrThrow();
  if (unit.closed_on) throw unprocessable('target.unitClosed', { name: unit.name });
  if (indicator.archived_at) throw unprocessable('target.indicatorArchived', { code: indicator.code });
  checkRange(indicator, input.value, valueMax);
  await requirePlan(tx, input.planId);
  if (input.parentTargetId != null) {
    const parent = await store.findTarget(tx, input.parentTargetId);
    if (!parent) throw notFound('target.parentNotFound', { id: input.parentTargetId });
    if (parent.indicator_id !== indicator.id) throw unprocessable('target.parentIndicator', { id: parent.id });
    const above = await tx
      .selectFrom('org_unit_closure')
      .select('depth')
      .where('ancestor_id', '=', parent.org_unit_id)
      .where('descendant_id', '=', unit.id)
      .executeTakeFirst();
    if (!above) throw unprocessable('target.parentUnit', { id: parent.id, name: unit.name });
  }
  const row = await store.insertTarget(tx, {
    plan_id: input.planId ?? null,
    indicator_id: indicator.id,
    scope: input.scope,
    org_unit_id: unit.id,
    level,
    year: input.year,
    comparator,
    value: input.value,
    value_max: valueMax,
    parent_target_id: input.parentTargetId ?? null,
    note: input.note?.trim() || null,
  });
  await audit(tx, ctx, { action: 'target.create', entityType: 'target', entityId: row.id, orgUnitId: unit.id, after: auditTarget(row) });
  return row.id;
}

export async function updateTarget(ctx: CommandContext, id: number, patch: TargetPatch, locale: Locale) {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await openTarget(tx, id);
    await ctx.access.requireUnit(tx, 'target.write', before.org_unit_id);
    const next = {
      plan_id: patch.planId !== undefined ? patch.planId : before.plan_id,
      year: patch.year ?? before.year,
      comparator: patch.comparator ?? before.comparator,
      value: patch.value ?? before.value,
      // Leaving 'between' drops the upper bound unless the patch sets one.
      value_max:
        patch.valueMax !== undefined ? patch.valueMax : patch.comparator !== undefined && patch.comparator !== 'between' ? null : before.value_max,
      note: patch.note !== undefined ? patch.note?.trim() || null : before.note,
    };
    checkShape({ scope: before.scope, level: before.level, comparator: next.comparator, value: next.value, valueMax: next.value_max }, locale);
    const indicator = (await findIndicatorByRef(tx, before.indicator_id))!;
    checkRange(indicator, next.value, next.value_max);
    if (next.plan_id !== before.plan_id) await requirePlan(tx, next.plan_id);
    const after = await store.updateTarget(tx, id, next);
    const [b, a] = [auditTarget(before), auditTarget(after)];
    if (JSON.stringify(b) === JSON.stringify(a)) return;
    await audit(tx, ctx, { action: 'target.update', entityType: 'target', entityId: id, orgUnitId: before.org_unit_id, before: b, after: a });
  });
  return viewOf(ctx, id);
}

/** Delete a target; targets derived from it keep their values and lose the link (ON DELETE SET NULL). */
export async function deleteTarget(ctx: CommandContext, id: number) {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await openTarget(tx, id);
    await ctx.access.requireUnit(tx, 'target.write', before.org_unit_id);
    await store.deleteTarget(tx, id);
    await audit(tx, ctx, { action: 'target.delete', entityType: 'target', entityId: id, orgUnitId: before.org_unit_id, before: auditTarget(before) });
  });
}

/**
 * One child target per open unit of the level under the target's unit, with the same indicator,
 * year, plan, comparator and values. Units that already hold a child of this target are skipped,
 * so a cascade can be repeated after new units appear.
 */
export async function cascadeTarget(ctx: CommandContext, id: number, level: TargetLevel, locale: Locale) {
  const createdIds = await ctx.db.transaction().execute(async (tx) => {
    const parent = await openTarget(tx, id, true);
    await ctx.access.requireUnit(tx, 'target.write', parent.org_unit_id);
    const units = await store.openUnitsOfLevelUnder(tx, parent.org_unit_id, level);
    if (units.length === 0) {
      const anchor = await tx.selectFrom('org_units').select('name').where('id', '=', parent.org_unit_id).executeTakeFirstOrThrow();
      throw unprocessable('target.cascadeLevel', { level: translate(locale, `targetLevel.${level}` as MessageKey), name: anchor.name });
    }
    const existing = await store.childTargetUnits(tx, id);
    const rows = await store.insertTargets(
      tx,
      units
        .filter((u) => !existing.has(u.id))
        .map((u) => ({
          plan_id: parent.plan_id,
          indicator_id: parent.indicator_id,
          scope: 'unit' as const,
          org_unit_id: u.id,
          level: null,
          year: parent.year,
          comparator: parent.comparator,
          value: parent.value,
          value_max: parent.value_max,
          parent_target_id: parent.id,
          note: null,
        })),
    );
    if (rows.length) {
      await audit(tx, ctx, {
        action: 'target.cascade',
        entityType: 'target',
        entityId: id,
        orgUnitId: parent.org_unit_id,
        after: { level, created: rows.map((r) => ({ id: r.id, orgUnitId: r.org_unit_id })) },
      });
    }
    return { ids: rows.map((r) => r.id), skipped: units.length - rows.length };
  });
  const views = await store.findTargetViews(ctx.db, createdIds.ids);
  return { created: views.length, skipped: createdIds.skipped, items: views.map(presentTarget) };
}

export async function getTarget(ctx: CommandContext, id: number) {
  return viewOf(ctx, id);
}

export interface ListTargetsInput {
  indicator?: string;
  plan?: number;
  year?: number;
  orgUnit?: number;
  applicable?: boolean;
  limit?: number;
  cursor?: string;
}

export async function listTargets(ctx: CommandContext, input: ListTargetsInput) {
  const limit = input.limit ?? 100;
  let indicatorId: number | undefined;
  if (input.indicator !== undefined) {
    const indicator = await findIndicatorByRef(ctx.db, input.indicator);
    if (!indicator) throw notFound('target.indicatorNotFound', { ref: input.indicator });
    indicatorId = indicator.id;
  }
  const rows = await store.listTargets(ctx.db, {
    indicatorId,
    planId: input.plan,
    year: input.year,
    orgUnitId: input.orgUnit,
    applicable: input.applicable,
    limit: limit + 1,
    afterId: decodeCursor(input.cursor, isCursorId),
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(presentTarget), nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
