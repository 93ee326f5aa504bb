import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** One of the signed-in user's notifications (reminders of due and overdue tasks, …). */
export interface Notification {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  taskId: number | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

const PAGE_SIZE = 20;
/** The bell checks for new notifications this often (they come from a daily job, so once a minute is plenty). */
const REFRESH_MS = 60_000;

export const notificationKeys = { all: ['notifications'] as const };

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.all,
    queryFn: ({ pageParam, signal }) => api.get<NotificationPage>('/notifications', { limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<Notification & { unreadCount: number }>(`/notifications/${id}/read`),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number; unreadCount: number }>('/notifications/read-all'),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
