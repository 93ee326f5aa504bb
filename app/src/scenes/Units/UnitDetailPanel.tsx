import type { UnitRights } from '../../lib/roles';
import { ApartmentOutlined, DeleteOutlined, DragOutlined, EditOutlined, HomeOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Empty, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LineageLink, OrgUnitDetail } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { ShareTag, UnitStatusTag } from '../../components/tags';
import { formatDate } from '../../lib/format';

export type UnitDialog = 'create' | 'edit' | 'move' | 'close';

interface Props {
  selectedId: number | null;
  unit: OrgUnitDetail | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  rights: UnitRights;
  /** The top units the user may browse; ancestors above them are shown but not linked. */
  scopeRootIds: ReadonlySet<number>;
  onSelect: (id: number) => void;
  onDialog: (dialog: UnitDialog) => void;
}

function LineageList({ links, onSelect, empty }: { links: LineageLink[]; onSelect: (id: number) => void; empty: string }) {
  const { t } = useTranslation();
  if (links.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <ul className="lineage-list">
      {links.map((link) => (
        <li key={`${link.id}-${link.effectiveDate ?? ''}`} className="lineage-item">
          <Typography.Link onClick={() => onSelect(link.id)} data-testid="lineage-link">
            {link.name}
          </Typography.Link>
          <Typography.Text type="secondary" className="lineage-code">
            {link.code}
          </Typography.Text>
          <ShareTag share={link.share} />
          {link.effectiveDate ? (
            <Typography.Text type="secondary" className="lineage-date">
              {t('units.lineage.effective', { date: formatDate(link.effectiveDate) })}
            </Typography.Text>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function UnitDetailPanel({ selectedId, unit, isLoading, error, onRetry, rights, scopeRootIds, onSelect, onDialog }: Props) {
  const { t } = useTranslation();

  if (selectedId === null) {
    return (
      <Card className="unit-detail" data-testid="unit-detail">
        <Empty image={<ApartmentOutlined className="empty-icon" />} description={t('units.detail.pick')} />
      </Card>
    );
  }
  if (error) {
    return (
      <Card className="unit-detail" data-testid="unit-detail">
        <LoadError error={error} onRetry={onRetry} />
      </Card>
    );
  }
  if (isLoading || !unit) {
    return (
      <Card className="unit-detail" data-testid="unit-detail">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }

  const closed = unit.closedOn !== null;
  let inScope = false;
  const crumbs = [
    ...unit.path.map((p) => {
      inScope ||= scopeRootIds.has(p.id);
      return {
        key: p.id,
        title: inScope ? (
          <Typography.Link onClick={() => onSelect(p.id)} title={p.code}>
            {p.name}
          </Typography.Link>
        ) : (
          <span title={p.code}>{p.name}</span>
        ),
      };
    }),
    { key: unit.id, title: <span>{unit.name}</span> },
  ];

  return (
    <Card className="unit-detail" data-testid="unit-detail">
      <Breadcrumb
        className="unit-breadcrumb"
        items={[{ key: 'root', title: <HomeOutlined aria-label={t('units.detail.path')} /> }, ...crumbs]}
        data-testid="unit-breadcrumb"
      />
      <div className="unit-detail-head">
        <Typography.Title level={4} className="unit-detail-name" data-testid="unit-detail-name">
          {unit.name}
        </Typography.Title>
        <UnitStatusTag closedOn={unit.closedOn} />
      </div>

      {(rights.createChild || rights.reshape) && !closed ? (
        <Space wrap className="unit-actions" data-testid="unit-actions">
          {rights.createChild ? (
            <Button icon={<PlusOutlined />} onClick={() => onDialog('create')} data-testid="unit-create-child">
              {t('units.actions.createChild')}
            </Button>
          ) : null}
          {rights.reshape ? (
            <Button icon={<EditOutlined />} onClick={() => onDialog('edit')} data-testid="unit-rename">
              {t('units.actions.rename')}
            </Button>
          ) : null}
          {rights.reshape && unit.parentId !== null ? (
            <>
              <Button icon={<DragOutlined />} onClick={() => onDialog('move')} data-testid="unit-move">
                {t('units.actions.move')}
              </Button>
              <Button danger icon={<DeleteOutlined />} onClick={() => onDialog('close')} data-testid="unit-close">
                {t('units.actions.close')}
              </Button>
            </>
          ) : null}
        </Space>
      ) : null}

      <Descriptions
        className="unit-facts"
        size="small"
        column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: 2, xxl: 3 }}
        bordered
        items={[
          { key: 'code', label: t('units.fields.code'), children: <Typography.Text copyable>{unit.code}</Typography.Text> },
          { key: 'kind', label: t('units.fields.kind'), children: t(`kinds.${unit.kind}`) },
          ...(unit.shortName ? [{ key: 'shortName', label: t('units.fields.shortName'), children: unit.shortName }] : []),
          { key: 'validFrom', label: t('units.fields.validFrom'), children: unit.validFrom ? formatDate(unit.validFrom) : t('common.none') },
          { key: 'validTo', label: t('units.fields.validTo'), children: unit.closedOn ? formatDate(unit.closedOn) : t('units.detail.openEnded') },
          { key: 'status', label: t('units.fields.status'), children: <UnitStatusTag closedOn={unit.closedOn} /> },
          { key: 'children', label: t('units.fields.childCount'), children: unit.childCount },
        ]}
      />

      <div className="lineage">
        <Typography.Title level={5}>{t('units.lineage.title')}</Typography.Title>
        <div className="lineage-grid">
          <section>
            <Typography.Text strong className="lineage-heading">
              {t('units.lineage.predecessors')}
            </Typography.Text>
            <LineageList links={unit.predecessors} onSelect={onSelect} empty={t('units.lineage.noPredecessors')} />
          </section>
          <section>
            <Typography.Text strong className="lineage-heading">
              {t('units.lineage.successors')}
            </Typography.Text>
            <LineageList links={unit.successors} onSelect={onSelect} empty={t('units.lineage.noSuccessors')} />
          </section>
        </div>
      </div>
    </Card>
  );
}
