import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LineageShare, OrgUnitKind, Role } from '../api/types';
import { ROLE_COLORS } from '../lib/roles';

export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <Tag color={ROLE_COLORS[role]}>{t(`roles.${role}`)}</Tag>;
}

export function KindTag({ kind }: { kind: OrgUnitKind }) {
  const { t } = useTranslation();
  return <Tag variant="outlined">{t(`kinds.${kind}`)}</Tag>;
}

export function UnitStatusTag({ closedOn }: { closedOn: string | null }) {
  const { t } = useTranslation();
  return closedOn ? <Tag color="default">{t('units.status.closed')}</Tag> : <Tag color="green">{t('units.status.active')}</Tag>;
}

export function ShareTag({ share }: { share: LineageShare }) {
  const { t } = useTranslation();
  return <Tag color={share === 'full' ? 'blue' : 'orange'}>{t(`units.share.${share}`)}</Tag>;
}
