/**
 * Report forms (biểu mẫu) and submissions: pure rules, no I/O.
 *
 * - The workflow: which action moves a submission from which status to which, and which policy
 *   action (domain/roles.ts) the actor needs over the unit.
 * - The schedule: a form's due date for a period (Nghị định 09/2019 cut-off as an option) and the
 *   timeliness of a report; the periods an inbox lists.
 * - Validation of a submission's values: types and ranges (domain/dataValues.ts), required items,
 *   and cross-indicator rules written in a tiny expression language (below), never `eval`.
 */
import { validateValue, normalizeValue, type IndicatorRules, type ValueInput, type ValueProblem } from './dataValues.ts';
import { deadlineOf, periodOf, previousPeriod, type CutoffConvention, type Period, type PeriodType } from './periods.ts';
import type { Action } from './roles.ts';

// ---------------------------------------------------------------------------------------------
// Workflow

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
/** A submission's status as an inbox shows it: no row yet is "not started". */
export const INBOX_STATUSES = ['not_started', ...SUBMISSION_STATUSES] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

export const SUBMISSION_ACTIONS = ['save', 'submit', 'approve', 'return', 'reopen'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

/** The policy action an actor needs over the submission's unit for each workflow action. */
export const ACTION_PERMISSION: Record<SubmissionAction, Action> = {
  save: 'submission.write',
  submit: 'submission.write',
  approve: 'submission.approve',
  return: 'submission.approve',
  reopen: 'submission.reopen',
};

/**
 * From which status each action may start, and where it leads. Saving a returned submission keeps
 * it "returned" (the reporter is correcting it; the inbox keeps showing why); a coordinator's reopen
 * of an approved one returns it to the reporter with the reason.
 */
const TRANSITIONS: Record<SubmissionAction, Partial<Record<InboxStatus, SubmissionStatus>>> = {
  save: { not_started: 'draft', draft: 'draft', returned: 'returned' },
  submit: { not_started: 'submitted', draft: 'submitted', returned: 'submitted' },
  approve: { submitted: 'approved' },
  return: { submitted: 'returned' },
  reopen: { approved: 'returned' },
};

/** The status an action leads to, or undefined when the action is not allowed from this status. */
export function nextStatus(status: InboxStatus, action: SubmissionAction): SubmissionStatus | undefined {
  return TRANSITIONS[action][status];
}

/** The actions allowed from a status, given which policy actions the actor holds over the unit. */
export function allowedActions(status: InboxStatus, holds: (action: Action) => boolean): SubmissionAction[] {
  return SUBMISSION_ACTIONS.filter((a) => nextStatus(status, a) !== undefined && holds(ACTION_PERMISSION[a]));
}

/** Submitted and approved submissions lock their cells: nothing else may write them. */
export const isLocked = (status: InboxStatus): boolean => status === 'submitted' || status === 'approved';
/** Submitted and approved reports count as received for completeness. */
export const isReceived = isLocked;

// ---------------------------------------------------------------------------------------------
// Schedule

export const CUTOFFS = ['calendar', 'nd09'] as const satisfies readonly CutoffConvention[];
export const DEADLINE_BASES = ['periodEnd', 'windowEnd'] as const;
export type DeadlineBase = (typeof DEADLINE_BASES)[number];

export interface FormSchedule {
  periodType: PeriodType;
  cutoff: CutoffConvention;
  /** Calendar days after the base date (negative: before). */
  deadlineOffsetDays: number;
  deadlineFrom: DeadlineBase;
}

/** The date a report of the form for the period is due, `YYYY-MM-DD`. */
export function dueDate(form: FormSchedule, period: Period): string {
  return deadlineOf(period, { offsetDays: form.deadlineOffsetDays, from: form.deadlineFrom, convention: form.cutoff });
}

export const TIMELINESS = ['on_time', 'late', 'missing', 'pending'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

/**
 * How a report stands against its due date (all dates `YYYY-MM-DD`, in the reporting time zone):
 * received on or before the due day → on time, after it → late; not received → missing once the due
 * day has passed (as of `today`), pending before that.
 */
export function timeliness(submittedOn: string | null, due: string, today: string): Timeliness {
  if (submittedOn !== null) return submittedOn <= due ? 'on_time' : 'late';
  return today > due ? 'missing' : 'pending';
}

/** Whether a report not yet received is past its due date. */
export const isOverdue = (status: InboxStatus, due: string, today: string): boolean => !isReceived(status) && today > due;

/**
 * The periods an inbox may list for a form, oldest first: every period that has begun by `today`, is
 * not before the form's first period, and is due last year or later — so the year's reports stay
 * listed all year, December's report (due in January) is still listed in January, and future
 * periods never are. Periods due before this year are carried over (`carriedOver`): the inbox shows
 * them only while their report is still owed, as a unit that missed last year's reports still owes
 * them.
 */
export function inboxPeriods(form: FormSchedule, firstPeriod: Period | null, today: string): Period[] {
  const lastYearStart = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const out: Period[] = [];
  let p: Period | undefined = periodOf(form.periodType, today);
  while (p && (!firstPeriod || p.start >= firstPeriod.start) && dueDate(form, p) >= lastYearStart) {
    out.push(p);
    try {
      p = previousPeriod(p);
    } catch {
      p = undefined;
    }
    if (out.length > 800) break; // a daily form lists at most two years and a bit
  }
  return out.reverse();
}

/** Whether an inbox period was due before this year: listed only while its report is owed. */
export const carriedOver = (form: FormSchedule, period: Period, today: string): boolean => dueDate(form, period) < `${today.slice(0, 4)}-01-01`;

// ---------------------------------------------------------------------------------------------
// Rule expressions
//
//   condition  := or
//   or         := and ('or' and)*
//   and        := primaryCondition ('and' primaryCondition)*
//   comparison := sum op sum            op: < <= > >= = != (also ≤ ≥ ≠ == <>)
//   sum        := product (('+' | '-') product)*
//   product    := unary (('*' | '/') unary)*
//   unary      := '-' unary | number | identifier | '(' … ')'
//
// Identifiers are indicator codes of the form's items (letters, digits, '_' and '.'; a code with
// other characters is written in brackets: [HS-TT]); `CODE_num` and `CODE_den` name the numerator and
// denominator of a ratio item. `and`/`or` are case-insensitive keywords. A rule must be a condition.
// Evaluation: a rule that refers to a missing value, or divides by zero, is skipped (null).

export type CompareOp = '<' | '<=' | '>' | '>=' | '=' | '!=';
export type ArithOp = '+' | '-' | '*' | '/';

export type Expr =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'ref'; name: string; pos: number }
  | { kind: 'neg'; operand: Expr; pos: number }
  | { kind: 'arith'; op: ArithOp; left: Expr; right: Expr; pos: number }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr; pos: number }
  | { kind: 'logic'; op: 'and' | 'or'; left: Expr; right: Expr; pos: number };

