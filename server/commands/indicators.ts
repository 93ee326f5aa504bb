/**
 * The indicator catalogue: create, change, archive and restore, each in one transaction and audited.
 * The catalogue is shared by the whole unit tree, so changing it takes 'indicator.write' granted at
 * a root unit (the city's coordinating office or a top admin), not at a ward.
 */
import {
  DEFAULT_DECIMALS,
  MEANING_FIELDS,
  checkIndicatorDefinition,
  defaultRange,
  type Direction,
  type IndicatorPeriodType,
  type IndicatorSpaceAggregation,
  type IndicatorTimeAggregation,
} from '../../domain/indicators.ts';
import type { Action } from '../../domain/roles.ts';
import { cleanName } from '../../domain/text.ts';
import type { Db, Tx } from '../db/database.ts';
import { translate, type Locale, type MessageKey } from '../http/messages.ts';
import { ProblemError, conflict, forbidden, notFound, unprocessable, type FieldProblem } from '../http/problem.ts';
import { decodeCursor, encodeCursor, isCursorString } from '../presenters/cursor.ts';
import { auditIndicator, presentIndicator } from '../presenters/indicators.ts';
import * as store from '../store/indicators.ts';
import type { IndicatorRow } from '../store/schema.ts';
import { audit, type CommandContext } from './context.ts';

/**
 * Shared catalogues (indicators, plans without an issuer) change only by a grant at a root of the
 * tree: a ward's admin manages the ward, not definitions every commune reports against.
 */
export async function requireTopLevel(q: Db | Tx, ctx: CommandContext, action: Action): Promise<void> {
  if (ctx.access.scopeRoots(action).length === 0) throw forbidden();
  if (!(await holdsTopLevel(q, ctx, action))) throw forbidden('catalog.topLevelOnly');
}

/** The actor holds the action at a root of the tree. */
export async function holdsTopLevel(q: Db | Tx, ctx: CommandContext, action: Action): Promise<boolean> {
  const roots = ctx.access.scopeRoots(action);
  if (roots.length === 0) return false;
  const top = await q.selectFrom('org_units').select('id').where('id', 'in', roots).where('parent_id', 'is', null).executeTakeFirst();
  return top !== undefined;
}

export interface IndicatorInput {
  code: string;
  name: string;
  unit: string;
  spaceAggregation: IndicatorSpaceAggregation;
  timeAggregation: IndicatorTimeAggregation;
  description?: string | null;
  pillar?: string | null;
  direction?: Direction;
  periodType?: IndicatorPeriodType;
  decimals?: number;
  minValue?: number | null;
  maxValue?: number | null;
}

export type IndicatorPatch = Partial<IndicatorInput>;

/** The stored columns of a definition. */
export type IndicatorFields = Required<Omit<store.NewIndicator, 'is_demo' | 'archived_at'>>;

const blankToNull = (v: string | null | undefined) => {
  const t = v?.trim();
  return t ? t : null;
};

/** A new definition with its defaults: direction higher, monthly, 2 decimals, the unit's natural range. */
export function fieldsOfNew(input: IndicatorInput): IndicatorFields {
  const range = defaultRange(input.unit);
  return {
    code: input.code.trim(),
    name: cleanName(input.name),
    description: blankToNull(input.description),
    unit: input.unit.trim(),
    pillar: blankToNull(input.pillar),
    direction: input.direction ?? 'higher',
    space_aggregation: input.spaceAggregation,
    time_aggregation: input.timeAggregation,
    period_type: input.periodType ?? 'month',
    decimals: input.decimals ?? DEFAULT_DECIMALS,
    min_value: input.minValue === undefined ? range.min : input.minValue,
    max_value: input.maxValue === undefined ? range.max : input.maxValue,
  };
}

