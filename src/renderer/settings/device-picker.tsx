import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  kind: 'audioinput' | 'audiooutput';
  label: string;
  id: string | null;
  onChange(id: string | null, label: string | null): void;
}

export function DevicePicker({ kind, label, id, onChange }: Props) {
  const { t } = useTranslation();
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    const load = () =>
      void navigator.mediaDevices
        ?.enumerateDevices()
        .then((all) => setDevices(all.filter((d) => d.kind === kind && d.deviceId !== 'default' && d.deviceId !== '')))
        .catch(() => setDevices([]));
    load();
    navigator.mediaDevices?.addEventListener('devicechange', load);
    return () => navigator.mediaDevices?.removeEventListener('devicechange', load);
  }, [kind]);
  const missing = id !== null && devices.length > 0 && !devices.some((d) => d.deviceId === id);
  return (
    <label className="field">
      {label}
      <select
        value={id ?? ''}
        onChange={(e) => {
          const chosen = devices.find((d) => d.deviceId === e.target.value);
          onChange(chosen ? chosen.deviceId : null, chosen ? chosen.label : null);
        }}
      >
        <option value="">{t('settingsScreen.systemDefault')}</option>
        {devices.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `${label} ${i + 1}`}
          </option>
        ))}
        {missing && <option value={id}>{t('settingsScreen.notConnected')}</option>}
      </select>
    </label>
  );
}
