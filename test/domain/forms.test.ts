import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allowedActions,
  checkRule,
  dueDate,
  evaluateRule,
  carriedOver,
  inboxPeriods,
  isOverdue,
  nextStatus,
  parseRule,
  reportingDate,
  resolveIdentifier,
  ruleIdentifiers,
  timeliness,
  validateSubmission,
  type FormItemRules,
  type FormSchedule,
} from '../../domain/forms.ts';
import { parsePeriod } from '../../domain/periods.ts';
import { ACTIONS, type Action, type Role } from '../../domain/roles.ts';

const holdsAs = (role: Role) => (a: Action) => (ACTIONS[a] as readonly Role[]).includes(role);

describe('submission workflow', () => {
  it('moves draft → submitted → approved | returned, and a coordinator reopens an approved one', () => {
    assert.equal(nextStatus('not_started', 'save'), 'draft');
    assert.equal(nextStatus('draft', 'submit'), 'submitted');
    assert.equal(nextStatus('submitted', 'approve'), 'approved');
    assert.equal(nextStatus('submitted', 'return'), 'returned');
    assert.equal(nextStatus('returned', 'save'), 'returned', 'a returned report stays returned while it is corrected');
    assert.equal(nextStatus('returned', 'submit'), 'submitted');
    assert.equal(nextStatus('approved', 'reopen'), 'returned');
  });

  it('refuses actions from the wrong status', () => {
    assert.equal(nextStatus('submitted', 'save'), undefined, 'a submitted report is locked');
    assert.equal(nextStatus('approved', 'save'), undefined);
    assert.equal(nextStatus('approved', 'approve'), undefined);
    assert.equal(nextStatus('draft', 'approve'), undefined);
    assert.equal(nextStatus('draft', 'reopen'), undefined);
    assert.equal(nextStatus('submitted', 'reopen'), undefined, 'a submitted report is returned, not reopened');
    assert.equal(nextStatus('not_started', 'return'), undefined);
  });

  it('offers each role only its own actions', () => {
    assert.deepEqual(allowedActions('draft', holdsAs('reporter')), ['save', 'submit']);
    assert.deepEqual(allowedActions('submitted', holdsAs('reporter')), []);
    assert.deepEqual(allowedActions('submitted', holdsAs('approver')), ['approve', 'return']);
    assert.deepEqual(allowedActions('approved', holdsAs('approver')), []);
    assert.deepEqual(allowedActions('approved', holdsAs('coordinator')), ['reopen']);
    assert.deepEqual(allowedActions('draft', holdsAs('leader')), []);
  });
});

