/**
 * Importing a plan document (issue 5, point 7): upload the file (POST /files?purpose=plan), start
 * an import from it — the file is read (server/extract/readDocument.ts) and its targets and tasks
 * extracted (domain/extract/extractPlan.ts) against the live unit registry, in the request (well
 * under a second) — then review the draft item by item and publish it (./planImportPublish.ts).
 *
 * Scope: an import belongs to the unit that will issue the plan; 'plan.write' over that unit
 * reads, reviews, discards and publishes it (403 naming the unit otherwise). Only the uploader
 * may start an import from a file, once (a file already in an import or attached elsewhere is
 * refused). Without an issuing unit in the request, the issuer the document names is taken when it
 * lies in the caller's scope, else the caller's highest 'plan.write' unit; the reviewer may change it.
 */
import { agencyMatcher } from '../../domain/extract/agencies.ts';
import { extractPlan } from '../../domain/extract/extractPlan.ts';
import { suggestIndicators } from '../../domain/extract/indicatorSuggest.ts';
import { draftProblems, indicatorUnitOf, normaliseReview, proposeReview, reviewCounts, type PlanImportReview, type ReviewProblem } from '../../domain/extract/planReview.ts';
import type { ExtractionResult } from '../../domain/extract/types.ts';
import type { Db, Tx } from '../db/database.ts';
import { ocrRestorer } from '../extract/restorer.ts';
import { readPlanDocument } from '../extract/readDocument.ts';
import { translate, type Locale, type MessageKey } from '../http/messages.ts';
import { ProblemError, conflict, notFound, unprocessable, type FieldProblem } from '../http/problem.ts';
import { decodeCursor, encodeCursor, isCursorId } from '../presenters/cursor.ts';
import { presentPlanImport, presentPlanImportSummary } from '../presenters/planImports.ts';
import { fileContent, findFileMeta } from '../store/files.ts';
import * as store from '../store/planImports.ts';
import { findPlanByNumber } from '../store/plans.ts';
import type { PlanImportRow } from '../store/schema.ts';
import { actorOf, audit, type CommandContext } from './context.ts';
import { requireAttachable } from './files.ts';

type Q = Db | Tx;

const FORMATS = { txt: 'txt', md: 'md', docx: 'docx', pdf: 'pdf' } as const;

/** The import, if the caller may work on it: 404 when absent, 403 (naming the unit) outside 'plan.write'. */
export async function openPlanImport(q: Q, ctx: CommandContext, id: number, options: { lock?: boolean } = {}): Promise<PlanImportRow> {
  const row = await store.findPlanImport(q, id, options);
  if (!row) throw notFound('planImport.notFound', { id });
  await ctx.access.requireUnit(q, 'plan.write', row.org_unit_id);
  return row;
}

/** A draft: a published or discarded import is kept as it was (409). */
export async function openDraft(q: Q, ctx: CommandContext, id: number): Promise<PlanImportRow> {
  const row = await openPlanImport(q, ctx, id, { lock: true });
  if (row.status === 'published') {
    const plan = row.published_plan_id === null ? undefined : await q.selectFrom('plans').select('number').where('id', '=', row.published_plan_id).executeTakeFirst();
    throw conflict('planImport.alreadyPublished', { id, number: plan?.number ?? '' });
  }
  if (row.status === 'discarded') throw conflict('planImport.discarded', { id });
  return row;
}

/** Review problems as the API words them, with the review's JSON path under `body`. */
export function reviewFieldProblems(problems: ReviewProblem[], locale: Locale, prefix = 'body.'): FieldProblem[] {
  return problems.map((p) => ({ path: `${prefix}${p.path}`, message: translate(locale, p.key as MessageKey, p.params) }));
}

/** The caller's 'plan.write' unit nearest the top of the tree (ties: the lowest id). */
async function highestRoot(q: Q, roots: number[]): Promise<number> {
  const rows = await q
    .selectFrom('org_unit_closure')
    .select(['descendant_id as id', (eb) => eb.fn.max('depth').as('depth')])
    .where('descendant_id', 'in', roots)
    .groupBy('descendant_id')
    .execute();
  rows.sort((a, b) => Number(a.depth) - Number(b.depth) || a.id - b.id);
  return rows[0]?.id ?? roots[0]!;
}

