import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeToOutput } from '../media/audio-output.ts';
import { useAppStore } from '../state/app-store.ts';

const TONE_SECONDS = 1.5;

/** Plays a short two-note chime on the chosen headset, through the same routing calls use. */
export function HeadsetTestSound({ deviceId, label }: { deviceId: string | null; label: string | null }) {
  const { t } = useTranslation();
  const [playing, setPlaying] = useState(false);
  const play = async () => {
    setPlaying(true);
    const context = new AudioContext();
    const destination = context.createMediaStreamDestination();
    const gain = context.createGain();
    gain.gain.value = 0.2;
    gain.connect(destination);
    for (const [hz, at] of [
      [660, 0],
      [880, TONE_SECONDS / 2],
    ] as const) {
      const tone = context.createOscillator();
      tone.frequency.value = hz;
      tone.connect(gain);
      tone.start(context.currentTime + at);
      tone.stop(context.currentTime + at + TONE_SECONDS / 2);
    }
    const element = new Audio();
    element.srcObject = destination.stream;
    await routeToOutput(element, deviceId, label, (message) => useAppStore.getState().pushNotice('warning', message));
    await element.play().catch(() => undefined);
    setTimeout(() => {
      element.srcObject = null;
      void context.close();
      setPlaying(false);
    }, TONE_SECONDS * 1000 + 200);
  };
  return (
    <button type="button" className="button" disabled={playing} onClick={() => void play()}>
      {playing ? t('setup.testSoundPlaying') : t('setup.testSound')}
    </button>
  );
}
