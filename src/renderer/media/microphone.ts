import { i18n } from '../i18n/i18n.ts';

/** Opens the chosen microphone; an unplugged one falls back to the default with a notice. */
export async function openMicrophone(
  deviceId: string | null,
  label: string | null,
  onFallback: (message: string) => void,
): Promise<MediaStream> {
  const base = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
  if (deviceId) {
    try {
      return await navigator.mediaDevices.getUserMedia({ audio: { ...base, deviceId: { exact: deviceId } } });
    } catch (error) {
      const name = error instanceof DOMException ? error.name : '';
      if (name !== 'OverconstrainedError' && name !== 'NotFoundError') throw describeMicrophoneError(error);
      onFallback(i18n.t('media.microphoneMissing', { device: label ?? deviceId }));
    }
  }
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: base });
  } catch (error) {
    throw describeMicrophoneError(error);
  }
}

function describeMicrophoneError(error: unknown): Error {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError') return new Error(i18n.t('media.microphoneNotAllowed'));
  if (name === 'NotFoundError') return new Error(i18n.t('media.noMicrophone'));
  return new Error(i18n.t('media.microphoneFailed', { detail: error instanceof Error ? error.message : String(error) }));
}
