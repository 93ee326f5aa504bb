/**
 * CSV import of units (code,name,kind,parent_code[,short_name,valid_from]). All rows are checked
 * first; one bad row rejects the file with every problem listed, so a half-imported tree never exists.
 * A code that names an open unit updates it (name, parent); a new code creates a unit.
 */
import { parse } from 'csv-parse/sync';
import { ORG_UNIT_KINDS, kindFromVietnamese, wouldCreateCycle, type OrgUnitKind } from '../../domain/orgUnits.ts';
import { cleanName } from '../../domain/text.ts';
import { badRequest, unprocessable, type FieldProblem } from '../http/problem.ts';
import { translate, type Locale } from '../http/messages.ts';
import { auditOrgUnit } from '../presenters/orgUnits.ts';
import * as store from '../store/orgUnits.ts';
import { audit, type CommandContext } from './context.ts';

const REQUIRED = ['code', 'name', 'kind', 'parent_code'] as const;

interface Row {
  line: number;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentCode: string;
  shortName: string | null;
  validFrom: string | null;
}

export function parseKind(value: string): OrgUnitKind | undefined {
  const v = value.trim();
  if ((ORG_UNIT_KINDS as readonly string[]).includes(v)) return v as OrgUnitKind;
  const lower = v.toLowerCase();
  if (['sở', 'ban', 'ngành', 'sở, ban, ngành', 'cơ quan'].includes(lower)) return 'department';
  if (lower === 'khối') return 'block';
  return kindFromVietnamese(v);
}

export async function importOrgUnitsCsv(ctx: CommandContext, csv: string, locale: Locale) {
  let records: Record<string, string>[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true });
  } catch (error) {
    throw badRequest('orgUnit.import.parse', { reason: (error as Error).message });
  }
  if (records.length === 0) throw badRequest('orgUnit.import.empty');
  const missing = REQUIRED.filter((c) => !(c in records[0]!));
  if (missing.length) throw badRequest('orgUnit.import.columns', { columns: missing.join(', ') });

  const problems: FieldProblem[] = [];
  const rows: Row[] = [];
  const firstLineOf = new Map<string, number>();
  records.forEach((r, i) => {
    const line = i + 2;
    const report = (key: Parameters<typeof translate>[1], params = {}) =>
      problems.push({ path: `row ${line}`, message: translate(locale, key, params) });
    const kind = parseKind(r.kind ?? '');
    if (!r.code) report('orgUnit.import.code');
    // The same code twice is ambiguous (the second row would silently overwrite the first).
    else if (firstLineOf.has(r.code)) report('orgUnit.import.duplicateCode', { code: r.code, line: firstLineOf.get(r.code)! });
    else firstLineOf.set(r.code, line);
    if (!r.name) report('orgUnit.import.name');
    if (!kind) report('orgUnit.import.kind', { kind: r.kind ?? '' });
    const validFrom = r.valid_from || null;
    if (validFrom && !/^\d{4}-\d{2}-\d{2}$/.test(validFrom)) report('orgUnit.import.date', { value: validFrom });
    if (r.code && r.name && kind)
      rows.push({ line, code: r.code, name: cleanName(r.name), kind, parentCode: r.parent_code ?? '', shortName: r.short_name || null, validFrom });
  });

  return ctx.db.transaction().execute(async (tx) => {
    const fileCodes = new Set(rows.map((r) => r.code));
    const parents = new Map<string, number>();
    for (const row of rows) {
      if (!row.parentCode || fileCodes.has(row.parentCode) || parents.has(row.parentCode)) continue;
      const parent = await store.findOpenOrgUnitByCode(tx, row.parentCode);
      if (!parent) problems.push({ path: `row ${row.line}`, message: translate(locale, 'orgUnit.import.parent', { code: row.parentCode }) });
      else {
        await ctx.access.requireUnit(tx, 'orgUnit.write', parent.id);
        parents.set(row.parentCode, parent.id);
      }
    }
    if (problems.length) throw unprocessable('orgUnit.import.failed', { count: new Set(problems.map((p) => p.path)).size }, problems);

    let created = 0;
    let updated = 0;
    // Parents before children: rows may list a new parent after its children.
    const pending = [...rows];
    while (pending.length) {
      const ready = pending.filter((r) => !r.parentCode || parents.has(r.parentCode));
      if (ready.length === 0) {
        const orphan = pending[0]!;
        throw unprocessable('orgUnit.import.failed', { count: pending.length }, [
          { path: `row ${orphan.line}`, message: translate(locale, 'orgUnit.import.parent', { code: orphan.parentCode }) },
        ]);
      }
      for (const row of ready) {
        pending.splice(pending.indexOf(row), 1);
        const parentId = row.parentCode ? parents.get(row.parentCode)! : null;
        if (parentId === null && !ctx.access.signedIn.topAdmin) throw unprocessable('orgUnit.rootExists');
        const existing = await store.findOpenOrgUnitByCode(tx, row.code);
        if (existing) {
          await ctx.access.requireAboveUnit(tx, 'orgUnit.write', existing);
          let after = existing;
          if (existing.name !== row.name || existing.kind !== row.kind || (existing.short_name ?? null) !== row.shortName) {
            after = await store.updateOrgUnit(tx, existing.id, { name: row.name, short_name: row.shortName });
          }
          if (parentId !== null && existing.parent_id !== parentId) {
            // Re-parenting under its own descendant would corrupt the closure table.
            if (wouldCreateCycle(existing.id, await store.ancestorIds(tx, parentId))) {
              throw unprocessable('orgUnit.import.failed', { count: 1 }, [{ path: `row ${row.line}`, message: translate(locale, 'orgUnit.cycle') }]);
            }
            await store.moveOrgUnit(tx, existing.id, parentId);
            after = { ...after, parent_id: parentId };
          }
          if (after !== existing) {
            updated++;
            await audit(tx, ctx, { action: 'orgUnit.import', entityType: 'orgUnit', entityId: existing.id, orgUnitId: existing.id, before: auditOrgUnit(existing), after: auditOrgUnit(after) });
          }
          parents.set(row.code, existing.id);
        } else {
          const inserted = await store.insertOrgUnit(tx, {
            code: row.code,
            name: row.name,
            short_name: row.shortName,
            kind: row.kind,
            parent_id: parentId,
            valid_from: row.validFrom,
            closed_on: null,
          });
          created++;
          await audit(tx, ctx, { action: 'orgUnit.import', entityType: 'orgUnit', entityId: inserted.id, orgUnitId: inserted.id, after: auditOrgUnit(inserted) });
          parents.set(row.code, inserted.id);
        }
      }
    }
    return { created, updated, errors: [] as FieldProblem[] };
  });
}
