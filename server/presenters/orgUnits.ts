import type { OrgUnitRow } from '../store/schema.ts';

export const presentOrgUnitSummary = (row: OrgUnitRow & { child_count: number }) => ({
  id: row.id,
  code: row.code,
  name: row.name,
  kind: row.kind,
  parentId: row.parent_id,
  closedOn: row.closed_on,
  childCount: row.child_count,
});

interface LinkRow {
  id: number;
  code: string;
  name: string;
  kind: OrgUnitRow['kind'];
  share: 'full' | 'partial';
  effective_date: string | null;
  closed_on: string | null;
}
const presentLink = (l: LinkRow) => ({
  id: l.id,
  code: l.code,
  name: l.name,
  kind: l.kind,
  share: l.share,
  effectiveDate: l.effective_date,
  closedOn: l.closed_on,
});

export function presentOrgUnitDetail(
  row: OrgUnitRow,
  extra: { childCount: number; path: { id: number; code: string; name: string }[]; predecessors: LinkRow[]; successors: LinkRow[] },
) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    closedOn: row.closed_on,
    childCount: extra.childCount,
    path: extra.path,
    predecessors: extra.predecessors.map(presentLink),
    successors: extra.successors.map(presentLink),
  };
}

/** The audit trail's picture of a unit: its own fields, no derived counts. */
export const auditOrgUnit = (row: OrgUnitRow) => ({
  code: row.code,
  name: row.name,
  shortName: row.short_name,
  kind: row.kind,
  parentId: row.parent_id,
  validFrom: row.valid_from,
  closedOn: row.closed_on,
});
