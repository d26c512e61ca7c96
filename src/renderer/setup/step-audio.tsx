import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/ipc/settings.ts';
import { DevicePicker } from '../settings/device-picker.tsx';
import { runAction } from '../core/core-connection.ts';
import { HeadsetTestSound } from './headset-test-sound.tsx';
import { MicrophoneMeter } from './microphone-meter.tsx';
import { SETUP_STEP_FORM } from './setup-step-form.ts';

/** The microphone and the headset calls use: the meter moves as you speak, the headset plays a chime. */
export function StepAudio({ settings, next }: { settings: Settings; next(): void }) {
  const { t } = useTranslation();
  const [devices, setDevices] = useState(settings.devices);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await runAction((api) => api.call('settings.update', { devices }));
    if (saved) next();
  };
  return (
    <form id={SETUP_STEP_FORM} className="setup-step" onSubmit={(e) => void submit(e)}>
      <p className="muted">{t('setup.audioIntro')}</p>
      <DevicePicker kind="audioinput" label={t('setup.microphone')} id={devices.microphoneId} onChange={(id, label) => setDevices((d) => ({ ...d, microphoneId: id, microphoneLabel: label }))} />
      <MicrophoneMeter key={devices.microphoneId ?? 'default'} deviceId={devices.microphoneId} />
      <DevicePicker kind="audiooutput" label={t('setup.headset')} id={devices.headsetId} onChange={(id, label) => setDevices((d) => ({ ...d, headsetId: id, headsetLabel: label }))} />
      <div>
        <HeadsetTestSound deviceId={devices.headsetId} label={devices.headsetLabel} />
      </div>
    </form>
  );
}
