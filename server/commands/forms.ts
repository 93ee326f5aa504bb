/**
 * Report forms (biểu mẫu) and unit groups: create, change, delete, read — each write in one
 * transaction, scope-checked ('form.write' over the owner unit) and audited.
 *
 * A form belongs to an owner unit (the office that defines it); it may only be assigned to units in
 * the owner's subtree. Its items are indicators of the form's period type; its rules are checked
 * against its items when saved (unknown codes and syntax errors are refused with their position).
 * Every problem of a definition is listed at once (422); nothing is stored partially.
 */
import { sql } from 'kysely';
import { checkRule, type DeadlineBase } from '../../domain/forms.ts';
import { periodOf, tryParsePeriod, type CutoffConvention, type PeriodType } from '../../domain/periods.ts';
import type { TargetLevel } from '../../domain/targets.ts';
import { cleanName } from '../../domain/text.ts';
import type { Db, Tx } from '../db/database.ts';
import { translate, type Locale, type MessageKey } from '../http/messages.ts';
import { ProblemError, conflict, forbidden, notFound, type FieldProblem } from '../http/problem.ts';
import { decodeCursor, encodeCursor, isCursorString } from '../presenters/cursor.ts';
import { presentForm, presentFormSummary, presentGroup } from '../presenters/forms.ts';
import * as store from '../store/forms.ts';
import { findIndicatorsByCodes } from '../store/indicators.ts';
import { audit, type CommandContext } from './context.ts';
import { todayInVietnam } from './reportingClock.ts';
import { presentTaskSets, resolveTaskSets } from './taskReports.ts';
import { replaceTaskSets } from '../store/taskReports.ts';

export interface AssignmentInput {
  kind: 'unit' | 'level' | 'group';
  orgUnit?: string;
  level?: TargetLevel;
  group?: string;
}

export interface FormInput {
  code: string;
  name: string;
  description?: string | null;
  periodType: PeriodType;
  cutoff?: CutoffConvention;
  deadlineOffsetDays?: number;
  deadlineFrom?: DeadlineBase;
  firstPeriod?: string | null;
  ownerUnit?: string;
  active?: boolean;
  items: { indicator: string; required?: boolean }[];
  rules?: { expression: string; message?: string | null }[];
  assignments?: AssignmentInput[];
  /** Task progress items: the open tasks the reporting unit leads in a plan (and the plans implementing it), or in every plan (plan null). */
  taskSets?: { plan: number | null }[];
}

export type FormPatch = Partial<Omit<FormInput, 'ownerUnit'>>;

const PERIOD_WORD: Record<PeriodType, MessageKey> = {
  day: 'periodType.day',
  week: 'periodType.week',
  month: 'periodType.month',
  quarter: 'periodType.quarter',
  half: 'periodType.half',
  year: 'periodType.year',
};
export const periodWord = (locale: Locale, type: string) => translate(locale, PERIOD_WORD[type as PeriodType] ?? 'periodType.month');

const blankToNull = (v: string | null | undefined) => {
  const t = v?.trim();
  return t ? t : null;
};

function reject(key: MessageKey, problems: FieldProblem[]): never {
  throw new ProblemError(422, key, { count: problems.length }, problems);
}

/** The unit the caller's 'form.write' grant is highest in the tree at, for a form given no owner. */
async function defaultOwner(tx: Tx, ctx: CommandContext): Promise<number> {
  const roots = ctx.access.scopeRoots('form.write');
  if (roots.length === 0) throw forbidden();
  const row = await sql<{ id: number }>`
    SELECT u.id FROM org_units u WHERE u.id = ANY(${roots}::bigint[])
    ORDER BY (SELECT count(*) FROM org_unit_closure c WHERE c.descendant_id = u.id), u.id LIMIT 1`.execute(tx);
  return row.rows[0]!.id;
}

async function ownerFromCode(tx: Tx, code: string): Promise<store.UnitRef> {
  const unit = (await store.unitsByCodes(tx, [code])).get(code);
  if (!unit) throw notFound('form.unknownOwner', { code });
  return unit;
}

interface ResolvedDefinition {
  items: { indicatorId: number; code: string; required: boolean }[];
  rules: { expression: string; message: string | null }[];
  assignments: store.NewAssignment[];
  auditAssignments: unknown[];
}

/**
 * Check items, rules and assignments against the catalogue, the period type and the owner's
 * subtree; returns them resolved, or adds every problem to `problems`.
 */
