/**
 * Reporting periods: ids, date ranges, containment, labels, and the Nghị định 09/2019 data cut-off.
 * Pure functions, no I/O, no time zones: every date is a proleptic-Gregorian calendar date written
 * `YYYY-MM-DD`, and the arithmetic is done on whole day numbers (days since 1970-01-01).
 *
 * Period ids are canonical — one id per period, so they can key rows:
 *   day `2025-09-30` · ISO week `2025W38` · month `2025-09` · quarter `2025Q3` · half-year `2025S2` · year `2025`.
 * Years run 0001–9999; the week number always has two digits (`2025W01`, never `2025W1`); nothing
 * else (lower case, spaces, signs) is accepted.
 *
 * Containment (which coarser periods a value rolls up into):
 *   - day ⊂ week (the ISO week holding the day);
 *   - day ⊂ month ⊂ quarter ⊂ half ⊂ year (calendar);
 *   - a week ⊂ the year of its ISO week-year only — never a month, quarter or half, because a week
 *     can straddle them (2025W01 runs 2024-12-30..2025-01-05 and belongs to 2025, not to 2024-12 nor
 *     2025-01). A week that happens to lie inside one month (2025W38 in September) is still not in
 *     it, so that a month's weeks never depend on where the weekdays fall.
 * Consequence: containment through weeks is not transitive with calendar years — 2024-12-30 is in
 * 2025W01, 2025W01 is in 2025, yet 2024-12-30 is in 2024. An indicator has one period type, so a
 * year's figure is built from either its days or its weeks, never both.
 */

