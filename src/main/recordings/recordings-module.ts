import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { CoreModule, ModuleContext } from '../core/core-module.ts';
import type { MediaFile } from '../host/media-file.ts';
import { announcementFile, announcementLabel } from './consent-announcement.ts';
import { createExportJobs } from './export-jobs.ts';
import { asRecordingRpcError, recordingBytes, recordingFileKeyId } from './recording-bytes.ts';
import type { RecordingKeyStore } from './recording-key-store.ts';
import { createRecordingFinisher } from './recording-finisher.ts';
import { loadPeaks } from './recording-peaks-cache.ts';
import { deleteExpiredRecordings, listExpiredRecordings } from './recording-retention.ts';
import { selectRecordings } from './recording-selection.ts';
import { createRecordingStore } from './recording-store.ts';
import { recordingsForCall } from './recordings-for-call.ts';

export type RecordingsMethod =
  | 'recordings.chunk'
  | 'recordings.pause'
  | 'recordings.lastChunk'
  | 'recordings.consent'
  | 'recordings.forCall'
  | 'recordings.peaks'
  | 'export.agents'
  | 'export.preview'
  | 'export.start'
  | 'export.cancel'
  | 'retention.preview'
  | 'retention.delete';

/** Call recordings: written as the window sends them, played, exported and deleted by retention. */
export function createRecordingsModule(ctx: ModuleContext, deps: { recordingKeys: RecordingKeyStore; startedAt: number }) {
  const { clock, settings, stores, bus, dataDir } = ctx;
  const db = ctx.database.db;
  const log = ctx.log.child('core');
  const keys = (id: string) => deps.recordingKeys.find(id);
  const pauses = stores.desk.recordingPauses;
  const exports = createExportJobs({
    db,
    dataDir,
    keys,
    clock,
    log: ctx.log.child('export'),
    audit: stores.office.audit,
    locale: () => ({ language: settings.get().language, region: settings.get().defaultRegion, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
    onProgress: (p) => ctx.broadcast('export.progress', p),
  });
  const recordings = createRecordingStore({
    db,
    dataDir,
    clock,
    log: ctx.log.child('recordings'),
    kept: stores.keptWrites,
    encryption: { keyForNewRecording: () => (settings.get().encryptRecordings ? deps.recordingKeys.current() : null), find: keys },
  });
  // A crash left recordings as .part files and calls "in progress": finish both before anything else.
  const recovered = recordings
    .recover()
    .then(() => stores.office.calls.closeInterrupted(deps.startedAt))
    .then((closed) => closed > 0 && log.warn('Closed calls interrupted by a crash', { closed }))
    .catch((error: unknown) => log.error('Recovering after a crash failed', { error: String(error) }));

  const finisher = createRecordingFinisher({ clock, log, recordings, pauses, finished: (callId) => bus.emit('recording.finished', { callId }) });
  const stopFinishing = bus.on('call.ended', ({ callId }) => finisher.callEnded(callId));

  const finishedRecording = (id: string) => db.selectFrom('recordings').select(['file', 'mime_type']).where('id', '=', id).where('status', 'in', ['final', 'recovered']).executeTakeFirst();

  const module: CoreModule<RecordingsMethod> = {
    handlers: {
      'recordings.chunk': async ({ callId, seq, data, startedAt }) => {
        if (settings.get().recordingPolicy === 'never') throw new RpcError('recording-off', 'Recording is turned off in Settings: nothing was saved.');
        await recordings.append(callId, seq, Buffer.from(data, 'base64'), startedAt);
        return {};
      },
      'recordings.pause': async ({ callId, paused }) => {
        if (paused) await pauses.pause(callId, ctx.actor());
        else await pauses.resume(callId);
        return {};
      },
      'recordings.lastChunk': async ({ callId }) => {
        await finisher.lastChunkIn(callId);
        return {};
      },
      'recordings.consent': async ({ callId, played }) => {
        const { consent } = settings.get();
        await stores.office.calls.update(callId, { consentAnnouncement: played || consent.announcement === 'off' ? announcementLabel(consent) : 'not played', consentBeepSeconds: consent.beepEverySeconds });
        return {};
      },
      'recordings.forCall': ({ callId }) => recordingsForCall(db, callId),
      'recordings.peaks': async ({ recordingId }) => {
        const row = await finishedRecording(recordingId);
        if (!row) throw new RpcError('not-found', 'This recording is not available (still being written, or deleted).');
        return loadPeaks(join(dataDir, row.file), keys).catch((error: unknown) => {
          throw asRecordingRpcError(error);
        });
      },
      'export.agents': () => stores.office.calls.agents(),
      'export.preview': async ({ filter }) => {
        const selected = await selectRecordings(db, filter);
        return { calls: new Set(selected.map((r) => r.callId)).size, recordings: selected.length, bytes: selected.reduce((sum, r) => sum + r.bytes, 0) };
      },
      'export.start': ({ filter, format }) => ({ exportId: exports.start({ filter, format, actor: ctx.actor() }) }),
      'export.cancel': ({ exportId }) => {
        exports.cancel(exportId);
        return {};
      },
      'retention.preview': ({ days }) => listExpiredRecordings(db, days, clock.now()),
      'retention.delete': async ({ days, recordingIds }) => {
        const { deleted } = await deleteExpiredRecordings({ db, dataDir }, { days, recordingIds }, clock.now());
        const bytes = deleted.reduce((sum, r) => sum + r.bytes, 0);
        await stores.office.audit.record(ctx.actor(), 'retention-delete', { days, confirmed: recordingIds.length, deleted: deleted.length, bytes, recordings: deleted.map((r) => r.recordingId) });
        bus.emit('recordings.deleted', { recordingIds: deleted.map((r) => r.recordingId) });
        return { deleted: deleted.length, bytes };
      },
    },
    async resolveMedia(path): Promise<MediaFile | null> {
      const [kind, name = ''] = path.split('/', 2);
      if (kind === 'recordings') {
        const row = await finishedRecording(name);
        if (!row) return null;
        const file = join(dataDir, row.file);
        if (recordingFileKeyId(file) === null) return { file, mime: 'audio/webm' };
        try {
          return { file, mime: 'audio/webm', content: recordingBytes(readFileSync(file), keys) };
        } catch (error) {
          log.warn('An encrypted recording could not be opened', { recordingId: name, error: error instanceof Error ? error.message : String(error) });
          return null;
        }
      }
      if (kind === 'exports' && /^ringside-recordings-[\w-]+\.zip$/.test(name)) {
        const file = join(dataDir, 'exports', name);
        return existsSync(file) ? { file, mime: 'application/zip', downloadName: name } : null;
      }
      if (kind === 'announcements') return announcementFile(settings.get().consent, dataDir, ctx.resourcesDir);
      return null;
    },
    async dispose() {
      stopFinishing();
      finisher.dispose();
      await exports.cancelAll();
      await recordings.finishAll();
    },
  };
  /** Finishes a call's recording now, without waiting for the window: its audio went away. */
  const finishNow = (callId: string) => void finisher.windowLost(callId);
  return { ...module, recovered, finishNow };
}
