/** SQL for submissions: the report row, its staged values, its trace, and the cell locks it holds. */
import { sql, type Updateable } from 'kysely';
import type { Period } from '../../domain/periods.ts';
import type { Db, Tx } from '../db/database.ts';
import type { SubmissionRow, SubmissionsTable } from './schema.ts';
import { numberArray, textArray } from '../db/arrayLiterals.ts';

type Q = Db | Tx;

export interface StagedValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
}

export async function findSubmission(q: Q, formId: number, orgUnitId: number, periodId: string, options: { lock?: boolean } = {}): Promise<SubmissionRow | undefined> {
  const select = q.selectFrom('submissions').selectAll().where('form_id', '=', formId).where('org_unit_id', '=', orgUnitId).where('period_id', '=', periodId);
  return (options.lock ? select.forUpdate() : select).executeTakeFirst();
}

/** Create the submission row if it does not exist yet; returns it locked, and whether it was created. */
export async function ensureSubmission(tx: Tx, formId: number, orgUnitId: number, period: Period, actorId: number): Promise<{ row: SubmissionRow; created: boolean }> {
  const inserted = await tx
    .insertInto('submissions')
    .values({ form_id: formId, org_unit_id: orgUnitId, period_id: period.id, period_start: period.start, period_end: period.end, created_by: actorId })
    .onConflict((oc) => oc.columns(['form_id', 'org_unit_id', 'period_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { row: inserted, created: true };
  return { row: (await findSubmission(tx, formId, orgUnitId, period.id, { lock: true }))!, created: false };
}

export async function updateSubmission(tx: Tx, id: number, changes: Omit<Updateable<SubmissionsTable>, 'id' | 'form_id' | 'org_unit_id' | 'period_id'>): Promise<SubmissionRow> {
  return tx
    .updateTable('submissions')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function stagedValues(q: Q, submissionId: number): Promise<Map<number, StagedValue>> {
  const rows = await q.selectFrom('submission_values').select(['indicator_id', 'value', 'numerator', 'denominator', 'comment']).where('submission_id', '=', submissionId).execute();
  return new Map(rows.map((r) => [r.indicator_id, { value: r.value, numerator: r.numerator, denominator: r.denominator, comment: r.comment }]));
}

/** Upsert and delete staged values; the number of rows that really changed. */
export async function writeStaged(
  tx: Tx,
  submissionId: number,
  upserts: ({ indicatorId: number } & StagedValue)[],
  deletes: number[],
  actorId: number,
): Promise<number> {
  let changed = 0;
  if (upserts.length) {
    const col = <T,>(f: (r: (typeof upserts)[number]) => T) => upserts.map(f);
    const result = await sql<{ indicator_id: number }>`
      INSERT INTO submission_values AS s (submission_id, indicator_id, value, numerator, denominator, comment, updated_by)
      SELECT ${submissionId}::bigint, k.*, ${actorId}::bigint FROM unnest(
        ${col((r) => r.indicatorId)}::bigint[], ${col((r) => r.value)}::float8[], ${col((r) => r.numerator)}::float8[],
        ${col((r) => r.denominator)}::float8[], ${col((r) => r.comment)}::text[]) AS k
      ON CONFLICT (submission_id, indicator_id) DO UPDATE SET
        value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, comment = EXCLUDED.comment,
        updated_by = EXCLUDED.updated_by, updated_at = clock_timestamp()
      WHERE (s.value, s.numerator, s.denominator, s.comment) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.numerator, EXCLUDED.denominator, EXCLUDED.comment)
      RETURNING s.indicator_id`.execute(tx);
    changed += result.rows.length;
  }
  if (deletes.length) {
    const result = await tx.deleteFrom('submission_values').where('submission_id', '=', submissionId).where('indicator_id', 'in', deletes).returning('indicator_id').execute();
    changed += result.length;
  }
  return changed;
}

export async function appendEvent(
  tx: Tx,
  event: { submissionId: number; action: 'created' | 'saved' | 'submitted' | 'approved' | 'returned' | 'reopened'; fromStatus: string | null; toStatus: string; reason?: string | null; detail?: unknown; actorId: number },
): Promise<void> {
  await tx
    .insertInto('submission_events')
    .values({
      submission_id: event.submissionId,
      action: event.action,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      reason: event.reason ?? null,
      detail: event.detail === undefined ? null : JSON.stringify(event.detail),
      actor_id: event.actorId,
    })
    .execute();
}

export async function eventsOf(q: Q, submissionId: number) {
  return q
    .selectFrom('submission_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.action', 'e.from_status', 'e.to_status', 'e.reason', 'e.detail', 'e.at', 'e.actor_id', 'u.username', 'u.full_name'])
    .where('e.submission_id', '=', submissionId)
    .orderBy('e.id')
    .execute();
}

export async function usersByIds(q: Q, ids: readonly (number | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (wanted.length === 0) return new Map<number, { id: number; username: string; full_name: string }>();
  const rows = await q.selectFrom('users').select(['id', 'username', 'full_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export interface StoredValue extends StagedValue {
  indicator_id: number;
  source: string;
  updated_at: Date;
  updated_by: number | null;
  username: string | null;
  full_name: string | null;
}

/** The stored values (data_values) of the cells indicator × unit × period. */
export async function storedValues(q: Q, indicatorIds: readonly number[], orgUnitId: number, periodId: string): Promise<Map<number, StoredValue>> {
  if (indicatorIds.length === 0) return new Map();
  const rows = await q
    .selectFrom('data_values as d')
    .leftJoin('users as u', 'u.id', 'd.updated_by')
    .select(['d.indicator_id', 'd.value', 'd.numerator', 'd.denominator', 'd.comment', 'd.source', 'd.updated_at', 'd.updated_by', 'u.username', 'u.full_name'])
    .where('d.indicator_id', 'in', [...indicatorIds])
    .where('d.org_unit_id', '=', orgUnitId)
    .where('d.period_id', '=', periodId)
    .execute();
  return new Map(rows.map((r) => [r.indicator_id, r]));
}

/**
 * Copy a submission's staged values of the form's items into data_values, as one statement. History
 * and rollup marks come from the data_values trigger; who and how from dxpulse.actor_id/source,
 * which the caller sets. Staged rows holding no number (a comment alone) are not copied.
 */
export async function publishStaged(tx: Tx, submission: SubmissionRow, period: Period, updatedBy: number | null): Promise<{ written: number }> {
  const result = await sql<{ indicator_id: number }>`
    INSERT INTO data_values AS d (indicator_id, org_unit_id, period_id, period_type, period_start, period_end, value, numerator, denominator, comment, source, updated_by)
    SELECT sv.indicator_id, ${submission.org_unit_id}::bigint, ${period.id}, ${period.type}, ${period.start}::date, ${period.end}::date,
           sv.value, sv.numerator, sv.denominator, sv.comment, 'form', ${updatedBy}::bigint
      FROM submission_values sv
      JOIN report_form_items fi ON fi.form_id = ${submission.form_id}::bigint AND fi.indicator_id = sv.indicator_id
     WHERE sv.submission_id = ${submission.id}::bigint
       AND (sv.value IS NOT NULL OR sv.numerator IS NOT NULL OR sv.denominator IS NOT NULL)
    ON CONFLICT (indicator_id, org_unit_id, period_id) DO UPDATE SET
      value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, comment = EXCLUDED.comment,
      source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = clock_timestamp()
    WHERE (d.value, d.numerator, d.denominator, d.comment) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.numerator, EXCLUDED.denominator, EXCLUDED.comment)
    RETURNING d.indicator_id`.execute(tx);
  return { written: result.rows.length };
}

export interface LockedCell {
  index: number;
  form_code: string;
  status: 'submitted' | 'approved';
}

/**
 * Which of the cells (indicator × unit × period, by position in the arrays) belong to a submitted or
 * approved submission of a form holding the indicator. The submissions of the cells' units and
 * periods are share-locked until the caller commits, so none of them can change status (a submit or
 * an approval cannot slip in between this check and the caller's write). Only the distinct
 * unit × period pairs go to the database: a bulk import of 200,000 values names a few thousand.
 */
export async function lockedCells(q: Q, indicatorIds: number[], orgUnitIds: number[], periodIds: string[]): Promise<LockedCell[]> {
  if (indicatorIds.length === 0) return [];
  const pairs = new Map<string, [number, string]>();
  orgUnitIds.forEach((u, i) => pairs.set(`${u}|${periodIds[i]}`, [u, periodIds[i]!]));
  const units = [...pairs.values()].map((p) => p[0]);
  const periods = [...pairs.values()].map((p) => p[1]);
  const rows = await sql<{ indicator_id: number; org_unit_id: number; period_id: string; form_code: string; status: string }>`
    SELECT fi.indicator_id, s.org_unit_id, s.period_id, f.code AS form_code, s.status
      FROM unnest(${numberArray(units)}::bigint[], ${textArray(periods)}::text[]) AS k(org_unit_id, period_id)
      JOIN submissions s ON s.org_unit_id = k.org_unit_id AND s.period_id = k.period_id
      JOIN report_form_items fi ON fi.form_id = s.form_id
      JOIN report_forms f ON f.id = s.form_id
     ORDER BY s.id
       FOR SHARE OF s`.execute(q);
  const holder = new Map<string, { form_code: string; status: 'submitted' | 'approved' }>();
  for (const r of rows.rows) {
    if (r.status === 'submitted' || r.status === 'approved') holder.set(`${r.indicator_id}|${r.org_unit_id}|${r.period_id}`, { form_code: r.form_code, status: r.status });
  }
  if (holder.size === 0) return [];
  return indicatorIds.flatMap((indicatorId, index) => {
    const h = holder.get(`${indicatorId}|${orgUnitIds[index]}|${periodIds[index]}`);
    return h ? [{ index, ...h }] : [];
  });
}
