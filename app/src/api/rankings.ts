/** Rankings (Xếp hạng): index models, a year's scores, publication. Shapes mirror server/routes/rankings.ts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type Normalisation = 'target' | 'minmax' | 'thresholds';
export type RankDirection = 'higher' | 'lower';
export interface ThresholdStep {
  from: number;
  points: number;
}
export interface ComponentParams {
  target?: number;
  steps?: ThresholdStep[];
}

export interface IndexModel {
  id: number;
  name: string;
  description: string | null;
  anchorUnit: { id: number; code: string; name: string };
  unitKinds: string[] | null;
  group: { id: number; code: string; name: string } | null;
  publishedYears: number[];
  pillars: {
    id: number;
    name: string;
    weight: number;
    components: { id: number; indicator: { id: number; code: string; name: string; unit: string }; maxPoints: number; normalisation: Normalisation; params: ComponentParams; direction: RankDirection }[];
  }[];
  updatedAt: string;
}

export interface IndexModelInput {
  name: string;
  description?: string | null;
  anchorUnitId: number;
  unitKinds?: string[] | null;
  groupId?: number | null;
  pillars: { name: string; weight: number; components: { indicatorId: number; maxPoints: number; normalisation: Normalisation; params?: ComponentParams | null; direction?: RankDirection | null }[] }[];
}

export interface RankingRow {
  unitId: number;
  unitCode: string;
  unitName: string;
  rank: number;
  score: number;
  pillars: { pillarId: number; value: number; points: number }[];
  components: { componentId: number; value: number | null; normalised: number; points: number; missing: boolean }[];
  missing: number;
  change: { score: number; rank: number } | null;
}

export interface Ranking {
  model: { id: number; name: string };
  year: number;
  published: boolean;
  publishedAt: string | null;
  publishedBy: string | null;
  computedAt: string;
  pillars: { id: number; name: string; weight: number; maxPoints: number }[];
  components: { id: number; pillarId: number; indicator: { id: number; code: string; name: string; unit: string }; maxPoints: number; normalisation: Normalisation; direction: RankDirection }[];
  previousYear: { year: number; published: boolean } | null;
  average: { score: number; pillars: { pillarId: number; value: number }[] };
  rows: RankingRow[];
}

export interface RankingTop {
  model: { id: number; name: string } | null;
  year: number;
  published: boolean;
  top: { unitId: number; unitName: string; rank: number; score: number; change: number | null }[];
  bottom: { unitId: number; unitName: string; rank: number; score: number; change: number | null }[];
}

export const rankingKeys = {
  all: ['rankings'] as const,
  models: ['rankings', 'models'] as const,
  scores: (model: number, year: number) => ['rankings', 'scores', model, year] as const,
  top: (unitId: number, year: number, limit: number) => ['rankings', 'top', unitId, year, limit] as const,
};

export const rankingsApi = {
  models: (signal?: AbortSignal) => api.get<{ items: IndexModel[] }>('/index-models', undefined, signal),
  scores: (model: number, year: number, signal?: AbortSignal) => api.get<Ranking>(`/index-models/${model}/scores`, { year }, signal),
  create: (body: IndexModelInput) => api.post<IndexModel>('/index-models', body),
  update: (id: number, body: IndexModelInput) => api.put<IndexModel>(`/index-models/${id}`, body),
  publish: (id: number, year: number) => api.post<Ranking>(`/index-models/${id}/publications/${year}`),
  unpublish: (id: number, year: number) => api.delete(`/index-models/${id}/publications/${year}`),
  top: (unitId: number, year: number, limit = 5, signal?: AbortSignal) => api.get<RankingTop>('/rankings/top', { unitId, year, limit }, signal),
};

export function useIndexModels() {
  return useQuery({ queryKey: rankingKeys.models, queryFn: ({ signal }) => rankingsApi.models(signal) });
}

export function useRanking(model: number | undefined, year: number) {
  return useQuery({
    queryKey: rankingKeys.scores(model ?? 0, year),
    queryFn: ({ signal }) => rankingsApi.scores(model!, year, signal),
    enabled: model !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The first ranking under a unit, its top and bottom (for dashboards). */
export function useRankingTop(unitId: number | undefined, year: number, limit = 5) {
  return useQuery({ queryKey: rankingKeys.top(unitId ?? 0, year, limit), queryFn: ({ signal }) => rankingsApi.top(unitId!, year, limit, signal), enabled: unitId !== undefined });
}

/** Saving a model or (un)publishing a year changes every ranking shown. */
export function useRankingMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: rankingKeys.all }) });
}
