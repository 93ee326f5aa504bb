import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daysBetween, digestDedupKey, digestLink, formatDay, reminderFor, reminderHorizon, weekStart } from '../../domain/reminders.ts';

const task = (dueDate: string | null, state = 'in_progress') => ({ id: 7, state, dueDate });
const TODAY = '2025-10-20';

describe('reminders', () => {
  it('counts calendar days across months and years', () => {
    assert.equal(daysBetween('2025-10-20', '2025-10-27'), 7);
    assert.equal(daysBetween('2025-12-31', '2026-01-01'), 1);
    assert.equal(daysBetween('2025-10-20', '2025-10-10'), -10);
    assert.equal(reminderHorizon('2025-12-28'), '2026-01-04');
  });

  it('reminds a week ahead, the day before, and once the due date has passed', () => {
    assert.deepEqual(reminderFor(task('2025-10-27'), TODAY), { kind: 'task.due_soon', daysLeft: 7, dedupKey: 'task:7:due_soon:2025-10-27' });
    assert.deepEqual(reminderFor(task('2025-10-21'), TODAY), { kind: 'task.due_tomorrow', daysLeft: 1, dedupKey: 'task:7:due_tomorrow:2025-10-21' });
    assert.equal(reminderFor(task('2025-10-20'), TODAY), null, 'the due day itself is still in time');
    assert.equal(reminderFor(task('2025-10-28'), TODAY), null, 'more than a week ahead');
    assert.equal(reminderFor(task('2025-10-19'), TODAY)?.kind, 'task.overdue');
  });

  it('a due-soon reminder missed on the seventh day still comes, once per due date', () => {
    const r3 = reminderFor(task('2025-10-23'), TODAY);
    assert.equal(r3?.kind, 'task.due_soon');
    assert.equal(r3?.daysLeft, 3);
    assert.equal(reminderFor(task('2025-10-23'), '2025-10-16')?.dedupKey, r3?.dedupKey);
  });

  it('repeats the overdue reminder weekly from the first overdue day', () => {
    const key = (today: string) => reminderFor(task('2025-10-10'), today)?.dedupKey;
    assert.equal(key('2025-10-11'), 'task:7:overdue:2025-10-10:0');
    assert.equal(key('2025-10-17'), 'task:7:overdue:2025-10-10:0');
    assert.equal(key('2025-10-18'), 'task:7:overdue:2025-10-10:1');
    assert.equal(key('2025-10-20'), 'task:7:overdue:2025-10-10:1');
  });

  it('says nothing about finished, paused, cancelled or undated tasks', () => {
    for (const state of ['completed', 'paused', 'cancelled']) assert.equal(reminderFor(task('2025-10-10', state), TODAY), null);
    assert.equal(reminderFor(task(null), TODAY), null);
    assert.notEqual(reminderFor(task('2025-10-21', 'not_started'), TODAY), null);
  });

  it('keys a digest per kind and day, the overdue one per week from Monday', () => {
    assert.equal(weekStart('2025-10-20'), '2025-10-20');
    assert.equal(weekStart('2025-10-26'), '2025-10-20');
    assert.equal(weekStart('2026-01-01'), '2025-12-29');
    assert.equal(digestDedupKey('task.due_soon', TODAY), 'digest:due_soon:2025-10-20');
    assert.equal(digestDedupKey('task.due_tomorrow', '2025-10-21'), 'digest:due_tomorrow:2025-10-21');
    assert.equal(digestDedupKey('task.overdue', '2025-10-25'), 'digest:overdue:2025-10-20');
    assert.equal(digestDedupKey('task.overdue', '2025-10-27'), 'digest:overdue:2025-10-27');
  });

  it('links a digest to the tasks page filtered alike', () => {
    assert.equal(digestLink('task.overdue', TODAY), '/tasks?overdue=1');
    assert.equal(digestLink('task.due_tomorrow', '2025-12-31'), '/tasks?dueFrom=2026-01-01&dueTo=2026-01-01');
    assert.equal(digestLink('task.due_soon', TODAY), '/tasks?dueFrom=2025-10-22&dueTo=2025-10-27');
  });

  it('writes dates dd/mm/yyyy', () => assert.equal(formatDay('2025-10-07'), '07/10/2025'));
});
