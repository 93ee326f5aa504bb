/** SQL for plan documents imported for review (migration 0010), and the registry the extraction matches agencies against. */
import { sql } from 'kysely';
import type { RegistryUnit } from '../../domain/extract/agencies.ts';
import type { Db, Tx } from '../db/database.ts';
import type { PlanImportRow } from './schema.ts';

type Q = Db | Tx;

export type PlanImportStatus = PlanImportRow['status'];

export interface PlanImportView extends PlanImportRow {
  issuer_code: string;
  issuer_name: string;
  creator_username: string;
  creator_name: string;
  plan_number: string | null;
}

const selectViews = (q: Q) =>
  q
    .selectFrom('plan_imports as i')
    .innerJoin('org_units as u', 'u.id', 'i.org_unit_id')
    .innerJoin('users as c', 'c.id', 'i.created_by')
    .leftJoin('plans as p', 'p.id', 'i.published_plan_id')
    .selectAll('i')
    .select(['u.code as issuer_code', 'u.name as issuer_name', 'c.username as creator_username', 'c.full_name as creator_name', 'p.number as plan_number']);

export async function insertPlanImport(
  q: Q,
  row: { file_id: number; filename: string; format: PlanImportRow['format']; reading: unknown; org_unit_id: number; result: unknown; proposal: unknown; review: unknown; created_by: number },
): Promise<PlanImportRow> {
  return q
    .insertInto('plan_imports')
    .values({
      ...row,
      reading: JSON.stringify(row.reading),
      result: JSON.stringify(row.result),
      proposal: JSON.stringify(row.proposal),
      review: JSON.stringify(row.review),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The row, locked for the rest of the transaction when asked (saving and publishing serialise on it). */
export async function findPlanImport(q: Q, id: number, options: { lock?: boolean } = {}): Promise<PlanImportRow | undefined> {
  let query = q.selectFrom('plan_imports').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findPlanImportView(q: Q, id: number): Promise<PlanImportView | undefined> {
  return selectViews(q).where('i.id', '=', id).executeTakeFirst();
}

/** Imports whose issuing unit lies under one of the roots, newest first. */
export async function listPlanImports(q: Q, query: { roots: readonly number[]; status: PlanImportStatus; limit: number; beforeId?: number }): Promise<PlanImportView[]> {
  if (query.roots.length === 0) return [];
  let list = selectViews(q)
    .where('i.status', '=', query.status)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM org_unit_closure c WHERE c.descendant_id = i.org_unit_id AND c.ancestor_id IN (${sql.join(query.roots.map((r) => sql`${r}::bigint`))}))`);
  if (query.beforeId !== undefined) list = list.where('i.id', '<', query.beforeId);
  return list.orderBy('i.id', 'desc').limit(query.limit).execute();
}

export async function updatePlanImport(
  q: Q,
  id: number,
  changes: { review?: unknown; org_unit_id?: number; status?: PlanImportStatus; published_plan_id?: number; published_at?: Date },
): Promise<PlanImportRow> {
  const { review, ...rest } = changes;
  return q
    .updateTable('plan_imports')
    .set({ ...rest, ...(review !== undefined ? { review: JSON.stringify(review) } : {}), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---------------------------------------------------------------------------------------------
// The registry of agencies and places, from the unit tree

const COMMUNE_KINDS = new Set(['commune', 'ward', 'special_zone', 'district']);

/**
 * Every unit (open and closed) of the tree the issuing unit belongs to — the city, its departments,
 * its communes, wards and special zone, and the units of before the 2025 mergers — as the
 * extraction's registry: a commune is also named as its People's Committee ("Ủy ban nhân dân
 * phường Dương Kinh", as plans assign it), a closed unit carries the code of the open unit its
 * 'full' lineage leads to. Open units come last, so where an open unit reuses a closed one's code
 * the open one is what the code means. Places: the tree's root and communes, without "Thành phố",
 * "Phường"… (the header's "Hải Phòng, ngày …").
 */
export async function agencyRegistry(q: Q, issuerUnitId: number): Promise<{ agencies: RegistryUnit[]; places: string[] }> {
  const rows = await sql<{ id: number; code: string; name: string; short_name: string | null; kind: string; closed_on: string | null; is_root: boolean; successor_code: string | null }>`
    WITH root AS (
      SELECT ancestor_id AS id FROM org_unit_closure WHERE descendant_id = ${issuerUnitId}::bigint ORDER BY depth DESC LIMIT 1
    )
    SELECT u.id, u.code, u.name, u.short_name, u.kind, u.closed_on, u.id = (SELECT id FROM root) AS is_root,
      (SELECT s.code FROM org_unit_lineage l JOIN org_units s ON s.id = l.successor_id
        WHERE l.predecessor_id = u.id AND l.share = 'full' ORDER BY s.closed_on IS NULL DESC, s.id LIMIT 1) AS successor_code
    FROM org_units u
    WHERE EXISTS (SELECT 1 FROM org_unit_closure c WHERE c.descendant_id = u.id AND c.ancestor_id = (SELECT id FROM root))
    ORDER BY u.closed_on IS NULL, u.id
  `.execute(q);
  const strip = (name: string) => name.replace(/^(Thành phố|Tỉnh|Phường|Xã|Đặc khu|Quận|Huyện|Thị xã|Thị trấn)\s+/u, '');
  const agencies: RegistryUnit[] = [];
  const places: string[] = [];
  for (const r of rows.rows) {
    const closed = r.closed_on !== null;
    const committee = COMMUNE_KINDS.has(r.kind) || r.is_root;
    agencies.push({
      code: r.code,
      name: committee ? `Ủy ban nhân dân ${r.name.replace(/^(Thành phố|Tỉnh|Phường|Xã|Đặc khu|Quận|Huyện|Thị xã|Thị trấn)/u, (w) => w.toLowerCase())}` : r.name,
      aliases: [...(committee ? [r.name] : []), ...(r.short_name ? [r.short_name] : [])],
      closed,
      successorCode: closed ? r.successor_code : null,
    });
    if (!closed && (committee || r.is_root)) places.push(strip(r.name));
  }
  return { agencies, places };
}

/**
 * The open unit each registry code stands for today: the open unit holding the code, or else the
 * open unit a closed holder's 'full' lineage leads to. Codes with neither are left out.
 */
export async function openUnitsByCode(q: Q, codes: readonly string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(codes)];
  const out = new Map<string, number>();
  if (wanted.length === 0) return out;
  const rows = await sql<{ code: string; id: number }>`
    WITH RECURSIVE chain(code, id, closed_on, hops) AS (
      SELECT u.code, u.id, u.closed_on, 0 FROM org_units u WHERE u.code IN (${sql.join(wanted)})
      UNION ALL
      SELECT chain.code, s.id, s.closed_on, chain.hops + 1
      FROM chain JOIN org_unit_lineage l ON l.predecessor_id = chain.id AND l.share = 'full'
      JOIN org_units s ON s.id = l.successor_id
      WHERE chain.closed_on IS NOT NULL AND chain.hops < 20
    )
    SELECT DISTINCT ON (code) code, id FROM chain WHERE closed_on IS NULL ORDER BY code, hops, id
  `.execute(q);
  for (const r of rows.rows) out.set(r.code, Number(r.id));
  return out;
}

export async function unitLabels(q: Q, ids: readonly number[]): Promise<{ id: number; code: string; name: string; closed_on: string | null }[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return q.selectFrom('org_units').select(['id', 'code', 'name', 'closed_on']).where('id', 'in', unique).orderBy('id').execute();
}

/** The catalogue the suggestions rank: every indicator not archived. */
export async function indicatorCandidates(q: Q): Promise<{ id: number; code: string; name: string; unit: string }[]> {
  return q.selectFrom('indicators').select(['id', 'code', 'name', 'unit']).where('archived_at', 'is', null).orderBy('code').execute();
}

export async function indicatorLabels(q: Q, ids: readonly number[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return q.selectFrom('indicators').select(['id', 'code', 'name', 'unit', 'archived_at']).where('id', 'in', unique).execute();
}
