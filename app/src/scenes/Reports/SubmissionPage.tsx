import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  CheckOutlined,
  CloseCircleOutlined,
  DownloadOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UnlockOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Row, Skeleton, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useLocation, useNavigate, useParams } from 'react-router-dom';
import { numberFromText, numberToText } from '../../../../domain/spreadsheetText';
import { ApiError } from '../../api/client';
import { reportsApi, useSubmission, useSubmissionUpdate, type SubmissionRef } from '../../api/reports';
import type { FieldProblem, Submission, SubmissionItem, SubmissionTaskInput, SubmissionValueInput } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { langOf, periodText } from '../../lib/indicators';
import { useIsMobile } from '../../lib/useIsMobile';
import { CellHistoryDrawer } from './CellHistoryDrawer';
import { ReasonDialog, UploadDialog } from './dialogs';
import { EntryGrid, problemText } from './EntryGrid';
import {
  applyPaste,
  cellProblems,
  draftsOf,
  isDirty,
  ruleProblems,
  valueRow,
  type CellAddress,
  type CellProblems,
  type Draft,
  type GridColumn,
} from './entryGrid';
import { SubmissionTimeline } from './SubmissionTimeline';
import { isTaskDirty, TaskReportSection, taskDraftsOf, taskInput, taskProblems, type TaskDraft } from './TaskReportSection';
import { SubmissionStatusTag, TimelinessTag } from './widgets';

type Lang = 'vi' | 'en';

/** The problems a failed save or submit listed, worded with the item's name where the path names a row. */
function serverProblems(error: unknown, sent: SubmissionValueInput[], submission: Submission): { path: string; message: string; indicator?: string }[] {
  if (!(error instanceof ApiError)) return [];
  const names = new Map(submission.items.map((i) => [i.indicator.code.toLowerCase(), i.indicator.code]));
  return error.errors.map((p: FieldProblem) => {
    const row = /^values\[(\d+)\]$/.exec(p.path);
    const item = /^items\.(.+)$/.exec(p.path);
    const code = row ? sent[Number(row[1])]?.indicator : item ? item[1] : undefined;
    return { ...p, indicator: code ? (names.get(code.toLowerCase()) ?? code) : undefined };
  });
}

/** Re-write the numbers of the drafts from one language's format to the other's. */
function redraft(drafts: Record<string, Draft>, from: Lang, to: Lang): Record<string, Draft> {
  const out: Record<string, Draft> = {};
  for (const [code, d] of Object.entries(drafts)) {
    const convert = (s: string) => {
      const n = numberFromText(s, from);
      return n === null || Number.isNaN(n) ? s : numberToText(n, to);
    };
    out[code] = { ...d, value: convert(d.value), numerator: convert(d.numerator), denominator: convert(d.denominator) };
  }
  return out;
}

function statusNote(t: TFunction, s: Submission): { type: 'info' | 'success' | 'warning' | 'error'; text: string } | null {
  if (s.status === 'returned' && s.returnReason) return { type: 'error', text: t('reports.entry.returned', { reason: s.returnReason, who: s.decidedBy?.fullName ?? '—', at: formatDateTime(s.decidedAt) }) };
  if (s.status === 'submitted') return { type: 'info', text: t('reports.entry.submittedLocked', { who: s.submittedBy?.fullName ?? '—', at: formatDateTime(s.submittedAt) }) };
  if (s.status === 'approved') return { type: 'success', text: t('reports.entry.approvedLocked', { who: s.decidedBy?.fullName ?? '—', at: formatDateTime(s.decidedAt) }) };
  if (!s.actions.includes('save')) return { type: 'info', text: s.form.active ? t('reports.entry.readOnly') : t('reports.entry.inactive') };
  return null;
}

/**
 * A report (form × unit × period): its header — form, unit, period, cut-off window, due date,
 * status — the actions the server says the user may take, the entry grid, what still blocks it, the
 * cross-indicator rules, and its timeline. Drafts are kept as typed until saved; leaving with
 * unsaved changes asks first.
 */
