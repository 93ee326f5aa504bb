/**
 * Fingerprints of stored state, so a test can prove that a refused request changed nothing:
 * take a snapshot before, call, and compare after (row counts give readable failures, the hashes
 * catch any changed value).
 */
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../../server/db/database.ts';

const TABLES = [
  'org_units',
  'org_unit_closure',
  'org_unit_lineage',
  'users',
  'memberships',
  'audit_events',
  'indicators',
  'plans',
  'targets',
  'data_values',
  'report_forms',
  'report_form_items',
  'report_form_rules',
  'report_form_assignments',
  'org_unit_groups',
  'org_unit_group_members',
  'submissions',
  'submission_values',
  'submission_events',
  'files',
  'tasks',
  'task_cooperating_units',
  'task_targets',
  'task_updates',
  'task_update_files',
  'budget_lines',
  'report_form_task_sets',
  'submission_task_values',
  'plan_budget_years',
  'plan_imports',
  'official_report_drafts',
  'index_models',
  'index_pillars',
  'index_components',
  'index_publications',
] as const;
export type Table = (typeof TABLES)[number];

export interface DbState {
  counts: Record<Table, number>;
  hashes: Record<Table, string>;
}

export async function dbState(db: Db): Promise<DbState> {
  const counts = {} as Record<Table, number>;
  const hashes = {} as Record<Table, string>;
  for (const table of TABLES) {
    const row = await sql<{ n: number; h: string }>`
      SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${sql.table(table)} t
    `.execute(db);
    counts[table] = row.rows[0]!.n;
    hashes[table] = row.rows[0]!.h;
  }
  return { counts, hashes };
}

export async function countRows(db: Db, table: Table): Promise<number> {
  const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
  return row.rows[0]!.n;
}

/** The newest audit event, or undefined when the table is empty. */
export async function lastAudit(db: Db) {
  return db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function maxAuditId(db: Db): Promise<number> {
  const row = await db.selectFrom('audit_events').select(sql<number>`coalesce(max(id), 0)::int`.as('m')).executeTakeFirstOrThrow();
  return row.m;
}

/** Audit events written after `sinceId`, oldest first. */
export async function auditSince(db: Db, sinceId: number) {
  return db.selectFrom('audit_events').selectAll().where('id', '>', sinceId).orderBy('id').execute();
}

/** What a refused request answers: problem+json, with field problems where the input was at fault. */
export interface Refusal {
  status: number;
  title: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

/**
 * Runs a request that must be refused: the status, a problem+json body, and not one stored row
 * changed (audit included). Every API test's `refused` helper is this with its own request.
 */
export async function expectRefused(
  db: Db,
  status: number,
  request: () => Promise<{ statusCode: number; body: string; headers: Record<string, unknown>; json(): unknown }>,
  label = 'the request',
): Promise<Refusal> {
  const before = await dbState(db);
  const res = await request();
  assert.equal(res.statusCode, status, `${label}: ${res.body}`);
  assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
  assert.deepEqual(await dbState(db), before, `${label} changed nothing`);
  return res.json() as Refusal;
}
