import type { Clock } from '../../shared/clock.ts';
import { wireMessageSchema, type MessageInput, type StoredMessage, type WireMessage } from '../../shared/ipc/messages.ts';
import { normalizePhoneNumber } from '../../shared/contacts/phone-number.ts';
import type { Logger } from '../../shared/logger.ts';
import { parseJsonAs } from '../../shared/validation/parse-json.ts';
import { sanitizeDisplayName } from '../../shared/text/sanitize-display-name.ts';
import { sanitizeMultiline } from '../../shared/text/sanitize-multiline.ts';
import type { MessageStore } from './message-store.ts';

/** First retry after this long, doubling up to the cap: an offline colleague gets it when back. */
const RETRY_FIRST_MS = 5000;
const RETRY_CAP_MS = 60_000;

export interface MessageCourierDeps {
  clock: Clock;
  log: Logger;
  store: MessageStore;
  newId(): string;
  /** This desk: who the messages are from. */
  me(): { extension: string; name: string };
  /** The region numbers without a country code are read in (R21: the phone is stored normalized). */
  region(): string;
  /** Sends one SIP MESSAGE to a colleague's extension; rejects with the reason when not taken. */
  send(toExtension: string, body: string): Promise<void>;
  onChanged(): void;
  /** A new message arrived for this desk (for the desktop notification). */
  onReceived(message: WireMessage): void;
}

/**
 * Takes messages for absent colleagues and makes sure they arrive (R21): stored first, then sent
 * by SIP MESSAGE to the colleague's Ringside, retried while they are offline, never dropped.
 */
export class MessageCourier {
  private readonly deps: MessageCourierDeps;
  private readonly nextAttemptAt = new Map<string, number>();
  private timer: unknown = null;
  private sending = false;

  constructor(deps: MessageCourierDeps) {
    this.deps = deps;
  }

  /** Starts the retry loop; messages left pending by an earlier run are tried at once. */
  start(): void {
    this.schedule(0);
  }

  async take(input: MessageInput): Promise<StoredMessage> {
    const { clock } = this.deps;
    const me = this.deps.me();
    const now = clock.now();
    const message: StoredMessage = {
      ...input,
      phone: input.phone.trim() === '' ? '' : normalizePhoneNumber(input.phone, this.deps.region()).number,
      id: this.deps.newId(),
      box: 'sent',
      fromExtension: me.extension,
      fromName: me.name,
      createdAt: now,
      status: 'pending',
      statusBy: me.name || me.extension,
      statusAt: now,
      attempts: 0,
      lastError: '',
    };
    await this.deps.store.insert(message);
    this.deps.onChanged();
    await this.attempt(message);
    return message;
  }

  /** A MESSAGE body from a colleague's Ringside: stored once, text only. False when it is not a message. */
  async receive(body: string): Promise<boolean> {
    const m = parseJsonAs(wireMessageSchema, body);
    if (!m) return false;
    const clean: WireMessage = {
      ...m,
      toName: sanitizeDisplayName(m.toName, 100),
      fromName: sanitizeDisplayName(m.fromName, 100),
      callerName: sanitizeDisplayName(m.callerName, 120),
      organization: sanitizeDisplayName(m.organization, 120),
      phone: m.phone.replace(/[^0-9+*#]/g, ''),
      text: sanitizeMultiline(m.text, 4000),
    };
    if (await this.deps.store.receive(clean, this.deps.clock.now())) {
      this.deps.onChanged();
      this.deps.onReceived(clean);
    }
    return true;
  }

  dispose(): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private async attempt(message: StoredMessage): Promise<void> {
    const wire: WireMessage = {
      id: message.id,
      toExtension: message.toExtension,
      toName: message.toName,
      fromExtension: message.fromExtension,
      fromName: message.fromName,
      callerName: message.callerName,
      organization: message.organization,
      phone: message.phone,
      callBackAt: message.callBackAt,
      text: message.text,
      urgency: message.urgency,
      mood: message.mood,
      createdAt: message.createdAt,
    };
    const { clock, log, store } = this.deps;
    try {
      await this.deps.send(message.toExtension, JSON.stringify(wire));
      await store.setStatus(message.id, 'sent', 'delivered', message.toName || message.toExtension, clock.now());
      this.nextAttemptAt.delete(message.id);
      log.info('Message delivered', { id: message.id, to: message.toExtension });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await store.attempted(message.id, reason);
      const delay = Math.min(RETRY_CAP_MS, RETRY_FIRST_MS * 2 ** message.attempts);
      this.nextAttemptAt.set(message.id, clock.now() + delay);
      log.warn('Message not delivered yet: will retry', { id: message.id, to: message.toExtension, reason, retryInMs: delay });
      this.schedule(delay);
    }
    this.deps.onChanged();
  }

  private schedule(delay: number): void {
    const { clock } = this.deps;
    if (this.timer !== null) clock.clearTimeout(this.timer);
    this.timer = clock.setTimeout(() => {
      this.timer = null;
      void this.retryDue();
    }, delay);
  }

  private async retryDue(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      const now = this.deps.clock.now();
      const pending = await this.deps.store.pending();
      for (const message of pending) {
        if ((this.nextAttemptAt.get(message.id) ?? 0) <= now) await this.attempt(message);
      }
      const next = Math.min(...pending.map((m) => this.nextAttemptAt.get(m.id) ?? Infinity));
      if (Number.isFinite(next)) this.schedule(Math.max(0, next - this.deps.clock.now()));
    } catch (error) {
      this.deps.log.error('Retrying messages failed', { error: String(error) });
      this.schedule(RETRY_FIRST_MS);
    } finally {
      this.sending = false;
    }
  }
}
