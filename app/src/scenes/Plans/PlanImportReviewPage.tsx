import { ArrowLeftOutlined, DeleteOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, ConfigProvider, Modal, Popconfirm, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useNavigate, useParams } from 'react-router-dom';
import { normaliseReview, reviewCounts } from '../../../../domain/extract/planReview';
import { ApiError } from '../../api/client';
import { useIndicatorList } from '../../api/indicators';
import { planImportKeys, planImportsApi, usePlanImport, type PlanImportDetail, type PlanImportReview, type TargetReview, type TaskReview } from '../../api/planImports';
import type { FieldProblem } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { PlanImportDocument } from './PlanImportDocument';
import { PlanImportSource, type ItemKey, type SourceMark } from './PlanImportSource';
import { TargetList, type IndicatorOption } from './PlanImportTargets';
import { TaskList, type UnitLabel } from './PlanImportTasks';
import '../Tasks/tasks.css';
import './planImport.css';

type TabKey = 'document' | 'targets' | 'tasks';

/**
 * The review of an imported plan document: the source text on the left with every extracted item
 * highlighted (a click on an item shows its sentence, a click on a highlight opens its item), the
 * document's details, targets and tasks on the right — kept, edited or dropped one by one — then
 * "Lưu nháp" and "Công bố kế hoạch", which creates the plan with its targets and tasks and opens it.
 * On a phone the two panes stack.
 */
