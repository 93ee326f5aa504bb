import { Empty, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnitSummary, Page } from '../../api/types';
import { LoadError } from '../../components/LoadError';

interface Props {
  query: string;
  data: Page<OrgUnitSummary> | undefined;
  isLoading: boolean;
  error: unknown;
  selectedId: number | null;
  onSelect: (id: number) => void;
}

/** While a search is typed, its matches replace the tree. */
export function UnitSearchResults({ query, data, isLoading, error, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  let body;
  if (error) body = <LoadError error={error} />;
  else if (isLoading || !data) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (data.items.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.search.noResults', { query })} />;
  else
    body = (
      <>
        <Typography.Text type="secondary" className="search-count">
          {data.nextCursor ? t('units.search.countMore', { count: data.items.length }) : t('units.search.count', { count: data.items.length })}
        </Typography.Text>
        <ul className="search-list">
          {data.items.map((unit) => (
            <li key={unit.id}>
              <button
                type="button"
                className={unit.id === selectedId ? 'search-item search-item-active' : 'search-item'}
                onClick={() => onSelect(unit.id)}
                data-testid="search-result"
              >
                <span className="search-item-name">{unit.name}</span>
                <span className="search-item-meta">
                  <span>{t(`kinds.${unit.kind}`)}</span>
                  <span>·</span>
                  <span>{unit.code}</span>
                  {unit.closedOn ? <Tag className="search-item-tag">{t('units.status.closed')}</Tag> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <div data-testid="search-results" className="search-results" role="region" aria-label={t('units.search.resultsLabel')}>
      {body}
    </div>
  );
}
