/**
 * How indicator figures, targets and periods are written on screen: Vietnamese number format
 * (3.658.476; 99,68%), period labels from domain/periods ("Tháng 9/2025", "Quý III/2025"), the
 * target's comparator ("≥ 80%", "80% – 90%"), and the labels of the catalogue's vocabularies.
 */
import type { TFunction } from 'i18next';
import { isIndicatorUnit, UNIT_LABEL_KEY } from '../../../domain/indicators';
import { periodLabel, tryParsePeriod } from '../../../domain/periods';
import type { Indicator, OrgUnitSummary, TargetRef, TargetStatus, User } from '../api/types';

type Lang = 'vi' | 'en';
export const langOf = (language: string | undefined): Lang => (language === 'en' ? 'en' : 'vi');

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(lang: Lang, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${lang}:${maximumFractionDigits}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits })));
  return f;
}

/** A plain number in the language's format: 3.658.476 and 99,68 in Vietnamese. */
export function formatNumberIn(value: number, lang: Lang, decimals = 2): string {
  return formatter(lang, Math.max(0, Math.min(decimals, 6))).format(value);
}

/** The short word written after a figure ("ngày", "triệu đồng"); empty for counts, indices, %. */
export function unitSuffix(t: TFunction, unit: string): string {
  if (!isIndicatorUnit(unit) || unit === '%') return '';
  return t(`unitSuffix.${UNIT_LABEL_KEY[unit].split('.')[1]}` as never) as string;
}

/** A figure with its unit: "99,68%", "3.658.476", "12,5 triệu đồng"; "—" for none. */
export function formatValue(t: TFunction, value: number | null | undefined, unit: string, lang: Lang, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return t('common.none');
  const n = formatNumberIn(value, lang, decimals);
  if (unit === '%') return `${n}%`;
  const suffix = unitSuffix(t, unit);
  return suffix ? `${n} ${suffix}` : n;
}

const COMPARATOR_SIGNS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** A target as people write it: "≥ 80%", "≤ 5 ngày", "80% – 90%". */
export function formatTarget(t: TFunction, target: Pick<TargetRef, 'comparator' | 'value' | 'valueMax'> | null, unit: string, lang: Lang, decimals = 2): string {
  if (!target) return t('common.none');
  if (target.comparator === 'between') {
    return `${formatValue(t, target.value, unit, lang, decimals)} – ${formatValue(t, target.valueMax ?? target.value, unit, lang, decimals)}`;
  }
  return `${COMPARATOR_SIGNS[target.comparator] ?? target.comparator} ${formatValue(t, target.value, unit, lang, decimals)}`;
}

/** Attainment (1 = 100 %) as "99,7%". */
export function formatAttainment(t: TFunction, attainment: number | null | undefined, lang: Lang): string {
  if (attainment === null || attainment === undefined || !Number.isFinite(attainment)) return t('common.none');
  return `${formatNumberIn(attainment * 100, lang, 1)}%`;
}

/** "Tháng 9/2025", "Quý III/2025"; an id that is not a period is shown as it is. */
export function periodText(id: string | null | undefined, lang: Lang): string {
  if (!id) return '';
  const p = tryParsePeriod(id);
  return p ? periodLabel(p, lang) : id;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A compact label for a chart axis: "T9" / "Sep", "Quý III" / "Q3", "6T đầu" / "H1", "T38" / "W38". */
export function shortPeriodText(id: string, lang: Lang): string {
  const p = tryParsePeriod(id);
  if (!p) return id;
  const vi = lang === 'vi';
  switch (p.type) {
    case 'day':
      return `${id.slice(8, 10)}/${id.slice(5, 7)}`;
    case 'week':
      return vi ? `T${Number(id.slice(5))}` : `W${Number(id.slice(5))}`;
    case 'month':
      return vi ? `T${Number(id.slice(5, 7))}` : EN_MONTHS[Number(id.slice(5, 7)) - 1]!;
    case 'quarter':
      return vi ? `Quý ${ROMAN[Number(id[5]) - 1]}` : `Q${id[5]}`;
    case 'half':
      return vi ? (id[5] === '1' ? '6T đầu' : '6T cuối') : `H${id[5]}`;
    case 'year':
      return id;
  }
}

export const STATUS_COLORS: Record<TargetStatus | 'none', string> = {
  achieved: 'success',
  not_achieved: 'error',
  at_risk: 'warning',
  no_data: 'default',
  none: 'default',
};

/** Solid colours of the same meaning, for bars and charts. */
export const STATUS_HEX: Record<TargetStatus | 'none', string> = {
  achieved: '#389e0d',
  not_achieved: '#cf1322',
  at_risk: '#d46b08',
  no_data: '#bfbfbf',
  none: '#8c8c8c',
};

/** Worst first: what a leader looks at first when sorting by status. */
export const STATUS_ORDER: Record<TargetStatus | 'none', number> = { not_achieved: 0, at_risk: 1, achieved: 2, no_data: 3, none: 4 };

export function unitLabel(t: TFunction, unit: string): string {
  return isIndicatorUnit(unit) ? (t(UNIT_LABEL_KEY[unit] as never) as string) : unit;
}

export function pillarLabel(t: TFunction, pillar: string | null | undefined): string {
  if (!pillar) return t('common.none');
  return t(`pillar.${pillar}` as never, { defaultValue: pillar }) as string;
}

/** How the indicator's figures combine, in words. */
export function aggregationText(t: TFunction, indicator: Pick<Indicator, 'unit' | 'spaceAggregation' | 'timeAggregation' | 'periodType'>): string {
  const space =
    indicator.spaceAggregation === 'ratio' && indicator.unit === '%'
      ? t('aggregation.space.ratioPercent')
      : t(`aggregation.space.${indicator.spaceAggregation}`);
  return [t(`aggregation.reporting.${indicator.periodType}`), space, t(`aggregation.time.${indicator.timeAggregation}`)].join(' ');
}

/**
 * Whether the user may change the shared catalogue: the server allows it to coordinators and
 * admins at a top unit of the tree only (catalog.topLevelOnly).
 */
export function canEditCatalog(user: User, roots: readonly OrgUnitSummary[] | undefined): boolean {
  if (!roots) return false;
  return roots.some((r) => r.parentId === null && user.memberships.some((m) => m.orgUnitId === r.id && (m.role === 'coordinator' || m.role === 'admin')));
}

/** The unit a page starts from: the largest top unit of the user's scope. */
export function defaultTopUnit(roots: readonly OrgUnitSummary[] | undefined): OrgUnitSummary | undefined {
  if (!roots || roots.length === 0) return undefined;
  return [...roots].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null) || b.childCount - a.childCount)[0];
}
