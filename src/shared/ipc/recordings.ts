import { z } from 'zod';
import { callOutcomeSchema } from './calls.ts';

export const recordingStatusSchema = z.enum(['recording', 'final', 'recovered']);

/** One recording of a call, as the player needs it. Times are ms since the epoch. */
export const recordingInfoSchema = z.object({
  id: z.string(),
  callId: z.string(),
  status: recordingStatusSchema,
  startedAt: z.number(),
  durationMs: z.number().nullable(),
  bytes: z.number(),
  sha256: z.string().nullable(),
  /** Where the player fetches the audio (with byte ranges): "recordings/<id>". */
  mediaPath: z.string(),
  /** Paused spans, in ms from the start of this recording (silence in the file). */
  pauses: z.array(z.object({ startMs: z.number(), endMs: z.number(), by: z.string() })),
});
export type RecordingInfo = z.infer<typeof recordingInfoSchema>;

/** Precomputed waveform: per channel (caller, agent) the peak of each window, 0…1. */
export const recordingPeaksSchema = z.object({
  durationMs: z.number(),
  peaksPerSecond: z.number(),
  channels: z.array(z.array(z.number())),
});
export type RecordingPeaks = z.infer<typeof recordingPeaksSchema>;

/** Which calls' recordings to export; every part is optional and they combine. */
export const exportFilterSchema = z.object({
  /** Calls that arrived at or after this time (ms). */
  from: z.number().optional(),
  /** …and before this time (ms). */
  to: z.number().optional(),
  /** The desk's SIP address that took the call. */
  agent: z.string().max(300).optional(),
  /** Part of the client's name, organization or number. */
  client: z.string().max(200).optional(),
  outcome: callOutcomeSchema.optional(),
});
export type ExportFilter = z.infer<typeof exportFilterSchema>;

export const exportFormatSchema = z.enum(['webm', 'wav']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const exportPreviewSchema = z.object({ calls: z.number().int(), recordings: z.number().int(), bytes: z.number() });
export type ExportPreview = z.infer<typeof exportPreviewSchema>;

export const exportStateSchema = z.enum(['running', 'verifying', 'done', 'cancelled', 'failed']);
export type ExportState = z.infer<typeof exportStateSchema>;

export const exportProgressSchema = z.object({
  exportId: z.string(),
  state: exportStateSchema,
  done: z.number().int(),
  total: z.number().int(),
  /** The finished archive, relative to the data folder; also downloadable at "exports/<name>". */
  file: z.string().nullable(),
  /** When done: what the archive holds, and how many recordings could not be included. */
  result: z.object({ recordings: z.number().int(), calls: z.number().int(), problems: z.number().int() }).nullable(),
  /** When failed: why (the core's words; a disk or file error names itself). */
  error: z.string().nullable(),
});
export type ExportProgress = z.infer<typeof exportProgressSchema>;

export const retentionCandidateSchema = z.object({
  recordingId: z.string(),
  callId: z.string(),
  startedAt: z.number(),
  client: z.string(),
  bytes: z.number(),
});
export type RetentionCandidate = z.infer<typeof retentionCandidateSchema>;
