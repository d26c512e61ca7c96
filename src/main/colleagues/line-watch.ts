import type { Clock } from '../../shared/clock.ts';
import type { LineState } from '../../shared/ipc/colleagues.ts';
import type { Logger } from '../../shared/logger.ts';
import { lineStateOf, parseDialogInfo, type DialogEntry } from './dialog-info.ts';

/** After a working subscription ends (PBX restart, refresh refused), ask again this much later. */
export const RESUBSCRIBE_MS = 30_000;

/** What the phone connection offers: a dialog-event subscription to one extension. */
export interface DialogSubscribe {
  (
    extension: string,
    handlers: {
      /** The body of each NOTIFY. */
      onNotify(body: string): void;
      /** The subscription is over: refused, timed out or terminated by the server. */
      onEnded(): void;
    },
  ): { cancel(): void };
}

export interface LineWatchDeps {
  clock: Clock;
  log: Logger;
  subscribe: DialogSubscribe;
  onChanged(): void;
}

/**
 * How a watch on one extension stands:
 * - `asking`: SUBSCRIBE sent, no NOTIFY yet;
 * - `watching`: NOTIFYs arrive, `line` is what the PBX says;
 * - `unsupported`: the subscription ended before any NOTIFY: this PBX (or this extension) has no
 *   busy lamps; not asked again until the account reconnects or the directory changes;
 * - `waiting`: a working subscription ended; asked again after RESUBSCRIBE_MS.
 */
type WatchState = 'asking' | 'watching' | 'unsupported' | 'waiting';

interface Watch {
  state: WatchState;
  cancel: () => void;
  dialogs: Map<string, DialogEntry>;
  version: number | null;
  line: LineState | null;
  retry: unknown;
}

/**
 * Busy lamps for the colleagues directory: one dialog-event subscription (RFC 4235) per colleague
 * while the account is registered. Where the PBX does not offer them, `lineOf` stays null and the
 * directory shows the colleague's own Ringside status alone.
 */
export class LineWatch {
  private readonly deps: LineWatchDeps;
  private readonly watches = new Map<string, Watch>();
  private running = false;

  constructor(deps: LineWatchDeps) {
    this.deps = deps;
  }

  /** Null when the phone system does not say (no busy lamps, or not connected). */
  lineOf(extension: string): LineState | null {
    return this.watches.get(extension)?.line ?? null;
  }

  /** The account is registered: watch these extensions (again, after a reconnect). */
  start(extensions: readonly string[]): void {
    this.running = true;
    this.sync(extensions);
  }

  /** The directory changed: watch who is in it now. Extensions that said "unsupported" are asked again. */
  sync(extensions: readonly string[]): void {
    if (!this.running) return;
    const wanted = new Set(extensions);
    let changed = false;
    for (const [extension, watch] of this.watches) {
      if (!wanted.has(extension)) {
        this.end(extension, watch);
        changed ||= watch.line !== null;
      }
    }
    for (const extension of wanted) {
      const watch = this.watches.get(extension);
      if (!watch) this.ask(extension);
      else if (watch.state === 'unsupported') {
        this.watches.delete(extension);
        this.ask(extension);
      }
    }
    if (changed) this.deps.onChanged();
  }

  /** Not registered any more: the subscriptions went with the connection; nothing is known. */
  stop(): void {
    this.running = false;
    const hadLines = [...this.watches.values()].some((w) => w.line !== null);
    for (const [extension, watch] of this.watches) this.end(extension, watch);
    if (hadLines) this.deps.onChanged();
  }

  private ask(extension: string): void {
    const watch: Watch = { state: 'asking', cancel: () => undefined, dialogs: new Map(), version: null, line: null, retry: null };
    this.watches.set(extension, watch);
    const current = () => this.watches.get(extension) === watch;
    watch.cancel = this.deps.subscribe(extension, {
      onNotify: (body) => {
        if (current()) this.notified(extension, watch, body);
      },
      onEnded: () => {
        if (current()) this.ended(extension, watch);
      },
    }).cancel;
  }

  private notified(extension: string, watch: Watch, body: string): void {
    const info = parseDialogInfo(body);
    if (!info) {
      this.deps.log.warn('A busy-lamp notification that is not dialog-info was ignored', { extension, chars: body.length });
      return;
    }
    // A partial update must follow the version we hold (RFC 4235 §4.1): after a gap, subscribing
    // again brings the full state.
    if (!info.full && (watch.version === null || info.version === null || info.version !== watch.version + 1)) {
      this.deps.log.debug('Busy-lamp update out of order: subscribing again', { extension, have: watch.version, got: info.version });
      this.end(extension, watch);
      this.ask(extension);
      return;
    }
    if (info.full) watch.dialogs.clear();
    for (const dialog of info.dialogs) {
      if (dialog.state === 'terminated') watch.dialogs.delete(dialog.id);
      else watch.dialogs.set(dialog.id, dialog);
    }
    watch.version = info.version;
    watch.state = 'watching';
    const line = lineStateOf(watch.dialogs.values());
    if (line !== watch.line) {
      watch.line = line;
      this.deps.onChanged();
    }
  }

  private ended(extension: string, watch: Watch): void {
    const hadLine = watch.line !== null;
    watch.line = null;
    watch.dialogs.clear();
    watch.version = null;
    if (watch.state === 'asking') {
      watch.state = 'unsupported';
      this.deps.log.info('No busy lamp from the phone system for this extension', { extension });
    } else {
      watch.state = 'waiting';
      watch.retry = this.deps.clock.setTimeout(() => {
        if (this.watches.get(extension) !== watch) return;
        this.watches.delete(extension);
        this.ask(extension);
      }, RESUBSCRIBE_MS);
    }
    if (hadLine) this.deps.onChanged();
  }

  private end(extension: string, watch: Watch): void {
    this.watches.delete(extension);
    if (watch.retry !== null) this.deps.clock.clearTimeout(watch.retry);
    watch.cancel();
  }
}
