import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { planImportKeys, planImportsApi, usePlanImports } from '../../api/planImports';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { XlsxDropZone } from '../../components/XlsxDropZone';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import '../Tasks/tasks.css';
import './planImport.css';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.docx,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown';
/** The upload fills the bar to here; reading and extracting on the server take the rest (under a second). */
const UPLOADED = 90;

/**
 * Kế hoạch → Nhập văn bản: drop a plan document (PDF with text, Word, .txt, .md); it goes up with a
 * progress bar, the server reads it and extracts its targets and tasks, and the review opens.
 * Drafts not yet published are listed below.
 */
export default function PlanImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const drafts = usePlanImports('draft');
  const [issuer, setIssuer] = useState<number | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = progress !== null;

  const send = async (file: File) => {
    setName(file.name);
    setError(null);
    if (file.size > MAX_BYTES) {
      setError(t('planImport.upload.tooLarge'));
      return;
    }
    setProgress(0);
    try {
      const meta = await planImportsApi.upload(file, (f) => setProgress(Math.round(f * UPLOADED)));
      setProgress(UPLOADED);
      const draft = await planImportsApi.create(meta.id, issuer);
      setProgress(100);
      queryClient.setQueryData(planImportKeys.detail(draft.id), draft);
      await queryClient.invalidateQueries({ queryKey: planImportKeys.all, refetchType: 'none' });
      navigate(`/plans/import/${draft.id}`);
    } catch (e) {
      setProgress(null);
      setError(errorMessage(e, t));
    }
  };

  return (
    <>
      <Link to="/plans" className="task-back">
        <ArrowLeftOutlined /> {t('plans.detail.back')}
      </Link>
      <PageHeader title={t('planImport.title')} subtitle={t('planImport.subtitle')} />
      <Card className="task-section" data-testid="plan-import-upload">
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <div>
            <Typography.Text strong>{t('planImport.upload.issuer')}</Typography.Text>
            <UnitSelect value={issuer} onChange={setIssuer} placeholder={t('planImport.upload.issuerPlaceholder')} disabled={busy} data-testid="plan-import-issuer" />
          </div>
          <XlsxDropZone
            accept={ACCEPT}
            name={name}
            dropText={t('planImport.upload.drop')}
            hint={t('planImport.upload.hint')}
            busy={busy}
            progress={progress}
            onFile={(f) => void send(f)}
            testId="plan-import-file"
            progressTestId="plan-import-progress"
          />
          {busy && progress! >= UPLOADED ? (
            <Typography.Text type="secondary" data-testid="plan-import-extracting">
              {t('planImport.upload.extracting')}
            </Typography.Text>
          ) : null}
          {error ? <Alert type="error" showIcon title={error} data-testid="plan-import-error" /> : null}
        </Space>
      </Card>
      <Card className="task-section" title={t('planImport.drafts.title')} data-testid="plan-import-drafts">
        {drafts.error && !drafts.data ? (
          <LoadError error={drafts.error} onRetry={() => void drafts.refetch()} />
        ) : !drafts.data ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : drafts.data.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('planImport.drafts.empty')} />
        ) : (
          <div className="plan-import-drafts">
            {drafts.data.items.map((d) => (
              <div key={d.id} className="plan-import-draft" data-testid="plan-import-draft">
                <div className="plan-import-draft-text">
                  <Link to={`/plans/import/${d.id}`} className="task-title-link" data-testid="plan-import-draft-link">
                    {d.number || d.filename}
                  </Link>
                  <div>{d.title}</div>
                  <Typography.Text type="secondary">
                    {[d.issuer.name, d.filename, t('planImport.drafts.by', { name: d.createdBy.fullName, at: formatDateTime(d.updatedAt) })].join(' · ')}
                  </Typography.Text>
                </div>
                <Space wrap size={4}>
                  <Tag>{t('planImport.drafts.targets', { count: d.counts.targets.total - d.counts.targets.rejected, total: d.counts.targets.total })}</Tag>
                  <Tag>{t('planImport.drafts.tasks', { count: d.counts.tasks.total - d.counts.tasks.rejected, total: d.counts.tasks.total })}</Tag>
                </Space>
              </div>
            ))}
          </div>
        )}
      </Card>
    </>
  );
}
