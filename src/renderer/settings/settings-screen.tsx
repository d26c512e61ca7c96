import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_RING_TIMEOUT_S, uiLanguageSchema, type Settings } from '../../shared/ipc/settings.ts';
import { runAction, useAppStore } from '../state/app-store.ts';
import { OpenSetupGuideButton } from '../setup/open-setup-guide-button.tsx';
import { useCoreQuery } from '../state/use-core-query.ts';
import { DevicePicker } from './device-picker.tsx';
import { HeadsetButtonsField } from './headset-buttons-field.tsx';
import { DoneStatus } from '../app/done-status.tsx';

const languageName: Record<Settings['script']['locale'], string> = { en: 'English', ru: 'Русский', el: 'Ελληνικά' };

function parseChoice(value: string): Settings['script'] | null {
  const [id = '', locale = ''] = value.split(':');
  return locale === 'en' || locale === 'ru' || locale === 'el' ? { id, locale } : null;
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.settings);
  if (!view) return <p className="muted">{t('settingsScreen.loading')}</p>;
  return <SettingsForm initial={view.settings} hasPassword={view.hasPassword} dataDir={view.dataDir} />;
}

function SettingsForm({ initial, hasPassword, dataDir }: { initial: Settings; hasPassword: boolean; dataDir: string }) {
  const { t } = useTranslation();
  const [s, setS] = useState<Settings>(initial);
  const [password, setPassword] = useState('');
  const scripts = useCoreQuery('scripts', 'scripts', (api) => api.call('scripts.list', {}));
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const saved = savedAs === JSON.stringify(s) && password === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await runAction(async (api) => {
      await api.call('settings.update', { account: s.account, ringPolicy: s.ringPolicy, defaultRegion: s.defaultRegion, devices: s.devices, office: s.office, script: s.script, language: s.language, callbacks: s.callbacks });
      if (password) await api.call('settings.setPassword', { password });
      return true;
    });
    if (ok) {
      setPassword('');
      setSavedAs(JSON.stringify(s));
    }
  };
  const account = (key: keyof Settings['account']) => ({
    value: s.account[key],
    onChange: (e: { target: { value: string } }) => setS((x) => ({ ...x, account: { ...x.account, [key]: e.target.value } })),
  });
  const ringNumber = (key: 'ringOnMs' | 'ringOffMs' | 'maxLines' | 'ringTimeoutSeconds') => ({
    value: s.ringPolicy[key],
    onChange: (e: { target: { value: string } }) => setS((x) => ({ ...x, ringPolicy: { ...x.ringPolicy, [key]: Number(e.target.value) } })),
  });

  return (
    <section className="screen" aria-labelledby="settings-title">
      <div className="screen-header">
        <h2 id="settings-title">{t('settingsScreen.title')}</h2>
        <OpenSetupGuideButton />
      </div>
      <form className="settings-form" onSubmit={(e) => void submit(e)}>
        <label className="field inline-field">
          {t('settings.uiLanguage')}
          <select value={s.language} onChange={(e) => setS((x) => ({ ...x, language: uiLanguageSchema.parse(e.target.value) }))}>
            {uiLanguageSchema.options.map((language) => (
              <option key={language} value={language}>
                {languageName[language]}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('settingsScreen.pbx')}</legend>
          <label className="field">
            {t('settingsScreen.serverUrl')}
            <input {...account('serverUrl')} placeholder="wss://pbx.example.com:8089/ws" />
          </label>
          <label className="field">
            {t('settingsScreen.sipAddress')}
            <input {...account('sipUri')} placeholder="sip:101@pbx.example.com" />
          </label>
          <label className="field">
            {t('settingsScreen.authUser')}
            <input {...account('authUser')} placeholder={t('settingsScreen.authUserHint')} />
          </label>
          <label className="field">
            {t('settingsScreen.password')}
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} placeholder={hasPassword ? t('settingsScreen.passwordSaved') : t('settingsScreen.passwordNotSet')} autoComplete="new-password" />
          </label>
          <label className="field">
            {t('settingsScreen.displayName')}
            <input {...account('displayName')} />
          </label>
          <label className="field field-wide">
            {t('settingsScreen.pbxCertificate')}
            <textarea {...account('pbxCertificate')} rows={3} spellCheck={false} placeholder="-----BEGIN CERTIFICATE-----" aria-describedby="pbx-certificate-hint" />
            <span id="pbx-certificate-hint" className="muted small">
              {t('settingsScreen.pbxCertificateHint')}
            </span>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('settingsScreen.answering')}</legend>
          <label className="field">
            {t('settingsScreen.answerByItself')}
            <select
              value={s.ringPolicy.answerOnRing ?? 'off'}
              onChange={(e) => setS((x) => ({ ...x, ringPolicy: { ...x.ringPolicy, answerOnRing: e.target.value === 'off' ? null : Number(e.target.value) } }))}
            >
              <option value="off">{t('settingsScreen.answerOff')}</option>
              {[1, 2, 3, 4, 5, 6].map((n) => (
                <option key={n} value={n}>
                  {t('settingsScreen.answerAtRing', { ring: n })}
                  {n === 2 || n === 3 ? t('settingsScreen.recommended') : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('settingsScreen.ringOn')}
            <input type="number" min={200} max={10000} step={100} {...ringNumber('ringOnMs')} />
          </label>
          <label className="field">
            {t('settingsScreen.ringOff')}
            <input type="number" min={0} max={20000} step={100} {...ringNumber('ringOffMs')} />
          </label>
          <label className="field">
            {t('settingsScreen.lines')}
            <input type="number" min={1} max={8} {...ringNumber('maxLines')} />
          </label>
          <label className="field">
            {t('settingsScreen.ringTimeout')}
            <input type="number" min={10} max={MAX_RING_TIMEOUT_S} step={5} {...ringNumber('ringTimeoutSeconds')} />
          </label>
          <label className="field">
            {t('settingsScreen.region')}
            <input value={s.defaultRegion} maxLength={2} onChange={(e) => setS((x) => ({ ...x, defaultRegion: e.target.value.toUpperCase() }))} placeholder="GR, RU, CY…" />
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('settingsScreen.callbacks')}</legend>
          {(
            [
              ['hotMinutes', 1, 240],
              ['warmMinutes', 1, 1440],
              ['coldHour', 0, 23],
              ['promiseMinutes', 1, 240],
            ] as const
          ).map(([key, min, max]) => (
            <label key={key} className="field">
              {t(`settingsScreen.${key}`)}
              <input type="number" min={min} max={max} value={s.callbacks[key]} onChange={(e) => setS((x) => ({ ...x, callbacks: { ...x.callbacks, [key]: Number(e.target.value) } }))} />
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('settingsScreen.callScript')}</legend>
          <label className="field">
            {t('settingsScreen.company')}
            <input value={s.office.company} onChange={(e) => setS((x) => ({ ...x, office: { ...x.office, company: e.target.value } }))} placeholder={t('settingsScreen.companyExample')} />
          </label>
          <label className="field">
            {t('settingsScreen.activity')} <span className="hint">{t('settingsScreen.activityHint')}</span>
            <input value={s.office.activity} onChange={(e) => setS((x) => ({ ...x, office: { ...x.office, activity: e.target.value } }))} placeholder={t('settingsScreen.activityExample')} />
          </label>
          <label className="field">
            {t('settingsScreen.script')}
            <select value={`${s.script.id}:${s.script.locale}`} onChange={(e) => setS((x) => ({ ...x, script: parseChoice(e.target.value) ?? x.script }))}>
              {(scripts ?? [{ ...s.script, name: s.script.id }]).map((o) => (
                <option key={`${o.id}:${o.locale}`} value={`${o.id}:${o.locale}`}>
                  {o.name} ({languageName[o.locale]})
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('settingsScreen.audio')}</legend>
          <DevicePicker kind="audioinput" label={t('settingsScreen.microphone')} id={s.devices.microphoneId} onChange={(id, label) => setS((x) => ({ ...x, devices: { ...x.devices, microphoneId: id, microphoneLabel: label } }))} />
          <DevicePicker kind="audiooutput" label={t('settingsScreen.headset')} id={s.devices.headsetId} onChange={(id, label) => setS((x) => ({ ...x, devices: { ...x.devices, headsetId: id, headsetLabel: label } }))} />
          <DevicePicker kind="audiooutput" label={t('settingsScreen.ringer')} id={s.devices.ringerId} onChange={(id, label) => setS((x) => ({ ...x, devices: { ...x.devices, ringerId: id, ringerLabel: label } }))} />
          <HeadsetButtonsField />
        </fieldset>
        <p className="muted">{t('settingsScreen.dataFolder', { dir: dataDir })}</p>
        <p className="muted">{t('settingsScreen.adminHint')}</p>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('settingsScreen.save')}
          </button>
          <DoneStatus shown={saved}>{t('settingsScreen.saved')}</DoneStatus>
        </div>
      </form>
    </section>
  );
}
