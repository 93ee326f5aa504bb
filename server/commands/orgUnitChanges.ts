/** Create, rename, move, close and merge units: each in one transaction, scope-checked and audited. */
import { sql } from 'kysely';
import type { OrgUnitKind } from '../../domain/orgUnits.ts';
import { wouldCreateCycle } from '../../domain/orgUnits.ts';
import { cleanName } from '../../domain/text.ts';
import type { Tx } from '../db/database.ts';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../http/problem.ts';
import { auditOrgUnit } from '../presenters/orgUnits.ts';
import * as store from '../store/orgUnits.ts';
import { markUnitMoved } from '../store/rollups.ts';
import type { OrgUnitRow } from '../store/schema.ts';
import { audit, type CommandContext } from './context.ts';
import { detailOf } from './orgUnitQueries.ts';

async function openUnit(tx: Tx, id: number): Promise<OrgUnitRow> {
  const row = await store.findOrgUnit(tx, id);
  if (!row) throw notFound('orgUnit.notFound', { id });
  return row;
}

async function assertCodeFree(tx: Tx, code: string, exceptId?: number) {
  const holder = await store.findOpenOrgUnitByCode(tx, code);
  if (holder && holder.id !== exceptId) throw conflict('orgUnit.codeTaken', { code });
}

export interface CreateOrgUnitInput {
  code: string;
  name: string;
  shortName?: string | null;
  kind: OrgUnitKind;
  parentId: number | null;
  validFrom?: string | null;
}

export async function createOrgUnit(ctx: CommandContext, input: CreateOrgUnitInput) {
  const id = await ctx.db.transaction().execute(async (tx) => {
    if (input.parentId === null) {
      if (!ctx.access.signedIn.topAdmin) throw forbidden('orgUnit.rootExists');
    } else {
      const parent = await store.findOrgUnit(tx, input.parentId);
      if (!parent) throw notFound('orgUnit.parentNotFound', { id: input.parentId });
      await ctx.access.requireUnit(tx, 'orgUnit.write', parent.id);
      if (parent.closed_on) throw unprocessable('orgUnit.parentClosed', { name: parent.name });
    }
    const code = input.code.trim();
    await assertCodeFree(tx, code);
    const row = await store.insertOrgUnit(tx, {
      code,
      name: cleanName(input.name),
      short_name: input.shortName ? cleanName(input.shortName) : null,
      kind: input.kind,
      parent_id: input.parentId,
      valid_from: input.validFrom ?? null,
      closed_on: null,
    });
    await audit(tx, ctx, { action: 'orgUnit.create', entityType: 'orgUnit', entityId: row.id, orgUnitId: row.id, after: auditOrgUnit(row) });
    return row.id;
  });
  return detailOf(ctx, id);
}

export interface UpdateOrgUnitInput {
  name?: string;
  shortName?: string | null;
  code?: string;
  validFrom?: string | null;
}

/** Rename (and re-code): the unit keeps its id, so everything reported under it stays attached. */
export async function updateOrgUnit(ctx: CommandContext, id: number, input: UpdateOrgUnitInput) {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await openUnit(tx, id);
    await ctx.access.requireAboveUnit(tx, 'orgUnit.write', before);
    if (before.closed_on) throw unprocessable('orgUnit.closed', { name: before.name });
    if (input.code !== undefined && input.code.trim() !== before.code) await assertCodeFree(tx, input.code.trim(), id);
    const after = await store.updateOrgUnit(tx, id, {
      ...(input.name !== undefined ? { name: cleanName(input.name) } : {}),
      ...(input.shortName !== undefined ? { short_name: input.shortName ? cleanName(input.shortName) : null } : {}),
      ...(input.code !== undefined ? { code: input.code.trim() } : {}),
      ...(input.validFrom !== undefined ? { valid_from: input.validFrom } : {}),
    });
    await audit(tx, ctx, {
      action: 'orgUnit.update',
      entityType: 'orgUnit',
      entityId: id,
      orgUnitId: id,
      before: auditOrgUnit(before),
      after: auditOrgUnit(after),
    });
  });
  return detailOf(ctx, id);
}

