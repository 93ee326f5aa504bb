import { SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Input, Row, Switch } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { orgUnitKeys, useOrgUnit, useOrgUnitSearch } from '../../api/orgUnits';
import type { OrgUnitDetail } from '../../api/types';
import { useCurrentUser } from '../../auth/useAuth';
import { PageHeader } from '../../components/PageHeader';
import { isAdmin, unitRights } from '../../lib/roles';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useIsMobile, useIsNarrow } from '../../lib/useIsMobile';
import { CloseUnitDialog } from './dialogs/CloseUnitDialog';
import { CreateUnitDialog } from './dialogs/CreateUnitDialog';
import { EditUnitDialog } from './dialogs/EditUnitDialog';
import { ImportCsvDialog } from './dialogs/ImportCsvDialog';
import { MoveUnitDialog } from './dialogs/MoveUnitDialog';
import { UnitDetailPanel, type UnitDialog } from './UnitDetailPanel';
import { UnitSearchResults } from './UnitSearchResults';
import { UnitTreePanel } from './UnitTreePanel';
import { useUnitTree } from './useUnitTree';

/**
 * The unit browser: a lazily loaded tree (or, while searching, the matches) beside the selected
 * unit's detail. The selection and the "show closed units" switch live in the URL
 * (?unit=ID&closed=1) so a unit can be linked to and the back button works.
 */
export default function UnitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const isMobile = useIsMobile();
  const stacked = useIsNarrow();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const selectedId = Number(params.get('unit')) || null;
  const includeClosed = params.get('closed') === '1';

  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const searching = search.trim().length > 0;
  const results = useOrgUnitSearch(q, { includeClosed, limit: 100 });

  const tree = useUnitTree(includeClosed);
  const detail = useOrgUnit(selectedId);
  const [dialog, setDialog] = useState<UnitDialog | 'import' | null>(null);
  const detailRef = useRef<HTMLDivElement>(null);

  const select = useCallback(
    (id: number) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('unit', String(id));
          return next;
        },
        { replace: false },
      );
      if (stacked) window.setTimeout(() => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
    },
    [setParams, stacked],
  );

  const setIncludeClosed = (value: boolean) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set('closed', '1');
        else next.delete('closed');
        return next;
      },
      { replace: true },
    );

  // With nothing chosen yet, open the first unit in scope (and its branch when it is the only one).
  // Runs when a (re)loaded tree is ready, not on every selection change.
  const { roots } = tree;
  const firstRoot = roots[0];
  const treeReady = tree.rootStatus.state === 'ready';
  useEffect(() => {
    if (!firstRoot || !treeReady) return;
    if (roots.length === 1 && firstRoot.childCount > 0) void tree.reveal([firstRoot.id]);
    if (selectedId === null && !isMobile) {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('unit', String(firstRoot.id));
          return next;
        },
        { replace: true },
      );
    }
  }, [firstRoot?.id, roots.length, treeReady]);

  // Keep the tree showing where the selected unit sits (also after the tree is reloaded).
  const unit = detail.data;
  const pathKey = unit ? unit.path.map((p) => p.id).join('/') : '';
  useEffect(() => {
    if (unit && treeReady) void tree.reveal(unit.path.map((p) => p.id));
  }, [unit?.id, pathKey, treeReady]);

  const afterChange = async (changed?: OrgUnitDetail, successText?: string) => {
    await queryClient.invalidateQueries({ queryKey: orgUnitKeys.all });
    await tree.refresh();
    if (successText) message.success(successText);
    if (changed) {
      queryClient.setQueryData(orgUnitKeys.detail(changed.id), changed);
      if (changed.id !== selectedId) select(changed.id);
    }
  };

  const rights = unit ? unitRights(user, unit) : { createChild: false, reshape: false };
  const scopeRootIds = useMemo(() => new Set(roots.map((r) => r.id)), [roots]);

  return (
    <>
      <PageHeader
        title={t('nav.units')}
        subtitle={t('units.subtitle')}
        extra={
          isAdmin(user) ? (
            <Button icon={<UploadOutlined />} onClick={() => setDialog('import')} data-testid="unit-import-button">
              {t('units.import.button')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[16, 16]} className="units-layout">
        <Col xs={24} lg={10} xl={8}>
          <Card className="units-nav">
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('units.search.placeholder')}
              aria-label={t('units.search.placeholder')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="unit-search"
            />
            <label className="units-closed-switch">
              <Switch size="small" checked={includeClosed} onChange={setIncludeClosed} data-testid="include-closed" />
              <span>{t('units.showClosed')}</span>
            </label>
            <div className="units-nav-body">
              {searching ? (
                <UnitSearchResults
                  query={search.trim()}
                  data={q ? results.data : undefined}
                  isLoading={results.isLoading || q !== search.trim()}
                  error={results.error}
                  selectedId={selectedId}
                  onSelect={select}
                />
              ) : (
                <UnitTreePanel tree={tree} selectedId={selectedId} onSelect={select} />
              )}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={16}>
          <div ref={detailRef} className="units-detail-anchor">
            <UnitDetailPanel
              selectedId={selectedId}
              unit={unit}
              isLoading={detail.isLoading}
              error={detail.error}
              onRetry={() => void detail.refetch()}
              rights={rights}
              scopeRootIds={scopeRootIds}
              onSelect={select}
              onDialog={setDialog}
            />
          </div>
        </Col>
      </Row>

      {unit && dialog === 'create' ? (
        <CreateUnitDialog
          parent={unit}
          onClose={() => setDialog(null)}
          onDone={(created) => void afterChange(created, t('units.dialogs.create.done', { name: created.name }))}
        />
      ) : null}
      {unit && dialog === 'edit' ? (
        <EditUnitDialog unit={unit} onClose={() => setDialog(null)} onDone={(u) => void afterChange(u, t('units.dialogs.edit.done'))} />
      ) : null}
      {unit && dialog === 'move' ? (
        <MoveUnitDialog unit={unit} onClose={() => setDialog(null)} onDone={(u) => void afterChange(u, t('units.dialogs.move.done', { name: u.name }))} />
      ) : null}
      {unit && dialog === 'close' ? (
        <CloseUnitDialog unit={unit} onClose={() => setDialog(null)} onDone={(u) => void afterChange(u, t('units.dialogs.close.done', { name: u.name }))} />
      ) : null}
      {dialog === 'import' ? <ImportCsvDialog onClose={() => setDialog(null)} onDone={() => void afterChange()} /> : null}
    </>
  );
}