async function resolveDefinition(
  tx: Tx,
  input: { periodType: PeriodType; items: FormInput['items']; rules: NonNullable<FormInput['rules']>; assignments: AssignmentInput[] },
  owner: { id: number; name: string },
  locale: Locale,
  problems: FieldProblem[],
  check: { items: boolean; rules: boolean; assignments: boolean } = { items: true, rules: true, assignments: true },
): Promise<ResolvedDefinition> {
  const say = (path: string, key: MessageKey, params: Record<string, string | number> = {}) => {
    const part = path.slice(5, path.indexOf('[')) as keyof typeof check;
    if (check[part]) problems.push({ path, message: translate(locale, key, params) });
  };

  // Items: known, in use, of the form's period type, each once.
  const indicators = new Map((await findIndicatorsByCodes(tx, input.items.map((i) => i.indicator.trim()))).map((i) => [i.code.toLowerCase(), i]));
  const items: ResolvedDefinition['items'] = [];
  const seen = new Map<string, number>();
  input.items.forEach((item, index) => {
    const path = `body.items[${index}]`;
    const code = item.indicator.trim();
    const indicator = indicators.get(code.toLowerCase());
    if (!indicator) return say(path, 'form.unknownIndicator', { code });
    if (indicator.archived_at) return say(path, 'form.archivedIndicator', { code: indicator.code });
    if (indicator.period_type !== input.periodType)
      return say(path, 'form.indicatorPeriodType', { code: indicator.code, expected: periodWord(locale, indicator.period_type), actual: periodWord(locale, input.periodType) });
    const first = seen.get(indicator.id.toString());
    if (first !== undefined) return say(path, 'form.duplicateItem', { code: indicator.code, other: first + 1 });
    seen.set(indicator.id.toString(), index);
    items.push({ indicatorId: indicator.id, code: indicator.code, required: item.required ?? true });
  });

  // Rules: parse, and every identifier must name an item (checked only when the items are all valid).
  const ruleItems = input.items.flatMap((item) => {
    const i = indicators.get(item.indicator.trim().toLowerCase());
    return i ? [{ code: i.code, ratio: i.space_aggregation === 'ratio' }] : [];
  });
  const rules = input.rules.map((rule, index) => {
    const expression = rule.expression.trim();
    const checked = check.rules ? checkRule(expression, ruleItems) : ({ ok: true } as const);
    if (!checked.ok)
      say(`body.rules[${index}]`, 'form.ruleError', {
        expression,
        column: checked.error.position + 1,
        message: translate(locale, checked.error.key, checked.error.params),
      });
    return { expression, message: blankToNull(rule.message) };
  });

  // Assignments: the right fields for the kind, known and open units inside the owner's subtree.
  if (!check.assignments) return { items, rules, assignments: [], auditAssignments: [] };
  const codes = input.assignments.flatMap((a) => (a.orgUnit ? [a.orgUnit.trim()] : []));
  const units = await store.unitsByCodes(tx, codes);
  const inside = await store.unitsUnder(tx, owner.id, [...units.values()].map((u) => u.id));
  const groups = new Map((await store.findGroupsByCodes(tx, input.assignments.flatMap((a) => (a.group ? [a.group.trim()] : [])))).map((g) => [g.code.toLowerCase(), g]));
  const groupOwnersInside = await store.unitsUnder(tx, owner.id, [...groups.values()].map((g) => g.owner_unit_id));
  const assignments: store.NewAssignment[] = [];
  const auditAssignments: unknown[] = [];
  const seenAssignments = new Map<string, number>();
  input.assignments.forEach((a, index) => {
    const path = `body.assignments[${index}]`;
    const shapeOk =
      a.kind === 'unit'
        ? !!a.orgUnit && a.level === undefined && a.group === undefined
        : a.kind === 'level'
          ? !!a.orgUnit && a.level !== undefined && a.group === undefined
          : !!a.group && a.orgUnit === undefined && a.level === undefined;
    if (!shapeOk) return say(path, `form.assignmentShape.${a.kind}` as MessageKey);
    let row: store.NewAssignment;
    if (a.kind === 'group') {
      const group = groups.get(a.group!.trim().toLowerCase());
      if (!group) return say(path, 'form.unknownGroup', { code: a.group!.trim() });
      if (!groupOwnersInside.has(group.owner_unit_id)) return say(path, 'form.groupOutsideOwner', { code: group.code, owner: owner.name });
      row = { kind: 'group', orgUnitId: null, level: null, groupId: group.id };
      auditAssignments.push({ kind: 'group', group: group.code });
    } else {
      const code = a.orgUnit!.trim();
      const unit = units.get(code);
      if (!unit) return say(path, 'form.unknownUnit', { code });
      if (unit.closed_on) return say(path, 'form.unitClosed', { name: unit.name });
      if (!inside.has(unit.id)) return say(path, 'form.assignmentOutsideOwner', { name: unit.name, owner: owner.name });
      row = { kind: a.kind, orgUnitId: unit.id, level: a.kind === 'level' ? a.level! : null, groupId: null };
      auditAssignments.push({ kind: a.kind, orgUnit: unit.code, ...(a.kind === 'level' ? { level: a.level } : {}) });
    }
    const key = `${row.kind}|${row.orgUnitId}|${row.level}|${row.groupId}`;
    const first = seenAssignments.get(key);
    if (first !== undefined) return say(path, 'form.duplicateAssignment', { other: first + 1 });
    seenAssignments.set(key, index);
    assignments.push(row);
  });
  return { items, rules, assignments, auditAssignments };
}

