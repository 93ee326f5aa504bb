import type { PlanRow, TargetRow } from '../store/schema.ts';
import type { PlanView } from '../store/plans.ts';
import type { TargetView } from '../store/targets.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export const presentPlan = (p: PlanView) => ({
  id: p.id,
  kind: p.kind,
  number: p.number,
  issuer: p.issuer_unit_id === null ? null : { id: p.issuer_unit_id, code: p.issuer_code ?? '', name: p.issuer_name ?? '' },
  issuedOn: p.issued_on,
  title: p.title,
  horizonYear: p.horizon_year,
  horizonFrom: p.horizon_from,
  parentPlan: p.parent_plan_id === null ? null : { id: p.parent_plan_id, number: p.parent_number ?? '' },
  summary: p.summary,
  document: p.document_file_id === null ? null : { id: p.document_file_id, name: p.document_name ?? '', size: p.document_size ?? 0, url: `/api/v1/plans/${p.id}/document` },
  targetCount: p.target_count,
  taskCount: p.task_count,
  createdAt: iso(p.created_at),
  updatedAt: iso(p.updated_at),
});

export const auditPlan = (p: PlanRow) => ({
  kind: p.kind,
  number: p.number,
  issuerUnitId: p.issuer_unit_id,
  issuedOn: p.issued_on,
  title: p.title,
  horizonYear: p.horizon_year,
  parentPlanId: p.parent_plan_id,
  horizonFrom: p.horizon_from,
  summary: p.summary,
  documentFileId: p.document_file_id,
});

export const presentTarget = (t: TargetView) => ({
  id: t.id,
  planId: t.plan_id,
  plan: t.plan_id === null ? null : { id: t.plan_id, kind: t.plan_kind ?? '', number: t.plan_number ?? '' },
  indicator: { id: t.indicator_id, code: t.indicator_code, name: t.indicator_name, unit: t.indicator_unit, direction: t.indicator_direction },
  scope: t.scope,
  orgUnit: { id: t.org_unit_id, code: t.org_unit_code, name: t.org_unit_name },
  level: t.level,
  year: t.year,
  comparator: t.comparator,
  value: t.value,
  valueMax: t.value_max,
  parentTargetId: t.parent_target_id,
  note: t.note,
  createdAt: iso(t.created_at),
  updatedAt: iso(t.updated_at),
});

export const auditTarget = (t: TargetRow) => ({
  planId: t.plan_id,
  indicatorId: t.indicator_id,
  scope: t.scope,
  orgUnitId: t.org_unit_id,
  level: t.level,
  year: t.year,
  comparator: t.comparator,
  value: t.value,
  valueMax: t.value_max,
  parentTargetId: t.parent_target_id,
  note: t.note,
});
