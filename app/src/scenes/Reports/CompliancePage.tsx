import { RightOutlined, SearchOutlined } from '@ant-design/icons';
import { Card, Empty, Input, Select, Skeleton, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { dueDate, reportingDate } from '../../../../domain/forms';
import { periodOf, previousPeriod, tryParsePeriod, type Period, type PeriodType } from '../../../../domain/periods';
import { foldVietnamese } from '../../../../domain/text';
import { useScopeRoots } from '../../api/orgUnits';
import { submissionPath, useCompliance, useForms } from '../../api/reports';
import { TIMELINESS, type Compliance, type ComplianceItem, type FormSummary, type Timeliness } from '../../api/types';
import type { EChartOption } from '../../components/EChart';
import { LoadError } from '../../components/LoadError';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDate, formatDateTime } from '../../lib/format';
import { defaultTopUnit, formatNumberIn, langOf, periodText } from '../../lib/indicators';
import { useIsMobile } from '../../lib/useIsMobile';
import { ReportsHeader, SubmissionStatusTag, TIMELINESS_HEX, TimelinessTag } from './widgets';

const EChart = lazy(() => import('../../components/EChart'));

const scheduleOf = (f: FormSummary) => ({ periodType: f.periodType as PeriodType, cutoff: f.cutoff, deadlineOffsetDays: f.deadlineOffsetDays, deadlineFrom: f.deadlineFrom });

/** The form's periods that have begun, newest first (at most `n`, none before its first period). */
function recentPeriods(form: FormSummary, today: string, n: number): Period[] {
  const first = form.firstPeriod ? tryParsePeriod(form.firstPeriod) : undefined;
  const out: Period[] = [];
  let p: Period | undefined = periodOf(form.periodType as PeriodType, today);
  while (p && out.length < n && (!first || p.start >= first.start)) {
    out.push(p);
    try {
      p = previousPeriod(p);
    } catch {
      p = undefined;
    }
  }
  return out;
}

/** The period compliance opens on: the latest one already due, else the current one. */
function defaultPeriod(form: FormSummary, periods: Period[], today: string): string | null {
  return (periods.find((p) => dueDate(scheduleOf(form), p) < today) ?? periods[0])?.id ?? null;
}

type Chip = Timeliness | 'all';

/**
 * Tình hình báo cáo: for a form, a period and a unit's subtree, how many units were expected to
 * report, how many did (on time or late), how many are missing — as tiles, a chart and a table by
 * unit; a row opens that unit's report.
 */
