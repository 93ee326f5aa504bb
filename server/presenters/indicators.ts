import type { IndicatorRow } from '../store/schema.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const presentIndicator = (row: IndicatorRow) => ({
  id: row.id,
  code: row.code,
  name: row.name,
  description: row.description,
  unit: row.unit,
  pillar: row.pillar,
  direction: row.direction,
  spaceAggregation: row.space_aggregation,
  timeAggregation: row.time_aggregation,
  periodType: row.period_type,
  decimals: row.decimals,
  minValue: row.min_value,
  maxValue: row.max_value,
  isDemo: row.is_demo,
  archivedAt: iso(row.archived_at),
  createdAt: iso(row.created_at)!,
  updatedAt: iso(row.updated_at)!,
});

/** The audit trail's picture of an indicator: its definition, no timestamps or derived keys. */
export const auditIndicator = (row: IndicatorRow) => ({
  code: row.code,
  name: row.name,
  description: row.description,
  unit: row.unit,
  pillar: row.pillar,
  direction: row.direction,
  spaceAggregation: row.space_aggregation,
  timeAggregation: row.time_aggregation,
  periodType: row.period_type,
  decimals: row.decimals,
  minValue: row.min_value,
  maxValue: row.max_value,
  archived: row.archived_at !== null,
});
