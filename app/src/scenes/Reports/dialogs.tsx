import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { reportsApi, type SubmissionRef } from '../../api/reports';
import type { ImportRowError, Submission } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { ImportRowErrors } from '../../components/ImportRowErrors';
import { XlsxDropZone } from '../../components/XlsxDropZone';
import { errorMessage } from '../../lib/errors';

/** Return (approver) or reopen (coordinator) a report: a reason is required and the unit sees it. */
export function ReasonDialog({ kind, onSubmit, onClose }: { kind: 'return' | 'reopen'; onSubmit: (reason: string) => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      title={t(`reports.dialogs.${kind}.title`)}
      okText={t(`reports.dialogs.${kind}.ok`)}
      form={form}
      danger={kind === 'return'}
      onSubmit={(v) => onSubmit(v.reason.trim())}
      onClose={onClose}
      testId={`${kind}-form`}
    >
      <Typography.Paragraph type="secondary">{t(`reports.dialogs.${kind}.help`)}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('reports.dialogs.reason')}
        rules={[{ required: true, whitespace: true, message: t('reports.dialogs.reasonRequired') }, { max: 2000 }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount autoFocus data-testid="reason-input" />
      </Form.Item>
    </FormModal>
  );
}

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Upload the filled Excel template: the file is sent at once with a progress bar; the server stores
 * every item of the file as the draft, or nothing, listing each refused row.
 */
export function UploadDialog({ target, dirty, onDone, onClose }: { target: SubmissionRef; dirty: boolean; onDone: (s: Submission) => Promise<void> | void; onClose: () => void }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<ImportRowError[]>([]);
  const busy = progress !== null && progress < 100;

  const send = async (file: File) => {
    setName(file.name);
    setError(null);
    setRows([]);
    if (file.size > MAX_BYTES) {
      setError(t('reports.upload.tooLarge'));
      return;
    }
    setProgress(0);
    try {
      const next = await reportsApi.upload(target, file, (f) => setProgress(Math.round(f * 100)));
      setProgress(100);
      await onDone(next);
      onClose();
    } catch (e) {
      setProgress(null);
      setError(errorMessage(e, t));
      setRows(e instanceof ApiError ? e.errors : []);
    }
  };

  return (
    <Modal
      open
      title={t('reports.upload.title')}
      onCancel={busy ? undefined : onClose}
      width={640}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose} disabled={busy}>
          {t('common.close')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('reports.upload.help')}</Typography.Paragraph>
      {dirty ? <Alert type="warning" showIcon className="import-outcome" title={t('reports.upload.dirty')} /> : null}
      <XlsxDropZone
        name={name}
        dropText={t('reports.upload.drop')}
        hint={t('reports.upload.hint')}
        busy={busy}
        progress={progress}
        onFile={(f) => void send(f)}
        testId="upload-file"
        progressTestId="upload-progress"
      />
      {error ? <Alert className="import-outcome" type="error" showIcon title={error} data-testid="upload-error" /> : null}
      {rows.length > 0 ? <ImportRowErrors errors={rows} /> : null}
    </Modal>
  );
}
