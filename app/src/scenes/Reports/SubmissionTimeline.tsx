import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubmissionEvent } from '../../api/types';
import { formatDateTime } from '../../lib/format';

const COLORS: Record<string, string> = { created: 'gray', saved: 'blue', submitted: 'gold', approved: 'green', returned: 'red', reopened: 'purple' };

function detailOf(e: SubmissionEvent): { changed?: number; via?: string; written?: number } {
  return e.detail && typeof e.detail === 'object' ? (e.detail as { changed?: number; via?: string; written?: number }) : {};
}

/** What happened to a report, newest first: who created, saved, submitted, approved, returned or reopened it, when and why. */
export function SubmissionTimeline({ events }: { events: SubmissionEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.events.empty')} />;
  return (
    <Timeline
      className="submission-timeline"
      data-testid="submission-events"
      items={[...events].reverse().map((e, i) => {
        const d = detailOf(e);
        const what =
          e.action === 'saved'
            ? d.via === 'upload'
              ? t('reports.events.uploaded', { count: d.changed ?? 0 })
              : t('reports.events.saved', { count: d.changed ?? 0 })
            : e.action === 'approved' && typeof d.written === 'number'
              ? t('reports.events.approvedWritten', { count: d.written })
              : (t(`reports.events.${e.action}` as never, { defaultValue: e.action }) as string);
        return {
          key: `${e.at}-${i}`,
          color: COLORS[e.action] ?? 'gray',
          content: (
            <div className="event-item" data-testid="submission-event" data-action={e.action}>
              <div className="event-what">{what}</div>
              {e.reason ? <div className="event-reason">“{e.reason}”</div> : null}
              <Typography.Text type="secondary" className="event-who">
                {e.actor?.fullName ?? t('reports.history.system')} · {formatDateTime(e.at)}
              </Typography.Text>
            </div>
          ),
        };
      })}
    />
  );
}
