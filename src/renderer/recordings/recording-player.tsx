import { Pause, Play } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type WaveSurfer from 'wavesurfer.js';
import type { RecordingInfo } from '../../shared/ipc/recordings.ts';
import { mediaUrl } from '../api/media-url.ts';
import { formatDuration } from '../phone/call-presentation.ts';
import { runAction } from '../core/core-connection.ts';
import { useCoreQuery } from '../state/use-core-query.ts';

const SPEEDS = [0.75, 1, 1.25, 1.5, 2];

/** A moment of a recording with a label (a supervisor's comment), marked on the waveform. */
export interface PlayerMarker {
  atMs: number;
  label: string;
}

/** What a player lets its surroundings do: read where playback is and move it. */
export interface PlayerControls {
  recordingId: string;
  positionMs(): number;
  seek(ms: number): void;
}

interface PlayerExtras {
  /** Markers per recording id; markers with a null recording go on the first. */
  markers?: (recordingId: string, first: boolean) => PlayerMarker[];
  onControls?(controls: PlayerControls | null): void;
}

/** All recordings of one call (a call can hold several: on-demand, transfers). */
export function CallRecordings({ callId, markers, onControls }: { callId: string } & PlayerExtras) {
  const { t } = useTranslation();
  const recordings = useCoreQuery(callId, 'recordings', (api) => api.call('recordings.forCall', { callId }));
  if (recordings === null) return <p className="muted">{t('player.loading')}</p>;
  const playable = recordings.filter((r) => r.status !== 'recording');
  if (playable.length === 0) return <p className="muted">{t('player.none')}</p>;
  return (
    <div className="call-recordings">
      {playable.map((r, i) => (
        <RecordingPlayer key={r.id} recording={r} markers={markers?.(r.id, i === 0)} onControls={i === 0 ? onControls : undefined} />
      ))}
    </div>
  );
}

/**
 * A waveform player: the caller's channel on top, the agent's below, from peaks computed once in
 * main; the audio streams with byte ranges, so seeking in a long call is immediate.
 */
export function RecordingPlayer({ recording, markers = [], onControls }: { recording: RecordingInfo; markers?: PlayerMarker[] | undefined; onControls?: ((controls: PlayerControls | null) => void) | undefined }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const markerRegions = useRef<{ clearRegions(): void; addRegion(options: { start: number; color: string; content: string; drag: boolean; resize: boolean }): unknown } | null>(null);
  const player = useRef<WaveSurfer | null>(null);
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const [duration, setDuration] = useState((recording.durationMs ?? 0) / 1000);
  const [speed, setSpeed] = useState(1);
  const [ready, setReady] = useState(false);
  // By value: a refetch that returns the same pauses must not rebuild the player.
  const pausesKey = JSON.stringify(recording.pauses);
  const markersKey = JSON.stringify(markers);
  const latestOnControls = useRef(onControls);
  useEffect(() => {
    latestOnControls.current = onControls;
  });

  useEffect(() => {
    let disposed = false;
    let created: WaveSurfer | null = null;
    // The waveform library is loaded with the first recording played, not with the phone.
    const library = Promise.all([import('wavesurfer.js'), import('wavesurfer.js/dist/plugins/regions.esm.js')]);
    void Promise.all([runAction((api) => api.call('recordings.peaks', { recordingId: recording.id })), library]).then(([peaks, [{ default: WaveSurfer }, { default: RegionsPlugin }]]) => {
      if (disposed || !peaks || !container.current) return;
      const regions = RegionsPlugin.create();
      created = WaveSurfer.create({
        container: container.current,
        url: mediaUrl(recording.mediaPath),
        peaks: peaks.channels,
        duration: peaks.durationMs / 1000,
        height: 44,
        normalize: true,
        dragToSeek: true,
        cursorColor: '#111827',
        splitChannels: [
          { waveColor: '#2563eb', progressColor: '#1e3a8a' },
          { waveColor: '#059669', progressColor: '#064e3b' },
        ],
        plugins: [regions],
      });
      player.current = created;
      const markerLayer = RegionsPlugin.create();
      created.registerPlugin(markerLayer);
      markerRegions.current = markerLayer;
      created.on('ready', () => {
        setReady(true);
        const playing = created;
        if (playing) {
          latestOnControls.current?.({
            recordingId: recording.id,
            positionMs: () => Math.round(playing.getCurrentTime() * 1000),
            seek: (ms) => {
              playing.setTime(ms / 1000);
              setPosition(ms / 1000);
            },
          });
        }
        setDuration(created?.getDuration() ?? peaks.durationMs / 1000);
        for (const pause of JSON.parse(pausesKey) as RecordingInfo['pauses']) {
          regions.addRegion({ start: pause.startMs / 1000, end: pause.endMs / 1000, color: 'rgba(217, 119, 6, 0.25)', drag: false, resize: false, content: 'paused' });
        }
      });
      created.on('timeupdate', (t) => setPosition(t));
      // A click on the waveform while paused moves the position without a timeupdate from the media.
      created.on('interaction', (t) => setPosition(t));
      created.on('play', () => setPlaying(true));
      created.on('pause', () => setPlaying(false));
      created.on('finish', () => setPlaying(false));
    });
    return () => {
      disposed = true;
      if (created) latestOnControls.current?.(null);
      created?.destroy();
      player.current = null;
      markerRegions.current = null;
    };
  }, [recording.id, recording.mediaPath, pausesKey]);

  useEffect(() => {
    const layer = markerRegions.current;
    if (!ready || !layer) return;
    layer.clearRegions();
    for (const marker of JSON.parse(markersKey) as PlayerMarker[]) {
      layer.addRegion({ start: marker.atMs / 1000, color: 'rgba(124, 58, 237, 0.9)', content: marker.label, drag: false, resize: false });
    }
  }, [ready, markersKey]);

  const changeSpeed = (next: number) => {
    setSpeed(next);
    player.current?.setPlaybackRate(next, true);
  };

  return (
    <div className="recording-player" data-recording-id={recording.id} data-ready={ready ? 'true' : 'false'}>
      <div className="player-controls">
        <button type="button" className="button" disabled={!ready} onClick={() => void player.current?.playPause()} aria-label={playing ? t('player.pause') : t('player.play')}>
          {playing ? <Pause size={16} aria-hidden /> : <Play size={16} aria-hidden />}
        </button>
        <span className="player-time" aria-live="off">
          {formatDuration(position * 1000)} / {formatDuration(duration * 1000)}
        </span>
        <label className="player-speed">
          {t('player.speed')}
          <select value={speed} onChange={(e) => changeSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>{s}×</option>
            ))}
          </select>
        </label>
        {recording.status === 'recovered' && <span className="recovered" title={t('player.recoveredTitle')}>{t('player.recovered')}</span>}
        {recording.pauses.length > 0 && <span className="muted small">{t('player.paused', { count: recording.pauses.length })}</span>}
      </div>
      <div className="player-body">
        <div className="channel-labels" aria-hidden>
          <span>{t('player.caller')}</span>
          <span>{t('player.agent')}</span>
        </div>
        <div ref={container} className="waveform" />
      </div>
    </div>
  );
}
