/** Index models, their pillars and components, the units they rank, and published rankings (0011). */
import { sql } from 'kysely';
import type { ComponentParams, Normalisation, RankDirection } from '../../domain/rankings.ts';
import type { Db, Tx } from '../db/database.ts';

type Q = Db | Tx;

export interface ModelRow {
  id: number;
  name: string;
  description: string | null;
  anchor_unit_id: number;
  unit_kinds: string[] | null;
  group_id: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface StoredComponent {
  id: number;
  pillarId: number;
  indicatorId: number;
  indicatorCode: string;
  indicatorName: string;
  indicatorUnit: string;
  maxPoints: number;
  normalisation: Normalisation;
  params: ComponentParams;
  direction: RankDirection;
}

export interface StoredPillar {
  id: number;
  name: string;
  weight: number;
  components: StoredComponent[];
}

export interface PillarInput {
  name: string;
  weight: number;
  components: { indicatorId: number; maxPoints: number; normalisation: Normalisation; params: ComponentParams; direction: RankDirection }[];
}

const MODEL_COLUMNS = ['id', 'name', 'description', 'anchor_unit_id', 'unit_kinds', 'group_id', 'created_at', 'updated_at'] as const;

export async function findModel(q: Q, id: number, lock = false): Promise<ModelRow | undefined> {
  let query = q.selectFrom('index_models').select(MODEL_COLUMNS).where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Models whose anchor lies in one of the subtrees, by id. */
export async function listModels(q: Q, scopeRoots: readonly number[]): Promise<ModelRow[]> {
  if (scopeRoots.length === 0) return [];
  return q
    .selectFrom('index_models')
    .select(MODEL_COLUMNS)
    .where('anchor_unit_id', 'in', (eb) => eb.selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', 'in', [...scopeRoots]))
    .orderBy('id')
    .execute();
}

/** The first model (nearest anchor, then oldest) anchored at the unit or below it. */
export async function firstModelUnder(q: Q, unitId: number): Promise<ModelRow | undefined> {
  return q
    .selectFrom('index_models as m')
    .innerJoin('org_unit_closure as c', 'c.descendant_id', 'm.anchor_unit_id')
    .select(MODEL_COLUMNS.map((c) => `m.${c}` as const))
    .where('c.ancestor_id', '=', unitId)
    .orderBy('c.depth')
    .orderBy('m.id')
    .executeTakeFirst();
}

export async function pillarsOf(q: Q, modelId: number): Promise<StoredPillar[]> {
  const pillars = await q.selectFrom('index_pillars').select(['id', 'name', 'weight']).where('model_id', '=', modelId).orderBy('position').execute();
  if (pillars.length === 0) return [];
  const components = await q
    .selectFrom('index_components as c')
    .innerJoin('indicators as i', 'i.id', 'c.indicator_id')
    .select(['c.id', 'c.pillar_id', 'c.indicator_id', 'i.code', 'i.name', 'i.unit', 'c.max_points', 'c.normalisation', 'c.params', 'c.direction'])
    .where('c.pillar_id', 'in', pillars.map((p) => p.id))
    .orderBy('c.pillar_id')
    .orderBy('c.position')
    .execute();
  return pillars.map((p) => ({
    id: p.id,
    name: p.name,
    weight: p.weight,
    components: components
      .filter((c) => c.pillar_id === p.id)
      .map((c) => ({
        id: c.id,
        pillarId: p.id,
        indicatorId: c.indicator_id,
        indicatorCode: c.code,
        indicatorName: c.name,
        indicatorUnit: c.unit,
        maxPoints: c.max_points,
        normalisation: c.normalisation,
        params: (c.params ?? {}) as ComponentParams,
        direction: c.direction,
      })),
  }));
}

/** Replace a model's pillars and components by the ones given, in order. */
export async function replacePillars(tx: Tx, modelId: number, pillars: readonly PillarInput[]): Promise<void> {
  await tx.deleteFrom('index_pillars').where('model_id', '=', modelId).execute();
  for (const [position, p] of pillars.entries()) {
    const row = await tx.insertInto('index_pillars').values({ model_id: modelId, name: p.name, weight: p.weight, position }).returning('id').executeTakeFirstOrThrow();
    if (p.components.length === 0) continue;
    await tx
      .insertInto('index_components')
      .values(
        p.components.map((c, k) => ({
          pillar_id: row.id,
          indicator_id: c.indicatorId,
          max_points: c.maxPoints,
          normalisation: c.normalisation,
          params: JSON.stringify(c.params),
          direction: c.direction,
          position: k,
        })),
      )
      .execute();
  }
}

export interface RankedUnit {
  id: number;
  code: string;
  name: string;
}

/** The open units a model ranks: of its kinds under its anchor, or the members of its group under its anchor; by name. */
export async function rankedUnits(q: Q, model: Pick<ModelRow, 'anchor_unit_id' | 'unit_kinds' | 'group_id'>): Promise<RankedUnit[]> {
  const rows = await sql<RankedUnit>`
    SELECT u.id, u.code, u.name FROM org_units u
    JOIN org_unit_closure c ON c.descendant_id = u.id AND c.ancestor_id = ${model.anchor_unit_id}::bigint AND c.depth > 0
    WHERE u.closed_on IS NULL AND ${
      model.group_id !== null
        ? sql`u.id IN (SELECT org_unit_id FROM org_unit_group_members WHERE group_id = ${model.group_id}::bigint)`
        : sql`u.kind = ANY(${model.unit_kinds ?? []}::text[])`
    }
    ORDER BY u.search_key, u.id`.execute(q);
  return rows.rows;
}

export interface PublicationRow {
  model_id: number;
  year: number;
  published_at: Date;
  published_by: number | null;
  publisher: string | null;
  snapshot: unknown;
}

export async function findPublication(q: Q, modelId: number, year: number): Promise<PublicationRow | undefined> {
  return q
    .selectFrom('index_publications as p')
    .leftJoin('users as u', 'u.id', 'p.published_by')
    .select(['p.model_id', 'p.year', 'p.published_at', 'p.published_by', 'u.full_name as publisher', 'p.snapshot'])
    .where('p.model_id', '=', modelId)
    .where('p.year', '=', year)
    .executeTakeFirst();
}

export async function publishedYears(q: Q, modelId: number): Promise<number[]> {
  const rows = await q.selectFrom('index_publications').select('year').where('model_id', '=', modelId).orderBy('year').execute();
  return rows.map((r) => r.year);
}
