/** The web app's display formats: dates and times read in Vietnam's time whatever the machine's zone. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate, formatDateTime } from '../../app/src/lib/format.ts';

describe('display formats', () => {
  it('shows a timestamp in Vietnam time (UTC+7), crossing midnight into the next day', () => {
    assert.equal(formatDateTime('2025-10-16T17:30:00Z'), '17/10/2025 00:30');
    assert.equal(formatDateTime('2025-10-16T01:02:03Z', true), '16/10/2025 08:02:03');
    assert.equal(formatDate('2025-10-16T17:30:00Z'), '17/10/2025');
  });

  it('keeps a calendar date as it is, and leaves what it cannot read', () => {
    assert.equal(formatDate('2025-07-01'), '01/07/2025');
    assert.equal(formatDate(''), '');
    assert.equal(formatDateTime('not a date'), 'not a date');
  });
});
