import { RightOutlined, SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePeriod, periodsWithin, type PeriodType } from '../../../../domain/periods';
import { foldVietnamese } from '../../../../domain/text';
import { useAnalyticsChildren } from '../../api/indicators';
import type { AnalyticsChildRow, Indicator } from '../../api/types';
import { AttainmentBar, TargetStatusTag } from '../../components/indicatorWidgets';
import { LoadError } from '../../components/LoadError';
import { formatNumberIn, formatTarget, formatValue, langOf, periodText, STATUS_ORDER } from '../../lib/indicators';
import { useIsMobile } from '../../lib/useIsMobile';

/** The periods a drill-down can be read for: the indicator's own (days by month), up to today. */
function periodChoices(indicator: Indicator, year: number): string[] {
  const type: PeriodType | null = indicator.periodType === 'day' ? 'month' : indicator.periodType === 'year' ? null : indicator.periodType;
  if (!type) return [];
  const today = new Date().toISOString().slice(0, 10);
  return periodsWithin(parsePeriod(String(year)), type)
    .filter((p) => p.start <= today)
    .map((p) => p.id);
}

interface Props {
  indicator: Indicator;
  unitCode: string;
  unitName: string;
  year: number;
  period: string;
  onPeriod: (period: string) => void;
  onDrill: (unitCode: string) => void;
}

/** The children of a unit with their figure, target, attainment and status; a row opens that unit. */
export function UnitBreakdown({ indicator, unitCode, unitName, year, period, onPeriod, onDrill }: Props) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const isMobile = useIsMobile();
  const children = useAnalyticsChildren(indicator.code, unitCode, period);
  const [search, setSearch] = useState('');
  const unit = indicator.unit;
  const decimals = indicator.decimals;
  const ratio = indicator.spaceAggregation === 'ratio';

  const all = useMemo(() => {
    const items = children.data?.items ?? [];
    // Units that reported come first; otherwise the server's order (by name).
    return [...items].sort((a, b) => Number(b.value !== null) - Number(a.value !== null));
  }, [children.data]);
  const rows = useMemo(() => {
    const needle = foldVietnamese(search);
    return needle ? all.filter((r) => foldVietnamese(`${r.orgUnit.name} ${r.orgUnit.code}`).includes(needle)) : all;
  }, [all, search]);
  const reported = all.filter((r) => r.value !== null).length;

  const unitCell = (r: AnalyticsChildRow) => (
    <div className="breakdown-unit">
      <Typography.Link className="breakdown-unit-name" onClick={() => onDrill(r.orgUnit.code)}>
        {r.orgUnit.name}
      </Typography.Link>
      <span className="breakdown-unit-meta">
        {r.orgUnit.code}
        {r.orgUnit.closedOn ? <Tag className="breakdown-closed">{t('units.status.closed')}</Tag> : null}
      </span>
    </div>
  );
  const valueCell = (r: AnalyticsChildRow) => (
    <div className="result-cell">
      <Typography.Text strong>{formatValue(t, r.value, unit, lang, decimals)}</Typography.Text>
      {ratio && r.numerator !== null && r.denominator !== null ? (
        <Typography.Text type="secondary" className="result-cell-period">
          {formatNumberIn(r.numerator, lang, decimals)} / {formatNumberIn(r.denominator, lang, decimals)}
        </Typography.Text>
      ) : null}
    </div>
  );

  const byValue = (a: AnalyticsChildRow, b: AnalyticsChildRow) => (a.value ?? -Infinity) - (b.value ?? -Infinity);
  const byStatus = (a: AnalyticsChildRow, b: AnalyticsChildRow) => STATUS_ORDER[a.status ?? 'none'] - STATUS_ORDER[b.status ?? 'none'];

  const columns: ColumnsType<AnalyticsChildRow> = isMobile
    ? [
        { key: 'unit', title: t('indicators.columns.unit'), sorter: (a, b) => a.orgUnit.name.localeCompare(b.orgUnit.name, 'vi'), render: (_v, r) => unitCell(r) },
        {
          key: 'result',
          title: t('indicators.columns.result'),
          width: 132,
          sorter: byValue,
          render: (_v, r) => (
            <div className="breakdown-phone-result">
              {valueCell(r)}
              <TargetStatusTag status={r.status} />
            </div>
          ),
        },
      ]
    : [
        { key: 'unit', title: t('indicators.columns.unit'), sorter: (a, b) => a.orgUnit.name.localeCompare(b.orgUnit.name, 'vi'), render: (_v, r) => unitCell(r) },
        { key: 'result', title: t('indicators.columns.result'), width: 180, sorter: byValue, render: (_v, r) => valueCell(r) },
        { key: 'target', title: t('indicators.columns.target'), width: 150, responsive: ['lg'], render: (_v, r) => formatTarget(t, r.target, unit, lang, decimals) },
        {
          key: 'attainment',
          title: t('indicators.columns.attainment'),
          width: 170,
          sorter: (a, b) => (a.attainment ?? -1) - (b.attainment ?? -1),
          render: (_v, r) => <AttainmentBar attainment={r.attainment} status={r.status} />,
        },
        { key: 'status', title: t('indicators.columns.status'), width: 150, sorter: byStatus, render: (_v, r) => <TargetStatusTag status={r.status} /> },
        { key: 'open', width: 36, render: () => <RightOutlined className="breakdown-open" aria-hidden="true" /> },
      ];

  const choices = periodChoices(indicator, year);
  return (
    <>
      <div className="breakdown-tools">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('indicators.detail.unitSearch')}
          aria-label={t('indicators.detail.unitSearch')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="breakdown-search"
          data-testid="breakdown-search"
        />
        <Select<string>
          value={period}
          onChange={onPeriod}
          aria-label={t('indicators.detail.breakdownPeriod')}
          options={[
            { value: String(year), label: t('indicators.detail.wholeYear', { year }) },
            ...choices.map((id) => ({ value: id, label: periodText(id, lang) })),
          ]}
          className="breakdown-period"
          data-testid="breakdown-period"
        />
        {children.data ? (
          <Typography.Text type="secondary" className="breakdown-count">
            {t('indicators.detail.withData', { count: reported, total: all.length })}
          </Typography.Text>
        ) : null}
      </div>
      {children.error && !children.data ? (
        <LoadError error={children.error} onRetry={() => void children.refetch()} />
      ) : (
        <Table<AnalyticsChildRow>
          rowKey={(r) => r.orgUnit.id}
          data-testid="unit-breakdown"
          columns={columns}
          dataSource={rows}
          loading={children.isFetching}
          size={isMobile ? 'small' : 'middle'}
          tableLayout="fixed"
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small', simple: isMobile } : false}
          onRow={(r) => ({
            onClick: (e) => {
              if (!(e.target as HTMLElement).closest('a')) onDrill(r.orgUnit.code);
            },
            onKeyDown: (e) => {
              if (e.key === 'Enter') onDrill(r.orgUnit.code);
            },
            tabIndex: 0,
            className: 'clickable-row',
            'data-unit': r.orgUnit.code,
          })}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={search ? t('units.select.noMatch') : t('indicators.detail.breakdownEmpty', { unit: unitName })} />,
          }}
        />
      )}
    </>
  );
}
