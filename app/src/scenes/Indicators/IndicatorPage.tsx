import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, HomeOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Col, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { analyticsKeys, indicatorKeys, indicatorsApi, useAnalyticsValue, useIndicator, useOverview } from '../../api/indicators';
import { useOrgUnit } from '../../api/orgUnits';
import type { Indicator } from '../../api/types';
import { AttainmentBar, PillarTag, TargetStatusTag } from '../../components/indicatorWidgets';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/errors';
import { aggregationText, formatNumberIn, formatTarget, formatValue, langOf, periodText, unitLabel } from '../../lib/indicators';
import { IndicatorChart } from './IndicatorChart';
import { IndicatorFormDialog } from './IndicatorFormDialog';
import { IndicatorTargets } from './IndicatorTargets';
import { UnitBreakdown } from './UnitBreakdown';
import { currentYear, parseYear, useCatalogScope, yearOptions } from './useCatalogScope';

function RangeText({ indicator }: { indicator: Indicator }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const { minValue: min, maxValue: max } = indicator;
  if (min === null && max === null) return <>{t('indicators.detail.noRange')}</>;
  const n = (v: number | null) => (v === null ? '…' : formatNumberIn(v, lang, indicator.decimals));
  return <>{`${n(min)} – ${n(max)}`}</>;
}

/**
 * One indicator: what it is and how it adds up; its figures over the year at a unit (chart), the
 * same for each unit below (drill-down from the city to a commune), and its targets. The unit,
 * year and drill-down period are in the URL (?unit=CODE&year=YYYY&period=ID).
 */
