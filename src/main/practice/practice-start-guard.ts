import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { LiveCall } from '../../shared/ipc/phone.ts';

/**
 * Why a practice call may not start now, or null: it needs a window to carry its audio, and a
 * free line (no practice call on, no real call that has not ended).
 */
export function practiceStartRefusal(desk: { mediaHost: boolean; practiceBusy: boolean; calls: readonly Pick<LiveCall, 'state'>[] }): RpcError | null {
  if (!desk.mediaHost) return new RpcError('no-media', 'No Ringside window is open to carry the audio of the call.');
  if (desk.practiceBusy || desk.calls.some((c) => c.state !== 'ended')) return new RpcError('line-busy-practice', 'Finish the current call before starting a practice call.');
  return null;
}
