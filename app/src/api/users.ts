import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { CreateUserInput, Grant, Membership, Page, UpdateUserInput, User } from './types';

const PAGE_SIZE = 50;

export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => ['users', 'list', q] as const,
  detail: (id: number) => ['users', 'detail', id] as const,
};

export const usersApi = {
  list: (query: { q?: string; limit?: number; cursor?: string }, signal?: AbortSignal) => api.get<Page<User>>('/users', query, signal),
  get: (id: number, signal?: AbortSignal) => api.get<User>(`/users/${id}`, undefined, signal),
  create: (input: CreateUserInput) => api.post<User>('/users', input),
  update: (id: number, input: UpdateUserInput) => api.patch<User>(`/users/${id}`, input),
  addMembership: (id: number, grant: Grant) => api.post<Membership>(`/users/${id}/memberships`, grant),
  removeMembership: (id: number, membershipId: number) => api.delete(`/users/${id}/memberships/${membershipId}`),
};

export function useUserList(q: string) {
  return useInfiniteQuery({
    queryKey: userKeys.list(q),
    queryFn: ({ pageParam, signal }) => usersApi.list({ q: q || undefined, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useUser(id: number | null) {
  return useQuery({
    queryKey: userKeys.detail(id ?? 0),
    queryFn: ({ signal }) => usersApi.get(id!, signal),
    enabled: id !== null,
  });
}
