import { useTranslation } from 'react-i18next';
import { useMicrophoneLevel } from './use-microphone-level.ts';

/** Speak and watch the bar: the microphone the calls will use is heard. */
export function MicrophoneMeter({ deviceId }: { deviceId: string | null }) {
  const { t } = useTranslation();
  const mic = useMicrophoneLevel(deviceId);
  if (mic.state === 'failed') {
    return (
      <p className="error-text" role="alert">
        {t(`setup.micFailed.${mic.reason}`)}
      </p>
    );
  }
  const level = mic.state === 'listening' ? mic.level : 0;
  return (
    <div className="mic-meter">
      <span id="mic-meter-label">{t('setup.micLevel')}</span>
      <div className="mic-meter-bar" role="meter" aria-labelledby="mic-meter-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={level}>
        <div className="mic-meter-fill" style={{ width: `${level}%` }} />
      </div>
      <span className="muted small" aria-live="polite">
        {mic.state === 'starting' ? t('setup.micStarting') : level >= 5 ? t('setup.micHeard') : t('setup.micSpeak')}
      </span>
    </div>
  );
}
