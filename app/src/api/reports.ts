/**
 * Reporting: report forms, the unit inbox, a submission (form × unit × period) and its workflow,
 * the approval queue, compliance and the history of one stored value.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile, uploadWithProgress } from './client';
import { analyticsKeys, XLSX_TYPE } from './indicators';
import type { Approvals, CellHistory, Compliance, FormSummary, Inbox, Page, Submission, SubmissionTaskInput, SubmissionValueInput } from './types';

export interface SubmissionRef {
  form: string;
  orgUnit: string;
  period: string;
}

export const reportKeys = {
  all: ['reports'] as const,
  forms: ['reports', 'forms'] as const,
  inbox: ['reports', 'inbox'] as const,
  approvals: ['reports', 'approvals'] as const,
  compliance: (form: string, period: string, orgUnit: string) => ['reports', 'compliance', form, period, orgUnit] as const,
  submission: (ref: SubmissionRef) => ['reports', 'submission', ref.form, ref.orgUnit, ref.period] as const,
  history: (indicator: string, orgUnit: string, period: string) => ['reports', 'history', indicator, orgUnit, period] as const,
};

const base = (ref: SubmissionRef) => `/submissions/${encodeURIComponent(ref.form)}/${encodeURIComponent(ref.orgUnit)}/${encodeURIComponent(ref.period)}`;

/** The app's address of a submission's entry grid. */
export const submissionPath = (ref: SubmissionRef) => `/reports/${encodeURIComponent(ref.form)}/${encodeURIComponent(ref.orgUnit)}/${encodeURIComponent(ref.period)}`;

export const reportsApi = {
  forms: (signal?: AbortSignal) => api.get<Page<FormSummary>>('/forms', { limit: 500 }, signal),
  inbox: (signal?: AbortSignal) => api.get<Inbox>('/inbox', { limit: 5000 }, signal),
  approvals: (signal?: AbortSignal) => api.get<Approvals>('/approvals', { limit: 1000 }, signal),
  compliance: (form: string, period: string, orgUnit: string, signal?: AbortSignal) => api.get<Compliance>('/compliance', { form, period, orgUnit }, signal),
  history: (indicator: string, orgUnit: string, period: string, signal?: AbortSignal) =>
    api.get<CellHistory>('/data-values/history', { indicator, orgUnit, period }, signal),
  get: (ref: SubmissionRef, signal?: AbortSignal) => api.get<Submission>(base(ref), undefined, signal),
  save: (ref: SubmissionRef, values: SubmissionValueInput[], tasks: SubmissionTaskInput[] = []) => api.put<Submission>(base(ref), tasks.length ? { values, tasks } : { values }),
  submit: (ref: SubmissionRef, values: SubmissionValueInput[], tasks: SubmissionTaskInput[] = []) =>
    api.post<Submission>(`${base(ref)}/submit`, { ...(values.length ? { values } : {}), ...(tasks.length ? { tasks } : {}) }),
  approve: (ref: SubmissionRef) => api.post<Submission>(`${base(ref)}/approve`),
  returnTo: (ref: SubmissionRef, reason: string) => api.post<Submission>(`${base(ref)}/return`, { reason }),
  reopen: (ref: SubmissionRef, reason: string) => api.post<Submission>(`${base(ref)}/reopen`, { reason }),
  template: (ref: SubmissionRef) => downloadFile(`${base(ref)}/template.xlsx`, `${ref.form}_${ref.orgUnit}_${ref.period}.xlsx`),
  upload: (ref: SubmissionRef, file: Blob, onProgress?: (fraction: number) => void) => uploadWithProgress<Submission>(`${base(ref)}/upload`, file, XLSX_TYPE, onProgress),
};

export function useForms(enabled = true) {
  return useQuery({ queryKey: reportKeys.forms, queryFn: ({ signal }) => reportsApi.forms(signal), enabled, staleTime: 60_000 });
}

export function useInbox(enabled = true) {
  return useQuery({ queryKey: reportKeys.inbox, queryFn: ({ signal }) => reportsApi.inbox(signal), enabled });
}

export function useApprovals(enabled = true) {
  return useQuery({ queryKey: reportKeys.approvals, queryFn: ({ signal }) => reportsApi.approvals(signal), enabled });
}

export function useCompliance(form: string | null, period: string | null, orgUnit: string | null) {
  return useQuery({
    queryKey: reportKeys.compliance(form ?? '', period ?? '', orgUnit ?? ''),
    queryFn: ({ signal }) => reportsApi.compliance(form!, period!, orgUnit!, signal),
    enabled: !!form && !!period && !!orgUnit,
    placeholderData: keepPreviousData,
  });
}

export function useSubmission(ref: SubmissionRef) {
  return useQuery({ queryKey: reportKeys.submission(ref), queryFn: ({ signal }) => reportsApi.get(ref, signal) });
}

export function useCellHistory(indicator: string | null, orgUnit: string, period: string) {
  return useQuery({
    queryKey: reportKeys.history(indicator ?? '', orgUnit, period),
    queryFn: ({ signal }) => reportsApi.history(indicator!, orgUnit, period, signal),
    enabled: !!indicator,
  });
}

/**
 * After a workflow step: the answer is the submission as it now stands; the lists that show it are
 * refetched, and after an approval the figures too (the rollups follow within a second).
 */
export function useSubmissionUpdate(ref: SubmissionRef) {
  const queryClient = useQueryClient();
  return async (next: Submission, published = false) => {
    queryClient.setQueryData(reportKeys.submission(ref), next);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: reportKeys.inbox }),
      queryClient.invalidateQueries({ queryKey: reportKeys.approvals }),
      queryClient.invalidateQueries({ queryKey: ['reports', 'compliance'] }),
      queryClient.invalidateQueries({ queryKey: ['reports', 'history'] }),
      published ? queryClient.invalidateQueries({ queryKey: analyticsKeys.all }) : Promise.resolve(),
    ]);
  };
}
