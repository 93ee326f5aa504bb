/**
 * The demo's rankings (issue 6, point 2): two index models and their 2024 publication.
 *
 * 1. "Bộ chỉ số chuyển đổi số cấp xã" over the 114 communes, wards and special zones, following the
 *    provincial DTI of 922/QĐ-BTTTT and its 2025 successor 405/QĐ-BKHCN
 *    (../shared/reference/vietnam-government.md §1.2–1.4): the eight scored main indicators as pillars,
 *    with 922's weights (0,10 × 5 foundation pillars, 0,20 chính quyền số, 0,15 kinh tế số, 0,15 xã hội
 *    số) and maximum points (100 × 5, 200, 150, 150 = 1.000). What was adapted, and why:
 *    - "Đô thị thông minh" (weight 0 in 922, dropped by 405) is left out;
 *    - a commune is not a province: each pillar is measured by the demo indicators that communes report
 *      (BM-CDS-XA), one to four per pillar instead of 5–22 sub-indicators. Where the DTI measures
 *      something communes do not report, a commune-level proxy stands in: Nhận thức số (the leadership's
 *      commitment, in the DTI steering committee and plans) by the share of outgoing documents signed
 *      digitally — what the commune's leaders do themselves; Thể chế số (rules and the reporting regime)
 *      by the share of periodic reports sent through the city's reporting system (Nghị định 09/2019);
 *    - the normalisation per component follows the rule types of §1.3: attainment of the plans' targets
 *      where a plan sets one (215/KH-UBND: 75% hồ sơ công việc ở cấp xã; 227/KH-UBND: 100% báo cáo qua
 *      hệ thống, tài khoản thanh toán trên 50% → 80% here as a stretch), min–max across the communes
 *      (the older ICT index's relative normalisation) where no target exists, and thresholds for
 *      figures that move in steps (information systems with an approved security level).
 * 2. "Bộ chỉ số chuyển đổi số các sở, ban, ngành" over the group SO-BAN-NGANH, on the two indicators
 *    the departments report (internal work files online against 90% "cấp thành phố", inspections
 *    through digital means against 50%).
 *
 * The change against the previous year needs 2024: when an indicator used has no 2024 figures, each
 * ranked unit gets one value for December 2024 (the indicators are monthly, so the year's rollup is
 * that month), a few points below its 2025 figure (hash-based, source 'demo'). 2024 is then published
 * (as dieuphoi, on 31/03/2025); 2025 stays live.
 */
import { sql } from 'kysely';
import type { ComponentParams, Normalisation } from '../../domain/rankings.ts';
import { normalizeValue } from '../../domain/dataValues.ts';
import { parsePeriod } from '../../domain/periods.ts';
import type { Db } from '../db/database.ts';
import type { OrgUnitKind } from '../../domain/orgUnits.ts';
import { drainAll } from '../jobs/rollupWorker.ts';
import { Access } from '../policies/access.ts';
import { createIndexModel, publishRanking } from '../commands/rankings.ts';
import type { CommandContext } from '../commands/context.ts';
import { IND } from './demoIndicators.ts';
import { DEPARTMENT_GROUP } from './demoForms.ts';
import { rand } from './demoValues.ts';

interface DemoComponent {
  indicator: string;
  maxPoints: number;
  normalisation: Normalisation;
  params?: ComponentParams;
}

interface DemoModel {
  name: string;
  description: string;
  unitKinds?: string[];
  group?: string;
  pillars: { name: string; weight: number; components: DemoComponent[] }[];
}