export async function moveOrgUnit(ctx: CommandContext, id: number, parentId: number) {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await openUnit(tx, id);
    await ctx.access.requireAboveUnit(tx, 'orgUnit.write', before);
    const parent = await store.findOrgUnit(tx, parentId);
    if (!parent) throw notFound('orgUnit.parentNotFound', { id: parentId });
    await ctx.access.requireUnit(tx, 'orgUnit.write', parentId);
    if (before.closed_on) throw unprocessable('orgUnit.closed', { name: before.name });
    if (parent.closed_on) throw unprocessable('orgUnit.parentClosed', { name: parent.name });
    if (wouldCreateCycle(id, await store.ancestorIds(tx, parentId))) throw unprocessable('orgUnit.cycle');
    if (before.parent_id === parentId) return;
    // Serialise tree surgery: two concurrent moves could otherwise build a cycle between them.
    await sql`LOCK TABLE org_unit_closure IN SHARE ROW EXCLUSIVE MODE`.execute(tx);
    await store.moveOrgUnit(tx, id, parentId);
    await markUnitMoved(tx, id, before.parent_id);
    await audit(tx, ctx, {
      action: 'orgUnit.move',
      entityType: 'orgUnit',
      entityId: id,
      orgUnitId: id,
      before: { parentId: before.parent_id },
      after: { parentId },
    });
  });
  return detailOf(ctx, id);
}

export interface CloseOrgUnitInput {
  closedOn: string;
  successorId?: number | null;
}

async function closeWithin(tx: Tx, ctx: CommandContext, id: number, input: CloseOrgUnitInput, action: string) {
  const before = await openUnit(tx, id);
  await ctx.access.requireAboveUnit(tx, 'orgUnit.write', before);
  if (before.closed_on) throw unprocessable('orgUnit.closed', { name: before.name });
  if (before.valid_from && input.closedOn < before.valid_from) throw badRequest('orgUnit.closeBeforeStart');
  const openChildren = await store.countOpenChildren(tx, id);
  if (openChildren > 0) throw unprocessable('orgUnit.hasOpenChildren', { name: before.name, count: openChildren });
  if (input.successorId != null) {
    if (input.successorId === id) throw unprocessable('orgUnit.mergeIntoSelf');
    const successor = await store.findOrgUnit(tx, input.successorId);
    if (!successor) throw notFound('orgUnit.notFound', { id: input.successorId });
    await ctx.access.requireUnit(tx, 'orgUnit.write', successor.id);
    if (successor.closed_on) throw unprocessable('orgUnit.closed', { name: successor.name });
    await store.addLineage(tx, { predecessorId: id, successorId: successor.id, share: 'full', effectiveDate: input.closedOn });
    // A unit that went wholly into another hangs under it, so what it reported aggregates there.
    if (before.parent_id !== successor.id && !wouldCreateCycle(id, await store.ancestorIds(tx, successor.id))) {
      await store.moveOrgUnit(tx, id, successor.id);
      await markUnitMoved(tx, id, before.parent_id);
    }
  }
  const after = await store.updateOrgUnit(tx, id, { closed_on: input.closedOn });
  await audit(tx, ctx, {
    action,
    entityType: 'orgUnit',
    entityId: id,
    orgUnitId: id,
    before: auditOrgUnit(before),
    after: { ...auditOrgUnit(after), successorId: input.successorId ?? null },
  });
}

export async function closeOrgUnit(ctx: CommandContext, id: number, input: CloseOrgUnitInput) {
  await ctx.db.transaction().execute((tx) => closeWithin(tx, ctx, id, input, 'orgUnit.close'));
  return detailOf(ctx, id);
}

/** Merge: every source closes on the date with a 'full' lineage link to the surviving target. */
export async function mergeOrgUnits(ctx: CommandContext, input: { sourceIds: number[]; targetId: number; effectiveDate: string }) {
  await ctx.db.transaction().execute(async (tx) => {
    const target = await openUnit(tx, input.targetId);
    await ctx.access.requireUnit(tx, 'orgUnit.write', target.id);
    if (target.closed_on) throw unprocessable('orgUnit.closed', { name: target.name });
    const sources = [...new Set(input.sourceIds)];
    if (sources.includes(target.id)) throw unprocessable('orgUnit.mergeIntoSelf');
    for (const sourceId of sources) {
      await closeWithin(tx, ctx, sourceId, { closedOn: input.effectiveDate, successorId: target.id }, 'orgUnit.merge');
    }
  });
  return detailOf(ctx, input.targetId);
}
