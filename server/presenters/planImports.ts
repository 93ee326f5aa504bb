/** Imported plan documents as the API shows them: a summary for lists, the whole review for the review page. */
import type { IndicatorSuggestion } from '../../domain/extract/indicatorSuggest.ts';
import { horizonDueDate, reviewCounts, type PlanImportReview } from '../../domain/extract/planReview.ts';
import type { ExtractionResult } from '../../domain/extract/types.ts';
import type { PlanImportView } from '../store/planImports.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export interface Reading {
  encoding: string;
  pages: number | null;
  warnings: string[];
}

export function presentPlanImportSummary(v: PlanImportView) {
  const result = v.result as ExtractionResult;
  const review = v.review as PlanImportReview;
  return {
    id: v.id,
    status: v.status,
    filename: v.filename,
    format: v.format,
    fileId: v.file_id,
    issuer: { id: v.org_unit_id, code: v.issuer_code, name: v.issuer_name },
    createdBy: { id: v.created_by, username: v.creator_username, fullName: v.creator_name },
    createdAt: iso(v.created_at)!,
    updatedAt: iso(v.updated_at)!,
    publishedAt: iso(v.published_at),
    publishedPlan: v.published_plan_id === null ? null : { id: v.published_plan_id, number: v.plan_number ?? '' },
    number: review.document.number || result.document.number,
    title: review.document.title || result.document.title,
    counts: reviewCounts(review),
  };
}

export interface PlanImportExtras {
  suggestions: IndicatorSuggestion[][];
  indicators: { id: number; code: string; name: string; unit: string; archived_at: Date | null }[];
  units: { id: number; code: string; name: string; closed_on: string | null }[];
  duplicate: { id: number; number: string } | null;
}

/**
 * The review page's payload: the extraction (source text, items with their spans, corrections,
 * warnings — not the section tree and assignment clauses, which the page does not show), the
 * review and the proposal it started from (the page tells edited items apart as the reviewer
 * types), indicator suggestions per target, and the names of the units and indicators the review
 * refers to.
 */
export function presentPlanImport(v: PlanImportView, extras: PlanImportExtras) {
  const result = v.result as ExtractionResult;
  const review = v.review as PlanImportReview;
  const reading = (v.reading ?? {}) as Partial<Reading>;
  return {
    ...presentPlanImportSummary(v),
    reading: { encoding: reading.encoding ?? 'utf-8', pages: reading.pages ?? null, warnings: reading.warnings ?? [] },
    extraction: {
      document: result.document,
      targets: result.targets,
      tasks: result.tasks,
      corrections: result.corrections,
      warnings: result.warnings,
      ocr: result.ocr,
      source: result.source,
    },
    review,
    proposal: v.proposal as PlanImportReview,
    defaultDueDate: horizonDueDate(review.document.horizonYear),
    suggestions: extras.suggestions,
    indicators: extras.indicators.map((i) => ({ id: i.id, code: i.code, name: i.name, unit: i.unit, archived: i.archived_at !== null })),
    units: extras.units.map((u) => ({ id: u.id, code: u.code, name: u.name, closed: u.closed_on !== null })),
    duplicate: extras.duplicate,
  };
}
