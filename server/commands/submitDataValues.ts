/**
 * The bulk write path for values (API, imports, later the entry grid). Every row is checked — known
 * indicator and unit, a period of the indicator's type, the caller's scope, types and ranges — and the
 * batch is stored in one statement. Atomic by default: one problem stores nothing and lists them all.
 * History and rollup marks are written by the data_values trigger in the same transaction.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { normalizeValue, validateValue, type IndicatorRules } from '../../domain/dataValues.ts';
import { tryParsePeriod, type Period } from '../../domain/periods.ts';
import { numberArray, textArray } from '../db/arrayLiterals.ts';
import type { Tx } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import { translate, type Locale, type MessageKey } from '../http/messages.ts';
import { lockedCells } from '../store/submissions.ts';
import { audit, type CommandContext } from './context.ts';

export interface DataValueInput {
  indicator: string;
  orgUnit: string;
  period: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  comment?: string | null;
}

export interface SubmitOptions {
  atomic: boolean;
  idempotencyKey?: string;
  source: 'api' | 'import' | 'form' | 'demo';
  locale: Locale;
}

export interface ImportSummary {
  imported: number;
  updated: number;
  ignored: number;
  conflicts: { index: number; message: string }[];
}

interface ResolvedRow {
  index: number;
  indicatorId: number;
  orgUnitId: number;
  period: Period;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
}

const PERIOD_WORD: Record<string, MessageKey> = {
  day: 'periodType.day',
  week: 'periodType.week',
  month: 'periodType.month',
  quarter: 'periodType.quarter',
  half: 'periodType.half',
  year: 'periodType.year',
};

/** An indicator as validation needs it, with its rules built once per request rather than once per row. */
interface IndicatorForImport {
  id: number;
  code: string;
  period_type: string;
  archived_at: Date | null;
  rules: IndicatorRules;
}

/**
 * Check every row in memory against what three queries return — the indicators named, the units
 * named with whether each lies in the caller's write scope, and the locks on the cells — so that
 * the cost of a batch does not grow with round trips per row.
 */
