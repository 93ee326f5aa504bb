/**
 * The review of an extracted plan document before it is published: what the extraction proposes
 * for each target and task, the reviewer's decisions and edits, and the checks a review must pass
 * to be saved and to be published. Pure, no I/O; the server stores the review as JSON
 * (server/commands/planImports.ts) and the review page edits the same shape.
 *
 * Choices made here:
 * - Every item starts accepted: a reviewer rejects what is wrong rather than ticking 54 tasks.
 *   An item is 'edited' when accepted with any field other than its indicator or units changed
 *   from the proposal (normaliseReview decides it, not the client).
 * - A target is measured by an existing indicator or by one to be created. The proposal takes the
 *   best suggestion when it scores at least AUTO_MATCH_SCORE, otherwise it proposes a new
 *   indicator named by the target's indicator phrase.
 * - Scope: a target the document gives for the city (or for no level) applies to the issuing unit
 *   itself; "cấp huyện" / "cấp xã" become level targets anchored at the issuing unit.
 * - A target without a year takes the plan's horizon year (the reviewer sees it flagged).
 * - Tasks: the first lead agency the registry resolves is the lead unit; other resolved lead
 *   agencies join the cooperating units (the model has one lead). A task whose document gives no
 *   deadline (the document states none) is due at the end of the plan's horizon year.
 */
import { isIndicatorUnit, type IndicatorUnit } from '../indicators.ts';
import { PLAN_KINDS, type PlanKind } from '../plans.ts';
import type { Comparator, TargetLevel } from '../targets.ts';
import { cleanName, foldVietnamese } from '../text.ts';
import type { IndicatorSuggestion } from './indicatorSuggest.ts';
import type { DocumentKind, ExtractedTarget, ExtractedTask, ExtractionResult, Comparator as ExtractedComparator, TargetScope } from './types.ts';

