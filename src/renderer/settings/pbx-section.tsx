import { useTranslation } from 'react-i18next';
import type { SectionValues } from './settings-sections.ts';

interface Props {
  values: SectionValues['pbx'];
  onChange(values: SectionValues['pbx']): void;
  /** Typed here, sent on its own (settings.setPassword) and never shown back. */
  password: string;
  onPassword(password: string): void;
  hasPassword: boolean;
}

/** The SIP account the office phone system gave this desk. */
export function PbxSection({ values, onChange, password, onPassword, hasPassword }: Props) {
  const { t } = useTranslation();
  const account = (key: keyof SectionValues['pbx']) => ({
    value: values[key],
    onChange: (e: { target: { value: string } }) => onChange({ ...values, [key]: e.target.value }),
  });
  return (
    <>
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
        <input type="password" value={password} onChange={(e) => onPassword(e.target.value)} placeholder={hasPassword ? t('settingsScreen.passwordSaved') : t('settingsScreen.passwordNotSet')} autoComplete="new-password" />
      </label>
      <label className="field field-wide">
        {t('settingsScreen.pbxCertificate')}
        <textarea {...account('pbxCertificate')} rows={3} spellCheck={false} placeholder="-----BEGIN CERTIFICATE-----" aria-describedby="pbx-certificate-hint" />
        <span id="pbx-certificate-hint" className="muted small">
          {t('settingsScreen.pbxCertificateHint')}
        </span>
      </label>
    </>
  );
}
