import { DownOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton, Tag, Tree, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import type { UnitTree, UnitTreeNode } from './useUnitTree';

interface Props {
  tree: UnitTree;
  selectedId: number | null;
  onSelect: (id: number) => void;
}

function NodeTitle({ node, tree }: { node: UnitTreeNode; tree: UnitTree }) {
  const { t } = useTranslation();
  if (node.moreFor) {
    return (
      <Button type="link" size="small" className="tree-more" loading={tree.loadingMore === node.moreFor}>
        {t('units.tree.loadMore')}
      </Button>
    );
  }
  const unit = node.unit!;
  return (
    <span className={unit.closedOn ? 'tree-title tree-title-closed' : 'tree-title'}>
      <span className="tree-title-name">{unit.name}</span>
      {unit.closedOn ? (
        <Tag className="tree-title-tag" variant="filled">
          {t('units.status.closed')}
        </Tag>
      ) : null}
    </span>
  );
}

export function UnitTreePanel({ tree, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const { rootStatus } = tree;
  const ref = useRef<HTMLDivElement>(null);
  const scrolledTo = useRef<number | null>(null);

  // Bring a unit chosen elsewhere (search, lineage, breadcrumb, link) into view once it appears.
  useEffect(() => {
    if (selectedId === null || scrolledTo.current === selectedId) return;
    // After the expand animation has laid the row out.
    const timer = window.setTimeout(() => {
      const root = ref.current;
      const scroller = root?.closest<HTMLElement>('.units-nav-body');
      const node = root?.querySelector<HTMLElement>('.ant-tree-treenode-selected');
      if (!scroller || !node) return;
      scrolledTo.current = selectedId;
      const box = scroller.getBoundingClientRect();
      const row = node.getBoundingClientRect();
      if (row.top < box.top || row.bottom > box.bottom) scroller.scrollTop += row.top - box.top - box.height / 3;
    }, 350);
    return () => window.clearTimeout(timer);
  }, [selectedId, tree.treeData, tree.expandedKeys]);
  if (rootStatus.state === 'loading' && tree.treeData.length === 0) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (rootStatus.state === 'error') return <LoadError error={rootStatus.error} onRetry={() => void tree.reloadRoots()} />;
  if (tree.treeData.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.tree.empty')} />;

  return (
    <div className="unit-tree" ref={ref} data-testid="unit-tree" role="region" aria-label={t('units.tree.label')}>
      <Tree<UnitTreeNode>
        treeData={tree.treeData}
        loadData={tree.loadData}
        loadedKeys={tree.loadedKeys}
        expandedKeys={tree.expandedKeys}
        onExpand={(keys) => tree.setExpandedKeys(keys.map(String))}
        selectedKeys={selectedId ? [String(selectedId)] : []}
        switcherIcon={<DownOutlined />}
        blockNode
        showLine={false}
        titleRender={(node) => <NodeTitle node={node} tree={tree} />}
        onSelect={(_keys, info) => {
          const node = info.node;
          if (node.moreFor) {
            void tree.loadMore(node.moreFor);
            return;
          }
          onSelect(Number(node.key));
          if (!node.isLeaf && !tree.expandedKeys.includes(String(node.key))) {
            tree.setExpandedKeys([...tree.expandedKeys, String(node.key)]);
          }
        }}
      />
      <Typography.Text type="secondary" className="unit-tree-hint">
        {t('units.tree.hint')}
      </Typography.Text>
    </div>
  );
}