/** The current definition with the patch applied; absent fields keep their value, null clears. */
export function fieldsOfPatch(current: IndicatorRow, patch: IndicatorPatch): IndicatorFields {
  return {
    code: patch.code !== undefined ? patch.code.trim() : current.code,
    name: patch.name !== undefined ? cleanName(patch.name) : current.name,
    description: patch.description !== undefined ? blankToNull(patch.description) : current.description,
    unit: patch.unit !== undefined ? patch.unit.trim() : current.unit,
    pillar: patch.pillar !== undefined ? blankToNull(patch.pillar) : current.pillar,
    direction: patch.direction ?? current.direction,
    space_aggregation: patch.spaceAggregation ?? current.space_aggregation,
    time_aggregation: patch.timeAggregation ?? current.time_aggregation,
    period_type: patch.periodType ?? current.period_type,
    decimals: patch.decimals ?? current.decimals,
    min_value: patch.minValue !== undefined ? patch.minValue : current.min_value,
    max_value: patch.maxValue !== undefined ? patch.maxValue : current.max_value,
  };
}

/** Problems of a definition, worded in the caller's language, with the API field as path. */
export function definitionProblems(fields: IndicatorFields, locale: Locale, pathPrefix = 'body.'): FieldProblem[] {
  return checkIndicatorDefinition({
    code: fields.code,
    unit: fields.unit,
    spaceAggregation: fields.space_aggregation,
    timeAggregation: fields.time_aggregation,
    decimals: fields.decimals,
    minValue: fields.min_value,
    maxValue: fields.max_value,
  }).map((p) => ({ path: `${pathPrefix}${p.field}`, message: translate(locale, p.key as MessageKey, p.params) }));
}

function rejectDefinition(problems: FieldProblem[]): never {
  // One problem is the detail itself; several are summed up and listed.
  if (problems.length === 1) throw new ProblemError(400, 'validation.detail', { message: problems[0]!.message }, problems);
  throw new ProblemError(400, 'indicator.invalid', { count: problems.length }, problems);
}

/** 409 when another indicator (archived ones included: codes are never reused) holds the code. */
export async function assertCodeFree(q: Db | Tx, code: string, exceptId?: number): Promise<void> {
  const holder = await store.findIndicatorByCode(q, code);
  if (!holder || holder.id === exceptId) return;
  if (holder.archived_at) throw conflict('indicator.codeTakenArchived', { code, name: holder.name });
  throw conflict('indicator.codeTaken', { code: holder.code, name: holder.name });
}

/** The fields of MEANING_FIELDS (API names) whose value differs between the stored row and the next definition. */
export function changedMeaning(current: IndicatorRow, next: IndicatorFields): (typeof MEANING_FIELDS)[number][] {
  const column = { unit: 'unit', spaceAggregation: 'space_aggregation', timeAggregation: 'time_aggregation', periodType: 'period_type' } as const;
  return MEANING_FIELDS.filter((f) => current[column[f]] !== next[column[f]]);
}

const sameFields = (current: IndicatorRow, next: IndicatorFields) =>
  (Object.keys(next) as (keyof IndicatorFields)[]).every((k) => current[k] === next[k]);

/** A unique violation raced past the pre-check: answer with the same 409 as the pre-check would. */
async function withCodeRace<T>(code: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw conflict('indicator.codeTakenRace', { code });
    throw error;
  }
}

export async function createIndicator(ctx: CommandContext, input: IndicatorInput, locale: Locale) {
  return withCodeRace(input.code.trim(), () => ctx.db.transaction().execute(async (tx) => presentIndicator(await createIndicatorIn(tx, ctx, input, locale))));
}

/** createIndicator inside the caller's transaction (publishing an imported plan creates the indicators its targets need). */
export async function createIndicatorIn(tx: Tx, ctx: CommandContext, input: IndicatorInput, locale: Locale): Promise<IndicatorRow> {
  const fields = fieldsOfNew(input);
  await requireTopLevel(tx, ctx, 'indicator.write');
  const problems = definitionProblems(fields, locale);
  if (problems.length) rejectDefinition(problems);
  await assertCodeFree(tx, fields.code);
  const row = await store.insertIndicator(tx, fields);
  await audit(tx, ctx, { action: 'indicator.create', entityType: 'indicator', entityId: row.id, after: auditIndicator(row) });
  return row;
}

