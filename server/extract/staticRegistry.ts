/**
 * The unit registry without a database, for `dxpulse extract` and the evaluation: the city's
 * agencies (with the 2025 mergers) and the province's communes and wards from the official list.
 * The server uses the live registry instead (see ../commands/planImports.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { RegistryUnit } from '../../domain/extract/agencies.ts';
import { HAI_PHONG_AGENCIES } from '../seed/haiPhongAgencies.ts';

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'seed', 'data', 'units-2025');

export interface StaticRegistry {
  agencies: RegistryUnit[];
  places: string[];
}

let cached: StaticRegistry | undefined;

export function staticRegistry(provinceCode = '31'): StaticRegistry {
  if (cached) return cached;
  const read = (file: string) => parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const provinces = read('provinces.csv');
  const communes = read('communes.csv').filter((c) => c.province_code === provinceCode);
  const agencies: RegistryUnit[] = HAI_PHONG_AGENCIES.map((a) => ({
    code: a.code,
    name: a.name,
    aliases: a.shortName ? [a.shortName] : [],
    closed: Boolean(a.closedOn),
    successorCode: a.successors?.find((s) => s.share === 'full')?.code ?? null,
  }));
  for (const c of communes) {
    agencies.push({ code: c.code!, name: `Ủy ban nhân dân ${c.name!.replace(/^(Phường|Xã|Đặc khu)/u, (w) => w.toLowerCase())}`, aliases: [c.name!] });
  }
  const strip = (name: string) => name.replace(/^(Thành phố|Tỉnh|Phường|Xã|Đặc khu)\s+/u, '');
  const places = [...provinces.map((p) => strip(p.name!)), ...communes.map((c) => strip(c.name!))];
  cached = { agencies, places };
  return cached;
}