async function resolve(tx: Tx, ctx: CommandContext, rows: DataValueInput[], locale: Locale) {
  const conflicts: ImportSummary['conflicts'] = [];
  const say = (index: number, key: MessageKey, params: Record<string, string | number> = {}) =>
    conflicts.push({ index, message: translate(locale, key, params) });

  const codes = new Set<string>();
  const unitCodes = new Set<string>();
  for (const r of rows) {
    codes.add(r.indicator.toLowerCase());
    unitCodes.add(r.orgUnit);
  }
  const indicators = await sql<Omit<IndicatorForImport, 'rules'> & { unit: string; space_aggregation: IndicatorRules['spaceAggregation']; min_value: number | null; max_value: number | null }>`
    SELECT id, code, unit, space_aggregation, period_type, min_value, max_value, archived_at FROM indicators
    WHERE lower(code) = ANY(${textArray([...codes])}::text[])`.execute(tx);
  const indicatorByCode = new Map<string, IndicatorForImport>(
    indicators.rows.map((i) => [
      i.code.toLowerCase(),
      { ...i, rules: { code: i.code, unit: i.unit, spaceAggregation: i.space_aggregation, minValue: i.min_value, maxValue: i.max_value } },
    ]),
  );

  // A code may name both an open unit and former units that reused it; the open one is meant.
  const roots = ctx.access.scopeRoots('data.write');
  const units = await sql<{ id: number; code: string; name: string; in_scope: boolean }>`
    SELECT DISTINCT ON (k.n) u.id, u.code, u.name,
           EXISTS (SELECT 1 FROM org_unit_closure c WHERE c.descendant_id = u.id AND c.ancestor_id = ANY(${numberArray(roots)}::bigint[])) AS in_scope
    FROM unnest(${textArray([...unitCodes])}::text[]) WITH ORDINALITY AS k(code, n) JOIN org_units u ON u.code = k.code
    ORDER BY k.n, (u.closed_on IS NULL) DESC, u.closed_on DESC`.execute(tx);
  const unitByCode = new Map(units.rows.map((u) => [u.code, u]));

  // Periods repeat across a batch (a month's report names one period): parse each id once.
  const periods = new Map<string, Period | undefined>();
  const periodOf = (id: string) => {
    if (!periods.has(id)) periods.set(id, tryParsePeriod(id));
    return periods.get(id);
  };

  const resolved: ResolvedRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const before = conflicts.length;
    const indicator = indicatorByCode.get(row.indicator.toLowerCase());
    const unit = unitByCode.get(row.orgUnit);
    const period = periodOf(row.period);
    if (!indicator) say(index, 'dataValue.unknownIndicator', { code: row.indicator });
    else if (indicator.archived_at) say(index, 'dataValue.archivedIndicator', { code: indicator.code });
    if (!unit) say(index, 'dataValue.unknownUnit', { code: row.orgUnit });
    else if (!unit.in_scope) say(index, 'dataValue.outOfScope', { unit: unit.name });
    if (!period) say(index, 'dataValue.invalidPeriod', { period: row.period });
    else if (indicator && period.type !== indicator.period_type)
      say(index, 'dataValue.wrongPeriodType', {
        indicator: indicator.code,
        period: row.period,
        expected: translate(locale, PERIOD_WORD[indicator.period_type]!),
        actual: translate(locale, PERIOD_WORD[period.type]!),
      });
    if (indicator) {
      for (const p of validateValue(indicator.rules, row)) say(index, p.key, p.params);
      if (conflicts.length === before && unit && period) {
        const key = `${indicator.id}|${unit.id}|${period.id}`;
        const other = seen.get(key);
        if (other !== undefined) say(index, 'dataValue.duplicate', { other });
        else {
          seen.set(key, index);
          const normalized = normalizeValue(indicator.rules, row);
          resolved.push({ index, indicatorId: indicator.id, orgUnitId: unit.id, period, ...normalized, comment: row.comment?.trim() || null });
        }
      }
    }
  });
  // A cell of a submitted or approved report belongs to the report until it is returned or reopened.
  const locked = await lockedCells(tx, resolved.map((r) => r.indicatorId), resolved.map((r) => r.orgUnitId), resolved.map((r) => r.period.id));
  if (locked.length === 0) return { resolved, conflicts };
  const lockedAt = new Set<number>();
  for (const cell of locked) {
    if (lockedAt.has(cell.index)) continue;
    lockedAt.add(cell.index);
    const r = resolved[cell.index]!;
    const row = rows[r.index]!;
    say(r.index, 'dataValue.locked', {
      indicator: indicatorByCode.get(row.indicator.toLowerCase())!.code,
      unit: unitByCode.get(row.orgUnit)!.name,
      period: r.period.id,
      form: cell.form_code,
      status: translate(locale, `submissionStatus.${cell.status}`),
    });
  }
  conflicts.sort((a, b) => a.index - b.index);
  return { resolved: resolved.filter((_, j) => !lockedAt.has(j)), conflicts };
}

/**
 * One upsert for the whole batch, its rows passed as ten array literals. Unchanged cells are left
 * alone (the WHERE of DO UPDATE), so they are neither counted nor traced. One row comes back: how
 * many rows were inserted (xmax = 0) and how many written in all.
 */
