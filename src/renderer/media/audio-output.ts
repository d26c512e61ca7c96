import { i18n } from '../i18n/i18n.ts';

/** Routes an <audio> element to a chosen output; an unplugged device falls back to the default. */
type SinkElement = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export async function routeToOutput(
  element: HTMLAudioElement,
  deviceId: string | null,
  label: string | null,
  onFallback: (message: string) => void,
): Promise<void> {
  const sink = element as SinkElement;
  if (!sink.setSinkId || !deviceId) return;
  try {
    await sink.setSinkId(deviceId);
  } catch {
    onFallback(i18n.t('media.outputMissing', { device: label ?? deviceId }));
    await sink.setSinkId('').catch(() => undefined);
  }
}
