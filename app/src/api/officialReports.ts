/**
 * Official reports of a plan for a period (/plans/:id/official-reports/:period, /report-jobs):
 * the draft (prefilled from the data when none is saved), saving it, starting a generation and
 * polling its progress. Shapes mirror server/routes/officialReports.ts.
 */
import { useQuery } from '@tanstack/react-query';
import type { ReportDraft } from '../../../domain/officialReport';
import { api } from './client';

export type { NarrativeKey, ReportDraft, SigningForm } from '../../../domain/officialReport';
export { NARRATIVE_KEYS, SIGNING_FORMS, defaultReportPeriod, reportPeriodChoices } from '../../../domain/officialReport';

export interface OfficialReportView {
  plan: { id: number; number: string; kind: string; title: string };
  period: { id: string; label: string; next: string };
  periods: { id: string; label: string }[];
  saved: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  canWrite: boolean;
  pdfAvailable: boolean;
  draft: ReportDraft;
  prefilled: ReportDraft['narratives'];
  preview: { subject: string; placeDate: string; signature: string[] };
}

export interface ReportJob {
  id: string;
  planId: number;
  period: string;
  status: 'running' | 'done' | 'failed';
  progress: number;
  step: 'collect' | 'docx' | 'xlsx' | 'pdf' | 'done';
  stepText: string;
  error: string | null;
  files: { kind: 'docx' | 'xlsx' | 'pdf'; name: string; size: number; url: string }[];
}

const path = (planId: number, period: string) => `/plans/${planId}/official-reports/${encodeURIComponent(period)}`;

export function useOfficialReport(planId: number, period: string | undefined) {
  return useQuery({
    queryKey: ['official-report', planId, period ?? ''],
    queryFn: ({ signal }) => api.get<OfficialReportView>(path(planId, period!), undefined, signal),
    enabled: Number.isFinite(planId) && Boolean(period),
  });
}

export const saveOfficialReport = (planId: number, period: string, draft: ReportDraft) => api.put<OfficialReportView>(path(planId, period), draft);
export const generateOfficialReport = (planId: number, period: string, pdf: boolean) => api.post<ReportJob>(`${path(planId, period)}/generate`, { pdf });
export const reportJob = (id: string) => api.get<ReportJob>(`/report-jobs/${id}`);