export const REVIEW_DECISIONS = ['accepted', 'edited', 'rejected'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const AUTO_MATCH_SCORE = 0.6;

export type IndicatorChoice = { kind: 'existing'; id: number } | { kind: 'new'; name: string; unit: IndicatorUnit; code?: string | null };

export interface DocumentReview {
  kind: PlanKind | null;
  number: string;
  title: string;
  issuedOn: string | null;
  horizonFrom: number | null;
  horizonYear: number | null;
  /** The unit issuing the plan; its 'plan.write' holders review and publish. */
  issuerUnitId: number;
}

export interface TargetReview {
  decision: ReviewDecision;
  text: string;
  value: number;
  max: number | null;
  unit: IndicatorUnit;
  comparator: Comparator;
  year: number | null;
  /** null: the issuing unit itself; a level: every unit of that level under the issuing unit. */
  level: TargetLevel | null;
  indicator: IndicatorChoice | null;
}

export interface TaskReview {
  decision: ReviewDecision;
  ref: string | null;
  group: string | null;
  title: string;
  leadUnitId: number | null;
  cooperatingUnitIds: number[];
  /** null: the end of the plan's horizon year */
  dueDate: string | null;
}

export interface PlanImportReview {
  document: DocumentReview;
  targets: TargetReview[];
  tasks: TaskReview[];
}

// ---------------------------------------------------------------------------------------------
// From the extraction's words to the models'

const DOCUMENT_KIND_TO_PLAN: Partial<Record<DocumentKind, PlanKind>> = { QD: 'QĐ', DA: 'ĐA' };

export function planKindOf(kind: DocumentKind | null): PlanKind | null {
  if (!kind || kind === 'other') return null;
  const mapped = DOCUMENT_KIND_TO_PLAN[kind] ?? kind;
  return (PLAN_KINDS as readonly string[]).includes(mapped) ? (mapped as PlanKind) : null;
}

/** The extraction's comparator in the targets model's words (older extractions called a range 'range'). */
export const comparatorOf = (c: ExtractedComparator | 'range'): Comparator => (c === 'range' ? 'between' : c);

export function levelOfScope(scope: TargetScope): TargetLevel | null {
  if (scope === 'district') return 'district';
  if (scope === 'commune') return 'commune';
  return null;
}

/** Units as documents write them, folded, to the catalogue's units of measure. */
const UNIT_WORDS: [RegExp, IndicatorUnit][] = [
  [/^(phan tram|percent)$/, '%'],
  [/^(ty dong|ty vnd|billion vnd)$/, 'billion VND'],
  [/^(trieu dong|trieu vnd|million vnd)$/, 'million VND'],
  [/^(dong|vnd|vnđ)$/, 'VND'],
  [/^(nguoi|nguoi dan|lao dong|people)$/, 'people'],
  [/^(ngay|ngay lam viec|days?)$/, 'days'],
  [/^(gio|hours?)$/, 'hours'],
  [/^(hang|thu hang|vi tri|rank)$/, 'rank'],
  [/^(chi so|diem|index)$/, 'index'],
  [/^(so|so luong|count|cai|chiec|ho|doanh nghiep|don vi|co so|he thong|dich vu|tram|xa|phuong)$/, 'count'],
];

/** The catalogue's unit of measure for a unit as extracted ("%", "rank", "doanh nghiệp"…); 'other' when unknown. */
export function indicatorUnitOf(unit: string | null | undefined): IndicatorUnit {
  const raw = (unit ?? '').trim();
  if (isIndicatorUnit(raw)) return raw;
  const folded = foldVietnamese(raw);
  if (raw === '%') return '%';
  for (const [pattern, mapped] of UNIT_WORDS) if (pattern.test(folded)) return mapped;
  return 'other';
}

/**
 * The plan's horizon from its title ("đến năm 2025, định hướng đến năm 2030" → 2030; "giai đoạn
 * 2021 – 2025" → 2021–2025) and, failing that, the latest year its targets name.
 */
export function planHorizon(title: string | null, targetYears: readonly (number | null)[]): { from: number | null; to: number | null } {
  const text = title ?? '';
  const span = /(?:giai\s+đoạn|thời\s+kỳ)\s+((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})/iu.exec(text);
  if (span) {
    const [from, to] = [Number(span[1]), Number(span[2])];
    if (from <= to) return { from, to };
  }
  const years = [...text.matchAll(/năm\s+((?:19|20)\d{2})/giu)].map((m) => Number(m[1]));
  const known = targetYears.filter((y): y is number => y !== null);
  const all = [...years, ...known];
  return { from: null, to: all.length ? Math.max(...all) : null };
}

/** A task's deadline when the document gives none: the last day of the plan's horizon year. */
export const horizonDueDate = (horizonYear: number | null): string | null => (horizonYear === null ? null : `${horizonYear}-12-31`);

const capitalise = (s: string) => (s ? s[0]!.toLocaleUpperCase('vi') + s.slice(1) : s);

export interface ProposalContext {
  issuerUnitId: number;
  /** The open unit a registry code resolves to (lineage followed), or null. */
  unitIdOf: (code: string) => number | null;
  /** Indicator suggestions of each target, in the order of result.targets. */
  suggestions: readonly (readonly IndicatorSuggestion[])[];
}

function proposeTarget(t: ExtractedTarget, suggestions: readonly IndicatorSuggestion[], horizonYear: number | null): TargetReview {
  const unit = indicatorUnitOf(t.unit);
  const comparator = comparatorOf(t.comparator);
  const best = suggestions[0];
  return {
    decision: 'accepted',
    text: cleanName(t.text),
    value: t.value,
    max: comparator === 'between' ? (t.max ?? t.value) : null,
    unit,
    comparator,
    year: t.year ?? horizonYear,
    level: levelOfScope(t.scope),
    indicator: best && best.score >= AUTO_MATCH_SCORE ? { kind: 'existing', id: best.id } : { kind: 'new', name: capitalise(cleanName(t.indicator || t.text)).slice(0, 500), unit },
  };
}

/** The heading of the section a task belongs to ("II.1.a.(1)" → the text of section "II.1"), as the task's group. */
function groupOf(ref: string, result: ExtractionResult): string | null {
  const parts = ref.split('.');
  if (parts.length < 3) return null;
  const head = parts.slice(0, 2).join('.');
  const section = result.sections.find((s) => s.ref === head);
  return section ? cleanName(section.text).replace(/[:.]$/, '').slice(0, 500) || null : null;
}

function proposeTask(t: ExtractedTask, result: ExtractionResult, ctx: ProposalContext): TaskReview {
  const resolve = (codes: (string | null)[]) => codes.flatMap((c) => (c ? [ctx.unitIdOf(c)] : [])).filter((id): id is number => id !== null);
  const leads = [...new Set(resolve(t.leadUnits.map((m) => m.unitCode)))];
  const lead = leads[0] ?? null;
  const cooperating = [...new Set([...leads.slice(1), ...resolve(t.cooperatingUnits.map((m) => m.unitCode))])].filter((id) => id !== lead);
  return {
    decision: 'accepted',
    ref: t.ref ? t.ref.slice(0, 50) : null,
    group: t.ref ? groupOf(t.ref, result) : null,
    title: cleanName(t.title).slice(0, 2000),
    leadUnitId: lead,
    cooperatingUnitIds: cooperating,
    dueDate: t.deadline ?? null,
  };
}

/** What the extraction proposes: the starting point of the review, and what 'edited' is measured against. */
export function proposeReview(result: ExtractionResult, ctx: ProposalContext): PlanImportReview {
  const horizon = planHorizon(result.document.title, result.targets.map((t) => t.year));
  return {
    document: {
      kind: planKindOf(result.document.kind),
      number: (result.document.number ?? '').trim().slice(0, 100),
      title: cleanName(result.document.title ?? '').slice(0, 2000),
      issuedOn: result.document.date,
      horizonFrom: horizon.from,
      horizonYear: horizon.to,
      issuerUnitId: ctx.issuerUnitId,
    },
    targets: result.targets.map((t, i) => proposeTarget(t, ctx.suggestions[i] ?? [], horizon.to)),
    tasks: result.tasks.map((t) => proposeTask(t, result, ctx)),
  };
}

// ---------------------------------------------------------------------------------------------
// Normalising and checking a review

const sameTarget = (a: TargetReview, b: TargetReview) =>
  a.text === b.text && a.value === b.value && a.max === b.max && a.unit === b.unit && a.comparator === b.comparator && a.year === b.year && a.level === b.level;
const sameTask = (a: TaskReview, b: TaskReview) => a.ref === b.ref && a.title === b.title && a.dueDate === b.dueDate && a.group === b.group;

/**
 * The review as stored: text cleaned, a range's bound dropped unless the comparator is a range,
 * units deduplicated, and each kept item 'accepted' or 'edited' by comparison with the proposal.
 */
export function normaliseReview(review: PlanImportReview, proposal: PlanImportReview): PlanImportReview {
  const decide = (decision: ReviewDecision, same: boolean): ReviewDecision => (decision === 'rejected' ? 'rejected' : same ? 'accepted' : 'edited');
  return {
    document: { ...review.document, number: review.document.number.trim(), title: cleanName(review.document.title) },
    targets: review.targets.map((t, i) => {
      const indicator: IndicatorChoice | null =
        t.indicator?.kind === 'new' ? { kind: 'new', name: cleanName(t.indicator.name), unit: t.indicator.unit, code: t.indicator.code?.trim() || null } : t.indicator;
      const next = { ...t, text: cleanName(t.text), max: t.comparator === 'between' ? t.max : null, indicator };
      return { ...next, decision: decide(t.decision, proposal.targets[i] !== undefined && sameTarget(next, proposal.targets[i]!)) };
    }),
    tasks: review.tasks.map((t, i) => {
      const next = {
        ...t,
        ref: t.ref?.trim() || null,
        group: t.group?.trim() || null,
        title: cleanName(t.title),
        cooperatingUnitIds: [...new Set(t.cooperatingUnitIds)],
      };
      const proposed = proposal.tasks[i];
      const sameUnits = proposed !== undefined && proposed.leadUnitId === next.leadUnitId && JSON.stringify([...proposed.cooperatingUnitIds].sort()) === JSON.stringify([...next.cooperatingUnitIds].sort());
      return { ...next, decision: decide(t.decision, proposed !== undefined && sameTask(next, proposed) && sameUnits) };
    }),
  };
}

export type ReviewProblemKey =
  | 'planImport.reviewCounts'
  | 'planImport.kindMissing'
  | 'planImport.numberMissing'
  | 'planImport.titleMissing'
  | 'planImport.horizonOrder'
  | 'planImport.dueBeforeIssue'
  | 'planImport.targetIndicatorMissing'
  | 'planImport.targetYearMissing'
  | 'planImport.targetRange'
  | 'planImport.newIndicatorName'
  | 'planImport.taskTitleMissing'
  | 'planImport.taskLeadMissing'
  | 'planImport.taskLeadCooperates'
  | 'planImport.taskDueMissing';

export interface ReviewProblem {
  /** Where, as the review's JSON path: "document.number", "targets[3].indicator", "tasks[0].leadUnitId" */
  path: string;
  key: ReviewProblemKey;
  /** `item` names the target or task ("I.1.a (80)", "II.1.a.(1)") for the message. */
  params: Record<string, string | number>;
}

/** How a message names an item: its reference and, for a target, its value. */
export const targetItem = (review: TargetReview, ref: string | null, index: number) => `${ref ?? `#${index + 1}`} (${review.value}${review.unit === '%' ? '%' : ''})`;
export const taskItem = (review: TaskReview, index: number) => review.ref ?? `#${index + 1}`;

/**
 * Problems that make a review unusable even as a draft: not one decision per extracted item, a
 * range upside down, a lead that also cooperates.
 */
export function draftProblems(review: PlanImportReview, counts: { targets: number; tasks: number }, refs: { targets: (string | null)[] }): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  if (review.targets.length !== counts.targets || review.tasks.length !== counts.tasks) {
    problems.push({ path: 'review', key: 'planImport.reviewCounts', params: { targets: counts.targets, tasks: counts.tasks } });
    return problems;
  }
  const d = review.document;
  if (d.horizonFrom !== null && d.horizonYear !== null && d.horizonFrom > d.horizonYear) {
    problems.push({ path: 'document.horizonFrom', key: 'planImport.horizonOrder', params: { from: d.horizonFrom, to: d.horizonYear } });
  }
  review.targets.forEach((t, i) => {
    if (t.comparator === 'between' && (t.max === null || t.max < t.value)) {
      problems.push({ path: `targets[${i}].max`, key: 'planImport.targetRange', params: { item: targetItem(t, refs.targets[i] ?? null, i) } });
    }
  });
  review.tasks.forEach((t, i) => {
    if (t.leadUnitId !== null && t.cooperatingUnitIds.includes(t.leadUnitId)) {
      problems.push({ path: `tasks[${i}].cooperatingUnitIds`, key: 'planImport.taskLeadCooperates', params: { item: taskItem(t, i) } });
    }
  });
  return problems;
}

