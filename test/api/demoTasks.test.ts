/**
 * The demo's plans tree and tasks (server/seed/demoTasks.ts, loaded into the test template by
 * seedDemo), checked in SQL against the seed documents: the task counts of seeds 000, 002 and 003,
 * the statistics sentences of Báo cáo 01-BC/BCĐ (seed 004, I.1.a) and its budget figures per task
 * group of KH 215/KH-UBND (I.10), to the đồng.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import { DEMO_TODAY, splitExact } from '../../server/seed/demoTasks.ts';
import { startTestApi, type TestApi } from '../helpers/api.ts';

/** 1 tỷ đồng = 10^9 VND; seed 004 prints tỷ with three decimals, so triệu (10^6) are exact. */
const ty = (text: string) => {
  const [whole, fraction = ''] = text.split(',');
  return BigInt(`${whole}${fraction.padEnd(3, '0')}`) * 1_000_000n;
};

describe('demo tasks (seeds 000, 002, 003 and 004)', () => {
  let api: TestApi;
  let db: Db;
  before(async () => {
    api = await startTestApi();
    db = api.database.db;
  });
  after(async () => api.close());

  const rows = async <T>(query: RawBuilder<T>) => (await query.execute(db)).rows;

  it('reads 004’s figures in tỷ đồng as VND', () => {
    assert.equal(ty('700,840'), 700_840_000_000n);
    assert.equal(ty('95,21'), 95_210_000_000n);
    assert.deepEqual(splitExact(10, [1, 1, 1]), [4, 3, 3]);
  });

  it('has the tasks of each plan: 54 of KH 227 (002), 33 of NQ 03 (000), 20 of KH 35 (003) and those 004 counts', async () => {
    const counts = await rows<{ number: string; n: number }>(sql`
      SELECT p.number, count(t.id)::int AS n FROM plans p LEFT JOIN tasks t ON t.plan_id = p.id GROUP BY p.number`);
    const n = Object.fromEntries(counts.map((r) => [r.number, r.n]));
    assert.deepEqual(
      { kh227: n['227/KH-UBND'], nq03: n['03-NQ/TU'], kh35: n['35/KH-UBND'], kh215: n['215/KH-UBND'], nq71: n['71/NQ-CP'], tbkl: n['TBKL/BCĐTW-2025'], kh02: n['02-KH/BCĐTW'], kh447: n['447-KH/TU'] },
      { kh227: 54, nq03: 33, kh35: 20, kh215: 64, nq71: 25, tbkl: 84, kh02: 25, kh447: 19 },
    );
  });

  it('links the plans as a tree: a central document → the city’s plan → the ward’s plan', async () => {
    const parent = new Map(
      (await rows<{ number: string; parent: string | null }>(sql`
        SELECT p.number, pp.number AS parent FROM plans p LEFT JOIN plans pp ON pp.id = p.parent_plan_id`)).map((r) => [r.number, r.parent]),
    );
    assert.equal(parent.get('35/KH-UBND'), '215/KH-UBND');
    assert.equal(parent.get('215/KH-UBND'), '227/KH-UBND');
    assert.equal(parent.get('227/KH-UBND'), '749/QĐ-TTg');
    assert.equal(parent.get('03-NQ/TU'), '749/QĐ-TTg');
    assert.equal(parent.get('749/QĐ-TTg'), null);
    for (const n of ['71/NQ-CP', '02-KH/BCĐTW', 'TBKL/BCĐTW-2025', '01-BC/BCĐ']) assert.equal(parent.get(n), '57-NQ/TW', n);
    assert.equal(parent.get('447-KH/TU'), '204-QĐ/TW');
    const [kh35] = await rows<{ horizon_from: number; summary: string }>(sql`SELECT horizon_from, summary FROM plans WHERE number = '35/KH-UBND'`);
    assert.equal(kh35!.horizon_from, 2025);
    assert.match(kh35!.summary, /Kế hoạch số 215\/KH-UBND/);
  });

  it('gives every task a lead unit and a title, and unique refs within a plan', async () => {
    const [r] = await rows<{ n: number; untitled: number; unref: number; refs: number }>(sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE btrim(title) = '')::int AS untitled,
             count(*) FILTER (WHERE ref IS NULL)::int AS unref, count(DISTINCT (plan_id, ref))::int AS refs
        FROM tasks t JOIN org_units u ON u.id = t.lead_unit_id`);
    assert.equal(r!.n, 324);
    assert.equal(r!.untitled, 0);
    assert.equal(r!.unref, 0);
    assert.equal(r!.refs, r!.n);
  });

  it('resolves KH 227’s cross-references: «điểm c, d, đ, e khoản 1 phần II» goes to the Sở Thông tin và Truyền thông', async () => {
    const leads = new Map(
      (await rows<{ ref: string; lead: string }>(sql`
        SELECT t.ref, u.code AS lead FROM tasks t JOIN plans p ON p.id = t.plan_id JOIN org_units u ON u.id = t.lead_unit_id
         WHERE p.number = '227/KH-UBND'`)).map((r) => [r.ref, r.lead]),
    );
    const stttt = [...leads].filter(([, lead]) => lead === '31-STTTT').map(([ref]) => ref);
    // 5 + 3 + 4 + 3 (c, d, đ, e of khoản 1) + 7 (khoản 2) + 4 (khoản 3) + 2 (khoản 4).
    assert.equal(stttt.length, 28);
    for (const ref of ['II.1.c.(2)', 'II.1.đ.(4)', 'II.1.e.(3)', 'II.2.j', 'II.4.đ']) assert.equal(leads.get(ref), '31-STTTT', ref);
    assert.equal(leads.get('II.2.đ'), '31-VPUBND');
    assert.equal(leads.get('II.3.đ'), '31-SCT');
    assert.equal(leads.get('II.5.đ'), '31-SGTVT', 'the second «d)» of khoản 5 is đ (IV.11)');
    assert.equal(leads.get('II.5.i'), '31-SNGV', '«điểm I khoản 5» (IV.15)');
    assert.equal(leads.get('II.1.a.(5)'), '31', 'assigned to every agency and district: the city');
    const coop = await rows<{ code: string }>(sql`
      SELECT u.code FROM task_cooperating_units c JOIN tasks t ON t.id = c.task_id JOIN plans p ON p.id = t.plan_id JOIN org_units u ON u.id = c.org_unit_id
       WHERE p.number = '227/KH-UBND' AND t.ref = 'II.4.d' ORDER BY u.code`);
    assert.deepEqual(coop.map((c) => c.code), ['31-SGDDT', '31-STTTT']);
  });

  it('keeps a task of a merged agency with its original lead, whose successor shows it (Sở TT&TT → Sở KH&CN)', async () => {
    const [t] = await rows<{ lead: string; closed_on: string | null; successor: string }>(sql`
      SELECT u.code AS lead, u.closed_on::text, s.code AS successor
        FROM tasks t JOIN plans p ON p.id = t.plan_id JOIN org_units u ON u.id = t.lead_unit_id
        JOIN org_unit_lineage l ON l.predecessor_id = u.id JOIN org_units s ON s.id = l.successor_id
       WHERE p.number = '227/KH-UBND' AND t.ref = 'II.1.c.(2)'`);
    assert.deepEqual(t, { lead: '31-STTTT', closed_on: '2025-02-28', successor: '31-SKHCN' });
    const [closed] = await rows<{ n: number; agencies: number }>(sql`
      SELECT count(*)::int AS n, count(DISTINCT u.id)::int AS agencies FROM tasks t JOIN org_units u ON u.id = t.lead_unit_id WHERE u.closed_on IS NOT NULL`);
    assert.equal(closed!.agencies, 7, 'TT&TT, LĐ-TB&XH, NN&PTNT, GTVT, TN&MT, Du lịch, Ngoại vụ');
    assert.ok(closed!.n >= 30);
  });

  const stats = (plan: string) =>
    rows<{ assigned: number; completed: number; in_progress: number; on_time: number; not_started: number; not_carried_out: number; reason: string | null }>(sql`
      SELECT count(*)::int AS assigned,
             count(*) FILTER (WHERE state = 'completed')::int AS completed,
             count(*) FILTER (WHERE state = 'in_progress')::int AS in_progress,
             count(*) FILTER (WHERE state = 'in_progress' AND (due_date IS NULL OR due_date >= ${DEMO_TODAY}::date))::int AS on_time,
             count(*) FILTER (WHERE state = 'not_started')::int AS not_started,
             count(*) FILTER (WHERE state = 'cancelled')::int AS not_carried_out,
             max(state_reason) FILTER (WHERE state = 'cancelled') AS reason
        FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.number = ${plan}`).then((r) => r[0]!);

  it('reproduces «Tại Nghị quyết số 71/NQ-CP, thành phố được giao 25 nhiệm vụ, đã và đang thực hiện 24 nhiệm vụ; chưa triển khai 01 nhiệm vụ …»', async () => {
    const s = await stats('71/NQ-CP');
    assert.equal(s.assigned, 25);
    assert.equal(s.completed + s.in_progress, 24);
    assert.equal(s.not_started, 0);
    assert.equal(s.not_carried_out, 1);
    assert.match(s.reason!, /không thuộc diện thí điểm/);
    const [pilot] = await rows<{ title: string }>(sql`
      SELECT t.title FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.number = '71/NQ-CP' AND t.state = 'cancelled'`);
    assert.match(pilot!.title, /bản sao số/);
  });

  it('reproduces the other sentences of 004 I.1.a: the Thông báo kết luận, KH 02-KH/BCĐTW and KH 447-KH/TU', async () => {
    const tb = await stats('TBKL/BCĐTW-2025');
    assert.deepEqual([tb.assigned, tb.completed, tb.in_progress, tb.on_time], [84, 37, 47, 47], '84 giao, 37 hoàn thành, 47 đang triển khai trong hạn');
    const kh02 = await stats('02-KH/BCĐTW');
    assert.deepEqual([kh02.assigned, kh02.completed, kh02.in_progress, kh02.on_time], [25, 17, 8, 8], '25 giao, 17 hoàn thành, 8 đang thực hiện trong hạn');
    const kh447 = await stats('447-KH/TU');
    assert.deepEqual([kh447.assigned, kh447.completed, kh447.in_progress, kh447.on_time], [19, 5, 14, 14]);
    const [oct] = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM tasks t JOIN plans p ON p.id = t.plan_id
       WHERE p.number = '447-KH/TU' AND t.state = 'in_progress' AND t.due_date BETWEEN '2025-10-01' AND '2025-10-31'`);
    assert.equal(oct!.n, 2, '2 nhiệm vụ sẽ hoàn thành trong tháng 10/2025 (the other 12 in progress, trong hạn)');
  });

  it('has tasks completed on time and late, in progress on time and overdue, on 20/10/2025', async () => {
    const [r] = await rows<{ on_time: number; late: number; overdue: number; paused: number }>(sql`
      SELECT count(*) FILTER (WHERE state = 'completed' AND completed_on <= due_date)::int AS on_time,
             count(*) FILTER (WHERE state = 'completed' AND completed_on > due_date)::int AS late,
             count(*) FILTER (WHERE state = 'in_progress' AND due_date < ${DEMO_TODAY}::date)::int AS overdue,
             count(*) FILTER (WHERE state = 'paused' AND state_reason IS NOT NULL)::int AS paused
        FROM tasks`);
    assert.ok(r!.on_time > 50 && r!.late >= 5 && r!.overdue >= 5 && r!.paused === 1, JSON.stringify(r));
    const [future] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM tasks WHERE completed_on > ${DEMO_TODAY}::date`);
    assert.equal(future!.n, 0);
  });

  it('has timelines: state changes for every started task and progress reports in Vietnamese', async () => {
    const [r] = await rows<{ completed: number; closed: number; progress: number; quoting: number; later: number }>(sql`
      SELECT (SELECT count(*) FROM tasks WHERE state = 'completed')::int AS completed,
             count(*) FILTER (WHERE kind = 'state' AND state_to = 'completed')::int AS closed,
             count(*) FILTER (WHERE kind = 'progress' AND progress IS NOT NULL AND body <> '')::int AS progress,
             count(*) FILTER (WHERE kind = 'progress' AND body LIKE '%Báo cáo 01-BC/BCĐ%')::int AS quoting,
             count(*) FILTER (WHERE created_at > '2025-10-20T10:00:00+07:00')::int AS later
        FROM task_updates`);
    assert.equal(r!.closed, r!.completed);
    assert.ok(r!.progress >= 10);
    assert.ok(r!.quoting >= 5);
    assert.equal(r!.later, 0);
  });

  it('sums the budgets of KH 215’s task groups exactly to 004’s figures (I.10), in VND', async () => {
    const groups = await rows<{ group_name: string; tasks: number; agencies: number; requested: string; approved: string | null; requested2025: string; allocated2025: string }>(sql`
      SELECT t.group_name, count(DISTINCT t.id)::int AS tasks, count(DISTINCT t.lead_unit_id)::int AS agencies,
             sum(b.requested) FILTER (WHERE b.year IS NULL)::text AS requested, sum(b.approved) FILTER (WHERE b.year IS NULL)::text AS approved,
             sum(b.requested) FILTER (WHERE b.year = 2025)::text AS requested2025, sum(b.allocated) FILTER (WHERE b.year = 2025)::text AS allocated2025
        FROM tasks t JOIN plans p ON p.id = t.plan_id LEFT JOIN budget_lines b ON b.task_id = t.id
       WHERE p.number = '215/KH-UBND' GROUP BY t.group_name`);
    const g = Object.fromEntries(groups.map((r) => [r.group_name, r]));
    const money = (r: (typeof groups)[number]) => [r.requested, r.approved, r.requested2025, r.allocated2025].map((v) => (v === null ? null : BigInt(v)));
    const expect = (...figures: (string | null)[]) => figures.map((f) => (f === null ? null : ty(f)));

    const tx = g['Nhiệm vụ thường xuyên']!;
    assert.deepEqual([tx.tasks, tx.agencies], [19, 10], '19 nhiệm vụ do 10 sở/đơn vị chủ trì');
    assert.deepEqual(money(tx), expect('700,840', '223,361', '207,312', '37,193'));

    const ht = g['Nhiệm vụ hoàn thành trong năm 2025']!;
    assert.deepEqual([ht.tasks, ht.agencies], [20, 14], '20 nhiệm vụ, 14 sở/đơn vị chủ trì');
    assert.deepEqual(money(ht), expect('82,927', '32,435', '70,328', '34,845'));

    const cntt = g['Nhiệm vụ nguồn sự nghiệp công nghệ thông tin']!;
    assert.equal(cntt.tasks, 24);
    assert.deepEqual(money(cntt), expect('95,21', '30,226', '39,852', '39,852'));

    const dtc = g['Nhiệm vụ nguồn đầu tư công']!;
    assert.equal(dtc.tasks, 1);
    assert.deepEqual(money(dtc), expect('31,236', null, '31,056', '31,056'));

    // «18 nhiệm vụ thuộc nguồn công nghệ thông tin và 2 nhiệm vụ thuộc nguồn quỹ phát triển của đơn vị».
    const sources = await rows<{ source: string; n: number }>(sql`
      SELECT b.source, count(DISTINCT t.id)::int AS n FROM tasks t JOIN budget_lines b ON b.task_id = t.id
       WHERE t.group_name = 'Nhiệm vụ hoàn thành trong năm 2025' GROUP BY b.source ORDER BY b.source`);
    assert.deepEqual(sources, [{ source: 'quy_phat_trien', n: 2 }, { source: 'su_nghiep_cntt', n: 18 }]);

    // Per task: allocated ≤ need for the year ≤ whole need, disbursed ≤ allocated.
    const [bad] = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM budget_lines b
        LEFT JOIN budget_lines whole ON whole.task_id = b.task_id AND whole.year IS NULL
       WHERE b.year = 2025 AND (b.allocated > b.requested OR b.requested > whole.requested OR b.disbursed > b.allocated)`);
    assert.equal(bad!.n, 0);
  });

  it('links tasks to the targets they serve', async () => {
    const links = await rows<{ ref: string; indicator: string }>(sql`
      SELECT t.ref, i.code AS indicator FROM task_targets tt JOIN tasks t ON t.id = tt.task_id JOIN plans p ON p.id = t.plan_id
        JOIN targets g ON g.id = tt.target_id JOIN indicators i ON i.id = g.indicator_id
       WHERE p.number = '35/KH-UBND' AND g.plan_id = p.id ORDER BY t.ref, i.code`);
    assert.ok(links.some((l) => l.ref === 'II.2.a.(1)' && l.indicator === 'CQS.VB_KY_SO'));
    assert.ok(links.length >= 8);
  });
});
