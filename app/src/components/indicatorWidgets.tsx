import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TargetStatus } from '../api/types';
import { formatAttainment, langOf, STATUS_COLORS, STATUS_HEX } from '../lib/indicators';

/** đạt (green), chưa đạt (red), có nguy cơ không đạt (orange), chưa có số liệu (grey); null: no target. */
export function TargetStatusTag({ status }: { status: TargetStatus | null }) {
  const { t } = useTranslation();
  const key = status ?? 'none';
  return (
    <Tag color={STATUS_COLORS[key]} className="status-tag" data-status={key}>
      {t(`targetStatus.${key}`)}
    </Tag>
  );
}

export function PillarTag({ pillar }: { pillar: string | null }) {
  const { t } = useTranslation();
  if (!pillar) return null;
  return (
    <Tag variant="outlined" className="pillar-tag">
      {t(`pillar.${pillar}` as never, { defaultValue: pillar }) as string}
    </Tag>
  );
}

/** Attainment as a bar (capped at 100 %) with the exact figure beside it, coloured by status. */
export function AttainmentBar({ attainment, status }: { attainment: number | null; status: TargetStatus | null }) {
  const { t, i18n } = useTranslation();
  if (attainment === null || !Number.isFinite(attainment)) return <span className="attainment-none">{t('common.none')}</span>;
  const percent = Math.max(0, Math.min(100, attainment * 100));
  return (
    <div className="attainment">
      <Progress
        percent={percent}
        showInfo={false}
        size="small"
        strokeColor={STATUS_HEX[status ?? 'none']}
        className="attainment-bar"
        aria-label={formatAttainment(t, attainment, langOf(i18n.resolvedLanguage))}
      />
      <span className="attainment-text">{formatAttainment(t, attainment, langOf(i18n.resolvedLanguage))}</span>
    </div>
  );
}
