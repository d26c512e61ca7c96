import type { Kysely } from 'kysely';
import { UserAgent, type Core, type URI } from 'sip.js';
import type { Clock } from '../../shared/clock.ts';
import type { Logger } from '../../shared/logger.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

/** What it takes to send a request in a call's dialog without its session (RFC 3261 §12.2.1.1). */
export interface StoredDialog {
  sipCallId: string;
  localTag: string;
  remoteTag: string;
  localUri: string;
  remoteUri: string;
  remoteTarget: string;
  /** Route header values, in order. */
  routeSet: string[];
  /** The last CSeq this desk used in the dialog when it was stored (0: none yet). */
  localCseq: number;
}

/**
 * The BYE's CSeq goes this far past the stored one: it must only be larger than the last this desk
 * sent (RFC 3261 §12.2.1.1), and the re-INVITEs, INFOs and REFERs sent after the dialog was stored
 * (hold, session refreshes, keypad, transfers) stay far below it, so the CSeq is stored only once.
 */
export const BYE_CSEQ_MARGIN = 1000;

export interface DialogStore {
  remember(callId: string, dialog: StoredDialog): Promise<void>;
  forget(callId: string): Promise<void>;
  /** The dialogs an earlier run of the main side stored (before `at`) and never forgot. */
  storedBefore(at: number): Promise<{ callId: string; dialog: StoredDialog }[]>;
}

export function createDialogStore(deps: { db: Kysely<DatabaseSchema>; clock: Clock }): DialogStore {
  const { db, clock } = deps;
  return {
    async remember(callId, d) {
      const row = {
        sip_call_id: d.sipCallId,
        local_tag: d.localTag,
        remote_tag: d.remoteTag,
        local_uri: d.localUri,
        remote_uri: d.remoteUri,
        remote_target: d.remoteTarget,
        route_set: JSON.stringify(d.routeSet),
        local_cseq: d.localCseq,
        stored_at: clock.now(),
      };
      await db
        .insertInto('call_dialogs')
        .values({ call_id: callId, ...row })
        .onConflict((c) => c.column('call_id').doUpdateSet(row))
        .execute();
    },
    async forget(callId) {
      await db.deleteFrom('call_dialogs').where('call_id', '=', callId).execute();
    },
    async storedBefore(at) {
      const rows = await db.selectFrom('call_dialogs').selectAll().where('stored_at', '<', at).orderBy('stored_at').execute();
      return rows.map((r) => ({
        callId: r.call_id,
        dialog: {
          sipCallId: r.sip_call_id,
          localTag: r.local_tag,
          remoteTag: r.remote_tag,
          localUri: r.local_uri,
          remoteUri: r.remote_uri,
          remoteTarget: r.remote_target,
          routeSet: JSON.parse(r.route_set) as string[],
          localCseq: Number(r.local_cseq),
        },
      }));
    },
  };
}

export interface OrphanedDialogsDeps {
  store: DialogStore;
  log: Logger;
  /** When this main side started: dialogs stored before then belong to calls it lost. */
  startedAt: number;
  /**
   * Sends a BYE in the dialog and resolves with the final answer's status (sip.js answers 408 for
   * no answer and 503 for a transport error itself); rejects when it could not be sent at all.
   */
  sendBye(dialog: StoredDialog): Promise<number>;
}

/** 503 is sip.js's own word for a BYE the transport could not carry: worth another try. */
const NOT_SENT = 503;

/**
 * Ends the calls a main side that died mid-call (kill -9, a crash, a power cut) left established:
 * its sessions died with it, so the caller would stay in a silent call with no BYE. Run once the
 * account is registered, as often as it registers; runs do not overlap. A dialog is forgotten once
 * the far end answered, 481 (it had ended the call itself) included; one whose BYE could not be
 * sent waits for the next registration.
 */
export function orphanedDialogs(deps: OrphanedDialogsDeps): { endAll(): Promise<void> } {
  let running: Promise<void> | null = null;
  const endAll = async () => {
    for (const { callId, dialog } of await deps.store.storedBefore(deps.startedAt)) {
      let status: number;
      try {
        status = await deps.sendBye(dialog);
      } catch (error) {
        deps.log.warn('A BYE for a call cut off by a restart could not be sent: trying again at the next registration', { callId, error: String(error) });
        continue;
      }
      if (status === NOT_SENT) {
        deps.log.warn('A BYE for a call cut off by a restart could not be sent: trying again at the next registration', { callId, status });
        continue;
      }
      if (status >= 200 && status < 300) deps.log.info('A call cut off by a restart was ended with a BYE', { callId, status });
      else if (status === 481) deps.log.info('A call cut off by a restart had already ended at the far end', { callId, status });
      else deps.log.warn('The BYE for a call cut off by a restart was refused: the far end or the PBX ends it', { callId, status });
      await deps.store.forget(callId);
    }
  };
  return {
    endAll() {
      running ??= endAll()
        .catch((error: unknown) => deps.log.error('Ending the calls cut off by a restart failed', { error: String(error) }))
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}

/**
 * The BYE for a stored dialog, built as sip.js builds in-dialog requests (Dialog.
 * createOutgoingRequestMessage): remote target as Request-URI, the route set as Route headers.
 */
export function byeRequest(core: Core.UserAgentCore, dialog: StoredDialog): Core.OutgoingRequestMessage {
  const uri = (text: string): URI => {
    const parsed = UserAgent.makeURI(text);
    if (!parsed) throw new Error(`A stored dialog has an address that is not a SIP URI: ${text}`);
    return parsed;
  };
  return core.makeOutgoingRequestMessage('BYE', uri(dialog.remoteTarget), uri(dialog.localUri), uri(dialog.remoteUri), {
    callId: dialog.sipCallId,
    fromTag: dialog.localTag,
    toTag: dialog.remoteTag,
    cseq: dialog.localCseq + BYE_CSEQ_MARGIN,
    routeSet: dialog.routeSet,
  });
}

/**
 * What a session's dialog holds now, to be stored (orphanedDialogs ends it if this main side dies).
 * sip.js's sessions show their dialog as Core.Session; it is a Core.SessionDialog, which also has
 * the route set and the local CSeq.
 */
export function storedDialogOf(dialog: Core.Session & Partial<Pick<Core.Dialog, 'routeSet' | 'localSequenceNumber'>>): StoredDialog {
  return {
    sipCallId: dialog.callId,
    localTag: dialog.localTag,
    remoteTag: dialog.remoteTag,
    localUri: dialog.localURI.toString(),
    remoteUri: dialog.remoteURI.toString(),
    remoteTarget: dialog.remoteTarget.toString(),
    routeSet: [...(dialog.routeSet ?? [])],
    localCseq: dialog.localSequenceNumber ?? 0,
  };
}
