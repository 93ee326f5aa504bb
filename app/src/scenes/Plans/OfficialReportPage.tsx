/**
 * "Lập báo cáo" of a plan (issue 6, points 3–4): pick the period, edit the header (issuing body,
 * number and symbol, place and date), the signature block and the recipients, edit the narrative
 * sections (prefilled from the data), save the draft, then generate the DOCX (Nghị định 30), the
 * XLSX appendix and the PDF (when the server has LibreOffice) with a progress bar fed by polling
 * the job, and download them. The numbers are not edited here: they are read when the report is made.
 */
import { ArrowLeftOutlined, DownloadOutlined, FileWordOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Checkbox, Col, DatePicker, Form, Input, Progress, Row, Select, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { downloadFile } from '../../api/client';
import {
  NARRATIVE_KEYS,
  SIGNING_FORMS,
  defaultReportPeriod,
  generateOfficialReport,
  reportJob,
  reportPeriodChoices,
  saveOfficialReport,
  useOfficialReport,
  type ReportDraft,
  type ReportJob,
} from '../../api/officialReports';
import { usePlan } from '../../api/tasks';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';

interface FormValues extends Omit<ReportDraft, 'reportDate' | 'recipients'> {
  reportDate: dayjs.Dayjs;
  recipients: string;
}

const toForm = (d: ReportDraft): FormValues => ({ ...d, reportDate: dayjs(d.reportDate), recipients: d.recipients.join('\n') });
const fromForm = (v: FormValues): ReportDraft => ({
  ...v,
  reportDate: v.reportDate.format('YYYY-MM-DD'),
  recipients: v.recipients.split('\n').map((l) => l.replace(/^\s*-\s*/, '').trim()).filter(Boolean),
});

export default function OfficialReportPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const planId = Number(useParams().id);
  const plan = usePlan(planId);
  const [search, setSearch] = useSearchParams();
  const today = dayjs().format('YYYY-MM-DD');
  const choices = useMemo(
    () => (plan.data ? reportPeriodChoices({ horizonFrom: plan.data.horizonFrom, horizonYear: plan.data.horizonYear, issuedOn: plan.data.issuedOn }, today) : []),
    [plan.data, today],
  );
  const period = search.get('period') ?? defaultReportPeriod(choices, today);
  const report = useOfficialReport(planId, period);
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [job, setJob] = useState<ReportJob | null>(null);
  const [jobError, setJobError] = useState<string | null>(null);
  const [pdf, setPdf] = useState(false);
  usePageTitle(plan.data ? `${t('officialReport.title')} ${plan.data.number}` : undefined);

  useEffect(() => {
    if (report.data) form.setFieldsValue(toForm(report.data.draft));
  }, [report.data, form]);
  useEffect(() => {
    setJob(null);
    setJobError(null);
  }, [period]);

  // Poll the job while it runs.
  useEffect(() => {
    if (!job || job.status !== 'running') return;
    const timer = window.setTimeout(() => {
      reportJob(job.id).then(setJob, (e: unknown) => setJobError(errorMessage(e, t)));
    }, 300);
    return () => window.clearTimeout(timer);
  }, [job, t]);

  if (plan.error && !plan.data) return <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const p = plan.data;
  const view = report.data;
  const canWrite = view?.canWrite ?? false;

  const save = async () => {
    if (!period) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      const saved = await saveOfficialReport(planId, period, fromForm(values));
      queryClient.setQueryData(['official-report', planId, period], saved);
      message.success(t('officialReport.saved'));
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setSaving(false);
    }
  };

  const generate = async () => {
    if (!period) return;
    setJobError(null);
    try {
      if (form.isFieldsTouched()) await save();
      setJob(await generateOfficialReport(planId, period, pdf));
    } catch (e) {
      setJobError(errorMessage(e, t));
    }
  };

  return (
    <>
      <Link to={`/plans/${p.id}`} className="task-back" data-testid="official-report-back">
        <ArrowLeftOutlined /> {p.kind} {p.number}
      </Link>
      <PageHeader title={t('officialReport.title')} subtitle={view?.preview.subject ?? p.title} />
      <Card size="small" className="task-section" data-testid="official-report-period-card">
        <Space wrap>
          <Typography.Text>{t('officialReport.period')}</Typography.Text>
          <Select
            style={{ minWidth: 200 }}
            value={period}
            options={choices.map((c) => ({ value: c.id, label: c.label }))}
            onChange={(v) => setSearch({ period: v }, { replace: true })}
            data-testid="official-report-period"
          />
          {view ? (
            <Typography.Text type="secondary" data-testid="official-report-saved">
              {view.saved ? t('officialReport.savedBy', { who: view.updatedBy ?? '', at: dayjs(view.updatedAt).format('DD/MM/YYYY HH:mm') }) : t('officialReport.prefilledNote')}
            </Typography.Text>
          ) : null}
        </Space>
      </Card>
      {choices.length === 0 ? <Alert type="info" showIcon message={t('officialReport.noPeriods')} /> : null}
      {report.error ? <LoadError error={report.error} onRetry={() => void report.refetch()} /> : null}
      {period && !view && !report.error ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {view ? (
        <Form form={form} layout="vertical" disabled={!canWrite} data-testid="official-report-form">
          {!canWrite ? <Alert type="info" showIcon message={t('officialReport.readOnly')} style={{ marginBottom: 16 }} /> : null}
          <Row gutter={[16, 0]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('officialReport.header')} className="task-section">
                <Form.Item name="issuerParent" label={t('officialReport.issuerParent')}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 2 }} maxLength={300} />
                </Form.Item>
                <Form.Item name="issuerName" label={t('officialReport.issuerName')} rules={[{ required: true, whitespace: true, message: t('officialReport.required') }]}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 3 }} maxLength={300} data-testid="official-report-issuer" />
                </Form.Item>
                <Row gutter={8}>
                  <Col xs={24} sm={12}>
                    <Form.Item name="numberSymbol" label={t('officialReport.numberSymbol')} rules={[{ required: true, pattern: /\/BC-\S+$/, message: t('officialReport.numberSymbolHint') }]}>
                      <Input maxLength={60} data-testid="official-report-number" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6}>
                    <Form.Item name="place" label={t('officialReport.place')} rules={[{ required: true, whitespace: true, message: t('officialReport.required') }]}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6}>
                    <Form.Item name="reportDate" label={t('officialReport.date')} rules={[{ required: true, message: t('officialReport.required') }]}>
                      <DatePicker format="DD/MM/YYYY" allowClear={false} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('officialReport.signature')} className="task-section">
                <Row gutter={8}>
                  <Col xs={24} sm={8}>
                    <Form.Item name="signingForm" label={t('officialReport.signingForm')}>
                      <Select options={SIGNING_FORMS.map((f) => ({ value: f, label: t(`officialReport.form.${f}`) }))} data-testid="official-report-signing-form" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={16}>
                    <Form.Item name="collective" label={t('officialReport.collective')}>
                      <Input maxLength={300} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name="authorityTitle" label={t('officialReport.authorityTitle')}>
                      <Input maxLength={300} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name="signerTitle" label={t('officialReport.signerTitle')}>
                      <Input maxLength={300} />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item name="signerName" label={t('officialReport.signerName')}>
                      <Input maxLength={300} data-testid="official-report-signer" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="recipients" label={t('officialReport.recipients')} extra={t('officialReport.recipientsHint')}>
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="official-report-recipients" />
                </Form.Item>
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('officialReport.narratives')} className="task-section" extra={<Typography.Text type="secondary">{t('officialReport.numbersNote')}</Typography.Text>}>
                {NARRATIVE_KEYS.map((k) => (
                  <Form.Item key={k} name={['narratives', k]} label={t(`officialReport.narrative.${k}`, { next: view.period.next })}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 14 }} maxLength={20000} data-testid={`official-report-narrative-${k}`} />
                  </Form.Item>
                ))}
              </Card>
            </Col>
          </Row>
        </Form>
      ) : null}
      {view ? (
        <Card size="small" className="task-section" data-testid="official-report-actions">
          <Space wrap>
            <Button icon={<SaveOutlined />} onClick={() => void save()} loading={saving} disabled={!canWrite} data-testid="official-report-save">
              {t('officialReport.save')}
            </Button>
            <Button type="primary" icon={<FileWordOutlined />} onClick={() => void generate()} disabled={!canWrite || job?.status === 'running'} data-testid="official-report-generate">
              {t('officialReport.generate')}
            </Button>
            {view.pdfAvailable ? (
              <Checkbox checked={pdf} onChange={(e) => setPdf(e.target.checked)} disabled={!canWrite} data-testid="official-report-pdf">
                {t('officialReport.withPdf')}
              </Checkbox>
            ) : (
              <Typography.Text type="secondary" data-testid="official-report-no-pdf">
                {t('officialReport.noPdf')}
              </Typography.Text>
            )}
          </Space>
          {job ? (
            <div data-testid="official-report-job" data-status={job.status} style={{ marginTop: 12 }}>
              <Progress percent={job.progress} status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'} data-testid="official-report-progress" />
              <Typography.Text type="secondary" data-testid="official-report-step">
                {job.stepText}
              </Typography.Text>
              {job.error ? <Alert type="error" showIcon message={job.error} /> : null}
              {job.status === 'done' ? (
                <Space wrap style={{ display: 'flex', marginTop: 8 }} data-testid="official-report-files">
                  {job.files.map((f) => (
                    <Button key={f.kind} icon={<DownloadOutlined />} onClick={() => void downloadFile(f.url.replace(/^\/api\/v1/, ''), f.name).catch((e: unknown) => message.error(errorMessage(e, t)))} data-testid={`official-report-download-${f.kind}`}>
                      {t(`officialReport.download.${f.kind}`)}
                    </Button>
                  ))}
                </Space>
              ) : null}
            </div>
          ) : null}
          {jobError ? <Alert type="error" showIcon message={jobError} style={{ marginTop: 12 }} data-testid="official-report-error" /> : null}
        </Card>
      ) : null}
    </>
  );
}