/** Everything that must be settled before publishing, beyond the draft's own checks. */
export function publishProblems(review: PlanImportReview, refs: { targets: (string | null)[] }): ReviewProblem[] {
  const problems = draftProblems(review, { targets: review.targets.length, tasks: review.tasks.length }, refs);
  const d = review.document;
  if (!d.kind) problems.push({ path: 'document.kind', key: 'planImport.kindMissing', params: {} });
  if (!d.number.trim()) problems.push({ path: 'document.number', key: 'planImport.numberMissing', params: {} });
  if (!d.title.trim()) problems.push({ path: 'document.title', key: 'planImport.titleMissing', params: {} });
  review.targets.forEach((t, i) => {
    if (t.decision === 'rejected') return;
    const item = targetItem(t, refs.targets[i] ?? null, i);
    if (!t.indicator) problems.push({ path: `targets[${i}].indicator`, key: 'planImport.targetIndicatorMissing', params: { item } });
    else if (t.indicator.kind === 'new' && !t.indicator.name.trim()) problems.push({ path: `targets[${i}].indicator.name`, key: 'planImport.newIndicatorName', params: { item } });
    if (t.year === null) problems.push({ path: `targets[${i}].year`, key: 'planImport.targetYearMissing', params: { item } });
  });
  const fallbackDue = horizonDueDate(d.horizonYear);
  review.tasks.forEach((t, i) => {
    if (t.decision === 'rejected') return;
    const item = taskItem(t, i);
    if (!t.title.trim()) problems.push({ path: `tasks[${i}].title`, key: 'planImport.taskTitleMissing', params: { item } });
    if (t.leadUnitId === null) problems.push({ path: `tasks[${i}].leadUnitId`, key: 'planImport.taskLeadMissing', params: { item } });
    const due = t.dueDate ?? fallbackDue;
    if (due === null) problems.push({ path: `tasks[${i}].dueDate`, key: 'planImport.taskDueMissing', params: { item } });
    else if (d.issuedOn && due < d.issuedOn) problems.push({ path: `tasks[${i}].dueDate`, key: 'planImport.dueBeforeIssue', params: { item, due, issued: d.issuedOn } });
  });
  return problems;
}

