import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client';
import type { AuditEvent, AuditQuery, Page } from './types';

const PAGE_SIZE = 50;

export const auditKeys = {
  list: (filters: AuditQuery) => ['audit-events', filters] as const,
};

export function useAuditEvents(filters: AuditQuery) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEvent>>('/audit-events', { ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
