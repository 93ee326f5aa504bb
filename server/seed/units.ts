/**
 * Loads the official administrative units of 1 July 2025 (server/seed/data/units-2025, from the
 * GSO lists via dvhcvn/20250701, MIT) with the old→new lineage: each former commune or province
 * becomes a closed unit linked to the unit(s) it went into, so data reported under old names can
 * follow its successor.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { kindFromName, kindFromVietnamese, type OrgUnitKind } from '../../domain/orgUnits.ts';
import { cleanName } from '../../domain/text.ts';
import type { Db, Tx } from '../db/database.ts';
import { rebuildClosure, searchKey } from '../store/orgUnits.ts';

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'units-2025');
export const ARRANGEMENT_DATE = '2025-07-01';
export const LAST_DAY_BEFORE = '2025-06-30';

interface CsvRow {
  [column: string]: string;
}
const readCsv = (file: string): CsvRow[] =>
  parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8'), { columns: true, skip_empty_lines: true, trim: true });

export interface SeedUnitsResult {
  provinces: number;
  units: number;
  closedUnits: number;
  lineage: number;
  skipped: string[];
}

interface PendingUnit {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentCode: string | null;
  validFrom: string | null;
  closedOn: string | null;
}

async function insertUnits(tx: Tx, units: PendingUnit[], idsByKey: Map<string, number>) {
  const key = (code: string, closed: boolean) => `${closed ? 'old' : 'new'}:${code}`;
  for (let i = 0; i < units.length; i += 1000) {
    const chunk = units.slice(i, i + 1000);
    const rows = await tx
      .insertInto('org_units')
      .values(
        chunk.map((u) => ({
          code: u.code,
          name: u.name,
          kind: u.kind,
          parent_id: u.parentCode ? (idsByKey.get(key(u.parentCode, false)) ?? null) : null,
          valid_from: u.validFrom,
          closed_on: u.closedOn,
          search_key: searchKey(u.name, u.code),
        })),
      )
      .returning(['id', 'code', 'closed_on'])
      .execute();
    for (const row of rows) idsByKey.set(key(row.code, row.closed_on !== null), row.id);
  }
}

/** `province` is a two-digit code ('31') or 'all'. Provinces already present are skipped. */
export async function seedUnits(db: Db, province: string): Promise<SeedUnitsResult> {
  const provinces = readCsv('provinces.csv');
  const communes = readCsv('communes.csv');
  const lineage = readCsv('lineage.csv');
  const wanted = province === 'all' ? provinces : provinces.filter((p) => p.code === province);
  if (wanted.length === 0) throw new Error(`Không có tỉnh/thành phố mã «${province}» trong danh mục 2025.`);

  return db.transaction().execute(async (tx) => {
    const existing = new Set(
      (await tx.selectFrom('org_units').select('code').where('kind', '=', 'province').where('closed_on', 'is', null).execute()).map((r) => r.code),
    );
    const todo = wanted.filter((p) => !existing.has(p.code!));
    const result: SeedUnitsResult = { provinces: 0, units: 0, closedUnits: 0, lineage: 0, skipped: wanted.filter((p) => existing.has(p.code!)).map((p) => p.name!) };
    if (todo.length === 0) return result;
    const provinceCodes = new Set(todo.map((p) => p.code!));

    const newCommunes = communes.filter((c) => provinceCodes.has(c.province_code!));
    const newCodes = new Set([...provinceCodes, ...newCommunes.map((c) => c.code!)]);
    const links = lineage.filter((l) => newCodes.has(l.new_code!));
    // A new unit that keeps both the code and the name of its predecessor is the same unit going on.
    const continuing = new Set(links.filter((l) => l.new_code === l.old_code && cleanName(l.new_name!) === cleanName(l.old_name!)).map((l) => l.new_code!));
    const provinceOf = new Map(newCommunes.map((c) => [c.code!, c.province_code!]));

    const units: PendingUnit[] = [];
    for (const p of todo) {
      units.push({ code: p.code!, name: cleanName(p.name!), kind: 'province', parentCode: null, validFrom: null, closedOn: null });
    }
    for (const c of newCommunes) {
      units.push({
        code: c.code!,
        name: cleanName(c.name!),
        kind: kindFromVietnamese(c.kind!) ?? 'commune',
        parentCode: c.province_code!,
        validFrom: continuing.has(c.code!) ? null : ARRANGEMENT_DATE,
        closedOn: null,
      });
    }
    // A former unit that went wholly into one new unit hangs under it, so the closure table rolls its
    // history up into its successor and the successor's people can see it; one split between several
    // new units hangs under today's province.
    const fullSuccessor = new Map(links.filter((l) => l.type !== 'partial').map((l) => [l.old_code!, l.new_code!]));
    const oldUnits = new Map<string, PendingUnit>();
    for (const l of links) {
      if (l.new_code === l.old_code && continuing.has(l.new_code!)) continue;
      if (oldUnits.has(l.old_code!)) continue;
      const isProvince = l.old_code!.length <= 2;
      const name = cleanName(l.old_name!);
      oldUnits.set(l.old_code!, {
        code: l.old_code!,
        name,
        kind: isProvince ? 'province' : (kindFromName(name) ?? 'commune'),
        parentCode: fullSuccessor.get(l.old_code!) ?? (isProvince ? null : (provinceOf.get(l.new_code!) ?? null)),
        validFrom: null,
        closedOn: LAST_DAY_BEFORE,
      });
    }

    const ids = new Map<string, number>();
    await insertUnits(tx, units.filter((u) => u.kind === 'province'), ids);
    await insertUnits(tx, units.filter((u) => u.kind !== 'province'), ids);
    await insertUnits(tx, [...oldUnits.values()], ids);

    const lineageRows = links
      .filter((l) => !(l.new_code === l.old_code && continuing.has(l.new_code!)))
      .map((l) => ({
        predecessor_id: ids.get(`old:${l.old_code}`)!,
        successor_id: ids.get(`new:${l.new_code}`)!,
        share: l.type === 'partial' ? ('partial' as const) : ('full' as const),
        effective_date: ARRANGEMENT_DATE,
      }))
      .filter((r) => r.predecessor_id && r.successor_id);
    for (let i = 0; i < lineageRows.length; i += 1000) {
      await tx.insertInto('org_unit_lineage').values(lineageRows.slice(i, i + 1000)).onConflict((oc) => oc.doNothing()).execute();
    }
    await rebuildClosure(tx);

    result.provinces = todo.length;
    result.units = units.length;
    result.closedUnits = oldUnits.size;
    result.lineage = lineageRows.length;
    return result;
  });
}
