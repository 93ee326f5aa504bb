import { Alert, Button, Modal, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { planPageKeys, taskKeys, tasksApi } from '../../api/tasks';
import type { ImportRowError, PlanDetail, TaskImportResult } from '../../api/types';
import { ImportRowErrors } from '../../components/ImportRowErrors';
import { XlsxDropZone } from '../../components/XlsxDropZone';
import { errorMessage } from '../../lib/errors';

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Nhập phụ lục: the XLSX appendix into the plan, sent with a progress bar. The server stores every
 * row or none: a refused file lists its rows (nothing stored), an accepted one says how many tasks
 * were created and updated.
 */
export function AppendixImportDialog({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<ImportRowError[]>([]);
  const [result, setResult] = useState<TaskImportResult | null>(null);
  const busy = progress !== null && progress < 100 && !result;

  const send = async (file: File) => {
    setName(file.name);
    setError(null);
    setRows([]);
    setResult(null);
    if (file.size > MAX_BYTES) {
      setError(t('plans.import.tooLarge'));
      return;
    }
    setProgress(0);
    try {
      const r = await tasksApi.importAppendix(plan.id, file, (f) => setProgress(Math.round(f * 99)));
      setProgress(100);
      setResult(r);
      await Promise.all([queryClient.invalidateQueries({ queryKey: taskKeys.all }), queryClient.invalidateQueries({ queryKey: planPageKeys.all })]);
    } catch (e) {
      setProgress(null);
      setError(errorMessage(e, t));
      setRows(e instanceof ApiError ? e.errors : []);
    }
  };

  return (
    <Modal
      open
      title={t('plans.import.title', { plan: `${plan.kind} ${plan.number}` })}
      onCancel={busy ? undefined : onClose}
      width={680}
      destroyOnHidden
      footer={[
        <Button key="close" type={result ? 'primary' : 'default'} onClick={onClose} disabled={busy} data-testid="task-import-close">
          {t('common.close')}
        </Button>,
      ]}
    >
      <div data-testid="task-import-dialog">
        <Typography.Paragraph type="secondary">{t('plans.import.help')}</Typography.Paragraph>
        <XlsxDropZone
          name={name}
          dropText={t('plans.import.drop')}
          hint={t('plans.import.hint')}
          busy={busy}
          progress={progress}
          onFile={(f) => void send(f)}
          testId="task-import-file"
          progressTestId="task-import-progress"
        />
        {error ? (
          <Alert className="import-outcome" type="error" showIcon title={error} description={rows.length ? t('plans.import.nothingStored') : undefined} data-testid="task-import-error" />
        ) : null}
        {rows.length > 0 ? <ImportRowErrors errors={rows} /> : null}
        {result ? (
          <Alert
            className="import-outcome"
            type="success"
            showIcon
            data-testid="task-import-result"
            data-created={result.created}
            data-updated={result.updated}
            title={t('plans.import.done', { created: result.created, updated: result.updated, unchanged: result.unchanged })}
          />
        ) : null}
      </div>
    </Modal>
  );
}