function checkFirstPeriod(value: string | null, periodType: PeriodType, locale: Locale, problems: FieldProblem[]): string | null {
  if (value === null) return null;
  const p = tryParsePeriod(value.trim());
  if (!p) problems.push({ path: 'body.firstPeriod', message: translate(locale, 'form.invalidFirstPeriod', { period: value }) });
  else if (p.type !== periodType)
    problems.push({ path: 'body.firstPeriod', message: translate(locale, 'form.firstPeriodType', { period: value, expected: periodWord(locale, periodType) }) });
  return p?.id ?? null;
}

async function assertCodeFree(q: Db | Tx, code: string, exceptId?: number) {
  const holder = await store.findFormByCode(q, code);
  if (holder && holder.id !== exceptId) throw conflict('form.codeTaken', { code: holder.code });
}

async function withCodeRace<T>(code: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw conflict('form.codeTaken', { code });
    throw error;
  }
}

async function openForm(q: Db | Tx, code: string, lock = false): Promise<store.FormView> {
  const form = await store.findFormByCode(q, code, { lock });
  if (!form) throw notFound('form.notFound', { code });
  return form;
}

export async function formDetail(q: Db | Tx, form: store.FormView) {
  const [items, rules, assignments, counts] = await Promise.all([
    store.itemsOf(q, [form.id]),
    store.rulesOf(q, [form.id]),
    store.assignmentsOf(q, [form.id]),
    store.assignedUnitCounts(q, [form.id]),
  ]);
  return { ...presentForm(form, items, rules, assignments, counts.get(form.id) ?? 0), taskSets: await presentTaskSets(q, form.id) };
}

/** A form reports indicators, tasks or both, never nothing. */
function requireContent(items: number, taskSets: number, locale: Locale, problems: FieldProblem[]) {
  if (items === 0 && taskSets === 0) problems.push({ path: 'body.items', message: translate(locale, 'form.empty') });
}

/** The definition as the audit trail keeps it. */
async function auditSnapshot(q: Db | Tx, formId: number) {
  const form = (await store.findFormView(q, formId))!;
  const detail = await formDetail(q, form);
  return {
    code: detail.code,
    name: detail.name,
    description: detail.description,
    periodType: detail.periodType,
    cutoff: detail.cutoff,
    deadlineOffsetDays: detail.deadlineOffsetDays,
    deadlineFrom: detail.deadlineFrom,
    firstPeriod: detail.firstPeriod,
    ownerUnit: detail.ownerUnit.code,
    active: detail.active,
    items: detail.items.map((i) => ({ indicator: i.indicator.code, required: i.required })),
    rules: detail.rules.map((r) => ({ expression: r.expression, message: r.message })),
    assignments: detail.assignments.map((a) => ({ kind: a.kind, orgUnit: a.orgUnit?.code, level: a.level ?? undefined, group: a.group?.code })),
    taskSets: detail.taskSets.map((t) => ({ plan: t.plan?.id ?? null })),
  };
}