/** Counts of a review, for the page's tabs and the publish summary. */
export function reviewCounts(review: PlanImportReview) {
  const count = (items: { decision: ReviewDecision }[], d: ReviewDecision) => items.filter((i) => i.decision === d).length;
  return {
    targets: { total: review.targets.length, accepted: count(review.targets, 'accepted'), edited: count(review.targets, 'edited'), rejected: count(review.targets, 'rejected') },
    tasks: { total: review.tasks.length, accepted: count(review.tasks, 'accepted'), edited: count(review.tasks, 'edited'), rejected: count(review.tasks, 'rejected') },
  };
}

// ---------------------------------------------------------------------------------------------
// Indicators the reviewer asks to create

/**
 * How a new indicator's figures combine, from its unit: a percentage is a ratio of reported parts
 * (files handled online / all files) and stands at its latest value; a rank, index or other
 * figure is averaged across units and stands at its latest value; counts, money, people and
 * durations add up. A target compared with ≤ or < is lower-is-better.
 */
export function newIndicatorDefinition(unit: IndicatorUnit, comparator: Comparator) {
  const additive = ['count', 'VND', 'million VND', 'billion VND', 'people', 'days', 'hours'].includes(unit);
  return {
    spaceAggregation: unit === '%' ? ('ratio' as const) : additive ? ('sum' as const) : ('avg' as const),
    timeAggregation: additive ? ('sum' as const) : ('latest' as const),
    direction: comparator === '<=' || comparator === '<' ? ('lower' as const) : ('higher' as const),
  };
}

/** A code for the n-th indicator a plan creates: "227-KH-UBND-01" (ASCII, ≤ 50 characters). */
export function newIndicatorCode(planNumber: string, n: number): string {
  const stem = foldVietnamese(planNumber).toUpperCase().replace(/\s+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'KH';
  const code = `${stem}-${String(n).padStart(2, '0')}`;
  return /[A-Z]/.test(code) ? code : `KH-${code}`.slice(0, 50);
}