async function store(tx: Tx, rows: ResolvedRow[], source: SubmitOptions['source']): Promise<{ imported: number; updated: number }> {
  if (rows.length === 0) return { imported: 0, updated: 0 };
  const numbers = (f: (r: ResolvedRow) => number | null) => numberArray(rows.map(f));
  const texts = (f: (r: ResolvedRow) => string | null) => textArray(rows.map(f));
  const result = await sql<{ imported: number; written: number }>`
    WITH written AS (
      INSERT INTO data_values AS d (indicator_id, org_unit_id, period_id, period_type, period_start, period_end, value, numerator, denominator, comment, source, updated_by)
      SELECT k.*, ${source}, nullif(current_setting('dxpulse.actor_id', true), '')::bigint FROM unnest(
        ${numbers((r) => r.indicatorId)}::bigint[], ${numbers((r) => r.orgUnitId)}::bigint[], ${texts((r) => r.period.id)}::text[],
        ${texts((r) => r.period.type)}::text[], ${texts((r) => r.period.start)}::date[], ${texts((r) => r.period.end)}::date[],
        ${numbers((r) => r.value)}::float8[], ${numbers((r) => r.numerator)}::float8[], ${numbers((r) => r.denominator)}::float8[],
        ${texts((r) => r.comment)}::text[]) AS k
      ON CONFLICT (indicator_id, org_unit_id, period_id) DO UPDATE SET
        value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, comment = EXCLUDED.comment,
        source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = clock_timestamp()
      WHERE (d.value, d.numerator, d.denominator, d.comment) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.numerator, EXCLUDED.denominator, EXCLUDED.comment)
      RETURNING (xmax = 0) AS inserted)
    SELECT (count(*) FILTER (WHERE inserted))::int AS imported, count(*)::int AS written FROM written`.execute(tx);
  const { imported, written } = result.rows[0]!;
  return { imported, updated: written - imported };
}

const requestHash = (rows: DataValueInput[], atomic: boolean) =>
  createHash('sha256').update(JSON.stringify({ rows, atomic })).digest('hex');

export async function submitDataValues(ctx: CommandContext, rows: DataValueInput[], options: SubmitOptions): Promise<{ status: number; body: ImportSummary }> {
  const actor = ctx.access.signedIn;
  return ctx.db.transaction().execute(async (tx) => {
    if (options.idempotencyKey) {
      // Serialise replays of one key, then answer a replay with the first response.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`${actor.userId}:${options.idempotencyKey}`}))`.execute(tx);
      const previous = await tx
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('user_id', '=', actor.userId)
        .where('key', '=', options.idempotencyKey)
        .executeTakeFirst();
      if (previous) {
        if (previous.request_hash !== requestHash(rows, options.atomic))
          throw new ProblemError(422, 'idempotency.mismatch', { key: options.idempotencyKey });
        return { status: previous.status, body: previous.response as ImportSummary };
      }
    }
    await sql`SELECT set_config('dxpulse.actor_id', ${String(actor.userId)}, true), set_config('dxpulse.source', ${options.source}, true)`.execute(tx);
    const { resolved, conflicts } = await resolve(tx, ctx, rows, options.locale);
    const rejectedRows = new Set(conflicts.map((c) => c.index)).size;
    if (options.atomic && conflicts.length > 0) {
      const summary: ImportSummary = { imported: 0, updated: 0, ignored: rows.length, conflicts };
      throw new ProblemError(
        409,
        'dataValue.rejected',
        { count: rejectedRows },
        conflicts.map((c) => ({ path: `dataValues[${c.index}]`, message: c.message })),
        undefined,
        { ...summary },
      );
    }
    const { imported, updated } = await store(tx, resolved, options.source);
    const body: ImportSummary = { imported, updated, ignored: rows.length - imported - updated, conflicts };
    await audit(tx, ctx, { action: 'dataValue.import', entityType: 'dataValues', entityId: null, after: { rows: rows.length, imported, updated, conflicts: conflicts.length, source: options.source } });
    if (options.idempotencyKey) {
      await tx
        .insertInto('idempotency_keys')
        .values({ user_id: actor.userId, key: options.idempotencyKey, request_hash: requestHash(rows, options.atomic), status: 200, response: JSON.stringify(body) })
        .execute();
    }
    return { status: 200, body };
  });
}