export const COMMUNE_MODEL: DemoModel = {
  name: 'Bộ chỉ số chuyển đổi số cấp xã (theo cấu trúc DTI cấp tỉnh, QĐ 922/QĐ-BTTTT)',
  description:
    'Xếp hạng 114 xã, phường, đặc khu theo 8 chỉ số chính của DTI cấp tỉnh (QĐ 922/QĐ-BTTTT, QĐ 405/QĐ-BKHCN) với trọng số và thang 1.000 điểm của QĐ 922; mỗi chỉ số chính đo bằng các chỉ tiêu cấp xã báo cáo theo biểu mẫu BM-CDS-XA (dữ liệu mẫu).',
  unitKinds: ['commune', 'ward', 'special_zone'],
  pillars: [
    { name: 'Nhận thức số', weight: 0.1, components: [{ indicator: IND.VB_KY_SO, maxPoints: 100, normalisation: 'target', params: { target: 100 } }] },
    {
      name: 'Thể chế số',
      weight: 0.1,
      components: [{ indicator: IND.BAO_CAO, maxPoints: 100, normalisation: 'thresholds', params: { steps: [{ from: 80, points: 40 }, { from: 90, points: 70 }, { from: 95, points: 85 }, { from: 99, points: 100 }] } }],
    },
    { name: 'Hạ tầng số', weight: 0.1, components: [{ indicator: IND.CAP_QUANG, maxPoints: 100, normalisation: 'target', params: { target: 100 } }] },
    { name: 'Nhân lực số', weight: 0.1, components: [{ indicator: IND.CBCC_KY_NANG, maxPoints: 100, normalisation: 'target', params: { target: 100 } }] },
    {
      name: 'An toàn thông tin mạng',
      weight: 0.1,
      components: [{ indicator: IND.HTTT_CAP_DO, maxPoints: 100, normalisation: 'thresholds', params: { steps: [{ from: 25, points: 25 }, { from: 50, points: 50 }, { from: 75, points: 75 }, { from: 100, points: 100 }] } }],
    },
    {
      name: 'Hoạt động chính quyền số',
      weight: 0.2,
      components: [
        { indicator: IND.HS_TRUC_TUYEN, maxPoints: 60, normalisation: 'minmax' },
        { indicator: IND.HSCV_MANG, maxPoints: 50, normalisation: 'target', params: { target: 75 } },
        { indicator: IND.SO_HOA_KQ, maxPoints: 50, normalisation: 'minmax' },
        { indicator: IND.HAI_LONG, maxPoints: 40, normalisation: 'target', params: { target: 95 } },
      ],
    },
    { name: 'Hoạt động kinh tế số', weight: 0.15, components: [{ indicator: IND.TK_THANH_TOAN, maxPoints: 150, normalisation: 'target', params: { target: 80 } }] },
    {
      name: 'Hoạt động xã hội số',
      weight: 0.15,
      components: [
        { indicator: IND.DANH_TINH_SO, maxPoints: 75, normalisation: 'minmax' },
        { indicator: IND.BHXH_XAC_THUC, maxPoints: 75, normalisation: 'target', params: { target: 100 } },
      ],
    },
  ],
};

export const DEPARTMENT_MODEL: DemoModel = {
  name: 'Bộ chỉ số chuyển đổi số các sở, ban, ngành',
  description: 'Xếp hạng 14 sở, ban, ngành (nhóm SO-BAN-NGANH) theo hai chỉ tiêu báo cáo hằng tháng của biểu mẫu BM-CDS-SO (dữ liệu mẫu).',
  group: DEPARTMENT_GROUP,
  pillars: [
    { name: 'Hoạt động chính quyền số', weight: 0.6, components: [{ indicator: IND.HSCV_MANG, maxPoints: 100, normalisation: 'target', params: { target: 90 } }] },
    { name: 'Chuyển đổi số hoạt động kiểm tra', weight: 0.4, components: [{ indicator: IND.KIEM_TRA_SO, maxPoints: 100, normalisation: 'target', params: { target: 50 } }] },
  ],
};

