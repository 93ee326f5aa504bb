/**
 * The Hải Phòng demo: the city's 114 communes, wards and special zones with their lineage, its
 * agencies (old and new), one account per role, the indicators, plans, targets and demo values
 * of demoIndicators.ts / demoValues.ts, and the report forms with their submissions of
 * demoForms.ts. Loaded on first start into an empty database.
 */
import { sql } from 'kysely';
import type { Role } from '../../domain/roles.ts';
import type { Db } from '../db/database.ts';
import { hashPassword } from '../commands/auth.ts';
import { addLineage, findOpenOrgUnitByCode, insertOrgUnit, moveOrgUnit } from '../store/orgUnits.ts';
import { appendAudit } from '../store/audit.ts';
import { HAI_PHONG_AGENCIES } from './haiPhongAgencies.ts';
import { seedUnits } from './units.ts';
import { grantAdminOnRoots } from './bootstrap.ts';
import { seedDemoIndicatorsAndValues } from './demoValues.ts';
import { seedDemoForms } from './demoForms.ts';
import { seedDemoTasks } from './demoTasks.ts';
import { seedDemoBudgetYears } from './demoBudgetYears.ts';
import { seedDemoRankings } from './demoRankings.ts';

export const HAI_PHONG = '31';
export const DEMO_PASSWORD = 'DxPulse@2025';

export const DEMO_ACCOUNTS: { username: string; fullName: string; role: Role; unitCode: string }[] = [
  { username: 'lanhdao', fullName: 'Trần Văn Lãnh (Lãnh đạo thành phố)', role: 'leader', unitCode: HAI_PHONG },
  { username: 'dieuphoi', fullName: 'Nguyễn Thị Điều (Văn phòng BCĐ, Sở KH&CN)', role: 'coordinator', unitCode: HAI_PHONG },
  { username: 'pheduyet', fullName: 'Lê Văn Duyệt (Sở Khoa học và Công nghệ)', role: 'approver', unitCode: '31-SKHCN' },
  { username: 'baocao', fullName: 'Phạm Thị Báo (Phường Dương Kinh)', role: 'reporter', unitCode: '11692' },
  { username: 'pheduyet.duongkinh', fullName: 'Đỗ Văn Duyệt (Chủ tịch UBND Phường Dương Kinh)', role: 'approver', unitCode: '11692' },
  { username: 'quantri.duongkinh', fullName: 'Vũ Văn Trị (Quản trị Phường Dương Kinh)', role: 'admin', unitCode: '11692' },
];

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('org_units').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n === 0;
}

export async function seedAgencies(db: Db, provinceCode: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const city = await findOpenOrgUnitByCode(tx, provinceCode);
    if (!city) throw new Error(`Chưa có đơn vị mã ${provinceCode}; hãy chạy seed-units trước.`);
    const ids = new Map<string, number>();
    let created = 0;
    for (const agency of HAI_PHONG_AGENCIES) {
      const existing = await tx.selectFrom('org_units').select('id').where('code', '=', agency.code).executeTakeFirst();
      if (existing) {
        ids.set(agency.code, existing.id);
        continue;
      }
      const row = await insertOrgUnit(tx, {
        code: agency.code,
        name: agency.name,
        short_name: agency.shortName ?? null,
        kind: agency.kind,
        parent_id: city.id,
        valid_from: null,
        closed_on: agency.closedOn ?? null,
      });
      ids.set(agency.code, row.id);
      created++;
    }
    for (const agency of HAI_PHONG_AGENCIES) {
      for (const s of agency.successors ?? []) {
        await addLineage(tx, { predecessorId: ids.get(agency.code)!, successorId: ids.get(s.code)!, share: s.share, effectiveDate: agency.closedOn ?? null });
      }
    }
    // As for communes (units.ts): an agency that went wholly into one successor hangs under it, so its
    // values, tasks and reminders follow the successor.
    for (const agency of HAI_PHONG_AGENCIES) {
      const only = agency.successors?.length === 1 ? agency.successors[0]! : undefined;
      if (!agency.closedOn || only?.share !== 'full') continue;
      const id = ids.get(agency.code)!;
      const successorId = ids.get(only.code)!;
      const row = await tx.selectFrom('org_units').select('parent_id').where('id', '=', id).executeTakeFirstOrThrow();
      if (row.parent_id !== successorId) await moveOrgUnit(tx, id, successorId);
    }
    return created;
  });
}

export async function seedDemoAccounts(db: Db): Promise<number> {
  const hash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const unit = await findOpenOrgUnitByCode(db, account.unitCode);
    if (!unit) continue;
    const user = await db
      .insertInto('users')
      .values({ username: account.username, full_name: account.fullName, password_hash: hash })
      .onConflict((oc) => oc.expression(sql`lower(username)`).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!user) continue;
    await db.insertInto('memberships').values({ user_id: user.id, org_unit_id: unit.id, role: account.role }).execute();
    created++;
  }
  return created;
}

export async function seedDemo(db: Db, log: (line: string) => void): Promise<void> {
  const units = await seedUnits(db, HAI_PHONG);
  log(`Đã nạp ${units.units} đơn vị hành chính (${units.closedUnits} đơn vị cũ, ${units.lineage} quan hệ kế thừa).`);
  const agencies = await seedAgencies(db, HAI_PHONG);
  log(`Đã nạp ${agencies} cơ quan, tổ chức của thành phố.`);
  await grantAdminOnRoots(db);
  const accounts = await seedDemoAccounts(db);
  log(`Đã tạo ${accounts} tài khoản mẫu (mật khẩu ${DEMO_PASSWORD}).`);
  const data = await seedDemoIndicatorsAndValues(db);
  log(`Đã nạp ${data.indicators} chỉ tiêu, ${data.plans} văn bản với ${data.targets} chỉ tiêu kế hoạch, ${data.values} số liệu mẫu (nguồn «demo») và tổng hợp của chúng.`);
  const reports = await seedDemoForms(db);
  const s = reports.byStatus;
  log(
    `Đã nạp ${reports.forms} biểu mẫu báo cáo với ${reports.submissions} báo cáo: ${s.approved} đã phê duyệt, ${s.submitted} chờ phê duyệt, ${s.returned} bị trả lại, ${s.draft} đang soạn.`,
  );
  await seedDemoTasks(db, log);
  await seedDemoBudgetYears(db);
  const rankings = await seedDemoRankings(db);
  log(`Đã nạp ${rankings.models} bộ chỉ số xếp hạng (công bố kết quả năm 2024) và ${rankings.values2024} số liệu mẫu tháng 12/2024.`);
  await appendAudit(db, {
    actorUserId: null,
    actorUsername: 'system',
    action: 'demo.seed',
    entityType: 'system',
    entityId: null,
    after: { units: units.units, agencies, accounts, ...data, forms: reports.forms, submissions: reports.submissions, submissionsByStatus: reports.byStatus },
  });
}
