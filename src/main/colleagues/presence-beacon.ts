import type { Clock } from '../../shared/clock.ts';
import { presenceBeaconSchema, type PresenceBeacon } from '../../shared/ipc/colleagues.ts';
import type { Logger } from '../../shared/logger.ts';
import { parseJsonAs } from '../../shared/validation/parse-json.ts';
import type { ColleagueDirectory } from './colleague-directory.ts';

/** Every desk repeats its status this often; a colleague silent for SILENT_AFTER_MS counts as offline. */
export const HEARTBEAT_MS = 60_000;
const SILENT_AFTER_MS = 150_000;

export interface PresenceBeaconDeps {
  clock: Clock;
  log: Logger;
  directory: ColleagueDirectory;
  /** This desk's extension and status now. */
  me(): PresenceBeacon | null;
  /** One SIP MESSAGE with this desk's status to a colleague; rejects when it does not reach them. */
  send(extension: string, beacon: PresenceBeacon): Promise<void>;
  onChanged(): void;
}

/**
 * Presence without a presence server: each Ringside tells the colleagues in its directory its
 * status (available, away, on a call) when it changes and once a minute. A colleague whose phone
 * system cannot deliver to them, or who has been silent too long, shows as offline.
 */
export class PresenceBeacons {
  private readonly deps: PresenceBeaconDeps;
  private timer: unknown = null;
  private last: string | null = null;

  constructor(deps: PresenceBeaconDeps) {
    this.deps = deps;
  }

  start(): void {
    this.tick();
  }

  /**
   * This desk's status may have changed (availability, a call began or ended): tell colleagues if
   * so — or always, when the directory changed and someone new must hear it.
   */
  changed(always = false): void {
    const me = this.deps.me();
    if (me && (always || JSON.stringify(me) !== this.last)) void this.broadcast(me);
  }

  /** A colleague's status arrived. False when the sender is not one of our colleagues or the body is not a status. */
  async receive(body: string): Promise<boolean> {
    const beacon = parseJsonAs(presenceBeaconSchema, body);
    if (!beacon) return false;
    const known = await this.deps.directory.setPresence(beacon.extension, beacon.status, this.deps.clock.now());
    if (known) this.deps.onChanged();
    return known;
  }

  /** Ringside is closing: colleagues see this desk offline at once, not a minute later. */
  async farewell(): Promise<void> {
    this.dispose();
    const me = this.deps.me();
    if (me) await this.broadcast({ ...me, status: 'offline' }).catch(() => undefined);
  }

  dispose(): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private tick(): void {
    const me = this.deps.me();
    void (async () => {
      if (me) await this.broadcast(me);
      await this.markSilent();
    })();
    this.timer = this.deps.clock.setTimeout(() => this.tick(), HEARTBEAT_MS);
  }

  private async broadcast(me: PresenceBeacon): Promise<void> {
    this.last = JSON.stringify(me);
    const colleagues = await this.deps.directory.list();
    await Promise.all(
      colleagues
        .filter((c) => c.extension !== me.extension)
        .map(async (c) => {
          try {
            await this.deps.send(c.extension, me);
          } catch (error) {
            // Not reachable through the phone system: they are not there.
            if (c.presence !== 'offline') {
              await this.deps.directory.setPresence(c.extension, 'offline', this.deps.clock.now());
              this.deps.onChanged();
            }
            this.deps.log.debug('Status not delivered', { to: c.extension, error: String(error) });
          }
        }),
    );
  }

  private async markSilent(): Promise<void> {
    const now = this.deps.clock.now();
    let changed = false;
    for (const c of await this.deps.directory.list()) {
      if (c.presence !== 'offline' && c.presence !== 'unknown' && c.presenceAt !== null && now - c.presenceAt > SILENT_AFTER_MS) {
        await this.deps.directory.setPresence(c.extension, 'offline', now);
        changed = true;
      }
    }
    if (changed) this.deps.onChanged();
  }
}
