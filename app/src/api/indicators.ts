/**
 * Indicators (chỉ tiêu), their targets, plans and the analytics read from the rollups.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, downloadFile, request } from './client';
import type {
  AnalyticsChildren,
  AnalyticsValue,
  Indicator,
  IndicatorImportResult,
  IndicatorInput,
  IndicatorListQuery,
  Overview,
  Page,
  Plan,
  Series,
  Target,
  TargetQuery,
} from './types';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const indicatorKeys = {
  all: ['indicators'] as const,
  list: (query: IndicatorListQuery) => ['indicators', 'list', query] as const,
  detail: (code: string) => ['indicators', 'detail', code] as const,
};

/** Everything computed from values and targets: refreshed together after an indicator changes. */
export const analyticsKeys = {
  all: ['analytics'] as const,
  overview: (orgUnit: string, year: number) => ['analytics', 'overview', orgUnit, year] as const,
  value: (indicator: string, orgUnit: string, period: string) => ['analytics', 'value', indicator, orgUnit, period] as const,
  children: (indicator: string, orgUnit: string, period: string) => ['analytics', 'children', indicator, orgUnit, period] as const,
  series: (indicator: string, orgUnit: string, from: string, to: string) => ['analytics', 'series', indicator, orgUnit, from, to] as const,
};

export const targetKeys = {
  all: ['targets'] as const,
  list: (query: TargetQuery) => ['targets', 'list', query] as const,
};

export const planKeys = {
  all: ['plans'] as const,
};

const path = (code: string) => `/indicators/${encodeURIComponent(code)}`;

export const indicatorsApi = {
  list: (query: IndicatorListQuery = {}, signal?: AbortSignal) => api.get<Page<Indicator>>('/indicators', { ...query }, signal),
  get: (code: string, signal?: AbortSignal) => api.get<Indicator>(path(code), undefined, signal),
  create: (input: IndicatorInput) => api.post<Indicator>('/indicators', input),
  update: (code: string, input: Partial<IndicatorInput>) => api.patch<Indicator>(path(code), input),
  archive: (code: string) => api.delete<Indicator>(path(code)),
  restore: (code: string) => api.post<Indicator>(`${path(code)}/restore`),
  importXlsx: (bytes: ArrayBuffer) => request<IndicatorImportResult>('POST', '/indicators/import', { body: bytes, contentType: XLSX_TYPE }),
  exportXlsx: (includeArchived = false) => downloadFile('/indicators/export.xlsx', 'chi-tieu.xlsx', { includeArchived }),
};

export const analyticsApi = {
  overview: (orgUnit: string, year: number, signal?: AbortSignal) => api.get<Overview>('/analytics/overview', { orgUnit, year }, signal),
  value: (indicator: string, orgUnit: string, period: string, signal?: AbortSignal) =>
    api.get<AnalyticsValue>('/analytics', { indicator, orgUnit, period }, signal),
  children: (indicator: string, orgUnit: string, period: string, signal?: AbortSignal) =>
    api.get<AnalyticsChildren>('/analytics', { indicator, orgUnit, period, by: 'children' }, signal),
  series: (indicator: string, orgUnit: string, from: string, to: string, signal?: AbortSignal) =>
    api.get<Series>('/analytics/series', { indicator, orgUnit, from, to }, signal),
};

export function useIndicator(code: string) {
  return useQuery({ queryKey: indicatorKeys.detail(code), queryFn: ({ signal }) => indicatorsApi.get(code, signal) });
}

export function useIndicatorList(query: IndicatorListQuery, enabled = true) {
  return useQuery({
    queryKey: indicatorKeys.list(query),
    queryFn: ({ signal }) => indicatorsApi.list(query, signal),
    enabled,
  });
}

export function useOverview(orgUnit: string | null, year: number) {
  return useQuery({
    queryKey: analyticsKeys.overview(orgUnit ?? '', year),
    queryFn: ({ signal }) => analyticsApi.overview(orgUnit!, year, signal),
    enabled: !!orgUnit,
    placeholderData: keepPreviousData,
  });
}

export function useAnalyticsValue(indicator: string, orgUnit: string | null, period: string) {
  return useQuery({
    queryKey: analyticsKeys.value(indicator, orgUnit ?? '', period),
    queryFn: ({ signal }) => analyticsApi.value(indicator, orgUnit!, period, signal),
    enabled: !!orgUnit,
  });
}

export function useAnalyticsChildren(indicator: string, orgUnit: string | null, period: string) {
  return useQuery({
    queryKey: analyticsKeys.children(indicator, orgUnit ?? '', period),
    queryFn: ({ signal }) => analyticsApi.children(indicator, orgUnit!, period, signal),
    enabled: !!orgUnit,
    placeholderData: keepPreviousData,
  });
}

export function useSeries(indicator: string, orgUnit: string | null, from: string, to: string) {
  return useQuery({
    queryKey: analyticsKeys.series(indicator, orgUnit ?? '', from, to),
    queryFn: ({ signal }) => analyticsApi.series(indicator, orgUnit!, from, to, signal),
    enabled: !!orgUnit,
    placeholderData: keepPreviousData,
  });
}

export function useTargets(query: TargetQuery, enabled = true) {
  return useQuery({
    queryKey: targetKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<Target>>('/targets', { ...query }, signal),
    enabled,
  });
}

/** Plans, for the titles behind the numbers a target cites ("227/KH-UBND"). */
export function usePlans(enabled = true) {
  return useQuery({
    queryKey: planKeys.all,
    queryFn: ({ signal }) => api.get<Page<Plan>>('/plans', { limit: 500 }, signal),
    enabled,
    staleTime: 60_000,
  });
}
