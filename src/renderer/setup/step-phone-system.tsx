import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/ipc/settings.ts';
import { missingCaseError } from '../../shared/logger.ts';
import { registrationProblemText } from '../app/registration-problem-text.ts';
import { useAppStore } from '../state/app-store.ts';
import { runAction } from '../core/core-connection.ts';

/** The office PBX account; Connect saves it and the line below says whether the PBX took it. */
export function StepPhoneSystem({ settings, hasPassword }: { settings: Settings; hasPassword: boolean }) {
  const { t } = useTranslation();
  const [account, setAccount] = useState({ serverUrl: settings.account.serverUrl, sipUri: settings.account.sipUri, authUser: settings.account.authUser });
  const [password, setPassword] = useState('');
  const [connectAsked, setConnectAsked] = useState(false);
  const field = (key: keyof typeof account) => ({ value: account[key], onChange: (e: { target: { value: string } }) => setAccount((a) => ({ ...a, [key]: e.target.value.trim() })) });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await runAction(async (api) => {
      await api.call('settings.update', { account });
      if (password) await api.call('settings.setPassword', { password });
      return true;
    });
    if (saved) {
      setPassword('');
      setConnectAsked(true);
    }
  };
  return (
    <form className="setup-step" onSubmit={(e) => void submit(e)}>
      <p className="muted">{t('setup.phoneIntro')}</p>
      <label className="field">
        {t('setup.serverUrl')}
        <input {...field('serverUrl')} placeholder="wss://pbx.example.com:8089/ws" autoFocus spellCheck={false} />
      </label>
      <label className="field">
        {t('setup.sipAddress')}
        <input {...field('sipUri')} placeholder="sip:101@pbx.example.com" spellCheck={false} />
      </label>
      <label className="field">
        {t('setup.authUser')}
        <input {...field('authUser')} placeholder={t('setup.authUserHint')} spellCheck={false} />
      </label>
      <label className="field">
        {t('setup.password')}
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} placeholder={hasPassword ? t('setup.passwordSaved') : ''} autoComplete="new-password" />
      </label>
      <div className="setup-connect">
        <button type="submit" className="button">
          {t('setup.connect')}
        </button>
        <RegistrationResult shown={connectAsked || settings.account.serverUrl !== ''} />
      </div>
    </form>
  );
}

/** Whether the PBX took the account: registered, still trying, or its reason for not. */
function RegistrationResult({ shown }: { shown: boolean }) {
  const { t, i18n } = useTranslation();
  const registration = useAppStore((s) => s.registration);
  if (!shown || !registration) return null;
  const reason = registration.problem ? registrationProblemText(t, i18n.language, registration.problem) : (registration.reason ?? '');
  const user = registration.aor?.replace(/^sips?:/, '').split('@')[0] ?? '';
  const text = (() => {
    switch (registration.status) {
      case 'registered':
        return t('setup.registered', { user });
      case 'connecting':
        return t('setup.connecting');
      case 'unconfigured':
        return t('setup.notComplete', { reason });
      case 'failed':
        return t('setup.failed', { reason });
      default:
        throw missingCaseError(registration.status);
    }
  })();
  return (
    <span className={registration.status === 'registered' ? 'ok-text' : registration.status === 'failed' ? 'error-text' : 'muted'} role="status" data-status={registration.status}>
      {text}
    </span>
  );
}