export type RuleErrorKey =
  | 'rule.empty'
  | 'rule.tooLong'
  | 'rule.tooDeep'
  | 'rule.unexpectedChar'
  | 'rule.unexpectedToken'
  | 'rule.unexpectedEnd'
  | 'rule.unclosedBracket'
  | 'rule.badNumber'
  | 'rule.expectedCondition'
  | 'rule.expectedNumber'
  | 'rule.unknownIdentifier';

export interface RuleError {
  key: RuleErrorKey;
  /** 0-based offset into the expression; messages show it 1-based as a column. */
  position: number;
  params: Record<string, string | number>;
}

export const MAX_RULE_LENGTH = 1000;
const MAX_DEPTH = 40;

type Token =
  | { t: 'num'; value: number; pos: number; text: string }
  | { t: 'id'; name: string; pos: number; text: string }
  | { t: 'op'; op: string; pos: number; text: string }
  | { t: 'kw'; kw: 'and' | 'or'; pos: number; text: string }
  | { t: 'end'; pos: number; text: string };

class RuleParseError extends Error {
  constructor(readonly error: RuleError) {
    super(error.key);
  }
}
const fail = (key: RuleErrorKey, position: number, params: Record<string, string | number> = {}): never => {
  throw new RuleParseError({ key, position, params });
};