export async function createPlanImport(ctx: CommandContext, input: { fileId: number; issuerUnitId?: number | null }, locale: Locale) {
  const actor = actorOf(ctx);
  const roots = ctx.access.scopeRoots('plan.write');
  if (input.issuerUnitId != null) await ctx.access.requireUnit(ctx.db, 'plan.write', input.issuerUnitId);
  const meta = await findFileMeta(ctx.db, input.fileId);
  if (!meta) throw notFound('file.notFound', { id: input.fileId });
  await ctx.db.transaction().execute((tx) => requireAttachable(tx, ctx, [input.fileId]));
  const held = await ctx.db.selectFrom('plan_imports').select('id').where('file_id', '=', input.fileId).where('status', '!=', 'discarded').executeTakeFirst();
  if (held) throw conflict('planImport.fileInUse', { name: meta.name, id: held.id });

  const bytes = (await fileContent(ctx.db, input.fileId)) ?? Buffer.alloc(0);
  const read = await readPlanDocument(bytes, meta.name, locale);
  const anchor = input.issuerUnitId ?? (await highestRoot(ctx.db, roots));
  const registry = await store.agencyRegistry(ctx.db, anchor);
  const result = extractPlan(read.text, { agencies: registry.agencies, places: registry.places, restorer: ocrRestorer() });

  // The issuer the document names ("Ủy ban nhân dân thành phố Hải Phòng" → the city), matched like the agencies.
  const namedIssuer = result.document.issuer ? agencyMatcher(registry.agencies).match(result.document.issuer).unitCode : null;
  const codes = result.tasks.flatMap((t) => [...t.leadUnits, ...t.cooperatingUnits].flatMap((m) => (m.unitCode ? [m.unitCode] : [])));
  const units = await store.openUnitsByCode(ctx.db, namedIssuer ? [...codes, namedIssuer] : codes);
  let issuerUnitId = input.issuerUnitId ?? null;
  const named = namedIssuer ? units.get(namedIssuer) : undefined;
  if (issuerUnitId === null && named !== undefined && (await ctx.access.unitInScope(ctx.db, 'plan.write', named))) issuerUnitId = named;
  issuerUnitId ??= anchor;

  const candidates = await store.indicatorCandidates(ctx.db);
  const suggestions = result.targets.map((t) => suggestIndicators(t.indicator || t.text, indicatorUnitOf(t.unit), candidates));
  const proposal = proposeReview(result, { issuerUnitId, unitIdOf: (code) => units.get(code) ?? null, suggestions });

  const id = await ctx.db.transaction().execute(async (tx) => {
    const row = await store.insertPlanImport(tx, {
      file_id: input.fileId,
      filename: meta.name,
      format: FORMATS[read.format],
      reading: { encoding: read.encoding, pages: read.pages ?? null, warnings: read.warnings },
      org_unit_id: issuerUnitId,
      result,
      proposal,
      review: proposal,
      created_by: actor.userId,
    });
    await audit(tx, ctx, {
      action: 'planImport.create',
      entityType: 'planImport',
      entityId: row.id,
      orgUnitId: issuerUnitId,
      after: { fileId: input.fileId, filename: meta.name, format: read.format, number: result.document.number, targets: result.targets.length, tasks: result.tasks.length },
    });
    return row.id;
  });
  return getPlanImport(ctx, id);
}

export async function getPlanImport(ctx: CommandContext, id: number) {
  await openPlanImport(ctx.db, ctx, id);
  const view = (await store.findPlanImportView(ctx.db, id))!;
  const result = view.result as ExtractionResult;
  const review = view.review as PlanImportReview;
  const candidates = await store.indicatorCandidates(ctx.db);
  const suggestions = result.targets.map((t, i) => suggestIndicators(t.indicator || t.text, review.targets[i]?.unit ?? indicatorUnitOf(t.unit), candidates));
  const indicatorIds = review.targets.flatMap((t) => (t.indicator?.kind === 'existing' ? [t.indicator.id] : []));
  const unitIds = [review.document.issuerUnitId, ...review.tasks.flatMap((t) => [...(t.leadUnitId === null ? [] : [t.leadUnitId]), ...t.cooperatingUnitIds])];
  const [indicators, units] = await Promise.all([store.indicatorLabels(ctx.db, indicatorIds), store.unitLabels(ctx.db, unitIds)]);
  const holder = view.status === 'draft' && review.document.number.trim() ? await findPlanByNumber(ctx.db, review.document.number.trim(), review.document.issuerUnitId) : undefined;
  return presentPlanImport(view, { suggestions, indicators, units, duplicate: holder ? { id: holder.id, number: holder.number } : null });
}

