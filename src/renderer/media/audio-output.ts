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
    onFallback(`The output “${label ?? deviceId}” is not available — using the default output.`);
    await sink.setSinkId('').catch(() => undefined);
  }
}
