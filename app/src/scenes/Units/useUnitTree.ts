import type { TreeDataNode } from 'antd';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type Key } from 'react';
import { orgUnitsApi } from '../../api/orgUnits';
import type { OrgUnitSummary, Page } from '../../api/types';

const PAGE_SIZE = 200;
const ROOT = 'root';
const MORE_PREFIX = 'more:';

export interface UnitTreeNode extends TreeDataNode {
  key: string;
  unit?: OrgUnitSummary;
  /** Set on the "load more" pseudo-node of a branch with more children than one page. */
  moreFor?: string;
  children?: UnitTreeNode[];
}

type Branch = Page<OrgUnitSummary>;

/**
 * The lazily loaded unit tree: roots from GET /org-units, each branch from
 * GET /org-units?parent=ID when first opened, more pages on demand. The branches live in a ref
 * (read synchronously while revealing a path) with a version counter that triggers renders.
 */
export function useUnitTree(includeClosed: boolean) {
  const branches = useRef(new Map<string, Branch>());
  const generation = useRef(0);
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [rootStatus, setRootStatus] = useState<{ state: 'loading' | 'ready' | 'error'; error?: unknown }>({ state: 'loading' });
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [loadingMore, setLoadingMore] = useState<string | null>(null);

  const fetchBranch = useCallback(
    (key: string, cursor?: string, limit = PAGE_SIZE) =>
      orgUnitsApi.list(key === ROOT ? { includeClosed, limit, cursor } : { parent: Number(key), includeClosed, limit, cursor }),
    [includeClosed],
  );

  const loadBranch = useCallback(
    async (key: string) => {
      const gen = generation.current;
      const page = await fetchBranch(key);
      if (gen !== generation.current) return;
      branches.current.set(key, page);
      bump();
    },
    [fetchBranch],
  );

  const loadRoots = useCallback(async () => {
    setRootStatus({ state: 'loading' });
    try {
      await loadBranch(ROOT);
      setRootStatus({ state: 'ready' });
    } catch (error) {
      setRootStatus({ state: 'error', error });
    }
  }, [loadBranch]);

  // A new filter starts a new tree; answers still in flight for the old one are dropped.
  useEffect(() => {
    generation.current += 1;
    branches.current = new Map();
    setExpandedKeys([]);
    bump();
    void loadRoots();
  }, [loadRoots]);

  const loadData = useCallback(
    async (node: { key: Key }) => {
      const key = String(node.key);
      if (key.startsWith(MORE_PREFIX) || branches.current.has(key)) return;
      await loadBranch(key);
    },
    [loadBranch],
  );

  const loadMore = useCallback(
    async (branchKey: string) => {
      const branch = branches.current.get(branchKey);
      if (!branch?.nextCursor) return;
      const gen = generation.current;
      setLoadingMore(branchKey);
      try {
        const page = await fetchBranch(branchKey, branch.nextCursor);
        if (gen !== generation.current) return;
        branches.current.set(branchKey, { items: [...branch.items, ...page.items], nextCursor: page.nextCursor });
        bump();
      } finally {
        setLoadingMore(null);
      }
    },
    [fetchBranch],
  );

  /** Re-read every loaded branch (after a change), keeping what is open. */
  const refresh = useCallback(async () => {
    const gen = generation.current;
    const keys = [...branches.current.keys()];
    const pages = await Promise.allSettled(
      keys.map((key) => fetchBranch(key, undefined, Math.min(500, Math.max(PAGE_SIZE, branches.current.get(key)?.items.length ?? 0)))),
    );
    if (gen !== generation.current) return;
    const next = new Map<string, Branch>();
    pages.forEach((result, i) => {
      if (result.status === 'fulfilled') next.set(keys[i]!, result.value);
    });
    branches.current = next;
    bump();
  }, [fetchBranch]);

  const isNode = (key: string) => {
    for (const branch of branches.current.values()) if (branch.items.some((u) => String(u.id) === key)) return true;
    return false;
  };

  /** Open the branches along a unit's path (root → parent) that exist in this tree. */
  const reveal = useCallback(
    async (ancestorIds: number[]) => {
      const open: string[] = [];
      for (const id of ancestorIds) {
        const key = String(id);
        if (!isNode(key)) continue;
        if (!branches.current.has(key)) {
          try {
            await loadBranch(key);
          } catch {
            break;
          }
        }
        open.push(key);
      }
      if (open.length) setExpandedKeys((prev) => [...new Set([...prev, ...open])]);
    },
    [loadBranch],
  );

  const treeData = useMemo(() => {
    const build = (key: string): UnitTreeNode[] | undefined => {
      const branch = branches.current.get(key);
      if (!branch) return undefined;
      const nodes: UnitTreeNode[] = branch.items.map((unit) => ({
        key: String(unit.id),
        title: unit.name,
        unit,
        isLeaf: unit.childCount === 0,
        children: unit.childCount === 0 ? undefined : build(String(unit.id)),
      }));
      if (branch.nextCursor) nodes.push({ key: `${MORE_PREFIX}${key}`, title: '', moreFor: key, isLeaf: true });
      return nodes;
    };
    return build(ROOT) ?? [];
  }, [version]);

  const loadedKeys = useMemo(() => [...branches.current.keys()].filter((k) => k !== ROOT), [version]);
  const roots = branches.current.get(ROOT)?.items ?? [];

  return {
    treeData,
    loadedKeys,
    expandedKeys,
    setExpandedKeys,
    loadData,
    loadMore,
    loadingMore,
    refresh,
    reveal,
    reloadRoots: loadRoots,
    rootStatus,
    roots,
  };
}

export type UnitTree = ReturnType<typeof useUnitTree>;
