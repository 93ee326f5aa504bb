import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  PERIOD_TYPES,
  PeriodError,
  addDays,
  comparePeriods,
  containingPeriods,
  contains,
  deadlineOf,
  isIsoDate,
  isoWeeksInYear,
  nextPeriod,
  parsePeriod,
  periodLabel,
  periodOf,
  periodsWithin,
  previousPeriod,
  reportingWindow,
  tryParsePeriod,
  type Period,
} from '../../domain/periods.ts';

const P = parsePeriod;
const ids = (ps: Period[]) => ps.map((p) => p.id);
const span = (p: Period) => `${p.start}..${p.end}`;

describe('PERIOD_TYPES', () => {
  it('lists the types fine → coarse', () => {
    assert.deepEqual([...PERIOD_TYPES], ['day', 'week', 'month', 'quarter', 'half', 'year']);
  });
});

describe('parsePeriod', () => {
  it('parses every kind of id into type and inclusive dates', () => {
    assert.deepEqual(P('2025-09-30'), { id: '2025-09-30', type: 'day', start: '2025-09-30', end: '2025-09-30' });
    assert.deepEqual(P('2025W38'), { id: '2025W38', type: 'week', start: '2025-09-15', end: '2025-09-21' });
    assert.deepEqual(P('2025-09'), { id: '2025-09', type: 'month', start: '2025-09-01', end: '2025-09-30' });
    assert.deepEqual(P('2025Q3'), { id: '2025Q3', type: 'quarter', start: '2025-07-01', end: '2025-09-30' });
    assert.deepEqual(P('2025S2'), { id: '2025S2', type: 'half', start: '2025-07-01', end: '2025-12-31' });
    assert.deepEqual(P('2025'), { id: '2025', type: 'year', start: '2025-01-01', end: '2025-12-31' });
  });

  it('gets month lengths, quarters and halves right', () => {
    assert.equal(span(P('2025-02')), '2025-02-01..2025-02-28');
    assert.equal(span(P('2024-02')), '2024-02-01..2024-02-29');
    assert.equal(span(P('2025-04')), '2025-04-01..2025-04-30');
    assert.equal(span(P('2025-12')), '2025-12-01..2025-12-31');
    assert.equal(span(P('2025Q1')), '2025-01-01..2025-03-31');
    assert.equal(span(P('2024Q1')), '2024-01-01..2024-03-31');
    assert.equal(span(P('2025Q2')), '2025-04-01..2025-06-30');
    assert.equal(span(P('2025Q4')), '2025-10-01..2025-12-31');
    assert.equal(span(P('2025S1')), '2025-01-01..2025-06-30');
  });

  it('accepts leap days only in leap years (Gregorian century rule)', () => {
    assert.equal(P('2024-02-29').type, 'day');
    assert.equal(P('2000-02-29').type, 'day');
    for (const bad of ['2025-02-29', '1900-02-29', '2100-02-29', '2025-02-30', '2025-04-31', '2025-09-31']) {
      assert.equal(tryParsePeriod(bad), undefined, bad);
    }
  });

  it('knows which ISO years have 53 weeks', () => {
    assert.equal(span(P('2020W53')), '2020-12-28..2021-01-03');
    assert.equal(span(P('2015W53')), '2015-12-28..2016-01-03');
    assert.equal(span(P('2026W53')), '2026-12-28..2027-01-03');
    for (const bad of ['2021W53', '2025W53', '2025W54', '2025W00', '2027W53']) assert.equal(tryParsePeriod(bad), undefined, bad);
    assert.equal(isoWeeksInYear(2020), 53);
    assert.equal(isoWeeksInYear(2021), 52);
    assert.equal(isoWeeksInYear(2025), 52);
    assert.equal(isoWeeksInYear(2026), 53);
  });

  it('puts ISO week 1 around the first Thursday', () => {
    assert.equal(span(P('2025W01')), '2024-12-30..2025-01-05');
    assert.equal(span(P('2021W01')), '2021-01-04..2021-01-10');
    assert.equal(span(P('2026W01')), '2025-12-29..2026-01-04');
    assert.equal(span(P('2025W52')), '2025-12-22..2025-12-28');
  });

  it('throws PeriodError with code "invalid" and the id for anything malformed or impossible', () => {
    const bad = [
      '', ' ', '2025-13', '2025-00', '2025-1', '2025-9', '2025-02-30', '2025-09-1', '2025-9-01', '2025-09-00',
      '2025W54', '2025W1', '2025w38', '2025 W38', '2025Q5', '2025Q0', '2025q3', '2025S3', '2025S0', '2025s2',
      '2025H1', ' 2025', '2025 ', '25', '20250', '0000', '0000-01', '+2025', '-2025', '2025-09-30T00:00', '2025/09', '2025Q03', 'năm 2025',
    ];
    for (const id of bad) {
      assert.equal(tryParsePeriod(id), undefined, JSON.stringify(id));
      assert.throws(
        () => parsePeriod(id),
        (e: unknown) => e instanceof PeriodError && e.code === 'invalid' && e.id === id && e instanceof Error,
        JSON.stringify(id),
      );
    }
  });

  it('rejects non-strings without crashing', () => {
    assert.equal(tryParsePeriod(2025 as unknown as string), undefined);
    assert.equal(tryParsePeriod(null as unknown as string), undefined);
    assert.throws(() => parsePeriod(undefined as unknown as string), PeriodError);
  });

  it('keeps every period within years 0001–9999', () => {
    assert.equal(span(P('0001')), '0001-01-01..0001-12-31');
    assert.equal(span(P('0001W01')), '0001-01-01..0001-01-07');
    assert.equal(span(P('9999-12-31')), '9999-12-31..9999-12-31');
    assert.equal(tryParsePeriod('9999W52'), undefined); // would end on 10000-01-02
  });

  it('round-trips every id it produces', () => {
    for (const id of ['2025-09-30', '2025W38', '2025-09', '2025Q3', '2025S2', '2025', '2020W53', '0999-01']) assert.equal(P(id).id, id);
  });
});