const OP_ALIASES: Record<string, string> = { '≤': '<=', '≥': '>=', '≠': '!=', '==': '=', '<>': '!=' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '[') {
      const close = text.indexOf(']', i + 1);
      if (close < 0) fail('rule.unclosedBracket', i);
      const name = text.slice(i + 1, close).trim();
      if (!name) fail('rule.unexpectedToken', i, { token: text.slice(i, close + 1) });
      tokens.push({ t: 'id', name, pos: i, text: text.slice(i, close + 1) });
      i = close + 1;
      continue;
    }
    const word = /^[A-Za-z0-9_.]+/.exec(text.slice(i));
    if (word) {
      const w = word[0];
      if (/^\d+(\.\d+)?$/.test(w)) tokens.push({ t: 'num', value: Number(w), pos: i, text: w });
      else if (/^\d/.test(w) && !/[A-Za-z]/.test(w)) fail('rule.badNumber', i, { token: w });
      else if (/^(and|or)$/i.test(w)) tokens.push({ t: 'kw', kw: w.toLowerCase() as 'and' | 'or', pos: i, text: w });
      else tokens.push({ t: 'id', name: w, pos: i, text: w });
      i += w.length;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (['<=', '>=', '!=', '==', '<>'].includes(two)) {
      tokens.push({ t: 'op', op: OP_ALIASES[two] ?? two, pos: i, text: two });
      i += 2;
      continue;
    }
    if ('+-*/()<>='.includes(c)) {
      tokens.push({ t: 'op', op: c, pos: i, text: c });
      i++;
      continue;
    }
    if (OP_ALIASES[c]) {
      tokens.push({ t: 'op', op: OP_ALIASES[c]!, pos: i, text: c });
      i++;
      continue;
    }
    fail('rule.unexpectedChar', i, { char: c });
  }
  tokens.push({ t: 'end', pos: text.length, text: '' });
  return tokens;
}

const COMPARE_OPS = new Set(['<', '<=', '>', '>=', '=', '!=']);

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.op === op;
  }
  private unexpected(t: Token): never {
    if (t.t === 'end') return fail('rule.unexpectedEnd', t.pos);
    return fail('rule.unexpectedToken', t.pos, { token: t.text });
  }
  private nest<T>(pos: number, f: () => T): T {
    if (++this.depth > MAX_DEPTH) fail('rule.tooDeep', pos);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  parse(): Expr {
    const e = this.or();
    const t = this.peek();
    if (t.t !== 'end') this.unexpected(t);
    return e;
  }

  private or(): Expr {
    let left = this.and();
    while (this.peek().t === 'kw' && (this.peek() as { kw: string }).kw === 'or') {
      const pos = this.next().pos;
      left = { kind: 'logic', op: 'or', left, right: this.and(), pos };
    }
    return left;
  }

  private and(): Expr {
    let left = this.comparison();
    while (this.peek().t === 'kw' && (this.peek() as { kw: string }).kw === 'and') {
      const pos = this.next().pos;
      left = { kind: 'logic', op: 'and', left, right: this.comparison(), pos };
    }
    return left;
  }

  /** A chain such as `A < B < C` parses, and the type check then refuses it with the position. */
  private comparison(): Expr {
    let left = this.sum();
    for (let t = this.peek(); t.t === 'op' && COMPARE_OPS.has(t.op); t = this.peek()) {
      this.next();
      left = { kind: 'compare', op: t.op as CompareOp, left, right: this.sum(), pos: t.pos };
    }
    return left;
  }

  private sum(): Expr {
    let left = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const t = this.next() as { op: ArithOp; pos: number };
      left = { kind: 'arith', op: t.op, left, right: this.product(), pos: t.pos };
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const t = this.next() as { op: ArithOp; pos: number };
      left = { kind: 'arith', op: t.op, left, right: this.unary(), pos: t.pos };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.t === 'op' && t.op === '-') {
      this.next();
      return this.nest(t.pos, () => ({ kind: 'neg', operand: this.unary(), pos: t.pos }) as Expr);
    }
    if (t.t === 'num') {
      this.next();
      return { kind: 'number', value: t.value, pos: t.pos };
    }
    if (t.t === 'id') {
      this.next();
      return { kind: 'ref', name: t.name, pos: t.pos };
    }
    if (t.t === 'op' && t.op === '(') {
      this.next();
      const inner = this.nest(t.pos, () => this.or());
      const close = this.peek();
      if (!(close.t === 'op' && close.op === ')')) {
        if (close.t === 'end') fail('rule.unclosedBracket', t.pos);
        this.unexpected(close);
      }
      this.next();
      return inner;
    }
    return this.unexpected(t);
  }
}

const isCondition = (e: Expr) => e.kind === 'compare' || e.kind === 'logic';

/** Conditions where conditions belong (and/or, the whole rule), numbers everywhere else. */
function typeCheck(e: Expr, want: 'condition' | 'number'): void {
  if (want === 'condition' && !isCondition(e)) fail('rule.expectedCondition', e.pos);
  if (want === 'number' && isCondition(e)) fail('rule.expectedNumber', e.pos);
  switch (e.kind) {
    case 'logic':
      typeCheck(e.left, 'condition');
      typeCheck(e.right, 'condition');
      return;
    case 'compare':
    case 'arith':
      typeCheck(e.left, 'number');
      typeCheck(e.right, 'number');
      return;
    case 'neg':
      typeCheck(e.operand, 'number');
      return;
    default:
      return;
  }
}