export async function createForm(ctx: CommandContext, input: FormInput, locale: Locale) {
  const code = input.code.trim();
  return withCodeRace(code, () =>
    ctx.db.transaction().execute(async (tx) => {
      const owner = input.ownerUnit ? await ownerFromCode(tx, input.ownerUnit.trim()) : (await store.unitsByIds(tx, [await defaultOwner(tx, ctx)]))[0]!;
      await ctx.access.requireUnit(tx, 'form.write', owner.id);
      await assertCodeFree(tx, code);
      const problems: FieldProblem[] = [];
      const firstPeriod =
        input.firstPeriod === undefined ? periodOf(input.periodType, todayInVietnam()).id : checkFirstPeriod(input.firstPeriod, input.periodType, locale, problems);
      const def = await resolveDefinition(
        tx,
        { periodType: input.periodType, items: input.items, rules: input.rules ?? [], assignments: input.assignments ?? [] },
        owner,
        locale,
        problems,
      );
      const taskSets = await resolveTaskSets(tx, input.taskSets ?? [], locale, problems);
      requireContent(input.items.length, taskSets.length, locale, problems);
      if (problems.length) reject('form.invalid', problems);
      const row = await tx
        .insertInto('report_forms')
        .values({
          code,
          name: cleanName(input.name),
          description: blankToNull(input.description),
          period_type: input.periodType,
          cutoff: input.cutoff ?? 'calendar',
          deadline_offset_days: input.deadlineOffsetDays ?? 0,
          deadline_from: input.deadlineFrom ?? 'periodEnd',
          first_period: firstPeriod,
          owner_unit_id: owner.id,
          active: input.active ?? true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await store.replaceItems(tx, row.id, def.items);
      await store.replaceRules(tx, row.id, def.rules);
      await store.replaceAssignments(tx, row.id, def.assignments);
      await replaceTaskSets(tx, row.id, taskSets);
      await audit(tx, ctx, { action: 'form.create', entityType: 'reportForm', entityId: row.id, orgUnitId: owner.id, after: await auditSnapshot(tx, row.id) });
      return formDetail(tx, (await store.findFormView(tx, row.id))!);
    }),
  );
}

export async function updateForm(ctx: CommandContext, ref: string, patch: FormPatch, locale: Locale) {
  return withCodeRace(patch.code?.trim() ?? ref, () =>
    ctx.db.transaction().execute(async (tx) => {
      const current = await openForm(tx, ref, true);
      await ctx.access.requireUnit(tx, 'form.write', current.owner_unit_id);
      const code = patch.code?.trim() ?? current.code;
      if (code.toLowerCase() !== current.code.toLowerCase()) await assertCodeFree(tx, code, current.id);
      const periodType = patch.periodType ?? current.period_type;
      if (periodType !== current.period_type) {
        const n = await store.submissionCount(tx, current.id);
        if (n > 0) throw conflict('form.periodTypeLocked', { code: current.code, count: n });
      }
      const before = await auditSnapshot(tx, current.id);
      const problems: FieldProblem[] = [];
      const firstPeriod =
        patch.firstPeriod !== undefined
          ? checkFirstPeriod(patch.firstPeriod, periodType, locale, problems)
          : periodType !== current.period_type && current.first_period
            ? periodOf(periodType, tryParsePeriod(current.first_period)!.start).id
            : current.first_period;
      // Items, rules and assignments not in the patch are kept. Rules are checked again when the
      // items change; what the patch leaves alone is not re-judged (an assigned unit closed since).
      const itemsChange = patch.items !== undefined || periodType !== current.period_type;
      const def = await resolveDefinition(
        tx,
        {
          periodType,
          items: patch.items ?? before.items.map((i) => ({ indicator: i.indicator, required: i.required })),
          rules: patch.rules ?? before.rules,
          assignments:
            patch.assignments ??
            before.assignments.map((a) => ({ kind: a.kind, ...(a.orgUnit ? { orgUnit: a.orgUnit } : {}), ...(a.level ? { level: a.level } : {}), ...(a.group ? { group: a.group } : {}) })),
        },
        { id: current.owner_unit_id, name: current.owner_name },
        locale,
        problems,
        { items: itemsChange, rules: itemsChange || patch.rules !== undefined, assignments: patch.assignments !== undefined },
      );
      const taskSets = patch.taskSets !== undefined ? await resolveTaskSets(tx, patch.taskSets, locale, problems) : undefined;
      if (patch.items !== undefined || taskSets !== undefined) requireContent((patch.items ?? before.items).length, (taskSets ?? before.taskSets).length, locale, problems);
      if (problems.length) reject('form.invalid', problems);
      await tx
        .updateTable('report_forms')
        .set({
          code,
          name: patch.name !== undefined ? cleanName(patch.name) : current.name,
          description: patch.description !== undefined ? blankToNull(patch.description) : current.description,
          period_type: periodType,
          cutoff: patch.cutoff ?? current.cutoff,
          deadline_offset_days: patch.deadlineOffsetDays ?? current.deadline_offset_days,
          deadline_from: patch.deadlineFrom ?? current.deadline_from,
          first_period: firstPeriod,
          active: patch.active ?? current.active,
          updated_at: new Date(),
        })
        .where('id', '=', current.id)
        .execute();
      if (patch.items) await store.replaceItems(tx, current.id, def.items);
      if (patch.rules) await store.replaceRules(tx, current.id, def.rules);
      if (patch.assignments) await store.replaceAssignments(tx, current.id, def.assignments);
      if (taskSets) await replaceTaskSets(tx, current.id, taskSets);
      const after = await auditSnapshot(tx, current.id);
      if (JSON.stringify(before) !== JSON.stringify(after))
        await audit(tx, ctx, { action: 'form.update', entityType: 'reportForm', entityId: current.id, orgUnitId: current.owner_unit_id, before, after });
      return formDetail(tx, (await store.findFormView(tx, current.id))!);
    }),
  );
}

/** Delete a form that has no submissions; one with reports is deactivated instead (PATCH active=false). */
export async function deleteForm(ctx: CommandContext, ref: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const current = await openForm(tx, ref, true);
    await ctx.access.requireUnit(tx, 'form.write', current.owner_unit_id);
    const n = await store.submissionCount(tx, current.id);
    if (n > 0) throw conflict('form.hasSubmissions', { code: current.code, count: n });
    const before = await auditSnapshot(tx, current.id);
    await tx.deleteFrom('report_forms').where('id', '=', current.id).execute();
    await audit(tx, ctx, { action: 'form.delete', entityType: 'reportForm', entityId: current.id, orgUnitId: current.owner_unit_id, before });
  });
}

