/**
 * Plans (kế hoạch) and tasks (nhiệm vụ): lists, the task with its timeline, progress reports,
 * comments, state changes, evidence files, statistics and budgets.
 */
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildQuery, uploadWithProgress, type QueryValue } from './client';
import type {
  BudgetLineInput,
  FileMeta,
  Page,
  PlanBudget,
  PlanDetail,
  PlanFull,
  PlanListQuery,
  Target,
  TaskDetail,
  Task,
  TaskImportResult,
  TaskInput,
  TaskListQuery,
  TaskState,
  TaskStatistics,
  TimelineEntry,
} from './types';

export const taskKeys = {
  all: ['tasks'] as const,
  list: (query: TaskListQuery) => ['tasks', 'list', query] as const,
  statistics: (plan?: number, leadUnit?: number) => ['tasks', 'statistics', plan ?? null, leadUnit ?? null] as const,
  detail: (id: number) => ['tasks', 'detail', id] as const,
  timeline: (id: number) => ['tasks', 'timeline', id] as const,
  children: (id: number) => ['tasks', 'children', id] as const,
};

export const planPageKeys = {
  all: ['plans'] as const,
  list: (query: PlanListQuery) => ['plans', 'list', query] as const,
  detail: (id: number) => ['plans', 'detail', id] as const,
  budget: (id: number, year?: number) => ['plans', 'budget', id, year ?? null] as const,
  targets: (id: number) => ['plans', 'targets', id] as const,
};

const TASK_PAGE = 100;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PLAN_PAGE = 50;

/** The address of the XLSX appendix of a filtered task list (built by the server). */
export const taskExportUrl = (query: TaskListQuery) => {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  return `/api/v1/tasks/export.xlsx${buildQuery(filters as Record<string, QueryValue>)}`;
};

export const tasksApi = {
  list: (query: TaskListQuery, signal?: AbortSignal) => api.get<Page<Task>>('/tasks', { ...query }, signal),
  statistics: (plan?: number, leadUnit?: number, signal?: AbortSignal) => api.get<TaskStatistics>('/tasks/statistics', { plan, leadUnit }, signal),
  get: (id: number, signal?: AbortSignal) => api.get<TaskDetail>(`/tasks/${id}`, undefined, signal),
  timeline: (id: number, signal?: AbortSignal) => api.get<{ items: TimelineEntry[] }>(`/tasks/${id}/timeline`, undefined, signal),
  progress: (id: number, body: string, progress: number, fileIds: number[]) => api.post<TaskDetail>(`/tasks/${id}/progress`, { body, progress, fileIds }),
  comment: (id: number, body: string, fileIds: number[]) => api.post<TimelineEntry>(`/tasks/${id}/comments`, { body, fileIds }),
  changeState: (id: number, state: TaskState, reason: string | null, completedOn: string | null) =>
    api.post<TaskDetail>(`/tasks/${id}/state`, { state, ...(reason ? { reason } : {}), ...(completedOn ? { completedOn } : {}) }),
  create: (input: TaskInput) => api.post<TaskDetail>('/tasks', input),
  update: (id: number, input: Omit<TaskInput, 'planId'>) => api.patch<TaskDetail>(`/tasks/${id}`, input),
  setBudget: (id: number, lines: BudgetLineInput[]) => api.put<TaskDetail>(`/tasks/${id}/budget`, { lines }),
  /** The XLSX appendix into a plan: every row or none (422 lists the rows). */
  importAppendix: (planId: number, file: File, onProgress?: (fraction: number) => void) =>
    uploadWithProgress<TaskImportResult>(`/plans/${planId}/tasks/import`, file, XLSX_TYPE, onProgress),
  /** Evidence goes up first (content-checked by the server), then is attached by id. */
  upload: (file: File, onProgress?: (fraction: number) => void) =>
    uploadWithProgress<FileMeta>(`/files?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream', onProgress),
};

export const plansApi = {
  list: (query: PlanListQuery, signal?: AbortSignal) => api.get<Page<PlanFull>>('/plans', { ...query }, signal),
  get: (id: number, signal?: AbortSignal) => api.get<PlanDetail>(`/plans/${id}`, undefined, signal),
  budget: (id: number, year?: number, signal?: AbortSignal) => api.get<PlanBudget>(`/plans/${id}/budget`, { year }, signal),
  targets: (id: number, signal?: AbortSignal) => api.get<Page<Target>>('/targets', { plan: id, limit: 1000 }, signal),
};

export function useTaskList(query: TaskListQuery) {
  return useInfiniteQuery({
    queryKey: taskKeys.list(query),
    queryFn: ({ pageParam, signal }) => tasksApi.list({ ...query, limit: TASK_PAGE, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useTaskStatistics(plan?: number, leadUnit?: number) {
  return useQuery({
    queryKey: taskKeys.statistics(plan, leadUnit),
    queryFn: ({ signal }) => tasksApi.statistics(plan, leadUnit, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: number) {
  return useQuery({ queryKey: taskKeys.detail(id), queryFn: ({ signal }) => tasksApi.get(id, signal) });
}

export function useTaskTimeline(id: number) {
  return useQuery({ queryKey: taskKeys.timeline(id), queryFn: ({ signal }) => tasksApi.timeline(id, signal) });
}

export function useSubTasks(id: number, enabled: boolean) {
  return useQuery({ queryKey: taskKeys.children(id), queryFn: ({ signal }) => tasksApi.list({ parent: id, limit: 500 }, signal), enabled });
}

/** After a write: the task as it now stands, its timeline, and every list and count refetched. */
export function useTaskUpdate(id: number) {
  const queryClient = useQueryClient();
  return async (next?: TaskDetail) => {
    if (next) queryClient.setQueryData(taskKeys.detail(id), next);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      queryClient.invalidateQueries({ queryKey: planPageKeys.all }),
    ]);
  };
}

export function usePlanList(query: PlanListQuery) {
  return useInfiniteQuery({
    queryKey: planPageKeys.list(query),
    queryFn: ({ pageParam, signal }) => plansApi.list({ ...query, limit: PLAN_PAGE, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: number) {
  return useQuery({ queryKey: planPageKeys.detail(id), queryFn: ({ signal }) => plansApi.get(id, signal) });
}

export function usePlanBudget(id: number, year?: number) {
  return useQuery({ queryKey: planPageKeys.budget(id, year), queryFn: ({ signal }) => plansApi.budget(id, year, signal), placeholderData: keepPreviousData });
}

export function usePlanTargets(id: number | undefined) {
  return useQuery({ queryKey: planPageKeys.targets(id ?? 0), queryFn: ({ signal }) => plansApi.targets(id!, signal), enabled: !!id });
}
