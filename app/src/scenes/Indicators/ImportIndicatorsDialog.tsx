import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { analyticsKeys, indicatorKeys, indicatorsApi } from '../../api/indicators';
import type { ImportRowError, IndicatorImportResult } from '../../api/types';
import { ImportRowErrors } from '../../components/ImportRowErrors';
import { errorMessage } from '../../lib/errors';

const MAX_BYTES = 10 * 1024 * 1024;

interface Outcome {
  result?: IndicatorImportResult;
  error?: string;
  rowErrors: ImportRowError[];
}

/** Upload an .xlsx of the catalogue (the same columns as the export); all rows or none are stored. */
export function ImportIndicatorsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; bytes: ArrayBuffer } | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await indicatorsApi.importXlsx(file.bytes);
      setOutcome({ result, rowErrors: [] });
      await Promise.all([queryClient.invalidateQueries({ queryKey: indicatorKeys.all }), queryClient.invalidateQueries({ queryKey: analyticsKeys.all })]);
    } catch (e) {
      setOutcome({ error: errorMessage(e, t), rowErrors: e instanceof ApiError ? e.errors : [] });
    } finally {
      setBusy(false);
    }
  };

  const succeeded = !!outcome?.result;
  return (
    <Modal
      open
      title={t('indicators.importDialog.title')}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {succeeded ? t('common.close') : t('common.cancel')}
        </Button>,
        <Button key="import" type="primary" loading={busy} disabled={!file || succeeded} onClick={() => void submit()} data-testid="import-submit">
          {t('indicators.importDialog.submit')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('indicators.importDialog.help')}</Typography.Paragraph>
      <div data-testid="import-file">
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          beforeUpload={async (f) => {
            if (f.size > MAX_BYTES) {
              setOutcome({ error: t('indicators.importDialog.tooLarge'), rowErrors: [] });
              return Upload.LIST_IGNORE;
            }
            setFile({ name: f.name, bytes: await f.arrayBuffer() });
            setOutcome(null);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? file.name : t('indicators.importDialog.drop')}</p>
          <p className="ant-upload-hint">{t('indicators.importDialog.hint')}</p>
        </Upload.Dragger>
      </div>
      {outcome?.result ? (
        <Alert className="import-outcome" type="success" showIcon data-testid="import-result" title={t('indicators.importDialog.result', { ...outcome.result })} />
      ) : null}
      {outcome?.error ? <Alert className="import-outcome" type="error" showIcon title={outcome.error} data-testid="import-error" /> : null}
      {outcome && outcome.rowErrors.length > 0 ? <ImportRowErrors errors={outcome.rowErrors} /> : null}
    </Modal>
  );
}
