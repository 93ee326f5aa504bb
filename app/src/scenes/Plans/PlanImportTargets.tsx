import { Card, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATOR_UNITS, UNIT_LABEL_KEY, type IndicatorUnit } from '../../../../domain/indicators';
import { COMPARATORS, type Comparator, type TargetLevel } from '../../../../domain/targets';
import type { ExtractedTarget } from '../../../../domain/extract/types';
import { foldVietnamese } from '../../../../domain/text';
import type { IndicatorChoice, IndicatorSuggestion, ReviewDecision, TargetReview } from '../../api/planImports';
import { ItemHead, ItemText } from './PlanImportWidgets';
import type { ItemKey } from './PlanImportSource';

export interface IndicatorOption {
  id: number;
  code: string;
  name: string;
  unit: string;
}

const COMPARATOR_LABEL: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', between: '–' };
/** Levels a plan's target may apply to under the issuing unit ("cấp xã"…); 'self' is the issuing unit itself. */
const SCOPES = ['self', 'commune', 'district', 'department'] as const;
const NEW = 'new';

/** One extracted target: keep or drop it, correct its figures, choose the indicator that measures it. */
export const TargetCard = memo(function TargetCard(props: {
  index: number;
  item: TargetReview;
  /** accepted / edited / rejected as the review now stands (normaliseReview) */
  decision: ReviewDecision;
  extracted: ExtractedTarget;
  suggestions: IndicatorSuggestion[];
  catalogue: IndicatorOption[];
  issuerName: string;
  active: boolean;
  lang: string;
  onSelect: (key: ItemKey) => void;
  onChange: (index: number, patch: Partial<TargetReview>) => void;
}) {
  const { t } = useTranslation();
  const { index, item, extracted, onChange } = props;
  const key: ItemKey = `target-${index}`;
  const rejected = item.decision === 'rejected';
  const decimal = props.lang === 'en' ? '.' : ',';

  const options = useMemo(() => {
    const suggested = new Set(props.suggestions.map((s) => s.id));
    const label = (i: IndicatorOption) => `${i.code} — ${i.name}`;
    return [
      {
        label: t('planImport.targets.suggested'),
        options: props.suggestions.map((s) => ({ value: s.id, label: `${label(s)} (${Math.round(s.score * 100)}%)`, search: foldVietnamese(label(s)) })),
      },
      { label: t('planImport.targets.newGroup'), options: [{ value: NEW, label: t('planImport.targets.createNew'), search: foldVietnamese(t('planImport.targets.createNew')) }] },
      {
        label: t('planImport.targets.catalogue'),
        options: props.catalogue.filter((i) => !suggested.has(i.id)).map((i) => ({ value: i.id, label: label(i), search: foldVietnamese(label(i)) })),
      },
    ];
  }, [props.suggestions, props.catalogue, t]);

  const choice = item.indicator;
  const chosen = choice?.kind === 'existing' ? props.catalogue.find((i) => i.id === choice.id) : undefined;
  const setIndicator = (value: number | typeof NEW | undefined) => {
    let next: IndicatorChoice | null = null;
    if (value === NEW) next = { kind: 'new', name: choice?.kind === 'new' ? choice.name : extracted.indicator, unit: item.unit };
    else if (typeof value === 'number') next = { kind: 'existing', id: value };
    onChange(index, { indicator: next });
  };
  const unitLabel = (u: string) => (INDICATOR_UNITS as readonly string[]).includes(u) ? t(UNIT_LABEL_KEY[u as IndicatorUnit] as never) : u;

  return (
    <Card
      size="small"
      className={`import-item${props.active ? ' is-active' : ''}${rejected ? ' is-rejected' : ''}`}
      data-testid="import-target"
      data-item={key}
      data-index={index}
      data-decision={props.decision}
      data-active={props.active ? 'true' : undefined}
      onClickCapture={() => props.active || props.onSelect(key)}
    >
      <ItemHead
        itemRef={extracted.ref}
        decision={props.decision}
        summary={`${COMPARATOR_LABEL[item.comparator] === '–' ? `${item.value} – ${item.max ?? ''}` : `${COMPARATOR_LABEL[item.comparator]} ${item.value}`}${item.unit === '%' ? '%' : ''}${item.year ? ` · ${item.year}` : ''}`}
        onDecide={(decision) => onChange(index, { decision })}
      />
      <ItemText value={item.text} rejected={rejected} maxLength={4000} label={t('planImport.targets.text')} testId="import-target-text" onChange={(text) => onChange(index, { text })} />
      {rejected ? null : (
        <>
          <div className="import-item-fields">
            <label>
              <span>{t('planImport.targets.comparator')}</span>
              <Select<Comparator>
                value={item.comparator}
                options={COMPARATORS.map((c) => ({ value: c, label: t(`planImport.comparator.${c === 'between' ? 'between' : c === '>=' ? 'gte' : c === '>' ? 'gt' : c === '<=' ? 'lte' : c === '<' ? 'lt' : 'eq'}`) }))}
                onChange={(c) => onChange(index, { comparator: c, max: c === 'between' ? (item.max ?? item.value) : null })}
                popupMatchSelectWidth={false}
                data-testid="import-target-comparator"
              />
            </label>
            <label>
              <span>{item.comparator === 'between' ? t('planImport.targets.from') : t('planImport.targets.value')}</span>
              <InputNumber<number> value={item.value} decimalSeparator={decimal} onChange={(v) => v !== null && onChange(index, { value: v })} data-testid="import-target-value" />
            </label>
            {item.comparator === 'between' ? (
              <label>
                <span>{t('planImport.targets.to')}</span>
                <InputNumber<number> value={item.max ?? undefined} decimalSeparator={decimal} onChange={(v) => onChange(index, { max: v })} data-testid="import-target-max" />
              </label>
            ) : null}
            <label>
              <span>{t('planImport.targets.unit')}</span>
              <Select<IndicatorUnit>
                value={item.unit}
                options={INDICATOR_UNITS.map((u) => ({ value: u, label: unitLabel(u) }))}
                onChange={(u) => onChange(index, { unit: u, ...(choice?.kind === 'new' ? { indicator: { ...choice, unit: u } } : {}) })}
                popupMatchSelectWidth={false}
                data-testid="import-target-unit"
              />
            </label>
            <label>
              <span>{t('planImport.targets.year')}</span>
              <InputNumber<number> min={2000} max={2100} value={item.year ?? undefined} onChange={(v) => onChange(index, { year: v ?? null })} data-testid="import-target-year" />
            </label>
            <label className="import-field-wide">
              <span>{t('planImport.targets.scope')}</span>
              <Select<string>
                value={item.level ?? 'self'}
                options={SCOPES.map((s) => ({ value: s, label: s === 'self' ? props.issuerName : t('planImport.targets.level', { level: t(`targetLevel.${s}`) }) }))}
                onChange={(s) => onChange(index, { level: s === 'self' ? null : (s as TargetLevel) })}
                popupMatchSelectWidth={false}
                data-testid="import-target-scope"
              />
            </label>
          </div>
          {extracted.year === null ? <Typography.Text type="secondary" className="import-item-note">{t('planImport.targets.yearFromHorizon')}</Typography.Text> : null}
          <label className="import-indicator">
            <span>{t('planImport.targets.indicator')}</span>
            <Select<number | typeof NEW>
              showSearch={{ filterOption: (input, option) => !!option && 'search' in option && String(option.search).includes(foldVietnamese(input)) }}
              value={choice?.kind === 'existing' ? choice.id : choice?.kind === 'new' ? NEW : undefined}
              placeholder={t('planImport.targets.indicatorPlaceholder')}
              options={options}
              onChange={setIndicator}
              allowClear
              onClear={() => setIndicator(undefined)}
              status={choice ? undefined : 'warning'}
              data-testid="import-target-indicator"
            />
          </label>
          {choice?.kind === 'new' ? (
            <label className="import-indicator">
              <span>{t('planImport.targets.newName')}</span>
              <Input
                value={choice.name}
                maxLength={500}
                onChange={(e) => onChange(index, { indicator: { ...choice, name: e.target.value } })}
                data-testid="import-target-new-name"
              />
            </label>
          ) : chosen ? (
            <Typography.Text type="secondary" className="import-item-note" data-testid="import-target-chosen">
              {t('planImport.targets.chosenUnit', { unit: unitLabel(chosen.unit) })}
              {chosen.unit !== item.unit ? <Tag color="warning" className="import-unit-warning">{t('planImport.targets.unitDiffers')}</Tag> : null}
            </Typography.Text>
          ) : null}
        </>
      )}
    </Card>
  );
});

/** Chỉ tiêu tab: every extracted target in the document's order. */
export function TargetList(props: {
  items: TargetReview[];
  decisions: ReviewDecision[];
  extracted: ExtractedTarget[];
  suggestions: IndicatorSuggestion[][];
  catalogue: IndicatorOption[];
  issuerName: string;
  active: ItemKey | null;
  lang: string;
  onSelect: (key: ItemKey) => void;
  onChange: (index: number, patch: Partial<TargetReview>) => void;
}) {
  const { t } = useTranslation();
  if (props.items.length === 0) return <Typography.Text type="secondary">{t('planImport.targets.none')}</Typography.Text>;
  return (
    <div className="import-items" data-testid="import-targets">
      {props.items.map((item, i) => (
        <TargetCard
          key={i}
          index={i}
          item={item}
          decision={props.decisions[i] ?? item.decision}
          extracted={props.extracted[i]!}
          suggestions={props.suggestions[i] ?? []}
          catalogue={props.catalogue}
          issuerName={props.issuerName}
          active={props.active === `target-${i}`}
          lang={props.lang}
          onSelect={props.onSelect}
          onChange={props.onChange}
        />
      ))}
    </div>
  );
}

