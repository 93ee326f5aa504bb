/** SQL for report forms, their items, rules and assignments, and unit groups. */
import { sql, type RawBuilder } from 'kysely';
import { LEVEL_KINDS, TARGET_LEVELS } from '../../domain/targets.ts';
import type { Db, Tx } from '../db/database.ts';
import type { OrgUnitGroupRow, ReportFormRow } from './schema.ts';

type Q = Db | Tx;

export interface FormItemView {
  form_id: number;
  indicator_id: number;
  position: number;
  required: boolean;
  code: string;
  name: string;
  unit: string;
  space_aggregation: 'sum' | 'ratio' | 'avg' | 'min' | 'max';
  period_type: string;
  decimals: number;
  min_value: number | null;
  max_value: number | null;
  archived_at: Date | null;
}

export interface FormRuleRow {
  id: number;
  form_id: number;
  position: number;
  expression: string;
  message: string | null;
}

export interface AssignmentView {
  id: number;
  form_id: number;
  kind: 'unit' | 'level' | 'group';
  level: 'province' | 'district' | 'commune' | 'department' | null;
  org_unit_id: number | null;
  org_unit_code: string | null;
  org_unit_name: string | null;
  group_id: number | null;
  group_code: string | null;
  group_name: string | null;
}

export interface FormView extends ReportFormRow {
  owner_code: string;
  owner_name: string;
}

const selectForms = (q: Q) =>
  q
    .selectFrom('report_forms as f')
    .innerJoin('org_units as o', 'o.id', 'f.owner_unit_id')
    .selectAll('f')
    .select(['o.code as owner_code', 'o.name as owner_name']);

export async function findFormByCode(q: Q, code: string, options: { lock?: boolean } = {}): Promise<FormView | undefined> {
  const select = selectForms(q).where(sql`lower(f.code)`, '=', code.toLowerCase());
  return (options.lock ? select.forUpdate('f') : select).executeTakeFirst() as Promise<FormView | undefined>;
}

export async function findFormView(q: Q, id: number): Promise<FormView | undefined> {
  return selectForms(q).where('f.id', '=', id).executeTakeFirst() as Promise<FormView | undefined>;
}

export interface FormListQuery {
  text?: string;
  periodType?: string;
  includeInactive: boolean;
  afterCode?: string;
  limit: number;
}

