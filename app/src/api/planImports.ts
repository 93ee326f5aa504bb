/**
 * Plan documents imported for review (/plan-imports): upload with a progress bar, the draft with
 * its extraction and review, saving, publishing and discarding. Shapes mirror
 * server/routes/planImportSchemas.ts; the review itself is the shared domain type.
 */
import { useQuery } from '@tanstack/react-query';
import type { PlanImportReview } from '../../../domain/extract/planReview';
import type { ExtractedDocument, ExtractedTarget, ExtractedTask, TextCorrection } from '../../../domain/extract/types';
import { api, uploadWithProgress } from './client';
import type { FileMeta, Page, PlanFull } from './types';

export type { IndicatorChoice, PlanImportReview, ReviewDecision, TargetReview, TaskReview } from '../../../domain/extract/planReview';

export type PlanImportStatus = 'draft' | 'published' | 'discarded';

interface Counts {
  total: number;
  accepted: number;
  edited: number;
  rejected: number;
}

export interface PlanImportSummary {
  id: number;
  status: PlanImportStatus;
  filename: string;
  format: string;
  fileId: number;
  issuer: { id: number; code: string; name: string };
  createdBy: { id: number; username: string; fullName: string };
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  publishedPlan: { id: number; number: string } | null;
  number: string | null;
  title: string | null;
  counts: { targets: Counts; tasks: Counts };
}

export interface IndicatorSuggestion {
  id: number;
  code: string;
  name: string;
  unit: string;
  score: number;
}

export interface PlanImportDetail extends PlanImportSummary {
  reading: { encoding: string; pages: number | null; warnings: string[] };
  extraction: {
    document: ExtractedDocument;
    targets: ExtractedTarget[];
    tasks: ExtractedTask[];
    corrections: TextCorrection[];
    warnings: string[];
    ocr: boolean;
    source: string;
  };
  review: PlanImportReview;
  proposal: PlanImportReview;
  defaultDueDate: string | null;
  suggestions: IndicatorSuggestion[][];
  indicators: { id: number; code: string; name: string; unit: string; archived: boolean }[];
  units: { id: number; code: string; name: string; closed: boolean }[];
  duplicate: { id: number; number: string } | null;
}

export interface PublishResult {
  plan: PlanFull;
  created: { targets: number; tasks: number; indicators: number };
  rejected: { targets: number; tasks: number };
  tasksDueAtHorizon: number;
  dueDateDefault: string | null;
}

export const planImportKeys = {
  all: ['plan-imports'] as const,
  list: (status: PlanImportStatus) => ['plan-imports', 'list', status] as const,
  detail: (id: number) => ['plan-imports', 'detail', id] as const,
};

export const planImportsApi = {
  /** The document goes up first, checked as a plan document (PDF, DOCX, .txt, .md), with the upload's progress. */
  upload: (file: File, onProgress?: (fraction: number) => void) =>
    uploadWithProgress<FileMeta>(`/files?name=${encodeURIComponent(file.name)}&purpose=plan`, file, 'application/octet-stream', onProgress),
  create: (fileId: number, issuerUnitId: number | null) => api.post<PlanImportDetail>('/plan-imports', { fileId, ...(issuerUnitId ? { issuerUnitId } : {}) }),
  list: (status: PlanImportStatus, signal?: AbortSignal) => api.get<Page<PlanImportSummary>>('/plan-imports', { status, limit: 100 }, signal),
  get: (id: number, signal?: AbortSignal) => api.get<PlanImportDetail>(`/plan-imports/${id}`, undefined, signal),
  saveReview: (id: number, review: PlanImportReview) => api.patch<PlanImportDetail>(`/plan-imports/${id}/review`, review),
  publish: (id: number) => api.post<PublishResult>(`/plan-imports/${id}/publish`),
  discard: (id: number) => api.delete(`/plan-imports/${id}`),
};

export function usePlanImports(status: PlanImportStatus = 'draft') {
  return useQuery({ queryKey: planImportKeys.list(status), queryFn: ({ signal }) => planImportsApi.list(status, signal) });
}

export function usePlanImport(id: number) {
  // The review page holds its own copy while the reviewer works; no refetch behind their back.
  return useQuery({ queryKey: planImportKeys.detail(id), queryFn: ({ signal }) => planImportsApi.get(id, signal), refetchOnWindowFocus: false, staleTime: Infinity });
}
