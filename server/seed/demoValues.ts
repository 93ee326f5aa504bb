/**
 * The demo's reported values: January–September 2025 (up to the quarter of Báo cáo 01-BC/BCĐ, seed
 * 004) for every open commune, ward and special zone of Hải Phòng (114), some city agencies, and the
 * city actuals seed 004 states. Every value is stored with source 'demo', so it is recognisable as
 * demo data whatever path later reads it; the actuals of seed 004 also carry a comment quoting it.
 *
 * What is real and what is made up:
 * - real (seed 004): the city totals it states, entered so that the city's rollup for 2025Q3 gives
 *   exactly its figures — 3.658.476/3.670.241 (99,68%) people in BHXH/BHYT authenticated, 1.292.025
 *   electronic health books (29,1% of the population), 303.833/366.701 taxpayers matched, 44/45
 *   hospitals with electronic records, 750 TTHC online end to end, 159 5G stations, 871 digital
 *   firms, 407,28/71.429 tỷ đồng of the budget;
 * - made up: how those totals split over the 114 communes, every monthly figure before September, and
 *   all values of the indicators 004 does not quantify. They come from a seeded, hash-based generator
 *   (no Math.random: the same database every time), trend from January towards the plans' targets,
 *   and are restated on the 2025 communes (the 114 exist since 01/7/2025; earlier months are shown as
 *   if reported within the new boundaries, the usual "quy đổi theo địa giới mới").
 */
import { sql } from 'kysely';
import { normalizeValue, validateValue } from '../../domain/dataValues.ts';
import { parsePeriod } from '../../domain/periods.ts';
import type { Db, Tx } from '../db/database.ts';
import { drainAll } from '../jobs/rollupWorker.ts';
import { DEMO_INDICATORS, IND, seedDemoCatalogue } from './demoIndicators.ts';

type Range = readonly [number, number];

