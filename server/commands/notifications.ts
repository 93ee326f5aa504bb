/**
 * A signed-in user's own notifications. Nobody reads or marks anyone else's: every query is keyed
 * by the caller's id, and another user's notification is simply "not found".
 */
import { notFound } from '../http/problem.ts';
import { decodeCursor, encodeCursor, isCursorId } from '../presenters/cursor.ts';
import { presentNotification, type NotificationView } from '../presenters/notifications.ts';
import * as store from '../store/notifications.ts';
import { actorOf, type CommandContext } from './context.ts';

export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
  unreadCount: number;
}

export async function listMyNotifications(
  ctx: CommandContext,
  query: { limit?: number; cursor?: string; unread?: boolean },
): Promise<NotificationPage> {
  const { userId } = actorOf(ctx);
  const limit = query.limit ?? 20;
  const rows = await store.listNotifications(ctx.db, { userId, beforeId: decodeCursor(query.cursor, isCursorId), unreadOnly: query.unread, limit: limit + 1 });
  const items = rows.slice(0, limit).map(presentNotification);
  const nextCursor = rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null;
  return { items, nextCursor, unreadCount: await store.unreadCount(ctx.db, userId) };
}

export async function markMyNotificationRead(ctx: CommandContext, id: number): Promise<NotificationView & { unreadCount: number }> {
  const { userId } = actorOf(ctx);
  const row = await store.markRead(ctx.db, userId, id);
  if (!row) throw notFound('notification.notFound', { id });
  return { ...presentNotification(row), unreadCount: await store.unreadCount(ctx.db, userId) };
}

export async function markAllMyNotificationsRead(ctx: CommandContext): Promise<{ updated: number; unreadCount: number }> {
  const { userId } = actorOf(ctx);
  const updated = await store.markAllRead(ctx.db, userId);
  return { updated, unreadCount: await store.unreadCount(ctx.db, userId) };
}
