import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface State {
  error: Error | null;
}

function Fallback({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('errors.crashTitle')}
      subTitle={t('errors.crashDetail')}
      extra={[
        <Button key="retry" type="primary" onClick={onReset}>
          {t('common.retry')}
        </Button>,
        <Button key="reload" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>,
      ]}
    />
  );
}

/** Keeps one broken page (or a chunk that failed to download) from blanking the whole app. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override componentDidCatch(error: Error) {
    console.error(error);
  }

  override render() {
    if (this.state.error) return <Fallback onReset={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
