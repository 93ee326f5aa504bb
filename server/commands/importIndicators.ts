/**
 * XLSX import and export of the indicator catalogue. Import creates or updates by code and is
 * atomic: every row is checked first (options, numbers, the definition rules, duplicate codes, and
 * the rule that an indicator with values keeps its unit, aggregations and period type), and one bad
 * row rejects the file with every problem listed.
 *
 * The sheet is the truth for the columns it has: a blank optional cell means the default (direction
 * "higher", monthly, 2 decimals, the unit's natural range, no pillar or description); a column the
 * sheet lacks leaves that field of existing indicators unchanged.
 */
import type { Locale, MessageKey } from '../http/messages.ts';
import { translate } from '../http/messages.ts';
import { ProblemError, badRequest, type FieldProblem } from '../http/problem.ts';
import { OPTION_VALUES, optionLabel, type OptionField } from '../presenters/indicatorLabels.ts';
import { auditIndicator } from '../presenters/indicators.ts';
import { COLUMNS, MAX_IMPORT_ROWS, columnTitle, parseNumber, parseOption, readIndicatorWorkbook, writeIndicatorWorkbook, type ColumnField, type SheetRow } from '../reports/indicatorWorkbook.ts';
import * as store from '../store/indicators.ts';
import { INDICATOR_UNITS, defaultRange } from '../../domain/indicators.ts';
import { audit, type CommandContext } from './context.ts';
import {
  assertCodeFree,
  changedMeaning,
  definitionProblems,
  fieldsOfNew,
  fieldsOfPatch,
  requireTopLevel,
  type IndicatorInput,
  type IndicatorPatch,
} from './indicators.ts';

export async function exportIndicatorsXlsx(ctx: CommandContext, input: { includeArchived?: boolean }): Promise<Buffer> {
  const rows = await store.listIndicators(ctx.db, { includeArchived: input.includeArchived ?? false, limit: 100_000 });
  return writeIndicatorWorkbook(rows);
}

interface ParsedRow {
  row: number;
  code: string;
  /** Only the fields whose column the sheet has. */
  patch: IndicatorPatch;
}

const API_TO_COLUMN: Record<string, ColumnField> = Object.fromEntries(COLUMNS.map((c) => [c.field, c.field]));

function parseRow(sheetRow: SheetRow, present: ReadonlySet<ColumnField>, locale: Locale, problems: FieldProblem[]): ParsedRow | undefined {
  const path = `row ${sheetRow.row}`;
  const before = problems.length;
  const say = (column: ColumnField, key: MessageKey, params: Record<string, string | number> = {}) =>
    problems.push({ path, message: translate(locale, key, { column: columnTitle(column, locale), ...params }) });
  const cell = (field: ColumnField) => sheetRow.cells[field] ?? null;
  const text = (field: ColumnField) => {
    const c = cell(field);
    return c === null ? null : String(c).trim();
  };
  const option = (field: OptionField & ColumnField) => {
    const content = cell(field);
    if (content === null) return null;
    const value = parseOption(field, content);
    if (value === undefined) {
      const values = OPTION_VALUES[field].map((v) => optionLabel(locale, field, v)).join(', ');
      say(field, 'indicator.xlsx.option', { value: String(content), values });
    }
    return value ?? null;
  };
  const number = (field: ColumnField) => {
    const n = parseNumber(cell(field));
    if (n !== null && Number.isNaN(n)) say(field, 'indicator.xlsx.number', { value: String(cell(field)) });
    return n;
  };

  const code = text('code');
  const name = text('name');
  if (code === null) say('code', 'indicator.xlsx.required');
  if (name === null) say('name', 'indicator.xlsx.required');
  const unit = option('unit');
  if (cell('unit') === null) say('unit', 'indicator.xlsx.required');
  const spaceAggregation = option('spaceAggregation');
  if (cell('spaceAggregation') === null) say('spaceAggregation', 'indicator.xlsx.required');
  const timeAggregation = option('timeAggregation');
  if (cell('timeAggregation') === null) say('timeAggregation', 'indicator.xlsx.required');

  const patch: IndicatorPatch = {
    code: code ?? '',
    name: name ?? '',
    unit: unit ?? INDICATOR_UNITS[0],
    spaceAggregation: (spaceAggregation ?? 'sum') as IndicatorInput['spaceAggregation'],
    timeAggregation: (timeAggregation ?? 'sum') as IndicatorInput['timeAggregation'],
  };
  // Blank optional cells take the default of a new definition (see fieldsOfNew).
  if (present.has('pillar')) patch.pillar = option('pillar');
  if (present.has('direction')) patch.direction = (option('direction') ?? 'higher') as IndicatorInput['direction'];
  if (present.has('periodType')) patch.periodType = (option('periodType') ?? 'month') as IndicatorInput['periodType'];
  if (present.has('description')) patch.description = text('description');
  if (present.has('decimals')) {
    const d = number('decimals');
    patch.decimals = d ?? 2;
  }
  const range = defaultRange(unit ?? '');
  if (present.has('minValue')) patch.minValue = number('minValue') ?? range.min;
  if (present.has('maxValue')) patch.maxValue = number('maxValue') ?? range.max;
  if (problems.length > before || code === null) return undefined;
  return { row: sheetRow.row, code, patch };
}

