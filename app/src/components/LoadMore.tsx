import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

interface Pager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Tải thêm" under a cursor-paged list; renders nothing on the last page. */
export function LoadMore({ pager, testId }: { pager: Pager; testId: string }) {
  const { t } = useTranslation();
  if (!pager.hasNextPage) return null;
  return (
    <div className="load-more">
      <Button onClick={() => void pager.fetchNextPage()} loading={pager.isFetchingNextPage} data-testid={testId}>
        {t('common.loadMore')}
      </Button>
    </div>
  );
}
