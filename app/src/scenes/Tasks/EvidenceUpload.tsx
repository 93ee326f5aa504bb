import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tasksApi } from '../../api/tasks';
import { FILE_TYPES, MAX_FILE_BYTES, type FileMeta } from '../../api/types';
import { errorMessage } from '../../lib/errors';

const EXTENSIONS = Object.values(FILE_TYPES).flatMap((f) => [...f.extensions]);
const ACCEPT = EXTENSIONS.map((e) => `.${e}`).join(',');

interface Entry {
  key: number;
  name: string;
  progress: number;
  file?: FileMeta;
  error?: string;
}

/**
 * Evidence files: each goes up at once (POST /files, with a progress bar) and is attached by id when
 * the form is sent. Type and size are checked here first; the server checks the content itself
 * (a renamed file is refused there), and its Vietnamese message is shown under the file.
 */
export function EvidenceUpload({ onChange, onBusy }: { onChange: (files: FileMeta[]) => void; onBusy?: (busy: boolean) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [entries, setEntries] = useState<Entry[]>([]);
  const counter = useRef(0);
  const pending = useRef(0);

  const update = (key: number, patch: Partial<Entry>) =>
    setEntries((prev) => {
      const next = prev.map((e) => (e.key === key ? { ...e, ...patch } : e));
      onChange(next.flatMap((e) => (e.file ? [e.file] : [])));
      return next;
    });

  const add = (files: FileList | null) => {
    if (!files) return;
    for (const file of Array.from(files)) {
      const key = ++counter.current;
      const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
      const problem = !EXTENSIONS.includes(ext as never)
        ? t('tasks.actions.badType', { name: file.name })
        : file.size > MAX_FILE_BYTES
          ? t('tasks.actions.tooBig', { name: file.name })
          : null;
      setEntries((prev) => [...prev, { key, name: file.name, progress: 0, error: problem ?? undefined }]);
      if (problem) continue;
      pending.current++;
      onBusy?.(true);
      tasksApi
        .upload(file, (fraction) => update(key, { progress: Math.round(fraction * 100) }))
        .then((meta) => update(key, { file: meta, progress: 100 }))
        .catch((error: unknown) => update(key, { error: t('tasks.actions.uploadFailed', { name: file.name, reason: errorMessage(error, t) }) }))
        .finally(() => {
          pending.current--;
          if (pending.current === 0) onBusy?.(false);
        });
    }
    if (input.current) input.current.value = '';
  };

  const remove = (key: number) =>
    setEntries((prev) => {
      const next = prev.filter((e) => e.key !== key);
      onChange(next.flatMap((e) => (e.file ? [e.file] : [])));
      return next;
    });

  return (
    <div className="evidence-upload">
      <input ref={input} type="file" multiple accept={ACCEPT} style={{ display: 'none' }} onChange={(e) => add(e.target.files)} data-testid="evidence-input" />
      <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} data-testid="evidence-choose">
        {t('tasks.actions.chooseFiles')}
      </Button>
      <Typography.Text type="secondary" className="evidence-hint">
        {t('tasks.actions.filesHint')}
      </Typography.Text>
      {entries.map((e) => (
        <div key={e.key} className="evidence-entry" data-testid="evidence-entry" data-state={e.error ? 'error' : e.file ? 'done' : 'uploading'}>
          <div className="evidence-entry-head">
            <PaperClipOutlined /> <span className="evidence-name">{e.name}</span>
            <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(e.key)} />
          </div>
          {e.error ? (
            <Alert type="error" showIcon title={e.error} data-testid="evidence-error" />
          ) : (
            <Progress percent={e.progress} size="small" status={e.file ? 'success' : 'active'} data-testid="evidence-progress" />
          )}
        </div>
      ))}
    </div>
  );
}