describe('periodOf', () => {
  it('finds the period of each type holding a date', () => {
    const d = '2025-09-30';
    assert.deepEqual(
      PERIOD_TYPES.map((t) => periodOf(t, d).id),
      ['2025-09-30', '2025W40', '2025-09', '2025Q3', '2025S2', '2025'],
    );
    assert.equal(periodOf('week', '2025-09-15').id, '2025W38');
    assert.equal(periodOf('week', '2025-09-21').id, '2025W38');
    assert.equal(periodOf('week', '2025-09-22').id, '2025W39');
  });

  it('uses the ISO week-year at year ends', () => {
    assert.equal(periodOf('week', '2024-12-30').id, '2025W01');
    assert.equal(periodOf('week', '2024-12-29').id, '2024W52');
    assert.equal(periodOf('week', '2021-01-01').id, '2020W53');
    assert.equal(periodOf('week', '2021-01-03').id, '2020W53');
    assert.equal(periodOf('week', '2021-01-04').id, '2021W01');
    assert.equal(periodOf('week', '2027-01-01').id, '2026W53');
    assert.equal(periodOf('week', '2024-02-29').id, '2024W09');
  });

  it('agrees with the JavaScript Date (UTC) for every day from 1999 to 2031', () => {
    const msPerDay = 86_400_000;
    for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2031, 11, 31); t += msPerDay) {
      const date = new Date(t).toISOString().slice(0, 10);
      const week = periodOf('week', date);
      const dow = new Date(t).getUTCDay() || 7; // Monday 1 … Sunday 7
      assert.equal(week.start, new Date(t - (dow - 1) * msPerDay).toISOString().slice(0, 10), date);
      // The week's year is the calendar year of its Thursday.
      assert.equal(week.id.slice(0, 4), new Date(t + (4 - dow) * msPerDay).toISOString().slice(0, 4), date);
      assert.equal(addDays(date, 1), new Date(t + msPerDay).toISOString().slice(0, 10));
      assert.equal(periodOf('day', date).id, date);
    }
  });

  it('refuses malformed dates', () => {
    for (const bad of ['2025-02-29', '2025-9-30', '30/09/2025', '2025-09', '']) {
      assert.throws(() => periodOf('month', bad), (e: unknown) => e instanceof PeriodError && e.code === 'invalid' && e.id === bad, bad);
    }
  });
});

