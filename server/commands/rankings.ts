/**
 * Rankings (Xếp hạng, issue 6 point 2): DTI-style index models, their scores per unit and year, and
 * publication. Scores are computed live from the yearly rollups, read through analyticsTable (the
 * one read of many indicators × units × periods), and scored by domain/rankings.ts. Publishing a
 * year stores the ranking as computed then, so an announced ranking never moves when data changes;
 * unpublishing removes the snapshot and the year is live again.
 *
 * Rights: reading needs 'data.read' over the model's anchor unit (the ranked units are below it);
 * editing and publishing need 'plan.write' over it — who manages plans and indicators at the city
 * (coordinators, admins) manages the city's rankings.
 */
import { checkModel, averages, changeFrom, scoreUnits, type ComponentParams, type Normalisation, type RankDirection, type UnitScore, type Change } from '../../domain/rankings.ts';
import { ORG_UNIT_KINDS } from '../../domain/orgUnits.ts';
import type { Tx } from '../db/database.ts';
import { ProblemError, conflict, notFound, type FieldProblem } from '../http/problem.ts';
import { translate, type Locale } from '../http/messages.ts';
import * as store from '../store/rankings.ts';
import { analyticsTable } from './analytics.ts';
import { audit, type CommandContext } from './context.ts';

export interface ComponentInput {
  indicatorId: number;
  maxPoints: number;
  normalisation: Normalisation;
  params?: ComponentParams | null;
  direction?: RankDirection | null;
}

export interface ModelInput {
  name: string;
  description?: string | null;
  anchorUnitId: number;
  unitKinds?: string[] | null;
  groupId?: number | null;
  pillars: { name: string; weight: number; components: ComponentInput[] }[];
}

export interface RankingRow {
  unitId: number;
  unitCode: string;
  unitName: string;
  rank: number;
  score: number;
  pillars: UnitScore['pillars'];
  components: UnitScore['components'];
  missing: number;
  change: Change | null;
}

export interface RankingResult {
  model: { id: number; name: string };
  year: number;
  published: boolean;
  publishedAt: string | null;
  publishedBy: string | null;
  computedAt: string;
  pillars: { id: number; name: string; weight: number; maxPoints: number }[];
  components: { id: number; pillarId: number; indicator: { id: number; code: string; name: string; unit: string }; maxPoints: number; normalisation: Normalisation; direction: RankDirection }[];
  /** Whether the previous year had figures (or a publication) to compare with. */
  previousYear: { year: number; published: boolean } | null;
  average: { score: number; pillars: { pillarId: number; value: number }[] };
  rows: RankingRow[];
}

async function modelOr404(q: Tx | CommandContext['db'], id: number, lock = false) {
  const model = await store.findModel(q, id, lock);
  if (!model) throw notFound('rankings.notFound', { id });
  return model;
}

async function presentModel(q: Tx | CommandContext['db'], model: store.ModelRow) {
  const [pillars, anchor, group, years] = await Promise.all([
    store.pillarsOf(q, model.id),
    q.selectFrom('org_units').select(['id', 'code', 'name']).where('id', '=', model.anchor_unit_id).executeTakeFirstOrThrow(),
    model.group_id === null ? undefined : q.selectFrom('org_unit_groups').select(['id', 'code', 'name']).where('id', '=', model.group_id).executeTakeFirst(),
    store.publishedYears(q, model.id),
  ]);
  return {
    id: model.id,
    name: model.name,
    description: model.description,
    anchorUnit: anchor,
    unitKinds: model.unit_kinds,
    group: group ?? null,
    publishedYears: years,
    pillars: pillars.map((p) => ({
      id: p.id,
      name: p.name,
      weight: p.weight,
      components: p.components.map((c) => ({
        id: c.id,
        indicator: { id: c.indicatorId, code: c.indicatorCode, name: c.indicatorName, unit: c.indicatorUnit },
        maxPoints: c.maxPoints,
        normalisation: c.normalisation,
        params: c.params,
        direction: c.direction,
      })),
    })),
    updatedAt: model.updated_at.toISOString(),
  };
}

export async function listIndexModels(ctx: CommandContext) {
  const models = await store.listModels(ctx.db, ctx.access.scopeRoots('data.read'));
  return { items: await Promise.all(models.map((m) => presentModel(ctx.db, m))) };
}

