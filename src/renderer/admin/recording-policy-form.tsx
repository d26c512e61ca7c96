import { useState, type FormEvent } from 'react';
import type { ConsentSettings, RecordingPolicy } from '../../shared/ipc/settings.ts';
import { toBase64 } from '../api/base64.ts';
import { mediaUrl } from '../api/media-url.ts';
import { runAction, useAppStore } from '../state/app-store.ts';

/** R29: whether calls are recorded, and what the caller is told before recording starts. */
export function RecordingPolicyForm({ onLocked }: { onLocked(): void }) {
  const view = useAppStore((s) => s.settings);
  // Kept here: the form below starts afresh whenever the stored settings change (a save, an upload).
  const [savedAs, setSavedAs] = useState<string | null>(null);
  if (!view) return null;
  const { recordingPolicy, consent } = view.settings;
  return (
    <PolicyForm
      key={JSON.stringify([recordingPolicy, consent])}
      policy={recordingPolicy}
      consent={consent}
      saved={savedAs === JSON.stringify([recordingPolicy, consent])}
      onSaved={setSavedAs}
      onLocked={onLocked}
    />
  );
}

function PolicyForm(props: { policy: RecordingPolicy; consent: ConsentSettings; saved: boolean; onSaved(as: string): void; onLocked(): void }) {
  const { consent: initialConsent, onLocked } = props;
  const [policy, setPolicy] = useState(props.policy);
  const [consent, setConsent] = useState(initialConsent);
  const saved = props.saved && JSON.stringify([policy, consent]) === JSON.stringify([props.policy, initialConsent]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await runAction((api) => api.call('settings.update', { recordingPolicy: policy, consent }));
    if (!done) return onLocked();
    props.onSaved(JSON.stringify([done.settings.recordingPolicy, done.settings.consent]));
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const data = toBase64(new Uint8Array(await file.arrayBuffer()));
    const done = await runAction((api) => api.call('admin.setAnnouncement', { fileName: file.name, data }));
    if (!done) onLocked();
  };

  return (
    <form className="admin-panel" aria-labelledby="recording-policy-title" onSubmit={(e) => void submit(e)}>
      <h3 id="recording-policy-title">Recording</h3>
      <div className="admin-grid">
        <label className="field">
          Record calls
          <select value={policy} onChange={(e) => setPolicy(e.target.value as RecordingPolicy)}>
            <option value="all">Every call (recommended)</option>
            <option value="on-demand">Only when the person presses Record</option>
            <option value="never">Never</option>
          </select>
        </label>
        <label className="field">
          Before recording, the caller hears
          <select value={consent.announcement} onChange={(e) => setConsent((c) => ({ ...c, announcement: e.target.value as ConsentSettings['announcement'] }))}>
            <option value="off">Nothing</option>
            <option value="bundled">“This call may be recorded…” (English, built in)</option>
            <option value="custom" disabled={!consent.customFile}>Our own announcement{consent.customFile ? ` (${consent.customFile})` : ''}</option>
          </select>
        </label>
        <label className="field">
          Upload our own announcement (WAV, MP3, Ogg)
          <input type="file" accept="audio/*" onChange={(e) => void upload(e.target.files?.[0])} />
        </label>
        <label className="field">
          Reminder beep while recording
          <select
            value={consent.beepEverySeconds ?? 'off'}
            onChange={(e) => setConsent((c) => ({ ...c, beepEverySeconds: e.target.value === 'off' ? null : Number(e.target.value) }))}
          >
            <option value="off">Off</option>
            {[15, 30, 60].map((n) => (
              <option key={n} value={n}>Every {n} seconds</option>
            ))}
          </select>
        </label>
      </div>
      {initialConsent.announcement !== 'off' && <audio className="announcement-preview" controls preload="none" src={mediaUrl('announcements/current')} aria-label="Listen to the announcement" />}
      <div className="form-actions">
        <button type="submit" className="button button-primary">Save recording settings</button>
        {saved && <span role="status" className="ok-text">Saved.</span>}
      </div>
    </form>
  );
}
