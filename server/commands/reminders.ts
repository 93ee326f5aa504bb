/**
 * The reminder run (issue 4, item 6): in-app notifications for tasks due in a week, due tomorrow
 * and overdue (rules in domain/reminders.ts), then e-mail of whatever is not yet e-mailed when SMTP
 * is configured. A plain function: the daily pg-boss job calls it (server/jobs/queue.ts), tests
 * call it with a fixed `today`.
 *
 * Idempotent: every reminder has a dedup key per (user, task, kind, due date[, overdue week]) and
 * the unique index notifications_dedup drops repeats, so running twice a day, or on two servers,
 * creates nothing new. E-mail is best effort on top of the in-app notification, which is committed
 * first: a failed send leaves emailed_at empty and the next run tries again, for MAIL_MAX_AGE_HOURS
 * (so configuring SMTP late, or a dead address, does not mail out a backlog forever).
 *
 * Recipients of a task's reminders: its responsible person (rõ người) when they have an account,
 * the reporters and coordinators of its lead unit — of its successor when the lead unit was merged
 * (store/tasks.ts currentLeadUnit) — each with a notification per task; and the coordinators of
 * every unit above it, who get instead one digest per run and kind counting their tasks (key per
 * kind and day, overdue per week: domain/reminders.ts digestDedupKey), so a city coordinator sees
 * three lines rather than hundreds. Inactive accounts excluded. Texts are rendered in each
 * recipient's language (server/locales).
 */
import { PLAN_KIND_LABEL_KEY, type PlanKind } from '../../domain/plans.ts';
import { digestDedupKey, digestLink, formatDay, reminderFor, reminderHorizon, REMINDER_KINDS, type Reminder, type ReminderKind } from '../../domain/reminders.ts';
import type { Db } from '../db/database.ts';
import { translate, type Locale } from '../http/messages.ts';
import type { Mailer } from '../mail/mailer.ts';
import { claimUnemailed, insertNotifications, markEmailed, type NewNotification, type PendingEmail } from '../store/notifications.ts';
import { activeUsers, openTasksDueBy, unitRecipients, type DueTask } from '../store/reminders.ts';
import { todayInVietnam } from './reportingClock.ts';

export const MAIL_MAX_AGE_HOURS = 72;
const MAIL_BATCH = 200;
const TITLE_TASK_CHARS = 120;
/** Tasks named in a digest's body; the rest are counted. */
const DIGEST_LISTED = 5;

export interface ReminderRunOptions {
  /** The Vietnamese calendar date to run for (default: today in Vietnam). */
  today?: string;
  /** Send e-mail through this mailer; none when SMTP is not configured. */
  mailer?: Mailer;
  /** Base address for links in e-mails. */
  publicUrl?: string;
  log?: (message: string, detail?: Record<string, unknown>) => void;
}