export async function getIndexModel(ctx: CommandContext, id: number) {
  const model = await modelOr404(ctx.db, id);
  await ctx.access.requireUnit(ctx.db, 'data.read', model.anchor_unit_id);
  return presentModel(ctx.db, model);
}

/** Check the body against the rules the schema cannot state; 400 with the first fault worded in `detail`, each in `errors`. */
async function validated(tx: Tx, input: ModelInput, locale: Locale) {
  const problems: FieldProblem[] = [];
  const kinds = input.unitKinds?.length ? input.unitKinds : null;
  const group = input.groupId ?? null;
  if ((kinds === null) === (group === null)) problems.push({ path: 'body.unitKinds', message: translate(locale, 'rankings.unitsRequired') });
  for (const k of kinds ?? []) {
    if (!(ORG_UNIT_KINDS as readonly string[]).includes(k)) problems.push({ path: 'body.unitKinds', message: translate(locale, 'validation.enum', { field: 'unitKinds', values: ORG_UNIT_KINDS.join(', ') }) });
  }
  const draft = {
    pillars: input.pillars.map((p) => ({
      name: p.name.trim(),
      weight: p.weight,
      components: p.components.map((c) => ({ ...c, params: c.params ?? {}, direction: c.direction ?? undefined })),
    })),
  };
  for (const p of checkModel(draft)) problems.push({ path: p.path, message: translate(locale, p.key, p.params) });
  const ids = [...new Set(input.pillars.flatMap((p) => p.components.map((c) => c.indicatorId)))];
  const indicators = ids.length ? await tx.selectFrom('indicators').select(['id', 'direction']).where('id', 'in', ids).execute() : [];
  const direction = new Map(indicators.map((i) => [i.id, i.direction]));
  input.pillars.forEach((p, i) =>
    p.components.forEach((c, j) => {
      if (!direction.has(c.indicatorId)) problems.push({ path: `body.pillars.${i}.components.${j}.indicatorId`, message: translate(locale, 'rankings.unknownIndicator', { id: c.indicatorId }) });
    }),
  );
  if (group !== null && !(await tx.selectFrom('org_unit_groups').select('id').where('id', '=', group).executeTakeFirst())) {
    problems.push({ path: 'body.groupId', message: translate(locale, 'rankings.unknownGroup', { id: group }) });
  }
  if (problems.length) throw new ProblemError(400, 'validation.detail', { message: problems[0]!.message }, problems);
  const pillars: store.PillarInput[] = draft.pillars.map((p) => ({
    name: p.name,
    weight: p.weight,
    components: p.components.map((c) => ({
      indicatorId: c.indicatorId,
      maxPoints: c.maxPoints,
      normalisation: c.normalisation,
      // Only the parameters the rule reads are kept.
      params: c.normalisation === 'target' ? { target: c.params.target } : c.normalisation === 'thresholds' ? { steps: c.params.steps ?? [] } : {},
      direction: c.direction ?? (direction.get(c.indicatorId) as RankDirection),
    })),
  }));
  return { kinds, group, pillars, name: input.name.trim(), description: input.description?.trim() || null };
}

