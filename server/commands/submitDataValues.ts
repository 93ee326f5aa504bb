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

async function resolve(tx: Tx, ctx: CommandContext, rows: DataValueInput[], locale: Locale) {
  const conflicts: ImportSummary['conflicts'] = [];
  const say = (index: number, key: MessageKey, params: Record<string, string | number> = {}) =>
    conflicts.push({ index, message: translate(locale, key, params) });

  const codes = [...new Set(rows.map((r) => r.indicator.toLowerCase()))];
  const indicators = await tx
    .selectFrom('indicators')
    .select(['id', 'code', 'unit', 'space_aggregation', 'period_type', 'min_value', 'max_value', 'archived_at'])
    .where(sql`lower(code)`, 'in', codes)
    .execute();
  const indicatorByCode = new Map(indicators.map((i) => [i.code.toLowerCase(), i]));

  // A code may name both an open unit and former units that reused it; the open one is meant.
  const unitCodes = [...new Set(rows.map((r) => r.orgUnit))];
  const units = await sql<{ id: number; code: string; name: string; closed_on: string | null }>`
    SELECT DISTINCT ON (code) id, code, name, closed_on FROM org_units WHERE code = ANY(${unitCodes}::text[])
    ORDER BY code, (closed_on IS NULL) DESC, closed_on DESC`.execute(tx);
  const unitByCode = new Map(units.rows.map((u) => [u.code, u]));
  const roots = ctx.access.scopeRoots('data.write');
  const inScope = new Set(
    roots.length && units.rows.length
      ? (
          await sql<{ id: number }>`SELECT DISTINCT descendant_id AS id FROM org_unit_closure
            WHERE descendant_id = ANY(${units.rows.map((u) => u.id)}::bigint[]) AND ancestor_id = ANY(${roots}::bigint[])`.execute(tx)
        ).rows.map((r) => r.id)
      : [],
  );

  const resolved: ResolvedRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const before = conflicts.length;
    const indicator = indicatorByCode.get(row.indicator.toLowerCase());
    const unit = unitByCode.get(row.orgUnit);
    const period = tryParsePeriod(row.period);
    if (!indicator) say(index, 'dataValue.unknownIndicator', { code: row.indicator });
    else if (indicator.archived_at) say(index, 'dataValue.archivedIndicator', { code: indicator.code });
    if (!unit) say(index, 'dataValue.unknownUnit', { code: row.orgUnit });
    else if (!inScope.has(unit.id)) say(index, 'dataValue.outOfScope', { unit: unit.name });
    if (!period) say(index, 'dataValue.invalidPeriod', { period: row.period });
    else if (indicator && period.type !== indicator.period_type)
      say(index, 'dataValue.wrongPeriodType', {
        indicator: indicator.code,
        period: row.period,
        expected: translate(locale, PERIOD_WORD[indicator.period_type]!),
        actual: translate(locale, PERIOD_WORD[period.type]!),
      });
    if (indicator) {
      const rules: IndicatorRules = {
        code: indicator.code,
        unit: indicator.unit,
        spaceAggregation: indicator.space_aggregation,
        minValue: indicator.min_value,
        maxValue: indicator.max_value,
      };
      for (const p of validateValue(rules, row)) say(index, p.key, p.params);
      if (conflicts.length === before && unit && period) {
        const key = `${indicator.id}|${unit.id}|${period.id}`;
        const other = seen.get(key);
        if (other !== undefined) say(index, 'dataValue.duplicate', { other });
        else {
          seen.set(key, index);
          const normalized = normalizeValue(rules, row);
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

async function store(tx: Tx, rows: ResolvedRow[], source: SubmitOptions['source']): Promise<{ imported: number; updated: number }> {
  if (rows.length === 0) return { imported: 0, updated: 0 };
  const col = <T>(f: (r: ResolvedRow) => T) => rows.map(f);
  const result = await sql<{ inserted: boolean }>`
    INSERT INTO data_values AS d (indicator_id, org_unit_id, period_id, period_type, period_start, period_end, value, numerator, denominator, comment, source, updated_by)
    SELECT k.*, ${source}, nullif(current_setting('dxpulse.actor_id', true), '')::bigint FROM unnest(
      ${col((r) => r.indicatorId)}::bigint[], ${col((r) => r.orgUnitId)}::bigint[], ${col((r) => r.period.id)}::text[],
      ${col((r) => r.period.type)}::text[], ${col((r) => r.period.start)}::date[], ${col((r) => r.period.end)}::date[],
      ${col((r) => r.value)}::float8[], ${col((r) => r.numerator)}::float8[], ${col((r) => r.denominator)}::float8[],
      ${col((r) => r.comment)}::text[]) AS k
    ON CONFLICT (indicator_id, org_unit_id, period_id) DO UPDATE SET
      value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, comment = EXCLUDED.comment,
      source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = clock_timestamp()
    WHERE (d.value, d.numerator, d.denominator, d.comment) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.numerator, EXCLUDED.denominator, EXCLUDED.comment)
    RETURNING (xmax = 0) AS inserted`.execute(tx);
  const imported = result.rows.filter((r) => r.inserted).length;
  return { imported, updated: result.rows.length - imported };
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