export interface ReminderRunResult {
  today: string;
  /** Notifications created by this run (repeats of earlier runs are not counted). */
  created: number;
  emailed: number;
  emailFailed: number;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

function planLabel(locale: Locale, task: DueTask): string {
  const key = PLAN_KIND_LABEL_KEY[task.planKind as PlanKind];
  const kind = key ? translate(locale, key) : task.planKind;
  return translate(locale, 'reminder.plan', { kind, number: task.planNumber });
}

/** One notification counting `items`, naming the first DIGEST_LISTED, linking to the tasks page filtered alike. */
function digestNotification(userId: number, locale: Locale, kind: ReminderKind, items: { task: DueTask; reminder: Reminder }[], today: string): NewNotification {
  const lines = items.slice(0, DIGEST_LISTED).map(({ task, reminder }) =>
    translate(locale, `reminder.digest.${kind}.line`, {
      task: clip(task.title, TITLE_TASK_CHARS),
      unit: task.leadUnitName,
      due: formatDay(task.dueDate),
      days: Math.abs(reminder.daysLeft),
    }),
  );
  if (items.length > DIGEST_LISTED) lines.push(translate(locale, 'reminder.digest.more', { count: items.length - DIGEST_LISTED }));
  return {
    user_id: userId,
    kind: `${kind}.digest`,
    title: translate(locale, `reminder.digest.${kind}.title`, { count: items.length }),
    body: lines.join('\n'),
    link: digestLink(kind, today),
    task_id: null,
    dedup_key: digestDedupKey(kind, today),
  };
}

/** Create the in-app reminders due on `today`; returns how many are new. */
export async function createReminders(db: Db, today: string): Promise<number> {
  const tasks = await openTasksDueBy(db, reminderHorizon(today));
  const due = tasks.flatMap((task) => {
    const reminder = reminderFor({ id: task.id, state: task.state, dueDate: task.dueDate }, today);
    return reminder ? [{ task, reminder }] : [];
  });
  if (due.length === 0) return 0;

  const byUnit = await unitRecipients(db, [...new Set(due.map((d) => d.task.leadUnitId))]);
  const responsible = await activeUsers(db, [...new Set(due.flatMap((d) => (d.task.responsibleUserId ? [d.task.responsibleUserId] : [])))]);

  const rows: NewNotification[] = [];
  /** Per digest recipient and kind, the tasks of units below theirs. */
  const digests = new Map<number, { locale: Locale; byKind: Map<ReminderKind, { task: DueTask; reminder: Reminder }[]> }>();
  for (const { task, reminder } of due) {
    const unitPeople = byUnit.get(task.leadUnitId) ?? [];
    const recipients = new Map(unitPeople.filter((r) => r.direct).map((r) => [r.userId, { userId: r.userId, locale: r.locale }]));
    const person = task.responsibleUserId ? responsible.get(task.responsibleUserId) : undefined;
    if (person) recipients.set(person.userId, person);
    for (const above of unitPeople) {
      if (recipients.has(above.userId)) continue;
      const digest = digests.get(above.userId) ?? { locale: above.locale, byKind: new Map() };
      digests.set(above.userId, digest);
      digest.byKind.set(reminder.kind, [...(digest.byKind.get(reminder.kind) ?? []), { task, reminder }]);
    }
    for (const { userId, locale } of recipients.values()) {
      const params = {
        task: task.title,
        plan: planLabel(locale, task),
        unit: task.leadUnitName,
        due: formatDay(task.dueDate),
        days: Math.abs(reminder.daysLeft),
      };
      rows.push({
        user_id: userId,
        kind: reminder.kind,
        title: translate(locale, `reminder.${reminder.kind}.title`, { ...params, task: clip(task.title, TITLE_TASK_CHARS) }),
        body: translate(locale, `reminder.${reminder.kind}.body`, params),
        link: `/tasks/${task.id}`,
        task_id: task.id,
        dedup_key: reminder.dedupKey,
      });
    }
  }
  for (const [userId, { locale, byKind }] of digests) {
    for (const kind of REMINDER_KINDS) {
      const items = byKind.get(kind);
      if (items?.length) rows.push(digestNotification(userId, locale, kind, items, today));
    }
  }
  return db.transaction().execute(async (tx) => (await insertNotifications(tx, rows)).length);
}

function composeEmail(items: PendingEmail[], publicUrl: string): { subject: string; text: string } {
  const first = items[0]!;
  const locale = first.locale;
  const url = (link: string | null) => `${publicUrl}${link ?? '/'}`;
  const subject =
    items.length === 1 ? translate(locale, 'mail.subject.one', { title: first.title }) : translate(locale, 'mail.subject.many', { count: items.length });
  const parts = [translate(locale, 'mail.greeting', { name: first.fullName }), ''];
  items.forEach((n, i) => {
    parts.push(items.length === 1 ? n.title : `${i + 1}. ${n.title}`);
    if (n.body) parts.push(n.body);
    if (n.link) parts.push(translate(locale, 'mail.open', { url: url(n.link) }));
    parts.push('');
  });
  parts.push('--', translate(locale, 'mail.footer', { url: url('/') }));
  return { subject, text: parts.join('\n') };
}

/**
 * E-mail the notifications of the last MAIL_MAX_AGE_HOURS not yet e-mailed, one message per user
 * and batch. The rows stay locked while they are sent, so a concurrent run skips them.
 */
export async function deliverEmails(
  db: Db,
  mailer: Mailer,
  options: { publicUrl: string; now?: Date; log?: ReminderRunOptions['log'] },
): Promise<{ emailed: number; failed: number }> {
  const since = new Date((options.now ?? new Date()).getTime() - MAIL_MAX_AGE_HOURS * 3_600_000);
  let emailed = 0;
  let failed = 0;
  const failedUsers = new Set<number>();
  for (;;) {
    const progress = await db.transaction().execute(async (tx) => {
      const pending = await claimUnemailed(tx, since, MAIL_BATCH, [...failedUsers]);
      const byUser = new Map<number, PendingEmail[]>();
      for (const p of pending) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p]);
      const sent: number[] = [];
      for (const [userId, items] of byUser) {
        try {
          await mailer.send({ to: items[0]!.email, ...composeEmail(items, options.publicUrl) });
          sent.push(...items.map((i) => i.id));
        } catch (error) {
          failedUsers.add(userId);
          failed += items.length;
          options.log?.('reminder e-mail failed; will retry on the next run', { userId, notifications: items.length, err: String(error) });
        }
      }
      await markEmailed(tx, sent);
      emailed += sent.length;
      return pending.length;
    });
    if (progress === 0) return { emailed, failed };
  }
}

/** One run of the reminder job. */
export async function runReminders(db: Db, options: ReminderRunOptions = {}): Promise<ReminderRunResult> {
  const today = options.today ?? todayInVietnam();
  const created = await createReminders(db, today);
  let emailed = 0;
  let emailFailed = 0;
  if (options.mailer) {
    ({ emailed, failed: emailFailed } = await deliverEmails(db, options.mailer, { publicUrl: options.publicUrl ?? '', log: options.log }));
  }
  return { today, created, emailed, emailFailed };
}