export interface ListPlanImportsInput {
  status?: store.PlanImportStatus;
  limit?: number;
  cursor?: string;
}

/** Imports of the units under the caller's 'plan.write' grants, newest first (drafts unless asked otherwise). */
export async function listPlanImports(ctx: CommandContext, input: ListPlanImportsInput) {
  const limit = input.limit ?? 50;
  const rows = await store.listPlanImports(ctx.db, {
    roots: ctx.access.scopeRoots('plan.write'),
    status: input.status ?? 'draft',
    limit: limit + 1,
    beforeId: decodeCursor(input.cursor, isCursorId),
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(presentPlanImportSummary), nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}

/**
 * Save the reviewer's decisions (the whole review, as the page holds it). Refused with 422 and
 * every problem listed when the review does not fit the extraction (one decision per item), a
 * range is upside down, a lead unit also cooperates, or a unit or indicator does not exist;
 * what publishing needs beyond that (a lead for every kept task…) may still be missing in a draft.
 */
export async function savePlanImportReview(ctx: CommandContext, id: number, review: PlanImportReview, locale: Locale) {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await openDraft(tx, ctx, id);
    const result = row.result as ExtractionResult;
    const refs = { targets: result.targets.map((t) => t.ref) };
    const problems = reviewFieldProblems(draftProblems(review, { targets: result.targets.length, tasks: result.tasks.length }, refs), locale);
    problems.push(...(await missingReferences(tx, review, locale)));
    if (problems.length) throw new ProblemError(422, 'planImport.reviewInvalid', { count: problems.length }, problems);
    const issuer = review.document.issuerUnitId;
    if (issuer !== row.org_unit_id) await ctx.access.requireUnit(tx, 'plan.write', issuer);
    const next = normaliseReview(review, row.proposal as PlanImportReview);
    await store.updatePlanImport(tx, id, { review: next, org_unit_id: issuer });
    await audit(tx, ctx, {
      action: 'planImport.review',
      entityType: 'planImport',
      entityId: id,
      orgUnitId: issuer,
      before: { issuerUnitId: row.org_unit_id, counts: reviewCounts(row.review as PlanImportReview) },
      after: { issuerUnitId: issuer, counts: reviewCounts(next) },
    });
  });
  return getPlanImport(ctx, id);
}

/** Units and indicators the review names must exist (a closed unit is the publish step's refusal, with its name). */
async function missingReferences(q: Q, review: PlanImportReview, locale: Locale): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const unitRefs: { path: string; id: number }[] = [{ path: 'document.issuerUnitId', id: review.document.issuerUnitId }];
  review.tasks.forEach((t, i) => {
    if (t.leadUnitId !== null) unitRefs.push({ path: `tasks[${i}].leadUnitId`, id: t.leadUnitId });
    t.cooperatingUnitIds.forEach((u, j) => unitRefs.push({ path: `tasks[${i}].cooperatingUnitIds[${j}]`, id: u }));
  });
  const known = new Set((await store.unitLabels(q, unitRefs.map((r) => r.id))).map((u) => u.id));
  for (const r of unitRefs) if (!known.has(r.id)) problems.push({ path: `body.${r.path}`, message: translate(locale, 'orgUnit.notFound', { id: r.id }) });
  const indicatorRefs = review.targets.flatMap((t, i) => (t.indicator?.kind === 'existing' ? [{ path: `targets[${i}].indicator.id`, id: t.indicator.id }] : []));
  const indicators = new Set((await store.indicatorLabels(q, indicatorRefs.map((r) => r.id))).map((i) => i.id));
  for (const r of indicatorRefs) if (!indicators.has(r.id)) problems.push({ path: `body.${r.path}`, message: translate(locale, 'indicator.notFound', { ref: r.id }) });
  return problems;
}

/** Set a draft aside: kept with its review (status 'discarded'), no longer listed, its file free for a new import. */
export async function discardPlanImport(ctx: CommandContext, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await openDraft(tx, ctx, id);
    await store.updatePlanImport(tx, id, { status: 'discarded' });
    await audit(tx, ctx, { action: 'planImport.discard', entityType: 'planImport', entityId: id, orgUnitId: row.org_unit_id, before: { status: row.status }, after: { status: 'discarded' } });
  });
}