describe('schedule', () => {
  const monthly: FormSchedule = { periodType: 'month', cutoff: 'calendar', deadlineOffsetDays: 5, deadlineFrom: 'periodEnd' };
  const nd09: FormSchedule = { periodType: 'month', cutoff: 'nd09', deadlineOffsetDays: 2, deadlineFrom: 'windowEnd' };

  it('dates the deadline from the period end or the Nghị định 09 cut-off', () => {
    assert.equal(dueDate(monthly, parsePeriod('2025-09')), '2025-10-05');
    assert.equal(dueDate(monthly, parsePeriod('2025-12')), '2026-01-05');
    assert.equal(dueDate(nd09, parsePeriod('2025-09')), '2025-09-16', '2 days after the 14th');
    assert.equal(dueDate({ ...nd09, periodType: 'quarter' }, parsePeriod('2025Q3')), '2025-09-16');
    assert.equal(dueDate({ periodType: 'year', cutoff: 'nd09', deadlineOffsetDays: 0, deadlineFrom: 'windowEnd' }, parsePeriod('2025')), '2025-12-14');
  });

  it('judges timeliness by the due day, and a report not sent as missing only after it', () => {
    assert.equal(timeliness('2025-10-05', '2025-10-05', '2025-10-20'), 'on_time');
    assert.equal(timeliness('2025-10-06', '2025-10-05', '2025-10-20'), 'late');
    assert.equal(timeliness(null, '2025-10-05', '2025-10-05'), 'pending');
    assert.equal(timeliness(null, '2025-10-05', '2025-10-06'), 'missing');
    assert.equal(isOverdue('draft', '2025-10-05', '2025-10-06'), true);
    assert.equal(isOverdue('submitted', '2025-10-05', '2025-10-06'), false);
    assert.equal(isOverdue('returned', '2025-10-05', '2025-10-06'), true);
  });

  it('counts a report by its Vietnamese calendar day (UTC+7)', () => {
    assert.equal(reportingDate(new Date('2025-10-05T16:59:59Z')), '2025-10-05');
    assert.equal(reportingDate(new Date('2025-10-05T17:00:00Z')), '2025-10-06');
  });

  it('lists the periods begun by today and due last year or later, never future ones, from the first period on', () => {
    const ids = (ps: { id: string }[]) => ps.map((p) => p.id);
    const months = (from: number, to: number, year: number) => Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);
    assert.deepEqual(ids(inboxPeriods(monthly, null, '2025-04-10')), ['2023-12', ...months(1, 12, 2024), ...months(1, 4, 2025)], 'December 2023 is due in January 2024');
    assert.deepEqual(ids(inboxPeriods(monthly, parsePeriod('2025-03'), '2025-04-10')), ['2025-03', '2025-04']);
    assert.deepEqual(ids(inboxPeriods({ ...monthly, periodType: 'quarter' }, null, '2025-11-24')), ['2023Q4', '2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    assert.deepEqual(ids(inboxPeriods({ ...monthly, periodType: 'year', deadlineOffsetDays: 0 }, null, '2025-11-24')), ['2024', '2025']);
    assert.deepEqual(ids(inboxPeriods({ ...monthly, periodType: 'year', deadlineOffsetDays: 90 }, null, '2025-11-24')), ['2023', '2024', '2025'], '2023’s report was due in March 2024');
    assert.equal(inboxPeriods({ ...monthly, periodType: 'day', deadlineOffsetDays: 0 }, null, '2025-12-31').length, 731);
  });

  it('carries over only the periods due before this year', () => {
    assert.equal(carriedOver(monthly, parsePeriod('2024-12'), '2025-04-10'), false, 'due on 05/01/2025');
    assert.equal(carriedOver(monthly, parsePeriod('2024-11'), '2025-04-10'), true);
    assert.equal(carriedOver({ ...monthly, periodType: 'year', deadlineOffsetDays: 90 }, parsePeriod('2024'), '2025-11-24'), false);
  });
});

describe('rule expressions', () => {
  const items = [
    { code: 'HS_TONG', ratio: false },
    { code: 'HS_TRUC_TUYEN', ratio: false },
    { code: 'TK_TT', ratio: true },
    { code: 'DAN_SO', ratio: false },
    { code: 'HS-CU', ratio: false },
  ];
  const values: Record<string, number | undefined> = { HS_TONG: 100, HS_TRUC_TUYEN: 80, TK_TT_num: 900, DAN_SO: 1000 };
  const run = (text: string, v: Record<string, number | undefined> = values) => {
    const parsed = checkRule(text, items);
    assert.ok(parsed.ok, `${text}: ${JSON.stringify(!parsed.ok && parsed.error)}`);
    return evaluateRule(parsed.expr, (name) => v[name]);
  };
  const error = (text: string) => {
    const parsed = checkRule(text, items);
    assert.ok(!parsed.ok, `${text} should not parse`);
    return parsed.error;
  };

  it('compares indicators, numbers and arithmetic', () => {
    assert.equal(run('HS_TRUC_TUYEN <= HS_TONG'), true);
    assert.equal(run('HS_TRUC_TUYEN > HS_TONG'), false);
    assert.equal(run('TK_TT_num <= DAN_SO'), true);
    assert.equal(run('HS_TRUC_TUYEN / HS_TONG * 100 >= 80'), true);
    assert.equal(run('HS_TONG - HS_TRUC_TUYEN = 20'), true);
    assert.equal(run('-HS_TONG + 2 * (HS_TRUC_TUYEN + 10) != 80'), false);
    assert.equal(run('HS_TRUC_TUYEN ≤ HS_TONG'), true, 'typographic operators are accepted');
    assert.equal(run('0.1 + 0.2 = 0.3'), true, 'equality tolerates rounding');
  });

  it('combines conditions with and/or, and binds and tighter than or', () => {
    assert.equal(run('HS_TRUC_TUYEN <= HS_TONG and DAN_SO > 0'), true);
    assert.equal(run('HS_TRUC_TUYEN > HS_TONG AND DAN_SO > 0'), false);
    assert.equal(run('HS_TRUC_TUYEN > HS_TONG or DAN_SO > 0'), true);
    assert.equal(run('DAN_SO > 0 or HS_TONG < 0 and HS_TONG > 0'), true);
    assert.equal(run('(DAN_SO > 0 or HS_TONG < 0) and HS_TONG < 0'), false);
  });

  it('skips a rule when a value is missing or a divisor is zero', () => {
    assert.equal(run('HS_TRUC_TUYEN <= HS_TONG', { HS_TRUC_TUYEN: 5 }), null);
    assert.equal(run('HS_TRUC_TUYEN / HS_TONG <= 1', { HS_TRUC_TUYEN: 5, HS_TONG: 0 }), null);
    assert.equal(run('[HS-CU] >= 0', { 'HS-CU': 3 }), true, 'a code with a dash is written in brackets');
  });

  it('resolves codes in any case, and _num/_den only for ratios', () => {
    assert.deepEqual(resolveIdentifier('hs_tong', items), { code: 'HS_TONG', part: 'value' });
    assert.deepEqual(resolveIdentifier('TK_TT_den', items), { code: 'TK_TT', part: 'denominator' });
    assert.equal(resolveIdentifier('HS_TONG_num', items), undefined);
    assert.deepEqual(
      ruleIdentifiers((parseRule('A + B <= C') as { ok: true; expr: never }).expr).map((i) => [i.name, i.pos]),
      [['A', 0], ['B', 4], ['C', 9]],
    );
  });

  it('reports syntax and type errors with their position, never evaluating anything', () => {
    assert.deepEqual(error('HS_TONG <= '), { key: 'rule.unexpectedEnd', position: 11, params: {} });
    assert.deepEqual(error('HS_TONG <= HS_TRUC_TUYEN)'), { key: 'rule.unexpectedToken', position: 24, params: { token: ')' } });
    assert.deepEqual(error('HS_TONG <= process.exit(1)'), { key: 'rule.unexpectedToken', position: 23, params: { token: '(' } });
    assert.deepEqual(error('HS_TONG <= constructor'), { key: 'rule.unknownIdentifier', position: 11, params: { name: 'constructor' } });
    assert.deepEqual(error('HS_TONG; DROP TABLE x'), { key: 'rule.unexpectedChar', position: 7, params: { char: ';' } });
    assert.deepEqual(error('HS_TONG + 1'), { key: 'rule.expectedCondition', position: 8, params: {} });
    assert.deepEqual(error('HS_TONG and DAN_SO > 0'), { key: 'rule.expectedCondition', position: 0, params: {} });
    assert.deepEqual(error('HS_TONG < DAN_SO < 3'), { key: 'rule.expectedNumber', position: 8, params: {} });
    assert.deepEqual(error('(HS_TONG < 3'), { key: 'rule.unclosedBracket', position: 0, params: {} });
    assert.deepEqual(error('KHONG_CO >= 1'), { key: 'rule.unknownIdentifier', position: 0, params: { name: 'KHONG_CO' } });
    assert.deepEqual(error('1.2.3 > 0'), { key: 'rule.badNumber', position: 0, params: { token: '1.2.3' } });
    assert.equal(error('   ').key, 'rule.empty');
    assert.equal(error(`${'('.repeat(100)}1 < 2${')'.repeat(100)}`).key, 'rule.tooDeep');
  });
});

describe('validating a submission', () => {
  const items: FormItemRules[] = [
    { code: 'HS_TONG', unit: 'count', spaceAggregation: 'sum', minValue: null, maxValue: null, required: true },
    { code: 'HS_TRUC_TUYEN', unit: 'count', spaceAggregation: 'sum', minValue: null, maxValue: null, required: true },
    { code: 'TK_TT', unit: '%', spaceAggregation: 'ratio', minValue: null, maxValue: null, required: false },
  ];
  const rules = [
    { index: 0, expression: 'HS_TRUC_TUYEN <= HS_TONG', message: null },
    { index: 1, expression: 'TK_TT >= 10', message: 'Tỷ lệ quá thấp' },
  ];

  it('lists every problem at once: values, required items on submit, broken rules', () => {
    const problems = validateSubmission(
      items,
      rules,
      new Map([
        ['HS_TONG', { value: 100 }],
        ['HS_TRUC_TUYEN', { value: 120 }],
        ['TK_TT', { numerator: 1, denominator: 100 }],
      ]),
      'submit',
    );
    assert.deepEqual(problems, [
      { kind: 'rule', rule: 0, key: 'submission.ruleViolated', params: { expression: 'HS_TRUC_TUYEN <= HS_TONG', message: '', values: 'HS_TRUC_TUYEN = 120; HS_TONG = 100' } },
      { kind: 'rule', rule: 1, key: 'submission.ruleViolatedMessage', params: { expression: 'TK_TT >= 10', message: 'Tỷ lệ quá thấp', values: 'TK_TT = 1' } },
    ]);
    const missing = validateSubmission(items, rules, new Map([['HS_TONG', { value: -1 }]]), 'submit');
    assert.deepEqual(
      missing.map((p) => [p.kind, p.key]),
      [
        ['value', 'dataValue.negative'],
        ['required', 'submission.required'],
      ],
    );
    assert.deepEqual(validateSubmission(items, rules, new Map([['HS_TONG', { value: 5 }]]), 'save'), [], 'a draft may lack required items');
  });
});
