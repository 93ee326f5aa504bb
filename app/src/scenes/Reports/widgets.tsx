import { Card, Tabs, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ACTIONS, type Action } from '../../../../domain/roles';
import type { InboxStatus, Timeliness, User } from '../../api/types';
import { useCurrentUser } from '../../auth/useAuth';
import { PageHeader } from '../../components/PageHeader';
import './reports.css';

/** Whether any of the user's grants allows the action somewhere (the server still checks each unit). */
export function mayDo(user: User, action: Action): boolean {
  const roles: readonly string[] = ACTIONS[action];
  return user.memberships.some((m) => roles.includes(m.role));
}

export const STATUS_TAG_COLORS: Record<InboxStatus, string> = {
  not_started: 'default',
  draft: 'processing',
  submitted: 'gold',
  approved: 'success',
  returned: 'error',
};

export const STATUS_HEX: Record<InboxStatus, string> = {
  not_started: '#bfbfbf',
  draft: '#1677ff',
  submitted: '#faad14',
  approved: '#389e0d',
  returned: '#cf1322',
};

export const TIMELINESS_COLORS: Record<Timeliness, string> = { on_time: 'success', late: 'warning', missing: 'error', pending: 'default' };
export const TIMELINESS_HEX: Record<Timeliness, string> = { on_time: '#389e0d', late: '#d46b08', missing: '#cf1322', pending: '#bfbfbf' };

export function SubmissionStatusTag({ status }: { status: InboxStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_TAG_COLORS[status]} className="submission-status" data-status={status} data-testid="submission-status">
      {t(`reports.status.${status}`)}
    </Tag>
  );
}

export function TimelinessTag({ timeliness }: { timeliness: Timeliness }) {
  const { t } = useTranslation();
  return (
    <Tag color={TIMELINESS_COLORS[timeliness]} variant="outlined" className="timeliness-tag" data-timeliness={timeliness}>
      {t(`reports.timeliness.${timeliness}`)}
    </Tag>
  );
}

export type ReportsTab = 'inbox' | 'approvals' | 'compliance';
const TAB_PATHS: Record<ReportsTab, string> = { inbox: '/reports', approvals: '/reports/approvals', compliance: '/reports/compliance' };

/** The tabs a user sees: the inbox to reporters, the queue to approvers, compliance to everyone. */
export function reportTabs(user: User): ReportsTab[] {
  const tabs: ReportsTab[] = [];
  if (mayDo(user, 'submission.write')) tabs.push('inbox');
  if (mayDo(user, 'submission.approve')) tabs.push('approvals');
  tabs.push('compliance');
  return tabs;
}

/** Báo cáo's title and its sub-navigation (Hộp báo cáo · Phê duyệt · Tình hình báo cáo). */
export function ReportsHeader({ active, badge }: { active: ReportsTab; badge?: Partial<Record<ReportsTab, number>> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const tabs = reportTabs(user);
  return (
    <>
      <PageHeader title={t(`reports.tabs.${active}`)} subtitle={t(`reports.subtitle.${active}`)} />
      <Tabs
        className="reports-tabs"
        activeKey={active}
        onChange={(key) => navigate(TAB_PATHS[key as ReportsTab])}
        data-testid="reports-tabs"
        items={tabs.map((tab) => ({
          key: tab,
          label: (
            <span data-testid={`reports-tab-${tab}`}>
              {t(`reports.tabs.${tab}`)}
              {badge?.[tab] ? <span className="reports-tab-badge">{badge[tab]}</span> : null}
            </span>
          ),
        }))}
      />
    </>
  );
}

/**
 * One report as a card on a phone (the inbox and the approval queue): a tap anywhere opens it, the
 * form's name is the link, then unit · period, one labelled figure and a closing tag.
 */
export function ReportCard(props: {
  to: string;
  formName: string;
  unitName: string;
  period: string;
  label: string;
  value: ReactNode;
  footer: ReactNode;
  testId: string;
  overdue?: boolean;
}) {
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      className={props.overdue ? 'report-card report-card-overdue' : 'report-card'}
      data-testid={`${props.testId}-card`}
      data-overdue={props.overdue ? 'true' : undefined}
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('a')) navigate(props.to);
      }}
    >
      <Link to={props.to} className="report-card-title" data-testid={`${props.testId}-link`}>
        {props.formName}
      </Link>
      <div className="report-card-meta">
        <span>{props.unitName}</span>
        <span>·</span>
        <span>{props.period}</span>
      </div>
      <div className="report-card-row">
        <span className="report-card-label">{props.label}</span>
        {props.value}
      </div>
      {props.footer}
    </Card>
  );
}
