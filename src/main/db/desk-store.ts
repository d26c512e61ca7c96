import type { AdminPin } from '../admin/admin-pin.ts';
import type { RefusedTrafficLog } from '../calls/refused-traffic-log.ts';
import type { DialogStore } from '../phone/orphaned-dialogs.ts';
import type { RecordingPauses } from '../recordings/recording-pauses.ts';

/**
 * This desk's own data: what belongs to the machine, not to the office — the SIP dialogs of its
 * live calls, the traffic its phone refused, its admin PIN, its recordings' pauses. It stays in
 * the desk's SQLite file when the office data moves (issue 18). Settings, devices and secrets are
 * files of the desk too (settings-store.ts, secret-store.ts); recordings' files and the kept
 * statistics days are made in their modules (docs/decisions/0018-desk-data-and-office-data.md).
 */
export interface DeskStore {
  /** call_dialogs */
  dialogs: DialogStore;
  /** refused_traffic */
  refusedTraffic: RefusedTrafficLog;
  /** admin_pin */
  adminPin: AdminPin;
  /** recording_pauses */
  recordingPauses: RecordingPauses;
}
