/**
 * Tổng quan: the leaders' dashboard (GET /dashboard, one read for the page) and the ranking card's
 * top and bottom (GET /rankings/top, served by the rankings module; a 404 or a missing model is an
 * empty card, not an error).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, api } from './client';

export type TileStatus = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';
export const TILE_STATUSES: TileStatus[] = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'];
export type ForecastMethod = 'final' | 'trend' | 'last' | 'none';

export interface DashboardUnit {
  id: number;
  code: string;
  name: string;
  kind: string;
}

export interface DashboardTile {
  id: number;
  planId: number;
  pillar: string;
  mode: 'unit' | 'level';
  indicator: { id: number; code: string; name: string; unit: string; decimals: number; direction: 'higher' | 'lower' };
  target: { comparator: '>=' | '>' | '<=' | '<' | '=' | 'between'; value: number; valueMax: number | null; year: number; scope: 'unit' | 'level'; level: string | null; deadline: string };
  actual: number | null;
  numerator: number | null;
  denominator: number | null;
  latestPeriod: string | null;
  gap: number | null;
  attainment: number | null;
  forecast: number | null;
  forecastMethod: ForecastMethod;
  status: TileStatus;
  level: { units: number; withData: number; meeting: number; share: number | null; average: number | null; counts: Record<TileStatus, number>; status: TileStatus } | null;
}

export interface TaskCountsView {
  assigned: number;
  completed: { total: number; onTime: number; late: number };
  inProgress: { total: number; onTime: number; overdue: number };
  notStarted: number;
  paused: number;
  notCarriedOut: number;
  doneOrInProgress: number;
  overdue: number;
}

export interface ComplianceCounts {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
  rate: number | null;
}

export interface Dashboard {
  asOf: string;
  year: number;
  years: number[];
  plan: { id: number; kind: string; number: string; title: string } | null;
  plans: { id: number; kind: string; number: string; title: string; parentPlanId: number | null; targets: number }[];
  planTree: number[];
  unit: DashboardUnit;
  path: DashboardUnit[];
  pillars: { pillar: string; counts: Record<TileStatus, number>; tiles: DashboardTile[] }[];
  tasks: {
    total: TaskCountsView;
    byLeadUnit: ({ unit: { id: number; code: string; name: string } } & TaskCountsView)[];
    overdueCount: number;
    overdue: { id: number; ref: string | null; title: string; plan: { id: number; number: string }; leadUnit: { id: number; code: string; name: string }; dueDate: string; daysOverdue: number; state: string }[];
  };
  compliance: {
    asOf: string;
    totals: ComplianceCounts;
    forms: ({ id: number; code: string; name: string; periods: string[] } & ComplianceCounts)[];
    units: ({ unit: DashboardUnit } & ComplianceCounts)[];
  };
  children: (DashboardUnit & { targets: number; attainmentShare: number | null; overdueTasks: number; complianceRate: number | null })[];
}

export interface DashboardQuery {
  planId?: number;
  year?: number;
  unitId?: number;
}

export interface RankingRow {
  unitId: number;
  unitName: string;
  rank: number;
  score: number;
  change: number | null;
}

export interface RankingTop {
  model: { id: number; name: string } | null;
  year: number;
  published: boolean;
  top: RankingRow[];
  bottom: RankingRow[];
}

export function useDashboard(query: DashboardQuery) {
  return useQuery({
    queryKey: ['dashboard', query.planId ?? null, query.year ?? null, query.unitId ?? null] as const,
    queryFn: ({ signal }) => api.get<Dashboard>('/dashboard', { planId: query.planId, year: query.year, unitId: query.unitId }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The ranking's top and bottom; null when the rankings module is not there (404) or has no model. */
export function useRankingTop(year: number | undefined, unitId: number | undefined, limit = 5) {
  return useQuery({
    queryKey: ['rankings', 'top', year ?? null, unitId ?? null, limit] as const,
    enabled: year !== undefined && unitId !== undefined,
    queryFn: async ({ signal }): Promise<RankingTop | null> => {
      try {
        const r = await api.get<RankingTop>('/rankings/top', { year, unitId, limit }, signal);
        return r.model ? r : null;
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}
