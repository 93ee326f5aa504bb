/** SQL for the indicator catalogue. */
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import { foldVietnamese } from '../../domain/text.ts';
import type { IndicatorRow, IndicatorsTable } from './schema.ts';
import type { Insertable, Updateable } from 'kysely';

type Q = Db | Tx;

export type NewIndicator = Omit<Insertable<IndicatorsTable>, 'search_key' | 'id' | 'created_at' | 'updated_at'>;
export type IndicatorChanges = Omit<Updateable<IndicatorsTable>, 'search_key' | 'id' | 'created_at' | 'updated_at'>;

/** Code and name both searchable without diacritics: "ty le ho so", "cqs-01". */
export function indicatorSearchKey(code: string, name: string): string {
  return `${code.toLowerCase()} ${foldVietnamese(name)}`;
}

export async function findIndicator(q: Q, id: number): Promise<IndicatorRow | undefined> {
  return q.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Codes are unique regardless of case. */
export async function findIndicatorByCode(q: Q, code: string): Promise<IndicatorRow | undefined> {
  return q.selectFrom('indicators').selectAll().where(sql`lower(code)`, '=', code.toLowerCase()).executeTakeFirst();
}

/** By code, case-insensitively; `lock` takes FOR UPDATE on the rows found. */
export async function findIndicatorsByCodes(q: Q, codes: readonly string[], options: { lock?: boolean } = {}): Promise<IndicatorRow[]> {
  if (codes.length === 0) return [];
  const select = q
    .selectFrom('indicators')
    .selectAll()
    .where(sql`lower(code)`, 'in', codes.map((c) => c.toLowerCase()));
  return (options.lock ? select.forUpdate() : select).execute();
}

/** A numeric reference is an id (codes always hold a letter), anything else a code. */
export async function findIndicatorByRef(q: Q, ref: string | number): Promise<IndicatorRow | undefined> {
  if (typeof ref === 'number') return findIndicator(q, ref);
  const trimmed = ref.trim();
  if (/^\d+$/.test(trimmed)) {
    const id = Number(trimmed);
    return Number.isSafeInteger(id) ? findIndicator(q, id) : undefined;
  }
  return findIndicatorByCode(q, trimmed);
}

export async function insertIndicator(q: Q, row: NewIndicator): Promise<IndicatorRow> {
  return q
    .insertInto('indicators')
    .values({ ...row, search_key: indicatorSearchKey(row.code, row.name) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateIndicator(q: Q, current: IndicatorRow, changes: IndicatorChanges): Promise<IndicatorRow> {
  const code = changes.code ?? current.code;
  const name = changes.name ?? current.name;
  return q
    .updateTable('indicators')
    .set({ ...changes, search_key: indicatorSearchKey(code, name), updated_at: new Date() })
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setArchived(q: Q, id: number, archived: boolean): Promise<IndicatorRow> {
  return q
    .updateTable('indicators')
    .set({ archived_at: archived ? new Date() : null, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Whether any value has been stored for the indicator (current values; history follows them). */
export async function hasDataValues(q: Q, id: number): Promise<boolean> {
  const row = await sql<{ ok: boolean }>`SELECT EXISTS (SELECT 1 FROM data_values WHERE indicator_id = ${id}::bigint) AS ok`.execute(q);
  return row.rows[0]?.ok === true;
}

/** Ids among `ids` that have stored values. */
export async function idsWithDataValues(q: Q, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await sql<{ id: number }>`
    SELECT i.id FROM unnest(${[...ids]}::bigint[]) AS i(id)
    WHERE EXISTS (SELECT 1 FROM data_values d WHERE d.indicator_id = i.id)`.execute(q);
  return new Set(rows.rows.map((r) => r.id));
}

export interface IndicatorListQuery {
  text?: string;
  pillar?: string;
  includeArchived: boolean;
  limit: number;
  /** Keyset: the last row's lower(code). */
  afterCode?: string;
}

/** Ordered by code (case-insensitive), so a cursor is the last code seen. */
export async function listIndicators(q: Q, query: IndicatorListQuery): Promise<IndicatorRow[]> {
  let select = q.selectFrom('indicators').selectAll();
  if (!query.includeArchived) select = select.where('archived_at', 'is', null);
  if (query.pillar) select = select.where('pillar', '=', query.pillar);
  if (query.text) {
    for (const word of foldVietnamese(query.text).split(' ').filter(Boolean)) {
      select = select.where('search_key', 'like', `%${word.replace(/[%_\\]/g, '\\$&')}%`);
    }
  }
  if (query.afterCode !== undefined) select = select.where(sql`lower(code)`, '>', query.afterCode);
  return select.orderBy(sql`lower(code)`).limit(query.limit).execute();
}