/** Import the workbook: `{created, updated, unchanged}`, or a 422 listing every bad row and storing nothing. */
export async function importIndicatorsXlsx(ctx: CommandContext, bytes: Buffer, locale: Locale) {
  if (bytes.length === 0) throw badRequest('emptyBody');
  const read = await readIndicatorWorkbook(bytes);
  if (!read.ok) {
    switch (read.reason) {
      case 'malformed':
        throw badRequest('indicator.xlsx.malformed');
      case 'noSheet':
        throw badRequest('indicator.xlsx.noSheet');
      case 'empty':
        throw badRequest('indicator.xlsx.empty');
      case 'tooManyRows':
        throw badRequest('indicator.xlsx.tooManyRows', { max: MAX_IMPORT_ROWS });
      case 'columns':
        throw badRequest('indicator.xlsx.columns', { columns: read.missing.map((f) => `«${columnTitle(f, locale)}»`).join(', ') });
    }
  }
  const present = new Set<ColumnField>(read.rows.flatMap((r) => Object.keys(r.cells) as ColumnField[]));
  const problems: FieldProblem[] = [];
  const parsed: ParsedRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const sheetRow of read.rows) {
    const row = parseRow(sheetRow, present, locale, problems);
    if (!row) continue;
    const key = row.code.toLowerCase();
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      problems.push({ path: `row ${row.row}`, message: translate(locale, 'indicator.xlsx.duplicateCode', { code: row.code, row: first }) });
      continue;
    }
    firstRowOf.set(key, row.row);
    parsed.push(row);
  }

  return ctx.db.transaction().execute(async (tx) => {
    await requireTopLevel(tx, ctx, 'indicator.write');
    // Locked: "has no values yet" must hold until commit (see updateIndicator).
    const existing = new Map((await store.findIndicatorsByCodes(tx, parsed.map((r) => r.code), { lock: true })).map((r) => [r.code.toLowerCase(), r]));
    const withValues = await store.idsWithDataValues(tx, [...existing.values()].map((r) => r.id));

    const plans = parsed.map((row) => {
      const current = existing.get(row.code.toLowerCase());
      // A row matches its indicator by code in any case; the stored code (other systems use it) stays.
      const fields = current ? fieldsOfPatch(current, { ...row.patch, code: current.code }) : fieldsOfNew(row.patch as IndicatorInput);
      for (const p of definitionProblems(fields, locale, '')) {
        const column = API_TO_COLUMN[p.path];
        problems.push({ path: `row ${row.row}`, message: column ? translate(locale, 'indicator.xlsx.cell', { column: columnTitle(column, locale), message: p.message }) : p.message });
      }
      if (current && withValues.has(current.id)) {
        for (const field of changedMeaning(current, fields)) {
          problems.push({
            path: `row ${row.row}`,
            message: translate(locale, 'indicator.xlsx.cell', {
              column: columnTitle(field, locale),
              message: translate(locale, 'indicator.meaningLockedField', { field: translate(locale, `indicatorField.${field}` as MessageKey) }),
            }),
          });
        }
      }
      return { row, current, fields };
    });
    if (problems.length) {
      const count = new Set(problems.map((p) => p.path)).size;
      throw new ProblemError(422, 'indicator.xlsx.failed', { count }, problems.sort((a, b) => rowOf(a.path) - rowOf(b.path)));
    }

    let created = 0;
    let updated = 0;
    let unchanged = 0;
    for (const { current, fields } of plans) {
      if (!current) {
        await assertCodeFree(tx, fields.code);
        const row = await store.insertIndicator(tx, fields);
        await audit(tx, ctx, { action: 'indicator.import', entityType: 'indicator', entityId: row.id, after: auditIndicator(row) });
        created++;
        continue;
      }
      const same = (Object.keys(fields) as (keyof typeof fields)[]).every((k) => current[k] === fields[k]);
      if (same) {
        unchanged++;
        continue;
      }
      const after = await store.updateIndicator(tx, current, fields);
      await audit(tx, ctx, { action: 'indicator.import', entityType: 'indicator', entityId: current.id, before: auditIndicator(current), after: auditIndicator(after) });
      updated++;
    }
    return { created, updated, unchanged };
  });
}

const rowOf = (path: string) => Number(path.replace(/^row /, '')) || 0;
