import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { analyticsKeys, indicatorKeys, indicatorsApi, useIndicatorList } from '../../api/indicators';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';

/** Archived indicators (not in the overview), each with a way back. */
export function ArchivedIndicatorsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useIndicatorList({ includeArchived: true, limit: 500 });
  const [busy, setBusy] = useState<string | null>(null);
  const archived = (list.data?.items ?? []).filter((i) => i.archivedAt !== null);

  const restore = async (code: string) => {
    setBusy(code);
    try {
      await indicatorsApi.restore(code);
      await Promise.all([queryClient.invalidateQueries({ queryKey: indicatorKeys.all }), queryClient.invalidateQueries({ queryKey: analyticsKeys.all })]);
      message.success(t('indicators.detail.restoredDone'));
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal open title={t('indicators.archivedDialog.title')} onCancel={onClose} footer={<Button onClick={onClose}>{t('common.close')}</Button>} width={640} destroyOnHidden>
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isLoading ? (
        <div className="content-center">
          <Spin />
        </div>
      ) : archived.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('indicators.archivedDialog.empty')} />
      ) : (
        <ul className="plain-list" data-testid="archived-indicators">
          {archived.map((i) => (
            <li key={i.id} className="plain-list-item">
              <div className="plain-list-main">
                <Link to={`/indicators/${encodeURIComponent(i.code)}`}>{i.name}</Link>
                <Typography.Text type="secondary" className="plain-list-sub">
                  {i.code} · {t('indicators.archivedDialog.archivedOn', { date: formatDate(i.archivedAt) })}
                </Typography.Text>
              </div>
              <Button size="small" loading={busy === i.code} onClick={() => void restore(i.code)}>
                {t('indicators.detail.restore')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
