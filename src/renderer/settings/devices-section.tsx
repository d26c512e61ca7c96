import { useTranslation } from 'react-i18next';
import type { DeviceSettings } from '../../shared/ipc/settings.ts';
import { DevicePicker } from './device-picker.tsx';
import { HeadsetButtonsField } from './headset-buttons-field.tsx';

interface Props {
  values: DeviceSettings;
  onChange(values: DeviceSettings): void;
}

/** The microphone, where the call and the ring are heard, and the headset's call buttons. */
export function DevicesSection({ values, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <DevicePicker kind="audioinput" label={t('settingsScreen.microphone')} id={values.microphoneId} onChange={(id, label) => onChange({ ...values, microphoneId: id, microphoneLabel: label })} />
      <DevicePicker kind="audiooutput" label={t('settingsScreen.headset')} id={values.headsetId} onChange={(id, label) => onChange({ ...values, headsetId: id, headsetLabel: label })} />
      <DevicePicker kind="audiooutput" label={t('settingsScreen.ringer')} id={values.ringerId} onChange={(id, label) => onChange({ ...values, ringerId: id, ringerLabel: label })} />
      <HeadsetButtonsField />
    </>
  );
}