/** Find by id or code, locking the row for the rest of the transaction when asked. */
async function openIndicator(q: Db | Tx, ref: string | number, lock = false): Promise<IndicatorRow> {
  const found = await store.findIndicatorByRef(q, ref);
  if (!found) throw notFound('indicator.notFound', { ref });
  if (!lock) return found;
  // FOR UPDATE conflicts with the key-share lock a concurrent insert of data_values takes on the
  // indicator, so "has no values yet" stays true until this transaction commits.
  return q.selectFrom('indicators').selectAll().where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow();
}

export async function getIndicator(ctx: CommandContext, ref: string) {
  return presentIndicator(await openIndicator(ctx.db, ref));
}

export interface ListIndicatorsInput {
  q?: string;
  pillar?: string;
  includeArchived?: boolean;
  limit?: number;
  cursor?: string;
}

export async function listIndicators(ctx: CommandContext, input: ListIndicatorsInput) {
  const limit = input.limit ?? 50;
  const rows = await store.listIndicators(ctx.db, {
    text: input.q?.trim() || undefined,
    pillar: input.pillar,
    includeArchived: input.includeArchived ?? false,
    limit: limit + 1,
    afterCode: decodeCursor(input.cursor, isCursorString),
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(presentIndicator), nextCursor: rows.length > limit && last ? encodeCursor(last.code.toLowerCase()) : null };
}

/** Message naming the fields that may not change once values exist, in the caller's language. */
export function meaningLockedError(code: string, fields: readonly string[], locale: Locale): ProblemError {
  const names = fields.map((f) => translate(locale, `indicatorField.${f}` as MessageKey)).join(', ');
  return new ProblemError(409, 'indicator.meaningLocked', { code, fields: names }, fields.map((f) => ({ path: `body.${f}`, message: translate(locale, 'indicator.meaningLockedField', { field: translate(locale, `indicatorField.${f}` as MessageKey) }) })));
}

export async function updateIndicator(ctx: CommandContext, ref: string, patch: IndicatorPatch, locale: Locale) {
  return withCodeRace(patch.code ?? '', () =>
    ctx.db.transaction().execute(async (tx) => {
      await requireTopLevel(tx, ctx, 'indicator.write');
      const current = await openIndicator(tx, ref, true);
      if (current.archived_at) throw unprocessable('indicator.archived', { code: current.code });
      const next = fieldsOfPatch(current, patch);
      const problems = definitionProblems(next, locale);
      if (problems.length) rejectDefinition(problems);
      if (next.code !== current.code) await assertCodeFree(tx, next.code, current.id);
      const meaning = changedMeaning(current, next);
      if (meaning.length && (await store.hasDataValues(tx, current.id))) throw meaningLockedError(current.code, meaning, locale);
      if (sameFields(current, next)) return presentIndicator(current);
      const after = await store.updateIndicator(tx, current, next);
      await audit(tx, ctx, {
        action: 'indicator.update',
        entityType: 'indicator',
        entityId: current.id,
        before: auditIndicator(current),
        after: auditIndicator(after),
      });
      return presentIndicator(after);
    }),
  );
}

/** Archive (the API's DELETE): the indicator leaves lists and new reporting; its values and targets stay. */
export async function archiveIndicator(ctx: CommandContext, ref: string) {
  return setArchived(ctx, ref, true);
}

export async function restoreIndicator(ctx: CommandContext, ref: string) {
  return setArchived(ctx, ref, false);
}

async function setArchived(ctx: CommandContext, ref: string, archived: boolean) {
  return ctx.db.transaction().execute(async (tx) => {
    await requireTopLevel(tx, ctx, 'indicator.write');
    const current = await openIndicator(tx, ref, true);
    if ((current.archived_at !== null) === archived) return presentIndicator(current);
    const after = await store.setArchived(tx, current.id, archived);
    await audit(tx, ctx, {
      action: archived ? 'indicator.archive' : 'indicator.restore',
      entityType: 'indicator',
      entityId: current.id,
      before: auditIndicator(current),
      after: auditIndicator(after),
    });
    return presentIndicator(after);
  });
}