export type ParsedRule = { ok: true; expr: Expr } | { ok: false; error: RuleError };

/** Parse and type-check a rule; the first problem, with its position, when it is not a valid condition. */
export function parseRule(text: string): ParsedRule {
  if (text.length > MAX_RULE_LENGTH) return { ok: false, error: { key: 'rule.tooLong', position: MAX_RULE_LENGTH, params: { max: MAX_RULE_LENGTH } } };
  if (!text.trim()) return { ok: false, error: { key: 'rule.empty', position: 0, params: {} } };
  try {
    const expr = new Parser(tokenize(text)).parse();
    typeCheck(expr, 'condition');
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof RuleParseError) return { ok: false, error: e.error };
    throw e;
  }
}

/** The identifiers of an expression with their positions, in order of appearance. */
export function ruleIdentifiers(e: Expr): { name: string; pos: number }[] {
  switch (e.kind) {
    case 'ref':
      return [{ name: e.name, pos: e.pos }];
    case 'number':
      return [];
    case 'neg':
      return ruleIdentifiers(e.operand);
    default:
      return [...ruleIdentifiers(e.left), ...ruleIdentifiers(e.right)].sort((a, b) => a.pos - b.pos);
  }
}

export interface RuleItem {
  code: string;
  ratio: boolean;
}
export type ValuePart = 'value' | 'numerator' | 'denominator';

/**
 * What an identifier names among the form's items: a code (any case) names the item's value; for a
 * ratio item, `CODE_num` and `CODE_den` name its numerator and denominator. An exact code wins.
 */
export function resolveIdentifier(name: string, items: readonly RuleItem[]): { code: string; part: ValuePart } | undefined {
  const lower = name.toLowerCase();
  const exact = items.find((i) => i.code.toLowerCase() === lower);
  if (exact) return { code: exact.code, part: 'value' };
  const m = /^(.*)_(num|den)$/i.exec(name);
  if (!m) return undefined;
  const base = items.find((i) => i.ratio && i.code.toLowerCase() === m[1]!.toLowerCase());
  if (!base) return undefined;
  return { code: base.code, part: m[2]!.toLowerCase() === 'num' ? 'numerator' : 'denominator' };
}

/** Parse a rule and check that every identifier names an item of the form. */
export function checkRule(text: string, items: readonly RuleItem[]): ParsedRule {
  const parsed = parseRule(text);
  if (!parsed.ok) return parsed;
  for (const id of ruleIdentifiers(parsed.expr)) {
    if (!resolveIdentifier(id.name, items)) return { ok: false, error: { key: 'rule.unknownIdentifier', position: id.pos, params: { name: id.name } } };
  }
  return parsed;
}

const EPSILON = 1e-9;
const near = (a: number, b: number) => Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));

/** Missing input or a division by zero: the rule cannot be judged and is skipped. */
const SKIP = Symbol('skip');

function evalNumber(e: Expr, lookup: (name: string) => number | null | undefined): number | typeof SKIP {
  switch (e.kind) {
    case 'number':
      return e.value;
    case 'ref': {
      const v = lookup(e.name);
      return typeof v === 'number' && Number.isFinite(v) ? v : SKIP;
    }
    case 'neg': {
      const v = evalNumber(e.operand, lookup);
      return v === SKIP ? SKIP : -v;
    }
    case 'arith': {
      const l = evalNumber(e.left, lookup);
      const r = evalNumber(e.right, lookup);
      if (l === SKIP || r === SKIP) return SKIP;
      switch (e.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          return r === 0 ? SKIP : l / r;
      }
    }
    // falls through: conditions are never numbers after typeCheck
    default:
      return SKIP;
  }
}

function evalCondition(e: Expr, lookup: (name: string) => number | null | undefined): boolean | typeof SKIP {
  if (e.kind === 'logic') {
    const l = evalCondition(e.left, lookup);
    const r = evalCondition(e.right, lookup);
    if (l === SKIP || r === SKIP) return SKIP;
    return e.op === 'and' ? l && r : l || r;
  }
  if (e.kind !== 'compare') return SKIP;
  const l = evalNumber(e.left, lookup);
  const r = evalNumber(e.right, lookup);
  if (l === SKIP || r === SKIP) return SKIP;
  switch (e.op) {
    case '<':
      return l < r && !near(l, r);
    case '<=':
      return l <= r || near(l, r);
    case '>':
      return l > r && !near(l, r);
    case '>=':
      return l >= r || near(l, r);
    case '=':
      return near(l, r);
    case '!=':
      return !near(l, r);
  }
}

