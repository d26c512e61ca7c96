import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentSettings, RecordingPolicy } from '../../shared/ipc/settings.ts';
import { toBase64 } from '../api/base64.ts';
import { mediaUrl } from '../api/media-url.ts';
import { useAppStore } from '../state/app-store.ts';
import { runAction } from '../core/core-connection.ts';
import { DoneStatus } from '../app/done-status.tsx';

/** R29: whether calls are recorded, and what the caller is told before recording starts. */
export function RecordingPolicyForm({ onLocked }: { onLocked(): void }) {
  const view = useAppStore((s) => s.settings);
  // Kept here: the form below starts afresh whenever the stored settings change (a save, an upload).
  const [savedAs, setSavedAs] = useState<string | null>(null);
  if (!view) return null;
  const { recordingPolicy, consent, encryptRecordings } = view.settings;
  const stored = JSON.stringify([recordingPolicy, consent, encryptRecordings]);
  return (
    <PolicyForm
      key={stored}
      policy={recordingPolicy}
      consent={consent}
      encrypt={encryptRecordings}
      keyId={view.recordingKeyId}
      saved={savedAs === stored}
      onSaved={setSavedAs}
      onLocked={onLocked}
    />
  );
}

function PolicyForm(props: {
  policy: RecordingPolicy;
  consent: ConsentSettings;
  encrypt: boolean;
  keyId: string | null;
  saved: boolean;
  onSaved(as: string): void;
  onLocked(): void;
}) {
  const { t } = useTranslation();
  const { consent: initialConsent, onLocked } = props;
  const [policy, setPolicy] = useState(props.policy);
  const [consent, setConsent] = useState(initialConsent);
  const [encrypt, setEncrypt] = useState(props.encrypt);
  const saved = props.saved && JSON.stringify([policy, consent, encrypt]) === JSON.stringify([props.policy, initialConsent, props.encrypt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await runAction((api) => api.call('settings.update', { recordingPolicy: policy, consent, encryptRecordings: encrypt }));
    if (!done) return onLocked();
    props.onSaved(JSON.stringify([done.settings.recordingPolicy, done.settings.consent, done.settings.encryptRecordings]));
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const data = toBase64(new Uint8Array(await file.arrayBuffer()));
    const done = await runAction((api) => api.call('admin.setAnnouncement', { fileName: file.name, data }));
    if (!done) onLocked();
  };

  return (
    <form className="admin-panel" aria-labelledby="recording-policy-title" onSubmit={(e) => void submit(e)}>
      <h3 id="recording-policy-title">{t('admin.recording.title')}</h3>
      <div className="admin-grid">
        <label className="field">
          {t('admin.recording.recordCalls')}
          <select value={policy} onChange={(e) => setPolicy(e.target.value as RecordingPolicy)}>
            <option value="all">{t('admin.recording.all')}</option>
            <option value="on-demand">{t('admin.recording.onDemand')}</option>
            <option value="never">{t('admin.recording.never')}</option>
          </select>
        </label>
        <label className="field">
          {t('admin.recording.announcement')}
          <select value={consent.announcement} onChange={(e) => setConsent((c) => ({ ...c, announcement: e.target.value as ConsentSettings['announcement'] }))}>
            <option value="off">{t('admin.recording.nothing')}</option>
            <option value="bundled">{t('admin.recording.bundled')}</option>
            <option value="custom" disabled={!consent.customFile}>
              {t('admin.recording.custom')}
              {consent.customFile ? ` (${consent.customFile})` : ''}
            </option>
          </select>
        </label>
        <label className="field">
          {t('admin.recording.upload')}
          <input type="file" accept="audio/*" onChange={(e) => void upload(e.target.files?.[0])} />
        </label>
        <label className="field">
          {t('admin.recording.beep')}
          <select
            value={consent.beepEverySeconds ?? 'off'}
            onChange={(e) => setConsent((c) => ({ ...c, beepEverySeconds: e.target.value === 'off' ? null : Number(e.target.value) }))}
          >
            <option value="off">{t('admin.recording.beepOff')}</option>
            {[15, 30, 60].map((n) => (
              <option key={n} value={n}>
                {t('admin.recording.beepEvery', { seconds: n })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="check-field">
        <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} aria-describedby="encrypt-hint" />
        {t('admin.recording.encrypt')}
      </label>
      <p id="encrypt-hint" className="hint">
        {t('admin.recording.encryptHint')}
        {props.keyId && <> {t('admin.recording.keyName', { id: props.keyId })}</>}
      </p>
      {initialConsent.announcement !== 'off' && <audio className="announcement-preview" controls preload="none" src={mediaUrl('announcements/current')} aria-label={t('admin.recording.listen')} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('admin.recording.save')}
        </button>
        <DoneStatus shown={saved}>{t('admin.recording.saved')}</DoneStatus>
      </div>
    </form>
  );
}
