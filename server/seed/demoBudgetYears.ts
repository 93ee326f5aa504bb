/**
 * The local-budget share of seed 004 (Báo cáo 01-BC/BCĐ, I.10): "Năm 2025, đầu tư cho phát triển khoa
 * học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn thành phố là 407,28 tỷ đồng … Tỷ lệ
 * chi … so với tổng chi ngân sách địa phương chiếm 0,57% (407,28 tỷ đồng/71.429 tỷ đồng); còn khoảng
 * cách khá xa so với mục tiêu 3%". Recorded on Nghị quyết 57-NQ/TW, whose 3% target it is, so that
 * GET /plans/:id/budget?year=2025 of that plan shows 0,57% against 3%.
 */
import type { Db } from '../db/database.ts';

const TY = 1_000_000_000; // một tỷ đồng

export const DEMO_LOCAL_SHARE = {
  plan: '57-NQ/TW',
  year: 2025,
  spent: 407.28 * TY, // 352,82 tỷ chi thường xuyên + 54,46 tỷ chi đầu tư
  localBudgetTotal: 71_429 * TY,
  targetShare: 3,
  note: 'Báo cáo 01-BC/BCĐ, mục I.10: 407,28 tỷ đồng (chi thường xuyên 352,82 tỷ đồng, chi đầu tư 54,46 tỷ đồng) / 71.429 tỷ đồng tổng chi ngân sách địa phương = 0,57%; mục tiêu 3%.',
} as const;

/** After seedDemoTasks (which files the plans tree). */
export async function seedDemoBudgetYears(db: Db): Promise<number> {
  const plan = await db.selectFrom('plans').select('id').where('number', '=', DEMO_LOCAL_SHARE.plan).executeTakeFirst();
  if (!plan) return 0;
  const s = DEMO_LOCAL_SHARE;
  await db
    .insertInto('plan_budget_years')
    .values({ plan_id: plan.id, year: s.year, local_budget_total: Math.round(s.localBudgetTotal), target_share: s.targetShare, spent: Math.round(s.spent), note: s.note })
    .onConflict((oc) => oc.columns(['plan_id', 'year']).doNothing())
    .execute();
  return 1;
}