export default function SubmissionPage() {
  const params = useParams();
  const target: SubmissionRef = useMemo(() => ({ form: params.form ?? '', orgUnit: params.orgUnit ?? '', period: params.period ?? '' }), [params.form, params.orgUnit, params.period]);
  // A fresh editor for each report: drafts never carry over from one report to another.
  return <SubmissionEditor key={`${target.form}|${target.orgUnit}|${target.period}`} target={target} />;
}

function SubmissionEditor({ target }: { target: SubmissionRef }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const isMobile = useIsMobile();
  const query = useSubmission(target);
  const update = useSubmissionUpdate(target);
  const submission = query.data;

  const [drafts, setDrafts] = useState<Record<string, Draft> | null>(null);
  const [taskDrafts, setTaskDrafts] = useState<Record<number, TaskDraft>>({});
  const [from, setFrom] = useState<Submission | null>(null);
  const [requireValues, setRequireValues] = useState(false);
  const [busy, setBusy] = useState<null | 'save' | 'submit' | 'approve'>(null);
  const [failure, setFailure] = useState<{ title: string; problems: { path: string; message: string; indicator?: string }[]; testId: string } | null>(null);
  const [dialog, setDialog] = useState<null | 'return' | 'reopen' | 'upload'>(null);
  const [historyOf, setHistoryOf] = useState<SubmissionItem | null>(null);
  const [downloading, setDownloading] = useState(false);
  const langRef = useRef<Lang>(lang);

  const dirtyCodes = useMemo(() => {
    if (!submission || !drafts) return [];
    return submission.items.filter((i) => drafts[i.indicator.code] && isDirty(i, drafts[i.indicator.code]!, lang)).map((i) => i.indicator.code);
  }, [submission, drafts, lang]);
  const dirtyTasks = useMemo(() => (submission?.tasks ?? []).filter((r) => taskDrafts[r.task.id] && isTaskDirty(r, taskDrafts[r.task.id]!)), [submission, taskDrafts]);
  const dirtyCount = dirtyCodes.length + dirtyTasks.length;
  const dirty = dirtyCount > 0;

  // Drafts start from the server's staged values, and follow a fresh answer unless the user has edits.
  useEffect(() => {
    if (!submission || submission === from) return;
    if (!drafts || !from || !dirty) {
      setDrafts(draftsOf(submission, lang));
      setTaskDrafts(taskDraftsOf(submission));
      setFrom(submission);
    }
  }, [submission, from, drafts, dirty, lang]);

  // Typed numbers follow a language switch (1.234,5 ↔ 1,234.5).
  useEffect(() => {
    if (langRef.current === lang) return;
    const previous = langRef.current;
    langRef.current = lang;
    setDrafts((d) => (d ? redraft(d, previous, lang) : d));
  }, [lang]);

  const readOnly = !submission?.actions.includes('save');
  const problems = useMemo(() => {
    const out: Record<string, CellProblems> = {};
    if (!submission || !drafts || readOnly) return out;
    for (const item of submission.items) {
      const d = drafts[item.indicator.code];
      if (!d) continue;
      const p = cellProblems(item, d, lang, requireValues);
      if (Object.keys(p).length) out[item.indicator.code] = p;
    }
    return out;
  }, [submission, drafts, lang, requireValues, readOnly]);
  const rules = useMemo(() => (submission && drafts && !readOnly ? ruleProblems(submission, drafts, lang) : []), [submission, drafts, lang, readOnly]);
  const taskChecks = useMemo(() => {
    if (!submission || readOnly) return [];
    return (submission.tasks ?? []).flatMap((r) => {
      const d = taskDrafts[r.task.id];
      return d ? Object.values(taskProblems(t, r, d)) : [];
    });
  }, [submission, taskDrafts, readOnly, t]);
  const problemCount = Object.values(problems).reduce((n, p) => n + Object.keys(p).length, 0) + taskChecks.length;

  // Leaving with unsaved changes: the browser asks on close/reload, the app on a link or Back.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const blocker = useBlocker(useCallback(({ currentLocation, nextLocation }) => dirty && busy === null && currentLocation.pathname !== nextLocation.pathname, [dirty, busy]));
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    modal.confirm({
      title: t('reports.entry.leaveTitle'),
      content: dirtyTasks.length ? t('reports.tasks.leaveText', { count: dirtyCount }) : t('reports.entry.leaveText', { count: dirtyCount }),
      okText: t('reports.entry.leave'),
      okButtonProps: { danger: true, 'data-testid': 'leave-confirm' } as never,
      cancelText: t('reports.entry.stay'),
      onOk: () => {
        asking.current = false;
        blocker.proceed();
      },
      onCancel: () => {
        asking.current = false;
        blocker.reset();
      },
    });
  }, [blocker, modal, t, dirtyCount, dirtyTasks.length]);

  const focusCell = (code: string, column?: GridColumn) => {
    const sel = column ? `[data-testid="cell-${column}"][data-indicator="${CSS.escape(code)}"]` : `[data-indicator="${CSS.escape(code)}"] input, input[data-indicator="${CSS.escape(code)}"]`;
    const el = document.querySelector<HTMLInputElement>(sel);
    if (!el) return;
    el.focus();
    el.select(); // as a spreadsheet does: typing replaces the wrong figure
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  if (query.error && !submission) {
    return (
      <>
        <Link to="/reports" className="back-link">
          <ArrowLeftOutlined /> {t('reports.entry.back')}
        </Link>
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  if (!submission || !drafts) return <Skeleton active paragraph={{ rows: 12 }} />;

  const s = submission;
  const actions = new Set(s.actions);
  const rowsToSend = () => s.items.filter((i) => dirtyCodes.includes(i.indicator.code)).map((i) => valueRow(i, drafts[i.indicator.code]!, lang));
  const tasksToSend = (): SubmissionTaskInput[] => dirtyTasks.map((r) => taskInput(r, taskDrafts[r.task.id]!));
  const focusTaskProblem = () => {
    const el = document.querySelector<HTMLElement>('[data-testid="task-report-progress-error"], [data-testid="task-report-note-error"]');
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const accept = async (next: Submission, published = false) => {
    setDrafts(draftsOf(next, lang));
    setTaskDrafts(taskDraftsOf(next));
    setFrom(next);
    setFailure(null);
    await update(next, published);
  };

  const fail = (e: unknown, sent: SubmissionValueInput[], testId: string) => {
    setFailure({ title: errorMessage(e, t), problems: serverProblems(e, sent, s), testId });
  };

  const save = async () => {
    if (problemCount > 0) {
      setFailure({ title: t('reports.entry.saveRefused', { count: problemCount }), problems: [], testId: 'save-refused' });
      const first = Object.entries(problems)[0];
      if (first) focusCell(first[0], Object.keys(first[1])[0] as GridColumn);
      else focusTaskProblem();
      return;
    }
    const sent = rowsToSend();
    const tasks = tasksToSend();
    setBusy('save');
    try {
      await accept(await reportsApi.save(target, sent, tasks));
      message.success(
        tasks.length === 0
          ? t('reports.entry.saved', { count: sent.length })
          : sent.length === 0
            ? t('reports.tasks.saved', { count: tasks.length })
            : t('reports.tasks.savedBoth', { values: sent.length, tasks: tasks.length }),
      );
    } catch (e) {
      fail(e, sent, 'save-error');
    } finally {
      setBusy(null);
    }
  };

  const submit = () => {
    setRequireValues(true);
    // Check with the required items too, as the server will.
    const all: Record<string, CellProblems> = {};
    for (const item of s.items) {
      const p = cellProblems(item, drafts[item.indicator.code]!, lang, true);
      if (Object.keys(p).length) all[item.indicator.code] = p;
    }
    const count = Object.values(all).reduce((n, p) => n + Object.keys(p).length, 0) + rules.length + taskChecks.length;
    if (count > 0) {
      setFailure({ title: t('reports.entry.submitRefused', { count }), problems: [], testId: 'submit-refused' });
      const first = Object.entries(all)[0];
      if (first) focusCell(first[0], Object.keys(first[1])[0] as GridColumn);
      else focusTaskProblem();
      return;
    }
    modal.confirm({
      title: t('reports.entry.submitTitle'),
      content: t('reports.entry.submitText', { unit: s.orgUnit.name, period: periodText(s.period.id, lang) }),
      okText: t('reports.actions.submit'),
      okButtonProps: { 'data-testid': 'submit-confirm' } as never,
      cancelText: t('common.cancel'),
      onOk: async () => {
        const sent = rowsToSend();
        const tasks = tasksToSend();
        setBusy('submit');
        try {
          await accept(await reportsApi.submit(target, sent, tasks));
          setRequireValues(false);
          message.success(t('reports.entry.submitted'));
        } catch (e) {
          fail(e, sent, 'submit-error');
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const approve = () =>
    modal.confirm({
      title: t('reports.entry.approveTitle'),
      content: t('reports.entry.approveText', { unit: s.orgUnit.name, period: periodText(s.period.id, lang) }),
      okText: t('reports.actions.approve'),
      okButtonProps: { 'data-testid': 'approve-confirm' } as never,
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBusy('approve');
        try {
          await accept(await reportsApi.approve(target), true);
          message.success(t('reports.entry.approved'));
        } catch (e) {
          fail(e, [], 'approve-error');
        } finally {
          setBusy(null);
        }
      },
    });

  const download = async () => {
    setDownloading(true);
    try {
      await reportsApi.template(target);
      if (dirty) message.warning(t('reports.entry.templateDirty'));
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setDownloading(false);
    }
  };

  const onChange = (code: string, column: GridColumn, text: string) => {
    setDrafts((d) => (d ? { ...d, [code]: { ...d[code]!, [column]: text } } : d));
  };
  const onPaste = (at: CellAddress, block: string[][]): CellAddress | null => {
    const result = applyPaste(s.items, drafts, at, block, lang);
    setDrafts(result.drafts);
    if (result.skipped > 0) message.warning(t('reports.entry.pastedSkipped', { count: result.filled, skipped: result.skipped }));
    else message.info(t('reports.entry.pasted', { count: result.filled }));
    return result.last;
  };

  const back = () => (location.key !== 'default' ? navigate(-1) : navigate('/reports'));
  const note = statusNote(t, s);
  const columnLabel = (c: GridColumn) => t(`reports.grid.${c}`);

  const liveList = Object.entries(problems).flatMap(([code, p]) => {
    const item = s.items.find((i) => i.indicator.code === code)!;
    return Object.entries(p).map(([column, problem]) => ({ code, column: column as GridColumn, name: item.indicator.name, text: problemText(t, problem!) }));
  });

  const actionBar = (
    <div className={isMobile ? 'entry-actions entry-actions-sticky' : 'entry-actions'} data-testid="entry-actions">
      {actions.has('save') ? (
        <Button icon={<SaveOutlined />} onClick={() => void save()} loading={busy === 'save'} disabled={!dirty || busy !== null} data-testid="save-draft">
          {t('reports.actions.save')}
        </Button>
      ) : null}
      {actions.has('submit') ? (
        <Button type="primary" icon={<SendOutlined />} onClick={submit} loading={busy === 'submit'} disabled={busy !== null} data-testid="submit-report">
          {t('reports.actions.submit')}
        </Button>
      ) : null}
      {actions.has('approve') ? (
        <Button type="primary" icon={<CheckOutlined />} onClick={approve} loading={busy === 'approve'} disabled={busy !== null} data-testid="approve-report">
          {t('reports.actions.approve')}
        </Button>
      ) : null}
      {actions.has('return') ? (
        <Button danger icon={<RollbackOutlined />} onClick={() => setDialog('return')} disabled={busy !== null} data-testid="return-report">
          {t('reports.actions.return')}
        </Button>
      ) : null}
      {actions.has('reopen') ? (
        <Button icon={<UnlockOutlined />} onClick={() => setDialog('reopen')} disabled={busy !== null} data-testid="reopen-report">
          {t('reports.actions.reopen')}
        </Button>
      ) : null}
      {dirty ? (
        <Typography.Text type="warning" className="entry-dirty" data-testid="entry-dirty">
          {[
            dirtyCodes.length || !dirtyTasks.length ? t('reports.entry.unsaved', { count: dirtyCodes.length }) : null,
            dirtyTasks.length ? t('reports.tasks.unsaved', { count: dirtyTasks.length }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      ) : null}
    </div>
  );

  return (
    <>
      <Typography.Link onClick={back} className="back-link" data-testid="entry-back">
        <ArrowLeftOutlined /> {t('reports.entry.back')}
      </Typography.Link>
      <PageHeader
        title={s.form.name}
        subtitle={`${s.orgUnit.name} · ${periodText(s.period.id, lang)}`}
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()} data-testid="download-template">
              {t('reports.actions.template')}
            </Button>
            {actions.has('save') ? (
              <Button icon={<UploadOutlined />} onClick={() => setDialog('upload')} data-testid="upload-template">
                {t('reports.actions.upload')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card className="entry-header" data-testid="entry-header">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} className="entry-facts">
          <Descriptions.Item label={t('reports.columns.form')}>
            <span data-testid="entry-form">
              {s.form.name} <Tag className="entry-code">{s.form.code}</Tag>
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.columns.unit')}>
            <span data-testid="entry-unit">{s.orgUnit.name}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.columns.period')}>
            <span data-testid="entry-period">{periodText(s.period.id, lang)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.entry.window')}>
            {formatDate(s.window.start)} – {formatDate(s.window.end)}
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.columns.due')}>
            <span data-testid="entry-due">
              {formatDate(s.dueDate)} {s.overdue ? <Tag color="error">{t('reports.inbox.overdue')}</Tag> : null}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.columns.status')}>
            <span className="entry-status">
              <SubmissionStatusTag status={s.status} />
              {s.status === 'submitted' || s.status === 'approved' ? <TimelinessTag timeliness={s.timeliness} /> : null}
            </span>
          </Descriptions.Item>
          {s.submittedAt ? (
            <Descriptions.Item label={t('reports.columns.submitted')}>
              {formatDateTime(s.submittedAt)} · {s.submittedBy?.fullName ?? '—'}
            </Descriptions.Item>
          ) : null}
          {s.decidedAt && s.status !== 'returned' ? (
            <Descriptions.Item label={t('reports.columns.decided')}>
              {formatDateTime(s.decidedAt)} · {s.decidedBy?.fullName ?? '—'}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {note ? <Alert type={note.type} showIcon title={note.text} className="entry-note" data-testid="entry-note" /> : null}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={18}>
          <Card className="entry-grid-card" title={s.items.length === 0 && s.tasks?.length ? t('reports.tasks.cardTitle') : t('reports.entry.values', { count: s.items.length })} extra={isMobile ? null : actionBar}>
            {failure ? (
              <Alert
                type="error"
                showIcon
                closable={{ onClose: () => setFailure(null) }}
                className="entry-failure"
                data-testid={failure.testId}
                title={failure.title}
                description={
                  failure.problems.length ? (
                    <ul className="entry-problem-list">
                      {failure.problems.map((p, i) => (
                        <li key={i}>
                          {p.indicator ? (
                            <Typography.Link onClick={() => focusCell(p.indicator!)}>{s.items.find((it) => it.indicator.code === p.indicator)?.indicator.name ?? p.indicator}</Typography.Link>
                          ) : null}
                          {p.indicator ? ': ' : ''}
                          {p.message}
                        </li>
                      ))}
                    </ul>
                  ) : undefined
                }
              />
            ) : null}
            {s.items.length > 0 || !s.tasks?.length ? (
              <EntryGrid
                submission={s}
                drafts={drafts}
                problems={problems}
                readOnly={readOnly}
                onChange={onChange}
                onPaste={onPaste}
                onHistory={setHistoryOf}
              />
            ) : null}
            {!readOnly && (liveList.length > 0 || rules.length > 0) ? (
              <div className="entry-checks" data-testid="entry-checks">
                {liveList.length > 0 ? (
                  <Alert
                    type="warning"
                    showIcon
                    title={t('reports.entry.cellProblems', { count: liveList.length })}
                    description={
                      <ul className="entry-problem-list">
                        {liveList.map((p) => (
                          <li key={`${p.code}-${p.column}`}>
                            <Typography.Link onClick={() => focusCell(p.code, p.column)}>{p.name}</Typography.Link> ({columnLabel(p.column)}): {p.text}
                          </li>
                        ))}
                      </ul>
                    }
                  />
                ) : null}
                {rules.length > 0 ? (
                  <Alert
                    type="warning"
                    showIcon
                    data-testid="rule-problems"
                    title={t('reports.entry.ruleProblems', { count: rules.length })}
                    description={
                      <ul className="entry-problem-list">
                        {rules.map((r) => (
                          <li key={r.index}>
                            {r.message ? `${r.message} — ` : ''}
                            <code>{r.expression}</code>
                            {r.values ? ` (${r.values})` : ''}
                          </li>
                        ))}
                      </ul>
                    }
                  />
                ) : null}
              </div>
            ) : null}
            {!readOnly && !dirty && s.status !== 'not_started' && !s.validation.valid && liveList.length === 0 && rules.length === 0 ? (
              // What the server's own check of the saved draft says still blocks submitting it.
              <Alert
                type="info"
                showIcon
                className="entry-server-check"
                data-testid="server-validation"
                title={t('reports.entry.serverValidation', { count: s.validation.problems.length })}
                description={
                  <ul className="entry-problem-list">
                    {s.validation.problems.map((p, i) => (
                      <li key={i}>{p.message}</li>
                    ))}
                  </ul>
                }
              />
            ) : null}
            {s.tasks && s.tasks.length > 0 ? (
              <TaskReportSection
                rows={s.tasks}
                drafts={taskDrafts}
                readOnly={readOnly}
                isMobile={isMobile}
                onChange={(id, patch) => setTaskDrafts((d) => ({ ...d, [id]: { ...(d[id] ?? { progress: null, state: null, note: '' }), ...patch } }))}
              />
            ) : null}
            {isMobile ? actionBar : null}
          </Card>
        </Col>
        <Col xs={24} xxl={6}>
          <Row gutter={[16, 16]}>
            {s.rules.length > 0 ? (
              <Col xs={24} lg={12} xxl={24}>
                <Card title={t('reports.entry.rules')} size="small" className="entry-side-card" data-testid="entry-rules">
                  <ul className="entry-rules">
                    {s.rules.map((r, index) => {
                      const broken = readOnly ? r.problems.length > 0 : rules.some((p) => p.index === index);
                      return (
                        <li key={r.id} className={broken ? 'entry-rule entry-rule-broken' : 'entry-rule'}>
                          {broken ? <CloseCircleOutlined /> : <CheckCircleOutlined />}
                          <span>
                            {r.message ? <span className="entry-rule-message">{r.message}</span> : null}
                            <code>{r.expression}</code>
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                </Card>
              </Col>
            ) : null}
            <Col xs={24} lg={s.rules.length > 0 ? 12 : 24} xxl={24}>
              <Card title={t('reports.entry.events')} size="small" className="entry-side-card">
                <SubmissionTimeline events={s.events} />
              </Card>
            </Col>
          </Row>
        </Col>
      </Row>

      <CellHistoryDrawer item={historyOf} orgUnit={s.orgUnit} period={s.period.id} onClose={() => setHistoryOf(null)} />
      {dialog === 'return' || dialog === 'reopen' ? (
        <ReasonDialog
          kind={dialog}
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            const next = dialog === 'return' ? await reportsApi.returnTo(target, reason) : await reportsApi.reopen(target, reason);
            await accept(next);
            message.success(t(dialog === 'return' ? 'reports.entry.returnedDone' : 'reports.entry.reopenedDone'));
          }}
        />
      ) : null}
      {dialog === 'upload' ? (
        <UploadDialog
          target={target}
          dirty={dirty}
          onClose={() => setDialog(null)}
          onDone={async (next) => {
            await accept(next);
            message.success(t('reports.upload.done'));
          }}
        />
      ) : null}
    </>
  );
}

