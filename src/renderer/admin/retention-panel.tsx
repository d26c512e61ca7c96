import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionCandidate } from '../../shared/ipc/recordings.ts';
import { useAppStore } from '../state/app-store.ts';
import { runAction } from '../core/core-connection.ts';
import { formatBytes } from '../app/format-bytes.ts';
import { useDisplayFormat } from '../i18n/display-format.ts';

/** Deleting old recordings: always from a list the admin has seen; call records stay. */
export function RetentionPanel({ onLocked }: { onLocked(): void }) {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  const stored = useAppStore((s) => s.settings?.settings.retentionDays ?? null);
  const [days, setDays] = useState(stored ?? 365);
  const [listed, setListed] = useState<{ days: number; candidates: RetentionCandidate[] } | null>(null);
  const [result, setResult] = useState<string | null>(null);

  const list = async () => {
    setResult(null);
    const candidates = await runAction((api) => api.call('retention.preview', { days }));
    if (!candidates) return onLocked();
    setListed({ days, candidates });
  };
  const remove = async () => {
    if (!listed) return;
    const done = await runAction(async (api) => {
      const deleted = await api.call('retention.delete', { days: listed.days, recordingIds: listed.candidates.map((c) => c.recordingId) });
      await api.call('settings.update', { retentionDays: listed.days });
      return deleted;
    });
    if (!done) return onLocked();
    setListed(null);
    setResult(t('admin.retention.deleted', { recordings: t('admin.count.recordings', { count: done.deleted }), size: formatBytes(done.bytes) }));
  };

  return (
    <section className="admin-panel" aria-labelledby="retention-title">
      <h3 id="retention-title">{t('admin.retention.title')}</h3>
      <p className="muted">
        {stored === null ? t('admin.retention.forever') : t('admin.retention.lastKept', { days: stored })} {t('admin.retention.explain')}
      </p>
      <div className="form-actions">
        <label className="field inline-field">
          {t('admin.retention.olderThan')}
          <input type="number" min={1} max={3650} value={days} onChange={(e) => { setDays(Number(e.target.value)); setListed(null); }} />
        </label>
        <button type="button" className="button" onClick={() => void list()}>
          {t('admin.retention.list')}
        </button>
      </div>
      {listed && (
        <div className="retention-list">
          {listed.candidates.length === 0 ? (
            <p className="muted" role="status">
              {t('admin.retention.none', { days: listed.days })}
            </p>
          ) : (
            <>
              <table className="table">
                <caption>
                  {t('admin.retention.caption', { recordings: t('admin.count.recordings', { count: listed.candidates.length }), days: listed.days, size: formatBytes(listed.candidates.reduce((s, c) => s + c.bytes, 0)) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.retention.recorded')}</th>
                    <th scope="col">{t('admin.retention.client')}</th>
                    <th scope="col">{t('admin.retention.size')}</th>
                  </tr>
                </thead>
                <tbody>
                  {listed.candidates.slice(0, 200).map((c) => (
                    <tr key={c.recordingId} data-recording-id={c.recordingId}>
                      <td>{format.moment(c.startedAt)}</td>
                      <td>{format.phone(c.client)}</td>
                      <td>{formatBytes(c.bytes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {listed.candidates.length > 200 && <p className="muted">{t('admin.retention.more', { count: listed.candidates.length - 200 })}</p>}
              <div className="form-actions">
                <button type="button" className="button button-danger" onClick={() => void remove()}>
                  {t('admin.retention.delete', { count: listed.candidates.length })}
                </button>
                <button type="button" className="button" onClick={() => setListed(null)}>
                  {t('admin.retention.keep')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {result && <p className="ok-text" role="status">{result}</p>}
    </section>
  );
}