/** The months of the demo: 2025-01 … 2025-09. */
export const DEMO_MONTHS = Array.from({ length: 9 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

/** Workload by month: Tết Ất Tỵ fell on 29/01/2025, so February is light; July is the first month of the two-level communes. */
const SEASON = [0.95, 0.78, 1.05, 1.0, 1.02, 1.0, 0.93, 1.0, 1.04];

/**
 * Figures of seed 004 that the communes' values must add up to.
 * - population: 004 I.6 "1.292.025 sổ sức khỏe điện tử (đạt tỷ lệ 29,1% tổng dân số thường trú)" puts the
 *   resident population at 1.292.025 / 0,291 ≈ 4,44 million; the demo uses 4.440.000, which gives 29,10%.
 * - bhxh: 004 I.6 "3.658.476/3.670.241 người tham gia BHXH, BHYT được xác thực với CSDL quốc gia về dân cư
 *   (đạt tỷ lệ 99,68%)… Còn 11.765 người chưa được xác thực".
 * - healthBooks: 004 I.6 "đã tích hợp 1.292.025 sổ sức khỏe điện tử".
 */
export const REPORT_004 = {
  population: 4_440_000,
  bhxh: { authenticated: 3_658_476, participants: 3_670_241 },
  healthBooks: 1_292_025,
} as const;

/** How one indicator's values are generated for a set of units. */
export interface Series {
  indicator: string;
  /** flow: counts of the month (the indicator sums over time); stock: a standing count read at the latest month. */
  kind: 'flow' | 'stock';
  /** The denominator: per 1.000 inhabitants and month (flows), a range drawn once per unit, or the unit's people or households. */
  base: { perThousand: number } | { between: Range } | 'population' | 'households';
  /** The share in % in January and in September; each unit draws its own, more mature units nearer the top. */
  january: Range;
  september: Range;
}

/**
 * Communes, wards and special zones. Volumes: about 25 TTHC files per 1.000 people a month (≈ 110.000 a
 * month city-wide), a few hundred internal work files and outgoing documents, 12–20 periodic reports, a
 * staff of 38–72 (two-level communes), 1–4 information systems. Shares start where a commune stood at the
 * start of 2025 and end near the targets of 215/KH-UBND and 03-NQ/TU, some above and some below, so the
 * dashboards show both "đạt" and "chưa đạt".
 */
export const COMMUNE_SERIES: Series[] = [
  { indicator: IND.HS_TRUC_TUYEN, kind: 'flow', base: { perThousand: 25 }, january: [42, 66], september: [64, 92] },
  { indicator: IND.HSCV_MANG, kind: 'flow', base: { perThousand: 8 }, january: [55, 80], september: [68, 95] },
  { indicator: IND.SO_HOA_KQ, kind: 'flow', base: { perThousand: 24 }, january: [70, 90], september: [86, 100] },
  { indicator: IND.HAI_LONG, kind: 'flow', base: { perThousand: 2 }, january: [85, 95], september: [88, 99] },
  { indicator: IND.VB_KY_SO, kind: 'flow', base: { perThousand: 7 }, january: [80, 94], september: [88, 99] },
  { indicator: IND.BAO_CAO, kind: 'flow', base: { between: [12, 20] }, january: [82, 97], september: [94, 100] },
  { indicator: IND.CBCC_KY_NANG, kind: 'stock', base: { between: [38, 72] }, january: [5, 25], september: [68, 100] },
  { indicator: IND.TK_THANH_TOAN, kind: 'stock', base: 'population', january: [60, 80], september: [65, 86] },
  { indicator: IND.DANH_TINH_SO, kind: 'stock', base: 'population', january: [45, 66], september: [56, 80] },
  { indicator: IND.CAP_QUANG, kind: 'stock', base: 'households', january: [78, 96], september: [84, 99.5] },
  { indicator: IND.HTTT_CAP_DO, kind: 'stock', base: { between: [1, 4] }, january: [0, 50], september: [50, 100] },
];

/** The city's 14 departments (sở, ban, ngành): internal work files against the 90% "cấp thành phố" target, and inspections. */
export const DEPARTMENT_SERIES: Series[] = [
  { indicator: IND.HSCV_MANG, kind: 'flow', base: { between: [600, 2600] }, january: [82, 94], september: [87, 99] },
  { indicator: IND.KIEM_TRA_SO, kind: 'flow', base: { between: [4, 24] }, january: [22, 50], september: [38, 72] },
];

/** One figure a unit reports for one period, as seed 004 states it. */
export interface ReportedActual {
  indicator: string;
  unit: string;
  period: string;
  value?: number;
  numerator?: number;
  denominator?: number;
  comment: string;
}

export const REPORTED_ACTUALS: ReportedActual[] = [
  // 004 footnote 15: "tich hop 750 TTHC du didu kién cung cép dich vu cong truc tuyén toan trinh va 1.131 dich vu cong
  // truc tuyén mot phan". It names no eligible procedure left out, so the demo reads it as 750 of 750.
  { indicator: IND.DVCTT_TOAN_TRINH, unit: '31-VPUBND', period: '2025-09', numerator: 750, denominator: 750, comment: 'Báo cáo 01-BC/BCĐ ngày 07/10/2025, chú thích 15: tích hợp 750 TTHC đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình.' },
  // 004 I.6: "s6 ngudi ndp thué da khép ding voi CSDL quéc gia vé dan cu 1a 303.833/366.701 dat 82,86%". Tax is not a
  // city agency in our list, so the figure is the city's own.
  { indicator: IND.THUE_KHOP, unit: '31', period: '2025-09', numerator: 303_833, denominator: 366_701, comment: 'Báo cáo 01-BC/BCĐ ngày 07/10/2025, mục I.6: 303.833/366.701 người nộp thuế khớp đúng với CSDL quốc gia về dân cư (82,86%).' },
  // 004 I.6: "c6 44/45 don vi di cong bd trién khai Ho so Bénh 4n dién tir, dat 97,8%".
  { indicator: IND.BENH_AN_DT, unit: '31-SYT', period: '2025-09', numerator: 44, denominator: 45, comment: 'Báo cáo 01-BC/BCĐ ngày 07/10/2025, mục I.6: 44/45 đơn vị đã công bố triển khai hồ sơ bệnh án điện tử (97,8%).' },
  // 004 I.4.a: "159 tram phat song 5G dugc dua vao khai thac".
  { indicator: IND.TRAM_5G, unit: '31-SKHCN', period: '2025-09', value: 159, comment: 'Báo cáo 01-BC/BCĐ ngày 07/10/2025, mục I.4.a: 159 trạm phát sóng 5G được đưa vào khai thác.' },
  // 004 footnote 16: "s6 lugng doanh nghiép cong ngh¢ s0 dat 871 doanh nghiép".
  { indicator: IND.DN_CNS, unit: '31-SKHCN', period: '2025-09', value: 871, comment: 'Báo cáo 01-BC/BCĐ ngày 07/10/2025, chú thích 16: số lượng doanh nghiệp công nghệ số đạt 871 doanh nghiệp.' },
  // 004 I.10: "chiém 0,57% (407,28 ty dong/71.429 ty d6ng)".
  { indicator: IND.CHI_KHCN_CDS, unit: '31-STC', period: '2025', numerator: 407.28, denominator: 71_429, comment: 'Báo cáo 01-BC/BCĐ ngày 07/10/2025, mục I.10: 407,28 tỷ đồng / 71.429 tỷ đồng tổng chi ngân sách địa phương (0,57%).' },
];

// ---------------------------------------------------------------------------------------------
// Deterministic numbers

/** A number in [0, 1) that depends only on the keys (FNV-1a, then a murmur3 finaliser). */
export function rand(...keys: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of keys.join('\u0001')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

const lerp = ([lo, hi]: Range, q: number) => lo + (hi - lo) * q;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Integers proportional to the weights that add up to exactly `total` (largest remainders). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]!++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Units

export interface UnitProfile {
  id: number;
  code: string;
  kind: string;
  /** People and households (communes only; 0 for an agency). */
  population: number;
  households: number;
  /** 0–1: how far along the unit is; shared by its indicators, so a good commune is good at several. */
  maturity: number;
}

/**
 * Sizes of the 2025 communes (no official figures in the seeds): wards 30.000–75.000 people, communes
 * 22.000–48.000, Đặc khu Cát Hải about 40.000 and Bạch Long Vĩ under a thousand, scaled to REPORT_004's
 * 4.440.000; households of 3,2–3,7 people.
 */
function profiles(units: { id: number; code: string; kind: string }[], populated: boolean): UnitProfile[] {
  const weight = (u: { code: string; kind: string }) =>
    u.code === '11948' ? 950 : u.kind === 'special_zone' ? 40_000 : u.kind === 'ward' ? lerp([30_000, 75_000], rand(u.code, 'size')) : lerp([22_000, 48_000], rand(u.code, 'size'));
  const population = populated ? apportion(REPORT_004.population, units.map(weight)) : units.map(() => 0);
  return units.map((u, i) => ({
    ...u,
    population: population[i]!,
    households: Math.round(population[i]! / lerp([3.2, 3.7], rand(u.code, 'household'))),
    maturity: clamp(0.1 + 0.75 * rand(u.code, 'maturity') + (u.kind === 'ward' ? 0.12 : 0) - (u.kind === 'special_zone' ? 0.15 : 0), 0, 1),
  }));
}

// ---------------------------------------------------------------------------------------------
// Rows

interface Row {
  unitId: number;
  period: string;
  value?: number;
  numerator?: number;
  denominator?: number;
  comment?: string;
}

/** A unit's share in % for each month: from its January level to its September level, with a little noise. */
function shares(s: Series, unit: UnitProfile): number[] {
  const q = (which: string) => clamp(0.6 * unit.maturity + 0.4 * rand(unit.code, s.indicator, which), 0, 1);
  const jan = lerp(s.january, q('jan'));
  const sep = Math.max(jan, lerp(s.september, q('sep')));
  const noise = s.kind === 'flow' ? 3 : 0.6;
  return DEMO_MONTHS.map((_, m) => clamp(jan + ((sep - jan) * m) / 8 + (rand(unit.code, s.indicator, m, 'noise') - 0.5) * noise, 0, 100));
}

function seriesRows(s: Series, unit: UnitProfile): Row[] {
  const rates = shares(s, unit);
  const fixed = typeof s.base === 'object' && 'between' in s.base ? Math.round(lerp(s.base.between, rand(unit.code, s.indicator, 'base'))) : 0;
  const denominator = (m: number): number => {
    if (s.base === 'population') return unit.population;
    if (s.base === 'households') return unit.households;
    if ('between' in s.base) return s.kind === 'stock' ? fixed : Math.max(1, Math.round(fixed * SEASON[m]! * lerp([0.9, 1.1], rand(unit.code, s.indicator, m, 'den'))));
    return Math.max(1, Math.round((unit.population / 1000) * s.base.perThousand * SEASON[m]! * lerp([0.88, 1.12], rand(unit.code, s.indicator, m, 'den'))));
  };
  let previous = 0;
  return DEMO_MONTHS.map((period, m) => {
    const d = denominator(m);
    let n = Math.round((d * rates[m]!) / 100);
    // A stock only grows: people keep their accounts, trained staff stay trained.
    if (s.kind === 'stock') n = previous = Math.max(previous, n);
    return { unitId: unit.id, period, numerator: Math.min(n, d), denominator: d };
  });
}

/**
 * BHXH/BHYT authentication: participants split over the communes in proportion to population, the
 * 11.765 not yet authenticated split unevenly; September adds up to 004's figures exactly, earlier
 * months have slightly fewer participants and more of them not yet authenticated (≈ 98,5% in January).
 */
function bhxhRows(units: UnitProfile[]): Row[] {
  const { participants, authenticated } = REPORT_004.bhxh;
  const d = apportion(participants, units.map((u) => u.population * lerp([0.9, 1.1], rand(u.code, 'bhxh'))));
  const open = apportion(participants - authenticated, units.map((u, i) => d[i]! * lerp([0.3, 1.7], rand(u.code, 'bhxh-open'))));
  return units.flatMap((u, i) => {
    const rows: Row[] = [];
    let next = d[i]! - open[i]!; // September, exact
    const drift = lerp([0.05, 0.25], rand(u.code, 'bhxh-drift')) / 100; // share authenticated per month
    for (let m = 8; m >= 0; m--) {
      const den = m === 8 ? d[i]! : Math.round(d[i]! * (1 - 0.0012 * (8 - m)));
      const num = m === 8 ? next : Math.min(next, den - Math.round(den * (open[i]! / d[i]! + drift * (8 - m))));
      rows.push({ unitId: u.id, period: DEMO_MONTHS[m]!, numerator: num, denominator: den });
      next = num;
    }
    return rows.reverse();
  });
}

/** Electronic health books: 004's 1.292.025 split over the communes (more where the commune is further along), built up over the year. */
function healthBookRows(units: UnitProfile[]): Row[] {
  const books = apportion(REPORT_004.healthBooks, units.map((u) => u.population * (0.55 + 0.9 * (0.5 * u.maturity + 0.5 * rand(u.code, 'ssk')))));
  return units.flatMap((u, i) => {
    const start = lerp([0.45, 0.7], rand(u.code, 'ssk-start'));
    const rows: Row[] = [];
    let next = books[i]!;
    for (let m = 8; m >= 0; m--) {
      const num = m === 8 ? next : Math.min(next, Math.round(books[i]! * (start + ((1 - start) * m) / 8)));
      rows.push({ unitId: u.id, period: DEMO_MONTHS[m]!, numerator: num, denominator: u.population });
      next = num;
    }
    return rows.reverse();
  });
}

/** Insert one indicator's rows in one statement; the data_values trigger writes history and marks the rollups. */
async function insertRows(tx: Tx, indicatorCode: string, indicatorId: number, rows: Row[]): Promise<void> {
  const def = DEMO_INDICATORS.find((d) => d.code === indicatorCode)!;
  const rules = { code: def.code, unit: def.unit, spaceAggregation: def.spaceAggregation, minValue: null, maxValue: null };
  const stored = rows.map((r) => {
    const problems = validateValue(rules, r);
    if (problems.length) throw new Error(`Dữ liệu mẫu: giá trị ${def.code} / ${r.unitId} / ${r.period} không hợp lệ (${problems.map((p) => p.key).join(', ')}).`);
    const p = parsePeriod(r.period);
    if (p.type !== def.periodType) throw new Error(`Dữ liệu mẫu: kỳ ${r.period} không hợp với ${def.code}.`);
    return { ...r, ...normalizeValue(rules, r), p };
  });
  const col = <T>(f: (r: (typeof stored)[number]) => T) => stored.map(f);
  await sql`
    INSERT INTO data_values (indicator_id, org_unit_id, period_id, period_type, period_start, period_end, value, numerator, denominator, comment, source)
    SELECT ${indicatorId}::bigint, t.*, 'demo' FROM unnest(
      ${col((r) => r.unitId)}::bigint[], ${col((r) => r.p.id)}::text[], ${col((r) => r.p.type)}::text[], ${col((r) => r.p.start)}::date[],
      ${col((r) => r.p.end)}::date[], ${col((r) => r.value)}::float8[], ${col((r) => r.numerator)}::float8[], ${col((r) => r.denominator)}::float8[],
      ${col((r) => r.comment ?? null)}::text[]) AS t`.execute(tx);
}

/** Store the demo values (with source 'demo'); returns how many. */
export async function seedDemoValues(tx: Tx, indicatorIds: ReadonlyMap<string, number>): Promise<number> {
  const city = await tx.selectFrom('org_units').select('id').where('code', '=', '31').where('closed_on', 'is', null).executeTakeFirstOrThrow();
  const children = await tx
    .selectFrom('org_units')
    .select(['id', 'code', 'kind'])
    .where('parent_id', '=', city.id)
    .where('closed_on', 'is', null)
    .orderBy('code')
    .execute();
  const communes = profiles(children.filter((u) => ['commune', 'ward', 'special_zone'].includes(u.kind)), true);
  const departments = profiles(children.filter((u) => u.kind === 'department'), false);
  const byCode = new Map([...children.map((u) => [u.code, u.id] as const), ['31', city.id] as const]);

  const rows = new Map<string, Row[]>();
  const add = (code: string, more: Row[]) => rows.set(code, [...(rows.get(code) ?? []), ...more]);
  for (const s of COMMUNE_SERIES) add(s.indicator, communes.flatMap((u) => seriesRows(s, u)));
  for (const s of DEPARTMENT_SERIES) add(s.indicator, departments.flatMap((u) => seriesRows(s, u)));
  add(IND.BHXH_XAC_THUC, bhxhRows(communes));
  add(IND.SO_SUC_KHOE, healthBookRows(communes));
  for (const a of REPORTED_ACTUALS) {
    const unitId = byCode.get(a.unit);
    if (unitId === undefined) throw new Error(`Dữ liệu mẫu: không có đơn vị mã ${a.unit}.`);
    add(a.indicator, [{ unitId, period: a.period, value: a.value, numerator: a.numerator, denominator: a.denominator, comment: a.comment }]);
  }

  await sql`SELECT set_config('dxpulse.source', 'demo', true)`.execute(tx);
  let count = 0;
  for (const [code, list] of rows) {
    await insertRows(tx, code, indicatorIds.get(code)!, list);
    count += list.length;
  }
  return count;
}

/**
 * The demo's indicators, plans, targets and values, in one transaction, then the rollups, so the
 * dashboards have their figures at once. For a database that has the units and agencies but none of these.
 */
export async function seedDemoIndicatorsAndValues(db: Db): Promise<{ indicators: number; plans: number; targets: number; values: number }> {
  const result = await db.transaction().execute(async (tx) => {
    const catalogue = await seedDemoCatalogue(tx);
    const values = await seedDemoValues(tx, catalogue.indicatorIds);
    return { indicators: catalogue.indicatorIds.size, plans: catalogue.plans, targets: catalogue.targets, values };
  });
  await drainAll(db);
  return result;
}
