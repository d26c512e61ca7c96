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
      onFallback(`The microphone “${label ?? deviceId}” is not connected — using the default microphone.`);
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
  if (name === 'NotAllowedError') return new Error('Ringside may not use the microphone: allow it and answer again.');
  if (name === 'NotFoundError') return new Error('No microphone is connected.');
  return new Error(`The microphone could not be opened: ${error instanceof Error ? error.message : String(error)}`);
}