describe('isIsoDate and addDays', () => {
  it('validates dates and steps across month, year and leap-day boundaries', () => {
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2025-02-29'), false);
    assert.equal(isIsoDate('2025-09'), false);
    assert.equal(addDays('2025-09-14', 20), '2025-10-04');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-02-28', 1), '2025-03-01');
    assert.equal(addDays('2025-12-31', 1), '2026-01-01');
    assert.equal(addDays('2025-01-01', -1), '2024-12-31');
    assert.equal(addDays('2025-01-01', 365), '2026-01-01');
    assert.equal(addDays('2024-01-01', 366), '2025-01-01');
    assert.throws(() => addDays('2025-01-01', 0.5), RangeError);
    assert.throws(() => addDays('0001-01-01', -1), PeriodError);
  });
});

describe('containingPeriods', () => {
  it('lists a day, itself included, in its week, month, quarter, half and year', () => {
    assert.deepEqual(ids(containingPeriods(P('2025-09-30'))), ['2025-09-30', '2025W40', '2025-09', '2025Q3', '2025S2', '2025']);
  });

  it('puts a day in its calendar year even when its ISO week belongs to the next year', () => {
    assert.deepEqual(ids(containingPeriods(P('2024-12-30'))), ['2024-12-30', '2025W01', '2024-12', '2024Q4', '2024S2', '2024']);
  });

  it('puts a week only in itself and its ISO year', () => {
    assert.deepEqual(ids(containingPeriods(P('2025W38'))), ['2025W38', '2025']);
    assert.deepEqual(ids(containingPeriods(P('2025W01'))), ['2025W01', '2025']);
    assert.deepEqual(ids(containingPeriods(P('2020W53'))), ['2020W53', '2020']);
  });

  it('chains month ⊂ quarter ⊂ half ⊂ year', () => {
    assert.deepEqual(ids(containingPeriods(P('2025-09'))), ['2025-09', '2025Q3', '2025S2', '2025']);
    assert.deepEqual(ids(containingPeriods(P('2025-06'))), ['2025-06', '2025Q2', '2025S1', '2025']);
    assert.deepEqual(ids(containingPeriods(P('2025Q2'))), ['2025Q2', '2025S1', '2025']);
    assert.deepEqual(ids(containingPeriods(P('2025S1'))), ['2025S1', '2025']);
    assert.deepEqual(ids(containingPeriods(P('2025'))), ['2025']);
  });

  it('filters by type, keeping itself only when its type is asked for', () => {
    assert.deepEqual(ids(containingPeriods(P('2025-09-30'), ['quarter', 'year'])), ['2025Q3', '2025']);
    assert.deepEqual(ids(containingPeriods(P('2025-09-30'), ['year', 'day'])), ['2025-09-30', '2025']);
    assert.deepEqual(ids(containingPeriods(P('2025W38'), ['month', 'quarter'])), []);
    assert.deepEqual(ids(containingPeriods(P('2025-09'), [])), []);
  });

  it('agrees with contains for every pair it reports', () => {
    for (const id of ['2024-12-30', '2025-09-30', '2025W01', '2025-01', '2025Q4', '2025S1']) {
      const p = P(id);
      for (const c of containingPeriods(p)) assert.ok(contains(c, p), `${c.id} ⊇ ${id}`);
    }
  });
});