export async function getForm(ctx: CommandContext, ref: string) {
  return formDetail(ctx.db, await openForm(ctx.db, ref));
}

export interface ListFormsInput {
  q?: string;
  periodType?: string;
  includeInactive?: boolean;
  limit?: number;
  cursor?: string;
}

export async function listForms(ctx: CommandContext, input: ListFormsInput) {
  const limit = input.limit ?? 50;
  const rows = await store.listForms(ctx.db, {
    text: input.q?.trim() || undefined,
    periodType: input.periodType,
    includeInactive: input.includeInactive ?? false,
    afterCode: decodeCursor(input.cursor, isCursorString),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const counts = await store.assignedUnitCounts(ctx.db, page.map((f) => f.id));
  const last = page[page.length - 1];
  return { items: page.map((f) => presentFormSummary(f, counts.get(f.id) ?? 0)), nextCursor: rows.length > limit && last ? encodeCursor(last.code.toLowerCase()) : null };
}

// ---------------------------------------------------------------------------------------------
// Unit groups

export interface GroupInput {
  code: string;
  name: string;
  description?: string | null;
  ownerUnit?: string;
  members: string[];
}
export type GroupPatch = Partial<Omit<GroupInput, 'ownerUnit'>>;

async function resolveMembers(tx: Tx, codes: string[], owner: { id: number; name: string }, locale: Locale): Promise<number[]> {
  const problems: FieldProblem[] = [];
  const units = await store.unitsByCodes(tx, codes.map((c) => c.trim()));
  const inside = await store.unitsUnder(tx, owner.id, [...units.values()].map((u) => u.id));
  const ids: number[] = [];
  const seen = new Set<number>();
  codes.forEach((raw, index) => {
    const path = `body.members[${index}]`;
    const code = raw.trim();
    const unit = units.get(code);
    if (!unit) return problems.push({ path, message: translate(locale, 'form.unknownUnit', { code }) });
    if (!inside.has(unit.id)) return problems.push({ path, message: translate(locale, 'group.memberOutsideOwner', { name: unit.name, owner: owner.name }) });
    if (seen.has(unit.id)) return problems.push({ path, message: translate(locale, 'group.duplicateMember', { code }) });
    seen.add(unit.id);
    ids.push(unit.id);
  });
  if (problems.length) reject('group.invalid', problems);
  return ids;
}

async function groupDetail(q: Db | Tx, id: number) {
  const group = (await q.selectFrom('org_unit_groups').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
  const view = (await store.findGroupByCode(q, group))!;
  return presentGroup(view, await store.membersOf(q, [view.id]));
}

async function openGroup(q: Db | Tx, code: string, lock = false) {
  const group = await store.findGroupByCode(q, code, { lock });
  if (!group) throw notFound('group.notFound', { code });
  return group;
}

const auditGroup = (g: { code: string; name: string; description: string | null; ownerUnit: { code: string }; members: { code: string }[] }) => ({
  code: g.code,
  name: g.name,
  description: g.description,
  ownerUnit: g.ownerUnit.code,
  members: g.members.map((m) => m.code),
});

export async function createGroup(ctx: CommandContext, input: GroupInput, locale: Locale) {
  const code = input.code.trim();
  return ctx.db.transaction().execute(async (tx) => {
    const owner = input.ownerUnit ? await ownerFromCode(tx, input.ownerUnit.trim()) : (await store.unitsByIds(tx, [await defaultOwner(tx, ctx)]))[0]!;
    await ctx.access.requireUnit(tx, 'form.write', owner.id);
    if (await store.findGroupByCode(tx, code)) throw conflict('group.codeTaken', { code });
    const members = await resolveMembers(tx, input.members, owner, locale);
    const row = await tx
      .insertInto('org_unit_groups')
      .values({ code, name: cleanName(input.name), description: blankToNull(input.description), owner_unit_id: owner.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store.replaceMembers(tx, row.id, members);
    const detail = await groupDetail(tx, row.id);
    await audit(tx, ctx, { action: 'orgUnitGroup.create', entityType: 'orgUnitGroup', entityId: row.id, orgUnitId: owner.id, after: auditGroup(detail) });
    return detail;
  });
}

export async function updateGroup(ctx: CommandContext, ref: string, patch: GroupPatch, locale: Locale) {
  return ctx.db.transaction().execute(async (tx) => {
    const current = await openGroup(tx, ref, true);
    await ctx.access.requireUnit(tx, 'form.write', current.owner_unit_id);
    const code = patch.code?.trim() ?? current.code;
    if (code.toLowerCase() !== current.code.toLowerCase() && (await store.findGroupByCode(tx, code))) throw conflict('group.codeTaken', { code });
    const before = auditGroup(await groupDetail(tx, current.id));
    const members = patch.members ? await resolveMembers(tx, patch.members, { id: current.owner_unit_id, name: current.owner_name }, locale) : undefined;
    await tx
      .updateTable('org_unit_groups')
      .set({
        code,
        name: patch.name !== undefined ? cleanName(patch.name) : current.name,
        description: patch.description !== undefined ? blankToNull(patch.description) : current.description,
        updated_at: new Date(),
      })
      .where('id', '=', current.id)
      .execute();
    if (members) await store.replaceMembers(tx, current.id, members);
    const detail = await groupDetail(tx, current.id);
    const after = auditGroup(detail);
    if (JSON.stringify(before) !== JSON.stringify(after))
      await audit(tx, ctx, { action: 'orgUnitGroup.update', entityType: 'orgUnitGroup', entityId: current.id, orgUnitId: current.owner_unit_id, before, after });
    return detail;
  });
}

export async function deleteGroup(ctx: CommandContext, ref: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const current = await openGroup(tx, ref, true);
    await ctx.access.requireUnit(tx, 'form.write', current.owner_unit_id);
    const n = await store.formsUsingGroup(tx, current.id);
    if (n > 0) throw conflict('group.inUse', { code: current.code, count: n });
    const before = auditGroup(await groupDetail(tx, current.id));
    await tx.deleteFrom('org_unit_groups').where('id', '=', current.id).execute();
    await audit(tx, ctx, { action: 'orgUnitGroup.delete', entityType: 'orgUnitGroup', entityId: current.id, orgUnitId: current.owner_unit_id, before });
  });
}

export async function getGroup(ctx: CommandContext, ref: string) {
  const group = await openGroup(ctx.db, ref);
  return presentGroup(group, await store.membersOf(ctx.db, [group.id]));
}

export async function listGroups(ctx: CommandContext) {
  const groups = await store.listGroups(ctx.db);
  const members = await store.membersOf(ctx.db, groups.map((g) => g.id));
  return { items: groups.map((g) => presentGroup(g, members.filter((m) => m.group_id === g.id))) };
}

