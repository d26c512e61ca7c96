import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../shared/clock.ts';
import type { ExportFilter, ExportFormat, ExportProgress } from '../../shared/ipc/recordings.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { Logger } from '../../shared/logger.ts';
import type { AuditLog } from '../admin/audit-log.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import type { RecordingKeyLookup } from './encrypted-recording.ts';
import type { ManifestLocale } from './export-manifest.ts';

/** Progress is sent at most this often while files stream (and always on a change of state). */
const PROGRESS_INTERVAL_MS = 250;

export interface ExportJobs {
  start(request: { filter: ExportFilter; format: ExportFormat; actor: string }): string;
  cancel(exportId: string): void;
  cancelAll(): Promise<void>;
}

/** Exports running in the background of the app, with progress, cancel and an audit entry each. */
export function createExportJobs(deps: {
  db: Kysely<DatabaseSchema>;
  dataDir: string;
  keys: RecordingKeyLookup;
  clock: Clock;
  log: Logger;
  audit: AuditLog;
  /** Read when an export starts: the office's language and region as they are then. */
  locale(): ManifestLocale;
  onProgress(progress: ExportProgress): void;
}): ExportJobs {
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  return {
    start({ filter, format, actor }) {
      if (running.size > 0) throw new RpcError('export-running', 'An export is already running: wait for it or cancel it.');
      const exportId = uuidv7();
      const controller = new AbortController();
      // The time for people, the export's own id so two exports in one second never share a file.
      const name = `ringside-recordings-${new Date(deps.clock.now()).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}-${exportId.slice(-8)}.zip`;
      const target = join(deps.dataDir, 'exports', name);
      let lastSent = 0;
      const send = (progress: Omit<ExportProgress, 'exportId'>, force: boolean) => {
        const now = deps.clock.now();
        if (!force && now - lastSent < PROGRESS_INTERVAL_MS) return;
        lastSent = now;
        deps.onProgress({ exportId, ...progress });
      };
      send({ state: 'running', done: 0, total: 0, file: null, result: null, error: null }, true);
      const locale = deps.locale();
      const run = async () => {
        let code: typeof import('./export-recordings.ts') | null = null;
        try {
          // The export's code and its libraries (ZIP, CSV, Opus, WAV) are loaded by the first export, not at start.
          code = await import('./export-recordings.ts');
          const result = await code.exportRecordings({
            db: deps.db,
            dataDir: deps.dataDir,
            keys: deps.keys,
            clock: deps.clock,
            filter,
            format,
            locale,
            target,
            signal: controller.signal,
            onProgress: (p) => send({ state: p.phase === 'verifying' ? 'verifying' : 'running', done: p.done, total: p.total, file: null, result: null, error: null }, p.phase === 'verifying' || p.done === p.total),
          });
          await deps.audit.record(actor, 'export', { filter, format, file: `exports/${name}`, calls: result.calls, recordings: result.recordings, problems: result.problems, bytes: result.bytes });
          const counts = { recordings: result.recordings, calls: result.calls, problems: result.problems };
          send({ state: 'done', done: result.recordings, total: result.recordings + result.problems, file: `exports/${name}`, result: counts, error: null }, true);
        } catch (error) {
          if (code && error instanceof code.ExportCancelledError) {
            send({ state: 'cancelled', done: 0, total: 0, file: null, result: null, error: null }, true);
            return;
          }
          const why = error instanceof Error ? error.message : String(error);
          deps.log.error('Export failed', { error: why });
          send({ state: 'failed', done: 0, total: 0, file: null, result: null, error: why }, true);
        }
      };
      const done = run().finally(() => running.delete(exportId));
      running.set(exportId, { controller, done });
      return exportId;
    },
    cancel(exportId) {
      running.get(exportId)?.controller.abort();
    },
    async cancelAll() {
      const jobs = [...running.values()];
      for (const job of jobs) job.controller.abort();
      await Promise.all(jobs.map((job) => job.done));
    },
  };
}
