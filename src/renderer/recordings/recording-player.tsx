import { Pause, Play } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { RecordingInfo } from '../../shared/ipc/recordings.ts';
import { mediaUrl } from '../api/media-url.ts';
import { formatDuration } from '../phone/call-presentation.ts';
import { runAction } from '../state/app-store.ts';
import { useCoreQuery } from '../state/use-core-query.ts';

const SPEEDS = [0.75, 1, 1.25, 1.5, 2];

/** All recordings of one call (a call can hold several: on-demand, transfers). */
export function CallRecordings({ callId }: { callId: string }) {
  const recordings = useCoreQuery(callId, 'recordings', (api) => api.call('recordings.forCall', { callId }));
  if (recordings === null) return <p className="muted">Loading the recording…</p>;
  const playable = recordings.filter((r) => r.status !== 'recording');
  if (playable.length === 0) return <p className="muted">No recording of this call is available.</p>;
  return (
    <div className="call-recordings">
      {playable.map((r) => (
        <RecordingPlayer key={r.id} recording={r} />
      ))}
    </div>
  );
}

/**
 * A waveform player: the caller's channel on top, the agent's below, from peaks computed once in
 * main; the audio streams with byte ranges, so seeking in a long call is immediate.
 */
export function RecordingPlayer({ recording }: { recording: RecordingInfo }) {
  const container = useRef<HTMLDivElement>(null);
  const player = useRef<WaveSurfer | null>(null);
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const [duration, setDuration] = useState((recording.durationMs ?? 0) / 1000);
  const [speed, setSpeed] = useState(1);
  const [ready, setReady] = useState(false);
  // By value: a refetch that returns the same pauses must not rebuild the player.
  const pausesKey = JSON.stringify(recording.pauses);

  useEffect(() => {
    let disposed = false;
    let created: WaveSurfer | null = null;
    void runAction((api) => api.call('recordings.peaks', { recordingId: recording.id })).then((peaks) => {
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
      created.on('ready', () => {
        setReady(true);
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
      created?.destroy();
      player.current = null;
    };
  }, [recording.id, recording.mediaPath, pausesKey]);

  const changeSpeed = (next: number) => {
    setSpeed(next);
    player.current?.setPlaybackRate(next, true);
  };

  return (
    <div className="recording-player" data-recording-id={recording.id} data-ready={ready ? 'true' : 'false'}>
      <div className="player-controls">
        <button type="button" className="button" disabled={!ready} onClick={() => void player.current?.playPause()} aria-label={playing ? 'Pause playback' : 'Play recording'}>
          {playing ? <Pause size={16} aria-hidden /> : <Play size={16} aria-hidden />}
        </button>
        <span className="player-time" aria-live="off">
          {formatDuration(position * 1000)} / {formatDuration(duration * 1000)}
        </span>
        <label className="player-speed">
          Speed
          <select value={speed} onChange={(e) => changeSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>{s}×</option>
            ))}
          </select>
        </label>
        {recording.status === 'recovered' && <span className="recovered" title="Saved after Ringside stopped unexpectedly during the call">recovered</span>}
        {recording.pauses.length > 0 && <span className="muted small">paused {recording.pauses.length}× (marked)</span>}
      </div>
      <div className="player-body">
        <div className="channel-labels" aria-hidden>
          <span>Caller</span>
          <span>Agent</span>
        </div>
        <div ref={container} className="waveform" />
      </div>
    </div>
  );
}
