import type { NotificationRow } from '../store/notifications.ts';

export function presentNotification(row: NotificationRow) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    taskId: row.task_id,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}
export type NotificationView = ReturnType<typeof presentNotification>;
