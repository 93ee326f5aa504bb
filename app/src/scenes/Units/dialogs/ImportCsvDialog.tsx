import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { orgUnitsApi } from '../../../api/orgUnits';
import type { ImportResult, ImportRowError } from '../../../api/types';
import { ImportRowErrors } from '../../../components/ImportRowErrors';
import { errorMessage } from '../../../lib/errors';

const MAX_BYTES = 20 * 1024 * 1024;

interface Outcome {
  result?: ImportResult;
  error?: string;
  rowErrors: ImportRowError[];
}

export function ImportCsvDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await orgUnitsApi.importCsv(file.text);
      setOutcome({ result, rowErrors: result.errors ?? [] });
      if (result.created + result.updated > 0) onDone();
    } catch (e) {
      setOutcome({ error: errorMessage(e, t), rowErrors: e instanceof ApiError ? e.errors : [] });
    } finally {
      setBusy(false);
    }
  };

  const succeeded = outcome?.result && outcome.rowErrors.length === 0;
  return (
    <Modal
      open
      title={t('units.import.title')}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {succeeded ? t('common.close') : t('common.cancel')}
        </Button>,
        <Button key="import" type="primary" loading={busy} disabled={!file || !!succeeded} onClick={() => void submit()} data-testid="import-submit">
          {t('units.import.submit')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('units.import.help')}</Typography.Paragraph>
      <pre className="csv-sample">{t('units.import.sample')}</pre>
      <div data-testid="import-file">
      <Upload.Dragger
        accept=".csv,text/csv"
        multiple={false}
        showUploadList={false}
        beforeUpload={async (f) => {
          if (f.size > MAX_BYTES) {
            setOutcome({ error: t('units.import.tooLarge'), rowErrors: [] });
            return Upload.LIST_IGNORE;
          }
          setFile({ name: f.name, text: await f.text() });
          setOutcome(null);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{file ? file.name : t('units.import.drop')}</p>
        <p className="ant-upload-hint">{t('units.import.hint')}</p>
      </Upload.Dragger>
      </div>

      {outcome?.result ? (
        <Alert
          className="import-outcome"
          type={outcome.rowErrors.length ? 'warning' : 'success'}
          showIcon
          data-testid="import-result"
          title={t('units.import.result', { created: outcome.result.created, updated: outcome.result.updated })}
        />
      ) : null}
      {outcome?.error ? <Alert className="import-outcome" type="error" showIcon title={outcome.error} data-testid="import-error" /> : null}
      {outcome && outcome.rowErrors.length > 0 ? <ImportRowErrors errors={outcome.rowErrors} /> : null}
    </Modal>
  );
}
