import { presentOrgUnitDetail, presentOrgUnitSummary } from '../presenters/orgUnits.ts';
import { decodeCursor, encodeCursor, isCursorKeyId } from '../presenters/cursor.ts';
import * as store from '../store/orgUnits.ts';
import type { CommandContext } from './context.ts';
import { notFound } from '../http/problem.ts';

export interface ListOrgUnitsInput {
  q?: string;
  parent?: number;
  kind?: string;
  includeClosed?: boolean;
  limit?: number;
  cursor?: string;
}

/** Children of a unit, a diacritic-free search, or (with neither) the top of the caller's scope. */
export async function listOrgUnits(ctx: CommandContext, input: ListOrgUnitsInput) {
  const roots = ctx.access.scopeRoots('orgUnit.read');
  const includeClosed = input.includeClosed ?? false;
  const limit = Math.min(input.limit ?? 50, 500);
  if (input.q === undefined && input.parent === undefined && input.kind === undefined) {
    const rows = await store.scopeTopUnits(ctx.db, roots, includeClosed);
    return { items: rows.map(presentOrgUnitSummary), nextCursor: null };
  }
  const after = decodeCursor(input.cursor, isCursorKeyId);
  const rows = await store.listOrgUnits(ctx.db, {
    parentId: input.parent,
    text: input.q?.trim() || undefined,
    kind: input.kind,
    includeClosed,
    scopeRoots: roots,
    limit: limit + 1,
    after: after && input.q === undefined ? { key: after[0], id: after[1] } : undefined,
  });
  // Text search ranks by relevance, which a keyset cursor cannot follow; it returns one page.
  const more = rows.length > limit && input.q === undefined;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(presentOrgUnitSummary), nextCursor: more && last ? encodeCursor([last.search_key, last.id]) : null };
}

export async function getOrgUnit(ctx: CommandContext, id: number) {
  const row = await store.findOrgUnit(ctx.db, id);
  if (!row) throw notFound('orgUnit.notFound', { id });
  await ctx.access.requireUnit(ctx.db, 'orgUnit.read', id);
  return detailOf(ctx, row.id);
}

export async function detailOf(ctx: Pick<CommandContext, 'db'>, id: number) {
  const row = await store.findOrgUnit(ctx.db, id);
  if (!row) throw notFound('orgUnit.notFound', { id });
  const [path, lineage, childCount] = await Promise.all([
    store.pathOf(ctx.db, id),
    store.lineageOf(ctx.db, id),
    store.countOpenChildren(ctx.db, id),
  ]);
  return presentOrgUnitDetail(row, { childCount, path, ...lineage });
}

export async function getSubtree(ctx: CommandContext, id: number, maxDepth: number, includeClosed: boolean) {
  await ctx.access.requireUnit(ctx.db, 'orgUnit.read', id);
  const rows = await store.subtree(ctx.db, id, maxDepth, includeClosed);
  return { items: rows.map((r) => ({ ...presentOrgUnitSummary(r), depth: r.depth })) };
}