/**
 * Whether the values satisfy the rule: true or false, or null when the rule is skipped because a
 * value it needs is missing (or it divides by zero). `lookup` gives an identifier's number.
 */
export function evaluateRule(expr: Expr, lookup: (name: string) => number | null | undefined): boolean | null {
  const r = evalCondition(expr, lookup);
  return r === SKIP ? null : r;
}

// ---------------------------------------------------------------------------------------------
// Validation of a submission

export interface FormItemRules extends IndicatorRules {
  required: boolean;
}

export interface FormRule {
  /** Index in the form's rule list. */
  index: number;
  expression: string;
  message: string | null;
}

export type SubmissionProblem =
  | { kind: 'value'; indicator: string; key: ValueProblem['key']; params: ValueProblem['params'] }
  | { kind: 'required'; indicator: string; key: 'submission.required'; params: { indicator: string } }
  | {
      kind: 'rule';
      rule: number;
      key: 'submission.ruleViolated' | 'submission.ruleViolatedMessage';
      params: { expression: string; message: string; values: string };
    };

/** True when a staged value holds nothing (no value, numerator, denominator or comment). */
export const isBlank = (v: ValueInput & { comment?: string | null }) =>
  v.value == null && v.numerator == null && v.denominator == null && !(v.comment ?? '').trim();

const hasNumber = (v: ValueInput | undefined) => v !== undefined && (v.value != null || v.numerator != null || v.denominator != null);

/**
 * Every problem of a submission's values at once: each value's type and range, the required items
 * that have no value (only when submitting), and each cross-indicator rule that the values break
 * (rules whose inputs are missing are skipped).
 */
export function validateSubmission(
  items: readonly FormItemRules[],
  rules: readonly FormRule[],
  values: ReadonlyMap<string, ValueInput>,
  mode: 'save' | 'submit',
): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  const numbers = new Map<string, { value: number | null; numerator: number | null; denominator: number | null }>();
  for (const item of items) {
    const v = values.get(item.code);
    if (!hasNumber(v)) {
      if (mode === 'submit' && item.required) problems.push({ kind: 'required', indicator: item.code, key: 'submission.required', params: { indicator: item.code } });
      continue;
    }
    const found = validateValue(item, v!);
    for (const p of found) problems.push({ kind: 'value', indicator: item.code, key: p.key, params: p.params });
    if (found.length === 0) numbers.set(item.code.toLowerCase(), normalizeValue(item, v!));
  }
  const ruleItems = items.map((i) => ({ code: i.code, ratio: i.spaceAggregation === 'ratio' }));
  for (const rule of rules) {
    const parsed = checkRule(rule.expression, ruleItems);
    if (!parsed.ok) continue; // forms are checked when saved; a rule broken since then is skipped
    const used: string[] = [];
    const lookup = (name: string) => {
      const ref = resolveIdentifier(name, ruleItems);
      const n = ref ? numbers.get(ref.code.toLowerCase()) : undefined;
      const x = ref && n ? n[ref.part] : null;
      if (x !== null && x !== undefined) used.push(`${name} = ${formatNumber(x)}`);
      return x;
    };
    if (evaluateRule(parsed.expr, lookup) !== false) continue;
    const message = rule.message?.trim() ?? '';
    problems.push({
      kind: 'rule',
      rule: rule.index,
      key: message ? 'submission.ruleViolatedMessage' : 'submission.ruleViolated',
      params: { expression: rule.expression, message, values: [...new Set(used)].join('; ') },
    });
  }
  return problems;
}

/** Numbers in rule messages: up to 6 decimals, no exponent for ordinary magnitudes. */
function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 1e6) / 1e6);
}

// ---------------------------------------------------------------------------------------------
// Dates

/** Hours east of UTC of the reporting calendar: Vietnam (UTC+7, no daylight saving). */
export const REPORTING_UTC_OFFSET_HOURS = 7;

/** The Vietnamese calendar date of an instant, `YYYY-MM-DD` (a report sent at 23:30 on the due day is on time). */
export function reportingDate(instant: Date): string {
  return new Date(instant.getTime() + REPORTING_UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}
