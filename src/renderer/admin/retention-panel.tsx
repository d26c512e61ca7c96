import { useState } from 'react';
import type { RetentionCandidate } from '../../shared/ipc/recordings.ts';
import { runAction, useAppStore } from '../state/app-store.ts';
import { formatBytes } from '../app/format-bytes.ts';

/** Deleting old recordings: always from a list the admin has seen; call records stay. */
export function RetentionPanel({ onLocked }: { onLocked(): void }) {
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
    setResult(`Deleted ${done.deleted} recordings (${formatBytes(done.bytes)}). The calls stay in the history.`);
  };

  return (
    <section className="admin-panel" aria-labelledby="retention-title">
      <h3 id="retention-title">Keep recordings</h3>
      <p className="muted">
        {stored === null ? 'Recordings are kept until you delete them.' : `Last clean-up kept the last ${stored} days.`} Deleting removes the audio only;
        the calls stay in the history and statistics.
      </p>
      <div className="form-actions">
        <label className="field inline-field">
          Delete recordings older than (days)
          <input type="number" min={1} max={3650} value={days} onChange={(e) => { setDays(Number(e.target.value)); setListed(null); }} />
        </label>
        <button type="button" className="button" onClick={() => void list()}>List what would be deleted</button>
      </div>
      {listed && (
        <div className="retention-list">
          {listed.candidates.length === 0 ? (
            <p className="muted" role="status">No recordings are older than {listed.days} days.</p>
          ) : (
            <>
              <table className="table">
                <caption>{listed.candidates.length} recordings older than {listed.days} days, {formatBytes(listed.candidates.reduce((s, c) => s + c.bytes, 0))}</caption>
                <thead>
                  <tr>
                    <th scope="col">Recorded</th>
                    <th scope="col">Client</th>
                    <th scope="col">Size</th>
                  </tr>
                </thead>
                <tbody>
                  {listed.candidates.slice(0, 200).map((c) => (
                    <tr key={c.recordingId} data-recording-id={c.recordingId}>
                      <td>{new Date(c.startedAt).toLocaleString()}</td>
                      <td>{c.client}</td>
                      <td>{formatBytes(c.bytes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {listed.candidates.length > 200 && <p className="muted">…and {listed.candidates.length - 200} more.</p>}
              <div className="form-actions">
                <button type="button" className="button button-danger" onClick={() => void remove()}>
                  Delete these {listed.candidates.length} recordings
                </button>
                <button type="button" className="button" onClick={() => setListed(null)}>Keep them</button>
              </div>
            </>
          )}
        </div>
      )}
      {result && <p className="ok-text" role="status">{result}</p>}
    </section>
  );
}
