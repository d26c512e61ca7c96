import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callOutcomeSchema, type CallOutcome } from '../../shared/ipc/calls.ts';
import type { ExportFilter, ExportFormat, ExportPreview } from '../../shared/ipc/recordings.ts';
import { mediaUrl } from '../api/media-url.ts';
import { DateField } from '../app/date-field.tsx';
import { formatBytes } from '../app/format-bytes.ts';
import { agentName } from '../calls/agent-name.ts';
import { useAppStore } from '../state/app-store.ts';
import { runAction } from '../core/core-connection.ts';


interface FilterForm {
  from: string;
  to: string;
  agent: string;
  client: string;
  outcome: CallOutcome | '';
}

/** Dates are the office's local days; "to" includes the whole of its day. */
function toFilter(form: FilterForm): ExportFilter {
  const day = (value: string, plusDays: number) => {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + plusDays).getTime();
  };
  return {
    ...(form.from && { from: day(form.from, 0) }),
    ...(form.to && { to: day(form.to, 1) }),
    ...(form.agent && { agent: form.agent }),
    ...(form.client.trim() && { client: form.client.trim() }),
    ...(form.outcome && { outcome: form.outcome }),
  };
}

export function ExportPanel({ onLocked }: { onLocked(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FilterForm>({ from: '', to: '', agent: '', client: '', outcome: '' });
  const [format, setFormat] = useState<ExportFormat>('webm');
  const [agents, setAgents] = useState<string[]>([]);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const progress = useAppStore((s) => s.exportProgress);
  const dataDir = useAppStore((s) => s.settings?.dataDir ?? '');
  const running = progress?.state === 'running' || progress?.state === 'verifying';

  useEffect(() => {
    void runAction((api) => api.call('export.agents', {})).then((list) => list && setAgents(list));
  }, []);
  const filterKey = JSON.stringify(form);
  useEffect(() => {
    const timer = setTimeout(() => {
      void runAction((api) => api.call('export.preview', { filter: toFilter(JSON.parse(filterKey) as FilterForm) })).then((p) => setPreview(p ?? null));
    }, 250);
    return () => clearTimeout(timer);
  }, [filterKey]);

  const start = async () => {
    const started = await runAction((api) => api.call('export.start', { filter: toFilter(form), format }));
    if (!started) onLocked();
  };
  const field = (key: keyof FilterForm) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });

  return (
    <section className="admin-panel" aria-labelledby="export-title">
      <h3 id="export-title">{t('admin.export.title')}</h3>
      <div className="admin-grid">
        <DateField label={t('admin.export.from')} value={form.from} onChange={(from) => setForm((f) => ({ ...f, from }))} />
        <DateField label={t('admin.export.to')} value={form.to} onChange={(to) => setForm((f) => ({ ...f, to }))} />
        <label className="field">
          {t('admin.export.agent')}
          <select {...field('agent')}>
            <option value="">{t('admin.export.everyone')}</option>
            {agents.map((a) => (
              <option key={a} value={a}>{agentName(a)}</option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('admin.export.client')}
          <input {...field('client')} placeholder={t('admin.export.clientPlaceholder')} />
        </label>
        <label className="field">
          {t('admin.export.outcome')}
          <select {...field('outcome')}>
            <option value="">{t('admin.export.any')}</option>
            {callOutcomeSchema.options.map((o) => (
              <option key={o} value={o}>{t(`outcome.${o}`)}</option>
            ))}
          </select>
        </label>
        <fieldset className="field format-choice">
          <legend>{t('admin.export.format')}</legend>
          <label>
            <input type="radio" name="export-format" checked={format === 'webm'} onChange={() => setFormat('webm')} /> {t('admin.export.original')}
          </label>
          <label>
            <input type="radio" name="export-format" checked={format === 'wav'} onChange={() => setFormat('wav')} /> {t('admin.export.wav')}
          </label>
        </fieldset>
      </div>
      <p className="export-preview" role="status">
        {preview === null
          ? t('admin.export.counting')
          : t('admin.export.preview', { recordings: t('admin.count.recordings', { count: preview.recordings }), ofCalls: t('admin.count.ofCalls', { count: preview.calls }), size: formatBytes(preview.bytes) })}
      </p>
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={running || preview?.recordings === 0} onClick={() => void start()}>
          {t('admin.export.start')}
        </button>
      </div>
      {progress && (
        <div className="export-progress" data-state={progress.state}>
          {running ? (
            <>
              <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={t('admin.export.progress')} />
              <span>{progress.state === 'verifying' ? t('admin.export.checking') : t('admin.export.done', { done: progress.done, total: progress.total })}</span>
              <button type="button" className="button" onClick={() => void runAction((api) => api.call('export.cancel', { exportId: progress.exportId }))}>
                {t('admin.export.cancel')}
              </button>
            </>
          ) : (
            <p className={progress.state === 'failed' ? 'error-text' : progress.state === 'done' ? 'ok-text' : 'muted'} role="status">
              {progress.state === 'done' && progress.result && (
                <>
                  {t('admin.export.finished', { recordings: t('admin.count.recordings', { count: progress.result.recordings }), ofCalls: t('admin.count.ofCalls', { count: progress.result.calls }) })}
                  {progress.result.problems > 0 && <> {t('admin.export.notIncluded', { recordings: t('admin.count.recordings', { count: progress.result.problems }) })}</>}
                </>
              )}
              {progress.state === 'cancelled' && t('admin.export.cancelled')}
              {progress.state === 'failed' && t('admin.export.failed', { detail: progress.error ?? '' })}
              {progress.state === 'done' && progress.file && (
                <>
                  {' '}
                  <a href={mediaUrl(progress.file)} download>
                    {t('admin.export.download')}
                  </a>
                  <span className="muted small">{t('admin.export.alsoSaved', { path: `${dataDir}/${progress.file}` })}</span>
                </>
              )}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
