/** In-app notifications: written with a dedup key (idempotent jobs), read by their owner only. */
import { sql } from 'kysely';
import type { Insertable, Selectable } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import type { NotificationsTable } from './schema.ts';

type Q = Db | Tx;
export type NotificationRow = Selectable<NotificationsTable>;
export type NewNotification = Insertable<NotificationsTable>;

const CHUNK = 1000;

/** Insert, skipping any whose (user, dedup key) exists already; returns the rows actually created. */
export async function insertNotifications(q: Q, rows: readonly NewNotification[]): Promise<NotificationRow[]> {
  const created: NotificationRow[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const inserted = await q
      .insertInto('notifications')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['user_id', 'dedup_key']).where('dedup_key', 'is not', null).doNothing())
      .returningAll()
      .execute();
    created.push(...inserted);
  }
  return created;
}

export interface ListQuery {
  userId: number;
  beforeId?: number;
  unreadOnly?: boolean;
  limit: number;
}

/** A user's notifications, newest first, keyset-paged by id. */
export async function listNotifications(q: Q, query: ListQuery): Promise<NotificationRow[]> {
  let select = q.selectFrom('notifications').selectAll().where('user_id', '=', query.userId);
  if (query.beforeId !== undefined) select = select.where('id', '<', query.beforeId);
  if (query.unreadOnly) select = select.where('read_at', 'is', null);
  return select.orderBy('id', 'desc').limit(query.limit).execute();
}

export async function unreadCount(q: Q, userId: number): Promise<number> {
  const row = await q
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Mark one of the user's notifications read (keeps the first reading time); undefined when not theirs. */
export async function markRead(q: Q, userId: number, id: number): Promise<NotificationRow | undefined> {
  return q
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export async function markAllRead(q: Q, userId: number): Promise<number> {
  const result = await q
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface PendingEmail {
  id: number;
  userId: number;
  email: string;
  fullName: string;
  locale: 'vi' | 'en';
  title: string;
  body: string | null;
  link: string | null;
}

/**
 * Lock up to `limit` notifications not yet e-mailed, created after `since`, of active users with an
 * e-mail address. Rows locked by another sender are skipped, so two runs never send the same one.
 */
export async function claimUnemailed(tx: Tx, since: Date, limit: number, skipUserIds: readonly number[] = []): Promise<PendingEmail[]> {
  const skip = skipUserIds.length ? sql`AND n.user_id NOT IN (${sql.join(skipUserIds)})` : sql``;
  const rows = await sql<PendingEmail>`
    SELECT n.id, n.user_id AS "userId", u.email, u.full_name AS "fullName", u.locale, n.title, n.body, n.link
    FROM notifications n
    JOIN users u ON u.id = n.user_id
    WHERE n.emailed_at IS NULL AND n.created_at >= ${since}
      AND u.is_active AND u.email IS NOT NULL AND btrim(u.email) <> '' ${skip}
    ORDER BY n.user_id, n.id
    LIMIT ${limit}
    FOR UPDATE OF n SKIP LOCKED
  `.execute(tx);
  return rows.rows;
}

export async function markEmailed(q: Q, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await q.updateTable('notifications').set({ emailed_at: sql<Date>`now()` }).where('id', 'in', [...ids]).execute();
}
