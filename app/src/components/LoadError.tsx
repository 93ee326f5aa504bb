import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage } from '../lib/errors';

interface Props {
  error: unknown;
  onRetry?: () => void;
  fullPage?: boolean;
}

/** What a page shows when its data could not be loaded. */
export function LoadError({ error, onRetry, fullPage }: Props) {
  const { t } = useTranslation();
  const status = error instanceof ApiError && error.status === 403 ? '403' : error instanceof ApiError && error.status === 404 ? '404' : 'warning';
  const result = (
    <Result
      status={status}
      title={t('errors.loadFailed')}
      subTitle={errorMessage(error, t)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
  return fullPage ? <div className="full-page-center">{result}</div> : result;
}