export default function PlanImportReviewPage() {
  const id = Number(useParams().id);
  const draft = usePlanImport(id);
  if (draft.error && !draft.data) return <LoadError error={draft.error} onRetry={() => void draft.refetch()} />;
  if (!draft.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  return <ReviewEditor data={draft.data} />;
}

/** Where a problem of the server points: "review.targets[3].indicator" → the target 3. */
function itemOfPath(path: string): ItemKey | 'document' | null {
  const m = /(targets|tasks)\[(\d+)\]/.exec(path);
  if (m) return `${m[1] === 'targets' ? 'target' : 'task'}-${Number(m[2])}` as ItemKey;
  return /document/.test(path) ? 'document' : null;
}

function ReviewEditor({ data }: { data: PlanImportDetail }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [review, setReview] = useState<PlanImportReview>(data.review);
  const [saved, setSaved] = useState<PlanImportReview>(data.review);
  useEffect(() => {
    setReview(data.review);
    setSaved(data.review);
  }, [data]);
  const dirty = review !== saved;
  const shown = useMemo(() => normaliseReview(review, data.proposal), [review, data.proposal]);
  const counts = reviewCounts(shown);
  const [tab, setTab] = useState<TabKey>('targets');
  const [active, setActive] = useState<ItemKey | null>(null);
  const [problem, setProblem] = useState<{ detail: string; errors: FieldProblem[] } | null>(null);
  const [busy, setBusy] = useState<'save' | 'publish' | 'discard' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [known, setKnown] = useState<Map<number, UnitLabel>>(() => new Map(data.units.map((u) => [u.id, u])));
  useEffect(() => setKnown((k) => new Map([...k, ...data.units.map((u) => [u.id, u] as const)])), [data.units]);
  const readOnly = data.status !== 'draft';

  // Leaving with unsaved decisions asks first (publishing and discarding navigate on purpose).
  // A ref, not state: the navigation after publishing must never see a stale "not busy".
  const leaving = useRef(false);
  const blocker = useBlocker(
    useCallback(({ currentLocation, nextLocation }) => !leaving.current && dirty && busy === null && currentLocation.pathname !== nextLocation.pathname, [dirty, busy]),
  );
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    modal.confirm({
      title: t('planImport.review.leaveTitle'),
      content: t('planImport.review.leaveText'),
      okText: t('planImport.review.leave'),
      okButtonProps: { danger: true, 'data-testid': 'import-leave-confirm' } as never,
      cancelText: t('planImport.review.stay'),
      onOk: () => {
        asking.current = false;
        blocker.proceed();
      },
      onCancel: () => {
        asking.current = false;
        blocker.reset();
      },
    });
  }, [blocker, modal, t]);

  const catalogueQuery = useIndicatorList({ limit: 500 });
  const catalogue: IndicatorOption[] = useMemo(() => {
    const all = new Map<number, IndicatorOption>((catalogueQuery.data?.items ?? []).map((i) => [i.id, { id: i.id, code: i.code, name: i.name, unit: i.unit }]));
    for (const i of data.indicators) if (!all.has(i.id)) all.set(i.id, i);
    return [...all.values()];
  }, [catalogueQuery.data, data.indicators]);

  const select = useCallback((key: ItemKey) => {
    setActive(key);
    setTab(key.startsWith('target') ? 'targets' : 'tasks');
  }, []);
  useEffect(() => {
    if (!active) return;
    document.querySelector(`[data-item="${active}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [active, tab]);

  const changeTarget = useCallback((i: number, patch: Partial<TargetReview>) => setReview((r) => ({ ...r, targets: r.targets.map((x, j) => (j === i ? { ...x, ...patch } : x)) })), []);
  const changeTask = useCallback((i: number, patch: Partial<TaskReview>) => setReview((r) => ({ ...r, tasks: r.tasks.map((x, j) => (j === i ? { ...x, ...patch } : x)) })), []);
  const changeDocument = useCallback((patch: Partial<PlanImportReview['document']>) => setReview((r) => ({ ...r, document: { ...r.document, ...patch } })), []);
  const learnUnit = useCallback((u: UnitLabel) => setKnown((k) => new Map(k).set(u.id, u)), []);

  // Marks change only when an item is dropped or kept again, not at every keystroke.
  const rejectedKey = shown.targets.map((x) => (x.decision === 'rejected' ? 1 : 0)).join('') + '/' + shown.tasks.map((x) => (x.decision === 'rejected' ? 1 : 0)).join('');
  const marks: SourceMark[] = useMemo(
    () => [
      ...data.extraction.targets.map((x, i) => ({ key: `target-${i}` as ItemKey, span: x.span, rejected: review.targets[i]?.decision === 'rejected' })),
      ...data.extraction.tasks.map((x, i) => ({ key: `task-${i}` as ItemKey, span: x.span, rejected: review.tasks[i]?.decision === 'rejected' })),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rejectedKey stands for the decisions
    [data.extraction, rejectedKey],
  );

  const fail = (e: unknown) => setProblem({ detail: errorMessage(e, t), errors: e instanceof ApiError ? e.errors : [] });
  const store = async (): Promise<PlanImportDetail> => {
    const next = await planImportsApi.saveReview(data.id, review);
    queryClient.setQueryData(planImportKeys.detail(data.id), next);
    return next;
  };
  const save = async () => {
    setBusy('save');
    setProblem(null);
    try {
      await store();
      message.success(t('planImport.review.saved'));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };
  const publish = async () => {
    setBusy('publish');
    setProblem(null);
    try {
      if (dirty) await store();
      const result = await planImportsApi.publish(data.id);
      setConfirming(false);
      message.success(t('planImport.review.publishedMessage', { number: result.plan.number, targets: result.created.targets, tasks: result.created.tasks }));
      // Go to the new plan at once; the lists it changed refresh in the background.
      leaving.current = true;
      navigate(`/plans/${result.plan.id}`);
      void Promise.all(['plans', 'tasks', 'targets', 'indicators', 'plan-imports'].map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
    } catch (e) {
      setConfirming(false);
      fail(e);
    } finally {
      setBusy(null);
    }
  };
  const discard = async () => {
    setBusy('discard');
    try {
      await planImportsApi.discard(data.id);
      await queryClient.invalidateQueries({ queryKey: planImportKeys.all });
      leaving.current = true;
      navigate('/plans/import');
    } catch (e) {
      fail(e);
      setBusy(null);
    }
  };

  const issuer = known.get(review.document.issuerUnitId);
  const kept = (c: { total: number; rejected: number }) => c.total - c.rejected;
  const undated = shown.tasks.filter((x) => x.decision !== 'rejected' && x.dueDate === null).length;
  const warnings = [...data.reading.warnings, ...data.extraction.warnings.filter((w) => w !== 'ocr-text').map((w) => t(`planImport.warnings.${w}` as never, { defaultValue: w }) as string)];

  const actions = readOnly ? null : (
    <Space wrap>
      <Popconfirm title={t('planImport.review.discardConfirm')} okText={t('planImport.review.discard')} cancelText={t('common.cancel')} onConfirm={() => void discard()} okButtonProps={{ danger: true, 'data-testid': 'import-discard-ok' }}>
        <Button icon={<DeleteOutlined />} disabled={busy !== null} data-testid="import-discard">
          {t('planImport.review.discard')}
        </Button>
      </Popconfirm>
      <Button icon={<SaveOutlined />} onClick={() => void save()} loading={busy === 'save'} disabled={busy !== null && busy !== 'save'} data-testid="import-save">
        {t('planImport.review.save')}
      </Button>
      <Button type="primary" icon={<SendOutlined />} onClick={() => setConfirming(true)} disabled={busy !== null} data-testid="import-publish">
        {t('planImport.review.publish')}
      </Button>
    </Space>
  );

  return (
    <>
      <Link to="/plans/import" className="task-back">
        <ArrowLeftOutlined /> {t('planImport.title')}
      </Link>
      <PageHeader
        title={t('planImport.review.title', { number: review.document.number || data.filename })}
        subtitle={[data.filename, issuer?.name].filter(Boolean).join(' · ')}
        extra={actions}
      />
      <div className="import-alerts">
        {data.status === 'published' && data.publishedPlan ? (
          <Alert
            type="success"
            showIcon
            data-testid="import-status"
            title={t('planImport.review.isPublished', { number: data.publishedPlan.number })}
            action={
              <Link to={`/plans/${data.publishedPlan.id}`} data-testid="import-published-link">
                {t('planImport.review.openPlan')}
              </Link>
            }
          />
        ) : null}
        {data.status === 'discarded' ? <Alert type="info" showIcon data-testid="import-status" title={t('planImport.review.isDiscarded')} /> : null}
        {dirty && !readOnly ? (
          <Typography.Text type="warning" data-testid="import-dirty">
            {t('planImport.review.unsaved')}
          </Typography.Text>
        ) : null}
        {problem ? (
          <Alert
            type="error"
            showIcon
            data-testid="import-error"
            title={problem.detail}
            closable={{ onClose: () => setProblem(null) }}
            description={
              problem.errors.length ? (
                <ul className="import-problems" data-testid="import-problems">
                  {problem.errors.map((e, i) => {
                    const target = itemOfPath(e.path);
                    return (
                      <li key={i} data-testid="import-problem">
                        {target ? (
                          <Typography.Link onClick={() => (target === 'document' ? setTab('document') : select(target))}>{e.message}</Typography.Link>
                        ) : (
                          e.message
                        )}
                      </li>
                    );
                  })}
                </ul>
              ) : undefined
            }
          />
        ) : null}
        {data.duplicate && tab !== 'document' ? (
          <Alert type="warning" showIcon data-testid="import-duplicate-banner" title={t('planImport.document.duplicate', { number: data.duplicate.number })} />
        ) : null}
        {data.extraction.ocr ? <Alert type="info" showIcon title={t('planImport.review.ocr', { count: data.extraction.corrections.length })} data-testid="import-ocr" /> : null}
        {warnings.length ? (
          <Alert type="warning" showIcon data-testid="import-warnings" title={t('planImport.review.warnings')} description={<ul className="import-problems">{warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>} />
        ) : null}
      </div>
      <div className="plan-import-split">
        <Card size="small" className="plan-import-pane" title={t('planImport.source.title')} extra={<SourceLegend ocr={data.extraction.ocr} />}>
          <PlanImportSource source={data.extraction.source} marks={marks} corrections={data.extraction.corrections} active={active} onSelect={select} />
        </Card>
        <Card size="small" className="plan-import-pane plan-import-review">
          <ConfigProvider componentDisabled={readOnly}>
            <Tabs
              activeKey={tab}
              onChange={(k) => setTab(k as TabKey)}
              data-testid="import-tabs"
              items={[
                {
                  key: 'document',
                  label: <span data-testid="import-tab-document">{t('planImport.tabs.document')}</span>,
                  children: <PlanImportDocument value={review.document} extracted={data.extraction.document} issuer={issuer} duplicate={data.duplicate} onChange={changeDocument} onIssuer={learnUnit} />,
                },
                {
                  key: 'targets',
                  label: (
                    <span data-testid="import-tab-targets" data-kept={kept(counts.targets)} data-total={counts.targets.total}>
                      {t('planImport.tabs.targets', { kept: kept(counts.targets), total: counts.targets.total })}
                    </span>
                  ),
                  children: (
                    <TargetList
                      items={review.targets}
                      decisions={shown.targets.map((x) => x.decision)}
                      extracted={data.extraction.targets}
                      suggestions={data.suggestions}
                      catalogue={catalogue}
                      issuerName={issuer?.name ?? t('planImport.targets.issuer')}
                      active={active}
                      lang={i18n.resolvedLanguage ?? 'vi'}
                      onSelect={select}
                      onChange={changeTarget}
                    />
                  ),
                },
                {
                  key: 'tasks',
                  label: (
                    <span data-testid="import-tab-tasks" data-kept={kept(counts.tasks)} data-total={counts.tasks.total}>
                      {t('planImport.tabs.tasks', { kept: kept(counts.tasks), total: counts.tasks.total })}
                    </span>
                  ),
                  children: (
                    <TaskList
                      items={review.tasks}
                      decisions={shown.tasks.map((x) => x.decision)}
                      extracted={data.extraction.tasks}
                      units={known}
                      issuer={issuer}
                      defaultDueDate={review.document.horizonYear ? `${review.document.horizonYear}-12-31` : null}
                      active={active}
                      onSelect={select}
                      onChange={changeTask}
                    />
                  ),
                },
              ]}
            />
          </ConfigProvider>
        </Card>
      </div>
      <Modal
        open={confirming}
        title={t('planImport.review.publishTitle')}
        okText={t('planImport.review.publish')}
        cancelText={t('common.cancel')}
        onOk={() => void publish()}
        onCancel={() => busy === null && setConfirming(false)}
        okButtonProps={{ loading: busy === 'publish', 'data-testid': 'import-publish-ok' }}
        destroyOnHidden
      >
        <div data-testid="import-publish-dialog">
          <p>
            {t('planImport.review.publishSummary', {
              kind: review.document.kind ?? '',
              number: review.document.number,
              targets: kept(counts.targets),
              tasks: kept(counts.tasks),
            })}
          </p>
          {counts.targets.rejected + counts.tasks.rejected > 0 ? <p>{t('planImport.review.publishRejected', { targets: counts.targets.rejected, tasks: counts.tasks.rejected })}</p> : null}
          {undated > 0 && review.document.horizonYear ? <p>{t('planImport.review.publishDue', { count: undated, date: formatDate(`${review.document.horizonYear}-12-31`) })}</p> : null}
          {shown.targets.some((x) => x.decision !== 'rejected' && x.indicator?.kind === 'new') ? (
            <p>{t('planImport.review.publishIndicators', { count: new Set(shown.targets.filter((x) => x.decision !== 'rejected' && x.indicator?.kind === 'new').map((x) => (x.indicator as { name: string }).name)).size })}</p>
          ) : null}
        </div>
      </Modal>
    </>
  );
}

function SourceLegend({ ocr }: { ocr: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap className="import-legend">
      <Tag className="legend-target">{t('planImport.source.targets')}</Tag>
      <Tag className="legend-task">{t('planImport.source.tasks')}</Tag>
      {ocr ? <Tag className="legend-fix">{t('planImport.source.fixes')}</Tag> : null}
    </Space>
  );
}