/** December 2024 for each ranked unit of each indicator without 2024 figures: its 2025 share a few points lower. */
async function seed2024(db: Db, indicatorCodes: string[], unitIds: number[]): Promise<number> {
  const december = parsePeriod('2024-12');
  let inserted = 0;
  await db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('dxpulse.source', 'demo', true)`.execute(tx);
    for (const code of indicatorCodes) {
      const indicator = await tx.selectFrom('indicators').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
      if (indicator.space_aggregation !== 'ratio' || indicator.period_type !== 'month') continue;
      const has2024 = await tx.selectFrom('data_values').select('org_unit_id').where('indicator_id', '=', indicator.id).where('period_id', 'like', '2024%').where('org_unit_id', 'in', unitIds).limit(1).executeTakeFirst();
      if (has2024) continue;
      const current = await tx
        .selectFrom('rollups')
        .select(['org_unit_id', 'numerator', 'denominator', 'value'])
        .where('indicator_id', '=', indicator.id)
        .where('period_id', '=', '2025')
        .where('org_unit_id', 'in', unitIds)
        .execute();
      const rules = { code, unit: indicator.unit, spaceAggregation: indicator.space_aggregation, minValue: null, maxValue: null };
      const rows = current
        .filter((r) => r.value !== null && r.denominator > 0)
        .map((r) => {
          const denominator = indicator.time_aggregation === 'sum' ? Math.max(1, Math.round(r.denominator / 9)) : r.denominator;
          const share = Math.max(0, Math.min(100, r.value! - (2 + 12 * rand('2024', code, r.org_unit_id))));
          const numerator = Math.min(denominator, Math.round((denominator * share) / 100));
          return { unitId: r.org_unit_id, ...normalizeValue(rules, { numerator, denominator }) };
        });
      if (!rows.length) continue;
      const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
      await sql`
        INSERT INTO data_values (indicator_id, org_unit_id, period_id, period_type, period_start, period_end, value, numerator, denominator, source)
        SELECT ${indicator.id}::bigint, t.u, ${december.id}, ${december.type}, ${december.start}::date, ${december.end}::date, t.v, t.n, t.d, 'demo'
        FROM unnest(${col((r) => r.unitId)}::bigint[], ${col((r) => r.value)}::float8[], ${col((r) => r.numerator)}::float8[], ${col((r) => r.denominator)}::float8[]) AS t(u, v, n, d)`.execute(tx);
      inserted += rows.length;
    }
  });
  return inserted;
}

/** Create the two models, 2024 figures where missing, and publish 2024. Returns what it did. */
export async function seedDemoRankings(db: Db): Promise<{ models: number; values2024: number }> {
  const city = await db.selectFrom('org_units').select('id').where('code', '=', '31').where('closed_on', 'is', null).executeTakeFirst();
  const coordinator = await db.selectFrom('users').select(['id', 'username']).where('username', '=', 'dieuphoi').executeTakeFirst();
  if (!city || !coordinator) return { models: 0, values2024: 0 };
  const ctx: CommandContext = {
    db,
    access: new Access({ userId: coordinator.id, username: coordinator.username, grants: [{ orgUnitId: city.id, role: 'coordinator' }], topAdmin: false }),
    meta: { ip: null, requestId: null },
  };
  const indicatorIds = new Map((await db.selectFrom('indicators').select(['id', 'code']).execute()).map((i) => [i.code, i.id]));
  let values2024 = 0;
  let models = 0;
  for (const demo of [COMMUNE_MODEL, DEPARTMENT_MODEL]) {
    const groupId = demo.group ? (await db.selectFrom('org_unit_groups').select('id').where('code', '=', demo.group).executeTakeFirst())?.id : undefined;
    if (demo.group && groupId === undefined) continue;
    const codes = demo.pillars.flatMap((p) => p.components.map((c) => c.indicator));
    if (codes.some((c) => !indicatorIds.has(c))) continue;
    const model = await createIndexModel(ctx, {
      name: demo.name,
      description: demo.description,
      anchorUnitId: city.id,
      unitKinds: demo.unitKinds ?? null,
      groupId: groupId ?? null,
      pillars: demo.pillars.map((p) => ({
        name: p.name,
        weight: p.weight,
        components: p.components.map((c) => ({ indicatorId: indicatorIds.get(c.indicator)!, maxPoints: c.maxPoints, normalisation: c.normalisation, params: c.params ?? {} })),
      })),
    });
    models++;
    const units = groupId
      ? (await db.selectFrom('org_unit_group_members').select('org_unit_id').where('group_id', '=', groupId).execute()).map((r) => r.org_unit_id)
      : (await db.selectFrom('org_units').select('id').where('parent_id', '=', city.id).where('closed_on', 'is', null).where('kind', 'in', demo.unitKinds! as OrgUnitKind[]).execute()).map((r) => r.id);
    values2024 += await seed2024(db, codes, units);
    await drainAll(db);
    await publishRanking(ctx, model.id, 2024);
    await db.updateTable('index_publications').set({ published_at: '2025-03-31T09:00:00+07:00' }).where('model_id', '=', model.id).where('year', '=', 2024).execute();
  }
  return { models, values2024 };
}
