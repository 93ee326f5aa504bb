import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, request } from './client';
import type {
  CloseOrgUnitInput,
  CreateOrgUnitInput,
  ImportResult,
  MergeOrgUnitsInput,
  OrgUnitDetail,
  OrgUnitListQuery,
  OrgUnitSummary,
  Page,
  UpdateOrgUnitInput,
} from './types';

export const orgUnitKeys = {
  all: ['org-units'] as const,
  list: (query: OrgUnitListQuery) => ['org-units', 'list', query] as const,
  detail: (id: number) => ['org-units', 'detail', id] as const,
};

export const orgUnitsApi = {
  list: (query: OrgUnitListQuery = {}, signal?: AbortSignal) =>
    api.get<Page<OrgUnitSummary>>('/org-units', { ...query }, signal),
  get: (id: number, signal?: AbortSignal) => api.get<OrgUnitDetail>(`/org-units/${id}`, undefined, signal),
  create: (input: CreateOrgUnitInput) => api.post<OrgUnitDetail>('/org-units', input),
  update: (id: number, input: UpdateOrgUnitInput) => api.patch<OrgUnitDetail>(`/org-units/${id}`, input),
  move: (id: number, parentId: number) => api.post<OrgUnitDetail>(`/org-units/${id}/move`, { parentId }),
  close: (id: number, input: CloseOrgUnitInput) => api.post<OrgUnitDetail>(`/org-units/${id}/close`, input),
  merge: (input: MergeOrgUnitsInput) => api.post<OrgUnitDetail>('/org-units/merge', input),
  importCsv: (csv: string) => request<ImportResult>('POST', '/org-units/import', { body: csv, contentType: 'text/csv; charset=utf-8' }),
};

export function useOrgUnit(id: number | null) {
  return useQuery({
    queryKey: orgUnitKeys.detail(id ?? 0),
    queryFn: ({ signal }) => orgUnitsApi.get(id!, signal),
    enabled: id !== null,
  });
}

/** Name search over the units the user may see (the server ignores diacritics). */
export function useOrgUnitSearch(q: string, options: { includeClosed?: boolean; limit?: number } = {}) {
  const text = q.trim();
  const query: OrgUnitListQuery = { q: text, includeClosed: options.includeClosed || undefined, limit: options.limit ?? 50 };
  return useQuery({
    queryKey: orgUnitKeys.list(query),
    queryFn: ({ signal }) => orgUnitsApi.list(query, signal),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The top units of the user's scope (GET /org-units without a parent or query). */
export function useScopeRoots() {
  return useQuery({
    queryKey: ['org-units', 'roots'] as const,
    queryFn: ({ signal }) => orgUnitsApi.list({ limit: 100 }, signal),
    staleTime: 5 * 60_000,
  });
}
