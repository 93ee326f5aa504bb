/** Report forms, unit groups and submissions as the API shows them. */
import { periodLabel, type Period } from '../../domain/periods.ts';
import type { Locale } from '../http/messages.ts';
import type { AssignmentView, FormItemView, FormRuleRow, FormView, GroupView } from '../store/forms.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export const presentUnitRef = (u: { id: number; code: string; name: string }) => ({ id: u.id, code: u.code, name: u.name });

export const presentFormItem = (i: FormItemView) => ({
  indicator: {
    id: i.indicator_id,
    code: i.code,
    name: i.name,
    unit: i.unit,
    spaceAggregation: i.space_aggregation,
    periodType: i.period_type,
    decimals: i.decimals,
    minValue: i.min_value,
    maxValue: i.max_value,
  },
  position: i.position,
  required: i.required,
});

export const presentRule = (r: FormRuleRow) => ({ id: r.id, expression: r.expression, message: r.message });

export const presentAssignment = (a: AssignmentView) => ({
  kind: a.kind,
  orgUnit: a.org_unit_id === null ? null : { id: a.org_unit_id, code: a.org_unit_code ?? '', name: a.org_unit_name ?? '' },
  level: a.level,
  group: a.group_id === null ? null : { id: a.group_id, code: a.group_code ?? '', name: a.group_name ?? '' },
});

export const presentFormSummary = (f: FormView, assignedUnitCount: number) => ({
  id: f.id,
  code: f.code,
  name: f.name,
  description: f.description,
  periodType: f.period_type,
  cutoff: f.cutoff,
  deadlineOffsetDays: f.deadline_offset_days,
  deadlineFrom: f.deadline_from,
  firstPeriod: f.first_period,
  ownerUnit: { id: f.owner_unit_id, code: f.owner_code, name: f.owner_name },
  active: f.active,
  assignedUnitCount,
  createdAt: iso(f.created_at),
  updatedAt: iso(f.updated_at),
});

export const presentForm = (f: FormView, items: FormItemView[], rules: FormRuleRow[], assignments: AssignmentView[], assignedUnitCount: number) => ({
  ...presentFormSummary(f, assignedUnitCount),
  items: items.map(presentFormItem),
  rules: rules.map(presentRule),
  assignments: assignments.map(presentAssignment),
});

export const presentGroup = (g: GroupView, members: { id: number; code: string; name: string; closed_on: string | null }[]) => ({
  id: g.id,
  code: g.code,
  name: g.name,
  description: g.description,
  ownerUnit: { id: g.owner_unit_id, code: g.owner_code, name: g.owner_name },
  members: members.map((m) => ({ id: m.id, code: m.code, name: m.name, closedOn: m.closed_on })),
  createdAt: iso(g.created_at),
  updatedAt: iso(g.updated_at),
});

export const presentPeriod = (p: Period, locale: Locale) => ({ id: p.id, type: p.type, label: periodLabel(p, locale), start: p.start, end: p.end });

export const presentUser = (u: { id: number | null; username: string | null; full_name: string | null }) =>
  u.id === null ? null : { id: u.id, username: u.username ?? '', fullName: u.full_name ?? '' };

export { isoOrNull };