describe('contains', () => {
  const yes = (o: string, i: string) => assert.equal(contains(P(o), P(i)), true, `${o} ⊇ ${i}`);
  const no = (o: string, i: string) => assert.equal(contains(P(o), P(i)), false, `${o} ⊉ ${i}`);

  it('follows the calendar chain', () => {
    yes('2025Q3', '2025-09');
    yes('2025S2', '2025-09');
    yes('2025', '2025-09');
    yes('2025', '2025Q3');
    yes('2025S2', '2025Q4');
    yes('2025-09', '2025-09-30');
    yes('2025Q3', '2025-07-01');
    yes('2025', '2025-12-31');
    no('2025Q2', '2025-09');
    no('2025S1', '2025Q3');
    no('2024', '2025-01');
    no('2025-09', '2025-10-01');
  });

  it('contains itself but never a coarser period', () => {
    for (const id of ['2025-09-30', '2025W38', '2025-09', '2025Q3', '2025S2', '2025']) yes(id, id);
    no('2025-09', '2025Q3');
    no('2025-09-30', '2025-09');
    no('2025W38', '2025');
  });

  it('puts a week in its ISO year only, never in a month or quarter', () => {
    yes('2025', '2025W38');
    no('2025-09', '2025W38'); // lies inside September, still not contained
    no('2025Q3', '2025W38');
    no('2025S2', '2025W38');
    yes('2025', '2025W01'); // starts 2024-12-30
    no('2024', '2025W01');
    yes('2020', '2020W53'); // ends 2021-01-03
    no('2021', '2020W53');
    no('2025W39', '2025W38');
  });

  it('puts a day in its week, and nothing else in a week', () => {
    yes('2025W38', '2025-09-15');
    yes('2025W38', '2025-09-21');
    no('2025W38', '2025-09-22');
    yes('2025W01', '2024-12-30');
    no('2025W40', '2025-09');
  });
});

