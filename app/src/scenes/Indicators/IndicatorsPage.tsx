import { DownloadOutlined, InboxOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { foldVietnamese } from '../../../../domain/text';
import { indicatorsApi, useIndicatorList, useOverview } from '../../api/indicators';
import { PILLARS, TARGET_STATUSES, type OverviewItem, type TargetStatus } from '../../api/types';
import { AttainmentBar, PillarTag, TargetStatusTag } from '../../components/indicatorWidgets';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { errorMessage } from '../../lib/errors';
import { formatTarget, formatValue, langOf, periodText, STATUS_ORDER } from '../../lib/indicators';
import { useIsMobile, useMediaQuery } from '../../lib/useIsMobile';
import { ArchivedIndicatorsDialog } from './ArchivedIndicatorsDialog';
import { ImportIndicatorsDialog } from './ImportIndicatorsDialog';
import { IndicatorFormDialog } from './IndicatorFormDialog';
import { currentYear, parseYear, useCatalogScope, yearOptions } from './useCatalogScope';

type StatusKey = TargetStatus | 'none';
const STATUS_KEYS: StatusKey[] = [...TARGET_STATUSES, 'none'];
const statusOf = (item: OverviewItem): StatusKey => item.status ?? 'none';

/** "Tháng 9/2026", or "Lũy kế đến Tháng 9/2026" for a flow whose figure sums the year. */
function resultPeriod(t: TFunction, item: OverviewItem, lang: 'vi' | 'en', cumulative: boolean): string {
  if (!item.latestPeriod) return t('indicators.noData');
  const label = periodText(item.latestPeriod, lang);
  return cumulative ? t('indicators.cumulativeTo', { period: label }) : label;
}

/**
 * Chỉ tiêu: every indicator at one unit for one year — latest figure against the target that
 * applies, attainment and status — with filters. Unit, year and filters live in the URL.
 */
export default function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  // The pillar has its own column on very wide screens, and sits under the code otherwise.
  const wide = useMediaQuery('(min-width: 1600px)');
  const [params, setParams] = useSearchParams();
  const { roots, topUnit, canEdit } = useCatalogScope();
  const [dialog, setDialog] = useState<'create' | 'import' | 'archived' | null>(null);
  const [exporting, setExporting] = useState(false);

  const unitCode = params.get('unit') || topUnit?.code || null;
  const explicitYear = parseYear(params.get('year'));
  const year = explicitYear ?? currentYear();
  const q = params.get('q') ?? '';
  const pillar = params.get('pillar') || null;
  const status = (params.get('status') as StatusKey | null) || null;

  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: key === 'q' },
    );

  const overview = useOverview(unitCode, year);
  const current = overview.data && overview.data.year === year && overview.data.orgUnit.code === unitCode ? overview.data : undefined;
  // Early in a year (or with last year's demo figures) the current year may hold nothing yet:
  // unless a year was asked for, show the previous one and say so.
  const emptyYear = !explicitYear && !!current && current.items.length > 0 && current.items.every((i) => i.latestPeriod === null);
  const previous = useOverview(emptyYear ? unitCode : null, year - 1);
  const usePrevious = emptyYear && !!previous.data && previous.data.year === year - 1 && previous.data.orgUnit.code === unitCode && previous.data.items.some((i) => i.latestPeriod !== null);
  const shown = usePrevious ? previous.data : (current ?? overview.data);
  const shownYear = shown?.year ?? year;

  const items = shown?.items ?? [];
  const searched = useMemo(() => {
    const needle = foldVietnamese(q);
    return items.filter((i) => (!pillar || i.indicator.pillar === pillar) && (!needle || foldVietnamese(`${i.indicator.code} ${i.indicator.name}`).includes(needle)));
  }, [items, q, pillar]);
  const rows = useMemo(() => (status ? searched.filter((i) => statusOf(i) === status) : searched), [searched, status]);
  const counts = useMemo(() => {
    const c: Record<StatusKey, number> = { achieved: 0, not_achieved: 0, at_risk: 0, no_data: 0, none: 0 };
    for (const i of searched) c[statusOf(i)]++;
    return c;
  }, [searched]);

  const linkTo = (item: OverviewItem) => `/indicators/${encodeURIComponent(item.indicator.code)}?unit=${encodeURIComponent(shown?.orgUnit.code ?? '')}&year=${shownYear}`;
  // The overview does not say how an indicator combines over time; the catalogue does.
  const catalogue = useIndicatorList({ limit: 500 });
  const flows = useMemo(() => new Set((catalogue.data?.items ?? []).filter((i) => i.timeAggregation === 'sum').map((i) => i.id)), [catalogue.data]);
  const cumulative = (item: OverviewItem) => flows.has(item.indicator.id) && item.indicator.periodType !== 'year';

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await indicatorsApi.exportXlsx();
    } catch (e) {
      message.error(t('indicators.exportFailed', { message: errorMessage(e, t) }));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<OverviewItem> = [
    {
      key: 'indicator',
      title: t('indicators.columns.indicator'),
      sorter: (a, b) => a.indicator.code.localeCompare(b.indicator.code),
      render: (_v, item) => (
        <div className="indicator-cell">
          <Link to={linkTo(item)} className="indicator-cell-name" data-testid="indicator-link">
            {item.indicator.name}
          </Link>
          <span className="indicator-cell-meta">
            <Typography.Text type="secondary" className="indicator-cell-code">
              {item.indicator.code}
            </Typography.Text>
            {wide ? null : <PillarTag pillar={item.indicator.pillar} />}
          </span>
        </div>
      ),
    },
    {
      key: 'pillar',
      title: t('indicators.columns.pillar'),
      responsive: ['xxl'],
      width: 150,
      render: (_v, item) => <PillarTag pillar={item.indicator.pillar} />,
    },
    {
      key: 'result',
      title: t('indicators.columns.result'),
      width: 160,
      render: (_v, item) => (
        <div className="result-cell">
          <Typography.Text strong>{formatValue(t, item.value, item.indicator.unit, lang, item.indicator.decimals)}</Typography.Text>
          <Typography.Text type="secondary" className="result-cell-period">
            {resultPeriod(t, item, lang, cumulative(item))}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'target',
      title: t('indicators.targetYear', { year: shownYear }),
      width: 130,
      render: (_v, item) => formatTarget(t, item.target, item.indicator.unit, lang, item.indicator.decimals),
    },
    {
      key: 'attainment',
      title: t('indicators.columns.attainment'),
      width: 160,
      responsive: ['lg'],
      sorter: (a, b) => (a.attainment ?? -1) - (b.attainment ?? -1),
      render: (_v, item) => <AttainmentBar attainment={item.attainment} status={item.status} />,
    },
    {
      key: 'status',
      title: t('indicators.columns.status'),
      width: 160,
      sorter: (a, b) => STATUS_ORDER[statusOf(a)] - STATUS_ORDER[statusOf(b)],
      render: (_v, item) => (
        <div className="status-cell">
          <TargetStatusTag status={item.status} />
          {item.forecast !== null && item.status ? (
            <Typography.Text type="secondary" className="status-cell-forecast">
              {t('indicators.forecast', { value: formatValue(t, item.forecast, item.indicator.unit, lang, item.indicator.decimals) })}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
  ];

  const filtersActive = !!(q || pillar || status);
  const clearFilters = () =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const k of ['q', 'pillar', 'status']) next.delete(k);
      return next;
    });

  const emptyText = items.length === 0 ? (canEdit ? t('indicators.emptyEditor') : t('indicators.empty')) : t('indicators.noMatch');

  let body;
  if (roots.error) body = <LoadError error={roots.error} onRetry={() => void roots.refetch()} />;
  else if (roots.isLoading) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (!unitCode) body = <Empty description={t('units.tree.empty')} />;
  else if (overview.error && !shown) body = <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  else if (!shown) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (isMobile)
    body =
      rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
      ) : (
        <div className="indicator-cards" data-testid="indicator-cards">
          {rows.map((item) => (
            <Card
              key={item.indicator.id}
              size="small"
              className="indicator-card"
              data-testid="indicator-card"
              onClick={(e) => {
                if (!(e.target as HTMLElement).closest('a')) navigate(linkTo(item));
              }}
            >
              <Link to={linkTo(item)} className="indicator-card-name" data-testid="indicator-link">
                {item.indicator.name}
              </Link>
              <div className="indicator-card-meta">
                <Typography.Text type="secondary">{item.indicator.code}</Typography.Text>
                <PillarTag pillar={item.indicator.pillar} />
              </div>
              <div className="indicator-card-figures">
                <div>
                  <div className="indicator-card-label">{t('indicators.columns.result')}</div>
                  <Typography.Text strong>{formatValue(t, item.value, item.indicator.unit, lang, item.indicator.decimals)}</Typography.Text>
                  <div className="indicator-card-sub">{resultPeriod(t, item, lang, cumulative(item))}</div>
                </div>
                <div>
                  <div className="indicator-card-label">{t('indicators.targetYear', { year: shownYear })}</div>
                  <Typography.Text>{formatTarget(t, item.target, item.indicator.unit, lang, item.indicator.decimals)}</Typography.Text>
                </div>
              </div>
              <div className="indicator-card-status">
                <AttainmentBar attainment={item.attainment} status={item.status} />
                <TargetStatusTag status={item.status} />
              </div>
            </Card>
          ))}
        </div>
      );
  else
    body = (
      <Table<OverviewItem>
        rowKey={(i) => i.indicator.id}
        data-testid="indicators-table"
        columns={columns}
        dataSource={rows}
        loading={overview.isFetching && !overview.isLoading}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        size="middle"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      />
    );

  return (
    <>
      <PageHeader
        title={t('nav.indicators')}
        subtitle={t('indicators.subtitle')}
        extra={
          <>
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="indicator-create-button">
                {t('indicators.create')}
              </Button>
            ) : null}
            {canEdit ? (
              <Button icon={<UploadOutlined />} onClick={() => setDialog('import')} data-testid="indicator-import-button">
                {t('indicators.import')}
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="indicator-export-button">
              {t('indicators.export')}
            </Button>
            {canEdit ? (
              <Button type="text" icon={<InboxOutlined />} onClick={() => setDialog('archived')} data-testid="indicator-archived-button">
                {t('indicators.showArchived')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card className="table-card indicators-card">
        <div className="indicator-scope" data-testid="indicator-scope">
          <label className="indicator-scope-unit">
            <span className="indicator-scope-label">{t('indicators.unit')}</span>
            <UnitSelect
              value={shown?.orgUnit.id ?? null}
              initialOption={shown?.orgUnit ?? null}
              allowClear={false}
              onChange={(_id, unit) => setParam('unit', unit?.code ?? null)}
              data-testid="unit-picker"
            />
          </label>
          <label className="indicator-scope-year">
            <span className="indicator-scope-label">{t('indicators.year')}</span>
            <Select<number>
              value={shownYear}
              options={yearOptions(shownYear).map((y) => ({ value: y, label: t('indicators.yearOption', { year: y }) }))}
              onChange={(y) => setParam('year', String(y))}
              data-testid="year-select"
              style={{ width: '100%' }}
            />
          </label>
        </div>
        {usePrevious ? (
          <Alert
            type="info"
            showIcon
            className="indicator-fallback"
            title={t('indicators.fallbackYear', { year, shown: shownYear })}
            action={
              <Button size="small" onClick={() => setParam('year', String(year))}>
                {t('indicators.showYear', { year })}
              </Button>
            }
            data-testid="indicator-fallback"
          />
        ) : null}
        <div className="indicator-filters" data-testid="indicator-filters">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('indicators.searchPlaceholder')}
            aria-label={t('indicators.searchPlaceholder')}
            value={q}
            onChange={(e) => setParam('q', e.target.value)}
            className="indicator-filter-search"
            data-testid="indicator-search"
          />
          <Select<string>
            allowClear
            placeholder={t('indicators.allPillars')}
            aria-label={t('indicators.columns.pillar')}
            value={pillar ?? undefined}
            onChange={(v) => setParam('pillar', v ?? null)}
            options={PILLARS.map((p) => ({ value: p, label: t(`pillar.${p}`) }))}
            className="indicator-filter-select"
            data-testid="indicator-pillar-filter"
          />
          <Select<StatusKey>
            allowClear
            placeholder={t('indicators.allStatuses')}
            aria-label={t('indicators.columns.status')}
            value={status ?? undefined}
            onChange={(v) => setParam('status', v ?? null)}
            options={STATUS_KEYS.map((s) => ({ value: s, label: t(`targetStatus.${s}`) }))}
            className="indicator-filter-select"
            data-testid="indicator-status-filter"
          />
        </div>
        {shown && items.length > 0 ? (
          <div className="status-summary" data-testid="status-summary">
            <Typography.Text type="secondary">{t('indicators.count', { count: searched.length })}</Typography.Text>
            {STATUS_KEYS.filter((s) => counts[s] > 0).map((s) => (
              <Tag.CheckableTag key={s} checked={status === s} onChange={(on) => setParam('status', on ? s : null)} className={`status-chip status-chip-${s}`}>
                {t(`targetStatus.${s}`)}: {counts[s]}
              </Tag.CheckableTag>
            ))}
            {filtersActive ? (
              <Button type="link" size="small" onClick={clearFilters}>
                {t('indicators.clearFilters')}
              </Button>
            ) : null}
          </div>
        ) : null}
        {body}
        {canEdit && shown && items.length === 0 ? (
          <div className="indicator-empty-actions">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
              {t('indicators.create')}
            </Button>
          </div>
        ) : null}
      </Card>

      {dialog === 'create' ? (
        <IndicatorFormDialog onClose={() => setDialog(null)} onDone={(created) => navigate(`/indicators/${encodeURIComponent(created.code)}`)} />
      ) : null}
      {dialog === 'import' ? <ImportIndicatorsDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'archived' ? <ArchivedIndicatorsDialog onClose={() => setDialog(null)} /> : null}
    </>
  );
}