export default function IndicatorPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const { roots, topUnit, canEdit } = useCatalogScope();
  const [editing, setEditing] = useState(false);

  const indicator = useIndicator(code);
  const unitCode = params.get('unit') || topUnit?.code || null;
  const year = parseYear(params.get('year')) ?? currentYear();
  const periodParam = params.get('period');
  // The headline figure is the overview's, as on the list: the year's total for a flow, the latest
  // period's figure otherwise, with the year-end forecast. An archived indicator is not in the
  // overview: its year figure is read directly.
  const overview = useOverview(unitCode, year);
  const fresh = overview.data && overview.data.year === year && overview.data.orgUnit.code === unitCode ? overview.data : undefined;
  const item = fresh?.items.find((i) => i.indicator.code.toLowerCase() === code.toLowerCase());
  const here = useAnalyticsValue(code, fresh && !item ? unitCode : null, String(year));
  const unitRef = fresh?.orgUnit ?? (here.data?.orgUnit.code === unitCode ? here.data.orgUnit : undefined);
  const unitId = unitRef?.id ?? null;
  const unitDetail = useOrgUnit(unitId);

  const update = (patch: Record<string, string | null>, replace = false) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace },
    );
  const drill = (code: string) => {
    update({ unit: code });
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const listLink = `/indicators?${new URLSearchParams({ ...(params.get('unit') ? { unit: params.get('unit')! } : {}), year: String(year) }).toString()}`;

  if (indicator.error) {
    return (
      <>
        <Link to={listLink} className="back-link">
          <ArrowLeftOutlined /> {t('indicators.detail.back')}
        </Link>
        <LoadError error={indicator.error} onRetry={() => void indicator.refetch()} />
      </>
    );
  }
  const ind = indicator.data;
  if (!ind) return <Skeleton active paragraph={{ rows: 10 }} />;

  const archived = ind.archivedAt !== null;
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: indicatorKeys.all }), queryClient.invalidateQueries({ queryKey: analyticsKeys.all })]);
  const archive = () =>
    modal.confirm({
      title: t('indicators.detail.archive'),
      content: t('indicators.detail.confirmArchive', { name: ind.name }),
      okText: t('indicators.detail.archive'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          queryClient.setQueryData(indicatorKeys.detail(code), await indicatorsApi.archive(ind.code));
          await refresh();
          message.success(t('indicators.detail.archivedDone'));
        } catch (e) {
          message.error(errorMessage(e, t));
        }
      },
    });
  const restore = async () => {
    try {
      queryClient.setQueryData(indicatorKeys.detail(code), await indicatorsApi.restore(ind.code));
      await refresh();
      message.success(t('indicators.detail.restoredDone'));
    } catch (e) {
      message.error(errorMessage(e, t));
    }
  };

  // Breadcrumb: from the top of the user's scope down to the unit shown.
  const scopeIds = new Set((roots.data?.items ?? []).map((r) => r.id));
  const path = unitDetail.data?.path ?? [];
  const start = path.findIndex((p) => scopeIds.has(p.id));
  const ancestors = start >= 0 ? path.slice(start) : [];
  const unitName = unitRef?.name ?? unitCode ?? '';
  const cell = item ?? (fresh ? here.data : undefined);
  const loadError = overview.error && !overview.data ? overview.error : here.error && !here.data ? here.error : null;
  const flow = ind.timeAggregation === 'sum';
  const latestLabel = item?.latestPeriod ? periodText(item.latestPeriod, lang) : null;
  const resultNote = item
    ? latestLabel
      ? flow && ind.periodType !== 'year'
        ? t('indicators.cumulativeTo', { period: latestLabel })
        : latestLabel
      : t('indicators.noData')
    : flow
      ? t('indicators.detail.resultNote')
      : t(`timeAggregation.${ind.timeAggregation}`);
  // The drill-down starts on the headline's period: the year for flows and stocks read at their
  // latest point (the year holds each unit's latest), the latest period for averages and extremes.
  const defaultPeriod = flow || ind.timeAggregation === 'latest' || !item?.latestPeriod ? String(year) : item.latestPeriod;

  return (
    <>
      <Link to={listLink} className="back-link" data-testid="indicator-back">
        <ArrowLeftOutlined /> {t('indicators.detail.back')}
      </Link>
      <PageHeader
        title={ind.name}
        extra={
          canEdit ? (
            archived ? (
              <Button icon={<RollbackOutlined />} onClick={() => void restore()} data-testid="indicator-restore">
                {t('indicators.detail.restore')}
              </Button>
            ) : (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="indicator-edit">
                  {t('indicators.detail.edit')}
                </Button>
                <Button danger icon={<DeleteOutlined />} onClick={archive} data-testid="indicator-archive">
                  {t('indicators.detail.archive')}
                </Button>
              </>
            )
          ) : null
        }
      />
      {archived ? <Alert type="warning" showIcon className="indicator-archived" title={t('indicators.detail.archivedNote')} data-testid="indicator-archived" /> : null}

      <Card className="indicator-header" data-testid="indicator-header">
        <div className="indicator-tags">
          <Tag className="indicator-code">{ind.code}</Tag>
          <PillarTag pillar={ind.pillar} />
          <Tag variant="outlined">
            {t('indicators.detail.unit')}: {unitLabel(t, ind.unit)}
          </Tag>
          <Tag variant="outlined">{t(`direction.${ind.direction}`)}</Tag>
          {archived ? <Tag color="default">{t('indicators.detail.archivedTag')}</Tag> : null}
          {ind.isDemo ? <Tag color="gold">{t('indicators.detail.demoTag')}</Tag> : null}
        </div>
        <Typography.Paragraph className="indicator-aggregation" data-testid="indicator-aggregation">
          {aggregationText(t, ind)}
        </Typography.Paragraph>
        <Typography.Text type="secondary" className="indicator-range">
          {t('indicators.detail.range')}: <RangeText indicator={ind} />
        </Typography.Text>
        {ind.description ? <Typography.Paragraph className="indicator-description">{ind.description}</Typography.Paragraph> : null}
      </Card>

      <Card className="indicator-scope-card">
        <div className="indicator-scope-bar">
          <Breadcrumb
            className="indicator-breadcrumb"
            data-testid="indicator-breadcrumb"
            items={[
              { key: 'home', title: <HomeOutlined aria-label={t('indicators.detail.at')} /> },
              ...ancestors.map((p) => ({
                key: p.id,
                title: (
                  <Typography.Link onClick={() => drill(p.code)} title={p.code}>
                    {p.name}
                  </Typography.Link>
                ),
              })),
              { key: 'here', title: <strong data-testid="indicator-unit-name">{unitName}</strong> },
            ]}
          />
          <Select<number>
            value={year}
            options={yearOptions(year).map((y) => ({ value: y, label: t('indicators.yearOption', { year: y }) }))}
            onChange={(y) => update({ year: String(y), period: null })}
            className="indicator-year"
            aria-label={t('indicators.year')}
            data-testid="year-select"
          />
        </div>
        {loadError ? (
          <LoadError error={loadError} onRetry={() => void Promise.all([overview.refetch(), here.refetch()])} />
        ) : (
          <div className="indicator-kpis" data-testid="indicator-kpis">
            <div className="indicator-kpi">
              <div className="indicator-kpi-label">{t('indicators.detail.result', { year })}</div>
              <div className="indicator-kpi-value">{cell ? formatValue(t, cell.value, ind.unit, lang, ind.decimals) : '…'}</div>
              {cell && ind.spaceAggregation === 'ratio' && cell.value !== null && cell.numerator !== null && cell.denominator !== null ? (
                // A ratio's figure with the sums it comes from, as the reports write it: 3.658.476 / 3.670.241.
                <div className="indicator-kpi-parts" data-testid="indicator-kpi-parts">
                  {formatNumberIn(cell.numerator, lang, ind.decimals)} / {formatNumberIn(cell.denominator, lang, ind.decimals)}
                </div>
              ) : null}
              <div className="indicator-kpi-note">{cell ? resultNote : ''}</div>
            </div>
            <div className="indicator-kpi">
              <div className="indicator-kpi-label">{t('indicators.targetYear', { year })}</div>
              <div className="indicator-kpi-value">{cell ? formatTarget(t, cell.target, ind.unit, lang, ind.decimals) : '…'}</div>
            </div>
            <div className="indicator-kpi">
              <div className="indicator-kpi-label">{t('indicators.columns.attainment')}</div>
              <AttainmentBar attainment={cell?.attainment ?? null} status={cell?.status ?? null} />
            </div>
            <div className="indicator-kpi">
              <div className="indicator-kpi-label">{t('indicators.columns.status')}</div>
              {cell ? <TargetStatusTag status={cell.status} /> : null}
              {item && item.forecast !== null && item.status ? (
                <div className="indicator-kpi-note">{t('indicators.forecast', { value: formatValue(t, item.forecast, ind.unit, lang, ind.decimals) })}</div>
              ) : null}
            </div>
          </div>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card title={t('indicators.detail.chartTitle', { year, unit: unitName })} className="indicator-chart-card indicator-section">
            {unitCode ? <IndicatorChart indicator={ind} unitCode={unitCode} unitName={unitName} year={year} target={cell?.target ?? null} /> : null}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('indicators.detail.breakdownTitle', { unit: unitName })} className="indicator-breakdown-card indicator-section table-card">
            <Typography.Paragraph type="secondary" className="breakdown-hint">
              {t('indicators.detail.breakdownHint')}
            </Typography.Paragraph>
            {unitCode ? (
              <UnitBreakdown
                indicator={ind}
                unitCode={unitCode}
                unitName={unitName}
                year={year}
                period={periodParam && periodParam.startsWith(String(year)) ? periodParam : defaultPeriod}
                onPeriod={(p) => update({ period: p === defaultPeriod ? null : p }, true)}
                onDrill={drill}
              />
            ) : null}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('indicators.detail.targetsTitle')} className="table-card indicator-section">
            <IndicatorTargets indicator={ind} year={year} />
          </Card>
        </Col>
      </Row>

      {editing ? (
        <IndicatorFormDialog
          indicator={ind}
          onClose={() => setEditing(false)}
          onDone={(saved) => {
            if (saved.code !== code) navigate(`/indicators/${encodeURIComponent(saved.code)}?${params.toString()}`, { replace: true });
          }}
        />
      ) : null}
    </>
  );
}
