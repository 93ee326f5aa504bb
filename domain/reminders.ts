/**
 * Reminders of task deadlines: which reminder a task is due for on a given day, and the key that
 * makes it arrive once. Pure: no I/O; "today" is the Vietnamese calendar date (domain/forms.ts
 * reportingDate), passed in.
 *
 * The rules (issue 4, item 6):
 * - **due soon** — an open task due in 2 to 7 days gets one reminder for that due date. The job
 *   normally sends it exactly 7 days before; a task created or moved closer than that, or a day the
 *   job did not run, still gets it on the next run (the text says how many days are left).
 * - **due tomorrow** — an open task due the next day.
 * - **overdue** — an open task whose due date has passed (the due day itself is still in time): once
 *   on the first run after it becomes overdue, then once a week while it stays open (overdue weeks
 *   counted from the first overdue day, so a missed run is caught up but never doubled). Weekly
 *   rather than daily: the lead unit and its coordinators must not learn to ignore the bell.
 * "Open" is not_started or in_progress; completed, paused and cancelled tasks get nothing.
 * Each reminder carries the due date in its key, so moving the deadline starts the series afresh.
 *
 * People reminded only because they coordinate a unit above the lead unit get a **digest** instead:
 * one notification per run and kind counting the tasks, keyed per kind and day (overdue: per week,
 * Monday to Sunday, as the per-task overdue reminder repeats weekly), linking to the matching filter
 * of the tasks page.
 */

export const REMINDER_KINDS = ['task.due_soon', 'task.due_tomorrow', 'task.overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Days before the due date at which the "due soon" reminder is first sent. */
export const DUE_SOON_DAYS = 7;
/** Interval of the repeated overdue reminder. */
export const OVERDUE_REPEAT_DAYS = 7;

export const OPEN_TASK_STATES = ['not_started', 'in_progress'] as const;

export interface ReminderTask {
  id: number;
  state: string;
  dueDate: string | null;
}

export interface Reminder {
  kind: ReminderKind;
  /** Due date minus today: positive before the deadline, negative once overdue. */
  daysLeft: number;
  /** Per task and recipient, the same reminder always gets the same key (notifications.dedup_key). */
  dedupKey: string;
}

const MS_PER_DAY = 86_400_000;

function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Invalid date ${JSON.stringify(date)}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

/** Whole calendar days from `from` to `to` (`YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export const isOpenState = (state: string): boolean => (OPEN_TASK_STATES as readonly string[]).includes(state);

/** The reminder a task is due for on `today`, if any. */
export function reminderFor(task: ReminderTask, today: string): Reminder | null {
  if (!task.dueDate || !isOpenState(task.state)) return null;
  const daysLeft = daysBetween(today, task.dueDate);
  const base = `task:${task.id}`;
  if (daysLeft === 1) return { kind: 'task.due_tomorrow', daysLeft, dedupKey: `${base}:due_tomorrow:${task.dueDate}` };
  if (daysLeft >= 2 && daysLeft <= DUE_SOON_DAYS) return { kind: 'task.due_soon', daysLeft, dedupKey: `${base}:due_soon:${task.dueDate}` };
  if (daysLeft < 0) {
    const week = Math.floor((-daysLeft - 1) / OVERDUE_REPEAT_DAYS);
    return { kind: 'task.overdue', daysLeft, dedupKey: `${base}:overdue:${task.dueDate}:${week}` };
  }
  return null;
}

/**
 * The window of due dates a run on `today` may remind about: everything open and already overdue,
 * up to DUE_SOON_DAYS ahead. Lets the store read only the tasks that matter.
 */
export function reminderHorizon(today: string): string {
  return new Date((dayNumber(today) + DUE_SOON_DAYS) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** dd/mm/yyyy, in both languages (design.md). */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

const addDays = (date: string, days: number) => new Date((dayNumber(date) + days) * MS_PER_DAY).toISOString().slice(0, 10);

/** The Monday of `date`'s week (1970-01-05 was a Monday). */
export function weekStart(date: string): string {
  const n = dayNumber(date);
  return addDays(date, -(((n - 4) % 7) + 7) % 7);
}

/** A digest recipient gets one of each kind per day, the overdue one per week: the key says which. */
export function digestDedupKey(kind: ReminderKind, today: string): string {
  const short = kind.slice('task.'.length);
  return kind === 'task.overdue' ? `digest:${short}:${weekStart(today)}` : `digest:${short}:${today}`;
}

/** The tasks page filtered to what a digest counts (app/src/scenes/Tasks/TasksPage.tsx URL parameters). */
export function digestLink(kind: ReminderKind, today: string): string {
  if (kind === 'task.overdue') return '/tasks?overdue=1';
  if (kind === 'task.due_tomorrow') return `/tasks?dueFrom=${addDays(today, 1)}&dueTo=${addDays(today, 1)}`;
  return `/tasks?dueFrom=${addDays(today, 2)}&dueTo=${addDays(today, DUE_SOON_DAYS)}`;
}