export async function createIndexModel(ctx: CommandContext, input: ModelInput, locale: Locale = 'vi') {
  return ctx.db.transaction().execute(async (tx) => {
    await ctx.access.requireUnit(tx, 'plan.write', input.anchorUnitId);
    const v = await validated(tx, input, locale);
    const row = await tx
      .insertInto('index_models')
      .values({ name: v.name, description: v.description, anchor_unit_id: input.anchorUnitId, unit_kinds: v.kinds, group_id: v.group, created_by: ctx.access.signedIn.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store.replacePillars(tx, row.id, v.pillars);
    const model = await presentModel(tx, (await store.findModel(tx, row.id))!);
    await audit(tx, ctx, { action: 'indexModel.create', entityType: 'indexModel', entityId: row.id, orgUnitId: input.anchorUnitId, after: model });
    return model;
  });
}

/** Replace a model's definition (the editor sends it whole). Published snapshots are left as published. */
export async function updateIndexModel(ctx: CommandContext, id: number, input: ModelInput, locale: Locale = 'vi') {
  return ctx.db.transaction().execute(async (tx) => {
    const current = await modelOr404(tx, id, true);
    await ctx.access.requireUnit(tx, 'plan.write', current.anchor_unit_id);
    if (input.anchorUnitId !== current.anchor_unit_id) await ctx.access.requireUnit(tx, 'plan.write', input.anchorUnitId);
    const before = await presentModel(tx, current);
    const v = await validated(tx, input, locale);
    await tx
      .updateTable('index_models')
      .set({ name: v.name, description: v.description, anchor_unit_id: input.anchorUnitId, unit_kinds: v.kinds, group_id: v.group, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await store.replacePillars(tx, id, v.pillars);
    const after = await presentModel(tx, (await store.findModel(tx, id))!);
    await audit(tx, ctx, { action: 'indexModel.update', entityType: 'indexModel', entityId: id, orgUnitId: input.anchorUnitId, before, after });
    return after;
  });
}

export async function deleteIndexModel(ctx: CommandContext, id: number) {
  await ctx.db.transaction().execute(async (tx) => {
    const current = await modelOr404(tx, id, true);
    await ctx.access.requireUnit(tx, 'plan.write', current.anchor_unit_id);
    const before = await presentModel(tx, current);
    await tx.deleteFrom('index_models').where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'indexModel.delete', entityType: 'indexModel', entityId: id, orgUnitId: current.anchor_unit_id, before });
  });
}

/** The live ranking of a year: every ranked unit's figures for the year in one analytics read, scored. */
async function computeLive(ctx: CommandContext, model: store.ModelRow, year: number) {
  const [pillars, units] = await Promise.all([store.pillarsOf(ctx.db, model.id), store.rankedUnits(ctx.db, model)]);
  const components = pillars.flatMap((p) => p.components);
  const values = new Map<string, number | null>();
  if (components.length && units.length) {
    const table = await analyticsTable(ctx, { indicator: [...new Set(components.map((c) => c.indicatorCode))], orgUnit: units.map((u) => u.code), period: [String(year)] });
    for (const row of table.rows) values.set(`${row[1]}:${row[0]}`, row[3]);
  }
  const scored = scoreUnits(
    { pillars: pillars.map((p) => ({ id: p.id, name: p.name, weight: p.weight, components: p.components })) },
    units.map((u) => u.id),
    (u, i) => values.get(`${u}:${i}`) ?? null,
  );
  const hasData = [...values.values()].some((v) => v !== null);
  return { pillars, components, units, scored, hasData };
}

async function ranking(ctx: CommandContext, model: store.ModelRow, year: number): Promise<RankingResult> {
  const live = await computeLive(ctx, model, year);
  // The previous year as it was published, else as it stands now.
  const prevPublished = await store.findPublication(ctx.db, model.id, year - 1);
  let previous: Map<number, { score: number; rank: number }> | null = null;
  if (prevPublished) previous = new Map((prevPublished.snapshot as RankingResult).rows.map((r) => [r.unitId, { score: r.score, rank: r.rank }]));
  else {
    const prev = await computeLive(ctx, model, year - 1);
    if (prev.hasData) previous = new Map(prev.scored.map((r) => [r.unitId, { score: r.score, rank: r.rank }]));
  }
  const unitById = new Map(live.units.map((u) => [u.id, u]));
  return {
    model: { id: model.id, name: model.name },
    year,
    published: false,
    publishedAt: null,
    publishedBy: null,
    computedAt: new Date().toISOString(),
    pillars: live.pillars.map((p) => ({ id: p.id, name: p.name, weight: p.weight, maxPoints: p.components.reduce((s, c) => s + c.maxPoints, 0) })),
    components: live.components.map((c) => ({
      id: c.id,
      pillarId: c.pillarId,
      indicator: { id: c.indicatorId, code: c.indicatorCode, name: c.indicatorName, unit: c.indicatorUnit },
      maxPoints: c.maxPoints,
      normalisation: c.normalisation,
      direction: c.direction,
    })),
    previousYear: previous ? { year: year - 1, published: prevPublished !== undefined } : null,
    average: averages(live.scored),
    rows: live.scored.map((r) => {
      const u = unitById.get(r.unitId)!;
      return { unitId: r.unitId, unitCode: u.code, unitName: u.name, rank: r.rank, score: r.score, pillars: r.pillars, components: r.components, missing: r.missing, change: previous ? changeFrom(r, previous) : null };
    }),
  };
}

/** The year's ranking: the published snapshot when the year is published, otherwise computed now. */
async function scoresOf(ctx: CommandContext, model: store.ModelRow, year: number): Promise<RankingResult> {
  const publication = await store.findPublication(ctx.db, model.id, year);
  if (publication) {
    return { ...(publication.snapshot as RankingResult), published: true, publishedAt: publication.published_at.toISOString(), publishedBy: publication.publisher };
  }
  return ranking(ctx, model, year);
}

export async function indexScores(ctx: CommandContext, id: number, year: number): Promise<RankingResult> {
  const model = await modelOr404(ctx.db, id);
  await ctx.access.requireUnit(ctx.db, 'data.read', model.anchor_unit_id);
  return scoresOf(ctx, model, year);
}

/** Publish a year: store the ranking as computed now; 409 when already published. */
export async function publishRanking(ctx: CommandContext, id: number, year: number): Promise<RankingResult> {
  const model = await modelOr404(ctx.db, id);
  await ctx.access.requireUnit(ctx.db, 'plan.write', model.anchor_unit_id);
  await ctx.access.requireUnit(ctx.db, 'data.read', model.anchor_unit_id);
  const result = await ranking(ctx, model, year);
  return ctx.db.transaction().execute(async (tx) => {
    await modelOr404(tx, id, true);
    if (await store.findPublication(tx, id, year)) throw conflict('rankings.alreadyPublished', { year });
    const row = await tx
      .insertInto('index_publications')
      .values({ model_id: id, year, published_by: ctx.access.signedIn.userId, snapshot: JSON.stringify(result) })
      .returning('published_at')
      .executeTakeFirstOrThrow();
    await audit(tx, ctx, { action: 'indexModel.publish', entityType: 'indexModel', entityId: id, orgUnitId: model.anchor_unit_id, after: { year, units: result.rows.length } });
    const publisher = await tx.selectFrom('users').select('full_name').where('id', '=', ctx.access.signedIn.userId).executeTakeFirst();
    return { ...result, published: true, publishedAt: new Date(row.published_at).toISOString(), publishedBy: publisher?.full_name ?? null };
  });
}

/** Withdraw a year's publication: the year is computed live again. 404 when not published. */
export async function unpublishRanking(ctx: CommandContext, id: number, year: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const model = await modelOr404(tx, id, true);
    await ctx.access.requireUnit(tx, 'plan.write', model.anchor_unit_id);
    const gone = await tx.deleteFrom('index_publications').where('model_id', '=', id).where('year', '=', year).returning('published_at').executeTakeFirst();
    if (!gone) throw notFound('rankings.notPublished', { year });
    await audit(tx, ctx, { action: 'indexModel.unpublish', entityType: 'indexModel', entityId: id, orgUnitId: model.anchor_unit_id, before: { year, publishedAt: gone.published_at } });
  });
}

