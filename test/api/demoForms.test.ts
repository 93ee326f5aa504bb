/**
 * The demo's report forms and their reporting history (server/seed/demoForms.ts, loaded into the test
 * template by seedDemo): the commune and department forms with their items, rules and assignments;
 * January–September approved and agreeing with the stored values; October in every state, with
 * Phường Dương Kinh not started so its reporter can send it and its ward's leadership approve it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql, type RawBuilder } from 'kysely';
import { validateSubmission } from '../../domain/forms.ts';
import { IND } from '../../server/seed/demoIndicators.ts';
import { COMMUNE_FORM, DEMO_NOW, DEPARTMENT_FORM, DEPARTMENT_GROUP, OPEN_MONTH } from '../../server/seed/demoForms.ts';
import { COMMUNE_SERIES, DEMO_MONTHS, DEPARTMENT_SERIES } from '../../server/seed/demoValues.ts';
import { itemsOf, rulesOf } from '../../server/store/forms.ts';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';

interface FormJson {
  code: string;
  periodType: string;
  cutoff: string;
  deadlineFrom: string;
  deadlineOffsetDays: number;
  firstPeriod: string;
  ownerUnit: { code: string };
  assignedUnitCount: number;
  items: { indicator: { code: string }; required: boolean }[];
  rules: { expression: string; message: string | null }[];
  assignments: { kind: string; orgUnit: { code: string } | null; level: string | null; group: { code: string } | null }[];
}
interface QueueItem {
  form: { code: string };
  orgUnit: { code: string };
  period: { id: string };
  timeliness: string;
  submittedBy: { username: string } | null;
}
interface ItemView {
  indicator: { code: string };
  staged: { value: number | null; numerator: number | null; denominator: number | null } | null;
  stored: { value: number | null; numerator: number | null; denominator: number | null; source: string } | null;
}

const COMMUNE_ITEMS = [...COMMUNE_SERIES.map((s) => s.indicator), IND.BHXH_XAC_THUC, IND.SO_SUC_KHOE].sort();

describe('demo report forms and submissions', () => {
  let api: TestApi;
  let coordinator: Session; // dieuphoi, coordinator at the city
  let reporter: Session; // baocao, reporter at Phường Dương Kinh
  let wardApprover: Session; // pheduyet.duongkinh, approver at Phường Dương Kinh
  let deptApprover: Session; // pheduyet, approver at Sở KH&CN

  const ok = (res: LightMyRequestResponse, status = 200) => {
    assert.equal(res.statusCode, status, res.body);
    return res.json();
  };
  const get = async (url: string, as: Session) => ok(await api.call('GET', url, { as }));
  const count = async (query: RawBuilder<{ n: number }>) => (await query.execute(api.database.db)).rows[0]!.n;

  before(async () => {
    api = await startTestApi({ rollups: true });
    coordinator = await api.login('dieuphoi', DEMO_PASSWORD);
    reporter = await api.login('baocao', DEMO_PASSWORD);
    wardApprover = await api.login('pheduyet.duongkinh', DEMO_PASSWORD);
    deptApprover = await api.login('pheduyet', DEMO_PASSWORD);
  });
  after(() => api.close());

  it('defines the monthly commune form: the indicators reported per commune, rules, the Nghị định 09 cut-off, assigned to the 114 communes', async () => {
    const form: FormJson = await get(`/api/v1/forms/${COMMUNE_FORM}`, reporter);
    assert.deepEqual(
      [form.code, form.periodType, form.cutoff, form.deadlineFrom, form.deadlineOffsetDays, form.firstPeriod, form.ownerUnit.code],
      [COMMUNE_FORM, 'month', 'nd09', 'windowEnd', 3, '2025-01', '31'],
    );
    assert.deepEqual(form.items.map((i) => i.indicator.code).sort(), COMMUNE_ITEMS, 'every indicator the demo reports per commune');
    assert.deepEqual(form.items.filter((i) => !i.required).map((i) => i.indicator.code).sort(), [IND.BHXH_XAC_THUC, IND.SO_SUC_KHOE, IND.CAP_QUANG].sort());
    assert.ok(form.rules.length >= 1 && form.rules.every((r) => /_den\s*(=|<=)\s*/.test(r.expression) && r.message), 'cross-indicator rules with messages');
    assert.deepEqual(form.assignments.map((a) => [a.kind, a.orgUnit?.code, a.level]), [['level', '31', 'commune']]);
    assert.equal(form.assignedUnitCount, 114);
    const view = await get(`/api/v1/submissions/${COMMUNE_FORM}/11692/${OPEN_MONTH}`, reporter);
    assert.equal(view.dueDate, '2025-10-17', 'three days after the cut-off of the 14th');
    assert.deepEqual(view.window, { start: '2025-09-15', end: '2025-10-14' });
  });

  it('defines the departments’ form, assigned through a group of the 14 departments', async () => {
    const form: FormJson = await get(`/api/v1/forms/${DEPARTMENT_FORM}`, coordinator);
    assert.deepEqual(form.items.map((i) => i.indicator.code).sort(), DEPARTMENT_SERIES.map((s) => s.indicator).sort());
    assert.deepEqual(form.assignments.map((a) => [a.kind, a.group?.code]), [['group', DEPARTMENT_GROUP]]);
    assert.equal(form.assignedUnitCount, 14);
    const group = await get(`/api/v1/org-unit-groups/${DEPARTMENT_GROUP}`, coordinator);
    const departments = await sql<{ code: string }>`
      SELECT u.code FROM org_units u JOIN org_units city ON city.id = u.parent_id AND city.code = '31' AND city.closed_on IS NULL
       WHERE u.kind = 'department' AND u.closed_on IS NULL`.execute(api.database.db);
    assert.deepEqual(group.members.map((m: { code: string }) => m.code).sort(), departments.rows.map((r) => r.code).sort(), 'the open departments of the city');
    const list = await get('/api/v1/forms', reporter);
    assert.deepEqual(list.items.map((f: { code: string }) => f.code).sort(), [COMMUNE_FORM, DEPARTMENT_FORM].sort());
  });

  it('shows October as not started for Dương Kinh in the inbox of baocao on the demo’s day, after nine approved months', async () => {
    // The inbox lists the periods due in the current year: look at it on the day the demo's story stops.
    mock.timers.enable({ apis: ['Date'], now: DEMO_NOW });
    let inbox;
    try {
      inbox = await get(`/api/v1/inbox?form=${COMMUNE_FORM}`, reporter);
    } finally {
      mock.timers.reset();
    }
    assert.equal(inbox.today, '2025-10-20');
    const items = inbox.items as { orgUnit: { code: string }; period: { id: string }; status: string; dueDate: string; overdue: boolean }[];
    assert.ok(items.every((i) => i.orgUnit.code === '11692'));
    const october = items.find((i) => i.period.id === OPEN_MONTH);
    assert.deepEqual(october && [october.status, october.dueDate, october.overdue], ['not_started', '2025-10-17', true]);
    assert.deepEqual(
      items.filter((i) => i.period.id !== OPEN_MONTH).map((i) => [i.period.id, i.status]).sort(),
      DEMO_MONTHS.map((m) => [m, 'approved']),
    );
    const none = await count(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM submissions s JOIN org_units u ON u.id = s.org_unit_id WHERE u.code = '11692' AND s.period_id = ${OPEN_MONTH}`);
    assert.equal(none, 0, 'no submission row at all: not started');
    const view = await get(`/api/v1/submissions/${COMMUNE_FORM}/11692/${OPEN_MONTH}`, reporter);
    assert.deepEqual([view.status, view.actions], ['not_started', ['save', 'submit']]);
  });

  it('a year later still lists what Dương Kinh owes from last year, but not last year’s approved reports', async () => {
    mock.timers.enable({ apis: ['Date'], now: new Date('2026-03-02T03:00:00Z') });
    let inbox;
    try {
      inbox = await get(`/api/v1/inbox?form=${COMMUNE_FORM}`, reporter);
    } finally {
      mock.timers.reset();
    }
    const items = inbox.items as { period: { id: string }; status: string; overdue: boolean }[];
    const periods = items.map((i) => i.period.id);
    assert.deepEqual(periods.filter((p) => p.startsWith('2025')).sort(), ['2025-10', '2025-11', '2025-12'], 'owed from 2025; January–September were approved');
    assert.ok(periods.includes('2026-01') && periods.includes('2026-03') && !periods.includes('2026-04'));
    assert.ok(items.filter((i) => i.period.id.startsWith('2025')).every((i) => i.status === 'not_started' && i.overdue));
  });

  it('keeps October’s reports in every state: awaiting approval in the queue of dieuphoi, returned with a reason, drafts, not started', async () => {
    const rows = (await sql<{ status: string; n: number }>`
      SELECT s.status, count(*)::int AS n FROM submissions s JOIN report_forms f ON f.id = s.form_id
       WHERE f.code = ${COMMUNE_FORM} AND s.period_id = ${OPEN_MONTH} GROUP BY s.status`.execute(api.database.db)).rows;
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
    assert.ok(by.submitted! >= 20, `submitted: ${by.submitted}`);
    assert.ok(by.returned! >= 2 && by.returned! < by.submitted!, `returned: ${by.returned}`);
    assert.ok(by.draft! >= 10, `draft: ${by.draft}`);
    assert.equal(by.approved, undefined, 'none approved yet');
    const notStarted = 114 - by.submitted! - by.returned! - by.draft!;
    assert.ok(notStarted >= 10, `not started: ${notStarted}`);

    const queue = await get(`/api/v1/approvals?form=${COMMUNE_FORM}`, coordinator);
    const items = queue.items as QueueItem[];
    assert.equal(items.length, by.submitted);
    assert.ok(items.every((i) => i.period.id === OPEN_MONTH && i.orgUnit.code !== '11692'));
    assert.ok(items.some((i) => i.timeliness === 'on_time') && items.some((i) => i.timeliness === 'late'), 'most on time, some late');

    const reasons = (await sql<{ return_reason: string | null }>`
      SELECT s.return_reason FROM submissions s JOIN report_forms f ON f.id = s.form_id
       WHERE f.code = ${COMMUNE_FORM} AND s.status = 'returned' AND s.period_id = ${OPEN_MONTH}`.execute(api.database.db)).rows;
    assert.ok(reasons.length === by.returned! && reasons.every((r) => /^[A-ZĐ].*đề nghị .+\.$/u.test(r.return_reason ?? '')), 'a Vietnamese reason each');

    assert.deepEqual((await get('/api/v1/approvals', wardApprover)).items, [], 'Dương Kinh has sent nothing yet');
    const agency = (await get('/api/v1/approvals', deptApprover)).items as QueueItem[];
    assert.deepEqual(agency.map((i) => [i.form.code, i.orgUnit.code, i.period.id]), [[DEPARTMENT_FORM, '31-SKHCN', OPEN_MONTH]]);
  });

  it('measures September’s compliance of the communes: nearly complete, mostly on time, some late', async () => {
    const c = await get(`/api/v1/compliance?form=${COMMUNE_FORM}&period=2025-09&orgUnit=31`, coordinator);
    assert.equal(c.dueDate, '2025-09-17');
    const t = c.totals;
    assert.equal(t.expected, 114);
    assert.ok(t.completeness >= 95, `completeness ${t.completeness}`);
    assert.equal(t.received, t.approved, 'every report received for September is approved');
    assert.ok(t.late >= 1 && t.late <= 15, `late ${t.late}`);
    assert.ok(t.onTime >= 0.85 * t.expected, `on time ${t.onTime}`);
    assert.ok(t.timeliness < t.completeness);
    const year = (await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM submissions s JOIN report_forms f ON f.id = s.form_id
       WHERE f.code = ${COMMUNE_FORM} AND s.status = 'approved' AND s.period_id = ANY(${DEMO_MONTHS}::text[])`.execute(api.database.db)).rows[0]!.n;
    assert.ok(year >= 0.97 * 114 * 9 && year < 114 * 9, `${year} of ${114 * 9} monthly reports approved: nearly all`);
  });

  it('stages in each approved report exactly the values stored for its unit and month', async () => {
    const db = api.database.db;
    const approvedItems = await count(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM submissions s JOIN report_form_items fi ON fi.form_id = s.form_id
       WHERE s.status = 'approved' AND s.period_id = ANY(${DEMO_MONTHS}::text[])`);
    const agreeing = await count(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM submissions s
        JOIN report_form_items fi ON fi.form_id = s.form_id
        JOIN submission_values sv ON sv.submission_id = s.id AND sv.indicator_id = fi.indicator_id
        JOIN data_values d ON d.indicator_id = fi.indicator_id AND d.org_unit_id = s.org_unit_id AND d.period_id = s.period_id
       WHERE s.status = 'approved' AND s.period_id = ANY(${DEMO_MONTHS}::text[])
         AND (sv.value, sv.numerator, sv.denominator) IS NOT DISTINCT FROM (d.value, d.numerator, d.denominator)`);
    assert.ok(approvedItems > 13_000, `${approvedItems} values in approved reports`);
    assert.equal(agreeing, approvedItems, 'one stored value per item of each approved report, equal to its staged value');
    const sources = await sql<{ source: string }>`SELECT DISTINCT source FROM data_values WHERE period_id = ANY(${DEMO_MONTHS}::text[])`.execute(db);
    assert.deepEqual(sources.rows.map((r) => r.source), ['demo'], 'the seeded values themselves are untouched');

    // And as the entry grid shows one of them: staged = stored, for every item.
    const [pick] = (await sql<{ code: string; period_id: string }>`
      SELECT u.code, s.period_id FROM submissions s JOIN org_units u ON u.id = s.org_unit_id JOIN report_forms f ON f.id = s.form_id
       WHERE f.code = ${COMMUNE_FORM} AND s.status = 'approved' ORDER BY s.id LIMIT 1 OFFSET 500`.execute(db)).rows;
    const sample: { status: string; items: ItemView[] } = await get(`/api/v1/submissions/${COMMUNE_FORM}/${pick!.code}/${pick!.period_id}`, coordinator);
    assert.equal(sample.status, 'approved');
    assert.equal(sample.items.length, COMMUNE_ITEMS.length);
    for (const i of sample.items) {
      assert.equal(i.stored?.source, 'demo');
      assert.deepEqual([i.staged?.numerator, i.staged?.denominator, i.staged?.value], [i.stored.numerator, i.stored.denominator, i.stored.value], i.indicator.code);
    }
  });

  it('passes its own form’s validation in every sent report, so each can be approved', async () => {
    const db = api.database.db;
    const forms = await db.selectFrom('report_forms').select(['id', 'code']).where('code', 'in', [COMMUNE_FORM, DEPARTMENT_FORM]).execute();
    const items = await itemsOf(db, forms.map((f) => f.id));
    const rules = await rulesOf(db, forms.map((f) => f.id));
    const values = await sql<{ submission_id: number; form_id: number; status: string; code: string; value: number | null; numerator: number | null; denominator: number | null }>`
      SELECT s.id AS submission_id, s.form_id, s.status, i.code, sv.value, sv.numerator, sv.denominator
        FROM submissions s JOIN submission_values sv ON sv.submission_id = s.id JOIN indicators i ON i.id = sv.indicator_id
       WHERE sv.value IS NOT NULL OR sv.numerator IS NOT NULL`.execute(db);
    const bySubmission = new Map<number, { formId: number; status: string; values: Map<string, { value: number | null; numerator: number | null; denominator: number | null }> }>();
    for (const r of values.rows) {
      const s = bySubmission.get(r.submission_id) ?? { formId: r.form_id, status: r.status, values: new Map() };
      s.values.set(r.code, r);
      bySubmission.set(r.submission_id, s);
    }
    assert.ok(bySubmission.size > 1000);
    const failing: string[] = [];
    for (const [id, s] of bySubmission) {
      const formItems = items.filter((i) => i.form_id === s.formId).map((i) => ({ code: i.code, unit: i.unit, spaceAggregation: i.space_aggregation, minValue: i.min_value, maxValue: i.max_value, required: i.required }));
      const formRules = rules.filter((r) => r.form_id === s.formId).map((r, index) => ({ index, expression: r.expression, message: r.message }));
      const problems = validateSubmission(formItems, formRules, s.values, s.status === 'draft' ? 'save' : 'submit');
      if (problems.length) failing.push(`${id}: ${JSON.stringify(problems[0])}`);
    }
    assert.deepEqual(failing.slice(0, 5), []);
  });

  it('traces each report in order, on or before the demo’s day, as the workflow commands do', async () => {
    const db = api.database.db;
    const traces = await sql<{ status: string; actions: string[]; ordered: boolean; latest: Date; first_sent: Date | null; first_submitted_at: Date | null; last_decision: Date | null; decided_at: Date | null }>`
      SELECT s.status, array_agg(e.action ORDER BY e.id) AS actions,
             bool_and(e.at >= coalesce(prev_at, e.at)) AS ordered, max(e.at) AS latest,
             min(e.at) FILTER (WHERE e.action = 'submitted') AS first_sent, s.first_submitted_at,
             max(e.at) FILTER (WHERE e.action IN ('approved', 'returned')) AS last_decision, s.decided_at
        FROM submissions s
        JOIN (SELECT *, lag(at) OVER (PARTITION BY submission_id ORDER BY id) AS prev_at FROM submission_events) e ON e.submission_id = s.id
       GROUP BY s.id`.execute(db);
    assert.ok(traces.rows.length > 1000);
    for (const t of traces.rows) {
      assert.ok(t.ordered, `events in time order: ${t.actions}`);
      assert.ok(t.latest <= DEMO_NOW);
      assert.equal(t.actions[0], 'created');
      assert.equal(t.first_sent?.getTime(), t.first_submitted_at?.getTime(), 'timeliness is judged on the first submission');
      assert.equal(t.last_decision?.getTime(), t.decided_at?.getTime());
      const last = t.actions[t.actions.length - 1];
      assert.equal(last, { approved: 'approved', submitted: 'submitted', returned: 'returned', draft: 'saved' }[t.status], t.actions.join());
    }
    const returnedOnce = traces.rows.filter((t) => t.status === 'approved' && t.actions.includes('returned')).length;
    assert.ok(returnedOnce >= 5, `${returnedOnce} approved after being returned once`);
  });

  // Last: it changes the data the tests above read.
  it('lets dieuphoi approve a waiting demo report, and baocao send Dương Kinh’s October for pheduyet.duongkinh to approve', async () => {
    const [first] = (await get(`/api/v1/approvals?form=${COMMUNE_FORM}`, coordinator)).items as QueueItem[];
    const approved = ok(await api.call('POST', `/api/v1/submissions/${COMMUNE_FORM}/${first!.orgUnit.code}/${OPEN_MONTH}/approve`, { as: coordinator }));
    assert.equal(approved.status, 'approved');
    assert.ok(approved.items.every((i: ItemView) => i.stored === null || i.stored.source === 'form'));

    const september: { items: ItemView[] } = await get(`/api/v1/submissions/${COMMUNE_FORM}/11692/2025-09`, reporter);
    const values = september.items.map((i) => ({ indicator: i.indicator.code, numerator: i.stored!.numerator, denominator: i.stored!.denominator }));
    const sent = ok(await api.call('POST', `/api/v1/submissions/${COMMUNE_FORM}/11692/${OPEN_MONTH}/submit`, { as: reporter, body: { values } }));
    assert.equal(sent.status, 'submitted');
    const queue = (await get('/api/v1/approvals', wardApprover)).items as QueueItem[];
    assert.deepEqual(queue.map((i) => [i.form.code, i.orgUnit.code, i.period.id, i.submittedBy?.username]), [[COMMUNE_FORM, '11692', OPEN_MONTH, 'baocao']]);
    const decided = ok(await api.call('POST', `/api/v1/submissions/${COMMUNE_FORM}/11692/${OPEN_MONTH}/approve`, { as: wardApprover }));
    assert.deepEqual([decided.status, decided.decidedBy.username], ['approved', 'pheduyet.duongkinh']);
    await api.rollupsIdle();
    const ward = await get(`/api/v1/analytics?indicator=${encodeURIComponent(IND.HS_TRUC_TUYEN)}&orgUnit=11692&period=${OPEN_MONTH}`, reporter);
    const hs = values.find((v) => v.indicator === IND.HS_TRUC_TUYEN)!;
    assert.equal(ward.numerator, hs.numerator);
  });
});
