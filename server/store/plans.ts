/** SQL for plan records (kế hoạch, nghị quyết…): the minimal document the targets hang from. */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import type { PlanRow, PlansTable } from './schema.ts';

type Q = Db | Tx;

export interface PlanView extends PlanRow {
  issuer_code: string | null;
  issuer_name: string | null;
  target_count: number;
  task_count: number;
  parent_number: string | null;
  document_name: string | null;
  document_size: number | null;
}

const selectPlans = (q: Q) =>
  q
    .selectFrom('plans as p')
    .leftJoin('org_units as u', 'u.id', 'p.issuer_unit_id')
    .selectAll('p')
    .select(['u.code as issuer_code', 'u.name as issuer_name'])
    .leftJoin('plans as pp', 'pp.id', 'p.parent_plan_id')
    .leftJoin('files as f', 'f.id', 'p.document_file_id')
    .select(['pp.number as parent_number', 'f.name as document_name', 'f.size as document_size'])
    .select(sql<number>`(SELECT count(*)::int FROM targets t WHERE t.plan_id = p.id)`.as('target_count'))
    .select(sql<number>`(SELECT count(*)::int FROM tasks k WHERE k.plan_id = p.id)`.as('task_count'));

/** The plans implementing this one. */
export async function childPlans(q: Q, id: number): Promise<PlanView[]> {
  return selectPlans(q).where('p.parent_plan_id', '=', id).orderBy('p.id').execute() as Promise<PlanView[]>;
}

export async function findPlan(q: Q, id: number): Promise<PlanRow | undefined> {
  return q.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPlanView(q: Q, id: number): Promise<PlanView | undefined> {
  return selectPlans(q).where('p.id', '=', id).executeTakeFirst() as Promise<PlanView | undefined>;
}

/** The plan holding the number for the issuer (numbers repeat across issuers: "01/KH-UBND"). */
export async function findPlanByNumber(q: Q, number: string, issuerUnitId: number | null): Promise<PlanRow | undefined> {
  return q
    .selectFrom('plans')
    .selectAll()
    .where(sql`lower(number)`, '=', number.toLowerCase())
    .where(sql`coalesce(issuer_unit_id, 0)`, '=', issuerUnitId ?? 0)
    .executeTakeFirst();
}

export async function insertPlan(q: Q, row: Omit<Insertable<PlansTable>, 'id' | 'created_at' | 'updated_at'>): Promise<PlanRow> {
  return q.insertInto('plans').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updatePlan(q: Q, id: number, changes: Omit<Updateable<PlansTable>, 'id' | 'created_at' | 'updated_at'>): Promise<PlanRow> {
  return q.updateTable('plans').set({ ...changes, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export interface PlanListQuery {
  text?: string;
  kind?: string;
  horizonYear?: number;
  issuerUnitId?: number;
  parentPlanId?: number;
  limit: number;
  beforeId?: number;
}

/** Newest first. */
export async function listPlans(q: Q, query: PlanListQuery): Promise<PlanView[]> {
  let select = selectPlans(q);
  if (query.kind) select = select.where('p.kind', '=', query.kind);
  if (query.horizonYear !== undefined) select = select.where('p.horizon_year', '=', query.horizonYear);
  if (query.issuerUnitId !== undefined) select = select.where('p.issuer_unit_id', '=', query.issuerUnitId);
  if (query.parentPlanId !== undefined) select = select.where('p.parent_plan_id', '=', query.parentPlanId);
  if (query.text) {
    const like = `%${query.text.replace(/[%_\\]/g, '\\$&')}%`;
    select = select.where((eb) => eb.or([eb('p.number', 'ilike', like), eb('p.title', 'ilike', like)]));
  }
  if (query.beforeId !== undefined) select = select.where('p.id', '<', query.beforeId);
  return select.orderBy('p.id', 'desc').limit(query.limit).execute() as Promise<PlanView[]>;
}