export const PERIOD_TYPES = ['day', 'week', 'month', 'quarter', 'half', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface Period {
  id: string;
  type: PeriodType;
  /** First day, inclusive, `YYYY-MM-DD`. */
  start: string;
  /** Last day, inclusive, `YYYY-MM-DD`. */
  end: string;
}

/** A malformed or impossible period id (or date). `id` is the offending input. */
export class PeriodError extends Error {
  readonly code = 'invalid' as const;
  readonly id: string;
  constructor(id: string, message?: string) {
    super(message ?? `Invalid period id ${JSON.stringify(id)}`);
    this.name = 'PeriodError';
    this.id = id;
  }
}

export const isPeriodType = (v: string): v is PeriodType => (PERIOD_TYPES as readonly string[]).includes(v);

// ---------------------------------------------------------------------------------------------
// Day numbers (H. Hinnant's civil-date algorithms: exact integer arithmetic, no Date object).

const MIN_YEAR = 1;
const MAX_YEAR = 9999;

function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civil(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
/** ISO weekday, Monday 1 … Sunday 7 (day 0, 1970-01-01, was a Thursday). */
const weekday = (z: number) => ((((z + 3) % 7) + 7) % 7) + 1;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
const dateOf = (z: number) => ymd(...civil(z));

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseYmd(date: string): [number, number, number] | undefined {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < MIN_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return [y, mo, d];
}

function dayOf(date: string): number {
  const p = parseYmd(date);
  if (!p) throw new PeriodError(String(date), `Invalid date ${JSON.stringify(date)}`);
  return dayNumber(...p);
}

/** Whether a string is a real calendar date `YYYY-MM-DD` (year 0001–9999). */
export const isIsoDate = (date: string): boolean => parseYmd(date) !== undefined;

/** The date `days` calendar days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: ${days} is not a whole number of days`);
  return checkedDate(dayOf(date) + days);
}

function checkedDate(z: number): string {
  const [y] = civil(z);
  if (y < MIN_YEAR || y > MAX_YEAR) throw new PeriodError(String(y), `Date out of range (year ${y})`);
  return dateOf(z);
}

// ---------------------------------------------------------------------------------------------
// ISO weeks: weeks start on Monday; week 1 is the week holding the year's first Thursday (equally,
// the week holding 4 January).

function week1Monday(isoYear: number): number {
  const jan4 = dayNumber(isoYear, 1, 4);
  return jan4 - (weekday(jan4) - 1);
}

/** 52 or 53. */
export function isoWeeksInYear(isoYear: number): number {
  return (week1Monday(isoYear + 1) - week1Monday(isoYear)) / 7;
}

function isoWeekOfDay(z: number): [number, number] {
  const thursday = z - weekday(z) + 4;
  const [isoYear] = civil(thursday);
  return [isoYear, Math.floor((thursday - dayNumber(isoYear, 1, 1)) / 7) + 1];
}

// ---------------------------------------------------------------------------------------------
// Construction

/** Every period lies within years 0001–9999 (this also rules out 9999W52, which ends in 10000). */
function make(id: string, type: PeriodType, start: number, end: number): Period {
  if (civil(start)[0] < MIN_YEAR || civil(end)[0] > MAX_YEAR) throw new PeriodError(id, `Period ${id} lies outside years ${MIN_YEAR}–${MAX_YEAR}`);
  return { id, type, start: dateOf(start), end: dateOf(end) };
}

const dayPeriod = (y: number, m: number, d: number): Period => {
  const z = dayNumber(y, m, d);
  return make(ymd(y, m, d), 'day', z, z);
};
const monthRange = (y: number, firstMonth: number, months: number): [number, number] => {
  const lastMonth = firstMonth + months - 1;
  return [dayNumber(y, firstMonth, 1), dayNumber(y, lastMonth, daysInMonth(y, lastMonth))];
};
const weekPeriod = (isoYear: number, week: number): Period => {
  const start = week1Monday(isoYear) + (week - 1) * 7;
  return make(`${pad(isoYear, 4)}W${pad(week, 2)}`, 'week', start, start + 6);
};
const monthPeriod = (y: number, m: number) => make(`${pad(y, 4)}-${pad(m, 2)}`, 'month', ...monthRange(y, m, 1));
const quarterPeriod = (y: number, q: number) => make(`${pad(y, 4)}Q${q}`, 'quarter', ...monthRange(y, 3 * q - 2, 3));
const halfPeriod = (y: number, h: number) => make(`${pad(y, 4)}S${h}`, 'half', ...monthRange(y, 6 * h - 5, 6));
const yearPeriod = (y: number) => make(pad(y, 4), 'year', ...monthRange(y, 1, 12));

const ID_PATTERNS: readonly [PeriodType, RegExp][] = [
  ['day', DATE_RE],
  ['week', /^(\d{4})W(\d{2})$/],
  ['month', /^(\d{4})-(\d{2})$/],
  ['quarter', /^(\d{4})Q([1-4])$/],
  ['half', /^(\d{4})S([12])$/],
  ['year', /^(\d{4})$/],
];

/** The period an id names, or undefined when the id is malformed or names no real period. */
export function tryParsePeriod(id: string): Period | undefined {
  try {
    return parseId(id);
  } catch (e) {
    if (e instanceof PeriodError) return undefined;
    throw e;
  }
}

function parseId(id: string): Period | undefined {
  if (typeof id !== 'string') return undefined;
  for (const [type, re] of ID_PATTERNS) {
    const m = re.exec(id);
    if (!m) continue;
    const y = Number(m[1]);
    const n = Number(m[2]);
    if (y < MIN_YEAR || y > MAX_YEAR) return undefined;
    switch (type) {
      case 'day': {
        const p = parseYmd(id);
        return p ? dayPeriod(...p) : undefined;
      }
      case 'week':
        return n >= 1 && n <= isoWeeksInYear(y) ? weekPeriod(y, n) : undefined;
      case 'month':
        return n >= 1 && n <= 12 ? monthPeriod(y, n) : undefined;
      case 'quarter':
        return quarterPeriod(y, n);
      case 'half':
        return halfPeriod(y, n);
      case 'year':
        return yearPeriod(y);
    }
  }
  return undefined;
}

/** The period an id names; throws PeriodError (code 'invalid') for anything malformed or impossible. */
export function parsePeriod(id: string): Period {
  const p = tryParsePeriod(id);
  if (!p) throw new PeriodError(String(id));
  return p;
}

/** The period of a type that contains a date (for a week: the ISO-8601 week). */
export function periodOf(type: PeriodType, date: string): Period {
  const z = dayOf(date);
  const [y, m, d] = civil(z);
  switch (type) {
    case 'day':
      return dayPeriod(y, m, d);
    case 'week': {
      const [isoYear, week] = isoWeekOfDay(z);
      return weekPeriod(isoYear, week);
    }
    case 'month':
      return monthPeriod(y, m);
    case 'quarter':
      return quarterPeriod(y, Math.ceil(m / 3));
    case 'half':
      return halfPeriod(y, m <= 6 ? 1 : 2);
    case 'year':
      return yearPeriod(y);
    default:
      throw new PeriodError(String(type), `Unknown period type ${JSON.stringify(type)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Containment

const rank = (t: PeriodType) => PERIOD_TYPES.indexOf(t);
/** The ISO week-year of a week id (`2025W01` → 2025). */
const weekYear = (p: Period) => Number(p.id.slice(0, 4));

/** The types whose periods contain a period of the given type (itself excluded), fine → coarse. */
const CONTAINERS: Record<PeriodType, readonly PeriodType[]> = {
  day: ['week', 'month', 'quarter', 'half', 'year'],
  week: ['year'],
  month: ['quarter', 'half', 'year'],
  quarter: ['half', 'year'],
  half: ['year'],
  year: [],
};

/**
 * The periods that contain a period, itself included, fine → coarse (see the containment rules at
 * the top of this file). With `types`, only periods of those types (itself only if its type is listed).
 */
export function containingPeriods(period: Period, types?: readonly PeriodType[]): Period[] {
  const wanted = (t: PeriodType) => !types || types.includes(t);
  const out: Period[] = wanted(period.type) ? [period] : [];
  for (const t of CONTAINERS[period.type]) {
    if (!wanted(t)) continue;
    out.push(period.type === 'week' ? yearPeriod(weekYear(period)) : periodOf(t, period.start));
  }
  return out;
}

/** Whether `outer` contains `inner` (a period contains itself); same rules as containingPeriods. */
export function contains(outer: Period, inner: Period): boolean {
  if (outer.id === inner.id) return true;
  if (inner.type === 'week') return outer.type === 'year' && Number(outer.id) === weekYear(inner);
  if (outer.type === 'week') return inner.type === 'day' && outer.start <= inner.start && inner.end <= outer.end;
  return rank(inner.type) < rank(outer.type) && outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * The periods of a type inside `outer`, in order: the 3 months of a quarter, the 12 months of a year,
 * the 52 or 53 ISO weeks of a year, the 7 days of a week. Empty when none is contained (a coarser
 * type, or weeks of a month or quarter); `[outer]` for its own type.
 */
export function periodsWithin(outer: Period, type: PeriodType): Period[] {
  if (type === outer.type) return [outer];
  if (type === 'week') {
    if (outer.type !== 'year') return [];
    const y = Number(outer.id);
    return Array.from({ length: isoWeeksInYear(y) }, (_, i) => weekPeriod(y, i + 1));
  }
  if (rank(type) > rank(outer.type)) return [];
  const out: Period[] = [];
  for (let p = periodOf(type, outer.start); p.start <= outer.end; p = nextPeriod(p)) out.push(p);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Order

/** The period of the same type just before. Throws PeriodError before year 0001. */
export function previousPeriod(p: Period): Period {
  return periodOf(p.type, checkedDate(dayOf(p.start) - 1));
}

/** The period of the same type just after. Throws PeriodError after year 9999. */
export function nextPeriod(p: Period): Period {
  return periodOf(p.type, checkedDate(dayOf(p.end) + 1));
}

/** Sort order: by start date, then finer first (day, week, month, quarter, half, year), then by end and id. */
export function comparePeriods(a: Period, b: Period): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  const r = rank(a.type) - rank(b.type);
  if (r !== 0) return r;
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Labels

const ROMAN = ['I', 'II', 'III', 'IV'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * How a period is written for people. Dates are dd/mm/yyyy in both languages (design.md);
 * week and month numbers are not zero-padded ("Tuần 1/2025", "Tháng 9/2025").
 */
export function periodLabel(p: Period, locale: 'vi' | 'en' = 'vi'): string {
  const y = Number(p.id.slice(0, 4));
  const n = Number(p.id.slice(5, 7));
  const vi = locale === 'vi';
  switch (p.type) {
    case 'day': {
      const [yy, mm, dd] = p.id.split('-');
      return `${dd}/${mm}/${yy}`;
    }
    case 'week':
      return vi ? `Tuần ${n}/${y}` : `Week ${n}, ${y}`;
    case 'month':
      return vi ? `Tháng ${n}/${y}` : `${EN_MONTHS[n - 1]} ${y}`;
    case 'quarter':
      return vi ? `Quý ${ROMAN[Number(p.id[5]) - 1]}/${y}` : `Q${p.id[5]} ${y}`;
    case 'half':
      return vi ? `6 tháng ${p.id[5] === '1' ? 'đầu' : 'cuối'} năm ${y}` : `H${p.id[5]} ${y}`;
    case 'year':
      return vi ? `Năm ${y}` : String(y);
  }
}

// ---------------------------------------------------------------------------------------------
// Data cut-off and deadlines

export type CutoffConvention = 'calendar' | 'nd09';

/**
 * The dates whose data a report for the period covers (thời gian chốt số liệu).
 * `calendar`: the period's own dates. `nd09` (Nghị định 09/2019/NĐ-CP Art. 12, as applied by the
 * provinces): for a month, quarter, half-year or year, from the 15th of the month before the
 * period's first month to the 14th of its last month — month 2025-09 → 2025-08-15..2025-09-14,
 * 2025Q3 → 2025-06-15..2025-09-14, 2025S1 → 2024-12-15..2025-06-14, 2025 → 2024-12-15..2025-12-14.
 * Days and weeks have no such rule and keep their own dates.
 */
export function reportingWindow(p: Period, convention: CutoffConvention): { start: string; end: string } {
  if (convention === 'calendar' || p.type === 'day' || p.type === 'week') return { start: p.start, end: p.end };
  const [y, m] = parseYmd(p.start)!;
  const [ly, lm] = parseYmd(p.end)!;
  const before = m === 1 ? ([y - 1, 12] as const) : ([y, m - 1] as const);
  if (before[0] < MIN_YEAR) throw new PeriodError(p.id, `No data cut-off window before year ${MIN_YEAR}`);
  return { start: ymd(before[0], before[1], 15), end: ymd(ly, lm, 14) };
}

export interface DeadlineRule {
  /** Calendar days after the base date (0: the base date itself; negative: before it). */
  offsetDays: number;
  /** Count from the period's last day, or from the last day of its cut-off window. */
  from: 'periodEnd' | 'windowEnd';
  /** Cut-off convention for `windowEnd` (default calendar, where the window ends with the period). */
  convention?: CutoffConvention;
}

/** The due date of a report for the period, `YYYY-MM-DD`. */
export function deadlineOf(p: Period, rule: DeadlineRule): string {
  const base = rule.from === 'windowEnd' ? reportingWindow(p, rule.convention ?? 'calendar').end : p.end;
  return addDays(base, rule.offsetDays);
}