describe('periodsWithin', () => {
  it('lists the months of a quarter, half and year', () => {
    assert.deepEqual(ids(periodsWithin(P('2025Q3'), 'month')), ['2025-07', '2025-08', '2025-09']);
    assert.deepEqual(ids(periodsWithin(P('2025S1'), 'month')), ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    assert.deepEqual(ids(periodsWithin(P('2025'), 'month')), Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
  });

  it('lists quarters and halves of a year', () => {
    assert.deepEqual(ids(periodsWithin(P('2025'), 'quarter')), ['2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    assert.deepEqual(ids(periodsWithin(P('2025S2'), 'quarter')), ['2025Q3', '2025Q4']);
    assert.deepEqual(ids(periodsWithin(P('2025'), 'half')), ['2025S1', '2025S2']);
  });

  it('lists the ISO weeks of a year (52 or 53)', () => {
    const w2025 = periodsWithin(P('2025'), 'week');
    assert.equal(w2025.length, 52);
    assert.equal(w2025[0]!.id, '2025W01');
    assert.equal(w2025[0]!.start, '2024-12-30');
    assert.equal(w2025.at(-1)!.id, '2025W52');
    const w2020 = periodsWithin(P('2020'), 'week');
    assert.equal(w2020.length, 53);
    assert.equal(w2020.at(-1)!.end, '2021-01-03');
  });

  it('lists days of a month, week and year', () => {
    assert.equal(periodsWithin(P('2024-02'), 'day').length, 29);
    assert.equal(periodsWithin(P('2025-02'), 'day').length, 28);
    assert.equal(periodsWithin(P('2024'), 'day').length, 366);
    assert.equal(periodsWithin(P('2025'), 'day').length, 365);
    assert.deepEqual(ids(periodsWithin(P('2025W01'), 'day')), ['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04', '2025-01-05']);
  });

  it('is empty for weeks of a month or quarter and for coarser types; itself for its own type', () => {
    assert.deepEqual(periodsWithin(P('2025-09'), 'week'), []);
    assert.deepEqual(periodsWithin(P('2025Q3'), 'week'), []);
    assert.deepEqual(periodsWithin(P('2025W38'), 'month'), []);
    assert.deepEqual(periodsWithin(P('2025-09'), 'year'), []);
    assert.deepEqual(ids(periodsWithin(P('2025Q3'), 'quarter')), ['2025Q3']);
  });

  it('returns only periods that the outer period contains', () => {
    for (const outer of ['2025', '2025S2', '2025Q1', '2025-02', '2025W38']) {
      for (const t of PERIOD_TYPES) for (const p of periodsWithin(P(outer), t)) assert.ok(contains(P(outer), p), `${outer} ⊇ ${p.id}`);
    }
  });
});

describe('previousPeriod and nextPeriod', () => {
  it('step within each type, across year ends', () => {
    const steps: [string, string][] = [
      ['2025-09-30', '2025-10-01'],
      ['2024-02-28', '2024-02-29'],
      ['2024-12-31', '2025-01-01'],
      ['2025W38', '2025W39'],
      ['2024W52', '2025W01'],
      ['2020W53', '2021W01'],
      ['2025-12', '2026-01'],
      ['2025Q4', '2026Q1'],
      ['2025Q1', '2025Q2'],
      ['2025S1', '2025S2'],
      ['2025S2', '2026S1'],
      ['2025', '2026'],
    ];
    for (const [a, b] of steps) {
      assert.equal(nextPeriod(P(a)).id, b, `${a} → ${b}`);
      assert.equal(previousPeriod(P(b)).id, a, `${b} ← ${a}`);
    }
  });

  it('throws at the edges of the supported years', () => {
    assert.throws(() => previousPeriod(P('0001')), PeriodError);
    assert.throws(() => nextPeriod(P('9999-12')), PeriodError);
    assert.throws(() => nextPeriod(P('9999W51')), PeriodError);
  });
});

describe('comparePeriods', () => {
  it('orders by start, then finer first', () => {
    const shuffled = ['2025', '2025-10', '2025Q3', '2025W01', '2025-01-01', '2025-01', '2025S2', '2025-07-01', '2025Q1', '2025S1', '2025-07'].map(P);
    assert.deepEqual(ids([...shuffled].sort(comparePeriods)), [
      '2025W01', // starts 2024-12-30
      '2025-01-01',
      '2025-01',
      '2025Q1',
      '2025S1',
      '2025',
      '2025-07-01',
      '2025-07',
      '2025Q3',
      '2025S2',
      '2025-10',
    ]);
    assert.equal(comparePeriods(P('2025Q3'), P('2025Q3')), 0);
    assert.ok(comparePeriods(P('2025-09-15'), P('2025W38')) < 0);
  });
});

describe('periodLabel', () => {
  it('writes Vietnamese labels by default', () => {
    assert.equal(periodLabel(P('2025-09-30')), '30/09/2025');
    assert.equal(periodLabel(P('2025W38')), 'Tuần 38/2025');
    assert.equal(periodLabel(P('2025W01')), 'Tuần 1/2025');
    assert.equal(periodLabel(P('2025-09')), 'Tháng 9/2025');
    assert.equal(periodLabel(P('2025-12')), 'Tháng 12/2025');
    assert.deepEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4'].map((id) => periodLabel(P(id), 'vi')), ['Quý I/2025', 'Quý II/2025', 'Quý III/2025', 'Quý IV/2025']);
    assert.equal(periodLabel(P('2025S1')), '6 tháng đầu năm 2025');
    assert.equal(periodLabel(P('2025S2')), '6 tháng cuối năm 2025');
    assert.equal(periodLabel(P('2025')), 'Năm 2025');
  });

  it('writes English labels', () => {
    assert.equal(periodLabel(P('2025-09-30'), 'en'), '30/09/2025');
    assert.equal(periodLabel(P('2025W38'), 'en'), 'Week 38, 2025');
    assert.equal(periodLabel(P('2025-09'), 'en'), 'September 2025');
    assert.equal(periodLabel(P('2025-01'), 'en'), 'January 2025');
    assert.equal(periodLabel(P('2025Q3'), 'en'), 'Q3 2025');
    assert.equal(periodLabel(P('2025S1'), 'en'), 'H1 2025');
    assert.equal(periodLabel(P('2025S2'), 'en'), 'H2 2025');
    assert.equal(periodLabel(P('2025'), 'en'), '2025');
  });

  it('labels are NFC (composed) Vietnamese', () => {
    for (const id of ['2025W38', '2025-09', '2025Q3', '2025S1', '2025S2', '2025']) {
      const label = periodLabel(P(id));
      assert.equal(label, label.normalize('NFC'));
    }
  });
});

describe('reportingWindow', () => {
  it('is the period itself under the calendar convention', () => {
    for (const id of ['2025-09-30', '2025W38', '2025-09', '2025Q3', '2025S1', '2025']) {
      const p = P(id);
      assert.deepEqual(reportingWindow(p, 'calendar'), { start: p.start, end: p.end });
    }
  });

  it('runs from the 15th of the month before to the 14th of the last month under Nghị định 09', () => {
    assert.deepEqual(reportingWindow(P('2025-09'), 'nd09'), { start: '2025-08-15', end: '2025-09-14' });
    assert.deepEqual(reportingWindow(P('2025-01'), 'nd09'), { start: '2024-12-15', end: '2025-01-14' });
    assert.deepEqual(reportingWindow(P('2025-03'), 'nd09'), { start: '2025-02-15', end: '2025-03-14' });
    assert.deepEqual(reportingWindow(P('2025Q3'), 'nd09'), { start: '2025-06-15', end: '2025-09-14' });
    assert.deepEqual(reportingWindow(P('2025Q1'), 'nd09'), { start: '2024-12-15', end: '2025-03-14' });
    assert.deepEqual(reportingWindow(P('2025S1'), 'nd09'), { start: '2024-12-15', end: '2025-06-14' });
    assert.deepEqual(reportingWindow(P('2025S2'), 'nd09'), { start: '2025-06-15', end: '2025-12-14' });
    assert.deepEqual(reportingWindow(P('2025'), 'nd09'), { start: '2024-12-15', end: '2025-12-14' });
  });

  it('leaves days and weeks on their own dates under Nghị định 09', () => {
    assert.deepEqual(reportingWindow(P('2025-09-30'), 'nd09'), { start: '2025-09-30', end: '2025-09-30' });
    assert.deepEqual(reportingWindow(P('2025W38'), 'nd09'), { start: '2025-09-15', end: '2025-09-21' });
  });

  it('tiles the calendar: consecutive monthly windows neither overlap nor leave gaps', () => {
    let p = P('2024-11');
    for (let i = 0; i < 15; i++) {
      const next = nextPeriod(p);
      assert.equal(addDays(reportingWindow(p, 'nd09').end, 1), reportingWindow(next, 'nd09').start, p.id);
      p = next;
    }
  });
});

describe('deadlineOf', () => {
  it('counts calendar days after the period end', () => {
    assert.equal(deadlineOf(P('2025Q3'), { offsetDays: 5, from: 'periodEnd' }), '2025-10-05');
    assert.equal(deadlineOf(P('2025-02'), { offsetDays: 10, from: 'periodEnd' }), '2025-03-10');
    assert.equal(deadlineOf(P('2025'), { offsetDays: 15, from: 'periodEnd' }), '2026-01-15');
    assert.equal(deadlineOf(P('2025-09-30'), { offsetDays: 0, from: 'periodEnd' }), '2025-09-30');
    // from periodEnd, the convention does not matter
    assert.equal(deadlineOf(P('2025Q3'), { offsetDays: 5, from: 'periodEnd', convention: 'nd09' }), '2025-10-05');
  });

  it('counts from the end of the cut-off window', () => {
    // "No later than the 20th of the last month" under ND 09: 14th + 6.
    assert.equal(deadlineOf(P('2025Q3'), { offsetDays: 6, from: 'windowEnd', convention: 'nd09' }), '2025-09-20');
    assert.equal(deadlineOf(P('2025-09'), { offsetDays: 2, from: 'windowEnd', convention: 'nd09' }), '2025-09-16');
    assert.equal(deadlineOf(P('2025S1'), { offsetDays: 4, from: 'windowEnd', convention: 'nd09' }), '2025-06-18');
    assert.equal(deadlineOf(P('2025'), { offsetDays: 6, from: 'windowEnd', convention: 'nd09' }), '2025-12-20');
    // calendar convention (the default) ends the window with the period
    assert.equal(deadlineOf(P('2025Q3'), { offsetDays: 6, from: 'windowEnd' }), '2025-10-06');
    assert.equal(deadlineOf(P('2025W38'), { offsetDays: 1, from: 'windowEnd', convention: 'nd09' }), '2025-09-22');
  });

  it('allows a deadline before the base date but not a fraction of a day', () => {
    assert.equal(deadlineOf(P('2025-09'), { offsetDays: -20, from: 'periodEnd' }), '2025-09-10');
    assert.throws(() => deadlineOf(P('2025-09'), { offsetDays: 1.5, from: 'periodEnd' }), RangeError);
  });
});