export default function CompliancePage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const roots = useScopeRoots();
  const forms = useForms();
  const [search, setSearch] = useState('');
  const today = reportingDate(new Date());

  const formList = useMemo(() => (forms.data?.items ?? []).filter((f) => f.active), [forms.data]);
  const formCode = params.get('form') || formList[0]?.code || null;
  const form = formList.find((f) => f.code === formCode) ?? (forms.data?.items ?? []).find((f) => f.code === formCode);
  const periods = useMemo(() => (form ? recentPeriods(form, today, form.periodType === 'day' ? 62 : form.periodType === 'week' ? 60 : 36) : []), [form, today]);
  const periodParam = params.get('period');
  const period = periodParam && form && tryParsePeriod(periodParam)?.type === form.periodType ? periodParam : form ? defaultPeriod(form, periods, today) : null;
  const top = defaultTopUnit(roots.data?.items);
  const unitCode = params.get('unit') || top?.code || null;
  const timeliness = (params.get('timeliness') as Chip | null) ?? 'all';

  const data = useCompliance(form?.code ?? null, period, unitCode);
  const report: Compliance | undefined = data.data;

  const setParam = (patch: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  const rows = useMemo(() => {
    const needle = foldVietnamese(search);
    return (report?.items ?? []).filter(
      (i) => (timeliness === 'all' || i.timeliness === timeliness) && (!needle || foldVietnamese(`${i.orgUnit.name} ${i.orgUnit.code}`).includes(needle)),
    );
  }, [report, search, timeliness]);

  const periodOptions = useMemo(() => {
    const ids = periods.map((p) => p.id);
    if (period && !ids.includes(period)) ids.unshift(period);
    return ids.map((id) => ({ value: id, label: periodText(id, lang) }));
  }, [periods, period, lang]);

  const chart: EChartOption | null = useMemo(() => {
    if (!report) return null;
    const totals = report.totals;
    const values: Record<Timeliness, number> = { on_time: totals.onTime, late: totals.late, missing: totals.missing, pending: totals.pending };
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: TIMELINESS.map((k) => t(`reports.timeliness.${k}`)), axisLabel: { interval: 0, fontSize: isMobile ? 10 : 12, width: isMobile ? 64 : 140, overflow: 'break', lineHeight: isMobile ? 12 : 14 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('reports.compliance.units'),
          data: TIMELINESS.map((k) => ({ value: values[k], itemStyle: { color: TIMELINESS_HEX[k] } })),
          label: { show: true, position: 'top' },
          barMaxWidth: 56,
        },
      ],
    } as EChartOption;
  }, [report, t, isMobile]);

  const pct = (v: number | null) => (v === null ? t('common.none') : `${formatNumberIn(v, lang, 2)}%`);

  const columns: ColumnsType<ComplianceItem> = isMobile
    ? [
        {
          key: 'unit',
          title: t('reports.columns.unit'),
          render: (_v, i) => (
            <div className="inbox-form">
              <span className="inbox-form-name">{i.orgUnit.name}</span>
              <Typography.Text type="secondary" className="inbox-when">
                {i.firstSubmittedAt ? formatDateTime(i.firstSubmittedAt) : i.orgUnit.code}
              </Typography.Text>
            </div>
          ),
        },
        {
          key: 'status',
          title: t('reports.columns.status'),
          width: 128,
          render: (_v, i) => (
            <div className="inbox-status">
              <SubmissionStatusTag status={i.status} />
              <TimelinessTag timeliness={i.timeliness} />
            </div>
          ),
        },
      ]
    : [
        {
          key: 'unit',
          title: t('reports.columns.unit'),
          sorter: (a, b) => a.orgUnit.name.localeCompare(b.orgUnit.name, 'vi'),
          render: (_v, i) => (
            <div className="inbox-form">
              <span className="inbox-form-name">{i.orgUnit.name}</span>
              <Typography.Text type="secondary" className="inbox-form-code">
                {i.orgUnit.code} · {t(`kinds.${i.orgUnit.kind}` as never, { defaultValue: i.orgUnit.kind }) as string}
              </Typography.Text>
            </div>
          ),
        },
        { key: 'status', title: t('reports.columns.status'), width: 150, render: (_v, i) => <SubmissionStatusTag status={i.status} /> },
        {
          key: 'first',
          title: t('reports.columns.firstSubmitted'),
          width: 170,
          sorter: (a, b) => (a.firstSubmittedAt ?? '').localeCompare(b.firstSubmittedAt ?? ''),
          render: (_v, i) => formatDateTime(i.firstSubmittedAt) || t('common.none'),
        },
        { key: 'decided', title: t('reports.columns.decided'), width: 170, responsive: ['lg'], render: (_v, i) => formatDateTime(i.decidedAt) || t('common.none') },
        { key: 'timeliness', title: t('reports.columns.timeliness'), width: 150, render: (_v, i) => <TimelinessTag timeliness={i.timeliness} /> },
        { key: 'open', width: 36, render: () => <RightOutlined className="breakdown-open" aria-hidden="true" /> },
      ];

  const open = (i: ComplianceItem) => report && navigate(submissionPath({ form: report.form.code, orgUnit: i.orgUnit.code, period: report.period.id }));

  let body;
  if (forms.error && !forms.data) body = <LoadError error={forms.error} onRetry={() => void forms.refetch()} />;
  else if (roots.error && !roots.data) body = <LoadError error={roots.error} onRetry={() => void roots.refetch()} />;
  else if (!forms.data || !roots.data) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (formList.length === 0) body = <Empty description={t('reports.compliance.noForms')} />;
  else if (data.error && !report) body = <LoadError error={data.error} onRetry={() => void data.refetch()} />;
  else if (!report) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else {
    const totals = report.totals;
    const tiles: { key: string; label: string; value: string; tone?: string; chip?: Chip }[] = [
      { key: 'expected', label: t('reports.compliance.expected'), value: String(totals.expected), chip: 'all' },
      { key: 'received', label: t('reports.compliance.received'), value: String(totals.received) },
      { key: 'approved', label: t('reports.compliance.approved'), value: String(totals.approved), tone: 'good' },
      { key: 'onTime', label: t('reports.timeliness.on_time'), value: String(totals.onTime), tone: 'good', chip: 'on_time' },
      { key: 'late', label: t('reports.timeliness.late'), value: String(totals.late), tone: 'warn', chip: 'late' },
      { key: 'missing', label: t('reports.timeliness.missing'), value: String(totals.missing), tone: 'bad', chip: 'missing' },
      { key: 'pending', label: t('reports.timeliness.pending'), value: String(totals.pending), chip: 'pending' },
      { key: 'completeness', label: t('reports.compliance.completeness'), value: pct(totals.completeness), tone: 'strong' },
      { key: 'timeliness', label: t('reports.compliance.timelinessRate'), value: pct(totals.timeliness), tone: 'strong' },
    ];
    body = (
      <>
        <Typography.Paragraph type="secondary" className="compliance-note" data-testid="compliance-note">
          {t('reports.compliance.note', { unit: report.orgUnit.name, period: periodText(report.period.id, lang), due: formatDate(report.dueDate), asOf: formatDate(report.asOf) })}
        </Typography.Paragraph>
        <div className="compliance-tiles" data-testid="compliance-tiles">
          {tiles.map((tile) => (
            <button
              type="button"
              key={tile.key}
              className={`compliance-tile${tile.tone ? ` compliance-tile-${tile.tone}` : ''}${tile.chip && tile.chip === timeliness && tile.chip !== 'all' ? ' compliance-tile-active' : ''}`}
              disabled={!tile.chip}
              onClick={() => tile.chip && setParam({ timeliness: tile.chip === 'all' || tile.chip === timeliness ? null : tile.chip })}
              data-testid={`compliance-${tile.key}`}
            >
              <span className="compliance-tile-value">{tile.value}</span>
              <span className="compliance-tile-label">{tile.label}</span>
            </button>
          ))}
        </div>
        <div className="compliance-chart" data-testid="compliance-chart">
          {chart ? (
            <Suspense fallback={<Spin />}>
              <EChart option={chart} height={isMobile ? 200 : 240} ariaLabel={t('reports.compliance.chartLabel', { period: periodText(report.period.id, lang) })} />
            </Suspense>
          ) : null}
        </div>
        <div className="breakdown-tools">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('indicators.detail.unitSearch')}
            aria-label={t('indicators.detail.unitSearch')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="breakdown-search"
            data-testid="compliance-search"
          />
          <div className="status-summary compliance-chips">
            {(['all', ...TIMELINESS] as Chip[]).map((c) => (
              <Tag.CheckableTag key={c} checked={timeliness === c} onChange={() => setParam({ timeliness: c === 'all' ? null : c })} className="status-chip">
                {c === 'all' ? t('reports.compliance.all') : t(`reports.timeliness.${c}`)}
              </Tag.CheckableTag>
            ))}
          </div>
        </div>
        <Table<ComplianceItem>
          rowKey={(i) => i.orgUnit.id}
          data-testid="compliance-table"
          columns={columns}
          dataSource={rows}
          size={isMobile ? 'small' : 'middle'}
          tableLayout="fixed"
          loading={data.isFetching}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small', simple: isMobile } : false}
          onRow={(i) => ({
            onClick: () => open(i),
            onKeyDown: (e) => {
              if (e.key === 'Enter') open(i);
            },
            tabIndex: 0,
            className: 'clickable-row',
            'data-unit': i.orgUnit.code,
          })}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.compliance.empty')} /> }}
        />
      </>
    );
  }

  return (
    <>
      <ReportsHeader active="compliance" />
      <Card className="table-card reports-card">
        <div className="report-filters" data-testid="compliance-filters">
          <label className="report-filter-field report-filter-wide">
            <span className="indicator-scope-label">{t('reports.columns.form')}</span>
            <Select<string>
              value={form?.code}
              placeholder={t('reports.filters.chooseForm')}
              options={formList.map((f) => ({ value: f.code, label: `${f.name} (${f.code})` }))}
              onChange={(v) => setParam({ form: v, period: null })}
              loading={forms.isLoading}
              data-testid="compliance-form"
              style={{ width: '100%' }}
            />
          </label>
          <label className="report-filter-field">
            <span className="indicator-scope-label">{t('reports.columns.period')}</span>
            <Select<string> value={period ?? undefined} options={periodOptions} onChange={(v) => setParam({ period: v })} data-testid="compliance-period" style={{ width: '100%' }} />
          </label>
          <label className="report-filter-field">
            <span className="indicator-scope-label">{t('reports.columns.unit')}</span>
            <UnitSelect
              value={report?.orgUnit.id ?? null}
              initialOption={report?.orgUnit ?? null}
              allowClear={false}
              onChange={(_id, unit) => setParam({ unit: unit?.code ?? null })}
              data-testid="compliance-unit"
            />
          </label>
        </div>
        {body}
      </Card>
    </>
  );
}

