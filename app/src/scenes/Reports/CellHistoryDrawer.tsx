import { Alert, Descriptions, Drawer, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useCellHistory } from '../../api/reports';
import type { CellHistoryItem, SubmissionItem } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { formatDateTime } from '../../lib/format';
import { formatNumberIn, formatValue, langOf, periodText } from '../../lib/indicators';
import { useIsMobile } from '../../lib/useIsMobile';
import { isRatio } from './entryGrid';

type Lang = 'vi' | 'en';

/** "1.234" or "900 / 1.000 (90%)" for a ratio. */
function figure(t: TFunction, item: SubmissionItem, n: { value: number | null; numerator: number | null; denominator: number | null }, lang: Lang): string {
  const { unit, decimals } = item.indicator;
  const value = formatValue(t, n.value, unit, lang, Math.max(decimals, 2));
  if (isRatio(item) && n.numerator !== null && n.denominator !== null)
    return `${formatNumberIn(n.numerator, lang, decimals)} / ${formatNumberIn(n.denominator, lang, decimals)} (${value})`;
  return value;
}

const ACTION_COLORS: Record<CellHistoryItem['action'], string> = { insert: 'green', update: 'blue', delete: 'red' };

interface Props {
  item: SubmissionItem | null;
  orgUnit: { code: string; name: string };
  period: string;
  onClose: () => void;
}

/**
 * A stored value's history, one click from its cell: every change newest first — who, when, the
 * value before and after, and how it came (report form, API, file import). A draft enters the
 * history only when its report is approved; the drawer says so and shows the draft beside.
 */
export function CellHistoryDrawer({ item, orgUnit, period, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const isMobile = useIsMobile();
  const history = useCellHistory(item?.indicator.code ?? null, orgUnit.code, period);
  const data = history.data && item && history.data.indicator.code === item.indicator.code ? history.data : undefined;
  const source = (s: string | null) => (s ? (t(`reports.source.${s}` as never, { defaultValue: s }) as string) : t('common.none'));

  return (
    <Drawer
      open={!!item}
      onClose={onClose}
      title={t('reports.history.title')}
      placement={isMobile ? 'bottom' : 'right'}
      size={isMobile ? '85%' : 480}
      destroyOnHidden
    >
      {item ? (
        <div data-testid="cell-history" data-indicator={item.indicator.code}>
          <Typography.Title level={5} className="history-name">
            {item.indicator.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {item.indicator.code} · {orgUnit.name} · {periodText(period, lang)}
          </Typography.Text>
          {history.error && !data ? (
            <LoadError error={history.error} onRetry={() => void history.refetch()} />
          ) : !data ? (
            <Skeleton active paragraph={{ rows: 4 }} />
          ) : (
            <>
              <Descriptions size="small" column={1} className="history-facts" bordered>
                <Descriptions.Item label={t('reports.history.current')}>
                  <span data-testid="history-current">{data.current ? figure(t, item, data.current, lang) : t('reports.history.noValue')}</span>
                  {data.current ? (
                    <div className="history-sub">
                      {source(data.current.source)} · {data.current.updatedBy?.fullName ?? '—'} · {formatDateTime(data.current.updatedAt)}
                    </div>
                  ) : null}
                </Descriptions.Item>
                <Descriptions.Item label={t('reports.history.draft')}>
                  <span data-testid="history-draft">{item.staged ? figure(t, item, item.staged, lang) : t('common.none')}</span>
                </Descriptions.Item>
              </Descriptions>
              <Alert type="info" showIcon className="history-note" title={t('reports.history.note')} />
              {data.items.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.history.empty')} />
              ) : (
                <Timeline
                  className="history-timeline"
                  items={data.items.map((h) => ({
                    key: h.id,
                    color: ACTION_COLORS[h.action],
                    content: (
                      <div className="history-item" data-testid="history-item" data-action={h.action}>
                        <div className="history-item-head">
                          <Tag color={ACTION_COLORS[h.action]}>{t(`reports.history.actions.${h.action}`)}</Tag>
                          <strong>{h.action === 'delete' ? t('common.none') : figure(t, item, h, lang)}</strong>
                        </div>
                        {h.action !== 'insert' ? (
                          <div className="history-sub">
                            {t('reports.history.previous', {
                              value: figure(t, item, { value: h.previousValue, numerator: h.previousNumerator, denominator: h.previousDenominator }, lang),
                            })}
                          </div>
                        ) : null}
                        <div className="history-sub">
                          {source(h.source)} · {h.changedBy?.fullName ?? t('reports.history.system')} · {formatDateTime(h.changedAt)}
                        </div>
                        {h.comment ? <div className="history-comment">“{h.comment}”</div> : null}
                      </div>
                    ),
                  }))}
                />
              )}
            </>
          )}
        </div>
      ) : null}
    </Drawer>
  );
}