export interface TopRow {
  unitId: number;
  unitName: string;
  rank: number;
  score: number;
  /** Places moved since the previous year (positive = up), null when not ranked then. */
  change: number | null;
}

/**
 * For the leaders' dashboard: the first model ranking units under the unit (anchored at it, else at
 * the nearest unit below it, oldest model first), its year's top and bottom `limit` units. Both
 * lists are in rank order; `bottom` holds the last `limit` units not already in `top`.
 */
export async function rankingTop(ctx: CommandContext, input: { unitId: number; year: number; limit?: number }) {
  await ctx.access.requireUnit(ctx.db, 'data.read', input.unitId);
  const limit = input.limit ?? 5;
  const model = await store.firstModelUnder(ctx.db, input.unitId);
  if (!model) return { model: null, year: input.year, published: false, top: [] as TopRow[], bottom: [] as TopRow[] };
  const result = await scoresOf(ctx, model, input.year);
  const rows: TopRow[] = result.rows.map((r) => ({ unitId: r.unitId, unitName: r.unitName, rank: r.rank, score: r.score, change: r.change?.rank ?? null }));
  const top = rows.slice(0, limit);
  const bottom = rows.slice(Math.max(top.length, rows.length - limit));
  return { model: { id: model.id, name: model.name }, year: input.year, published: result.published, top, bottom };
}