export async function listForms(q: Q, query: FormListQuery): Promise<FormView[]> {
  let select = selectForms(q);
  if (!query.includeInactive) select = select.where('f.active', '=', true);
  if (query.periodType) select = select.where('f.period_type', '=', query.periodType as ReportFormRow['period_type']);
  if (query.text) {
    const like = `%${query.text.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    select = select.where((eb) => eb.or([eb(sql`lower(f.code)`, 'like', like), eb(sql`lower(f.name)`, 'like', like)]));
  }
  if (query.afterCode) select = select.where(sql`lower(f.code)`, '>', query.afterCode);
  return select.orderBy(sql`lower(f.code)`).limit(query.limit).execute() as Promise<FormView[]>;
}

export async function itemsOf(q: Q, formIds: readonly number[]): Promise<FormItemView[]> {
  if (formIds.length === 0) return [];
  return q
    .selectFrom('report_form_items as fi')
    .innerJoin('indicators as i', 'i.id', 'fi.indicator_id')
    .select([
      'fi.form_id',
      'fi.indicator_id',
      'fi.position',
      'fi.required',
      'i.code',
      'i.name',
      'i.unit',
      'i.space_aggregation',
      'i.period_type',
      'i.decimals',
      'i.min_value',
      'i.max_value',
      'i.archived_at',
    ])
    .where('fi.form_id', 'in', formIds)
    .orderBy('fi.form_id')
    .orderBy('fi.position')
    .execute();
}

export async function rulesOf(q: Q, formIds: readonly number[]): Promise<FormRuleRow[]> {
  if (formIds.length === 0) return [];
  return q.selectFrom('report_form_rules').selectAll().where('form_id', 'in', formIds).orderBy('form_id').orderBy('position').execute();
}

export async function assignmentsOf(q: Q, formIds: readonly number[]): Promise<AssignmentView[]> {
  if (formIds.length === 0) return [];
  return q
    .selectFrom('report_form_assignments as a')
    .leftJoin('org_units as u', 'u.id', 'a.org_unit_id')
    .leftJoin('org_unit_groups as g', 'g.id', 'a.group_id')
    .select(['a.id', 'a.form_id', 'a.kind', 'a.level', 'a.org_unit_id', 'u.code as org_unit_code', 'u.name as org_unit_name', 'a.group_id', 'g.code as group_code', 'g.name as group_name'])
    .where('a.form_id', 'in', formIds)
    .orderBy('a.id')
    .execute();
}

/** Replace a form's items, rules and assignments (each only when given). */
export async function replaceItems(q: Q, formId: number, items: { indicatorId: number; required: boolean }[]): Promise<void> {
  await q.deleteFrom('report_form_items').where('form_id', '=', formId).execute();
  if (items.length)
    await q
      .insertInto('report_form_items')
      .values(items.map((it, i) => ({ form_id: formId, indicator_id: it.indicatorId, position: i + 1, required: it.required })))
      .execute();
}

export async function replaceRules(q: Q, formId: number, rules: { expression: string; message: string | null }[]): Promise<void> {
  await q.deleteFrom('report_form_rules').where('form_id', '=', formId).execute();
  if (rules.length)
    await q
      .insertInto('report_form_rules')
      .values(rules.map((r, i) => ({ form_id: formId, position: i + 1, expression: r.expression, message: r.message })))
      .execute();
}

export interface NewAssignment {
  kind: 'unit' | 'level' | 'group';
  orgUnitId: number | null;
  level: AssignmentView['level'];
  groupId: number | null;
}

export async function replaceAssignments(q: Q, formId: number, rows: NewAssignment[]): Promise<void> {
  await q.deleteFrom('report_form_assignments').where('form_id', '=', formId).execute();
  if (rows.length)
    await q
      .insertInto('report_form_assignments')
      .values(rows.map((a) => ({ form_id: formId, kind: a.kind, org_unit_id: a.orgUnitId, level: a.level, group_id: a.groupId })))
      .execute();
}

export async function submissionCount(q: Q, formId: number): Promise<number> {
  const row = await q.selectFrom('submissions').select(sql<number>`count(*)::int`.as('n')).where('form_id', '=', formId).executeTakeFirstOrThrow();
  return row.n;
}

// ---------------------------------------------------------------------------------------------
// Who reports a form

/** Each level with the unit kinds it covers, as an SQL VALUES list (from domain/targets.ts). */
const levelKinds = () =>
  sql.join(
    TARGET_LEVELS.flatMap((level) => LEVEL_KINDS[level].map((kind) => sql`(${level}::text, ${kind}::text)`)),
  );

/**
 * (form_id, org_unit_id) of every open unit a form is assigned to: the unit of a 'unit' assignment;
 * every unit of the level in the anchor's subtree (the anchor included) for 'level'; the members of
 * the group for 'group'. Optionally only some forms and/or one unit.
 */
export function assignedUnits(filter: { formIds?: readonly number[]; orgUnitId?: number } = {}): RawBuilder<{ form_id: number; org_unit_id: number }> {
  const forms = filter.formIds ? sql`AND a.form_id = ANY(${[...filter.formIds]}::bigint[])` : sql``;
  const unit = filter.orgUnitId !== undefined ? sql`AND u.id = ${filter.orgUnitId}::bigint` : sql``;
  return sql<{ form_id: number; org_unit_id: number }>`
    SELECT a.form_id, u.id AS org_unit_id
      FROM report_form_assignments a
      JOIN org_unit_closure c ON c.ancestor_id = a.org_unit_id AND (a.kind = 'level' OR c.depth = 0)
      JOIN org_units u ON u.id = c.descendant_id AND u.closed_on IS NULL
     WHERE a.kind IN ('unit', 'level') ${forms} ${unit}
       AND (a.kind = 'unit' OR (a.level, u.kind) IN (VALUES ${levelKinds()}))
    UNION
    SELECT a.form_id, u.id AS org_unit_id
      FROM report_form_assignments a
      JOIN org_unit_group_members m ON m.group_id = a.group_id
      JOIN org_units u ON u.id = m.org_unit_id AND u.closed_on IS NULL
     WHERE a.kind = 'group' ${forms} ${unit}`;
}

export async function isAssigned(q: Q, formId: number, orgUnitId: number): Promise<boolean> {
  const rows = await sql<{ form_id: number }>`SELECT form_id FROM (${assignedUnits({ formIds: [formId], orgUnitId })}) x LIMIT 1`.execute(q);
  return rows.rows.length > 0;
}

export async function assignedUnitCounts(q: Q, formIds: readonly number[]): Promise<Map<number, number>> {
  if (formIds.length === 0) return new Map();
  const rows = await sql<{ form_id: number; n: number }>`
    SELECT form_id, count(*)::int AS n FROM (${assignedUnits({ formIds })}) x GROUP BY form_id`.execute(q);
  return new Map(rows.rows.map((r) => [r.form_id, r.n]));
}

// ---------------------------------------------------------------------------------------------
// Unit groups

export interface GroupView extends OrgUnitGroupRow {
  owner_code: string;
  owner_name: string;
}

const selectGroups = (q: Q) =>
  q
    .selectFrom('org_unit_groups as g')
    .innerJoin('org_units as o', 'o.id', 'g.owner_unit_id')
    .selectAll('g')
    .select(['o.code as owner_code', 'o.name as owner_name']);

export async function findGroupByCode(q: Q, code: string, options: { lock?: boolean } = {}): Promise<GroupView | undefined> {
  const select = selectGroups(q).where(sql`lower(g.code)`, '=', code.toLowerCase());
  return (options.lock ? select.forUpdate('g') : select).executeTakeFirst() as Promise<GroupView | undefined>;
}

export async function findGroupsByCodes(q: Q, codes: readonly string[]): Promise<GroupView[]> {
  if (codes.length === 0) return [];
  return selectGroups(q)
    .where(sql`lower(g.code)`, 'in', codes.map((c) => c.toLowerCase()))
    .execute() as Promise<GroupView[]>;
}

export async function listGroups(q: Q): Promise<GroupView[]> {
  return selectGroups(q).orderBy(sql`lower(g.code)`).execute() as Promise<GroupView[]>;
}

export async function membersOf(q: Q, groupIds: readonly number[]) {
  if (groupIds.length === 0) return [];
  return q
    .selectFrom('org_unit_group_members as m')
    .innerJoin('org_units as u', 'u.id', 'm.org_unit_id')
    .select(['m.group_id', 'u.id', 'u.code', 'u.name', 'u.closed_on'])
    .where('m.group_id', 'in', groupIds)
    .orderBy('u.search_key')
    .execute();
}

export async function replaceMembers(q: Q, groupId: number, unitIds: readonly number[]): Promise<void> {
  await q.deleteFrom('org_unit_group_members').where('group_id', '=', groupId).execute();
  if (unitIds.length) await q.insertInto('org_unit_group_members').values(unitIds.map((id) => ({ group_id: groupId, org_unit_id: id }))).execute();
}

export async function formsUsingGroup(q: Q, groupId: number): Promise<number> {
  const row = await q
    .selectFrom('report_form_assignments')
    .select(sql<number>`count(DISTINCT form_id)::int`.as('n'))
    .where('group_id', '=', groupId)
    .executeTakeFirstOrThrow();
  return row.n;
}

// ---------------------------------------------------------------------------------------------
// Units by code

export interface UnitRef {
  id: number;
  code: string;
  name: string;
  kind: string;
  closed_on: string | null;
}

/** Units by code; a code reused by former units names the open one (or the latest closed). */
export async function unitsByCodes(q: Q, codes: readonly string[]): Promise<Map<string, UnitRef>> {
  if (codes.length === 0) return new Map();
  const rows = await sql<UnitRef>`
    SELECT DISTINCT ON (code) id, code, name, kind, closed_on FROM org_units WHERE code = ANY(${[...new Set(codes)]}::text[])
    ORDER BY code, (closed_on IS NULL) DESC, closed_on DESC`.execute(q);
  return new Map(rows.rows.map((u) => [u.code, u]));
}

export async function unitsByIds(q: Q, ids: readonly number[]): Promise<UnitRef[]> {
  if (ids.length === 0) return [];
  return q.selectFrom('org_units').select(['id', 'code', 'name', 'kind', 'closed_on']).where('id', 'in', [...ids]).execute();
}

/** Which of the units lie in the subtree of `rootId` (itself included). */
export async function unitsUnder(q: Q, rootId: number, unitIds: readonly number[]): Promise<Set<number>> {
  if (unitIds.length === 0) return new Set();
  const rows = await q
    .selectFrom('org_unit_closure')
    .select('descendant_id')
    .where('ancestor_id', '=', rootId)
    .where('descendant_id', 'in', [...unitIds])
    .execute();
  return new Set(rows.map((r) => r.descendant_id));
}
