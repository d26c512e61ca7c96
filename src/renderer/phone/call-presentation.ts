import type { TFunction } from 'i18next';
import type { EndReason, LiveCall } from '../../shared/ipc/phone.ts';
import type { RingMode } from '../media/ringtone-player.ts';
import { currentDisplayFormat } from '../i18n/display-format.ts';
import { i18n } from '../i18n/i18n.ts';

/** The name to show: the card's contact, else the network's display name, else the number. */
export function callerName(call: Pick<LiveCall, 'card' | 'displayName' | 'number'>): string {
  return call.card.contact?.name || call.displayName || (call.number && currentDisplayFormat().phone(call.number)) || i18n.t('callPanel.unknownCaller');
}

/** What the ringer plays: a ring only while a non-waiting call's ring sounds. */
export function ringModeFor(calls: readonly LiveCall[]): RingMode {
  const ringing = calls.filter((c) => c.state === 'ringing');
  if (ringing.some((c) => !c.waiting && c.ringPhase === 'on')) return 'ring';
  if (ringing.some((c) => c.waiting)) return 'waiting';
  return 'silent';
}

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Why the call ended, in the screen's language; an outgoing call's "missed" is "no answer". */
export function endReasonText(t: TFunction, reason: EndReason | null, direction: 'inbound' | 'outbound' = 'inbound'): string {
  if (direction === 'outbound') {
    if (reason === 'missed') return t('callPanel.ended.outboundMissed');
    if (reason === 'busy') return t('callPanel.ended.outboundBusy');
    if (reason === 'caller-hung-up') return t('callPanel.ended.outboundHungUp');
  }
  return reason === null ? t('callPanel.ended.none') : t(`callPanel.ended.${reason}`);
}

/** What went wrong with the call or its transfer, in the window's language. */
export function callProblemText(call: Pick<LiveCall, 'error' | 'problem'>): string | null {
  if (!call.problem) return call.error;
  const { target, detail } = call.problem.params;
  return i18n.t(`callProblem.${call.problem.code}`, { target, said: detail ? ` (${detail})` : '', detail });
}
