/**
 * The demo loaded by seedDemo (the test template is seeded with it): the plans of seeds 000, 002,
 * 003 and 004 with their targets, monthly values for every commune marked as demo data, and city
 * rollups that reproduce the figures of Báo cáo 01-BC/BCĐ — computed at seeding, with no worker running.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { IND } from '../../server/seed/demoIndicators.ts';
import { COMMUNE_SERIES, DEMO_MONTHS } from '../../server/seed/demoValues.ts';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';

interface PlanItem {
  id: number;
  kind: string;
  number: string;
  issuer: { code: string } | null;
  issuedOn: string;
}
interface TargetItem {
  id: number;
  scope: string;
  level: string | null;
  orgUnit: { code: string };
  year: number;
  comparator: string;
  value: number;
  parentTargetId: number | null;
  plan: { number: string } | null;
  indicator: { code: string };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

describe('demo data', () => {
  let api: TestApi;
  let leader: Session; // lanhdao, leader at the city
  const plans = new Map<string, PlanItem>();

  const get = async (url: string) => {
    const res = await api.call('GET', url, { as: leader });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json();
  };
  const analytics = (indicator: string, orgUnit: string, period: string, by = '') =>
    get(`/api/v1/analytics?indicator=${encodeURIComponent(indicator)}&orgUnit=${orgUnit}&period=${period}${by}`);
  const targets = async (query: string): Promise<TargetItem[]> => (await get(`/api/v1/targets?${query}&limit=1000`)).items;

  before(async () => {
    api = await startTestApi(); // no rollup worker: the figures below were rolled up by seedDemo itself
    leader = await api.login('lanhdao', DEMO_PASSWORD);
    for (const p of (await get('/api/v1/plans?limit=500')).items as PlanItem[]) plans.set(p.number, p);
  });
  after(() => api.close());

  it('has the plans of the seed documents, with their issuers and dates', () => {
    const summary = (n: string) => {
      const p = plans.get(n);
      assert.ok(p, `plan ${n}`);
      return [p.kind, p.issuer?.code, p.issuedOn];
    };
    assert.deepEqual(summary('227/KH-UBND'), ['KH', '31', '2020-09-21']);
    assert.deepEqual(summary('03-NQ/TU'), ['NQ', '31-TU', '2021-10-26']);
    assert.deepEqual(summary('215/KH-UBND'), ['KH', '31', '2025-08-25']);
    assert.deepEqual(summary('35/KH-UBND'), ['KH', '11692', '2025-08-28']);
    assert.deepEqual(summary('01-BC/BCĐ'), ['BC', '31-BCDCDS', '2025-10-07']);
  });

  it('has the 90/80/60 level targets of 227/KH-UBND for 2025 and 100/90/70 for 2030', async () => {
    const byLevel = async (year: number) =>
      (await targets(`plan=${plans.get('227/KH-UBND')!.id}&indicator=${IND.HSCV_MANG}&year=${year}`))
        .map((t) => [t.scope, t.level, t.orgUnit.code, t.comparator, t.value])
        .sort();
    assert.deepEqual(await byLevel(2025), [
      ['level', 'commune', '31', '>=', 60],
      ['level', 'department', '31', '>=', 90],
      ['level', 'district', '31', '>=', 80],
    ]);
    assert.deepEqual((await byLevel(2030)).map((t) => t[4]), [70, 100, 90]);
    const nq = await targets(`plan=${plans.get('03-NQ/TU')!.id}&indicator=${IND.HSCV_MANG}&year=2025`);
    assert.deepEqual(nq.map((t) => t.value).sort(), [60, 80, 90], '03-NQ/TU sets the same split');
  });

  it('derives the ward targets of 35/KH-UBND from the city targets of 215/KH-UBND, row by row', async () => {
    const ward = await targets(`plan=${plans.get('35/KH-UBND')!.id}`);
    assert.equal(ward.length, 9);
    assert.ok(ward.every((t) => t.orgUnit.code === '11692' && t.scope === 'unit' && t.year === 2025));
    assert.equal(ward.filter((t) => t.parentTargetId !== null).length, 8, 'every row of the table; the 90% of signed documents (II.2.a) has no city counterpart');
    const hscv = ward.find((t) => t.indicator.code === IND.HSCV_MANG)!;
    assert.deepEqual([hscv.comparator, hscv.value], ['>=', 75]);
    const parent: TargetItem = await get(`/api/v1/targets/${hscv.parentTargetId}`);
    assert.deepEqual([parent.plan?.number, parent.scope, parent.level, parent.value], ['215/KH-UBND', 'level', 'commune', 75]);
    const satisfaction = ward.find((t) => t.indicator.code === IND.HAI_LONG)!;
    assert.deepEqual([satisfaction.comparator, satisfaction.value], ['>', 90], '"trên 90%"');
  });

  it('reproduces the figures of Báo cáo 01-BC/BCĐ in the city rollups for 2025Q3', async () => {
    const bhxh = await analytics(IND.BHXH_XAC_THUC, '31', '2025Q3');
    assert.equal(bhxh.numerator, 3_658_476);
    assert.equal(bhxh.denominator, 3_670_241);
    assert.equal(round2(bhxh.value), 99.68);
    assert.equal(bhxh.count, 114, 'summed over the communes');

    const books = await analytics(IND.SO_SUC_KHOE, '31', '2025Q3');
    assert.deepEqual([books.numerator, round2(books.value)], [1_292_025, 29.1]);
    const tax = await analytics(IND.THUE_KHOP, '31', '2025Q3');
    assert.deepEqual([tax.numerator, tax.denominator, round2(tax.value)], [303_833, 366_701, 82.86]);
    assert.equal(round2((await analytics(IND.BENH_AN_DT, '31', '2025Q3')).value), 97.78);
    assert.equal((await analytics(IND.TRAM_5G, '31', '2025Q3')).value, 159);
    assert.equal((await analytics(IND.DN_CNS, '31', '2025Q3')).value, 871);

    const budget = await analytics(IND.CHI_KHCN_CDS, '31', '2025');
    assert.equal(round2(budget.value), 0.57);
    assert.deepEqual([budget.target.value, budget.status], [3, 'not_achieved']);
  });

  it('has a value for every month of every commune indicator in each of the 114 communes, wards and special zones', async () => {
    const rows = await sql<{ code: string; n: number }>`
      SELECT u.code, count(v.*)::int AS n
      FROM org_units u
      JOIN org_units city ON city.id = u.parent_id AND city.code = '31' AND city.closed_on IS NULL
      LEFT JOIN data_values v ON v.org_unit_id = u.id AND v.period_id LIKE '2025%' -- 2024-12 belongs to the rankings' previous year (demoRankings.ts)
      WHERE u.closed_on IS NULL AND u.kind IN ('commune', 'ward', 'special_zone')
      GROUP BY u.code`.execute(api.database.db);
    assert.equal(rows.rows.length, 114);
    const perUnit = (COMMUNE_SERIES.length + 2) * DEMO_MONTHS.length; // + BHXH and health books
    assert.deepEqual(rows.rows.filter((r) => r.n !== perUnit), [], `${perUnit} values in each`);

    const wards = await analytics(IND.HS_TRUC_TUYEN, '31', '2025-09', '&by=children');
    const communes = wards.items.filter((r: { orgUnit: { kind: string } }) => ['commune', 'ward', 'special_zone'].includes(r.orgUnit.kind));
    assert.equal(communes.length, 114);
    assert.ok(communes.every((r: { value: number | null }) => r.value !== null && r.value > 0 && r.value <= 100));
    const dk = communes.find((r: { orgUnit: { code: string } }) => r.orgUnit.code === '11692');
    assert.equal(dk.target.value, 80, 'Dương Kinh is held to its own 80% of 35/KH-UBND');
  });

  it('applies the level targets: departments against 90%, communes against the newest 75%', async () => {
    const children = await analytics(IND.HSCV_MANG, '31', '2025Q3', '&by=children');
    const of = (code: string) => children.items.find((r: { orgUnit: { code: string } }) => r.orgUnit.code === code);
    assert.equal(of('31-SKHCN').target.value, 90);
    assert.equal(of('11413').target.value, 75);
    assert.ok(of('31-SKHCN').value > 0 && of('11413').value > 0);
  });

  it('trends towards the targets over the year', async () => {
    const q1 = await analytics(IND.HS_TRUC_TUYEN, '31', '2025Q1');
    const q3 = await analytics(IND.HS_TRUC_TUYEN, '31', '2025Q3');
    assert.ok(q1.value < q3.value, `${q1.value} < ${q3.value}`);
    assert.equal(q3.target.value, 80);
  });

  it('marks every value and its history as demo data; the indicators themselves are real', async () => {
    const sources = await sql<{ source: string }>`SELECT DISTINCT source FROM data_values`.execute(api.database.db);
    assert.deepEqual(sources.rows.map((r) => r.source), ['demo']);
    const history = await sql<{ source: string }>`SELECT DISTINCT source FROM data_value_history`.execute(api.database.db);
    assert.deepEqual(history.rows.map((r) => r.source), ['demo']);
    const reported = await sql<{ comment: string }>`
      SELECT v.comment FROM data_values v JOIN indicators i ON i.id = v.indicator_id WHERE i.code = ${IND.THUE_KHOP}`.execute(api.database.db);
    assert.match(reported.rows[0]!.comment, /01-BC\/BCĐ/);
    const indicators = (await get('/api/v1/indicators?limit=100')).items as { code: string; isDemo: boolean }[];
    assert.ok(indicators.length >= 15);
    assert.ok(indicators.every((i) => !i.isDemo));
    const dirty = await sql<{ n: number }>`SELECT count(*)::int AS n FROM rollup_dirty`.execute(api.database.db);
    assert.equal(dirty.rows[0]!.n, 0, 'rollups were computed at seeding');
  });
});
